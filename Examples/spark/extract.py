"""Runs gazette over a JSON Lines dump with Apache Spark: each partition of the dump's lines is
piped through one `gazette extract` process on an executor, and the records are written with
Spark, as JSON Lines and as Parquet.

    spark-submit Examples/spark/extract.py --gazette /path/to/gazette \
        --output out/ [--partitions N] [--emit triples|entities|all] [--master M] INPUT [INPUT ...]

INPUT is a file or folder of JSON Lines, plain or gzip'd (docs/parallel.md says what gazette
reads from each line). The gazette binary is shipped to every executor with
SparkContext.addFile. Writes OUTPUT/json (text part files, one record a line, as gazette wrote
them) and OUTPUT/parquet (the same records as a table, with the schema of
docs/schema/triple.schema.json for triples). Each task's standard error holds gazette's lines
for the documents it could not read (`<stdin>:LINE: what is wrong`) and its summary line.
"""
import argparse
import os

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, IntegerType, MapType, StringType, StructField, StructType

# A triple record's columns (docs/schema/triple.schema.json).
ENTITY = StructType([StructField(name, kind) for name, kind in [
    ("id", StringType()), ("type", StringType()), ("name", StringType()), ("label", StringType()),
    ("text", StringType()), ("start", IntegerType()), ("end", IntegerType())]])
DATE = StructType([StructField(name, kind) for name, kind in [
    ("value", StringType()), ("granularity", StringType()), ("text", StringType()),
    ("start", IntegerType()), ("end", IntegerType())]])
EVIDENCE = StructType([StructField(name, kind) for name, kind in [
    ("rule", StringType()), ("sentence", IntegerType()), ("start", IntegerType()), ("end", IntegerType()),
    ("match_start", IntegerType()), ("match_end", IntegerType()), ("text", StringType())]])
TRIPLE = StructType([
    StructField("schema", StringType()), StructField("doc", StringType()),
    StructField("subject", ENTITY), StructField("predicate", StringType()), StructField("object", ENTITY),
    StructField("date", DATE), StructField("qualifiers", MapType(StringType(), StringType())),
    StructField("rule", StringType()), StructField("evidence", ArrayType(EVIDENCE)),
    StructField("fields", MapType(StringType(), StringType())),
])

# The command each partition is piped through. Files added with addFile sit in each executor's
# working directory on a cluster, and in the driver's SparkFiles folder in local mode: it looks in
# both. gazette exits 1 when a document of its input failed (the document is reported on the
# task's standard error and the rest goes on): that is no task failure; any other code (a crash)
# fails the task, and Spark runs it again.
COMMAND = ("sh -c 'g=./$GAZETTE_NAME; [ -x \"$g\" ] || g=\"$GAZETTE_FILES/$GAZETTE_NAME\"; "
           "\"$g\" extract --format jsonl --jobs 1 --emit \"$GAZETTE_EMIT\"; code=$?; [ $code -le 1 ] || exit $code'")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--gazette", required=True, help="the gazette binary to ship to the executors")
    parser.add_argument("--output", required=True)
    parser.add_argument("--partitions", type=int, default=0,
                        help="repartition the lines into this many tasks (0: as read; a gzip'd file is one)")
    parser.add_argument("--emit", default="triples", choices=["triples", "entities", "all"])
    parser.add_argument("--master", help="Spark's master when not run by spark-submit (local[2]: two threads)")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("gazette")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.gazette))
    lines = sc.textFile(",".join(args.inputs))
    if args.partitions:
        lines = lines.repartition(args.partitions)
    env = {"GAZETTE_FILES": SparkFiles.getRootDirectory(), "GAZETTE_NAME": os.path.basename(args.gazette),
           "GAZETTE_EMIT": args.emit, "PATH": "/usr/bin:/bin"}
    records = lines.pipe(COMMAND, env=env, checkCode=True).cache()

    records.saveAsTextFile(os.path.join(args.output, "json"))
    if args.emit == "triples":
        spark.read.schema(TRIPLE).json(records).write.parquet(os.path.join(args.output, "parquet"))
    else:
        spark.read.json(records).write.parquet(os.path.join(args.output, "parquet"))
    spark.stop()


if __name__ == "__main__":
    main()
