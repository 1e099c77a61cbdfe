import Testing
@_spi(Stages) import GazetteText

@Suite("Tokenizer: news cases")
struct TokenizerNewsCaseTests {
    static let cases: [TextCase] = [
        // Hyphenated compounds split.
        TextCase(text: "Japan-Philippines talks", expected: ["Japan", "-", "Philippines", "talks"]),
        TextCase(text: "near-alliance status", expected: ["near", "-", "alliance", "status"]),
        // Possessives split off, straight and typographic apostrophe.
        TextCase(text: "Manalo's visit", expected: ["Manalo", "'s", "visit"]),
        TextCase(text: "each other’s territories", expected: ["each", "other", "’s", "territories"]),
        TextCase(text: "JAPAN'S LEGISLATURE", expected: ["JAPAN", "'S", "LEGISLATURE"]),
        TextCase(text: "the ministers' talks", expected: ["the", "ministers", "'", "talks"]),
        TextCase(text: "O'Neill met", expected: ["O'Neill", "met"]),
        TextCase(text: "Manaloʼs visit", expected: ["Manalo", "ʼs", "visit"]),
        // After an abbreviation ICU leaves the apostrophe and the "s" apart; they are joined.
        TextCase(text: "the U.S.'s role", expected: ["the", "U.S.", "'s", "role"]),
        TextCase(text: "Acme Inc.’s deal", expected: ["Acme", "Inc.", "’s", "deal"]),
        // Abbreviations keep their period.
        TextCase(text: "Ferdinand Marcos Jr. and", expected: ["Ferdinand", "Marcos", "Jr.", "and"]),
        TextCase(text: "the U.S. and Japan", expected: ["the", "U.S.", "and", "Japan"]),
        TextCase(text: "U.S.-Japan ties", expected: ["U.S.", "-", "Japan", "ties"]),
        TextCase(text: "on Nov. 1", expected: ["on", "Nov.", "1"]),
        TextCase(text: "on Sept. 21", expected: ["on", "Sept.", "21"]),
        TextCase(text: "Mr. Iwaya", expected: ["Mr.", "Iwaya"]),
        TextCase(text: "George W. Bush", expected: ["George", "W.", "Bush"]),
        TextCase(text: "e.g. trade", expected: ["e.g.", "trade"]),
        TextCase(text: "a Ph.D. from", expected: ["a", "Ph.D.", "from"]),
        TextCase(text: "MR. SMITH", expected: ["MR.", "SMITH"]),
        // The pronoun is no initial.
        TextCase(text: "So do I. Then", expected: ["So", "do", "I", ".", "Then"]),
        // A sentence-final period is not an abbreviation's.
        TextCase(text: "the end of the war.", expected: ["the", "end", "of", "the", "war", "."]),
        TextCase(text: "met in Tokyo.", expected: ["met", "in", "Tokyo", "."]),
        // Dates and numbers stay whole.
        TextCase(text: "on 2025-05-29 at", expected: ["on", "2025-05-29", "at"]),
        TextCase(text: "on 28/05/2025 at", expected: ["on", "28/05/2025", "at"]),
        TextCase(text: "on 5/28/25 at", expected: ["on", "5/28/25", "at"]),
        TextCase(text: "1,500 troops", expected: ["1,500", "troops"]),
        TextCase(text: "2.5 percent", expected: ["2.5", "percent"]),
        TextCase(text: "28.05.2025", expected: ["28.05.2025"]),
        TextCase(text: "on 10/12/14 at", expected: ["on", "10/12/14", "at"]),
        // Digit groups that are no calendar date stay apart.
        TextCase(text: "2025-13-45", expected: ["2025", "-", "13", "-", "45"]),
        TextCase(text: "40/41/2025", expected: ["40", "/", "41", "/", "2025"]),
        // A span of years is not a date; a range of days stays split for the date layer.
        TextCase(text: "in 2019-2020", expected: ["in", "2019", "-", "2020"]),
        TextCase(text: "Oct. 28-31", expected: ["Oct.", "28", "-", "31"]),
        // Acronyms in parentheses, punctuation.
        TextCase(text: "Agreement (RAA), a pact", expected: ["Agreement", "(", "RAA", ")", ",", "a", "pact"]),
        TextCase(text: "security—a crucial", expected: ["security", "—", "a", "crucial"]),
        TextCase(text: "“near-alliance status,”", expected: ["“", "near", "-", "alliance", "status", ",", "”"]),
        // A period between two sentences that lost their space comes apart; abbreviations and
        // initials joined by one stay whole.
        TextCase(text: "in Addis Ababa.The president", expected: ["in", "Addis", "Ababa", ".", "The", "president"]),
        TextCase(text: "Dr.Smith and e.g.Those and U.S.Army", expected: ["Dr.Smith", "and", "e.g.Those", "and", "U.S.Army"]),
    ]

