import Benchmark
import BenchmarkSupport
@_spi(Benchmarks) @_spi(Stages) import GazetteText

/// Throughput of the text layer on UNGDC speeches, side by side with ICU's break iterators alone.
///
/// Each iteration runs over the whole sample (`Corpus.megabytes`); `MB/s` is measured per
/// iteration, `Malloc (total)` counts the allocations of one pass over the sample.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, throughput],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )

    Benchmark("ICU word break (floor)") { benchmark in
        try runPass(benchmark) { tokenizer, text in blackHole(tokenizer.countICUBoundaries(text, sentences: false)) }
    }

    Benchmark("ICU word + sentence break (floor)") { benchmark in
        try runPass(benchmark) { tokenizer, text in blackHole(tokenizer.countICUBoundaries(text)) }
    }

    Benchmark("Tokenize + sentences + normalize") { benchmark in
        var layer = TextLayer()
        try runPass(benchmark) { tokenizer, text in
            try tokenizer.analyze(text, into: &layer)
            blackHole(layer.tokens.count)
        }
    }
}


/// Runs `body` over every document of the sample once per scaled iteration, with a warmed-up
/// tokenizer, and records MB/s.
func runPass(_ benchmark: Benchmark, _ body: (Tokenizer, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    let documents = Corpus.documents
    let tokenizer = try Tokenizer()
    for document in documents.prefix(50) { try document.withUnsafeBufferPointer { try body(tokenizer, $0) } }
    benchmark.startMeasurement()
    let clock = ContinuousClock()
    for _ in benchmark.scaledIterations {
        let started = clock.now
        for document in documents {
            try document.withUnsafeBufferPointer { try body(tokenizer, $0) }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(throughput, Int(Double(Corpus.byteCount) / 1e6 / seconds))
    }
    benchmark.stopMeasurement()
}
