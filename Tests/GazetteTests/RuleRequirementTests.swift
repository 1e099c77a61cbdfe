import Testing
@_spi(Stages) @testable import Gazette

/// The sentence filter of the rule matcher: each rule lists the words it cannot match without,
/// as bits of a table that every token of a sentence is looked up in.
@Suite("Rule requirements")
struct RuleRequirementTests {
    /// Rules compiled with an empty lexicon.
    func compiled(_ source: String) throws -> CompiledRules {
        let (file, diagnostics) = RuleParser.parse(Array(source.utf8), file: "test.rules")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try Pipeline(entries: [], rules: file).rules
    }

    /// The matcher's own annotation types are the ones the compiler names at those indexes.
    @Test func builtInTypeIndexesAgree() throws {
        let rules = try compiled("rule r\n    match @a:person met @b:role\n    emit a met b\n")
        #expect(rules.typeNames[Int(CompiledRules.dateType)] == "date")
        #expect(rules.typeNames[Int(CompiledRules.titleType)] == "title")
        #expect(rules.typeNames[Int(CompiledRules.roleType)] == "role")
        #expect(rules.typeNames[Int(CompiledRules.possessorType)] == "possessor")
    }

    @Test func rulesNeedingTheSameWordsShareTheirBits() throws {
        // Three rules needing "met" (or "meets", in any order); the second needs "privately"
        // too, the third "talks".
        let rules = try compiled("""
            rule r1
                match @a:person (met | meets) @b:person
                emit a met b
            rule r2
                match @a:person privately (meets | met) @b:person
                emit a met b
            rule r3
                match @a:person (met | meets) [word]{0,3} talks @b:person
                emit a met b
            """)
        #expect(rules.wordCount == 1)
        let needs = Array(rules.ruleRequirements.elements)
        #expect(needs.map(\.nonzeroBitCount) == [1, 2, 2], "\(needs)")
        // The bit of r1's one set is among the bits of the other two: three bits in all, not five.
        #expect(needs[1] & needs[0] == needs[0] && needs[2] & needs[0] == needs[0])
        #expect((needs[0] | needs[1] | needs[2]).nonzeroBitCount == 3)
    }

    /// The default rules' requirements fit one 64-bit word, so that a sentence's words are
    /// looked up once each (a second word doubled the cost of the filter).
    @Test func theDefaultRulesNeedOneWordOfBits() throws {
        #expect(try sharedPipeline().rules.wordCount == 1)
    }
}
