/// An interned normalized token key: equal keys mean equal match keys ("Bogotá" and "BOGOTA").
public typealias KeyID = UInt32

/// What a token is, from ICU's word-break rule status and the token's first character.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    /// Letters (any script, including kana and ideographs), possibly with digits or inner
    /// punctuation ("U.S.", "Manalo", "東京", "'s").
    case word
    /// Digits, possibly with separators ("1,500", "2.5", "2025-05-29", "28/05/2025").
    case number
    /// Punctuation: a character of Unicode general category P* ("-", "—", "“", ".").
    case punctuation
    /// Anything else that is not whitespace: symbols, emoji, U+FFFD from invalid bytes.
    case symbol

    /// The lower-case name used in JSON output.
    public var name: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        }
    }
}

/// Shape flags of a token's surface form.
public struct TokenShape: OptionSet, Sendable, Hashable {
    /// The flags as bits, one per shape.
    public let rawValue: UInt8
    /// The shape whose flags are the bits of `rawValue`.
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    // Computed and inlinable rather than stored: a stored static goes through a lazy
    // initializer's accessor at each use, in the per-token loops of other modules too.

    /// The first character is upper or title case ("Manalo", "U.S.", "RAA").
    @inlinable public static var capitalized: TokenShape { TokenShape(rawValue: 1 << 0) }
    /// At least one cased letter and no lower-case letter ("RAA", "U.S.").
    @inlinable public static var allCaps: TokenShape { TokenShape(rawValue: 1 << 1) }
    /// At least one decimal digit ("2025-05-29", "G20").
    @inlinable public static var hasDigits: TokenShape { TokenShape(rawValue: 1 << 2) }
    /// A known abbreviation or initial that keeps its final period ("Jr.", "Sept.", "U.S.").
    @inlinable public static var abbreviation: TokenShape { TokenShape(rawValue: 1 << 3) }
    /// A mark that opens an item of a bulleted list joined to the line that introduces it
    /// ("are:" then "- Peru" on the next line): "-", "*", "•", "–" and the like.
    @inlinable public static var listMark: TokenShape { TokenShape(rawValue: 1 << 4) }

    /// Each flag with its name in output, in a fixed order.
    public static let flagNames: [(TokenShape, StaticString)] = [
        (.capitalized, "capitalized"), (.allCaps, "all_caps"), (.hasDigits, "has_digits"), (.abbreviation, "abbreviation"),
        (.listMark, "list_mark"),
    ]
}

/// One token: a half-open UTF-8 byte span of the document, its kind, shape and match key.
public struct Token: Sendable, Equatable {
    /// First byte of the token in the document.
    public var start: UInt32
    /// One past the last byte of the token.
    public var end: UInt32
    /// The interned normalized key (see `Vocabulary`).
    public var key: KeyID
    /// What the token is: a word, a number, punctuation or a symbol.
    public var kind: TokenKind
    /// Shape flags of its surface: capitalized, all caps, has digits, abbreviation, list mark.
    public var shape: TokenShape

    /// A token over the bytes `start..<end`, with its key, kind and shape.
    public init(start: UInt32, end: UInt32, key: KeyID, kind: TokenKind, shape: TokenShape) {
        self.start = start
        self.end = end
        self.key = key
        self.kind = kind
        self.shape = shape
    }

    /// The byte range, for slicing the document's bytes.
    @inlinable public var byteRange: Range<Int> { Int(start)..<Int(end) }
}

/// One sentence: the byte span from its first token's start to its last token's end, and the
/// range of its tokens in `TextLayer.tokens`.
public struct Sentence: Sendable, Equatable {
    /// First byte of the sentence in the document: its first token's start.
    public var start: UInt32
    /// One past its last byte: its last token's end.
    public var end: UInt32
    /// Index of its first token in `TextLayer.tokens`.
    public var firstToken: UInt32
    /// One past the index of its last token.
    public var endToken: UInt32

    /// A sentence over the bytes `start..<end` and the tokens `firstToken..<endToken`.
    public init(start: UInt32, end: UInt32, firstToken: UInt32, endToken: UInt32) {
        self.start = start
        self.end = end
        self.firstToken = firstToken
        self.endToken = endToken
    }

    /// The byte range, for slicing the document's bytes.
    @inlinable public var byteRange: Range<Int> { Int(start)..<Int(end) }
    /// The range of its tokens in `TextLayer.tokens`.
    @inlinable public var tokenRange: Range<Int> { Int(firstToken)..<Int(endToken) }
}

/// The text layer of one document: its tokens in order, and its sentences in order.
///
/// Tokens never overlap, never cover whitespace, and every byte that is not whitespace (or an
/// invisible format character next to it) belongs to exactly one token. Every token belongs to
/// exactly one sentence. A layer is reusable: `Tokenizer.analyze(_:into:)` clears it and keeps
/// its capacity, so steady-state tokenizing allocates nothing.
public struct TextLayer: Sendable {
    /// The document's tokens, in text order.
    public internal(set) var tokens: ContiguousArray<Token> = []
    /// The document's sentences, in text order; each token is in exactly one.
    public internal(set) var sentences: ContiguousArray<Sentence> = []
    /// Whether the document's bytes were well-formed UTF-8 (else they were read with repair).
    public internal(set) var isValidUTF8: Bool = true

    /// An empty layer, for `Tokenizer.analyze(_:into:)` to fill.
    public init() {}

    /// The token range of the sentence that holds `token` (a binary search over the sentences).
    public func sentenceRange(containing token: Int) -> Range<Int> {
        var low = 0, high = sentences.count - 1
        while low < high {
            let mid = (low + high) / 2
            if Int(sentences[mid].endToken) <= token { low = mid + 1 } else { high = mid }
        }
        return sentences[low].tokenRange
    }

    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        sentences.removeAll(keepingCapacity: true)
        isValidUTF8 = true
    }
}

/// Why text could not be analyzed.
public struct TextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure: ICU could not be set up, or the document is too large or has too
    /// many tokens.
    public enum Code: String, Sendable {
        /// ICU could not be set up (missing data, failed to open an iterator).
        case icu
        /// The document is larger than ICU's 32-bit offsets allow (2 GiB).
        case documentTooLarge
        /// The document has more tokens than `Tokenizer.maximumTokens`.
        case tooManyTokens
    }
    /// What kind of failure it is.
    public var code: Code
    /// What went wrong, for a person to read ("document of 2147483648 bytes is over the limit
    /// of 2147483646 bytes").
    public var message: String

    /// An error of kind `code`, described by `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
