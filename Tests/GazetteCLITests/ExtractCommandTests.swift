import Foundation
import Testing

@Suite("gazette extract")
struct ExtractCommandTests {
    @Test func entitiesOfTheExampleArticle() throws {
        let result = try CLI.run(["extract", "--emit", "entities", "--quiet", "Examples/ministers-meeting.txt"])
        #expect(result.status == 0)
        #expect(result.stderr == "")  // --quiet: no summary
        let records = try jsonObjects(result)
        let ids = records.compactMap { $0["id"] as? String }
        for id in ["country:PHL", "country:JPN", "country:VNM", "country:USA"] {
            #expect(ids.contains(id), "\(id) missing")
        }
        let first = try #require(records.first)
        #expect(first["schema"] as? String == "gazette.entity/1")
        #expect(first["doc"] as? String == "Examples/ministers-meeting.txt")
        #expect(first["text"] as? String == "MANILA")
        #expect(first["alias_kind"] as? String == "capital")
        #expect(first["start"] as? Int == 0 && first["end"] as? Int == 6)
        #expect(first["source"] as? String == "lexicon")
        // Offsets slice the text back, in code points.
        let text = Array(try String(contentsOfFile: CLI.root.appendingPathComponent("Examples/ministers-meeting.txt").path, encoding: .utf8).unicodeScalars)
        for record in records {
            let start = try #require(record["start"] as? Int), end = try #require(record["end"] as? Int)
            #expect(String(String.UnicodeScalarView(text[start..<end])) == record["text"] as? String)
        }
    }

    @Test func userLexiconAddsEntriesAndSharedAliasesListCandidates() throws {
        let lexicon = try CLI.temporaryFile(Array("""
            {"id":"Q-a","type":"person","name":"Ana Reyes","label":"Reyes","aliases":["Reyes"]}
            {"id":"Q-b","type":"person","name":"Ben Reyes","label":"Reyes","aliases":["Reyes"]}
            """.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: lexicon) }
        let result = try CLI.run(["extract", "--emit", "entities", "--no-default-lexicons", "--lexicon", lexicon.path, "--doc", "d7", "-"],
                                 stdin: Data("Reyes met reporters in Japan.".utf8))
        #expect(result.status == 0)
        let records = try jsonObjects(result)
        try #require(records.count == 1)  // no default lexicons: Japan is not found
        #expect(records[0]["doc"] as? String == "d7")
        #expect(records[0]["id"] is NSNull)
        let candidates = try #require(records[0]["candidates"] as? [[String: Any]])
        #expect(candidates.compactMap { $0["id"] as? String } == ["Q-a", "Q-b"])
        // Once the document names one of them in full, the surname is that one.
        let named = try CLI.run(["extract", "--emit", "entities", "--no-default-lexicons", "--lexicon", lexicon.path, "-"],
                                stdin: Data("Ana Reyes met Reyes.".utf8))
        #expect(try jsonObjects(named).compactMap { $0["id"] as? String } == ["Q-a", "Q-a"])
    }

