import Testing
@_spi(Testing) @_spi(Stages) import GazetteText

/// Generated text of every kind the tokenizer meets, checked for the layer's invariants.
@Suite("Tokenizer: properties over generated text")
struct PropertyTests {
    static let pieces: [[UInt8]] = [
        "Manalo", "met", "Iwaya", "the", "U.S.", "Jr.", "Mr.", "Sept.", "Japan-Philippines", "Manalo's",
        "other’s", "2025-05-29", "28/05/2025", "1,500", "2.5", "RAA", "(", ")", ",", ".", "?", "!", "“", "”",
        "—", "–", "-", "'", "\"", ":", ";", "Bogotá", "Đà", "Nẵng", "Москва", "القاهرة", "東京で会談", "日本和菲律宾",
        "👍🏽", "👨‍👩‍👧", "🇯🇵", "e\u{0301}", "\u{0301}", "\u{200B}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "G20", "$", "%",
        "#tag", "@user", "http://example.org/a?b=c", "a_b", "x1y2",
    ].map { Array($0.utf8) }
    static let spaces: [[UInt8]] = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{00A0}", "\u{3000}", "\u{2029}", ""]
        .map { Array($0.utf8) }
    static let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80]]

    static func generate(_ rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: out += invalid.randomElement(using: &rng)!
            case 1...5: out += spaces.randomElement(using: &rng)!
            default: out += pieces.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) { out.append(0x20) }
        }
        return out
    }

    /// Whether a scalar left outside every token is one that may be: whitespace, or an invisible
    /// character that ICU attached to whitespace.
    static func mayBeSkipped(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isWhitespace || p.isDefaultIgnorableCodePoint || p.generalCategory == .nonspacingMark
            || p.generalCategory == .format || p.generalCategory == .enclosingMark
    }

    @Test(arguments: 0..<8)
    func invariants(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x1234_5678_9ABC)
        let tokenizer = try Tokenizer()
        var layer = TextLayer()
        for _ in 0..<150 {
            let bytes = Self.generate(&rng)
            try bytes.withUnsafeBufferPointer { try tokenizer.analyze($0, into: &layer) }
            try check(layer, bytes, tokenizer)
        }
    }

    func check(_ layer: TextLayer, _ bytes: [UInt8], _ tokenizer: Tokenizer) throws {
        let repaired = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        // Scalar boundaries of the repaired reading, by byte offset.
        var scalarIndex: [Int: Int] = [:]
        var byteOffsets: [Int] = []
        try bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            var n = 0
            while i < buffer.count {
                scalarIndex[i] = n
                byteOffsets.append(i)
                i += UTF8Scanner.decode(buffer, at: i).length
                n += 1
            }
            scalarIndex[buffer.count] = n
            #expect(n == repaired.count, "scanner and String disagree on \(bytes)")
            #expect(UTF8Scanner.isValid(buffer) == layer.isValidUTF8)

            var covered = [Bool](repeating: false, count: bytes.count)
            var previousEnd = 0
            var cursor = CodePointCursor(valid: layer.isValidUTF8)
            for token in layer.tokens {
                let range = token.byteRange
                #expect(!range.isEmpty, "empty token in \(bytes)")
                #expect(range.lowerBound >= previousEnd, "tokens overlap or go backwards in \(bytes)")
                previousEnd = range.upperBound
                let start = try #require(scalarIndex[range.lowerBound], "token starts inside a scalar: \(bytes)")
                let end = try #require(scalarIndex[range.upperBound], "token ends inside a scalar: \(bytes)")
                // Code point offsets slice the repaired text back to the token's text.
                #expect(cursor.codePointOffset(ofByte: range.lowerBound, in: buffer) == start)
                #expect(cursor.codePointOffset(ofByte: range.upperBound, in: buffer) == end)
                let sliced = String(String.UnicodeScalarView(repaired[start..<end]))
                #expect(sliced == String(decoding: bytes[range], as: UTF8.self))
                for i in range { covered[i] = true }
            }
            // Nothing but whitespace (and what ICU attaches to it) is left out of the tokens.
            for (n, offset) in byteOffsets.enumerated() where !covered[offset] {
                #expect(Self.mayBeSkipped(repaired[n]), "U+\(String(repaired[n].value, radix: 16)) at byte \(offset) is in no token: \(bytes)")
            }
        }
        // Sentences cover every token once, in order, and their spans match their tokens.
        var next = 0
        for sentence in layer.sentences {
            #expect(Int(sentence.firstToken) == next)
            #expect(sentence.endToken > sentence.firstToken)
            next = Int(sentence.endToken)
            #expect(sentence.start == layer.tokens[Int(sentence.firstToken)].start)
            #expect(sentence.end == layer.tokens[Int(sentence.endToken) - 1].end)
        }
        #expect(next == layer.tokens.count)
        // The same text gives the same tokens and keys from a fresh tokenizer.
        let fresh = try Tokenizer()
        let again = try fresh.analyze(bytes)
        #expect(again.tokens.map(\.byteRange) == layer.tokens.map(\.byteRange))
        #expect(again.tokens.map { fresh.vocabulary.key($0.key) } == layer.tokens.map { tokenizer.vocabulary.key($0.key) })
        #expect(again.sentences == layer.sentences)
    }

    /// The windowed sentence splitter gives the sentences of ICU's iterator run over the whole text.
    @Test(arguments: 0..<6)
    func windowedSentencesMatchTheFullICUPass(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 977)
        let windowed = try Tokenizer()
        let full = try Tokenizer()
        full.fullSentencePass = true
        // Generated text, with more sentence punctuation than prose has.
        let extra: [[UInt8]] = [".", ".", "?", "!", "...", ".”", ".)", "”", "(", "a", "the", "Iwaya", "3", "etc.", "e.g.", "U.S.", "No."].map { Array($0.utf8) }
        for _ in 0..<300 {
            var bytes = Self.generate(&rng)
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                bytes += extra.randomElement(using: &rng)! + (Bool.random(using: &rng) ? [0x20] : [])
            }
            let a = try windowed.analyze(bytes)
            let b = try full.analyze(bytes)
            #expect(a.sentences == b.sentences, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Past the window limits (a long run of symbols after a terminal; windows adding up to more
    /// than twice the text), the splitter falls back to ICU over the whole text: same sentences.
    @Test(arguments: [
        "We met. " + String(repeating: "% ", count: 80) + "and then. Next one.",
        String(repeating: String(repeating: "!", count: 60) + " a ", count: 200),
        String(repeating: "a." + String(repeating: ")", count: 60) + " b ", count: 100),
        (1...300).map { "\($0)." }.joined(separator: " ") + " a",
    ])
    func fallbackToTheFullPass(_ text: String) throws {
        let windowed = try Tokenizer()
        let full = try Tokenizer()
        full.fullSentencePass = true
        #expect(try windowed.analyze(text).sentences == full.analyze(text).sentences)
    }

    @Test func vocabularyIsBoundedInBytes() throws {
        let tokenizer = try Tokenizer()
        tokenizer.transientByteLimit = 1 << 16
        var rng = SplitMix64(seed: 7)
        var peak = 0
        for _ in 0..<40 {
            // One long unique token per document, as a base64 blob would be.
            let blob = String((0..<20_000).map { _ in Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &rng))) })
            _ = try tokenizer.analyze("Data: " + blob)
            peak = max(peak, tokenizer.vocabulary.keyCount)
        }
        // Each document adds a few keys; without the byte limit there would be 40 blobs' worth.
        #expect(peak < 12)
    }

    @Test func scannerAgreesWithSwiftOnRandomBytes() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in
                // Mostly bytes around the interesting ranges.
                [UInt8.random(in: 0x00...0x7F, using: &rng), UInt8.random(in: 0x80...0xBF, using: &rng),
                 UInt8.random(in: 0xC0...0xFF, using: &rng), 0xE2, 0xF0, 0xED][Int.random(in: 0..<6, using: &rng)]
            }
            let expected = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars).map(\.value)
            var got: [UInt32] = []
            bytes.withUnsafeBufferPointer { buffer in
                var i = 0
                while i < buffer.count {
                    let (scalar, length, _) = UTF8Scanner.decode(buffer, at: i)
                    got.append(scalar)
                    i += length
                }
                #expect(UTF8Scanner.isValid(buffer) == (String(validating: bytes, as: UTF8.self) != nil))
                #expect(UTF8Scanner.countScalars(buffer, from: 0, to: buffer.count, valid: false) == expected.count)
            }
            #expect(got == expected, "\(bytes)")
        }
    }
}
