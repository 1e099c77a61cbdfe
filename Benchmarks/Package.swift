// swift-tools-version:6.1
// Benchmarks live in their own package, so that library users and `swift test` never build
// package-benchmark. Run from this folder: swift package --disable-sandbox benchmark
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let gazettePackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

/// A benchmark suite over products of the Gazette package.
func suite(_ name: String, measuring products: String...) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkSupport",
            .product(name: "Benchmark", package: "benchmark"),
        ] + products.map { .product(name: $0, package: gazettePackage) },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "GazetteBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The corpus sample the suites share.
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "Benchmark", package: "benchmark")],
                path: "Benchmarks/BenchmarkSupport"),
        suite("TextBenchmarks", measuring: "GazetteText"),
        suite("LexiconBenchmarks", measuring: "Gazette"),
        suite("RuleBenchmarks", measuring: "Gazette"),
        suite("EndToEndBenchmarks", measuring: "Gazette", "GazetteBatch"),
        suite("StageBenchmarks", measuring: "Gazette"),
    ],
    swiftLanguageModes: [.v6]
)
