import Foundation
import Testing

@Suite("gazette diff")
struct DiffCommandTests {
    /// A triple record as gazette extract writes it (the fields diff reads).
    func record(_ doc: String, _ s: String, _ p: String, _ o: String, date: String? = nil, rule: String, sentence: String = "A sentence.") -> String {
        let d = date.map { #"{"value":"\#($0)","granularity":"day","text":"x","start":0,"end":1}"# } ?? "null"
        return #"{"schema":"gazette.triple/1","doc":"\#(doc)","subject":{"id":"id:\#(s)","type":"person","name":"\#(s)","label":"\#(s)","text":null,"start":null,"end":null},"predicate":"\#(p)","object":{"id":"id:\#(o)","type":"person","name":"\#(o)","label":"\#(o)","text":null,"start":null,"end":null},"date":\#(d),"qualifiers":{},"rule":"\#(rule)","evidence":[{"rule":"\#(rule)","sentence":0,"start":0,"end":1,"match_start":0,"match_end":1,"text":"\#(sentence)"}]}"#
    }

    func files(_ old: [String], _ new: [String]) throws -> (URL, URL) {
        (try CLI.temporaryFile(Array((old.joined(separator: "\n") + "\n").utf8), suffix: ".jsonl"),
         try CLI.temporaryFile(Array((new.joined(separator: "\n") + "\n").utf8), suffix: ".jsonl"))
    }

    /// Facts are matched by (document, subject, predicate, object, date), whatever the line order;
    /// counts by predicate and rule, examples with their sentence.
    @Test func addedAndRemovedByPredicateAndRule() throws {
        let a = record("d1", "Ann", "met", "Bob", date: "2025-05-28", rule: "met.verb")
        let b = record("d1", "Ann", "visited", "Avalon", rule: "visited.verb", sentence: "Ann visited Avalon.")
        let c = record("d2", "Cy", "met", "Dee", rule: "met.between", sentence: "Talks between Cy and Dee.")
        let aOtherDate = record("d1", "Ann", "met", "Bob", date: "2025-05-27", rule: "met.verb")
        let entity = #"{"schema":"gazette.entity/1","doc":"d1","type":"person","id":"id:Ann"}"#
        let (old, new) = try files([a, b, entity], [c, entity, a, aOtherDate])
        let result = try CLI.run(["diff", old.path, new.path])
        #expect(result.status == 0)
        #expect(result.lines == [
            "old: \(old.path) (2 facts)",
            "new: \(new.path) (3 facts)",
            "added 2, removed 1, unchanged 1",
            "",
            "by predicate    added  removed",
            "  met               2        0",
            "  visited           0        1",
            "",
            "by rule           added  removed",
            "  met.between         1        0",
            "  met.verb            1        0",
            "  visited.verb        0        1",
            "",
            "added met (2 of 2):",
            "  d2  (Cy | met | Dee | -)  by met.between",
            "    \"Talks between Cy and Dee.\"",
            "  d1  (Ann | met | Bob | 2025-05-27)  by met.verb",
            "    \"A sentence.\"",
            "",
            "removed visited (1 of 1):",
            "  d1  (Ann | visited | Avalon | -)  by visited.verb",
            "    \"Ann visited Avalon.\"",
        ])
        let json = try CLI.run(["diff", "--format", "json", old.path, new.path])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["added"] as? Int == 2)
        #expect(object["removed"] as? Int == 1)
        #expect(((object["by_rule"] as? [String: Any])?["visited.verb"] as? [String: Int])?["removed"] == 1)
        #expect(((object["examples"] as? [String: Any])?["added"] as? [Any])?.count == 2)
    }

    /// Either output may come on standard input (the other file is read twice); duplicate
    /// lines of one fact count once, as added or removed.
    @Test func eitherOutputOnStandardInput() throws {
        let a = record("d1", "Ann", "met", "Bob", rule: "met.verb")
        let b = record("d1", "Ann", "visited", "Avalon", rule: "visited.verb")
        let c = record("d2", "Cy", "met", "Dee", rule: "met.between")
        let (old, new) = try files([a, b, b], [a, c, c])
        let files = try CLI.run(["diff", "--format", "json", old.path, new.path])
        let counts = { (result: CLI.Result) throws -> [Int?] in
            let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            return ["added", "removed", "unchanged"].map { object[$0] as? Int }
                + [(object["old"] as? [String: Any])?["facts"] as? Int, (object["new"] as? [String: Any])?["facts"] as? Int]
        }
        #expect(try counts(files) == [1, 1, 1, 2, 2])
        let oldOnStdin = try CLI.run(["diff", "--format", "json", "-", new.path], stdin: try Data(contentsOf: old))
        #expect(try counts(oldOnStdin) == [1, 1, 1, 2, 2])
        let newOnStdin = try CLI.run(["diff", "--format", "json", old.path, "-"], stdin: try Data(contentsOf: new))
        #expect(try counts(newOnStdin) == [1, 1, 1, 2, 2])
        let text = try CLI.run(["diff", "-", new.path], stdin: try Data(contentsOf: old))
        #expect(text.lines.contains("removed visited (1 of 1):") && text.lines.contains("added met (1 of 1):"))
    }

    @Test func failOnChange() throws {
        let a = record("d1", "Ann", "met", "Bob", rule: "met.verb")
        let (same1, same2) = try files([a], [a])
        #expect(try CLI.run(["diff", "--fail-on-change", same1.path, same2.path]).status == 0)
        let (old, new) = try files([a], [])
        #expect(try CLI.run(["diff", "--fail-on-change", old.path, new.path]).status == 1)
        #expect(try CLI.run(["diff", old.path, new.path]).status == 0)
    }

    @Test func unreadableOrMalformedInputIsAnError() throws {
        let (old, _) = try files([record("d1", "Ann", "met", "Bob", rule: "met.verb")], [])
        let bad = try CLI.temporaryFile(Array("not json\n".utf8), suffix: ".jsonl")
        let result = try CLI.run(["diff", old.path, bad.path])
        #expect(result.status == 2)
        #expect(result.stderr == "gazette: \(bad.path):1: not a JSON object\n")
        #expect(try CLI.run(["diff", old.path, "/no/such.jsonl"]).stderr == "gazette: /no/such.jsonl: no such file or directory\n")
    }
}
