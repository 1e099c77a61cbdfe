import Testing
@_spi(Stages) import Gazette

/// A small lexicon and a matcher over it: the matched surfaces and entry ids of a text.
func lexiconMatches(_ entries: [LexiconEntry], _ text: String) throws -> [String] {
    let lexicon = try CompiledLexicon(entries: entries)
    let tokenizer = try lexicon.makeTokenizer()
    var matcher = LexiconMatcher(lexicon: lexicon)
    let bytes = Array(text.utf8)
    let layer = try tokenizer.analyze(bytes)
    bytes.withUnsafeBufferPointer { matcher.match(layer, text: $0) }
    return matcher.matches.map { m in
        let start = Int(layer.tokens[m.tokenRange.lowerBound].start), end = Int(layer.tokens[m.tokenRange.upperBound - 1].end)
        let ids = matcher.candidates[m.candidates].map { lexicon.entries[$0.entry].id }.joined(separator: "|")
        return "\(String(decoding: bytes[start..<end], as: UTF8.self))=\(ids)"
    }
}

@Suite("Lexicon matcher")
struct LexiconMatcherTests {
    static let countries: [LexiconEntry] = [
        LexiconEntry(id: "country:USA", type: "country", name: "United States",
                     aliases: [Alias("United States"), Alias("US"), Alias("U.S."), Alias("American", kind: .adjective)]),
        LexiconEntry(id: "country:CHN", type: "country", name: "China", aliases: [Alias("China", case: .exact), Alias("Chinese", kind: .adjective)]),
        LexiconEntry(id: "country:TCD", type: "country", name: "Chad", aliases: [Alias("Chad", case: .exact)]),
        LexiconEntry(id: "country:GEO", type: "country", name: "Georgia", aliases: [Alias("Georgia", case: .exact)]),
        LexiconEntry(id: "country:MEX", type: "country", name: "Mexico"),
        LexiconEntry(id: "country:COL", type: "country", name: "Colombia", aliases: [Alias("Bogotá", kind: .capital)]),
        LexiconEntry(id: "country:VNM", type: "country", name: "Vietnam", aliases: [Alias("Viet Nam"), Alias("Vietnamese", kind: .adjective)]),
        LexiconEntry(id: "country:JPN", type: "country", name: "Japan"),
        LexiconEntry(id: "country:PHL", type: "country", name: "Philippines", aliases: [Alias("Philippine", kind: .adjective)]),
        LexiconEntry(id: "stop:scs", type: EntityType.stop, name: "", aliases: [Alias("South China Sea"), Alias("East China Sea")]),
        LexiconEntry(id: "stop:nm", type: EntityType.stop, name: "", aliases: [Alias("New Mexico")]),
        LexiconEntry(id: "stop:atl", type: EntityType.stop, name: "", aliases: [Alias("Atlanta, Georgia")]),
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // Case policy: exact aliases only as written.
        Case(text: "The US and China met.", expected: ["US=country:USA", "China=country:CHN"]),
        Case(text: "let us buy china plates", expected: []),
        Case(text: "Chad and chad", expected: ["Chad=country:TCD"]),
        // Names match capitalized, in any case after the first letter; lower case is not a name.
        Case(text: "UNITED STATES and United states and united states", expected: ["UNITED STATES=country:USA", "United states=country:USA"]),
        Case(text: "ph-japan-manalo.jpg in Japan", expected: ["Japan=country:JPN"]),
        // Diacritics and normalized keys.
        Case(text: "in Bogota and BOGOTÁ", expected: ["Bogota=country:COL", "BOGOTÁ=country:COL"]),
        // Longest wins: a multi-token name over its parts.
        Case(text: "United States officials", expected: ["United States=country:USA"]),
        Case(text: "Viet Nam and Vietnamese", expected: ["Viet Nam=country:VNM", "Vietnamese=country:VNM"]),
        // Stop phrases hide what is inside them.
        Case(text: "South China Sea tensions near China", expected: ["China=country:CHN"]),
        Case(text: "East and South China Sea tensions", expected: []),
        Case(text: "New Mexico is not Mexico", expected: ["Mexico=country:MEX"]),
        Case(text: "He lives in Atlanta, Georgia, not in Georgia.", expected: ["Georgia=country:GEO"]),
        // Hyphenated compounds match their parts.
        Case(text: "Japan-Philippines talks", expected: ["Japan=country:JPN", "Philippines=country:PHL"]),
        Case(text: "Philippine Senate", expected: ["Philippine=country:PHL"]),
        // Matches stay inside a sentence.
        Case(text: "He went to the United.\nStates agreed.", expected: []),
    ]

    @Test(arguments: cases)
    func matches(_ c: Case) throws {
        let got = try lexiconMatches(Self.countries, c.text)
        #expect(got == c.expected, "\(got)")
    }

    @Test func priorityBeatsLength() throws {
        let entries = [
            LexiconEntry(id: "long", type: "org", name: "Asian Development Bank"),
            LexiconEntry(id: "short", type: "org", name: "Development Bank", priority: 5),
        ]
        #expect(try lexiconMatches(entries, "the Asian Development Bank said") == ["Development Bank=short"])
    }

    @Test func leftmostWinsBetweenEqualOverlaps() throws {
        let entries = [
            LexiconEntry(id: "ab", type: "t", name: "alpha beta"),
            LexiconEntry(id: "bc", type: "t", name: "beta gamma"),
        ]
        #expect(try lexiconMatches(entries, "alpha beta gamma") == ["alpha beta=ab"])
    }

    @Test func sharedAliasKeepsEveryCandidate() throws {
        let entries = [
            LexiconEntry(id: "Q-elder", type: "person", name: "Ferdinand E. Marcos", label: "Marcos", aliases: [Alias("Marcos")]),
            LexiconEntry(id: "Q-junior", type: "person", name: "Ferdinand Marcos Jr.", label: "Marcos", aliases: [Alias("Marcos"), Alias("Bongbong Marcos")]),
        ]
        #expect(try lexiconMatches(entries, "Marcos spoke. Bongbong Marcos spoke.") == ["Marcos=Q-elder|Q-junior", "Bongbong Marcos=Q-junior"])
        #expect(try lexiconMatches(entries, "President Ferdinand Marcos Jr. spoke") == ["Ferdinand Marcos Jr.=Q-junior"])
    }

    @Test func compiledLexiconSharesKeysWithDocumentTokenizers() throws {
        let lexicon = try CompiledLexicon(entries: Self.countries)
        #expect(lexicon.vocabulary.keyID(forKey: "bogota") != nil)
        #expect(lexicon.vocabulary.frozenKeyCount == lexicon.vocabulary.keyCount)
        #expect(lexicon.longestAlias == 3)  // "Atlanta , Georgia", "South China Sea"
    }
}
