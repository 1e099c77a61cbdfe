import Foundation
import Testing
@_spi(Stages) import Gazette

/// A small lexicon for the rule tests: two people, two countries (one with its capital), an
/// agreement with its parties.
let ruleTestLexicon = """
{"id":"p:ann","type":"person","name":"Ann Lee","label":"Lee","aliases":["Ann Lee"]}
{"id":"p:bob","type":"person","name":"Bob Ray","label":"Ray","aliases":["Bob Ray"]}
{"id":"p:cy","type":"person","name":"Cy Dow","label":"Dow","aliases":["Cy Dow"]}
{"id":"c:aa","type":"country","name":"Avalon","aliases":["Avalon",{"text":"Camelot","kind":"capital"}],"codes":{"alpha3":"AVA"}}
{"id":"c:bb","type":"country","name":"Borduria","aliases":["Borduria"],"codes":{"alpha3":"BOR"}}
{"id":"x:pact","type":"agreement","name":"Avalon-Borduria Pact","aliases":["Pact of Camelot"],"parties":["AVA","BOR"]}
"""

/// Compiles `rules` over the test lexicon, without the default rules.
func rulePipeline(_ rules: String) throws -> Pipeline {
    let entries = LexiconParser.parse(Array(ruleTestLexicon.utf8), file: "test.jsonl")
    #expect(entries.diagnostics.isEmpty)
    let parsed = RuleParser.parse(Array(rules.utf8), file: "test.rules")
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    return try Pipeline(entries: entries.entries, rules: parsed.file)
}

/// A meeting rule that places each person it captures by `derived` ("venue", "site"), over two
/// people of two countries and a king of both.
func meetingPipeline(placedBy derived: String) throws -> Pipeline {
    let lexicon = """
        {"id":"p:ann","type":"person","name":"Ann Lee","label":"Lee","aliases":["Ann Lee"],"roles":[{"office":"President","country":"AVA","start":"2020"}]}
        {"id":"p:bob","type":"person","name":"Bob Ray","label":"Ray","aliases":["Bob Ray"],"roles":[{"office":"Prime Minister","country":"BOR","start":"2020"}]}
        {"id":"p:cy","type":"person","name":"Cy Dow","label":"Dow","aliases":["Cy Dow"],"roles":[{"office":"King","country":"BOR","start":"2020"},{"office":"King","country":"AVA","start":"2020"}]}
        {"id":"c:aa","type":"country","name":"Avalon","aliases":["Avalon",{"text":"Camelot","kind":"capital"}],"codes":{"alpha3":"AVA"}}
        {"id":"c:bb","type":"country","name":"Borduria","aliases":["Borduria",{"text":"Szohod","kind":"capital"}],"codes":{"alpha3":"BOR"}}
        """
    let entries = LexiconParser.parse(Array(lexicon.utf8), file: "test.jsonl")
    #expect(entries.diagnostics.isEmpty)
    let rules = RuleParser.parse(Array("""
        rule m
            match @a:person met @b:person
            emit a met b
            emit a visited a.\(derived)
            emit b visited b.\(derived)
            symmetric
        """.utf8), file: "test.rules")
    #expect(rules.diagnostics.isEmpty, "\(rules.diagnostics)")
    return try Pipeline(entries: entries.entries, rules: rules.file)
}

/// The triples of `text` as "(subject predicate object date)" strings, by entity id.
func triples(_ pipeline: Pipeline, _ text: String, date: String? = "2025-05-29") throws -> [String] {
    let worker = try pipeline.makeWorker()
    return try worker.triples(in: text, document: "t", date: date.flatMap(CalendarDay.parseDocumentDate)).map {
        "(\($0.subject.id) \($0.predicate) \($0.object.id) \($0.date?.value ?? "-"))"
    }
}

