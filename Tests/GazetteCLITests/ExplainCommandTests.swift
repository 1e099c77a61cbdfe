import Foundation
import Testing

@Suite("gazette explain")
struct ExplainCommandTests {
    /// "Why didn't my rule fire?": how far its pattern got, and what it expected there.
    @Test func saysHowFarARuleGot() throws {
        let rules = try CLI.temporaryFile(Array("""
            define MEETS = met | meets | "held talks"
            rule met.with
                match @a:person MEETS with @b:person
                emit a met b
            rule met.between
                match talks between @a:person and @b:person
                emit a met b
            """.utf8), suffix: ".rules")
        let text = "Minister Takeshi Iwaya described the partnership with Enrique Manalo on Tuesday."
        let result = try CLI.run(["explain", "--no-default-rules", "--rules", rules.path, "--date", "2025-05-29", text])
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.contains("  met.with: matched \"Minister Takeshi Iwaya\", expected MEETS at \"described\""))
        #expect(lines.contains("  met.between: never started (its first element matches nowhere)"))
        // What the stages found, with how.
        #expect(lines.contains("  [0] 0:Minister 1:Takeshi 2:Iwaya 3:described 4:the 5:partnership 6:with 7:Enrique 8:Manalo 9:on 10:Tuesday 11:."))
        #expect(lines.contains("  1-3 \"Takeshi Iwaya\"  person:takeshi-iwaya Takeshi Iwaya  (lexicon, name; phrase from token 0)"))
        #expect(lines.contains("  10-11 \"Tuesday\"  2025-05-27 (day, document_date)"))
        #expect(lines.contains("  0-1 \"Minister\"  Minister"))
    }

    /// Matches that fired, with their captures; suppressed ones, and by what.
    @Test func showsMatchesWithCapturesAndOutcomes() throws {
        let text = "Japanese Foreign Minister Takeshi Iwaya will meet Enrique Manalo. Takeshi Iwaya met Wang Yi."
        let result = try CLI.run(["explain", "--date", "2025-05-29", text])
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.contains { $0.hasPrefix("  met.verb  0-9 ") && $0.contains("a=\"Takeshi Iwaya\" b=\"Enrique Manalo\"") && $0.hasSuffix("-> suppressed by neg.future") })
        #expect(lines.contains { $0.hasPrefix("  neg.future  5-7 \"will meet\"") })
        #expect(lines.contains("  (Takeshi Iwaya | met | Wang Yi | -)  by met.verb"))
    }

    /// The clause boundaries [boundary] and [gap] see, and a person's phrase from an honorific.
    @Test func showsClauseBoundariesAndPhrases() throws {
        let result = try CLI.run(["explain", "--date", "2025-05-29", "Ms. Kamikawa told reporters that Iwaya met Manalo; talks went well."])
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.contains { $0.hasPrefix("clause boundaries: ") && $0.contains(":told") && $0.contains(":;") && !$0.contains(":met") })
        #expect(lines.contains { $0.contains("Kamikawa") && $0.contains("phrase from token 0") })
    }

    @Test func readsAFileOrStandardInput() throws {
        let file = try CLI.temporaryFile(Array("Takeshi Iwaya met Wang Yi.".utf8))
        #expect(try CLI.run(["explain", file.path]).lines.contains("  (Takeshi Iwaya | met | Wang Yi | -)  by met.verb"))
        #expect(try CLI.run(["explain", "-"], stdin: Data("Takeshi Iwaya met Wang Yi.".utf8)).lines.contains("  (Takeshi Iwaya | met | Wang Yi | -)  by met.verb"))
    }
}
