internal import CICU

/// Splits UTF-8 text into tokens and sentences and gives each token an interned match key.
///
/// ICU's word and sentence break iterators run on the UTF-8 bytes directly (`utext_openUTF8`, no
/// UTF-16 copy); on top of them come the cases news text needs:
/// - hyphenated compounds split ("Japan-Philippines": `Japan`, `-`, `Philippines`);
/// - possessive "'s" and "’s" split off ("Manalo's": `Manalo`, `'s`);
/// - abbreviations and initials keep their period ("Jr.", "U.S.", "Sept.", "W.");
/// - numeric dates stay whole ("2025-05-29", "28/05/2025"), as ICU keeps numbers ("1,500", "2.5");
/// - a sentence does not end after a title ("Mr. Iwaya"), a month before a number ("Sept. 21"),
///   an initial before a name, or a dotted acronym before an office ("U.S. President").
///
/// A tokenizer holds ICU iterators and scratch buffers and is not thread-safe: make one per
/// thread, each from the same frozen `Vocabulary`. Steady-state analysis allocates nothing:
/// pass the same `TextLayer` again and it keeps its capacity.
public final class Tokenizer {
    /// The keys and surfaces interned so far.
    public private(set) var vocabulary: Vocabulary
    /// How many transient keys and surfaces (added since the vocabulary was frozen) may pile up
    /// before they are dropped at the start of the next document.
    public var transientLimit = 400_000

    private let normalizer: KeyNormalizer
    private let abbreviations = Tokenizer.sharedAbbreviations
    fileprivate let wordBreaker: OpaquePointer
    fileprivate let sentenceBreaker: OpaquePointer
    /// ICU's `UText *`, reused from one document to the next.
    fileprivate var utext: OpaquePointer?

    private static let sharedAbbreviations = Abbreviations.Table()

    /// The largest document ICU's 32-bit offsets can address.
    public static let maximumDocumentSize = Int(Int32.max) - 1

    /// - Parameter vocabulary: the vocabulary to start from, usually a frozen one shared by all
    ///   tokenizers of a pipeline so that lexicon keys have the same ids everywhere.
    public init(vocabulary: Vocabulary = Vocabulary()) throws(TextError) {
        self.vocabulary = vocabulary
        normalizer = try KeyNormalizer()
        var status = U_ZERO_ERROR
        let word = cicu_ubrk_open_word("en", &status)
        let sentence = cicu_ubrk_open_sentence("en", &status)
        guard cicu_failure(status) == 0, let word, let sentence else {
            if let word { cicu_ubrk_close(word) }
            if let sentence { cicu_ubrk_close(sentence) }
            throw TextError(.icu, "cannot open ICU break iterators (\(String(cString: cicu_error_name(status))))")
        }
        wordBreaker = word
        sentenceBreaker = sentence
    }

    deinit {
        cicu_ubrk_close(wordBreaker)
        cicu_ubrk_close(sentenceBreaker)
        if let utext { _ = cicu_utext_close(UnsafeMutablePointer(utext)) }
    }

