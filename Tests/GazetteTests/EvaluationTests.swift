import Testing
@_spi(Stages) @testable import Gazette

@Suite("Evaluation")
struct EvaluationTests {
    @Test(arguments: [
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Manalo’s", "manalo's"),
        ("  Jean-Yves   Le Drian ", "jean yves le drian"),
        ("U.S.", "u s"),
        ("Viet Nam", "vietnam"),
        ("Türkiye", "turkey"),
        ("Ｔｏｋｙｏ", "tokyo"),  // full-width letters fold to ASCII
        ("習近平", ""),  // no Latin letters: nothing to compare
    ])
    func normalize(_ text: String, _ expected: String) {
        #expect(NameMatch.normalize(text) == expected)
    }

    @Test(arguments: [
        // The same name, folded.
        ("Recep Tayyip Erdogan", ["Recep Tayyip Erdoğan"], true),
        // A person's surname, of three letters or more.
        ("Narendra Modi", ["Modi"], true),
        ("Narendra Modi", ["Prime Minister Modi"], true),
        ("Wang Yi", ["Yi"], false),
        // A name contained in the other, past three letters.
        ("Paris Agreement", ["the Paris Agreement on climate"], true),
        ("Iran", ["Ira"], false),
        // Two shared words covering three quarters of the shorter.
        ("Luiz Inacio Lula da Silva", ["Lula da Silva"], true),
        ("Kim Jong Un", ["Kim Yo Jong"], false),
        // Different people.
        ("Penny Wong", ["Wang Yi"], false),
        ("Penny Wong", [], false),
    ])
    func namesMatch(_ gold: String, _ candidates: [String], _ expected: Bool) {
        #expect(NameMatch.matches(gold, candidates) == expected)
    }

    /// Scores `records` (JSON lines) against `gold` (JSON lines).
    func score(gold: String, records: [String]) throws -> EvaluationReport {
        let (set, diagnostics) = GoldSet.parse(Array(gold.utf8), file: "gold.jsonl")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var evaluation = Evaluation(gold: set)
        for r in records { evaluation.add(record: Array(r.utf8)) }
        return evaluation.score()
    }

    static let gold = """
        {"doc":"d1","kind":"entity","type":"person","name":"Penny Wong","aliases":["Wong"]}
        {"doc":"d1","kind":"entity","type":"person","name":"Wang Yi","aliases":[]}
        {"doc":"d1","kind":"entity","type":"country","name":"China","aliases":[]}
        {"doc":"d1","kind":"entity","type":"person","name":"Ana Quispe","aliases":[],"optional":true}
        {"doc":"d1","kind":"triple","s":"Penny Wong","p":"met","o":"Wang Yi","date":"2025-06-02/2025-06-04"}
        {"doc":"d1","kind":"triple","s":"Wang Yi","p":"visited","o":"China","date":null,"optional":true}
        {"doc":"d1","kind":"triple","s":"Wang Yi","p":"holds_office","o":"China","date":null}
        """

