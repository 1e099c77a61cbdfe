import Foundation
import Testing

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = testScratch.appendingPathComponent("gazette-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `bytes` compressed by the system's gzip.
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-n"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

/// A JSON line for a document.
func jsonLine(id: String, text: String, extra: String = "") -> String {
    #"{"id":"\#(id)","text":"\#(text)"\#(extra)}"#
}

extension CLI.Result {
    /// Standard error without the summary line.
    var problems: [String] { stderr.split(separator: "\n").map(String.init).filter { !$0.contains(" documents read, ") && !$0.contains(" document read, ") } }
    var summary: String? { stderr.split(separator: "\n").map(String.init).last { $0.contains(" read, ") } }
}

@Suite("gazette extract over dumps")
struct BatchInputTests {
    static let meeting = "Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo on 3 March 2025."

    /// The documents of the records, in order, each once.
    func docs(_ result: CLI.Result) throws -> [String] {
        try jsonObjects(result).compactMap { $0["doc"] as? String }.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }

    @Test func textFileIsOneDocumentNamedByItsPath() throws {
        let file = try CLI.temporaryFile(Array(Self.meeting.utf8))
        let result = try CLI.run(["extract", file.path])
        #expect(result.status == 0)
        #expect(try docs(result) == [file.path])
        #expect(result.summary?.hasPrefix("gazette: 1 document read, 1 extracted, 0 failed; \(result.lines.count) records written; ") == true)
    }

    @Test func jsonLinesTakeTheIdFieldElseFileAndLine() throws {
        let lines = [jsonLine(id: "a", text: Self.meeting), #"{"text":"\#(Self.meeting)"}"#].joined(separator: "\n") + "\n"
        let file = try CLI.temporaryFile(Array(lines.utf8), suffix: ".jsonl")
        let result = try CLI.run(["extract", file.path])
        #expect(result.status == 0)
        #expect(try docs(result) == ["a", "\(file.path):2"])
    }

    /// gzip is recognized by its first bytes, whatever the name; a .jsonl.gz name is JSON Lines.
    @Test func gzipIsDetectedByMagicBytes() throws {
        let folder = try temporaryFolder()
        let jsonl = try gzipped(Array((jsonLine(id: "g1", text: Self.meeting) + "\n" + jsonLine(id: "g2", text: Self.meeting) + "\n").utf8))
        let named = folder.appendingPathComponent("dump.jsonl.gz")
        try Data(jsonl).write(to: named)
        let result = try CLI.run(["extract", named.path])
        #expect(result.status == 0)
        #expect(try docs(result) == ["g1", "g2"])
        // A gzip'd text file without a .gz name.
        let text = folder.appendingPathComponent("article.txt")
        try Data(try gzipped(Array(Self.meeting.utf8))).write(to: text)
        let plain = try CLI.run(["extract", text.path])
        #expect(try jsonObjects(plain).first?["predicate"] as? String == "met")
        // Two members one after the other, as `cat a.gz b.gz` makes.
        let two = folder.appendingPathComponent("two.jsonl.gz")
        try Data(try gzipped(Array((jsonLine(id: "m1", text: Self.meeting) + "\n").utf8))
                 + (try gzipped(Array((jsonLine(id: "m2", text: Self.meeting) + "\n").utf8)))).write(to: two)
        #expect(try docs(try CLI.run(["extract", two.path])) == ["m1", "m2"])
    }

    @Test func gzipOnStandardInputAndJSONLinesSniffed() throws {
        let input = try gzipped(Array((jsonLine(id: "s1", text: Self.meeting) + "\n").utf8))
        let result = try CLI.run(["extract"], stdin: Data(input))
        #expect(result.status == 0)
        #expect(try docs(result) == ["s1"])
        // Plain text on standard input is one document named "-".
        let text = try CLI.run(["extract", "-"], stdin: Data(Self.meeting.utf8))
        #expect(try docs(text) == ["-"])
    }

    /// A byte order mark opening standard input (as some Windows tools write) does not hide the
    /// JSON Lines behind it: the stream is still sniffed as JSON Lines, its first line read.
    @Test func aByteOrderMarkOnStandardInput() throws {
        let lines = jsonLine(id: "b1", text: Self.meeting) + "\n" + jsonLine(id: "b2", text: Self.meeting) + "\n"
        let result = try CLI.run(["extract"], stdin: Data([0xEF, 0xBB, 0xBF] + Array(lines.utf8)))
        #expect(result.status == 0)
        #expect(try docs(result) == ["b1", "b2"])
    }

    /// A document over a limit is one failed document, reported with its place; the others go
    /// on, and a limit below 1 is refused: a line over --max-document-bytes (400 words), a
    /// document over --max-document-tokens (5,000 periods).
    @Test(arguments: [
        ("--max-document-bytes", String(repeating: "word ", count: 400), "over the limit of 1000 bytes for one document", "--max-document-bytes must be from 1 to"),
        ("--max-document-tokens", String(repeating: ".", count: 5000), "over the limit of 1000 tokens for one document", "--max-document-tokens must be 1 or more"),
    ])
    func aDocumentOverALimitFailsAlone(flag: String, text: String, message: String, refusal: String) throws {
        let lines = [jsonLine(id: "a", text: Self.meeting), jsonLine(id: "big", text: text), jsonLine(id: "b", text: Self.meeting)].joined(separator: "\n")
        let result = try CLI.run(["extract", "--format", "jsonl", flag, "1000", "-"], stdin: Data(lines.utf8))
        #expect(result.status == 1)
        #expect(try docs(result) == ["a", "b"])
        #expect(result.stderr.contains("gazette: <stdin>:2: " + message))
        #expect(result.stderr.contains("3 documents read, 2 extracted, 1 failed"))
        let refused = try CLI.run(["extract", flag, "0", "-"], stdin: Data(lines.utf8))
        #expect(refused.status == 2 && refused.stderr.contains(refusal))
    }

    /// --jobs far beyond the cores is capped, with a note, and gives the same output.
    @Test func jobsAreCappedPerCore() throws {
        let lines = (1...4).map { jsonLine(id: "j\($0)", text: Self.meeting) }.joined(separator: "\n")
        let many = try CLI.run(["extract", "--jobs", "100000", "--format", "jsonl", "-"], stdin: Data(lines.utf8))
        let one = try CLI.run(["extract", "--jobs", "1", "--format", "jsonl", "-"], stdin: Data(lines.utf8))
        #expect(many.status == 0 && many.stdout == one.stdout)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(many.stderr.contains("--jobs 100000 is more than 8 per core; running \(8 * cores) (\(cores) cores)"))
    }

    /// Folders are read recursively, in name order, hidden files left out; each file by its name.
    @Test func foldersRecursivelyInNameOrder() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try Data(Self.meeting.utf8).write(to: folder.appendingPathComponent("b/c/z.txt"))
        try Data(Self.meeting.utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data((jsonLine(id: "j1", text: Self.meeting) + "\n").utf8).write(to: folder.appendingPathComponent("b/d.jsonl"))
        try Data(Self.meeting.utf8).write(to: folder.appendingPathComponent(".hidden.txt"))
        let result = try CLI.run(["extract", folder.path])
        #expect(result.status == 0)
        #expect(try docs(result) == [folder.path + "/a.txt", folder.path + "/b/c/z.txt", "j1"])
    }

    @Test func keptFieldsRideAlong() throws {
        let line = #"{"id":"k","text":"\#(Self.meeting)","url":"https://example.org/a","meta":{"z":1,"a":[true,null]}}"#
        let result = try CLI.run(["extract", "--format", "jsonl", "--keep-fields", "url,meta,missing", "-"], stdin: Data(line.utf8))
        let fields = try #require(try jsonObjects(result).first?["fields"] as? [String: Any])
        #expect(fields["url"] as? String == "https://example.org/a")
        #expect((fields["meta"] as? [String: Any])?["z"] as? Int == 1)
        #expect(fields["missing"] is NSNull)
        // Values other than strings are carried as written.
        #expect(result.lines.first?.hasSuffix(#""fields":{"url":"https://example.org/a","meta":{"z":1,"a":[true,null]},"missing":null}}"#) == true)
    }

    /// Every kind of bad input: one line on standard error naming the place, the run goes on,
    /// the document counts as failed, exit code 1.
    @Test func badInputIsReportedAndTheRunGoesOn() throws {
        let folder = try temporaryFolder()
        var lines: [[UInt8]] = [
            Array(jsonLine(id: "ok1", text: Self.meeting).utf8),
            Array(#"{"id":"x","text":"unterminated"#.utf8),
            Array(#"{"id":"y"}"#.utf8),
            Array(#"{"id":"z","text":["a"]}"#.utf8),
            Array(#"{"id":"u","text":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
            Array(#"["not","an","object"]"#.utf8),
            Array(jsonLine(id: "ok2", text: Self.meeting).utf8),
        ]
        let dump = folder.appendingPathComponent("dump.jsonl")
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: dump)
        lines = []
        // A truncated gzip stream: its last bytes cut off.
        let whole = try gzipped(Array((jsonLine(id: "t1", text: Self.meeting) + "\n" + jsonLine(id: "t2", text: String(repeating: "word ", count: 2000)) + "\n").utf8))
        let truncated = folder.appendingPathComponent("cut.jsonl.gz")
        try Data(whole.prefix(whole.count - 40)).write(to: truncated)
        let missing = folder.appendingPathComponent("missing.txt").path
        let result = try CLI.run(["extract", dump.path, truncated.path, missing])
        #expect(result.status == 1)
        #expect(try docs(result) == ["ok1", "ok2", "t1"])
        #expect(result.problems == [
            "gazette: \(dump.path):2:31: not valid JSON: the line ends inside a string",
            "gazette: \(dump.path):3: no \"text\" field",
            "gazette: \(dump.path):4: \"text\" is not a string (an array)",
            "gazette: \(dump.path):5: invalid UTF-8 at byte 21 of the line",
            "gazette: \(dump.path):6:1: not a JSON object",
            "gazette: \(truncated.path): truncated gzip stream (it ends after \(whole.count - 40) compressed bytes); line 2 is incomplete",
            "gazette: \(missing): no such file or directory",
        ])
        #expect(result.summary?.hasPrefix("gazette: 10 documents read, 3 extracted, 7 failed; \(result.lines.count) records written; ") == true)
    }

    /// JSON escapes decode before the text is read: offsets count the decoded text.
    @Test func escapedTextIsDecoded() throws {
        let line = #"{"id":"e","text":"Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manal\u006f on 3 March 2025. \"Caf\u00e9 \ud83d\ude00\"\n"}"#
        let result = try CLI.run(["extract", "--quiet", "--emit", "entities", "--format", "jsonl", "-"], stdin: Data(line.utf8))
        #expect(result.status == 0)
        let manalo = try #require(try jsonObjects(result).first { $0["id"] as? String == "person:enrique-manalo" })
        #expect(manalo["text"] as? String == "Enrique Manalo")
        #expect(manalo["start"] as? Int == 53)
        #expect(manalo["end"] as? Int == 67)
        // A byte order mark inside the text is a character of it, as a JSON reader sees it.
        let bom = "{\"id\":\"b\",\"text\":\"\u{FEFF}Foreign Minister Takeshi Iwaya spoke.\"}"
        let marked = try CLI.run(["extract", "--quiet", "--emit", "entities", "--format", "jsonl", "-"], stdin: Data(bom.utf8))
        #expect(try jsonObjects(marked).first { $0["id"] as? String == "person:takeshi-iwaya" }?["start"] as? Int == 18)
    }

    @Test func strictStopsAtTheFirstFailure() throws {
        let lines = [jsonLine(id: "a", text: Self.meeting), "oops", jsonLine(id: "b", text: Self.meeting)].joined(separator: "\n")
        let result = try CLI.run(["extract", "--strict", "--format", "jsonl", "-"], stdin: Data(lines.utf8))
        #expect(result.status == 1)
        #expect(try docs(result) == ["a"])
        #expect(result.problems == ["gazette: <stdin>:2:1: not a JSON object"])
        #expect(result.summary?.hasSuffix("; stopped at the first failure (--strict)") == true)
    }

    /// No progress line when standard error is not a terminal, unless --progress asks.
    @Test func progressOnlyWhenAskedOffATerminal() throws {
        let lines = (0..<50).map { jsonLine(id: "p\($0)", text: Self.meeting) }.joined(separator: "\n")
        let file = try CLI.temporaryFile(Array(lines.utf8), suffix: ".jsonl")
        let quiet = try CLI.run(["extract", file.path])
        #expect(!quiet.stderr.contains(" MB/s"))
        let shown = try CLI.run(["extract", "--progress", file.path])
        let progress = shown.stderr.split(separator: "\n").filter { $0.contains(" MB/s") }
        #expect(progress.last?.hasPrefix("gazette: 50 documents, ") == true)
        #expect(progress.last?.contains("100%, ETA 0:00") == true)  // the size of a file is known
        let none = try CLI.run(["extract", "--progress", "--quiet", file.path])
        #expect(none.stderr == "")
    }

    @Test func statsFileHoldsTheSummary() throws {
        let stats = testScratch.appendingPathComponent("stats-\(UUID().uuidString).json")
        let lines = [jsonLine(id: "a", text: Self.meeting), "{}"].joined(separator: "\n")
        let result = try CLI.run(["extract", "--format", "jsonl", "--stats", stats.path, "-"], stdin: Data(lines.utf8))
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any])
        #expect(object["documents_read"] as? Int == 2)
        #expect(object["documents_extracted"] as? Int == 1)
        #expect(object["documents_failed"] as? Int == 1)
        #expect(object["records_written"] as? Int == result.lines.count)
        #expect(object["elapsed_seconds"] is Double)
    }

    /// Output is in input order and the same byte for byte whatever the number of threads.
    @Test func outputIsTheSameForAnyNumberOfJobs() throws {
        let texts = [
            Self.meeting, "Japanese Prime Minister Shigeru Ishiba visited the Philippines in April.", "Nothing here.",
            "The Philippine Senate has already ratified the Japan-Philippines Reciprocal Access Agreement.",
        ]
        let lines = (0..<400).map { jsonLine(id: "d\($0)", text: texts[$0 % texts.count], extra: #","date":"2025-05-29""#) }
        let file = try CLI.temporaryFile(Array((lines.joined(separator: "\n") + "\n").utf8), suffix: ".jsonl")
        let one = try CLI.run(["extract", "--jobs", "1", "--emit", "all", file.path])
        let four = try CLI.run(["extract", "--jobs", "4", "--emit", "all", file.path])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
        #expect(one.stdout.count > 100_000)
        // "Nothing here." (every fourth document from the third) gives no record.
        #expect(try docs(one) == (0..<400).filter { $0 % 4 != 2 }.map { "d\($0)" })
    }

    /// `gazette extract dump | head -1`: the reader goes away, the run ends quietly.
    @Test func aClosedPipeEndsQuietly() throws {
        let lines = (0..<3000).map { jsonLine(id: "d\($0)", text: Self.meeting) }
        let file = try CLI.temporaryFile(Array((lines.joined(separator: "\n") + "\n").utf8), suffix: ".jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "'\(CLI.executable.path)' extract '\(file.path)' | head -n 1; echo \"status ${PIPESTATUS[0]}\""]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines2 = output.split(separator: "\n")
        #expect(lines2.count == 2)
        #expect(lines2.first?.hasPrefix(#"{"schema":"gazette.triple/1","doc":"d0""#) == true)
        #expect(lines2.last == "status 0")
        #expect(errors == "")
    }
}