    @Test(arguments: cases)
    func tokens(_ c: TextCase) throws {
        let (layer, bytes, _) = try analyze(c.text)
        #expect(tokenTexts(layer, bytes) == c.expected)
    }

    /// A date's shape with a part of many digits ("2024-1133…3-2", found by fuzzing) is no date,
    /// and reading it does not overflow: the parts' values are read only when a date could have them.
    @Test func aDateShapeWithAHugePartIsNoDate() throws {
        let huge = String(repeating: "3", count: 40)
        for text in ["on 2024-11\(huge)-2 ended", "on 1\(huge)/05/2025 ended", "on 12/05/2\(huge) ended"] {
            let (layer, bytes, _) = try analyze(text)
            let tokens = tokenTexts(layer, bytes)
            #expect(tokens.first == "on" && tokens.last == "ended" && tokens.count > 4, "\(tokens)")
        }
        let (layer, bytes, _) = try analyze("on 2024-11-02 ended")
        #expect(tokenTexts(layer, bytes) == ["on", "2024-11-02", "ended"])
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

    /// The marks of the items a bulleted list joins to its header are list marks; a dash inside a
    /// line, and the marks of a list with no header, are not.
    @Test func listMarks() throws {
        let (layer, bytes, _) = try analyze("Signing were:\n- Peru\n• Chile-Bolivia\nNotes\n- Ecuador")
        let marks = zip(tokenTexts(layer, bytes), layer.tokens).map { ($0, $1.shape.contains(.listMark)) }
        #expect(marks.filter { $0.1 }.map { $0.0 } == ["-", "•"])
        #expect(marks.filter { $0.0 == "-" }.map { $0.1 } == [true, false, false])
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    static let cases: [TextCase] = [
        TextCase(text: "President Ferdinand Marcos Jr. and Japanese Prime Minister Shigeru Ishiba met. They agreed.",
             expected: ["President Ferdinand Marcos Jr. and Japanese Prime Minister Shigeru Ishiba met.", "They agreed."]),
        TextCase(text: "They met on Sept. 21 the ministers said.", expected: ["They met on Sept. 21 the ministers said."]),
        TextCase(text: "It happened on Nov. 1 in Tokyo. Talks followed.",
             expected: ["It happened on Nov. 1 in Tokyo.", "Talks followed."]),
        TextCase(text: "Mr. Iwaya arrived. He met Manalo.", expected: ["Mr. Iwaya arrived.", "He met Manalo."]),
        TextCase(text: "Gen. Romeo Brawner spoke.", expected: ["Gen. Romeo Brawner spoke."]),
        TextCase(text: "George W. Bush met him.", expected: ["George W. Bush met him."]),
        TextCase(text: "U.S. President Trump spoke. Officials agreed.",
             expected: ["U.S. President Trump spoke.", "Officials agreed."]),
        TextCase(text: "The ministers met in the U.S. Officials said so.",
             expected: ["The ministers met in the U.S.", "Officials said so."]),
        // A name's initials go on into the name; a body's or a country's dotted acronym may
        // end a sentence, and initials do before a word that starts one.
        TextCase(text: "Minister V.K. Singh met A.B.C. Lee in Colombo.", expected: ["Minister V.K. Singh met A.B.C. Lee in Colombo."]),
        TextCase(text: "They met in the U.K. Officials said so. He met V.K. The talks ended.",
             expected: ["They met in the U.K.", "Officials said so.", "He met V.K.", "The talks ended."]),
        // After an article or a preposition, dotted capitals are a body's acronym, not initials.
        TextCase(text: "Ruiz addressed the O.A.S. Ivo Dorr met her. Aid went to the D.R.C. Officials said so.",
             expected: ["Ruiz addressed the O.A.S.", "Ivo Dorr met her.", "Aid went to the D.R.C.", "Officials said so."]),
        TextCase(text: "He joined Acme Inc. The deal closed.", expected: ["He joined Acme Inc.", "The deal closed."]),
        TextCase(text: "Did they meet? Yes! They did.", expected: ["Did they meet?", "Yes!", "They did."]),
        // A line break ends a sentence even after a title.
        TextCase(text: "Posted by Gen.\nIwaya spoke", expected: ["Posted by Gen.", "Iwaya spoke"]),
        TextCase(text: "Jump to content\n\nRecommended Posts\n\nPosted",
             expected: ["Jump to content", "Recommended Posts", "Posted"]),
        // Text wrapped at a fixed width: a line opening with a small letter goes on with the
        // sentence; where such lines are common, so does one opening with a capital, except
        // after the first line (a headline) and after a terminal.
        TextCase(text: "Ann Lee met\nthe envoy.\nTalks followed",
             expected: ["Ann Lee met\nthe envoy.", "Talks followed"]),
        TextCase(text: "Envoys meet\nAnn Lee met Li Wei\nin Lima on Monday. The British Foreign\nSecretary met him\non Tuesday:\nTalks followed.",
             expected: ["Envoys meet", "Ann Lee met Li Wei\nin Lima on Monday.", "The British Foreign\nSecretary met him\non Tuesday:", "Talks followed."]),
        TextCase(text: "Envoys meet\nAnn Lee met Li Wei\nThe talks ended\nin Lima.",
             expected: ["Envoys meet", "Ann Lee met Li Wei", "The talks ended\nin Lima."]),
        TextCase(text: "He said: “We met.” Then he left.", expected: ["He said: “We met.”", "Then he left."]),
        // A bulleted list of short items is one sentence with the line before it when that line
        // ends with ":"; the list ends at a line with no mark, or at an item as long as a clause.
        // Marks after a line that ends otherwise, and long items, stay a sentence a line.
        TextCase(text: "Signing were:\n- Peru\n• Saint Kitts and Nevis;\n* Chile.\nThen they left.",
             expected: ["Signing were:\n- Peru\n• Saint Kitts and Nevis;\n* Chile.", "Then they left."]),
        TextCase(text: "Signing were\n- Peru\n- Chile",
             expected: ["Signing were", "- Peru", "- Chile"]),
        TextCase(text: "Key points:\n- Peru signed the accord after a long debate in its congress on Monday\n- Chile",
             expected: ["Key points:", "- Peru signed the accord after a long debate in its congress on Monday", "- Chile"]),
        // After "!" or "?" and a closing quote, a small letter goes on with the attribution.
        TextCase(text: "“Good luck!” said Ann Lee. “Why?” he asked. \"Now!\" she said.",
             expected: ["“Good luck!” said Ann Lee.", "“Why?” he asked.", "\"Now!\" she said."]),
        TextCase(text: "“Good luck!” Ann Lee said.", expected: ["“Good luck!”", "Ann Lee said."]),
        TextCase(text: "“Go!”\nsaid nobody.", expected: ["“Go!”", "said nobody."]),
        // Abbreviations that end a sentence before a word that starts one.
        TextCase(text: "So do I. Then we left.", expected: ["So do I.", "Then we left."]),
        TextCase(text: "They chose Plan B. The rest failed.", expected: ["They chose Plan B.", "The rest failed."]),
        TextCase(text: "He lives on Main St. The house is old.", expected: ["He lives on Main St.", "The house is old."]),
        TextCase(text: "he said No. Then he left.", expected: ["he said No.", "Then he left."]),
        // Times before a day or a time zone; titles in capitals.
        TextCase(text: "It ends at 3:30 p.m. Tuesday in Manila.", expected: ["It ends at 3:30 p.m. Tuesday in Manila."]),
        TextCase(text: "at 3 a.m. EST the talks began.", expected: ["at 3 a.m. EST the talks began."]),
        TextCase(text: "It ended at 5 p.m. Officials left.", expected: ["It ended at 5 p.m.", "Officials left."]),
        TextCase(text: "MR. SMITH arrived. He left.", expected: ["MR. SMITH arrived.", "He left."]),
        // Styles of address before a name ("His Excellency", "His Royal Highness").
        TextCase(text: "He met H.E. Mr. Ivo Dorr and H.R.H. Prince Ali. They left.",
             expected: ["He met H.E. Mr. Ivo Dorr and H.R.H. Prince Ali.", "They left."]),
        // Sentences a page's markup ran together at a period, one or several in a line.
        TextCase(text: "He arrived in Addis Ababa.The president met him. It marked a new era.He left.Talks ended.",
             expected: ["He arrived in Addis Ababa.", "The president met him.", "It marked a new era.", "He left.", "Talks ended."]),
    ]

    @Test(arguments: cases)
    func sentences(_ c: TextCase) throws {
        let (layer, bytes, _) = try analyze(c.text)
        #expect(sentenceTexts(layer, bytes) == c.expected)
    }

    /// Lines opening in lower case by the thousand are joined only up to 300 tokens a sentence: the
    /// stages after the tokenizer work sentence by sentence.
    @Test func joinedLinesStayShort() throws {
        let (layer, _, _) = try analyze(String(repeating: "he met him there\n", count: 1000))
        #expect(layer.tokens.count == 4000)
        #expect(layer.sentences.count >= 4000 / 300)
        #expect(layer.sentences.allSatisfy { Int($0.endToken - $0.firstToken) <= 300 })
        #expect(layer.sentences.contains { Int($0.endToken - $0.firstToken) > 4 })
    }

    @Test func emptyAndBlankText() throws {
        for text in ["", " ", "\n\n \t", "\u{00A0}\u{3000}"] {
            let (layer, _, _) = try analyze(text)
            #expect(layer.tokens.isEmpty, "\(text.debugDescription)")
            #expect(layer.sentences.isEmpty, "\(text.debugDescription)")
        }
    }

    /// A document of more tokens than `maximumTokens` fails, having kept no more than that many
    /// (so text where every byte is a token costs the limit, not its size); one of exactly that
    /// many is tokenized, and the next document starts afresh.
    @Test func tokensPastTheLimitFailTheDocument() throws {
        let tokenizer = try Tokenizer()
        tokenizer.maximumTokens = 6
        var layer = TextLayer()
        let six = Array("Manalo met Iwaya in Tokyo.".utf8)
        try six.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
        #expect(layer.tokens.count == 6)
        let dense = [UInt8](repeating: 0, count: 100_000)
        #expect(throws: TextError(.tooManyTokens, "over the limit of 6 tokens for one document")) {
            try dense.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
        }
        #expect(layer.tokens.isEmpty && layer.tokens.capacity < 64)
        let seven = Array("Manalo met Iwaya in Tokyo today.".utf8)
        #expect(throws: TextError.self) { try seven.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) } }
        try six.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
        #expect(tokenTexts(layer, six) == ["Manalo", "met", "Iwaya", "in", "Tokyo", "."])
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
