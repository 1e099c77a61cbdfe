// Clients of GazetteText must never load CICU (it clashes with Foundation's ICU module): keep
// every ICU handle in an OpaquePointer, never an ICU type, in stored properties. See DESIGN.md.
@_implementationOnly import CICU

/// The per-token work of a `Tokenizer`: turning ICU segments into tokens (with the news cases),
/// interning surfaces and keys, and the sentence splitter's abbreviation rule.
struct TokenBuilder {
    var vocabulary: Vocabulary
    let normalizer: KeyNormalizer
    let abbreviations = TokenBuilder.sharedAbbreviations
    /// ICU's `UText *` for sentence windows, reused; closed by the owning `Tokenizer`.
    var windowText: OpaquePointer?
    /// Bytes of windows the current document may still give ICU (see `splitSentences`).
    var windowBudget = 0
    /// Where words break.
    var words = WordSegmenter()
    /// The periods of the current document split out of a word (`gluedPeriodSplit`), as token
    /// indexes: each ends a sentence (`splitAtGluedPeriods`).
    var gluedPeriods: [Int] = []
    /// A direct-mapped cache of short ASCII keys in front of `vocabulary.keys`, small enough to
    /// stay in the processor's cache: three words per entry (the key's first eight bytes, the
    /// next eight, then its id shifted left by 8 or'ed with its length; 0 when empty). Most
    /// tokens are a few thousand frequent words, so most lookups end here without touching the
    /// key table, whose slots and bytes are megabytes apart. Owned and freed by the `Tokenizer`;
    /// `clearKeyCache` empties it whenever key ids change meaning.
    let keyCache = UnsafeMutablePointer<UInt64>.allocate(capacity: TokenBuilder.keyCacheEntries * 3)
    static let keyCacheEntries = 16384
    /// `asciiKeyTable`, held here: a static is reached through a lazy-initialization check at
    /// every use.
    let asciiKeys = TokenBuilder.asciiKeyTable

    static let sharedAbbreviations = Abbreviations.Table()

    init(vocabulary: Vocabulary, normalizer: KeyNormalizer) {
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        clearKeyCache()
    }

    /// Empties the key cache: after the vocabulary is replaced or its transient keys dropped.
    func clearKeyCache() { keyCache.initialize(repeating: 0, count: Self.keyCacheEntries * 3) }

    /// Appends the tokens of `text`'s word-break segments (see `WordSegmenter`); `breaker` is
    /// ICU's word break iterator, set on the whole text when the byte loop is off. Once `tokens`
    /// holds more than `limit` tokens, the rest of the text adds none (the caller fails the
    /// document), so a text where every byte is a token costs no more than `limit` of them.
    mutating func splitWords(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>,
                             into tokens: inout ContiguousArray<Token>, limit: Int = .max) {
        var words = self.words
        // A token takes a byte at least: a text of no more bytes than the limit needs no count.
        if text.count <= limit {
            words.forEach(breaker, text, spaces: false) { start, end, status in
                segment(text, start, end, status: status, into: &tokens)
            }
        } else {
            words.forEach(breaker, text, spaces: false) { start, end, status in
                if tokens.count <= limit { segment(text, start, end, status: status, into: &tokens) }
            }
        }
        self.words = words
    }

    /// Turns one ICU word-break segment into zero, one or two tokens, merging it with the tokens
    /// before it where a news case asks for that.
    @inline(__always)
    mutating func segment(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, status: Int32,
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
        if token.kind == .word && end - s == 1 && text[s] | 0x20 == UInt8(ascii: "s"),
           mergeDetachedPossessive(text, s: token, into: &tokens) {
            return
        }
        if status >= 200 && end - s >= 5, let period = gluedPeriodSplit(text, s, end) {
            // "Ababa.The": two sentences a page's markup ran together; each side goes on alone.
            segment(text, s, period, status: status, into: &tokens)
            gluedPeriods.append(tokens.count)
            tokens.append(makeToken(text, period, period + 1, status: 0))
            segment(text, period + 1, end, status: status, into: &tokens)
            return
        }
        if token.kind == .word, let split = possessiveSplit(text, s, end) {
            tokens.append(makeToken(text, s, split, status: status))
            token = makeToken(text, split, end, status: status)
        } else if token.kind == .punctuation && end - s == 1 && text[s] == UInt8(ascii: ".") {
            if mergeAbbreviationPeriod(text, period: token, into: &tokens) { return }
        } else if token.kind == .punctuation && isPluralPossessive(text, s, end, after: tokens.last) {
            token.key = Self.possessiveBytes.withUnsafeBufferPointer { keyAndInfo($0).0 }
        } else if token.kind == .number {
            if mergeNumericDate(text, last: token, into: &tokens) { return }
        }
        tokens.append(token)
    }

