import Benchmark

/// The MB/s metric every suite reports beside package-benchmark's own.
public let throughput = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// Measures `body` and records MB/s for `bytes` bytes of text processed. Returns what `body`
/// returns.
@discardableResult
public func measureThroughput<T>(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    benchmark.startMeasurement()
    let started = clock.now
    let result = try body()
    let elapsed = clock.now - started
    benchmark.stopMeasurement()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    benchmark.measurement(throughput, Int((Double(bytes) / 1e6 / seconds).rounded()))
    return result
}
