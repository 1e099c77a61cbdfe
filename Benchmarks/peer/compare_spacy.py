"""Gazette against spaCy on the same texts, with the same lexicon and equivalent rules.

Run by Benchmarks/peer/compare-spacy, which makes the virtual environment and the inputs. Both
run on one core: spaCy as spacy.blank("en") + EntityRuler (Gazette's default lexicons exported
as case-insensitive token patterns) + Matcher (met and visited patterns like Gazette's rules), and
`gazette extract --jobs 1` with its defaults. Prints MB/s of each, their ratio, peak RSS, and how
many entity mentions both find, only Gazette finds, and only spaCy finds.
"""
import json
import os
import resource
import subprocess
import sys
import time

import spacy
from spacy.matcher import Matcher

sample, lexicons, gazette = sys.argv[1], sys.argv[2], sys.argv[3]
docs = [json.loads(line) for line in open(sample, encoding="utf-8")]
text_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)

# --- spaCy -----------------------------------------------------------------------------------
setup = time.perf_counter()
nlp = spacy.blank("en")
ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
patterns = []
types = {"person": "person", "country": "country", "agreement": "agreement"}
for name in sorted(os.listdir(lexicons)):
    if not name.endswith(".jsonl"):
        continue
    for line in open(os.path.join(lexicons, name), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entry = json.loads(line)
        label = types.get(entry.get("type"))
        if label is None:
            continue
        aliases = [entry["name"]] + [a if isinstance(a, str) else a["text"] for a in entry.get("aliases", [])]
        for alias in dict.fromkeys(aliases):
            # Phrase patterns, matched on the LOWER attribute: case-insensitive, through spaCy's
            # PhraseMatcher (token-by-token patterns of this many entries are far slower).
            patterns.append({"label": label, "pattern": alias, "id": entry["id"]})
ruler.add_patterns(patterns)
matcher = Matcher(nlp.vocab)
PERSON = {"ENT_TYPE": "person", "OP": "+"}
COUNTRY = {"ENT_TYPE": "country", "OP": "+"}
matcher.add("met", [
    [PERSON, {"LOWER": {"IN": ["met", "meets", "meet", "received", "hosted"]}}, {"LOWER": "with", "OP": "?"}, PERSON],
    [PERSON, {"LOWER": {"IN": ["held", "had"]}}, {"LOWER": "talks"}, {"LOWER": "with"}, PERSON],
    [{"LOWER": {"IN": ["meeting", "talks", "meetings"]}}, {"IS_PUNCT": False, "OP": "{0,6}"}, {"LOWER": "between"}, PERSON, {"LOWER": "and"}, PERSON],
    [PERSON, {"LOWER": "and"}, PERSON, {"LOWER": {"IN": ["met", "meet"]}}],
])
matcher.add("visited", [
    [PERSON, {"LOWER": {"IN": ["visited", "visits", "toured"]}}, {"LOWER": "the", "OP": "?"}, COUNTRY],
    [PERSON, {"LOWER": {"IN": ["arrived", "arrives", "landed"]}}, {"LOWER": "in"}, COUNTRY],
    [PERSON, {"LOWER": "'s"}, {"LOWER": {"IN": ["visit", "trip", "tour"]}}, {"LOWER": {"IN": ["to", "in"]}}, {"LOWER": "the", "OP": "?"}, COUNTRY],
])
setup = time.perf_counter() - setup

spacy_mentions = set()
spacy_matches = 0
started = time.perf_counter()
for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=64)):
    for ent in doc.ents:
        spacy_mentions.add((d["id"], ent.start_char, ent.end_char, ent.label_))
    spacy_matches += len(matcher(doc))
spacy_seconds = time.perf_counter() - started
spacy_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

# --- Gazette ---------------------------------------------------------------------------------
stats = sample + ".stats.json"
out = sample + ".gazette.jsonl"
rss = sample + ".rss"
with open(out, "w") as f:
    # /usr/bin/time reports the peak RSS of gazette itself (a forked child would count Python's).
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss, gazette, "extract", "--emit", "all", "--jobs", "1", "--quiet",
                    "--stats", stats, sample], stdout=f, check=True)
gazette_rss = int(open(rss).read().split()[-1]) / 1024
gazette_seconds = json.load(open(stats))["elapsed_seconds"]
gazette_mentions = set()
gazette_facts = 0
for line in open(out, encoding="utf-8"):
    r = json.loads(line)
    if r["schema"] == "gazette.entity/1" and r["type"] in types:
        gazette_mentions.add((r["doc"], r["start"], r["end"], r["type"]))
    elif r["schema"] == "gazette.triple/1" and r["predicate"] in ("met", "visited"):
        gazette_facts += 1

mb = text_bytes / 1e6
print(f"texts: {len(docs)} UNGDC speeches, {mb:.1f} MB, one core each")
print(f"spaCy {spacy.__version__}: blank('en') + EntityRuler ({len(patterns)} phrase patterns on LOWER) + Matcher (met, visited); setup {setup:.1f} s")
print(f"  {mb / spacy_seconds:8.2f} MB/s  ({spacy_seconds:.1f} s), peak RSS {spacy_rss:.0f} MB, {len(spacy_mentions)} entity mentions, {spacy_matches} met/visited matches")
print("Gazette: gazette extract --emit all --jobs 1 (default lexicons and rules, output parsed)")
print(f"  {mb / gazette_seconds:8.2f} MB/s  ({gazette_seconds:.1f} s), peak RSS {gazette_rss:.0f} MB, {len(gazette_mentions)} entity mentions, {gazette_facts} met/visited facts")
print(f"Gazette / spaCy throughput: {spacy_seconds / gazette_seconds:.1f}x")
both = gazette_mentions & spacy_mentions
print(f"entity mentions (same document, span and type): both {len(both)}, only Gazette {len(gazette_mentions - spacy_mentions)}, only spaCy {len(spacy_mentions - gazette_mentions)}")

# What only one side finds, most frequent first: a line each.
def surfaces(mentions):
    counts = {}
    texts = {d["id"]: d["text"] for d in docs}
    for doc, start, end, label in mentions:
        key = (texts[doc][start:end].lower(), label)
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{t!r} ({l}) {n}" for (t, l), n in sorted(counts.items(), key=lambda kv: -kv[1])[:8])
print(f"  most frequent only in spaCy: {surfaces(spacy_mentions - gazette_mentions)}")
print(f"  most frequent only in Gazette: {surfaces(gazette_mentions - spacy_mentions)}")
