import Foundation
import Testing

@Suite("gazette test")
struct TestCommandTests {
    /// The default fixtures pass, counted at the end.
    @Test func defaultFixturesPass() throws {
        let result = try CLI.run(["test"])
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))")
        let last = try #require(result.lines.last)
        #expect(last.hasSuffix(" passed, 0 failed"))
        #expect(Int(last.split(separator: " ")[0]) ?? 0 >= 100)
    }

    /// A failing case is printed with what was expected and what came out; exit code 1; JUnit XML.
    @Test func failingCasesAreShownAndCounted() throws {
        let fixtures = try CLI.temporaryFile(Array("""
            case met.verb fires: a plain meeting
            text: Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo on 3 March 2025.
            expect: Takeshi Iwaya | met | Enrique Manalo | 2025-03-03

            case met.verb fires: wrong on purpose
            text: Foreign Minister Takeshi Iwaya praised Foreign Secretary Enrique Manalo on 3 March 2025.
            expect: Takeshi Iwaya | met | Enrique Manalo
            reject: Takeshi Iwaya | holds_office | Japan
            """.utf8), suffix: ".fixtures")
        let junit = testScratch.appendingPathComponent("junit-\(UUID().uuidString).xml")
        let result = try CLI.run(["test", "--junit", junit.path, fixtures.path])
        #expect(result.status == 1)
        #expect(result.lines == [
            "FAIL met.verb fires: wrong on purpose (\(fixtures.path):5)",
            "  text: Foreign Minister Takeshi Iwaya praised Foreign Secretary Enrique Manalo on 3 March 2025.",
            "  expected (Takeshi Iwaya | met | Enrique Manalo), not found",
            "  rejected (Takeshi Iwaya | holds_office | Japan), found",
            "  rule met.verb did not give a triple",
            "  got:",
            "    (Takeshi Iwaya | holds_office | Japan | -) by holds_office.title",
            "    (Enrique Manalo | holds_office | Philippines | -) by holds_office.title",
            "1 passed, 1 failed",
        ])
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuites name="gazette test" tests="2" failures="1">"#))
        #expect(xml.contains(#"<testcase classname="met.verb" name="met.verb fires: a plain meeting" file="\#(fixtures.path)" line="1"/>"#))
        #expect(xml.contains(#"<failure message="expected (Takeshi Iwaya | met | Enrique Manalo), not found; rejected"#))
    }

    /// A fixture file with CRLF line ends (as written on Windows) reads as with LF, as rule and
    /// lexicon files do: the same cases, the same verdicts, the same line numbers.
    @Test func crlfFixturesReadAsLF() throws {
        let text = """
            # a comment
            case met.verb fires: a plain meeting
            text: Foreign Minister Takeshi Iwaya met Foreign Secretary Enrique Manalo on 3 March 2025.
            expect: Takeshi Iwaya | met | Enrique Manalo | 2025-03-03

            case met.verb silent: praise is no meeting
            text: Foreign Minister Takeshi Iwaya praised Foreign Secretary Enrique Manalo.
            reject: Takeshi Iwaya | met | Enrique Manalo
            """
        let lf = try CLI.temporaryFile(Array((text + "\n").utf8), suffix: ".fixtures")
        let crlf = try CLI.temporaryFile(Array((text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n").utf8), suffix: ".fixtures")
        let a = try CLI.run(["test", "--verbose", lf.path]), b = try CLI.run(["test", "--verbose", crlf.path])
        #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
        #expect(b.lines.last == "2 passed, 0 failed")
        #expect(b.lines == a.lines.map { $0.replacingOccurrences(of: lf.path, with: crlf.path) })
    }

    /// A rule file of one's own is tested the same way; a case for a rule that is not loaded fails.
    @Test func ownRulesAndUnknownRules() throws {
        let rules = try CLI.temporaryFile(Array("rule praised.verb\n    match @a:person praised @b:person\n    emit a praised b\n".utf8), suffix: ".rules")
        let fixtures = try CLI.temporaryFile(Array("""
            case praised.verb fires: praise
            text: Foreign Minister Takeshi Iwaya praised Foreign Secretary Enrique Manalo.
            expect: Takeshi Iwaya | praised | Enrique Manalo

            case nosuch.rule silent: no rule
            text: Nothing.
            """.utf8), suffix: ".fixtures")
        let result = try CLI.run(["test", "--no-default-rules", "--rules", rules.path, fixtures.path])
        #expect(result.status == 1)
        #expect(result.lines.contains("  no rule 'nosuch.rule' is loaded"))
        #expect(result.lines.last == "1 passed, 1 failed")
    }

    /// "line:" adds a line to the case's text (a bulleted list under its header); a failing case
    /// shows its text as it was written, line by line.
    @Test func textOfSeveralLines() throws {
        let fixtures = try CLI.temporaryFile(Array("""
            case signed.countries_listed fires: a bulleted list
            text: The Treaty of Orlen was opened for signature in 2021. The states that signed it are:
            line: - Ghana
            line: - Peru
            expect: Ghana | signed | Treaty of Orlen
            expect: Peru | signed | Treaty of Orlen

            case signed.countries_listed fires: wrong on purpose, the list's header has no colon
            text: The Treaty of Orlen was opened for signature in 2021. The states that signed it are
            line: - Ghana
            expect: Ghana | signed | Treaty of Orlen
            """.utf8), suffix: ".fixtures")
        let result = try CLI.run(["test", fixtures.path])
        #expect(result.status == 1)
        #expect(result.lines == [
            "FAIL signed.countries_listed fires: wrong on purpose, the list's header has no colon (\(fixtures.path):8)",
            "  text: The Treaty of Orlen was opened for signature in 2021. The states that signed it are",
            "  line: - Ghana",
            "  expected (Ghana | signed | Treaty of Orlen), not found",
            "  rule signed.countries_listed did not give a triple",
            "  got: no triples",
            "1 passed, 1 failed",
        ])
    }

    @Test func malformedFixturesAreAConfigurationError() throws {
        let fixtures = try CLI.temporaryFile(Array("case met.verb maybe: x\ntext: a\n\ncase met.verb fires: y\ntext: b\nexpect: only | two\n".utf8), suffix: ".fixtures")
        let result = try CLI.run(["test", fixtures.path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            gazette: \(fixtures.path):1:6: expected 'case <rule-id> fires: <title>' or 'case <rule-id> silent: <title>'
            gazette: \(fixtures.path):6:9: expected 'subject | predicate | object' with an optional '| date' (an ISO value, or - for none)

            """)
    }
}