@Suite("Rule language: parsing")
struct RuleParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var expected: [String]
        var testDescription: String { expected.first ?? "" }
    }

    /// Malformed rule files: every problem, with line and column, and what was expected.
    static let cases: [Case] = [
        Case(source: "rule\n", expected: ["f.rules:1:5: expected a rule id after 'rule' (lower case letters, digits, '_', '.' and '-', e.g. met.between)"]),
        Case(source: "rule Met\n    match x\n    emit a m b\n", expected: ["f.rules:1:6: expected a rule id (lower case letters, digits, '_', '.' and '-', e.g. met.between), got 'Met'"]),
        Case(source: "rule r\n    emit a met b\n", expected: ["f.rules:1:1: rule 'r' has no 'match' clause"]),
        Case(source: "rule r\n    match @a:person \"met\n    emit a met a\n", expected: ["f.rules:2:21: unterminated string: a quoted phrase ends with \" on the same line"]),
        Case(source: "rule r\n    match @a:person [noun] @b:person\n    emit a met b\n", expected: ["f.rules:2:22: unknown token attribute 'noun'; expected one of: capitalized, all_caps, number, punctuation, word, symbol, possessive, quote, boundary, gap, verb"]),
        Case(source: "rule r\n    match x{4,2}\n    suppress met\n", expected: ["f.rules:2:12: a repetition whose maximum (2) is below its minimum (4)"]),
        Case(source: "rule r\n    match @a:person met @b:person\n    emit a met c\n", expected: ["f.rules:3:16: rule 'r': emit names 'c', which the pattern does not capture (captures: a, b)"]),
        Case(source: "rule r\n    match @a:person met @b:person\n    emit a met b\n    suppress met\n", expected: ["f.rules:1:1: rule 'r' has both 'emit' and 'suppress': a negative rule only suppresses"]),
        Case(source: "    match x\nrule r\n    match @a:person met\n    flags symmetric\n    emit a met a\n",
             expected: ["f.rules:1:5: an indented line outside a rule: clauses follow a 'rule <id>' line",
                        "f.rules:4:5: expected a clause (abroad, date, emit, match, office, place, priority, suppress, symmetric), got 'flags'"]),
        Case(source: "rule r\n    match @a:person visited @c:country\n    emit a visited c\n    abroad c\n", expected: ["f.rules:4:12: 'abroad' takes nothing after it but 'known', got 'c'"]),
        Case(source: "rule r\n    match @a:person visited @c:country\n    emit a visited c\n    abroad known c\n", expected: ["f.rules:4:18: 'abroad' takes nothing after it but 'known', got 'c'"]),
        Case(source: "define meet = met\n", expected: ["f.rules:1:8: expected a class name in capitals after 'define' (e.g. MEET)"]),
        Case(source: "rule r\n    match @a:person met @b:person\n    emit a met b\nrule r\n    match x\n    suppress met\n", expected: ["f.rules:4:6: rule 'r' is already defined on line 1"]),
        Case(source: "rule r\n    match @a:person met @b:person on @d:date\n    emit a met b\n    emit a saw b\n    place d\n",
             expected: ["f.rules:4:12: rule 'r' emits met and saw: one rule emits one predicate; split it",
                        "f.rules:5:11: rule 'r': 'place d' needs an entity capture"]),
        Case(source: "rule r\n    match @d:date met @b:person\n    emit d met b\n", expected: ["f.rules:3:10: rule 'r': 'd' captures a date, which cannot be an argument"]),
        Case(source: "rule r\n    match @a:person met @c:country\n    emit a met c\n    emit a visited c.dateline\n",
             expected: ["f.rules:4:20: rule 'r': 'c.dateline' needs a person capture"]),
        Case(source: "rule r\n    match @a:person met @c:country\n    emit a met c\n    emit a visited c.venue\n",
             expected: ["f.rules:4:20: rule 'r': 'c.venue' needs a person capture"]),
        Case(source: "rule r\n    match @a:country signed @p:person\n    emit a signed p.parties\n    emit p.named signed a\n",
             expected: ["f.rules:3:19: rule 'r': 'p.parties' needs an agreement capture",
                        "f.rules:4:10: rule 'r': 'p.named' needs an agreement capture"]),
        Case(source: "rule r\n    match @a:person met @b:person\n    emit a met b\n    emit a visited b\n",
             expected: ["f.rules:4:12: rule 'r' emits met and visited: one rule emits one predicate; split it"]),
    ]

    /// A visit by the dateline may follow the emits of another predicate; the rule's predicate
    /// stays its first emit's.
    @Test func aVisitByTheDatelineJoinsAnotherPredicate() {
        let source = "rule r\n    match @a:person met @b:person\n    emit a met b\n    emit a visited a.dateline\n    symmetric\n"
        let parsed = RuleParser.parse(Array(source.utf8), file: "f.rules")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.file.rules.first?.predicate == "met")
        #expect(parsed.file.rules.first?.emits.last?.object.first?.derived == .dateline)
    }

    @Test(arguments: cases)
    func malformedRuleFiles(_ c: Case) {
        let parsed = RuleParser.parse(Array(c.source.utf8), file: "f.rules")
        #expect(parsed.diagnostics.map(\.description) == c.expected)
    }

    @Test func aPatternGoesOnOverIndentedLines() throws {
        let source = "define VB = met\n    | meets\nrule r\n    match @a:person VB\n        @b:person\n    emit a met b\n"
        let parsed = RuleParser.parse(Array(source.utf8), file: "f.rules")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.file.definitions.first?.pattern == .alternation([.literal(["met"]), .literal(["meets"])]))
        #expect(parsed.file.rules.first?.pattern == .sequence([.annotation(capture: "a", type: "person", line: 4, column: 14),
                                                              .classRef("VB", line: 4, column: 21),
                                                              .annotation(capture: "b", type: "person", line: 5, column: 12)]))
    }

    /// Problems only compilation finds: unknown classes and types, recursive classes, patterns
    /// that match nothing.
    @Test(arguments: [
        ("rule r\n    match @a:person MEETS @b:person\n    emit a met b\n", "f.rules:2:21: rule 'r': unknown class MEETS (define it with 'define MEETS = ...')"),
        ("rule r\n    match @a:people met @b:person\n    emit a met b\n", "f.rules:2:14: rule 'r': unknown type 'people' in @a:people; the types are date, title, person, country, agreement, role, possessor"),
        ("define AA = x BB\ndefine BB = y AA\nrule r\n    match AA\n    suppress met\n", "f.rules:1:15: class BB refers to itself (through BB -> AA -> BB)"),
        ("rule r\n    match []?\n    suppress met\n", "f.rules:2:5: rule 'r': its pattern can match no token at all; make something in it required"),
    ])
    func compileErrors(_ source: String, _ expected: String) throws {
        let parsed = RuleParser.parse(Array(source.utf8), file: "f.rules")
        #expect(parsed.diagnostics.isEmpty)
        let entries = LexiconParser.parse(Array(ruleTestLexicon.utf8), file: "test.jsonl").entries
        #expect(throws: DiagnosticList.self) { try Pipeline(entries: entries, rules: parsed.file) }
        do { _ = try Pipeline(entries: entries, rules: parsed.file) } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.description) == [expected])
        }
    }

    @Test func theDefaultRulesParse() throws {
        let file = try DefaultRules.file()
        #expect(file.rules.count >= 20)
        #expect(Set(file.rules.compactMap(\.predicate)) == ["met", "visited", "signed", "ratified", "negotiating", "holds_office"])
    }
}

