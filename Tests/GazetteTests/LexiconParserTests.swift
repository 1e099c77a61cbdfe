import Foundation
import Testing
@_spi(Stages) import Gazette

@Suite("Lexicon parser")
struct LexiconParserTests {
    func parse(_ text: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        LexiconParser.parse(Array(text.utf8), file: "test.jsonl")
    }

    @Test func readsEntriesWithAliasesRolesAndCodes() throws {
        let (entries, diagnostics) = parse("""
            # people
            {"id":"Q1","type":"person","name":"Takeshi Iwaya","label":"Iwaya","aliases":["Iwaya Takeshi",{"text":"IWAYA","case":"exact"}],"roles":[{"office":"Minister for Foreign Affairs","country":"JPN","start":"2024-10-01","end":"2025-10-21"}]}

            {"id":"country:JPN","type":"country","name":"Japan","aliases":[{"text":"Japanese","kind":"adjective"},{"text":"Tokyo","kind":"capital"},{"text":"JPN","kind":"code"}],"codes":{"alpha3":"JPN"}}
            {"id":"stop:scs","type":"stop","aliases":["South China Sea"]}
            """)
        #expect(diagnostics == [])
        try #require(entries.count == 3)
        let iwaya = entries[0]
        #expect(iwaya.label == "Iwaya")
        #expect(iwaya.aliases.map(\.text) == ["Takeshi Iwaya", "Iwaya Takeshi", "IWAYA"])
        #expect(iwaya.aliases.map(\.casePolicy) == [.capitalized, .capitalized, .exact])
        #expect(iwaya.roles.first?.country == "JPN")
        let japan = entries[1]
        #expect(japan.label == "Japan")
        #expect(japan.aliases.map(\.kind) == [.name, .adjective, .capital, .code])
        // All-caps short aliases are exact-case by default.
        #expect(japan.aliases[3].casePolicy == .exact)
        #expect(entries[2].type == "stop")
        #expect(entries[2].aliases.map(\.text) == ["South China Sea"])
    }

    struct BadLine: CustomTestStringConvertible, Sendable {
        var line: String
        var column: Int?
        var message: String
        var testDescription: String { line }
    }

