import Testing
@_spi(Testing) @_spi(Stages) import GazetteText

/// The byte loop that breaks words where the text is ASCII (with curly quotes and dashes) must
/// give exactly the segments and rule statuses of ICU's word break iterator.
@Suite("Tokenizer: word breaks without ICU match ICU")
struct WordSegmenterTests {
    /// One character of each class the byte loop handles, and some it hands to ICU (an accented
    /// letter, a combining mark, a no-break space, a joiner, a byte-order mark).
    static let alphabet = ["a", "Z", "@", "1", "_", ".", "'", ",", ";", ":", "-", " ", "\t", "\r", "\n", "’", "“",
                           "é", "\u{301}", "\u{A0}", "\u{200D}"]

    func compare(_ text: [UInt8], _ fast: Tokenizer, _ icu: Tokenizer, sourceLocation: SourceLocation = #_sourceLocation) {
        text.withUnsafeBufferPointer { buffer in
            let a = fast.wordSegments(buffer), b = icu.wordSegments(buffer)
            let same = a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
            if !same {
                let firstDifference = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                let at = firstDifference < a.count ? a[firstDifference].start : text.count
                let context = String(decoding: text[max(0, at - 20)..<min(text.count, at + 20)], as: UTF8.self)
                Issue.record("byte loop \(a.dropFirst(firstDifference).prefix(3)) but ICU \(b.dropFirst(firstDifference).prefix(3)) near \(context.debugDescription)",
                             sourceLocation: sourceLocation)
            }
        }
    }

    func tokenizers() throws -> (Tokenizer, Tokenizer) {
        let fast = try Tokenizer()
        fast.wordFastPath = true  // even if the check at opening turned it off
        let icu = try Tokenizer()
        icu.wordFastPath = false
        return (fast, icu)
    }

    @Test func theByteLoopIsOnWithThisICU() throws {
        // With the ICU the project builds on, the check made when a tokenizer opens must pass.
        #expect(try Tokenizer().wordFastPath)
    }

    /// Every string of up to four characters of the alphabet, in texts of a thousand each,
    /// separated by line feeds.
    @Test func everyShortString() throws {
        let (fast, icu) = try tokenizers()
        let letters = Self.alphabet.map { Array($0.utf8) }
        var text: [UInt8] = []
        var strings = 0
        func emit(_ s: [UInt8]) {
            text += s
            text.append(0x0A)
            strings += 1
            if strings % 1000 == 0 {
                compare(text, fast, icu)
                text.removeAll(keepingCapacity: true)
            }
        }
        func grow(_ prefix: [UInt8], _ depth: Int) {
            emit(prefix)
            guard depth < 4 else { return }
            for letter in letters { grow(prefix + letter, depth + 1) }
        }
        grow([], 0)
        compare(text, fast, icu)
        #expect(strings == 1 + 21 + 21 * 21 + 21 * 21 * 21 + 21 * 21 * 21 * 21)
    }

    /// Generated text: words, numbers, every ASCII byte, curly quotes, other scripts, invalid bytes.
    @Test(arguments: 0..<4)
    func generatedText(seed: Int) throws {
        let (fast, icu) = try tokenizers()
        var rng = SplitMix64(seed: UInt64(seed) &+ 31)
        let pieces = PropertyTests.pieces + Self.alphabet.map { Array($0.utf8) } + (0..<128).map { [UInt8($0)] }
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...80, using: &rng) {
                switch Int.random(in: 0..<20, using: &rng) {
                case 0: text += PropertyTests.invalid.randomElement(using: &rng)!
                case 1...4: text += PropertyTests.spaces.randomElement(using: &rng)!
                default: text += pieces.randomElement(using: &rng)!
                }
            }
            compare(text, fast, icu)
        }
    }

    /// Windows handed to ICU: a hard character at the start and end of the text, after a run of
    /// spaces, next to a combining mark that attaches to the space before it, and many close
    /// together.
    @Test(arguments: [
        "é", "é a", "a é", "  é  ", "a \u{301}b c", "x\t\u{200D}y", "U.S.\u{A0}Navy", "café’s 1,000.5 déjà-vu",
        String(repeating: "a é ", count: 100), String(repeating: "word ", count: 40) + "Ñ" + String(repeating: " word", count: 40),
        "Iwaya met Manalo\r\n\u{FEFF}on 28 May.",
    ])
    func windows(_ text: String) throws {
        let (fast, icu) = try tokenizers()
        compare(Array(text.utf8), fast, icu)
    }

    /// The tokens (news cases included) and sentences are the same either way.
    @Test func tokensAreTheSame() throws {
        let (fast, icu) = try tokenizers()
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let bytes = PropertyTests.generate(&rng)
            let a = try fast.analyze(bytes), b = try icu.analyze(bytes)
            #expect(a.tokens.map(\.byteRange) == b.tokens.map(\.byteRange))
            #expect(a.tokens.map(\.kind) == b.tokens.map(\.kind))
            #expect(a.sentences == b.sentences)
        }
    }
}