@Suite("Rule language: matching")
struct RuleMatchingTests {
    @Test func elementsOfThePatternLanguage() throws {
        let p = try rulePipeline("""
            define MEET = met | "held talks"
            rule m
                match @a:person (also | later)? MEET (with)? [!punctuation]{0,2} @b:person
                emit a met b
            rule n
                match [number] [capitalized]+ "," @c:country
                emit c noted c
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee later held talks with Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee met the envoy Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee met the new envoy Bob Ray.") == [])
        #expect(try triples(p, "Ann Lee met, then Bob Ray.") == [])
    }

    /// `a.venue`: the country a place phrase in or next to the match names, when the match
    /// holds someone at home there; a person at home there, by any office the lexicon gives
    /// them (a monarch of two realms), visited nothing.
    @Test func aMeetingGivesAVisitToItsVenue() throws {
        let p = try meetingPipeline(placedBy: "venue")
        let visit = "(p:bob visited c:aa -)"
        #expect(try triples(p, "Ann Lee met Bob Ray in Camelot.").contains(visit))
        #expect(try triples(p, "Ann Lee met Bob Ray in Camelot on Monday.").contains("(p:bob visited c:aa 2025-05-26)"))
        #expect(try triples(p, "In Camelot, Ann Lee met Bob Ray.").contains(visit))
        #expect(try triples(p, "Bob Ray met Ann Lee at the palace in Camelot.").contains(visit))
        // Szohod is Bob Ray's own: Ann Lee is the visitor.
        #expect(try triples(p, "Ann Lee met Bob Ray in Szohod.") == ["(p:ann met p:bob -)", "(p:ann visited c:bb -)"])
        // A king of both countries is at home in each: only Bob Ray visited.
        #expect(try triples(p, "Bob Ray met Cy Dow in Camelot.") == ["(p:bob met p:cy -)", visit])
        // No venue: a place past another verb, two countries, or none.
        #expect(try triples(p, "Ann Lee met Bob Ray and flew on to rest in Camelot.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "In Szohod, Ann Lee met Bob Ray in Camelot.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
        // Under a dateline: a gathering places the event elsewhere, a topic's "in" does not.
        // These words are the relation stage's, in no rule here: they must have keys all the same.
        #expect(try triples(p, "CAMELOT, May 27 - Ann Lee met Bob Ray on the sidelines of a summit.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "CAMELOT, May 27 - Ann Lee met Bob Ray in Szohod.") == ["(p:ann met p:bob -)", "(p:ann visited c:bb -)"])
        #expect(try triples(p, "CAMELOT, May 27 - Ann Lee met Bob Ray on the situation in Szohod.") == ["(p:ann met p:bob -)", visit])
    }

    /// `a.site`: the venue the words name, never the dateline's.
    @Test func aSiteIsTheVenueTheWordsNameNeverTheDatelines() throws {
        let p = try meetingPipeline(placedBy: "site")
        #expect(try triples(p, "Ann Lee met Bob Ray in Camelot.") == ["(p:ann met p:bob -)", "(p:bob visited c:aa -)"])
        #expect(try triples(p, "CAMELOT, May 27 - Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
    }

    @Test func symmetricFactsHaveOneOrderAndMergeTheirEvidence() throws {
        let p = try rulePipeline("rule m\n    match @a:person met @b:person\n    emit a met b\n    symmetric\n")
        let worker = try p.makeWorker()
        let out = try worker.triples(in: "Bob Ray met Ann Lee. Ann Lee met Bob Ray.", document: "d")
        #expect(out.map { "\($0.subject.id) \($0.object.id)" } == ["p:ann p:bob"])
        #expect(out.first?.evidence.map(\.sentence) == [0, 1])
        #expect(out.first?.subject.text == "Ann Lee")
    }

    @Test func datesComeFromTheCaptureElseTheNearestInTheSentenceNeverTheDocumentDate() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person met @b:person (on @d:date)?
                emit a met b
                date d
            rule v
                match @a:person visited @c:country
                emit a visited c
                date none
            """)
        #expect(try triples(p, "On 3 May, Ann Lee met Bob Ray on 4 May.") == ["(p:ann met p:bob 2025-05-04)"])
        #expect(try triples(p, "On 3 May, Ann Lee met Bob Ray. It rained on 4 May.") == ["(p:ann met p:bob 2025-05-03)"])
        #expect(try triples(p, "Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee visited Camelot on 4 May.") == ["(p:ann visited c:aa -)"])
    }

