import Benchmark
import BenchmarkSupport
@_spi(Stages) import Gazette

/// The default pipeline over the corpus sample with and without the rule stage, in one run,
/// so that the rules' cost reads as a ratio of the two.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 5
    )
    let pipeline = try! Pipeline.load()

    Benchmark("Pipeline without rules (entities and dates)") { benchmark in
        let worker = try pipeline.makeWorker()
        try pass(benchmark) { document in
            try document.withUnsafeBufferPointer { blackHole(try worker.entities(in: $0).mentions.count) }
        }
    }

    Benchmark("Pipeline with the default rules (triples as JSON)") { benchmark in
        let worker = try pipeline.makeWorker()
        var json = JSONWriter()
        try pass(benchmark) { document in
            try document.withUnsafeBufferPointer { text in
                let extraction = try worker.extract(text)
                for triple in Triple.make(extraction, document: "d", text: text, layer: worker.layer, rules: pipeline.rules) {
                    triple.write(into: &json)
                }
                blackHole(json.bytes.count)
                json.reset()
            }
        }
    }
}


/// Runs `body` on every document of the corpus sample, recording MB/s.
func pass(_ benchmark: Benchmark, _ body: ([UInt8]) throws -> Void) throws {
    let documents = Corpus.documents
    try measureThroughput(benchmark, bytes: Corpus.byteCount) { for document in documents { try body(document) } }
}
