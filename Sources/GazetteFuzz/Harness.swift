import Foundation
@_spi(Stages) import Gazette
import GazetteBatch

/// Fuzz targets: each takes arbitrary bytes to one of the parsers (or the whole pipeline) and
/// must return, whatever the bytes, without a trap. Built for libFuzzer by `Scripts/fuzz`
/// (`-sanitize=fuzzer,address -DFUZZING`, the target named by `GAZETTE_FUZZ_TARGET`); built as it
/// is, `gazette-fuzz TARGET FILE...` runs files through a target once each, to replay a crash
/// or a corpus.
enum FuzzTarget: String, CaseIterable {
    /// The JSON Lines reader: each line's fields, and its whole tree.
    case jsonl
    /// The lexicon parser, and the compiler of what it accepts.
    case lexicon
    /// The rule parser, and the compiler of what it accepts.
    case rules
    /// The fixture parser.
    case fixtures
    /// The tokenizer and sentence splitter, on arbitrary bytes (invalid UTF-8 included).
    case tokenizer
    /// The whole pipeline on arbitrary bytes: entities, dates, rules, triples, records.
    case pipeline
    /// The gzip reader, to the end of the stream or its first failure.
    case gzip

    nonisolated(unsafe) static let worker = try! Pipeline.load().makeWorker()
    nonisolated(unsafe) static let textTokenizer = try! Tokenizer()
    /// A small lexicon for compiling fuzzed rules against (the default's would make each run slow).
    static let entries: [LexiconEntry] = LexiconParser.parse(Array("""
        {"id":"person:ana-ruiz","type":"person","name":"Ana Ruiz","label":"Ruiz","aliases":[],"roles":[{"office":"Minister for Foreign Affairs","country":"PER","start":"2020-01-01"}]}
        {"id":"country:PER","type":"country","name":"Peru","label":"Peru","aliases":["Peru",{"text":"Peruvian","kind":"adjective"}],"codes":{"alpha3":"PER"}}
        {"id":"agreement:tarvo-accord","type":"agreement","name":"Tarvo Accord","aliases":["the accord"],"parties":["PER"]}
        """.utf8), file: "fuzz").entries

    func run(_ bytes: [UInt8]) {
        switch self {
        case .jsonl:
            for line in bytes.split(separator: 0x0A) {
                let line = Array(line)
                _ = try? JSONLine.fields(line, wanted: ["id", "text", "date", "title"])
                _ = try? JSONLine.tree(line)
            }
        case .lexicon:
            let (entries, diagnostics) = LexiconParser.parse(bytes, file: "fuzz.jsonl")
            if diagnostics.isEmpty { _ = try? Pipeline(entries: entries) }
        case .rules:
            let (file, diagnostics) = RuleParser.parse(bytes, file: "fuzz.rules")
            if diagnostics.isEmpty { _ = try? Pipeline(entries: Self.entries, rules: file) }
        case .fixtures:
            _ = RuleFixture.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.fixtures")
        case .tokenizer:
            _ = try? Self.textTokenizer.analyze(bytes)
        case .pipeline:
            guard let extraction = try? Self.worker.extract(bytes, date: CalendarDay(iso: "2025-05-29")) else { return }
            _ = Self.worker.triples(of: extraction, in: bytes, document: "fuzz")
        case .gzip:
            let source = GzipSource(MemorySource(bytes))
            var buffer: [UInt8] = []
            while (try? source.read(into: &buffer, upTo: 1 << 16)) == true {
                if buffer.count > 1 << 24 { buffer.removeAll(keepingCapacity: true) }
            }
        }
    }
}

/// Bytes in memory as a source, a few at a time (so that the gzip reader meets every boundary).
final class MemorySource: ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Bool {
        guard offset < bytes.count else { return false }
        let n = min(count, 7, bytes.count - offset)
        buffer += bytes[offset..<(offset + n)]
        offset += n
        return true
    }
}

#if FUZZING
nonisolated(unsafe) var fuzzTarget = FuzzTarget.jsonl

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The entry point when built for libFuzzer: the target from `GAZETTE_FUZZ_TARGET`, then
/// libFuzzer's own driver with the command line.
@_cdecl("GazetteFuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard let name = getenv("GAZETTE_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        print("gazette-fuzz: set GAZETTE_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        return 2
    }
    fuzzTarget = target
    target.run([])  // (loads what it needs before the first input)
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Replays files through a target: `gazette-fuzz TARGET FILE...`.
@main struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: gazette-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let bytes = try? readFile(path) else {
                print("gazette-fuzz: cannot read \(path)")
                exit(1)
            }
            target.run(bytes)
            print("\(path): ok")
        }
    }
}
#endif
