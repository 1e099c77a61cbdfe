// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gazette",
    products: [
        .library(name: "Gazette", targets: ["Gazette"]),
        .library(name: "GazetteBatch", targets: ["GazetteBatch"]),
        .library(name: "GazetteText", targets: ["GazetteText"]),
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .executable(name: "gazette-fuzz", targets: ["GazetteFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian's libicu-dev. shim.h wraps every ICU function the project calls, so that no
        // Swift code names ICU's version-suffixed symbols (ubrk_open_72 and so on).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Debian's zlib1g-dev, for gzip'd input: shim.h wraps the one macro the project calls.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Tokenizer, sentence splitter, normalizer. The only importer of CICU; never imports
        // Foundation (the toolchain's Foundation ships ICU headers of its own as a module).
        .target(
            name: "GazetteText",
            dependencies: ["CICU"]
        ),
        // The default lexicons (Lexicons/*.jsonl), embedded in the binary by an assembly file that
        // Scripts/build-lexicons generates; the header search path is where .incbin finds them.
        .target(
            name: "GazetteLexiconData",
            cSettings: [.headerSearchPath("../../Lexicons"), .headerSearchPath("../../Rules")]
        ),
        // The pipeline: lexicons, entities, dates, rules, output records. No I/O beyond reading
        // rule and lexicon files, no threads, no swift-nio.
        .target(
            name: "Gazette",
            dependencies: ["GazetteText", "GazetteLexiconData"]
        ),
        // Batch processing over dumps: input reading (files, folders, gzip through the system
        // zlib), worker threads, ordered output. A user who only calls `triples(in:)` needs neither.
        .target(
            name: "GazetteBatch",
            dependencies: ["Gazette", "CZlib"]
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette", "GazetteBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets for libFuzzer (Scripts/fuzz builds them with -sanitize=fuzzer); built
        // plainly, a tool that replays files through a target.
        .executableTarget(name: "GazetteFuzz", dependencies: ["Gazette", "GazetteBatch"]),
        .testTarget(name: "GazetteTextTests", dependencies: ["GazetteText"]),
        .testTarget(name: "GazetteTests", dependencies: ["Gazette"]),
        .testTarget(name: "GazetteBatchTests", dependencies: ["GazetteBatch"]),
        .testTarget(name: "GazetteCLITests", dependencies: ["GazetteCLI"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
