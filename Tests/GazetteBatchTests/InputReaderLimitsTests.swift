import Foundation
import Gazette
import GazetteBatch
import Testing

/// The input reader against hostile inputs: lines over the size limit, a byte order mark, and
/// folders holding what is not a regular file.
@Suite("Input reader limits")
struct InputReaderLimitsTests {
    func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every item the reader gives, as (kind, line): "line", "text" or the failure's message.
    func items(_ reader: InputReader) -> [(kind: String, file: String, line: Int, bytes: [UInt8])] {
        var out: [(String, String, Int, [UInt8])] = []
        while let item = reader.next() {
            switch item.kind {
            case .jsonLine: out.append(("line", item.file, item.line, item.bytes))
            case .text: out.append(("text", item.file, item.line, item.bytes))
            case .failure(let failure): out.append((failure.description, item.file, item.line, []))
            }
        }
        return out
    }

    /// A line over the limit is one failed document with its number; the lines after it are
    /// read, whether the long line spans one read or many (reads are 1 MiB).
    @Test(arguments: [200, 3 << 20])
    func aLineOverTheLimitIsReportedAndSkipped(length: Int) throws {
        let dir = try folder("limit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dump.jsonl")
        let long = #"{"text":""# + String(repeating: "a", count: length) + #""}"#
        try Data((#"{"text":"one"}"# + "\n" + long + "\n" + #"{"text":"three"}"# + "\n").utf8).write(to: file)
        let limit = length / 2
        let got = items(InputReader(paths: [file.path], options: InputOptions(format: .jsonl, maximumDocumentBytes: limit)))
        #expect(got.map(\.kind) == ["line", "over the limit of \(limit) bytes for one document", "line"])
        #expect(got.map(\.line) == [1, 2, 3])
        #expect(got.last?.bytes == Array(#"{"text":"three"}"#.utf8))
        // Within the limit, the same line is read.
        let roomy = items(InputReader(paths: [file.path], options: InputOptions(format: .jsonl, maximumDocumentBytes: length * 2)))
        #expect(roomy.map(\.kind) == ["line", "line", "line"] && roomy[1].bytes.count == long.utf8.count)
    }

    /// A last line over the limit with no newline after it is reported too, and a text file
    /// over the limit is one failed document.
    @Test func aLastLineAndATextFileOverTheLimit() throws {
        let dir = try folder("limit-last")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = dir.appendingPathComponent("dump.jsonl"), text = dir.appendingPathComponent("big.txt")
        try Data((#"{"text":"one"}"# + "\n" + String(repeating: "b", count: 500)).utf8).write(to: lines)
        try Data(String(repeating: "word ", count: 100).utf8).write(to: text)
        let got = items(InputReader(paths: [lines.path, text.path], options: InputOptions(maximumDocumentBytes: 100)))
        #expect(got.map(\.kind) == ["line", "over the limit of 100 bytes for one document", "over the limit of 100 bytes for one document"])
        #expect(got.map(\.line) == [1, 2, 0])
    }

    /// A UTF-8 byte order mark opening a JSON Lines file is no part of its first line.
    @Test func aByteOrderMarkOpensTheFirstLine() throws {
        let dir = try folder("bom")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dump.jsonl")
        try Data([0xEF, 0xBB, 0xBF] + Array((#"{"text":"one"}"# + "\n" + #"{"text":"two"}"#).utf8)).write(to: file)
        let got = items(InputReader(paths: [file.path], options: InputOptions()))
        #expect(got.map(\.bytes) == [Array(#"{"text":"one"}"#.utf8), Array(#"{"text":"two"}"#.utf8)])
    }

    /// In a folder: regular files are read (in path order, hidden names left out); a FIFO, a
    /// device and a link to nothing are each reported, and nothing blocks.
    @Test func aFolderReadsRegularFilesAndReportsTheRest() throws {
        let dir = try folder("walk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("Ana Ruiz met Ivo Dorr.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("Ivo Dorr met Ana Ruiz.".utf8).write(to: sub.appendingPathComponent("b.txt"))
        try Data("hidden".utf8).write(to: dir.appendingPathComponent(".hidden.txt"))
        #expect(mkfifo(dir.appendingPathComponent("pipe").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("gone").path, withDestinationPath: dir.appendingPathComponent("nothing").path)
        // A link back up the tree is followed once, not forever.
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: dir.path)

        let walked = InputReader.walk(dir.path)
        #expect(walked.files == [dir.appendingPathComponent("a.txt").path, sub.appendingPathComponent("b.txt").path])
        #expect(walked.skipped.map(\.path) == ["gone", "pipe", "zero"].map { dir.appendingPathComponent($0).path })
        #expect(walked.skipped.map(\.failure) == [.cannotOpen(reason: "no such file or directory"),
                                                  .notRegularFile(kind: "a FIFO"), .notRegularFile(kind: "a character device")])
        let got = items(InputReader(paths: [dir.path], options: InputOptions()))
        #expect(got.map(\.kind) == ["no such file or directory", "not a regular file (a FIFO); not read",
                                    "not a regular file (a character device); not read", "text", "text"])
    }

    /// A subfolder that cannot be read is reported with the system's reason, as is a top folder
    /// that cannot be read (not "no files in this folder"). (The super-user reads every folder,
    /// so this runs only for another user.)
    @Test(.enabled(if: getuid() != 0, "the super-user can read a folder of mode 000"))
    func anUnreadableFolderIsReported() throws {
        let dir = try folder("unreadable")
        let sub = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: sub.appendingPathComponent("a.txt"))
        try Data("y".utf8).write(to: dir.appendingPathComponent("b.txt"))
        chmod(sub.path, 0)
        defer { chmod(sub.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let got = items(InputReader(paths: [dir.path, sub.path], options: InputOptions()))
        #expect(got.map(\.kind) == ["permission denied", "permission denied", "text"])
        #expect(got.map(\.file) == [sub.path, sub.path, dir.appendingPathComponent("b.txt").path])
    }
}
