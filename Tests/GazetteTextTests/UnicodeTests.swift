import Testing
@_spi(Stages) import GazetteText

@Suite("Tokenizer: scripts, emoji and invalid UTF-8")
struct UnicodeTests {
    static let cases: [TextCase] = [
        TextCase(name: "accented Latin", text: "Bogotá, São Paulo y Zürich", expected: ["Bogotá", ",", "São", "Paulo", "y", "Zürich"]),
        TextCase(name: "Vietnamese", text: "Đà Nẵng là thành phố.", expected: ["Đà", "Nẵng", "là", "thành", "phố", "."]),
        TextCase(name: "Vietnamese, decomposed", text: "Đa\u{0300} Na\u{0306}\u{0303}ng", expected: ["Đa\u{0300}", "Na\u{0306}\u{0303}ng"]),
        TextCase(name: "Cyrillic", text: "Министр Лавров встретился.", expected: ["Министр", "Лавров", "встретился", "."]),
        TextCase(name: "Arabic", text: "التقى وزير الخارجية.", expected: ["التقى", "وزير", "الخارجية", "."]),
        TextCase(name: "Japanese (dictionary break)", text: "岩屋外相は東京で会談した。",
             expected: ["岩屋", "外相", "は", "東京", "で", "会談", "した", "。"]),
        TextCase(name: "Chinese (dictionary break)", text: "日本和菲律宾签署协定。", expected: ["日本", "和", "菲律宾", "签署", "协定", "。"]),
        TextCase(name: "emoji with skin tone", text: "Talks 👍🏽 went", expected: ["Talks", "👍🏽", "went"]),
        TextCase(name: "ZWJ sequence", text: "a 👨‍👩‍👧 b", expected: ["a", "👨‍👩‍👧", "b"]),
        TextCase(name: "flags", text: "🇯🇵🇵🇭 ties", expected: ["🇯🇵", "🇵🇭", "ties"]),
        TextCase(name: "curly quotes", text: "“near-alliance status,” he said", expected: ["“", "near", "-", "alliance", "status", ",", "”", "he", "said"]),
        TextCase(name: "single curly quotes", text: "‘historic’ visit", expected: ["‘", "historic", "’", "visit"]),
        TextCase(name: "em and en dash", text: "security—a 2019–2020 crisis", expected: ["security", "—", "a", "2019", "–", "2020", "crisis"]),
        TextCase(name: "no-break and ideographic spaces", text: "Manalo\u{00A0}met\u{3000}Iwaya", expected: ["Manalo", "met", "Iwaya"]),
        TextCase(name: "zero-width space and soft hyphen", text: "Ma\u{00AD}nalo\u{200B} met", expected: ["Ma\u{00AD}nalo", "met"]),
        TextCase(name: "byte order mark and lone joiners", text: "\u{FEFF}Manalo \u{200D} met\u{2060}", expected: ["Manalo", "met\u{2060}"]),
    ]

    @Test(arguments: cases)
    func tokens(_ c: TextCase) throws {
        let (layer, bytes, _) = try analyze(c.text)
        #expect(tokenTexts(layer, bytes) == c.expected)
    }

    @Test func invalidUTF8IsRepairedWithOriginalOffsets() throws {
        // "x", FF FE (two invalid bytes), "y", a truncated 3-byte sequence, "z", a truncated 4-byte one.
        let bytes: [UInt8] = Array("Iwaya x".utf8) + [0xFF, 0xFE] + Array("y ".utf8) + [0xE2, 0x80]
            + Array(" z ".utf8) + [0xF0, 0x9F] + Array(" met".utf8)
        let tokenizer = try Tokenizer()
        let layer = try tokenizer.analyze(bytes)
        #expect(!layer.isValidUTF8)
        let texts = tokenTexts(layer, bytes)
        #expect(texts == ["Iwaya", "x", "\u{FFFD}", "\u{FFFD}", "y", "\u{FFFD}", "z", "\u{FFFD}", "met"])
        // Byte spans point into the original bytes: the truncated sequences keep their length.
        let spans = layer.tokens.map { $0.byteRange }
        #expect(spans[2] == 7..<8)
        #expect(spans[3] == 8..<9)
        #expect(spans[5] == 11..<13)
        #expect(spans[7] == 16..<18)
        #expect(spans[8] == 19..<22)
        #expect(tokenizer.vocabulary.key(layer.tokens[5].key) == "\u{FFFD}")
    }

    @Test func invalidUTF8InsideAWord() throws {
        let bytes: [UInt8] = Array("Man".utf8) + [0xC3] + Array("alo met".utf8)
        let layer = try Tokenizer().analyze(bytes)
        // Every byte is still covered by some token and nothing crashes.
        let covered = layer.tokens.reduce(0) { $0 + $1.byteRange.count }
        #expect(covered == bytes.count - 1)  // all but the one space
        #expect(tokenTexts(layer, bytes).last == "met")
    }
}

