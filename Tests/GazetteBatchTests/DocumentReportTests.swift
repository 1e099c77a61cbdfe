import Foundation
import Gazette
import GazetteBatch
import Testing

/// Problems come out of a batch run as values (what kind, where), and as the text the command
/// line prints only when asked.
@Suite("Batch problems as values")
struct DocumentReportTests {
    /// Runs the default pipeline over `lines` (one JSON Lines file) and a missing file.
    func reports(_ lines: [[UInt8]]) throws -> (reports: [DocumentReport], summary: BatchRunner.Summary, file: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump.jsonl")
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: dump)
        let missing = folder.appendingPathComponent("missing.txt").path
        let reader = InputReader(paths: [dump.path, missing], options: InputOptions())
        var found: [DocumentReport] = []
        let summary = try BatchRunner(pipeline: try Pipeline.load(), options: BatchRunner.Options())
            .run(reader, write: { _ in }, report: { found.append($0) })
        return (found, summary, dump.path)
    }

    @Test func eachProblemIsATypedValueWithItsPlace() throws {
        let (reports, summary, file) = try reports([
            Array(#"{"id":"a","text":"Ana Ruiz met Ivo Dorr.","date":"TBD"}"#.utf8),
            Array(#"{"id":"b"}"#.utf8),
            Array(#"{"id":"c","text":42}"#.utf8),
            Array(#"["no"]"#.utf8),
            Array(#"{"id":"d","text":"café" x}"#.utf8),
        ])
        #expect(reports.map(\.problem) == [
            .warning(.dateNotRead(field: "date", value: "TBD")),
            .failure(.missingField("text")),
            .failure(.fieldNotString(field: "text", kind: "a number")),
            .failure(.notAnObject(column: 1)),
            // "x" is the 25th code point and the 26th byte ("é" takes two): columns count code points.
            .failure(.malformedJSON(column: 25, message: "expected ',' or '}' after a field")),
            .failure(.cannotOpen(reason: "no such file or directory")),
        ])
        #expect(reports.map(\.place).dropLast() == ["\(file):1", "\(file):2", "\(file):3", "\(file):4", "\(file):5"])
        #expect(reports.map(\.isFailure) == [false, true, true, true, true, true])
        #expect(summary.documentsRead == 6 && summary.documentsExtracted == 1 && summary.documentsFailed == 5)
        // The text the command line prints: "place: message", "place:column: message" for JSON.
        #expect(reports[1].description == "\(file):2: no \"text\" field")
        #expect(reports[3].description == "\(file):4:1: not a JSON object")
        #expect(reports[4].description == "\(file):5:25: not valid JSON: expected ',' or '}' after a field")
        #expect(reports[0].description == "\(file):1: \"date\" is not a date (TBD); the date is read from the text")
    }

    /// A gzip stream whose trailer is damaged (its CRC-32 does not match): every line that
    /// decompressed before the damage runs, and then the damage is reported, once.
    @Test func aDamagedGzipTrailerLosesNoLineBeforeIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = (1...3).map { #"{"id":"d\#($0)","text":"Ana Ruiz met Ivo Dorrek."}"# }.joined(separator: "\n") + "\n"
        let plain = folder.appendingPathComponent("dump.jsonl")
        try Data(lines.utf8).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-n", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let packed = folder.appendingPathComponent("dump.jsonl.gz")
        var bytes = [UInt8](try Data(contentsOf: packed))
        bytes[bytes.count - 6] ^= 0xFF  // a byte of the CRC-32, in the 8-byte trailer
        try Data(bytes).write(to: packed)

        var reports: [DocumentReport] = []
        var written = 0
        let summary = try BatchRunner(pipeline: try Pipeline.load(), options: BatchRunner.Options())
            .run(InputReader(paths: [packed.path], options: InputOptions()), write: { written += $0.count }, report: { reports.append($0) })
        #expect(summary.documentsRead == 4 && summary.documentsExtracted == 3 && summary.documentsFailed == 1)
        #expect(reports.count == 1)
        if case .failure(.corruptGzip)? = reports.first?.problem {} else { Issue.record("expected a corrupt gzip stream, got \(reports)") }
        #expect(written > 0)
    }
}