    /// `date story`: the sentence's date, else the last day told before it (not a later one, a
    /// plan, nor one after "since"); without it, a sentence with no date gives no date. An undated
    /// statement of a fact takes the one date the document gives the same fact.
    @Test func storyDatesGoOnUntilTheTextMovesThem() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person met @b:person
                emit a met b
                date story
            rule v
                match @a:person visited @c:country
                emit a visited c
            """)
        #expect(try triples(p, "On 3 May, Ann Lee arrived. Ann Lee met Bob Ray.") == ["(p:ann met p:bob 2025-05-03)"])
        #expect(try triples(p, "On 3 May, Ann Lee arrived. Ann Lee visited Camelot.") == ["(p:ann visited c:aa -)"])
        #expect(try triples(p, "On 3 May, Ann Lee arrived. On 2 June 2025, Ann Lee leaves. Ann Lee met Bob Ray.") == ["(p:ann met p:bob 2025-05-03)"])
        #expect(try triples(p, "Ann Lee arrived, the first time since 3 May. Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee visited Camelot. Ann Lee visited Camelot on 4 May.") == ["(p:ann visited c:aa 2025-05-04)"])
        #expect(try triples(p, "Ann Lee visited Camelot. Ann Lee visited Camelot on 4 May. Ann Lee visited Camelot on 6 May.")
                == ["(p:ann visited c:aa -)", "(p:ann visited c:aa 2025-05-04)", "(p:ann visited c:aa 2025-05-06)"])
    }

    /// A headline's fact that no date before it and no date of its own line dates takes the
    /// first day of the next three sentences, in the first that names one of its parties: the
    /// lede tells the headline's event. Not from a sentence that names none of them, not for a
    /// line that ends as a sentence does, and not a day of a month after the document's.
    @Test func aHeadlineTakesItsLedesDay() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person meets @b:person
                emit a met b
                date story
            """)
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nOn Friday, May 23, Ann Lee welcomed her guest in Camelot.")
                == ["(p:ann met p:bob 2025-05-23)"])
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nThe weather was fine.\n\nCy Dow said on May 20 that Ann Lee had asked for it.")
                == ["(p:ann met p:bob 2025-05-20)"])
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nOn May 23, Cy Dow fell ill.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee meets Bob Ray.\n\nOn May 23, Ann Lee welcomed her guest.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nAnn Lee will see him next month.", date: "2025-05") == ["(p:ann met p:bob -)"])
    }

    /// A lede that names a person party's country (not the person; the country of the office the
    /// lexicon gives them that day) dates the headline too:
    /// "Ann Lee meets Bob Ray", then "Avalon and Borduria held talks on Friday, May 23". A country
    /// of no party does not.
    @Test func aHeadlineTakesTheDayOfALedeNamingItsPeoplesCountries() throws {
        let lexicon = """
            {"id":"p:ann","type":"person","name":"Ann Lee","label":"Lee","aliases":["Ann Lee"],"roles":[{"office":"President","country":"AVA","start":"2020"}]}
            {"id":"p:bob","type":"person","name":"Bob Ray","label":"Ray","aliases":["Bob Ray"],"roles":[{"office":"Prime Minister","country":"BOR","start":"2020"}]}
            {"id":"c:aa","type":"country","name":"Avalon","aliases":["Avalon"],"codes":{"alpha3":"AVA"}}
            {"id":"c:bb","type":"country","name":"Borduria","aliases":["Borduria"],"codes":{"alpha3":"BOR"}}
            {"id":"c:cc","type":"country","name":"Ruritania","aliases":["Ruritania"],"codes":{"alpha3":"RUR"}}
            """
        let entries = LexiconParser.parse(Array(lexicon.utf8), file: "test.jsonl")
        #expect(entries.diagnostics.isEmpty)
        let parsed = RuleParser.parse(Array("rule m\n    match @a:person meets @b:person\n    emit a met b\n    date story\n".utf8), file: "test.rules")
        let p = try Pipeline(entries: entries.entries, rules: parsed.file)
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nAvalon and Borduria held talks on Friday, May 23.") == ["(p:ann met p:bob 2025-05-23)"])
        #expect(try triples(p, "Ann Lee meets Bob Ray\n\nRuritania held elections on Friday, May 23.") == ["(p:ann met p:bob -)"])
    }

    /// "the pair": a group of the people named in the sentence before, exactly that many; an
    /// argument there is each of them, and the group is written as no entity's mention. A noun
    /// of office counts only people of that office: "the two leaders" are no two people of no
    /// known office.
    @Test func aGroupNamedByItsNumberIsEachOfItsPeople() throws {
        let p = try rulePipeline("""
            rule v
                match @a:person visited @c:country
                emit a visited c
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray. The pair visited Camelot.")
                == ["(p:ann visited c:aa -)", "(p:bob visited c:aa -)"])
        #expect(try triples(p, "Ann Lee met Bob Ray and Cy Dow. The pair visited Camelot.") == [])
        #expect(try triples(p, "Ann Lee met Bob Ray. The two leaders visited Camelot.") == [])
        let worker = try p.makeWorker()
        let bytes = Array("Ann Lee met Bob Ray. The pair visited Camelot.".utf8)
        let x = try bytes.withUnsafeBufferPointer { (b) throws(TextError) in try worker.entities(in: b) }
        let groups = x.mentions.compactMap(\.groupMembers)
        #expect(groups.map { $0.map { x.entities[$0].id } } == [["p:ann", "p:bob"]])
    }

    /// `[quote]` is a quotation mark of any form, double or single; no other punctuation.
    @Test func quoteAttributeTakesEveryQuotationMark() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person held [quote] [word] [quote] talks with @b:person
                emit a met b
            """)
        for text in ["Ann Lee held \"good\" talks with Bob Ray.", "Ann Lee held “good” talks with Bob Ray.",
                     "Ann Lee held ‘good’ talks with Bob Ray.", "Ann Lee held 'good' talks with Bob Ray.", "Ann Lee held «good» talks with Bob Ray."] {
            #expect(try triples(p, text) == ["(p:ann met p:bob -)"], "\(text)")
        }
        #expect(try triples(p, "Ann Lee held (good) talks with Bob Ray.") == [])
    }

    /// `[gap]` skips adjuncts and clauses but no clause boundary and no other person's name, so
    /// the subject is the person nearest the verb; `[boundary]` is the boundary itself.
    @Test func gapsStopAtBoundariesAndAtOtherPeople() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person [gap]{0,10} met @b:person
                emit a met b
            rule s
                match @a:person [boundary] @b:person
                emit a signed b
            """)
        #expect(try triples(p, "Ann Lee, on a long trip, met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee arrived, Cy Dow later met Bob Ray.") == ["(p:cy met p:bob -)"])
        #expect(try triples(p, "Ann Lee praised Cy Dow and then met Bob Ray.") == [])
        #expect(try triples(p, "Ann Lee said that the team met Bob Ray.") == [])
        // A pronoun names the person before it, and is a person to the rules.
        #expect(try triples(p, "Ann Lee said that he met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee; Bob Ray.") == ["(p:ann signed p:bob -)"])
        #expect(try triples(p, "Ann Lee, Bob Ray.") == [])
    }

    @Test func derivedArgumentsAndAlternatives() throws {
        let p = try rulePipeline("""
            rule s
                match (@a:country | the two sides) signed the @x:agreement
                emit a | x.parties signed x
            """)
        #expect(try triples(p, "Avalon signed the Pact of Camelot.") == ["(c:aa signed x:pact -)"])
        #expect(try triples(p, "Yesterday the two sides signed the Pact of Camelot.") == ["(c:aa signed x:pact 2025-05-28)", "(c:bb signed x:pact 2025-05-28)"])
    }

    /// `[!possessive]` is any token but "'s"; a place that is an emit's object is each emit's own.
    @Test func listsEndBeforeNoPossessiveAndEachObjectIsItsPlace() throws {
        let p = try rulePipeline("""
            rule v
                match @a:person visited @c:country (and @d:country [!possessive])?
                emit a visited c
                emit a visited d
                place c
            """)
        #expect(try triples(p, "Ann Lee visited Camelot and Borduria last week.") == ["(p:ann visited c:aa 2025-W21)", "(p:ann visited c:bb 2025-W21)"])
        #expect(try triples(p, "Ann Lee visited Camelot and Borduria’s envoy left.") == ["(p:ann visited c:aa -)"])
        let worker = try p.makeWorker()
        let out = try worker.triples(in: "Ann Lee visited Camelot and Borduria.", document: "d")
        #expect(out.map { "\($0.object.id) \($0.place?.text ?? "-")" } == ["c:aa Camelot", "c:bb Borduria"])
    }

    /// `![verb]` tests the next token and consumes nothing: a person before a verb opens a clause
    /// of their own; the sentence's end passes; `![!punctuation]` wants punctuation or the end.
    @Test func aLookaheadConsumesNothingAndPassesAtTheEnd() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person met @b:person (and @c:person ![verb])?
                emit a met b
                emit a met c
            rule s
                match @a:person signed the @x:agreement ![!punctuation]
                emit a signed x
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray and Cy Dow") == ["(p:ann met p:bob -)", "(p:ann met p:cy -)"])
        #expect(try triples(p, "Ann Lee met Bob Ray and Cy Dow on Monday.") == ["(p:ann met p:bob 2025-05-26)", "(p:ann met p:cy 2025-05-26)"])
        #expect(try triples(p, "Ann Lee met Bob Ray and Cy Dow held talks.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee signed the Pact of Camelot.") == ["(p:ann signed x:pact -)"])
        #expect(try triples(p, "Ann Lee signed the Pact of Camelot") == ["(p:ann signed x:pact -)"])
        #expect(try triples(p, "Ann Lee signed the Pact of Camelot today") == [])
        // Written wrong, it says what it expects.
        let bad = RuleParser.parse(Array("rule m\n    match @a:person ! , met\n    emit a met a\n".utf8), file: "bad.rules")
        #expect(bad.diagnostics.map(\.message).first?.contains("![attribute]") == true)
    }

    /// `!word`, `!(a | b)`: the next token is none of these words; consumes nothing.
    @Test func aLookaheadOfWordsRefusesOnlyThoseWords() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person (!(who | which) [gap]){1,6} by meeting @b:person
                emit a met b
            """)
        #expect(try triples(p, "Ann Lee ended the row by meeting Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee praised aides who ended the row by meeting Bob Ray.") == [])
        // Only single words: a longer pattern after '!' is refused, saying why.
        let bad = RuleParser.parse(Array("rule m\n    match @a:person !(\"held talks\" | met) met @b:person\n    emit a met b\n".utf8), file: "bad.rules")
        #expect(bad.diagnostics.isEmpty)
        let entries = LexiconParser.parse(Array(ruleTestLexicon.utf8), file: "test.jsonl")
        #expect(throws: (any Error).self) { try Pipeline(entries: entries.entries, rules: bad.file) }
    }

    /// `!@_:type`: no annotation of the type starts at the next token; consumes nothing.
    @Test func aLookaheadOfAnAnnotationTestsWhereItStarts() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person met @b:person !@_:country
                emit a met b
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray.") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee met Bob Ray") == ["(p:ann met p:bob -)"])
        #expect(try triples(p, "Ann Lee met Bob Ray Borduria.") == [])
        // A lookahead captures nothing.
        let bad = RuleParser.parse(Array("rule m\n    match @a:person !@c:country\n    emit a met a\n".utf8), file: "bad.rules")
        #expect(bad.diagnostics.map(\.message).first?.contains("captures nothing") == true)
    }

    /// A lookahead's test is made per sentence, when a run first reaches it there: each sentence
    /// of a document gets its own answers, whatever the sentences' lengths and order.
    @Test func lookaheadsAnswerForTheirOwnSentence() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person met @b:person !@_:country
                emit a met b
            rule n
                match @a:person (!(who | which) [gap]){1,6} by meeting @b:person
                emit a met b
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray Borduria. Cy Dow met Bob Ray.") == ["(p:cy met p:bob -)"])
        #expect(try triples(p, "Cy Dow met Bob Ray. Ann Lee met Bob Ray Borduria.") == ["(p:cy met p:bob -)"])
        #expect(try triples(p, "Ann Lee praised the aides who ended the long row by meeting Bob Ray. Cy Dow ended it by meeting Bob Ray.")
            == ["(p:cy met p:bob -)"])
        #expect(try triples(p, "Cy Dow ended it by meeting Bob Ray. Ann Lee praised the aides who ended the long row by meeting Bob Ray.")
            == ["(p:cy met p:bob -)"])
    }

    @Test func negativeRulesSuppressOnlyWhatTheyOverlap() throws {
        let p = try rulePipeline("""
            rule m
                match @a:person (will)? meet @b:person
                emit a met b
            rule no
                match will meet
                suppress met
            """)
        #expect(try triples(p, "Ann Lee will meet Bob Ray.") == [])
        #expect(try triples(p, "Ann Lee meet Bob Ray, and Cy Dow will meet them.") == ["(p:ann met p:bob -)"])
    }

    /// Overlapping matches of one predicate: priority, then length; different predicates
    /// both stand.
    @Test func overlapPolicy() throws {
        let p = try rulePipeline("""
            rule short
                match @a:person met @b:person
                emit a met b
            rule long
                match @a:person met @b:person and @c:person
                emit a met c
            rule other
                match @a:person met @b:person
                emit a saw b
            """)
        #expect(try triples(p, "Ann Lee met Bob Ray and Cy Dow.") == ["(p:ann met p:cy -)", "(p:ann saw p:bob -)"])
        let q = try rulePipeline("""
            rule short
                match @a:person met @b:person
                emit a met b
                priority 1
            rule long
                match @a:person met @b:person and @c:person
                emit a met c
            """)
        #expect(try triples(q, "Ann Lee met Bob Ray and Cy Dow.") == ["(p:ann met p:bob -)"])
    }

    /// Of equally long matches from one start, the one whose last element started earliest wins,
    /// whatever the order of the alternatives; between matches whose elements start at the same
    /// tokens, the earlier alternative and the greedy repetition (docs/rules.md). `c | a` is the
    /// country when the match captured it, else the person.
    @Test func equallyLongMatchesPreferTheEarliestLastElementThenThePatternsOrder() throws {
        func subjects(_ pattern: String, _ text: String, emit: String = "c | a met b") throws -> [String] {
            try triples(rulePipeline("rule m\n    match \(pattern)\n    emit \(emit)\n"), text)
        }
        // "Ann Lee" as one annotation reaches "met" before the two token tests do.
        #expect(try subjects("([capitalized] [capitalized] | @a:person) met @b:person", "Ann Lee met Bob Ray.", emit: "a met b") == ["(p:ann met p:bob -)"])
        // Over one token each, the earlier alternative.
        let text = "Ann Lee in Avalon met Bob Ray."
        #expect(try subjects("@a:person in ([capitalized] | @c:country) met @b:person", text) == ["(p:ann met p:bob -)"])
        #expect(try subjects("@a:person in (@c:country | [capitalized]) met @b:person", text) == ["(c:aa met p:bob -)"])
        // An optional element taken rather than skipped, in a repetition too.
        #expect(try subjects("@a:person in [capitalized]? @c:country? met @b:person", text) == ["(p:ann met p:bob -)"])
        #expect(try subjects("@a:person in @c:country? [capitalized]? met @b:person", text) == ["(c:aa met p:bob -)"])
        #expect(try subjects("@a:person in ([capitalized] | @c:country)* met @b:person", text) == ["(p:ann met p:bob -)"])
    }

    /// A pattern that backtracking engines take exponential time on runs in one pass: each
    /// (instruction, token) pair is visited once per start, and a match spans at most 256 tokens.
    @Test func nestedRepetitionsDoNotBlowUp() throws {
        let p = try rulePipeline("rule r\n    match ([word] | [word] [word])* @a:person zzz\n    emit a met a\n")
        let words = Array(repeating: "word", count: 3_000).joined(separator: " ")
        #expect(try triples(p, words + " Ann Lee.") == [])
        let q = try rulePipeline("rule r\n    match @a:person []* @b:person\n    emit a met b\n")
        let gap = Array(repeating: "word", count: 300).joined(separator: " ")
        #expect(try triples(q, "Ann Lee " + gap + " Bob Ray.") == [])
        #expect(try triples(q, "Ann Lee word Bob Ray.") == ["(p:ann met p:bob -)"])
    }
}

