import Testing
import GazetteText

@Suite("Tokenizer: news cases")
struct TokenizerNewsCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var tokens: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // Hyphenated compounds split.
        Case(text: "Japan-Philippines talks", tokens: ["Japan", "-", "Philippines", "talks"]),
        Case(text: "near-alliance status", tokens: ["near", "-", "alliance", "status"]),
        // Possessives split off, straight and typographic apostrophe.
        Case(text: "Manalo's visit", tokens: ["Manalo", "'s", "visit"]),
        Case(text: "each other’s territories", tokens: ["each", "other", "’s", "territories"]),
        Case(text: "JAPAN'S LEGISLATURE", tokens: ["JAPAN", "'S", "LEGISLATURE"]),
        Case(text: "the ministers' talks", tokens: ["the", "ministers", "'", "talks"]),
        Case(text: "O'Neill met", tokens: ["O'Neill", "met"]),
        // Abbreviations keep their period.
        Case(text: "Ferdinand Marcos Jr. and", tokens: ["Ferdinand", "Marcos", "Jr.", "and"]),
        Case(text: "the U.S. and Japan", tokens: ["the", "U.S.", "and", "Japan"]),
        Case(text: "U.S.-Japan ties", tokens: ["U.S.", "-", "Japan", "ties"]),
        Case(text: "on Nov. 1", tokens: ["on", "Nov.", "1"]),
        Case(text: "on Sept. 21", tokens: ["on", "Sept.", "21"]),
        Case(text: "Mr. Iwaya", tokens: ["Mr.", "Iwaya"]),
        Case(text: "George W. Bush", tokens: ["George", "W.", "Bush"]),
        Case(text: "e.g. trade", tokens: ["e.g.", "trade"]),
        // A sentence-final period is not an abbreviation's.
        Case(text: "the end of the war.", tokens: ["the", "end", "of", "the", "war", "."]),
        Case(text: "met in Tokyo.", tokens: ["met", "in", "Tokyo", "."]),
        // Dates and numbers stay whole.
        Case(text: "on 2025-05-29 at", tokens: ["on", "2025-05-29", "at"]),
        Case(text: "on 28/05/2025 at", tokens: ["on", "28/05/2025", "at"]),
        Case(text: "on 5/28/25 at", tokens: ["on", "5/28/25", "at"]),
        Case(text: "1,500 troops", tokens: ["1,500", "troops"]),
        Case(text: "2.5 percent", tokens: ["2.5", "percent"]),
        Case(text: "28.05.2025", tokens: ["28.05.2025"]),
        // A span of years is not a date; a range of days stays split for the date layer.
        Case(text: "in 2019-2020", tokens: ["in", "2019", "-", "2020"]),
        Case(text: "Oct. 28-31", tokens: ["Oct.", "28", "-", "31"]),
        // Acronyms in parentheses, punctuation.
        Case(text: "Agreement (RAA), a pact", tokens: ["Agreement", "(", "RAA", ")", ",", "a", "pact"]),
        Case(text: "security—a crucial", tokens: ["security", "—", "a", "crucial"]),
        Case(text: "“near-alliance status,”", tokens: ["“", "near", "-", "alliance", "status", ",", "”"]),
    ]

    @Test(arguments: cases)
    func tokens(_ c: Case) throws {
        let (layer, bytes, _) = try analyze(c.text)
        #expect(tokenTexts(layer, bytes) == c.tokens)
    }

    @Test func kindsAndShapes() throws {
        let (layer, bytes, _) = try analyze("RAA signed 1,500 U.S. deals — 2025-05-29 👍 G20")
        let byText = Dictionary(uniqueKeysWithValues: zip(tokenTexts(layer, bytes), layer.tokens))
        #expect(byText["RAA"]?.kind == .word)
        #expect(byText["RAA"]?.shape == [.capitalized, .allCaps])
        #expect(byText["signed"]?.shape == [])
        #expect(byText["1,500"]?.kind == .number)
        #expect(byText["1,500"]?.shape == [.hasDigits])
        #expect(byText["U.S."]?.shape == [.capitalized, .allCaps, .abbreviation])
        #expect(byText["—"]?.kind == .punctuation)
        #expect(byText["2025-05-29"]?.kind == .number)
        #expect(byText["👍"]?.kind == .symbol)
        #expect(byText["G20"]?.kind == .word)
        #expect(byText["G20"]?.shape == [.capitalized, .allCaps, .hasDigits])
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var sentences: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "President Ferdinand Marcos Jr. and Japanese Prime Minister Shigeru Ishiba met. They agreed.",
             sentences: ["President Ferdinand Marcos Jr. and Japanese Prime Minister Shigeru Ishiba met.", "They agreed."]),
        Case(text: "They met on Sept. 21 the ministers said.", sentences: ["They met on Sept. 21 the ministers said."]),
        Case(text: "It happened on Nov. 1 in Tokyo. Talks followed.",
             sentences: ["It happened on Nov. 1 in Tokyo.", "Talks followed."]),
        Case(text: "Mr. Iwaya arrived. He met Manalo.", sentences: ["Mr. Iwaya arrived.", "He met Manalo."]),
        Case(text: "Gen. Romeo Brawner spoke.", sentences: ["Gen. Romeo Brawner spoke."]),
        Case(text: "George W. Bush met him.", sentences: ["George W. Bush met him."]),
        Case(text: "U.S. President Trump spoke. Officials agreed.",
             sentences: ["U.S. President Trump spoke.", "Officials agreed."]),
        Case(text: "The ministers met in the U.S. Officials said so.",
             sentences: ["The ministers met in the U.S.", "Officials said so."]),
        Case(text: "He joined Acme Inc. The deal closed.", sentences: ["He joined Acme Inc.", "The deal closed."]),
        Case(text: "Did they meet? Yes! They did.", sentences: ["Did they meet?", "Yes!", "They did."]),
        // A line break ends a sentence even after a title.
        Case(text: "Posted by Gen.\nIwaya spoke", sentences: ["Posted by Gen.", "Iwaya spoke"]),
        Case(text: "Jump to content\n\nRecommended Posts\n\nPosted",
             sentences: ["Jump to content", "Recommended Posts", "Posted"]),
        Case(text: "He said: “We met.” Then he left.", sentences: ["He said: “We met.”", "Then he left."]),
    ]

    @Test(arguments: cases)
    func sentences(_ c: Case) throws {
        let (layer, bytes, _) = try analyze(c.text)
        #expect(sentenceTexts(layer, bytes) == c.sentences)
    }

    @Test func emptyAndBlankText() throws {
        for text in ["", " ", "\n\n \t", "\u{00A0}\u{3000}"] {
            let (layer, _, _) = try analyze(text)
            #expect(layer.tokens.isEmpty, "\(text.debugDescription)")
            #expect(layer.sentences.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func layerIsReusedAcrossDocuments() throws {
        let tokenizer = try Tokenizer()
        var layer = TextLayer()
        let long = Array("Manalo met Iwaya in Tokyo. They talked.".utf8)
        let short = Array("Hi.".utf8)
        try long.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
        #expect(layer.sentences.count == 2)
        try short.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
        #expect(tokenTexts(layer, short) == ["Hi", "."])
        #expect(layer.sentences.count == 1)
    }
}
