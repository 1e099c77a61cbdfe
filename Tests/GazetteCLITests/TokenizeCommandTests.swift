import Foundation
import Testing

@Suite("gazette tokenize")
struct TokenizeCommandTests {
    @Test func tokenizesTheExampleArticle() throws {
        let result = try CLI.run(["tokenize", "Examples/ministers-meeting.txt"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let records = try jsonObjects(result)
        #expect(records.count > 100)
        let first = try #require(records.first)
        #expect(first["text"] as? String == "MANILA")
        #expect(first["key"] as? String == "manila")
        #expect(first["kind"] as? String == "word")
        #expect(first["shape"] as? [String] == ["capitalized", "all_caps"])
        #expect(first["sentence"] as? Int == 0)
        #expect(first["start"] as? Int == 0 && first["end"] as? Int == 6)
        #expect(first["byte_start"] as? Int == 0 && first["byte_end"] as? Int == 6)
        let texts = records.compactMap { $0["text"] as? String }
        #expect(texts.contains("2025-03-14"))
        #expect(texts.contains("Sept."))
        #expect(texts.contains("Đà"))
        // Keys, in the order the file has them.
        let keys = records.compactMap { $0["key"] as? String }
        #expect(keys.firstIndex(of: "da").map { keys[$0 + 1] } == "nang")
    }

    @Test func readsStandardInput() throws {
        let result = try CLI.run(["tokenize", "-"], stdin: Data("Manalo's visit to Japan-Philippines talks.".utf8))
        #expect(result.status == 0)
        let texts = try jsonObjects(result).compactMap { $0["text"] as? String }
        #expect(texts == ["Manalo", "'s", "visit", "to", "Japan", "-", "Philippines", "talks", "."])
        // No argument means standard input too.
        let implicit = try CLI.run(["tokenize"], stdin: Data("Hi.".utf8))
        #expect(try jsonObjects(implicit).compactMap { $0["text"] as? String } == ["Hi", "."])
    }

    /// A document of more tokens than --max-document-tokens writes no token and says why.
    @Test func tokensPastTheLimit() throws {
        let text = Data("Manalo's visit to Japan-Philippines talks.".utf8)
        let refused = try CLI.run(["tokenize", "--max-document-tokens", "8", "-"], stdin: text)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("over the limit of 8 tokens for one document"))
        let fits = try CLI.run(["tokenize", "--max-document-tokens", "9", "-"], stdin: text)
        #expect(fits.status == 0)
        #expect(try jsonObjects(fits).count == 9)
    }

    @Test func sentencesAndDocumentID() throws {
        let result = try CLI.run(["tokenize", "--sentences", "--doc", "a1", "-"],
                                 stdin: Data("Mr. Iwaya met Manalo. They agreed.\nNext line".utf8))
        #expect(result.status == 0)
        let records = try jsonObjects(result)
        #expect(records.compactMap { $0["text"] as? String } == ["Mr. Iwaya met Manalo.", "They agreed.", "Next line"])
        #expect(records.allSatisfy { $0["doc"] as? String == "a1" })
    }

    @Test func invalidUTF8IsRepairedInOutput() throws {
        let file = try CLI.temporaryFile(Array("Iwaya ".utf8) + [0xFF] + Array(" met".utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["tokenize", file.path])
        #expect(result.status == 0)
        #expect(String(validating: [UInt8](result.stdout), as: UTF8.self) != nil)
        let records = try jsonObjects(result)
        try #require(records.compactMap { $0["text"] as? String } == ["Iwaya", "\u{FFFD}", "met"])
        #expect(records[1]["byte_start"] as? Int == 6 && records[1]["byte_end"] as? Int == 7)
        #expect(records[2]["start"] as? Int == 8 && records[2]["byte_start"] as? Int == 8)
    }

    @Test func emptyInputGivesNoRecords() throws {
        let result = try CLI.run(["tokenize", "-"], stdin: Data())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let a = try CLI.run(["tokenize", "Examples/ministers-meeting.txt"])
        let b = try CLI.run(["tokenize", "Examples/ministers-meeting.txt"])
        #expect(a.stdout == b.stdout)
    }

    @Test func missingFileIsAnInputError() throws {
        let result = try CLI.run(["tokenize", "no-such-file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "gazette: no-such-file.txt: no such file or directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func unreadableStandardInputIsAnInputError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" tokenize - <&- 2>&1; echo \"exit $?\"", CLI.executable.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "gazette: <stdin>: bad file descriptor\nexit 1\n")
    }

    @Test func directoryIsAnInputError() throws {
        let result = try CLI.run(["tokenize", "Examples"])
        #expect(result.status == 1)
        #expect(result.stderr == "gazette: Examples: is a directory, expected a text file\n")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CLI.run(["tokenize", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
        let noCommand = try CLI.run(["no-such-command"])
        #expect(noCommand.status == 2)
    }

    @Test func helpDescribesEveryFlag() throws {
        let root = try CLI.run(["--help"])
        #expect(root.status == 0)
        let rootHelp = String(decoding: root.stdout, as: UTF8.self)
        #expect(rootHelp.contains("tokenize"))
        #expect(rootHelp.contains("Exit codes"))
        let help = try CLI.run(["tokenize", "--help"])
        #expect(help.status == 0)
        let text = String(decoding: help.stdout, as: UTF8.self)
        for flag in ["--sentences", "--doc", "<file>", "byte_start", "code point"] {
            #expect(text.contains(flag), "tokenize --help does not mention \(flag)")
        }
    }

    /// `gazette tokenize big.txt | head -1`: the reader goes away, gazette ends quietly.
    @Test func closedPipeEndsQuietly() throws {
        let line = Array("Manalo met Iwaya in Tokyo on 2025-05-28. ".utf8)
        let file = try CLI.temporaryFile(Array(repeating: line, count: 20_000).flatMap { $0 })
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["tokenize", file.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
    }
}