@Suite("Normalizer: match keys")
struct NormalizerTests {
    static let keys: [(String, String)] = [
        ("Manalo", "manalo"),
        ("IWAYA", "iwaya"),
        ("Bogotá", "bogota"),
        ("Đà", "da"),
        ("Nẵng", "nang"),
        ("Na\u{0306}\u{0303}ng", "nang"),
        ("Zürich", "zurich"),
        ("ÉCOLE", "ecole"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Ørsted", "orsted"),
        ("Ærø", "aero"),
        ("İstanbul", "istanbul"),
        ("Türkiye", "turkiye"),
        ("ﬁnance", "finance"),
        ("ＴＯＫＹＯ", "tokyo"),
        ("Москва", "москва"),
        ("東京", "東京"),
        ("’", "'"),
        ("Ma\u{00AD}nalo", "manalo"),
        ("‘", "'"),
        ("“", "\""),
        ("”", "\""),
        ("«", "\""),
        ("—", "-"),
        ("–", "-"),
        ("−", "-"),
        ("U.S.", "u.s."),
        ("Tuđman", "tudman"),
        ("Ðorđe", "dorde"),
        ("Ħamrun", "hamrun"),
        ("Yıldız", "yildiz"),
        ("Ŧeno", "teno"),
        ("Cœurlin", "coeurlin"),
        ("Þórsson", "thorsson"),
    ]

    @Test(arguments: keys)
    func key(_ surface: String, _ expected: String) throws {
        let (layer, _, tokenizer) = try analyze(surface)
        #expect(layer.tokens.count == 1)
        #expect(tokenizer.vocabulary.key(layer.tokens[0].key) == expected)
    }

    /// A string held in code (an entity's label) gets the key a token of that surface gets, for
    /// every letter class the normalizer folds: one place makes every key.
    @Test(arguments: keys)
    func stringKeyIsTheTokenKey(_ surface: String, _ expected: String) throws {
        let (layer, _, tokenizer) = try analyze(surface)
        #expect(tokenizer.key(of: surface) == tokenizer.vocabulary.key(layer.tokens[0].key))
        #expect(tokenizer.key(of: surface) == expected)
        // Words of a name keep their spaces.
        #expect(tokenizer.key(of: "Ana " + surface) == "ana " + expected)
    }

    @Test func possessivesShareOneKey() throws {
        let (layer, bytes, tokenizer) = try analyze("Manalo's Manalo’s MANALO'S")
        #expect(tokenTexts(layer, bytes) == ["Manalo", "'s", "Manalo", "’s", "MANALO", "'S"])
        #expect(Set([1, 3, 5].map { tokenizer.vocabulary.key(layer.tokens[$0].key) }) == ["'s"])
    }

    @Test func aNameEndingInSTakesABareApostropheAsItsPossessive() throws {
        let (layer, bytes, tokenizer) = try analyze("the Philippines' envoy, the Maldives’ minister and the Bahamas' 3 ports")
        let texts = tokenTexts(layer, bytes)
        let keys = layer.tokens.map { tokenizer.vocabulary.key($0.key) }
        #expect(texts[2] == "'" && texts[7] == "’")
        #expect(keys[2] == "'s" && keys[7] == "'s")
        // Before a digit, the apostrophe stays one: only a word may be possessed here.
        #expect(keys[texts.firstIndex(of: "Bahamas")! + 1] == "'")
    }

    @Test func aBareApostropheAfterOtherWordsStaysOne() throws {
        // A word in lower case ('the talks'), a closing quote before punctuation or the end, and
        // a name not ending in "s" keep the apostrophe's own key.
        for text in ["he called them 'the talks' and left", "a visit to 'the Philippines'.", "the 'Philippines'", "Peru' envoy"] {
            let (layer, bytes, tokenizer) = try analyze(text)
            let apostrophes = zip(tokenTexts(layer, bytes), layer.tokens).filter { $0.0 == "'" }
            #expect(!apostrophes.isEmpty)
            #expect(apostrophes.allSatisfy { tokenizer.vocabulary.key($0.1.key) == "'" }, "\(text)")
        }
    }

    @Test func equalKeysShareOneID() throws {
        let (layer, _, tokenizer) = try analyze("Bogotá BOGOTA bogota Bogota\u{0301}")
        let ids = Set(layer.tokens.map(\.key))
        #expect(ids.count == 1)
        #expect(tokenizer.vocabulary.keyID(forKey: "bogota") == ids.first)
        #expect(tokenizer.vocabulary.keyID(forKey: "Bogotá") == nil)
    }

    @Test func frozenKeysKeepTheirIDsAcrossTrims() throws {
        let tokenizer = try Tokenizer()
        _ = try tokenizer.analyze("Manalo met Iwaya")
        var vocabulary = tokenizer.vocabulary
        vocabulary.freeze()
        let manalo = try #require(vocabulary.keyID(forKey: "manalo"))
        let worker = try Tokenizer(vocabulary: vocabulary)
        worker.transientLimit = 10
        // Enough new words to pass the limit: the next document starts from the frozen set.
        _ = try worker.analyze((0..<50).map { "word\($0)" }.joined(separator: " "))
        #expect(worker.vocabulary.keyID(forKey: "word7") != nil)
        let layer = try worker.analyze("Manalo again")
        #expect(worker.vocabulary.keyID(forKey: "word7") == nil)
        #expect(layer.tokens[0].key == manalo)
        #expect(worker.vocabulary.key(layer.tokens[1].key) == "again")
    }
}