    @Test func malformedLexiconIsAConfigurationError() throws {
        let lexicon = try CLI.temporaryFile(Array("""
            {"id":"ok","type":"country","name":"Fine"}
            {"id":"x","type":"country","name":"X","alias":["Y"]}
            not json
            """.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: lexicon) }
        let result = try CLI.run(["extract", "--emit", "entities", "--lexicon", lexicon.path, "-"], stdin: Data("text".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("gazette: \(lexicon.path):2:39: unknown field \"alias\"") == true)
        #expect(lines.last == "gazette: \(lexicon.path):3:1: not valid JSON: expected a value")
    }

    @Test func missingLexiconFile() throws {
        let result = try CLI.run(["extract", "--lexicon", "no-such.jsonl", "-"], stdin: Data("text".utf8))
        #expect(result.status == 2)
        #expect(result.stderr == "gazette: no-such.jsonl: no such file\n")
    }

    /// Rule, lexicon and fixture files are read to the end of what they give, so a pipe
    /// (`--rules <(generate-rules)`) works as a file does; a folder says what was expected.
    @Test func ruleLexiconAndFixtureFilesMayBePipes() throws {
        let script = """
        "$0" extract --no-default-rules --rules <(printf 'rule my.met\\n    match @a:person met @b:person\\n    emit a met b\\n') \\
            --lexicon <(printf '{"id":"p:1","type":"person","name":"Ivo Dorrek"}\\n') - <<< 'Ana Ruiz met Ivo Dorrek.'
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, CLI.executable.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let records = try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        #expect(records.count == 1)
        #expect(records.first??["rule"] as? String == "my.met")
        #expect(((records.first??["object"] as? [String: Any])?["id"] as? String) == "p:1")

        for (flag, expected) in [("--rules", "is a directory, not a rule file"), ("--lexicon", "is a directory, not a lexicon file")] {
            let result = try CLI.run(["extract", flag, "Examples", "-"], stdin: Data("text".utf8))
            #expect(result.status == 2)
            #expect(result.stderr == "gazette: Examples: \(expected)\n")
        }
    }
}

@Suite("gazette extract --date")
struct ExtractDateTests {
    @Test func officeHeldOnTheDocumentsDate() throws {
        let result = try CLI.run(["extract", "--emit", "entities", "--date", "2025-05-28", "-"], stdin: Data("Bongbong Marcos and Shigeru Ishiba met.".utf8))
        #expect(result.status == 0)
        let people = try jsonObjects(result).filter { $0["type"] as? String == "person" }
        #expect(people.compactMap { $0["name"] as? String } == ["Ferdinand Marcos Jr.", "Shigeru Ishiba"])
        #expect(people.compactMap { $0["country"] as? String } == ["PHL", "JPN"])
        #expect(people.last?["office"] as? String == "Prime Minister")
        // After his term, Ishiba holds no office the lexicon knows.
        let later = try CLI.run(["extract", "--emit", "entities", "--date", "2025-12-01", "-"], stdin: Data("Shigeru Ishiba spoke.".utf8))
        #expect(try jsonObjects(later).first?["office"] == nil)
    }

    @Test(arguments: ["2025-13-01", "2025-02-30", "May 28", "tomorrow"])
    func malformedDateIsAUsageError(_ date: String) throws {
        let result = try CLI.run(["extract", "--date", date, "-"], stdin: Data("text".utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--date must be a date such as 2025-05-29, 2025-05, 2025 or May 29, 2025; got '\(date)'"))
    }
}

@Suite("README examples")
struct ReadmeCLIExampleTests {
    /// The `gazette extract` examples of README.md: the input each command line echoes, with its
    /// flags, gives the records shown below it.
    @Test func extractExamplesAreCurrent() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = lines.indices.filter { lines[$0].hasPrefix("$ echo ") && lines[$0].contains("| gazette extract") }
        #expect(commands.count >= 2)
        for commandIndex in commands {
            let command = lines[commandIndex]
            let input = try #require(command.split(separator: "\"").dropFirst().first.map(String.init))
            let flags = command.components(separatedBy: "| gazette ")[1].split(separator: " ").map(String.init)
            let shown = lines[(commandIndex + 1)...].prefix { $0.hasPrefix("{") }
            let result = try CLI.run(flags, stdin: Data((input + "\n").utf8))
            #expect(result.status == 0)
            #expect(result.lines == Array(shown), "\(command)")
        }
    }
}

@Suite("gazette eval-dates")
struct EvalDatesCommandTests {
    /// A TimeML file written for the tests: four DATE expressions the recognizer gets right, one
    /// it cannot find, and a DURATION that does not count.
    @Test func scoresRecallAndValueAccuracy() throws {
        let folder = CLI.root.appendingPathComponent("Tests/GazetteCLITests/Fixtures/timeml").path
        let result = try CLI.run(["eval-dates", folder])
        #expect(result.status == 0)
        #expect(result.lines == [
            "documents: 1",
            "DATE expressions: 5",
            "found (relaxed, any overlap): 4 (recall 80.0%)",
            "value correct: 4 of 4 found (accuracy 100.0%)",
        ])
        let verbose = try CLI.run(["eval-dates", "--verbose", folder])
        #expect(verbose.lines.first == "summit.tml: missed \"a day the text leaves vague\" (2025-05-01)")
    }

    @Test func folderWithoutTimeML() throws {
        let result = try CLI.run(["eval-dates", CLI.root.appendingPathComponent("Examples").path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("Examples: no .tml files\n"))
    }

    /// TimeML it cannot score is named with the reason, never scored short or trapped on;
    /// attributes in single quotes are XML too.
    @Test(arguments: [
        (#"<TIMEX3 functionInDocument="CREATION_TIME" value="1998-02-27">x</TIMEX3></TEXT><TEXT>On Thursday"#, "no <TEXT> ... </TEXT>"),
        (#"<TEXT>On Thursday</TEXT>"#, "no creation time"),
        (#"<TIMEX3 functionInDocument="CREATION_TIME" value="PRESENT_REF">x</TIMEX3><TEXT>On Thursday</TEXT>"#, "the creation time \"PRESENT_REF\" is not a date"),
        (#"<TIMEX3 functionInDocument="CREATION_TIME" value="1998-02-27">x</TIMEX3><TEXT>On <TIMEX3 type="DATE" value="1998-02-26">Thursday</TEXT>"#,
         "a <TIMEX3> in <TEXT> is never closed"),
        (#"<TIMEX3 functionInDocument='CREATION_TIME' value='1998-02-27'>x</TIMEX3><TEXT>On <TIMEX3 type='DATE' value='1998-02-26'>Thursday</TIMEX3>.</TEXT>"#, ""),
    ])
    func malformedTimeML(_ content: String, _ problem: String) throws {
        let folder = testScratch.appendingPathComponent("timeml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(content.utf8).write(to: folder.appendingPathComponent("a.tml"))
        let result = try CLI.run(["eval-dates", folder.path])
        if problem.isEmpty {
            #expect(result.status == 0)
            #expect(result.lines.last == "value correct: 1 of 1 found (accuracy 100.0%)")
        } else {
            #expect(result.status == 1)
            #expect(result.stderr.contains("a.tml: \(problem)"), "\(result.stderr)")
        }
    }
}

@Suite("gazette extract dates")
struct ExtractDatesTests {
    /// The seed article states its date at its end; "28 May" resolves against it.
    @Test func seedArticleDatesResolveAgainstTheDateInTheText() throws {
        let seed = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/samples/seed-article.txt").path
        let result = try CLI.run(["extract", "--emit", "entities", seed])
        #expect(result.status == 0)
        let dates = try jsonObjects(result).filter { $0["type"] as? String == "date" }
        let byText = Dictionary(dates.map { ($0["text"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["28 May"]?["value"] as? String == "2025-05-28")
        #expect(byText["28 May"]?["anchor"] as? String == "document_date")
        #expect(byText["April"]?["value"] as? String == "2025-04")
        #expect(byText["2025-05-29"]?["anchor"] as? String == "absolute")
    }

    @Test func relativeDatesWithoutADocumentDateHaveNoValue() throws {
        let result = try CLI.run(["extract", "--emit", "entities", "-"], stdin: Data("They met on Wednesday.".utf8))
        let date = try #require(try jsonObjects(result).first { $0["type"] as? String == "date" })
        #expect(date["value"] is NSNull)
        #expect(date["anchor"] as? String == "none")
        let dated = try CLI.run(["extract", "--emit", "entities", "--date", "May 31, 2025", "-"], stdin: Data("They met on Wednesday.".utf8))
        #expect(try jsonObjects(dated).first { $0["type"] as? String == "date" }?["value"] as? String == "2025-05-28")
    }
}

@Suite("gazette extract --format jsonl")
struct ExtractJSONLTests {
    static let input = """
        {"id":"a1","date":"2025-05-31","text":"Japanese Foreign Minister Takeshi Iwaya met Manalo on Wednesday."}
        not json
        {"id":7,"text":12}
        {"title":"Talks in Tokyo","text":"The ministers met on Wednesday.","date":"not a date"}
        {"headline":"no text here"}

        {"doc_id":"b2","body":"Talks","when":"2025-05-29"}
        """

    @Test func documentsByLineWithTheirIdsAndDates() throws {
        let result = try CLI.run(["extract", "--emit", "entities", "--format", "jsonl", "-"], stdin: Data(Self.input.utf8))
        #expect(result.status == 1)  // some lines failed
        let records = try jsonObjects(result)
        // Line 1: its id, and "Wednesday" resolved against its date. ("Manalo" alone names the
        // Manalo in office only where the text names the Philippines; as the one met, it is a
        // person left unlinked.)
        let first = records.filter { $0["doc"] as? String == "a1" }
        #expect(first.compactMap { $0["text"] as? String } == ["Japanese", "Takeshi Iwaya", "Manalo", "Wednesday"])
        #expect(first.first { $0["text"] as? String == "Manalo" }?["id"] as? String == "person:manalo")
        #expect(first.last?["value"] as? String == "2025-05-28")
        // Line 4: no id field, so file:line; the title is read first ("Tokyo"); its date is no date.
        let fourth = records.filter { $0["doc"] as? String == "<stdin>:4" }
        #expect(fourth.compactMap { $0["text"] as? String } == ["Tokyo", "Wednesday"])
        #expect(fourth.last?["value"] is NSNull)
        // Every bad line is reported with its line number; the run goes on.
        #expect(result.stderr.split(separator: "\n").map(String.init).dropLast() == [
            "gazette: <stdin>:2:1: not a JSON object",
            "gazette: <stdin>:3: \"text\" is not a string (a number)",
            "gazette: <stdin>:4: \"date\" is not a date (not a date); the date is read from the text",
            "gazette: <stdin>:5: no \"text\" field",
            "gazette: <stdin>:7: no \"text\" field",
        ])
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("gazette: 6 documents read, 2 extracted, 4 failed; ") == true)
    }

    @Test func fieldNamesAreConfigurable() throws {
        let line = #"{"doc_id":"b2","body":"They met on Wednesday in Manila.","when":"2025-05-31"}"#
        let result = try CLI.run(["extract", "--emit", "entities", "--format", "jsonl", "--id-field", "doc_id", "--text-field", "body", "--date-field", "when", "-"],
                                 stdin: Data(line.utf8))
        #expect(result.status == 0)
        let records = try jsonObjects(result)
        #expect(records.allSatisfy { $0["doc"] as? String == "b2" })
        #expect(records.first { $0["type"] as? String == "date" }?["value"] as? String == "2025-05-28")
    }

    @Test func jsonlFilesAreDetectedByName() throws {
        let file = try CLI.temporaryFile(Array(#"{"id":"x","text":"Talks in Tokyo."}"#.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["extract", "--emit", "entities", file.path])
        #expect(try jsonObjects(result).compactMap { $0["doc"] as? String } == ["x"])
    }
}

extension ReadmeCLIExampleTests {
    /// The quick start's output shown in README.md is what the quick start prints first.
    @Test func quickStartOutputIsCurrent() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("The first prints one JSON object per fact") })
        let shown = lines[start...].drop { !$0.hasPrefix("{") }.prefix { $0.hasPrefix("{") }
        let result = try CLI.run(["extract", "Examples/ministers-meeting.txt"])
        #expect(Array(result.lines.prefix(shown.count)) == Array(shown))
        #expect(shown.count >= 2)
    }
}
