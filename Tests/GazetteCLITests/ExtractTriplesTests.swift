import Foundation
import Testing

@Suite("gazette extract triples")
struct ExtractTriplesTests {
    static let predicates: Set<String> = ["met", "visited", "signed", "ratified", "negotiating", "holds_office"]

    struct Gold {
        var s: String, p: String, o: String
        var date: String?
        var optional: Bool
        /// Other dates the gold's note accepts ("so a date of 2025-05 or 2025-05-28 is acceptable").
        var accepted: Set<String> = []
    }

    /// The dates a gold note names as acceptable, read from the note itself.
    static func acceptedDates(inNote note: String?) -> Set<String> {
        guard let note, note.contains("acceptable") else { return [] }
        let regex = try! NSRegularExpression(pattern: #"\b\d{4}-\d{2}(-\d{2})?\b"#)
        let range = NSRange(note.startIndex..., in: note)
        return Set(regex.matches(in: note, range: range).compactMap { Range($0.range, in: note).map { String(note[$0]) } })
    }

    /// The seed article with no flags: every triple of its gold with its date (or one its note
    /// accepts; holds_office dates are not compared; met is symmetric), optional ones may be
    /// missing, and no other triple of the six predicates.
    @Test func seedArticleGivesItsGoldTriples() throws {
        let samples = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/samples")
        let gold = try String(contentsOf: samples.appendingPathComponent("seed-article.gold.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { line -> Gold? in
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                guard o["kind"] as? String == "triple" else { return nil }
                return Gold(s: o["s"] as! String, p: o["p"] as! String, o: o["o"] as! String,
                            date: o["date"] as? String, optional: o["optional"] as? Bool ?? false,
                            accepted: Self.acceptedDates(inNote: o["note"] as? String))
            }
        #expect(gold.count >= 11)
        let result = try CLI.run(["extract", samples.appendingPathComponent("seed-article.txt").path])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try jsonObjects(result)
        #expect(got.allSatisfy { $0["schema"] as? String == "gazette.triple/1" })
        func name(_ record: [String: Any], _ key: String) -> String { (record[key] as? [String: Any])?["name"] as? String ?? "" }
        func date(_ record: [String: Any]) -> String? { (record["date"] as? [String: Any])?["value"] as? String }
        func same(_ g: Gold, _ r: [String: Any]) -> Bool {
            guard r["predicate"] as? String == g.p else { return false }
            let forward = name(r, "subject") == g.s && name(r, "object") == g.o
            let backward = g.p == "met" && name(r, "subject") == g.o && name(r, "object") == g.s
            return forward || backward
        }
        for g in gold where !g.optional {
            let matches = got.filter { same(g, $0) }
            #expect(matches.count == 1, "(\(g.s), \(g.p), \(g.o)) found \(matches.count) times")
            if g.p != "holds_office", let m = matches.first {
                #expect(date(m) == g.date || g.accepted.contains(date(m) ?? ""),
                        "(\(g.s), \(g.p), \(g.o)): date \(date(m) ?? "null"), gold \(g.date ?? "null") or one of \(g.accepted.sorted())")
            }
        }
        for record in got where Self.predicates.contains(record["predicate"] as? String ?? "") {
            #expect(gold.contains { same($0, record) }, "not in the gold: (\(name(record, "subject")), \(record["predicate"] ?? ""), \(name(record, "object")))")
        }
        // The central fact, with its evidence.
        let central = try #require(got.first { $0["predicate"] as? String == "met" && date($0) == "2025-05-28" })
        let evidence = try #require((central["evidence"] as? [[String: Any]])?.first)
        #expect((evidence["text"] as? String)?.contains("a meeting on 28 May between Philippine Foreign Affairs Secretary Enrique Manalo") == true)
        #expect(evidence["rule"] as? String == "met.between")
    }

    /// Code point offsets slice the text to the mention, also after non-ASCII text.
    @Test func offsetsSliceTheTextInCodePoints() throws {
        let text = "Đà Nẵng — Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo on 3 March 2025."
        let result = try CLI.run(["extract", "-"], stdin: Data(text.utf8))
        let met = try #require(try jsonObjects(result).first { $0["predicate"] as? String == "met" })
        let scalars = Array(text.unicodeScalars)
        for key in ["subject", "object"] {
            let e = try #require(met[key] as? [String: Any])
            let start = try #require(e["start"] as? Int), end = try #require(e["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == e["text"] as? String)
        }
        let date = try #require(met["date"] as? [String: Any])
        #expect(date["value"] as? String == "2025-03-03")
        #expect(String(String.UnicodeScalarView(scalars[(date["start"] as! Int)..<(date["end"] as! Int)])) == "3 March 2025")
    }

    /// The same fact stated twice is one record with two pieces of evidence; a symmetric fact
    /// stated in both orders too.
    @Test func aFactStatedTwiceIsOneRecord() throws {
        let text = "Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo. Later, Manalo met Iwaya."
        let result = try CLI.run(["extract", "-"], stdin: Data(text.utf8))
        let met = try jsonObjects(result).filter { $0["predicate"] as? String == "met" }
        #expect(met.count == 1)
        #expect((met.first?["evidence"] as? [[String: Any]])?.map { $0["sentence"] as? Int } == [0, 1])
    }

    @Test func emitAllWritesEntitiesThenTriples() throws {
        let text = "Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo."
        let result = try CLI.run(["extract", "--emit", "all", "-"], stdin: Data(text.utf8))
        let schemas = try jsonObjects(result).compactMap { $0["schema"] as? String }
        #expect(schemas.first == "gazette.entity/1")
        #expect(schemas.last == "gazette.triple/1")
        #expect(schemas.firstIndex(of: "gazette.triple/1")! > schemas.lastIndex(of: "gazette.entity/1")!)
    }

    @Test func userRulesAddToTheDefaultsOrReplaceThem() throws {
        let rules = testScratch.appendingPathComponent("praised-\(UUID().uuidString).rules")
        try "rule praised.verb\n    match @a:person praised @b:person\n    emit a praised b\n".write(to: rules, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: rules) }
        let text = Data("Japanese Foreign Minister Takeshi Iwaya praised Philippine Foreign Secretary Enrique Manalo.".utf8)
        let both = try CLI.run(["extract", "--rules", rules.path, "-"], stdin: text)
        #expect(Set(try jsonObjects(both).compactMap { $0["predicate"] as? String }) == ["praised", "holds_office"])
        let only = try CLI.run(["extract", "--no-default-rules", "--rules", rules.path, "-"], stdin: text)
        #expect(try jsonObjects(only).compactMap { $0["predicate"] as? String } == ["praised"])
    }

