// Clients of GazetteText must never load CICU (it clashes with Foundation's ICU module): keep
// every ICU handle in an OpaquePointer, never an ICU type, in stored properties. See DESIGN.md.
@_implementationOnly import CICU

/// Splits UTF-8 text into tokens and sentences and gives each token an interned match key.
///
/// Word and sentence boundaries are ICU's (UAX #29). ICU's iterators run on the UTF-8 bytes
/// directly (`utext_openUTF8`, no UTF-16 copy), and only where they are needed: a byte loop gives
/// the same word breaks where the text is ASCII (`WordSegmenter`), and the sentence splitter asks
/// ICU only about gaps that are not plain. On top of them come the cases news text needs:
/// - hyphenated compounds split ("Japan-Philippines": `Japan`, `-`, `Philippines`);
/// - possessive "'s" and "’s" split off ("Manalo's": `Manalo`, `'s`); the apostrophe of a
///   capitalized word ending in "s" before a word is a possessive too, with the key `'s`
///   ("the Philippines' envoy");
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
    public var vocabulary: Vocabulary { builder.vocabulary }
    /// How many transient keys and surfaces (added since the vocabulary was frozen) may pile up
    /// before they are dropped at the start of the next document.
    @exclusivity(unchecked) public var transientLimit = 400_000
    /// The same limit in bytes of transient keys and surfaces.
    @exclusivity(unchecked) public var transientByteLimit = 32 << 20
    /// The most tokens one document may have; past it `analyze` stops adding tokens and throws
    /// `TextError.tooManyTokens`, so the per-token layers of a document (its tokens here, then
    /// the resolver's and the matcher's) stay bounded whatever its bytes hold.
    @exclusivity(unchecked) public var maximumTokens = Tokenizer.defaultMaximumTokens
    /// The default of `maximumTokens`: 16 Mi tokens, about 90 MB of English prose (which has a
    /// token every 5 to 6 bytes), or 16 MiB of text where every byte is a token.
    public static let defaultMaximumTokens = 1 << 24
    /// Runs ICU's sentence iterator over the whole text instead of windows around candidate
    /// sentence ends: the reference that tests compare the windowed splitter with.
    @_spi(Testing) @exclusivity(unchecked) public var fullSentencePass = false
    /// Whether words break by the byte loop where it applies (see `WordSegmenter`), as they do
    /// unless the system ICU's word rules disagree with it. False runs ICU's word break iterator
    /// over the whole text: the reference that tests compare the byte loop with.
    @_spi(Testing) public var wordFastPath: Bool {
        get { builder.words.fastPath }
        set { builder.words.fastPath = newValue }
    }

    /// Everything the hot loop touches, in one value, so the loop reaches it with no dynamic
    /// exclusivity check per token. Not checked at each access either: a tokenizer belongs to
    /// one thread, and its methods never overlap their accesses (each dynamic check cost some
    /// 75 instructions, six per `analyze`).
    @exclusivity(unchecked) private var builder: TokenBuilder
    fileprivate let wordBreaker: OpaquePointer
    fileprivate let sentenceBreaker: OpaquePointer
    /// ICU's `UText *`, reused from one document to the next.
    @exclusivity(unchecked) fileprivate var utext: OpaquePointer?

    /// The largest document ICU's 32-bit offsets can address: the limit for one document
    /// wherever one is read (the batch reader, the CLI's whole-file reader).
    public static let maximumDocumentSize = Int(Int32.max) - 1

    /// - Parameter vocabulary: the vocabulary to start from, usually a frozen one shared by all
    ///   tokenizers of a pipeline so that lexicon keys have the same ids everywhere.
    public init(vocabulary: Vocabulary = Vocabulary()) throws(TextError) {
        builder = TokenBuilder(vocabulary: vocabulary, normalizer: try KeyNormalizer())
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
        builder.words.fastPath = agreesWithICU()
    }

    deinit {
        cicu_ubrk_close(wordBreaker)
        cicu_ubrk_close(sentenceBreaker)
        if let utext { _ = cicu_utext_close(UnsafeMutablePointer(utext)) }
        if let window = builder.windowText { _ = cicu_utext_close(UnsafeMutablePointer(window)) }
        if let window = builder.words.windowText { _ = cicu_utext_close(UnsafeMutablePointer(window)) }
        builder.keyCache.deallocate()
    }

    /// The key of `text` as a token of that surface gets it (case and diacritics folded, the
    /// letters with a stroke and the ligatures too: "Łowska" gives "lowska"), for code that
    /// compares a string it holds, such as an entity's label, with the keys of tokens.
    public func key(of text: String) -> String {
        builder.normalizer.key(of: text)
    }

    /// Tokenizes and sentence-splits `text` into `layer`, replacing what `layer` held.
    ///
    /// Ill-formed UTF-8 is read with repair (each maximal ill-formed subsequence as U+FFFD, see
    /// `UTF8Scanner`); offsets still point into `text`. O(n) in the length of `text`.
    /// - Throws: `TextError.documentTooLarge` past `maximumDocumentSize` bytes,
    ///   `TextError.tooManyTokens` past `maximumTokens` tokens.
    @_spi(Stages)
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, into layer: inout TextLayer) throws(TextError) {
        layer.reset()
        builder.gluedPeriods.removeAll(keepingCapacity: true)
        guard text.count <= Self.maximumDocumentSize else {
            throw TextError(.documentTooLarge, "document of \(text.count) bytes is over the limit of \(Self.maximumDocumentSize) bytes")
        }
        if builder.vocabulary.transientCount > transientLimit || builder.vocabulary.transientBytes > transientByteLimit {
            builder.vocabulary.trimTransient()
            builder.clearKeyCache()
        }
        layer.isValidUTF8 = UTF8Scanner.isValid(text)
        guard let base = text.baseAddress, text.count > 0 else { return }

        var status = U_ZERO_ERROR
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
            utext = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(utext), chars, Int64(text.count), &status))
        }
        guard cicu_failure(status) == 0, let utext else {
            throw TextError(.icu, "ICU cannot open the text (\(String(cString: cicu_error_name(status))))")
        }
        if !builder.words.fastPath {
            cicu_ubrk_set_utext(wordBreaker, UnsafeMutablePointer(utext), &status)
            guard cicu_failure(status) == 0 else {
                throw TextError(.icu, "ICU cannot iterate the text (\(String(cString: cicu_error_name(status))))")
            }
        }
        builder.splitWords(wordBreaker, text, into: &layer.tokens, limit: maximumTokens)
        guard layer.tokens.count <= maximumTokens else {
            let limit = maximumTokens
            layer.reset()
            throw TextError(.tooManyTokens, "over the limit of \(limit) tokens for one document")
        }
        if fullSentencePass || !builder.splitSentences(sentenceBreaker, text, layer: &layer) {
            cicu_ubrk_set_utext(sentenceBreaker, UnsafeMutablePointer(utext), &status)
            builder.splitSentencesWithFullICUPass(sentenceBreaker, text, layer: &layer)
        }
        TokenBuilder.joinWrappedLines(text, layer: &layer)
        TokenBuilder.joinListItems(text, layer: &layer)
        builder.splitAtGluedPeriods(&layer)
    }

    /// Tokenizes `text` into `layer`, replacing what it held and keeping its capacity: passing
    /// the same layer from one document to the next allocates nothing in steady state.
    /// - Throws: `TextError.documentTooLarge` past `maximumDocumentSize` bytes.
    public func analyze(_ text: [UInt8], into layer: inout TextLayer) throws(TextError) {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try analyze(buffer, into: &layer) }
    }

    /// Tokenizes `text` (UTF-8 bytes) into `layer`, as `analyze(_:into:)` does for an array.
    public func analyze(_ text: Span<UInt8>, into layer: inout TextLayer) throws(TextError) {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try analyze(buffer, into: &layer) }
    }

    /// Tokenizes `text` into a new layer.
    public func analyze(_ text: [UInt8]) throws(TextError) -> TextLayer {
        var layer = TextLayer()
        try analyze(text, into: &layer)
        return layer
    }

    /// Tokenizes `text` into a new layer; offsets are into its UTF-8 bytes.
    public func analyze(_ text: String) throws(TextError) -> TextLayer {
        try analyze(Array(text.utf8))
    }

    // MARK: words
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