    static let badLines: [BadLine] = [
        BadLine(line: #"{"id":"a","type":"country","name":"X""#, column: 38, message: "not valid JSON: the line ends inside an object"),
        BadLine(line: #"{"id":"a", oops}"#, column: 12, message: "not valid JSON: expected a field name in double quotes"),
        BadLine(line: #"{"id":"a","type":"country","name":"X"} x"#, column: 40, message: "not valid JSON: more after the end of the value"),
        BadLine(line: #"["a"]"#, column: 1, message: "expected a JSON object: one lexicon entry per line"),
        BadLine(line: #"{"type":"country","name":"X"}"#, column: 1, message: "missing \"id\""),
        BadLine(line: #"{"id":"a","type":"country","name":7}"#, column: 28, message: "\"name\" must be a string"),
        BadLine(line: #"{"id":"a","type":"country","name":"X","alias":["Y"]}"#, column: 39,
                message: "unknown field \"alias\"; expected one of aliases, codes, country, id, label, name, parties, priority, roles, signed, source, type"),
        BadLine(line: #"{"id":"a","type":"country","name":"X","aliases":[{"text":"Y","case":"loose"}]}"#, column: 62,
                message: "\"case\" must be one of insensitive, capitalized, exact"),
        BadLine(line: #"{"id":"a","type":"person","name":"X","roles":[{"office":"PM","start":"2024-13"}]}"#, column: 62,
                message: "role \"start\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or null"),
        BadLine(line: #"{"id":"a","type":"agreement","name":"X","signed":"May 2024"}"#, column: 41,
                message: "\"signed\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got \"May 2024\""),
        BadLine(line: #"{"id":"a","type":"country","name":"X","priority":"high"}"#, column: 39, message: "\"priority\" must be an integer"),
        // Columns count code points, not bytes.
        BadLine(line: #"{"id":"a","type":"country","name":"Bogotá","priority":true}"#, column: 44, message: "\"priority\" must be an integer"),
        // The column is that of the field at fault, not of the first field of that name.
        BadLine(line: #"{"id":"a","type":"person","name":"X","roles":[{"office":"PM","start":"2020"},{"office":"FM","start":"2024-13"}]}"#, column: 93,
                message: "role \"start\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or null"),
        BadLine(line: #"{"id":"a","type":"person","name":"X","roles":[{"office":"PM","country":7}]}"#, column: 62, message: "\"country\" must be a string"),
        BadLine(line: #"{"id":"","type":"country","name":"X"}"#, column: 2, message: "\"id\" must not be empty"),
    ]

    @Test(arguments: badLines)
    func malformedLineIsRefusedWithLineAndColumn(_ bad: BadLine) {
        let (entries, diagnostics) = parse("{\"id\":\"ok\",\"type\":\"country\",\"name\":\"Fine\"}\n" + bad.line)
        #expect(entries.map(\.id) == ["ok"])
        #expect(diagnostics == [Diagnostic(file: "test.jsonl", line: 2, column: bad.column, message: bad.message)])
    }

    @Test func everyProblemOfAFileIsReported() {
        let (_, diagnostics) = parse("{\"id\":1}\n\nnot json\n{\"id\":\"b\",\"type\":\"x\",\"name\":\"B\"}\n")
        #expect(diagnostics.map(\.line) == [1, 1, 1, 3])
        #expect(diagnostics.first?.description.hasPrefix("test.jsonl:1:") == true)
    }

    @Test func invalidUTF8IsReportedAtItsColumn() {
        let bytes = Array(#"{"id":"a","type":"country","name":"Bogot"#.utf8) + [0xE1] + Array(#""}"#.utf8)
        let (entries, diagnostics) = LexiconParser.parse(bytes, file: "x.jsonl")
        #expect(entries.isEmpty)
        #expect(diagnostics == [Diagnostic(file: "x.jsonl", line: 1, column: 41, message: "invalid UTF-8")])
    }

    @Test func missingFile() {
        #expect(throws: DiagnosticList.self) { try LexiconParser.load(path: "/nonexistent/lexicon.jsonl") }
    }

    @Test(arguments: [
        ("2025-05-28", true), ("2024-10-01", true), ("2024-09-30", false), ("2025-10-21", true), ("2025-10-22", false),
    ])
    func roleHeldOnDate(_ date: String, _ held: Bool) {
        let role = Role(office: "Minister for Foreign Affairs", country: "JPN", start: day("2024-10-01"), end: day("2025-10-21"))
        #expect(role.isHeld(on: day(date)) == held)
    }

    @Test func partialRoleDatesCoverWholeMonthsAndYears() {
        let role = Role(office: "President", start: day("2022-06"), end: day("2028"))
        #expect(!role.isHeld(on: day("2022-05-31")))
        #expect(role.isHeld(on: day("2022-06-01")))
        #expect(role.isHeld(on: day("2028-12-31")))
        #expect(!role.isHeld(on: day("2029-01-01")))
        let open = Role(office: "President", start: day("2022-06-30"))
        #expect(open.isHeld(on: day("2030-01-01")))
        #expect(Role(office: "X", start: day("2024-02"), end: day("2024-02")).isHeld(on: day("2024-02-29")))
        #expect(CalendarDay(iso: "2023-02-29") == nil)  // no such day to hold an office on
    }

    /// The default case policy of an alias: all-caps up to five letters exact, capitalized when
    /// its first letter is upper case, else insensitive; the same for ASCII (a byte loop) as for
    /// other text (Unicode properties).
    @Test(arguments: [
        ("RAA", Alias.CasePolicy.exact), ("U.S.", .exact), ("G20", .exact), ("NATO-", .exact), ("UNCLOS", .capitalized),
        ("Iwaya", .capitalized), ("de Gaulle", .insensitive), ("foreign minister", .insensitive), ("iPhone", .insensitive),
        ("2025", .insensitive), ("", .insensitive), ("ÉU", .exact), ("Élysée", .capitalized), ("ǅemal", .capitalized),
        ("über", .insensitive), ("ÉLYSÉE", .capitalized),
    ])
    func defaultCasePolicy(_ text: String, _ expected: Alias.CasePolicy) {
        #expect(Alias.defaultPolicy(for: text) == expected)
    }

    /// Partial and malformed role dates.
    @Test func roleDateForms() {
        #expect(Role(office: "X", start: day("2024-10-01T00:00:00Z")).isHeld(on: day("2024-10-01")))
        #expect(!Role(office: "X", start: day("2024-10-02")).isHeld(on: day("2024-10-01")))
        #expect(Role(office: "X", start: day("2024"), end: day("2024")).isHeld(on: day("2024-12-31")))
        #expect(!Role(office: "X", start: day("2024"), end: day("2024")).isHeld(on: day("2025-01-01")))
    }
}

/// The day an ISO date names, for tests that build roles by hand.
func day(_ iso: String) -> CalendarDay {
    guard let day = CalendarDay(iso: iso) else { fatalError("not an ISO date: \(iso)") }
    return day
}
