import Foundation
import Testing

/// `gazette eval` on three documents written for these tests, with one rule ("A met B") in place
/// of the defaults, so that what the system finds follows from the texts: e1 states a meeting
/// the gold gives in the other order with an interval around its day; e2 states one the gold
/// dates wrongly on purpose and one no rule catches ("held talks"); e3 states one that counts
/// and one by video link that the rule takes anyway (an extra).
@Suite("gazette eval")
struct EvalCommandTests {
    static let folder = "Tests/GazetteCLITests/Fixtures/eval"
    static let base = ["eval", "\(folder)/gold.jsonl", "\(folder)/docs", "--no-default-rules", "--rules", "\(folder)/met.rules"]

    func figures(_ extra: [String]) throws -> [String: Any] {
        let result = try CLI.run(Self.base + extra + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try jsonObjects(result).first)
    }

    @Test func scoresTriplesDatesAndEntities() throws {
        let all = try figures(["--meta", "\(Self.folder)/meta.jsonl"])
        let triples = try #require(all["triples"] as? [String: Any])
        // Gold: e1 1, e2 2 (and one optional), e3 1. Found: e1's, e2's first, e3's first; the
        // video call is an extra; the optional one counts neither way.
        #expect(triples["tp"] as? Int == 3)
        #expect(triples["fn"] as? Int == 1)
        #expect(triples["fp"] as? Int == 1)
        #expect(triples["P"] as? Double == 0.75 && triples["R"] as? Double == 0.75 && triples["F1"] as? Double == 0.75)
        // e1's Tuesday (2025-05-27) lies inside its gold interval; e2's Monday is not the gold's
        // day; e3 has a null gold date and is not scored.
        #expect(triples["date_acc"] as? String == "1/2")
        let entities = try #require(all["entities"] as? [String: Any])
        #expect(entities["gold"] as? Int == 8)
        #expect(entities["found"] as? Int == 8)
        #expect(all["documents"] as? Int == 3)
    }

    @Test func aSplitScoresItsDocumentsAlone() throws {
        let b = try figures(["--meta", "\(Self.folder)/meta.jsonl", "--split", "b"])
        let triples = try #require(b["triples"] as? [String: Any])
        #expect(b["documents"] as? Int == 1)
        #expect(triples["gold"] as? Int == 1 && triples["tp"] as? Int == 1 && triples["fp"] as? Int == 1)
        // e3's date is null in the meta file and its text states none: nothing to score.
        #expect(triples["date_acc"] as? String == "0/0")
    }

    @Test func withoutMetaTheGoldNamesTheDocumentsAndNoDateIsKnown() throws {
        let all = try figures([])
        let triples = try #require(all["triples"] as? [String: Any])
        #expect(all["documents"] as? Int == 3)
        #expect(triples["tp"] as? Int == 3)
        // "on Tuesday" has no value without the document's date.
        #expect(triples["date_acc"] as? String == "0/2")
    }

    @Test func tablesAndFindings() throws {
        let result = try CLI.run(Self.base + ["--meta", "\(Self.folder)/meta.jsonl", "--show", "all"])
        #expect(result.status == 0)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("  met              4      3      1      1  0.750  0.750  0.750"))
        #expect(text.contains("dates: 1 of 2 matched dated triples right (0.500)"))
        // The miss, with its sentence and what the rules did there.
        #expect(text.contains("miss e2 (Antony Blinken | met | Penny Wong | -)\n    [1] Later, Wong and Wang held talks with Antony Blinken.\n    no rule of met matched here"))
        #expect(text.contains("extra e3 (Antony Blinken | met | Wang Yi | -)\n    [1] Wang Yi met Antony Blinken by video link.\n    by test.met"))
        #expect(text.contains("wrong date e2 (Penny Wong | met | Wang Yi | 2025-06-08)"))
        let misses = try CLI.run(Self.base + ["--show", "misses"])
        let missText = String(decoding: misses.stdout, as: UTF8.self)
        #expect(missText.contains("miss e2") && !missText.contains("extra e3"))
    }