extension Tokenizer {
    /// The word-break segments of `text`, each with ICU's rule status, as the tokenizer sees them
    /// before the news cases (see `WordSegmenter`).
    @_spi(Testing)
    public func wordSegments(_ text: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, status: Int32)] {
        var segments: [(start: Int, end: Int, status: Int32)] = []
        guard let base = text.baseAddress, text.count > 0 else { return segments }
        if !builder.words.fastPath {
            var status = U_ZERO_ERROR
            base.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
                utext = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(utext), chars, Int64(text.count), &status))
            }
            cicu_ubrk_set_utext(wordBreaker, UnsafeMutablePointer(utext), &status)
        }
        builder.words.forEach(wordBreaker, text) { segments.append(($0, $1, $2)) }
        return segments
    }

    /// Text that holds every pair of the characters the byte loop handles, between letters and
    /// between digits.
    static let wordProbe: [UInt8] = {
        let characters = ["a", "Z", "@", "1", "_", ".", "'", ",", ";", ":", "-", " ", "\t", "\r", "\n", "’", "“", "—", "\"", "$"]
        var probe = ""
        for x in characters {
            for y in characters { probe += "a" + x + y + "a1" + x + y + "1 " }
        }
        return Array(probe.utf8)
    }()

    /// Whether the byte loop gives the segments and statuses of this ICU's word rules on
    /// `wordProbe`.
    func agreesWithICU() -> Bool {
        let fast = Self.wordProbe.withUnsafeBufferPointer { wordSegments($0) }
        builder.words.fastPath = false
        defer { builder.words.fastPath = true }
        let icu = Self.wordProbe.withUnsafeBufferPointer { wordSegments($0) }
        return fast.count == icu.count && zip(fast, icu).allSatisfy { $0 == $1 }
    }
}