@Suite("Rule language: hostile rule files")
struct HostileRuleFileTests {
    /// Every diagnostic of loading `source` as a rule file, with "f.rules" for its path.
    func diagnostics(_ source: [UInt8]) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).rules")
        try Data(source).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Pipeline.load(lexiconPaths: [], defaults: false, rulePaths: [url.path], defaultRules: false)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics.map { $0.description.replacingOccurrences(of: url.path, with: "f.rules") }
        }
    }

    /// Regressions: each once crashed, blew up, or gave a cascade of messages.
    @Test(arguments: [
        ("define AA = AA\nrule x.y\n    match @a:person (x | AA) @b:person\n    emit a met b\n",
         ["f.rules:1:13: class AA refers to itself (through AA -> AA)"]),
        ("define R1 = []{0,64}\ndefine R2 = R1{0,64}\ndefine R3 = R2{0,64}\nrule x.y\n    match @a:person R3 @b:person\n    emit a met b\n",
         ["f.rules:3:1: this pattern compiles to more than 20000 instructions (nested repetitions multiply); use smaller bounds"]),
        ("define AA = x\ndefine AA = y\nrule x.y\n    match @a:person AA @b:person\n    emit a met b\n",
         ["f.rules:2:1: class AA is already defined on line 1"]),
        ("rule x.y\n    match @a:person met{0,64}{0,64} @b:person\n    emit a met b\n",
         ["f.rules:2:30: a quantifier after a quantifier; group the element first, e.g. (x{2})?"]),
        ("rule x.y\n    match " + String(repeating: "(", count: 100) + "met" + String(repeating: ")", count: 100) + "\n    suppress met\n",
         ["f.rules:2:43: groups nested deeper than 32"]),
        ("rule x.y\n    macth @a:person met @b:person\n    emit a met b\n",
         ["f.rules:2:5: expected a clause (abroad, date, emit, match, office, place, priority, suppress, symmetric), got 'macth'"]),
        ("rule x.y\n    match @a:person met @b:person\n    emit a met b\n    date none\n    date none\n",
         ["f.rules:5:5: a second 'date' clause (the first is on line 4)"]),
        ("rule x.y\n    match @a:person \u{201C}held talks\u{201D} @b:person\n    emit a met b\ndefine CC = CC | x\ndefine DD = UNKNOWN\n",
         ["f.rules:2:21: typographic quotes in '\u{201C}held': a phrase goes in straight double quotes (\"held talks\")",
          "f.rules:4:13: class CC refers to itself (through CC -> CC)",
          "f.rules:5:13: unknown class UNKNOWN (define it with 'define UNKNOWN = ...')"]),
        ("define BAD = (x\nrule x.y\n    match @a:person BAD @b:person\n    emit a met b\n",
         ["f.rules:1:16: expected ')' to close the group opened at column 14"]),
    ])
    func refusedWithOneMessageEach(_ source: String, _ expected: [String]) throws {
        #expect(try diagnostics(Array(source.utf8)) == expected)
    }

    @Test func aByteOrderMarkIsNoPartOfTheFirstLine() throws {
        #expect(try diagnostics([0xEF, 0xBB, 0xBF] + Array("rule x.y\n    match @a:person met @b:person\n    emit a met b\n".utf8)) == [])
    }
}
