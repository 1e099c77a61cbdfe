import Benchmark
import BenchmarkSupport
@_spi(Stages) import Gazette
import GazetteBatch

/// `gazette extract` end to end, in process: the whole UNGDC dump (gzip'd JSON Lines, 201.7 MB of
/// text) read, decompressed, parsed, run through the default lexicons and rules, and written as
/// JSON Lines to nowhere, with 1 and with 2 worker threads. MB/s counts the documents' text.
/// For the one-core figure, run the "1 job" benchmark under `taskset -c 0` (see README.md).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, throughput, .peakMemoryResident, .cpuTotal],
        warmupIterations: 0,
        maxDuration: .seconds(120),
        maxIterations: 3
    )
    let pipeline = try! Pipeline.load()

    for jobs in [1, 2] {
        Benchmark("End to end, \(jobs) job\(jobs == 1 ? "" : "s")") { benchmark in
            var options = BatchRunner.Options()
            options.jobs = jobs
            let reader = InputReader(paths: [Corpus.path], options: InputOptions(format: .auto))
            var written = 0
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let summary = try BatchRunner(pipeline: pipeline, options: options).run(
                reader, write: { written += $0.count }, report: { _ in })
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            precondition(summary.documentsFailed == 0, "the dump should read without failures")
            blackHole(written)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(throughput, Int((Double(summary.textBytes) / 1e6 / seconds).rounded()))
        }
    }
}