    static func triple(_ s: String, _ p: String, _ o: String, date: String? = nil, doc: String = "d1") -> String {
        let d = date.map { #"{"value":"\#($0)"}"# } ?? "null"
        return #"{"doc":"\#(doc)","subject":{"name":"\#(s)","type":"person"},"predicate":"\#(p)","object":{"name":"\#(o)"},"date":\#(d)}"#
    }

    static func entity(_ type: String, _ name: String?, text: String, doc: String = "d1") -> String {
        let n = name.map { "\"\($0)\"" } ?? "null"
        return #"{"doc":"\#(doc)","type":"\#(type)","name":\#(n),"label":null,"text":"\#(text)","sentence":0}"#
    }

    @Test func metInEitherOrderWithADayInsideTheGoldInterval() throws {
        let report = try score(gold: Self.gold, records: [Self.triple("Wang Yi", "met", "Penny Wong", date: "2025-06-03")])
        #expect(report.triples.truePositives == 1)
        // holds_office is missed; the optional visit counts neither way.
        #expect(report.triples.falseNegatives == 1 && report.triples.falsePositives == 0)
        #expect(report.datesRight == 1 && report.datesScored == 1)
    }

    @Test func aDateOutsideTheIntervalOrAtAnotherPrecisionIsWrong() throws {
        for date in ["2025-06-05", "2025-06", "2025-06-02/2025-06-05"] {
            let report = try score(gold: Self.gold, records: [Self.triple("Penny Wong", "met", "Wang Yi", date: date)])
            #expect(report.triples.truePositives == 1)
            #expect(report.datesRight == 0 && report.datesScored == 1, "\(date)")
        }
        let same = try score(gold: Self.gold, records: [Self.triple("Penny Wong", "met", "Wang Yi", date: "2025-06-02/2025-06-04")])
        #expect(same.datesRight == 1)
    }

    @Test func optionalGoldAndExtras() throws {
        let report = try score(gold: Self.gold, records: [
            Self.triple("Wang Yi", "visited", "China"),  // optional: no extra
            Self.triple("Wang Yi", "holds_office", "China"),
            Self.triple("Penny Wong", "visited", "China"),  // an extra
            Self.triple("Penny Wong", "met", "Wang Yi", doc: "d2"),  // another document's: an extra
            Self.triple("Penny Wong", "ratified", "China"),  // a predicate the gold never annotates: not scored
        ])
        #expect(report.triples.truePositives == 1)
        #expect(report.triples.falseNegatives == 1)  // the meeting
        #expect(report.triples.falsePositives == 2)
        #expect(report.triples.system == 4)
        #expect(report.byPredicate.map(\.predicate) == ["holds_office", "met", "visited"])
        // holds_office has no date to score even when the system gives one.
        #expect(report.datesScored == 0)
        // The same system triple cannot match two gold triples.
        let twice = try score(gold: Self.gold + "\n" + #"{"doc":"d1","kind":"triple","s":"Wang Yi","p":"holds_office","o":"China","date":null}"#,
                              records: [Self.triple("Wang Yi", "holds_office", "China")])
        #expect(twice.triples.truePositives == 1 && twice.triples.falseNegatives == 2)
    }

    @Test func entitiesByTypeWithDistinctPrecision() throws {
        let report = try score(gold: Self.gold, records: [
            Self.entity("person", "Penny Wong", text: "Penny Wong"),
            Self.entity("person", "Penny Wong", text: "Wong"),  // the same entity again
            Self.entity("person", nil, text: "Quispe"),  // the optional person: no extra
            Self.entity("country", "Japan", text: "Japanese"),  // an extra
            Self.entity("date", nil, text: "Monday"),  // no entity type scored
        ])
        #expect(report.entityGold == 3 && report.entityFound == 1)
        let person = try #require(report.entityTypes.first { $0.type == "person" })
        #expect(person.gold == 2 && person.found == 1)
        #expect(report.entityDistinct == 3 && report.entityExtras == 1)
    }

    @Test func goldProblemsAreCollectedWithTheirLines() {
        let text = """
            {"doc":"d1","kind":"entity","type":"person","name":"Penny Wong"}
            {"doc":"d1","kind":"triple","s":"Penny Wong","p":"greeted","o":"Penny Wong"}
            {"doc":"d1","kind":"triple","s":"Wang Yi","p":"met","o":"Penny Wong","date":null}
            {"doc":"d1","kind":"triple","s":"Penny Wong","p":"met","o":"Penny Wong","date":"2025-6-1"}
            not json
            {"kind":"entity","type":"person","name":"Wang Yi"}
            {"doc":"d1","kind":"relation"}
            [1, 2]
            {"doc":"d1","kind":"triple","s":"Penny Wong","p":"met","o":"Penny Wong"}
            {"doc":"d1","kind":"entity","type":"organisation","name":"Foreign Ministry"}
            {"doc":"d1","kind":"entity","type":"person","name":"Penny Wong","optional":"no"}
            {"doc":"d1","kind":"entity","type":"person","name":"Penny Wong","name":"Wang Yi"}
            {"doc":"","kind":"entity","type":"person","name":"Wang Yi"}
            {"doc":"../d1","kind":"entity","type":"person","name":"Wang Yi"}
            {"doc":"d1","kind":"entity","type":"person","name":"..."}
            """
        let (_, diagnostics) = GoldSet.parse(Array(text.utf8), file: "g.jsonl")
        #expect(diagnostics.map(\.line) == Array(2...15))
        let messages = diagnostics.map(\.message)
        #expect(messages[0].hasPrefix("unknown predicate \"greeted\""))
        #expect(messages[1] == "\"Wang Yi\" is not the name or an alias of an entity of document d1")
        #expect(messages[2].hasPrefix("\"date\" is not an ISO 8601 date"))
        #expect(messages[3].hasPrefix("not valid JSON"))
        #expect(messages[4] == "no \"doc\" field")
        #expect(messages[5].hasPrefix("unknown kind \"relation\""))
        #expect(messages[6] == "not a JSON object")
        #expect(messages[7].hasPrefix("no \"date\" field"))
        #expect(messages[8].hasPrefix("unknown entity type \"organisation\""))
        #expect(messages[9] == "\"optional\" is not true or false")
        #expect(messages[10] == "the field \"name\" appears twice")
        #expect(messages[11].hasPrefix("\"doc\" is not a document id"))
        #expect(messages[12].hasPrefix("\"doc\" is not a document id"))
        #expect(messages[13].hasPrefix("\"name\" has no Latin letter or digit"))
    }

    @Test func anEmptyGoldFileIsAProblemAndAByteOrderMarkIsNot() {
        #expect(GoldSet.parse(Array("\n\n".utf8), file: "g.jsonl").1.map(\.message) == ["no entity or triple lines: nothing to score against"])
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"doc":"d1","kind":"entity","type":"person","name":"Wang Yi"}"#.utf8)
        let (set, diagnostics) = GoldSet.parse(bom, file: "g.jsonl")
        #expect(diagnostics.isEmpty && set.entities.count == 1)
    }

    @Test(arguments: [("2025", true), ("2025-06", true), ("2025-06-02", true), ("2016-10-26/2016-10-27", true),
                      ("2024-02-29", true), ("2025-06/2025-07", true),
                      ("2025-6-2", false), ("June 2025", false), ("2025/2026/2027", false), ("", false),
                      ("2020-13-45", false), ("2021-02-30", false), ("2020-00", false), ("2021-01-05/2021-01-01", false),
                      ("2021-01/2021-01-05", false)])
    func goldDates(_ text: String, _ valid: Bool) {
        #expect(GoldSet.isGoldDate(text) == valid)
    }
}
