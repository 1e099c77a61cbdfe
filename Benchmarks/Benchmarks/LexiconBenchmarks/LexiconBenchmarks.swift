import Benchmark
import BenchmarkSupport
@_spi(Stages) import Gazette

/// Lexicon compilation and matching, with the default lexicons and with a million generated
/// aliases on top of them.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )

    Benchmark("Compile default lexicons") { benchmark in
        let entries = try DefaultLexicons.entries()
        benchmark.startMeasurement()
        blackHole(try CompiledLexicon(entries: entries).nodeCount)
        benchmark.stopMeasurement()
    }

    Benchmark("Compile 1M generated aliases") { benchmark in
        let entries = GeneratedLexicon.entries
        benchmark.startMeasurement()
        blackHole(try CompiledLexicon(entries: entries).nodeCount)
        benchmark.stopMeasurement()
    }

    Benchmark("Match, default lexicons", configuration: .init(metrics: [.wallClock, throughput, .mallocCountTotal])) { benchmark in
        try matchPass(benchmark, pipeline: try Pipeline(entries: try DefaultLexicons.entries()))
    }

    Benchmark("Match, default lexicons + 1M aliases", configuration: .init(metrics: [.wallClock, throughput, .mallocCountTotal])) { benchmark in
        try matchPass(benchmark, pipeline: try Pipeline(entries: try DefaultLexicons.entries() + GeneratedLexicon.entries))
    }
}


/// Tokenize, match and resolve entities over the corpus sample, recording MB/s.
func matchPass(_ benchmark: Benchmark, pipeline: Pipeline) throws {
    let worker = try pipeline.makeWorker()
    let documents = Corpus.documents
    try measureThroughput(benchmark, bytes: Corpus.byteCount) {
        for document in documents {
            try document.withUnsafeBufferPointer { blackHole(try worker.entities(in: $0).mentions.count) }
        }
    }
}

/// A million person entries with names made of generated syllables: two or three words each,
/// most of them unlike any word of the corpus, as a large customer lexicon would be.
enum GeneratedLexicon {
    static let entries: [LexiconEntry] = {
        let syllables = ["ka", "ri", "to", "mu", "sen", "dal", "vor", "ni", "qua", "bel", "ost", "ur", "zan", "pe", "lo", "gri"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(syllables.count))
        }
        func word() -> String {
            let name = (0..<(2 + next() % 2)).map { _ in syllables[next()] }.joined()
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        return (0..<1_000_000).map { i in
            let first = word(), last = word()
            return LexiconEntry(id: "gen:\(i)", type: "person", name: "\(first) \(last)", label: last,
                                aliases: i % 3 == 0 ? [Alias("\(first) \(word()) \(last)")] : [])
        }
    }()
}