    /// Skips whitespace and invisible characters at `s` (default-ignorable ones such as U+200B,
    /// U+FEFF, and after whitespace also the combining marks ICU attaches to it); returns `end`
    /// when nothing else is left.
    func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
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
    mutating func makeToken(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, status: Int32) -> Token {
        let (key, info) = keyAndInfo(UnsafeBufferPointer(rebasing: text[s..<e]))
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
        return Token(start: UInt32(s), end: UInt32(e), key: key, kind: kind,
                     shape: TokenShape(rawValue: info & SurfaceInfo.shapeMask))
    }

    /// Per byte, for the ASCII key pass: the byte lower-cased in bits 0-7, `AsciiKey` flags in
    /// bits 8-15 (a byte of 0x80 or more is flagged, not lower-cased), and in bits 16-23 the
    /// `SurfaceInfo` and shape bits a token starting with the byte gets.
    nonisolated(unsafe) static let asciiKeyTable: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            var entry = UInt32(b)
            switch byte {
            case 0x41...0x5A: entry = UInt32(b | 0x20) | AsciiKey.upper
            case 0x61...0x7A: entry |= AsciiKey.lower
            case 0x30...0x39: entry |= AsciiKey.digit
            case 0x80...: entry |= AsciiKey.nonASCII
            default: break
            }
            var info: UInt8 = 0
            if isASCIIUpper(byte) { info |= TokenShape.capitalized.rawValue }
            if isASCIILetter(byte) { info |= SurfaceInfo.letter | SurfaceInfo.alphanumeric }
            if isASCIIDigit(byte) { info |= SurfaceInfo.alphanumeric }
            if asciiPunctuation(byte) { info |= SurfaceInfo.punctuation }
            table[b] = entry | UInt32(info) << 16
        }
        return UnsafePointer(table)
    }()

    enum AsciiKey {
        static let upper: UInt32 = 1 << 8
        static let lower: UInt32 = 1 << 9
        static let digit: UInt32 = 1 << 10
        static let nonASCII: UInt32 = 1 << 11
    }

    /// The longest token that takes the ASCII fast path.
    static let asciiFastPathLimit = 64

    /// The key id and `SurfaceInfo` bits of a token's bytes.
    ///
    /// ASCII tokens (most of English news) take a fast path: one pass lower-cases, hashes and
    /// classifies the bytes, and the lower-cased bytes are looked up among the keys directly. The
    /// key table is smaller than the surface table (case variants share a key), so this also
    /// touches less memory. Other tokens are looked up among the surfaces and normalized with ICU
    /// the first time they are seen.
    @inline(__always)
    mutating func keyAndInfo(_ bytes: UnsafeBufferPointer<UInt8>) -> (KeyID, UInt8) {
        let count = bytes.count
        if count <= Self.asciiFastPathLimit {
            let fast: (KeyID, UInt8)? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.asciiFastPathLimit) { lower in
                // One pass, without branches: lower-case, hash, and note which kinds of
                // characters the token holds, with one table load per byte.
                let out = lower.baseAddress!
                UnsafeMutableRawPointer(out).storeBytes(of: 0, as: UInt64.self)
                UnsafeMutableRawPointer(out + 8).storeBytes(of: 0, as: UInt64.self)
                let table = asciiKeys
                var hash: UInt32 = 0x811C_9DC5
                var flags: UInt32 = 0
                for i in 0..<count {
                    let entry = table[Int(bytes[i])]
                    flags |= entry
                    let l = UInt8(truncatingIfNeeded: entry)
                    out[i] = l
                    hash = (hash ^ UInt32(l)) &* 0x0100_0193
                }
                if flags & AsciiKey.nonASCII != 0 { return nil }
                let upper = flags & AsciiKey.upper, lowerCase = flags & AsciiKey.lower, digit = flags & AsciiKey.digit
                // The first sixteen lower-cased bytes, zero-padded, as the key cache holds them.
                let low = UnsafeRawPointer(out).loadUnaligned(as: UInt64.self)
                let high = UnsafeRawPointer(out + 8).loadUnaligned(as: UInt64.self)
                let id: KeyID
                let entry = keyCache + 3 * (Int(hash) & (Self.keyCacheEntries - 1))
                if count <= 16 && entry[0] == low && entry[1] == high && entry[2] & 0xFF == UInt64(count) {
                    id = KeyID(truncatingIfNeeded: entry[2] >> 8)
                } else {
                    let key = UnsafeBufferPointer(rebasing: lower[0..<count])
                    id = vocabulary.keys.find(key, hash: hash) ?? vocabulary.keys.insertNew(key, hash: hash)
                    if count <= 16 {
                        entry[0] = low
                        entry[1] = high
                        entry[2] = UInt64(id) << 8 | UInt64(count)
                    }
                }
                var info: UInt8 = count > 0 ? UInt8(truncatingIfNeeded: table[Int(bytes[0])] >> 16) : 0
                if upper != 0 && lowerCase == 0 { info |= TokenShape.allCaps.rawValue }
                if digit != 0 { info |= TokenShape.hasDigits.rawValue }
                return (id, info)
            }
            if let fast { return fast }
        }
        let id = surfaceID(bytes)
        return (vocabulary.surfaceKeys[id], vocabulary.surfaceInfo[id])
    }

    /// The surface id of `bytes`, normalizing and interning them the first time they are seen.
    @inline(__always)
    mutating func surfaceID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
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

    /// The first period inside a word that joins two sentences a page's markup ran together
    /// ("in Addis Ababa.The president", "the Reiwa era.He expressed"), or nil: two small ASCII
    /// letters before it, a capital and a small letter after it. ICU's word rules join letters
    /// across a period (as in "e.g" or "U.S"); these shapes are no abbreviation.
    @inline(__always)
    func gluedPeriodSplit(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var i = s + 2
        while i + 2 < e {
            if text[i] == UInt8(ascii: ".") && isASCIILower(text[i - 1]) && isASCIILower(text[i - 2])
                && isASCIIUpper(text[i + 1]) && isASCIILower(text[i + 2]) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Ends a sentence after each period of `gluedPeriods`, after the sentence splitters (ICU's
    /// rules keep "a.The" together: SB7).
    mutating func splitAtGluedPeriods(_ layer: inout TextLayer) {
        guard !gluedPeriods.isEmpty else { return }
        defer { gluedPeriods.removeAll(keepingCapacity: true) }
        var split = ContiguousArray<Sentence>()
        split.reserveCapacity(layer.sentences.count + gluedPeriods.count)
        var g = 0
        for sentence in layer.sentences {
            var first = Int(sentence.firstToken)
            while g < gluedPeriods.count && gluedPeriods[g] < Int(sentence.endToken) {
                let end = gluedPeriods[g] + 1
                g += 1
                guard end > first, end < Int(sentence.endToken) else { continue }
                split.append(Sentence(start: layer.tokens[first].start, end: layer.tokens[end - 1].end,
                                      firstToken: UInt32(first), endToken: UInt32(end)))
                first = end
            }
            split.append(Sentence(start: layer.tokens[first].start, end: sentence.end,
                                  firstToken: UInt32(first), endToken: sentence.endToken))
        }
        layer.sentences = split
    }

    /// Where the possessive of a word ending in "'s", "’s" or "ʼs" starts, or nil.
    @inline(__always)
    func possessiveSplit(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard e - s > 2, text[e - 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        if text[e - 2] == UInt8(ascii: "'") {
            return e - 2 > s && text[e - 3] != UInt8(ascii: "'") ? e - 2 : nil
        }
        if e - s > 4 && text[e - 2] == 0x99 && text[e - 3] == 0x80 && text[e - 4] == 0xE2 {
            return e - 4  // U+2019
        }
        if e - s > 3 && text[e - 2] == 0xBC && text[e - 3] == 0xCA {
            return e - 3  // U+02BC
        }
        return nil
    }

    /// The bytes of the possessive's key: a plural possessive's apostrophe gets it.
    static let possessiveBytes: [UInt8] = [0x27, 0x73]

    /// Whether the apostrophe at `s..<e` is the possessive of the capitalized word ending in "s"
    /// right before it, with a space and a letter after it: "the Philippines' foreign minister",
    /// "the United Arab Emirates’ envoy". (A word in lower case before it is more often the end
    /// of a quotation in single quotes than a possessive a name needs.)
    @inline(__always)
    func isPluralPossessive(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, after word: Token?) -> Bool {
        guard let word, word.kind == .word, Int(word.end) == s, word.shape.contains(.capitalized), s >= 2,
              text[s - 1] == UInt8(ascii: "s"), e + 1 < text.count, text[e] == UInt8(ascii: " ") else { return false }
        let isApostrophe = (e - s == 1 && text[s] == 0x27) || (e - s == 3 && text[s] == 0xE2 && text[s + 1] == 0x80 && text[s + 2] == 0x99)
            || (e - s == 2 && text[s] == 0xCA && text[s + 1] == 0xBC)
        guard isApostrophe else { return false }
        let next = text[e + 1]
        return next >= 0x80 || (next | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// Joins an apostrophe and "s" that ICU left apart after a word it does not join them to
    /// ("U.S." "'" "s" -> "U.S." "'s"). Returns whether it did.
    mutating func mergeDetachedPossessive(_ text: UnsafeBufferPointer<UInt8>, s: Token,
                                          into tokens: inout ContiguousArray<Token>) -> Bool {
        let n = tokens.count
        guard n >= 2 else { return false }
        let apostrophe = tokens[n - 1], word = tokens[n - 2]
        guard apostrophe.end == s.start, word.end == apostrophe.start, word.kind == .word || word.kind == .number else { return false }
        let a = text[Int(apostrophe.start)..<Int(apostrophe.end)]
        guard a.elementsEqual([0x27]) || a.elementsEqual([0xE2, 0x80, 0x99]) || a.elementsEqual([0xCA, 0xBC]) else { return false }
        tokens[n - 1] = makeToken(text, Int(apostrophe.start), Int(s.end), status: 200)
        return true
    }

    /// Folds a period into the word right before it when that word is an abbreviation or an
    /// initial ("Jr" + "." -> "Jr."). Returns whether it did.
    mutating func mergeAbbreviationPeriod(_ text: UnsafeBufferPointer<UInt8>, period: Token,
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
    mutating func mergeNumericDate(_ text: UnsafeBufferPointer<UInt8>, last: Token,
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
        // (No date has a part longer than four digits; a longer run's value would overflow.)
        guard a <= 4 && b <= 4 && c <= 4 else { return false }
        func value(_ t: Token) -> Int { text[t.byteRange].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let (x, y, z) = (value(first), value(middle), value(last))
        // Year first: month and day in range. Year last: day and month in either order.
        let yearFirst = a == 4 && (1...2).contains(b) && (1...2).contains(c) && (1...12).contains(y) && (1...31).contains(z)
        let yearLast = (1...2).contains(a) && (1...2).contains(b) && (c == 4 || c == 2)
            && (1...31).contains(x) && (1...31).contains(y) && ((1...12).contains(x) || (1...12).contains(y))
        guard yearFirst || yearLast else { return false }
        tokens.removeLast(4)
        tokens.append(makeToken(text, Int(first.start), Int(last.end), status: 100))
        return true
    }

    @inline(__always)
    func allDigits(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        token.kind == .number && text[token.byteRange].allSatisfy(isASCIIDigit)
    }

    // MARK: sentences

    /// Appends the sentences of `layer`'s tokens, asking ICU's sentence rules only where a
    /// sentence can end.
    ///
    /// By UAX #29 a sentence ends only after a line or paragraph separator, or after a terminal
    /// ("." "!" "?" "。" ...) and any closing punctuation and spaces. A separator always ends one:
    /// no ICU call. After a token that ends in a terminal or closing punctuation, ICU's sentence
    /// iterator decides, run on a window of a few tokens around the gap: the rules look back one
    /// character before the terminal and forward to the next letter, and the window holds both.
    /// Where ICU ends a sentence after an abbreviation, `continuesSentence` may join it again.
    ///
    /// Running ICU over every character of the text costs about a third of the tokenizer's time;
    /// windows cover a small part of it. `splitSentencesWithFullICUPass` is the same splitter with
    /// ICU run over the whole text, kept as the reference the tests compare with.
    ///
    /// - Returns: false, with no sentences appended, when a window would reach too far (see
    ///   `windowReach`) or the windows would add up to more than twice the text; the caller then
    ///   runs `splitSentencesWithFullICUPass`.
    mutating func splitSentences(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, layer: inout TextLayer) -> Bool {
        let tokens = layer.tokens
        let count = tokens.count
        guard count > 0 else { return true }
        var first = 0
        // The windows may overlap; past twice the text in all (dense punctuation), the
        // whole-text pass is cheaper.
        windowBudget = 2 * text.count + 4096
        for index in 1..<count {
            let last = tokens[index - 1]
            let next = tokens[index]
            let ends: Bool
            if lineBreak(text, Int(last.end), Int(next.start)) {
                ends = true
            } else if text[Int(last.end) - 1] < 0x80 && !Self.asciiMayEndSentence(text[Int(last.end) - 1]) {
                // Most gaps: the token before ends in a letter, a digit or a comma.
                ends = false
            } else if let plain = Self.plainSentenceEnd(text, last, next) {
                ends = plain && !continuesSentence(text, last, next, before: Self.token(before: index - 1, from: first, in: tokens))
            } else if mayEndSentence(text, last) {
                guard let icuEnds = icuEndsSentence(breaker, text, tokens, after: index - 1) else {
                    layer.sentences.removeAll(keepingCapacity: true)
                    return false
                }
                ends = icuEnds && !continuesSentence(text, last, next, before: Self.token(before: index - 1, from: first, in: tokens))
            } else {
                ends = false
            }
            if ends {
                layer.sentences.append(Sentence(start: tokens[first].start, end: last.end,
                                                firstToken: UInt32(first), endToken: UInt32(index)))
                first = index
            }
        }
        layer.sentences.append(Sentence(start: tokens[first].start, end: tokens[count - 1].end,
                                        firstToken: UInt32(first), endToken: UInt32(count)))
        return true
    }

    /// Joins sentences that a line break split inside a sentence: text wrapped at a fixed width
    /// ("British Foreign\nSecretary Margaret Beckett"), as old wire copy and mail are. UAX #29
    /// ends a sentence at every line break; a single one (no blank line) after a token that ends
    /// in no terminal (".", "!", "?", ":", a closing quote) goes on when the next line opens with
    /// a small letter, and, in a document where such lines are common (two or more, and a third
    /// at least of the single line breaks after no terminal), whatever the next line opens with.
    /// A headline over its story ("Ministers meet\nTokyo (AP) - ...") opens no line with a small
    /// letter, and stays a sentence of its own, as does a first line before a capital in a
    /// wrapped document. No joined sentence passes `maxJoinedTokens`. Linear in the sentences.
    static func joinWrappedLines(_ text: UnsafeBufferPointer<UInt8>, layer: inout TextLayer) {
        let sentences = layer.sentences
        guard sentences.count > 1 else { return }
        // A boundary that may be a wrap: 0 no, 1 before a capital or other, 2 before a small letter.
        func kind(_ b: Int) -> Int {
            let before = sentences[b - 1], after = sentences[b]
            var breaks = 0
            var i = Int(before.end)
            while i < Int(after.start) {
                let c = text[i]
                if c == 0x0A { breaks += 1 } else if c == 0x0D { if i + 1 >= Int(after.start) || text[i + 1] != 0x0A { breaks += 1 } }
                else if c != 0x20 && c != 0x09 { return 0 }
                i += 1
            }
            guard breaks == 1 else { return 0 }
            let last = text[Int(before.end) - 1]
            if last < 0x80 {
                if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: ":")
                    || last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") { return 0 }
            } else if Int(before.end) >= 3 && text[Int(before.end) - 3] == 0xE2 && text[Int(before.end) - 2] == 0x80
                        && (last == 0x9D || last == 0x99) {
                return 0  // ” or ’
            }
            let first = layer.tokens[Int(after.firstToken)]
            return first.kind == .word && !first.shape.contains(.capitalized) ? 2 : 1
        }
        // Counted first, with no allocation: most documents have no small letter after a break.
        var small = 0, single = 0
        for b in 1..<sentences.count {
            let k = kind(b)
            if k > 0 { single += 1 }
            if k == 2 { small += 1 }
        }
        guard small > 0 else { return }
        let wrapped = small >= 2 && small * 3 >= single
        var w = 0  // the sentence being extended
        for b in 1..<sentences.count {
            let k = kind(b)
            // (Not after the first line before a capital: that is the headline.)
            // (Nor past `maxJoinedTokens`: lines that open in lower case by the thousand are a
            // list, not one sentence, and the stages after this one work sentence by sentence.)
            if (k == 2 || (wrapped && k == 1 && b > 1))
                && Int(sentences[b].endToken) - Int(layer.sentences[w].firstToken) <= Self.maxJoinedTokens {
                layer.sentences[w].end = sentences[b].end
                layer.sentences[w].endToken = sentences[b].endToken
            } else {
                w += 1
                layer.sentences[w] = sentences[b]
            }
        }
        layer.sentences.removeLast(layer.sentences.count - w - 1)
    }

    /// The longest sentence `joinWrappedLines` makes, in tokens; a real one is far shorter.
    static let maxJoinedTokens = 300

    /// Joins a bulleted list to the line that introduces it: a sentence that ends with ":" ("The
    /// states that signed it are:") and the lines after it that each open with a list mark ("-",
    /// "*", "•", "–", "—", "·", "▪", "◦", "●") are one sentence, as the header and its items are
    /// one clause ("are: - Peru - Chile"). The items stop at the first line that opens with no
    /// mark or holds more than `maxListItemTokens` (an item that is a clause of its own, as in
    /// "Key points:" and a bullet a fact, stays a sentence: a rule or a date must not run from one
    /// item into the next), and no joined sentence passes `maxJoinedTokens` (a longer list is the
    /// document's body, not a clause). A list with no header, or after a header that ends otherwise, stays
    /// a sentence a line. Each joined item's mark gets the shape `listMark`. Linear in the
    /// sentences.
    static func joinListItems(_ text: UnsafeBufferPointer<UInt8>, layer: inout TextLayer) {
        func endsWithColon(_ s: Sentence) -> Bool {
            s.end > s.start && text[Int(s.end) - 1] == UInt8(ascii: ":")
        }
        // The first header a marked line follows, found with no copy: most documents have none,
        // and the sentences before it stay as they are.
        guard let header = layer.sentences.indices.dropLast().first(where: { h in
            endsWithColon(layer.sentences[h]) && opensWithListMark(text, layer.tokens[Int(layer.sentences[h + 1].firstToken)])
        }) else { return }
        let sentences = layer.sentences
        var w = header  // the sentence being extended
        var listOpen = true
        for b in (header + 1)..<sentences.count {
            let item = sentences[b]
            if listOpen && item.endToken - item.firstToken <= Self.maxListItemTokens
                && Self.opensWithListMark(text, layer.tokens[Int(item.firstToken)])
                && Int(item.endToken) - Int(layer.sentences[w].firstToken) <= Self.maxJoinedTokens {
                layer.tokens[Int(item.firstToken)].shape.insert(.listMark)
                layer.sentences[w].end = item.end
                layer.sentences[w].endToken = item.endToken
                continue
            }
            w += 1
            layer.sentences[w] = item
            listOpen = endsWithColon(item)
        }
        layer.sentences.removeLast(layer.sentences.count - w - 1)
    }

    /// The most tokens, mark included, of an item `joinListItems` joins: a name ("- Trinidad and
    /// Tobago.", "- Saint Kitts and Nevis"); an item with a post in apposition ("- Ivo Dorr, the
    /// Chilean president") stays a sentence, which the post's rules read whole.
    static let maxListItemTokens: UInt32 = 6

    /// Whether `token` is a list mark alone: "-", "*", "•", "–", "—", "·", "▪", "◦", "●".
    static func opensWithListMark(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let start = Int(token.start), length = Int(token.end) - start
        switch length {
        case 1: return text[start] == UInt8(ascii: "-") || text[start] == UInt8(ascii: "*")
        case 2: return text[start] == 0xC2 && text[start + 1] == 0xB7
        case 3:
            let (a, b, c) = (text[start], text[start + 1], text[start + 2])
            guard a == 0xE2 else { return false }
            return (b == 0x80 && (c == 0xA2 || c == 0x93 || c == 0x94)) || (b == 0x96 && c == 0xAA) || (b == 0x97 && (c == 0xA6 || c == 0x8F))
        default: return false
        }
    }

    /// What UAX #29 says of the gap after a lone ".", "!" or "?" when only ASCII spaces follow it
    /// and then an ASCII letter, the commonest sentence end in prose; nil otherwise (ICU is asked).
    /// A capital after the spaces ends the sentence (SB11); a small letter continues it after "."
    /// (SB8) but not after "!" or "?" (SB11). What stands before the terminal matters only when no
    /// space follows it (SB7).
    @inline(__always)
    static func plainSentenceEnd(_ text: UnsafeBufferPointer<UInt8>, _ last: Token, _ next: Token) -> Bool? {
        guard last.end &- last.start == 1, next.start > last.end else { return nil }
        let terminal = text[Int(last.start)]
        guard terminal == UInt8(ascii: ".") || terminal == UInt8(ascii: "!") || terminal == UInt8(ascii: "?") else { return nil }
        for i in Int(last.end)..<Int(next.start) where text[i] != 0x20 { return nil }
        let first = text[Int(next.start)]
        if isASCIIUpper(first) { return true }
        if isASCIILower(first) { return terminal != UInt8(ascii: ".") }
        return nil
    }

    /// How many tokens a window reaches past the gap, and before it, at most. Past that (a long
    /// run of numbers and symbols with no letter), the document's sentences come from ICU's
    /// iterator run over the whole text instead, so that the cost stays linear.
    static let windowReach = 64

    /// Whether ICU's sentence rules put a boundary in the gap after `tokens[i]`, or nil when the
    /// window would reach too far.
    ///
    /// The window runs from two tokens before the punctuation and symbols that end at `tokens[i]`
    /// (closing quotes and brackets after a terminal, stray marks, the terminal, the character
    /// before it) to the first
    /// token after the gap that starts with a letter, or to a line break, or to the end: UAX #29
    /// (SB8) looks that far ahead to tell "etc. 3 the" from "etc. 3 The".
    mutating func icuEndsSentence(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>,
                                  _ tokens: ContiguousArray<Token>, after i: Int) -> Bool? {
        var j = i
        while j > 0 && i - j < Self.windowReach && (tokens[j].kind == .punctuation || tokens[j].kind == .symbol) { j -= 1 }
        let windowStart = Int(tokens[max(0, j - 1)].start)
        var k = i + 1
        while !startsWithLetter(text, tokens[k]) && k + 1 < tokens.count
            && !lineBreak(text, Int(tokens[k].end), Int(tokens[k + 1].start)) {
            k += 1
            if k - i > Self.windowReach { return nil }
        }
        let windowEnd = Int(tokens[k].end)
        windowBudget -= windowEnd - windowStart
        if windowBudget < 0 { return nil }
        var status = U_ZERO_ERROR
        (text.baseAddress! + windowStart).withMemoryRebound(to: CChar.self, capacity: windowEnd - windowStart) { chars in
            windowText = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(windowText), chars, Int64(windowEnd - windowStart), &status))
        }
        cicu_ubrk_set_utext(breaker, UnsafeMutablePointer(windowText), &status)
        guard cicu_failure(status) == 0 else { return nil }
        let boundary = Int(cicu_ubrk_following(breaker, Int32(Int(tokens[i].end) - 1 - windowStart)))
        return boundary != Int(cicu_ubrk_done()) && boundary <= Int(tokens[i + 1].start) - windowStart
    }

    @inline(__always)
    func startsWithLetter(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let b = text[Int(token.start)]
        return b < 0x80 ? isASCIILetter(b) : token.kind == .word
    }

    /// Whether `text[from..<to]` holds a line or paragraph separator: LF, CR, NEL, U+2028 or
    /// U+2029 (UAX #29's ParaSep, after which a sentence always ends).
    @inline(__always)
    func lineBreak(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            let b = text[i]
            if b == 0x0A || b == 0x0D { return true }
            if b == 0xC2 && i + 1 < to && text[i + 1] == 0x85 { return true }
            if b == 0xE2 && i + 2 < to && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) { return true }
            i += 1
        }
        return false
    }

    /// Whether a sentence may end right after `token`: its last character, not counting the
    /// combining marks and format characters UAX #29 attaches to it, is a sentence terminal, or
    /// bracket or quotation punctuation (UAX #29's Close, which may follow one).
    @inline(__always)
    func mayEndSentence(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let lastByte = text[Int(token.end) - 1]
        if lastByte < 0x80 { return Self.asciiMayEndSentence(lastByte) }
        var end = Int(token.end)
        // A token of combining marks or format characters alone: ask ICU (asking is never wrong,
        // only slower).
        while true {
            guard end > Int(token.start) else { return true }
            var start = end - 1
            while start > Int(token.start) && text[start] & 0xC0 == 0x80 { start -= 1 }
            guard let scalar = Unicode.Scalar(UTF8Scanner.decode(text, at: start).scalar) else { return false }
            if scalar.isASCII { return Self.asciiMayEndSentence(UInt8(scalar.value)) }
            let p = scalar.properties
            switch p.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format:
                end = start  // attached to the character before it
                continue
            case .closePunctuation, .finalPunctuation, .initialPunctuation, .openPunctuation:
                return true
            default:
                // Sentence_Terminal, quotation marks, and the full stops UAX #29 calls ATerm.
                return p.isSentenceTerminal || p.isQuotationMark || scalar.value == 0x2024 || scalar.value == 0xFE52
                    || scalar.value == 0xFF0E
            }
        }
    }

    @inline(__always)
    static func asciiMayEndSentence(_ b: UInt8) -> Bool {
        switch b {
        // UAX #29's Close class holds opening brackets too: "etc.(" may end a sentence.
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// Whether `token` is a closing quotation mark: ” ’ " or '.
    func isClosingQuote(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        switch token.end - token.start {
        case 1: return text[Int(token.start)] == 0x22 || text[Int(token.start)] == 0x27
        case 3: return text[Int(token.start)] == 0xE2 && text[Int(token.start) + 1] == 0x80
            && (text[Int(token.start) + 2] == 0x9D || text[Int(token.start) + 2] == 0x99)
        default: return false
        }
    }

    /// The reference sentence splitter: ICU's sentence break iterator `breaker`, set on the whole
    /// text, run over all of it. `splitSentences` must give the same sentences; tests check it.
    mutating func splitSentencesWithFullICUPass(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, layer: inout TextLayer) {
        let tokens = layer.tokens
        let count = tokens.count
        guard count > 0 else { return }
        let done = cicu_ubrk_done()
        _ = cicu_ubrk_first(breaker)
        var index = 0
        var first = 0
        while true {
            let boundary = cicu_ubrk_next(breaker)
            if boundary == done { break }
            while index < count && tokens[index].start < UInt32(boundary) { index += 1 }
            guard index > first, index < count else { continue }
            // Sentences end between tokens: a boundary inside one ("St.Louis") is not one.
            if tokens[index - 1].end > UInt32(boundary) { continue }
            if continuesSentence(text, tokens[index - 1], tokens[index], before: Self.token(before: index - 1, from: first, in: tokens)) { continue }
            layer.sentences.append(Sentence(start: tokens[first].start, end: tokens[index - 1].end,
                                            firstToken: UInt32(first), endToken: UInt32(index)))
            first = index
        }
        if first < count {
            layer.sentences.append(Sentence(start: tokens[first].start, end: tokens[count - 1].end,
                                            firstToken: UInt32(first), endToken: UInt32(count)))
        }
    }

    /// The token before the one at `index` in a sentence that opens at `first`, if any.
    static func token(before index: Int, from first: Int, in tokens: ContiguousArray<Token>) -> Token? {
        index > first ? tokens[index - 1] : nil
    }

    /// Whether a sentence that ICU ends after `last` goes on with `next`: `last` is an
    /// abbreviation that does not end sentences before what `next` is, on the same line; or a
    /// closing quotation mark with a small letter after it (“... luck!” said Ann Lee: ICU ends a
    /// sentence after "!" or "?" and a quote whatever follows, news goes on with the attribution).
    /// `before` is the token before `last` in its sentence, if any: a name's initials follow no
    /// article nor preposition ("the O.A.S." is a body's).
    func continuesSentence(_ text: UnsafeBufferPointer<UInt8>, _ last: Token, _ next: Token, before: Token?) -> Bool {
        if isASCIILower(text[Int(next.start)]) && isClosingQuote(text, last) && !lineBreak(text, Int(last.end), Int(next.start)) {
            return true
        }
        guard last.shape.contains(.abbreviation), !lineBreak(text, Int(last.end), Int(next.start)) else { return false }
        let word = UnsafeBufferPointer(rebasing: text[Int(last.start)..<Int(last.end) - 1])
        guard let cls = abbreviations.classify(word) else { return false }
        let nextIsStarter = vocabulary.withKeyBytes(next.key) { abbreviations.isSentenceStarter($0) }
        switch cls {
        case .title:
            return (next.shape.contains(.capitalized) && !nextIsStarter) || next.kind == .number
        case .month:
            return next.kind == .number
        case .initialism:
            guard next.shape.contains(.capitalized), !nextIsStarter else { return false }
            return word.count == 1 || abbreviations.isInstitutionWord(UnsafeBufferPointer(rebasing: text[next.byteRange]))
        case .nameInitials:
            guard next.shape.contains(.capitalized), !nextIsStarter else { return false }
            guard let before else { return true }
            return !vocabulary.withKeyBytes(before.key) { abbreviations.isFunctionWord($0) }
        case .time:
            guard next.kind == .word, next.shape.contains(.capitalized) else { return false }
            let nextLength = next.end - next.start
            return vocabulary.withKeyBytes(next.key) { abbreviations.isCalendarWord($0) }
                || (next.shape.contains(.allCaps) && nextLength >= 2 && nextLength <= 4)
        case .other:
            return false
        }
    }
}
