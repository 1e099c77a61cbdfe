/// A mention of an entity in a document: where it is, which entry it names (or which entries
/// it may name, when the text does not say), and how it was found.
public struct EntityMention: Sendable, Equatable {
    /// The entries it may name, as indexes into the compiled lexicon's entries: one when resolved,
    /// several when the alias is shared and nothing in the text tells them apart.
    public var candidates: [Int]
    /// The alias that matched (of the first candidate).
    public var alias: Alias
    /// Token span.
    public var firstToken: Int
    public var endToken: Int
    /// UTF-8 byte span in the document.
    public var byteStart: Int
    public var byteEnd: Int
    /// How it was found.
    public var source: Source

    public enum Source: String, Sendable {
        /// An alias of a lexicon entry.
        case lexicon
    }

    /// The one entry it names, when resolved.
    public var entry: Int? { candidates.count == 1 ? candidates[0] : nil }
}