    @Test func failUnderExitsOneBelowTheFloor() throws {
        let below = try CLI.run(Self.base + ["--fail-under", "0.8"])
        #expect(below.status == 1)
        #expect(below.stderr.contains("triples F1 0.750 is below --fail-under 0.8"))
        let above = try CLI.run(Self.base + ["--fail-under", "0.7"])
        #expect(above.status == 0, "\(above.stderr)")
        // A floor equal to the F1 as printed is met.
        let equal = try CLI.run(Self.base + ["--fail-under", "0.75"])
        #expect(equal.status == 0, "\(equal.stderr)")
    }

    @Test func goldProblemsNameTheirLinesAndExitTwo() throws {
        let gold = try CLI.temporaryFile(Array("""
            {"doc": "e1", "kind": "entity", "type": "person", "name": "Takeshi Iwaya"}
            {"doc": "e1", "kind": "triple", "s": "Takeshi Iwaya", "p": "phoned", "o": "Takeshi Iwaya", "date": null}
            {"doc": "e1", "kind": "triple", "s": "Takeshi Iwaya", "p": "met", "o": "Enrique Manalo", "date": null}
            {"doc": "e1", "kind": "triple", "s": "Takeshi Iwaya", "p": "met"
            {"doc": "e1", "kind": "triple", "s": "Takeshi Iwaya", "p": "met", "o": "Takeshi Iwaya", "date": "May 2025"}

            """.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: gold) }
        let result = try CLI.run(["eval", gold.path, "\(Self.folder)/docs"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(gold.path):2:55: unknown predicate \"phoned\""))
        #expect(result.stderr.contains("\(gold.path):3:1: \"Enrique Manalo\" is not the name or an alias of an entity of document e1"))
        #expect(result.stderr.contains("\(gold.path):4:65: not valid JSON"))
        #expect(result.stderr.contains("\(gold.path):5:"))
        #expect(result.stderr.contains("\"date\" is not an ISO 8601 date"))
    }

    @Test func aMissingDocumentStopsTheRun() throws {
        let meta = try CLI.temporaryFile(Array(#"{"doc": "e1", "dct": null}\#n{"doc": "e9", "dct": null}\#n"#.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: meta) }
        let result = try CLI.run(Self.base + ["--meta", meta.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(Self.folder)/docs/e9.txt: no such file"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aDocumentThatIsAFolderOrNotUTF8() throws {
        let folder = testScratch.appendingPathComponent("eval-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("e1.txt"), withIntermediateDirectories: true)
        try Data("Antony Blinken met Penny Wong.".utf8).write(to: folder.appendingPathComponent("e3.txt"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let meta = try CLI.temporaryFile(Array(#"{"doc": "e1", "dct": null}\#n"#.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: meta) }
        let result = try CLI.run(Self.base.prefix(2) + [folder.path, "--meta", meta.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("e1.txt: is a folder, not a file"))
        // Invalid UTF-8 is read as U+FFFD, with a warning naming the byte, and the document counts.
        try Data([0x41, 0x6E, 0x74, 0xFF] + Array(" Blinken met Penny Wong.".utf8)).write(to: folder.appendingPathComponent("e3.txt"))
        let e3 = try CLI.temporaryFile(Array(#"{"doc": "e3", "dct": null}\#n"#.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: e3) }
        let bad = try CLI.run(Self.base.prefix(2) + [folder.path, "--meta", e3.path, "--json"])
        #expect(bad.status == 0)
        #expect(bad.stderr.contains("e3.txt: invalid UTF-8 at byte 3; ill-formed bytes are read as U+FFFD"))
        #expect(try jsonObjects(bad).first?["documents"] as? Int == 1)
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(Self.base + ["--show", "all", "--json"]).status == 2)
        #expect(try CLI.run(Self.base + ["--split", "a"]).status == 2)
        #expect(try CLI.run(Self.base + ["--fail-under", "3"]).status == 2)
        let unknown = try CLI.run(Self.base + ["--meta", "\(Self.folder)/meta.jsonl", "--split", "test"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no document of split \"test\" (splits: a, b)"))
    }
}