    /// A malformed rule file stops the run before any input is read: every problem with
    /// file:line:column, exit code 2.
    @Test func malformedRulesAreRefusedWithEveryProblem() throws {
        let rules = testScratch.appendingPathComponent("bad-\(UUID().uuidString).rules")
        try "rule met.x\n    match @a:person (met | meets @b:person\n    emit a met b\nrule two\n    match NOPE @a:person\n    emit a met a\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: rules) }
        let result = try CLI.run(["extract", "--rules", rules.path, "-"], stdin: Data("text".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("gazette: \(rules.path):2:43: expected ')' to close the group opened at column 21"))
        #expect(lines.contains("gazette: \(rules.path):5:11: rule 'two': unknown class NOPE (define it with 'define NOPE = ...')"))
        #expect(lines.count == 2)
    }

    /// A fact's date is never a dateline's (known by its form) nor a date inside a name; a date the
    /// text states for the event is kept even when it is the document's own date.
    @Test(arguments: [
        ("MANILA, 2025-03-14 — Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo.", "2025-03-14", nil),
        ("TOKYO, March 14 (Reuters) - Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo.", "2025-03-14", nil),
        ("Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo on 29 May 2025.", "2025-05-29", "2025-05-29"),
        ("The Good Friday Agreement was signed at Stormont by Ireland and the United Kingdom.", "2025-05-29", nil),
    ] as [(String, String, String?)])
    func factDates(_ text: String, _ documentDate: String, _ expected: String?) throws {
        let result = try CLI.run(["extract", "--quiet", "--date", documentDate, "-"], stdin: Data(text.utf8))
        let facts = try jsonObjects(result).filter { ["met", "signed"].contains($0["predicate"] as? String) }
        #expect(!facts.isEmpty)
        for fact in facts { #expect((fact["date"] as? [String: Any])?["value"] as? String == expected, "\(text)") }
    }

    /// A page without full stops is one long sentence: its evidence is the part around each
    /// match, so output stays linear in the input.
    @Test func longSentencesGiveEvidenceAroundTheMatch() throws {
        let text = Array(repeating: "Foreign Minister Takeshi Iwaya and Foreign Secretary Enrique Manalo , the , met with", count: 1500).joined(separator: " ")
        let result = try CLI.run(["extract", "--quiet", "--date", "2025-05-29", "-"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let met = try #require(try jsonObjects(result).first { $0["predicate"] as? String == "met" })
        let evidence = try #require(met["evidence"] as? [[String: Any]])
        #expect(evidence.count > 500)
        #expect(evidence.allSatisfy { ($0["text"] as? String)?.utf8.count ?? .max <= 800 })
        #expect(result.stdout.count < 50 * text.utf8.count)  // about 3 facts of 1 KB per 85 bytes of input
        let scalars = Array(text.unicodeScalars)
        for e in evidence.prefix(3) {
            let start = e["start"] as! Int, end = e["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == e["text"] as? String)
        }
    }
}