    /// Replaces the vocabulary, for instance with a frozen one that a lexicon was compiled into.
    public func setVocabulary(_ vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Tokenizes and sentence-splits `text` into `layer`, replacing what `layer` held.
    ///
    /// Ill-formed UTF-8 is read with repair (each maximal ill-formed subsequence as U+FFFD, see
    /// `UTF8Scanner`); offsets still point into `text`. O(n) in the length of `text`.
    /// - Throws: `TextError.documentTooLarge` past `maximumDocumentSize` bytes.
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, into layer: inout TextLayer) throws(TextError) {
        layer.reset()
        guard text.count <= Self.maximumDocumentSize else {
            throw TextError(.documentTooLarge, "document of \(text.count) bytes is over the limit of \(Self.maximumDocumentSize) bytes")
        }
        if vocabulary.transientCount > transientLimit { vocabulary.trimTransient() }
        layer.isValidUTF8 = UTF8Scanner.isValid(text)
        guard let base = text.baseAddress, text.count > 0 else { return }

        var status = U_ZERO_ERROR
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
            utext = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(utext), chars, Int64(text.count), &status))
        }
        guard cicu_failure(status) == 0, let utext else {
            throw TextError(.icu, "ICU cannot open the text (\(String(cString: cicu_error_name(status))))")
        }
        cicu_ubrk_set_utext(wordBreaker, UnsafeMutablePointer(utext), &status)
        cicu_ubrk_set_utext(sentenceBreaker, UnsafeMutablePointer(utext), &status)
        guard cicu_failure(status) == 0 else {
            throw TextError(.icu, "ICU cannot iterate the text (\(String(cString: cicu_error_name(status))))")
        }
        splitWords(text, into: &layer.tokens)
        splitSentences(text, layer: &layer)
    }

    /// Tokenizes `text` into a new layer.
    public func analyze(_ text: [UInt8]) throws(TextError) -> TextLayer {
        var layer = TextLayer()
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try analyze(buffer, into: &layer) }
        return layer
    }

    /// Tokenizes `text` into a new layer; offsets are into its UTF-8 bytes.
    public func analyze(_ text: String) throws(TextError) -> TextLayer {
        try analyze(Array(text.utf8))
    }

    // MARK: words

    private func splitWords(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout ContiguousArray<Token>) {
        let done = cicu_ubrk_done()
        var start = Int(cicu_ubrk_first(wordBreaker))
        while true {
            let end = Int(cicu_ubrk_next(wordBreaker))
            if end == done { break }
            let status = cicu_ubrk_rule_status(wordBreaker)
            segment(text, start, end, status: status, into: &tokens)
            start = end
        }
    }

    /// Turns one ICU word-break segment into zero, one or two tokens, merging it with the tokens
    /// before it where a news case asks for that.
    @inline(__always)
    private func segment(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, status: Int32,
                         into tokens: inout ContiguousArray<Token>) {
        var s = start
        if status < 100 {
            // UBRK_WORD_NONE: whitespace, punctuation, symbols, emoji.
            if end - s == 1 && text[s] < 0x80 {
                if isASCIISpace(text[s]) { return }
            } else {
                s = skipSpace(text, s, end)
                if s == end { return }
            }
        }
        var token = makeToken(text, s, end, status: status)
        if token.kind == .word, let split = possessiveSplit(text, s, end) {
            tokens.append(makeToken(text, s, split, status: status))
            token = makeToken(text, split, end, status: status)
        } else if token.kind == .punctuation && end - s == 1 && text[s] == UInt8(ascii: ".") {
            if mergeAbbreviationPeriod(text, period: token, into: &tokens) { return }
        } else if token.kind == .number {
            if mergeNumericDate(text, last: token, into: &tokens) { return }
        }
        tokens.append(token)
    }

    /// Skips whitespace and invisible characters at `s` (default-ignorable ones such as U+200B,
    /// U+FEFF, and after whitespace also the combining marks ICU attaches to it); returns `end`
    /// when nothing else is left.
    private func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var s = start
        var sawSpace = false
        while s < end {
            let (scalar, length, _) = UTF8Scanner.decode(text, at: s)
            if let u = Unicode.Scalar(scalar) {
                let p = u.properties
                if p.isWhitespace { sawSpace = true; s += length; continue }
                if p.isDefaultIgnorableCodePoint { s += length; continue }
                if sawSpace && (p.generalCategory == .nonspacingMark || p.generalCategory == .enclosingMark) {
                    s += length
                    continue
                }
            }
            break
        }
        return s
    }

    @inline(__always)
    private func makeToken(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, status: Int32) -> Token {
        let id = surfaceID(UnsafeBufferPointer(rebasing: text[s..<e]))
        let info = vocabulary.surfaceInfo[id]
        let kind: TokenKind
        if status >= 200 {
            kind = .word
        } else if status >= 100 {
            // ICU calls "G20" a number; a token that starts with a letter is a word here.
            kind = info & SurfaceInfo.letter != 0 ? .word : .number
        } else if info & SurfaceInfo.punctuation != 0 {
            kind = .punctuation
        } else if info & SurfaceInfo.alphanumeric != 0 {
            kind = .word
        } else {
            kind = .symbol
        }
        return Token(start: UInt32(s), end: UInt32(e), key: vocabulary.surfaceKeys[id], kind: kind,
                     shape: TokenShape(rawValue: info & SurfaceInfo.shapeMask))
    }

    /// The surface id of `bytes`, normalizing and interning them the first time they are seen.
    @inline(__always)
    private func surfaceID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteStringTable.hash(bytes)
        if let id = vocabulary.surfaces.find(bytes, hash: hash) { return Int(id) }
        normalizer.normalize(bytes)
        let key = normalizer.key.withUnsafeBufferPointer { vocabulary.keys.intern($0).id }
        let id = vocabulary.surfaces.insertNew(bytes, hash: hash)
        vocabulary.surfaceKeys.append(key)
        vocabulary.surfaceInfo.append(Self.surfaceInfo(bytes))
        return Int(id)
    }

    /// Shape bits and first-character class of a surface.
    static func surfaceInfo(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var hasUpper = false, hasLower = false, hasDigit = false
        var info: UInt8 = 0
        var i = 0
        var first = true
        while i < bytes.count {
            let b = bytes[i]
            var upper = false, lower = false, digit = false, letter = false, punct = false
            if b < 0x80 {
                upper = isASCIIUpper(b)
                lower = isASCIILower(b)
                digit = isASCIIDigit(b)
                letter = upper || lower
                punct = asciiPunctuation(b)
                i += 1
            } else {
                let (value, length, _) = UTF8Scanner.decode(bytes, at: i)
                i += length
                if let scalar = Unicode.Scalar(value) {
                    let p = scalar.properties
                    let category = p.generalCategory
                    upper = p.isUppercase || category == .titlecaseLetter
                    lower = p.isLowercase
                    digit = category == .decimalNumber
                    letter = p.isAlphabetic
                    switch category {
                    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                         .initialPunctuation, .finalPunctuation, .otherPunctuation:
                        punct = true
                    default: break
                    }
                }
            }
            if first {
                if upper { info |= TokenShape.capitalized.rawValue }
                if punct { info |= SurfaceInfo.punctuation }
                if letter || digit { info |= SurfaceInfo.alphanumeric }
                if letter { info |= SurfaceInfo.letter }
                first = false
            }
            hasUpper = hasUpper || upper
            hasLower = hasLower || lower
            hasDigit = hasDigit || digit
        }
        if hasUpper && !hasLower { info |= TokenShape.allCaps.rawValue }
        if hasDigit { info |= TokenShape.hasDigits.rawValue }
        return info
    }

    // MARK: news cases

    /// Where the possessive of a word ending in "'s" or "’s" starts, or nil.
    @inline(__always)
    private func possessiveSplit(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard e - s > 2, text[e - 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        if text[e - 2] == UInt8(ascii: "'") {
            return e - 2 > s && text[e - 3] != UInt8(ascii: "'") ? e - 2 : nil
        }
        if e - s > 4 && text[e - 2] == 0x99 && text[e - 3] == 0x80 && text[e - 4] == 0xE2 {
            return e - 4
        }
        return nil
    }

    /// Folds a period into the word right before it when that word is an abbreviation or an
    /// initial ("Jr" + "." -> "Jr."). Returns whether it did.
    private func mergeAbbreviationPeriod(_ text: UnsafeBufferPointer<UInt8>, period: Token,
                                         into tokens: inout ContiguousArray<Token>) -> Bool {
        guard let last = tokens.last, last.end == period.start, last.kind == .word,
              !last.shape.contains(.abbreviation),
              abbreviations.classify(UnsafeBufferPointer(rebasing: text[last.byteRange])) != nil
        else { return false }
        var merged = makeToken(text, Int(last.start), Int(period.end), status: 200)
        merged.shape.insert(.abbreviation)
        tokens[tokens.count - 1] = merged
        return true
    }

    /// Folds "2025" "-" "05" "-" + `last` ("29") into one token when they spell a numeric date:
    /// YYYY-MM-DD or YYYY/MM/DD, and DD/MM/YYYY, MM/DD/YYYY or the same with "-" or two-digit
    /// years. Returns whether it did.
    private func mergeNumericDate(_ text: UnsafeBufferPointer<UInt8>, last: Token,
                                  into tokens: inout ContiguousArray<Token>) -> Bool {
        let n = tokens.count
        guard n >= 4 else { return false }
        let first = tokens[n - 4], sep1 = tokens[n - 3], middle = tokens[n - 2], sep2 = tokens[n - 1]
        guard first.end == sep1.start, sep1.end == middle.start, middle.end == sep2.start, sep2.end == last.start,
              sep1.end - sep1.start == 1, sep2.end - sep2.start == 1
        else { return false }
        let separator = text[Int(sep1.start)]
        guard separator == text[Int(sep2.start)],
              separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"),
              allDigits(text, first), allDigits(text, middle), allDigits(text, last)
        else { return false }
        let a = first.end - first.start, b = middle.end - middle.start, c = last.end - last.start
        let yearFirst = a == 4 && (1...2).contains(b) && (1...2).contains(c)
        let yearLast = (1...2).contains(a) && (1...2).contains(b) && (c == 4 || c == 2)
        guard yearFirst || yearLast else { return false }
        tokens.removeLast(4)
        tokens.append(makeToken(text, Int(first.start), Int(last.end), status: 100))
        return true
    }

    @inline(__always)
    private func allDigits(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        token.kind == .number && text[token.byteRange].allSatisfy(isASCIIDigit)
    }

    // MARK: sentences

    private func splitSentences(_ text: UnsafeBufferPointer<UInt8>, layer: inout TextLayer) {
        let tokens = layer.tokens
        let count = tokens.count
        guard count > 0 else { return }
        let done = cicu_ubrk_done()
        _ = cicu_ubrk_first(sentenceBreaker)
        var index = 0
        var first = 0
        while true {
            let boundary = cicu_ubrk_next(sentenceBreaker)
            if boundary == done { break }
            while index < count && tokens[index].start < UInt32(boundary) { index += 1 }
            guard index > first, index < count else { continue }
            if continuesSentence(text, tokens[index - 1], tokens[index]) { continue }
            layer.sentences.append(Sentence(start: tokens[first].start, end: tokens[index - 1].end,
                                            firstToken: UInt32(first), endToken: UInt32(index)))
            first = index
        }
        if first < count {
            layer.sentences.append(Sentence(start: tokens[first].start, end: tokens[count - 1].end,
                                            firstToken: UInt32(first), endToken: UInt32(count)))
        }
    }

    /// Whether a sentence that ICU ends after `last` goes on with `next`: `last` is an
    /// abbreviation that does not end sentences before what `next` is, on the same line.
    private func continuesSentence(_ text: UnsafeBufferPointer<UInt8>, _ last: Token, _ next: Token) -> Bool {
        guard last.shape.contains(.abbreviation) else { return false }
        for i in Int(last.end)..<Int(next.start) where text[i] == 0x0A || text[i] == 0x0D || text[i] == 0xE2 {
            // A line or paragraph break (LF, CR, U+2028, U+2029) ends the sentence anyway.
            if text[i] != 0xE2 || (i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9)) {
                return false
            }
        }
        let word = UnsafeBufferPointer(rebasing: text[Int(last.start)..<Int(last.end) - 1])
        guard let cls = abbreviations.classify(word) else { return false }
        switch cls {
        case .title:
            return next.shape.contains(.capitalized) || next.kind == .number
        case .month:
            return next.kind == .number
        case .initialism:
            guard next.shape.contains(.capitalized) else { return false }
            return word.count == 1 || abbreviations.isInstitutionWord(UnsafeBufferPointer(rebasing: text[next.byteRange]))
        case .other:
            return false
        }
    }
}

@inline(__always) func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

/// ASCII characters of general category P* (the rest of ASCII punctuation, `$+<=>^`|~`, is S*).
@inline(__always) func asciiPunctuation(_ b: UInt8) -> Bool {
    switch b {
    case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: true
    default: false
    }
}

extension Tokenizer {
    /// The floor any ICU-based tokenizer pays: runs ICU's word and sentence break iterators over
    /// `text` and counts the boundaries, with nothing else. For benchmarks that compare the
    /// tokenizer with ICU alone.
    @_spi(Benchmarks)
    public func countICUBoundaries(_ text: UnsafeBufferPointer<UInt8>, sentences: Bool = true) -> Int {
        guard let base = text.baseAddress, text.count > 0 else { return 0 }
        var status = U_ZERO_ERROR
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
            utext = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(utext), chars, Int64(text.count), &status))
        }
        let done = cicu_ubrk_done()
        var count = 0
        cicu_ubrk_set_utext(wordBreaker, UnsafeMutablePointer(utext), &status)
        _ = cicu_ubrk_first(wordBreaker)
        while cicu_ubrk_next(wordBreaker) != done {
            count += cicu_ubrk_rule_status(wordBreaker) == 0 ? 0 : 1
        }
        if sentences {
            cicu_ubrk_set_utext(sentenceBreaker, UnsafeMutablePointer(utext), &status)
            _ = cicu_ubrk_first(sentenceBreaker)
            while cicu_ubrk_next(sentenceBreaker) != done { count += 1 }
        }
        return count
    }
}
