@_spi(Stages) import GazetteText

/// A position in one of a document's layers, typed by what the layer holds: a mention names an
/// `EntityIndex`, a fact's evidence is `MatchIndex`es, and the compiler keeps the one from
/// being used for the other. Arrays are subscripted by the index of their own element type
/// (`extraction.entities[fact.subject.entity]`).
///
/// Positions in the text itself (bytes and tokens) stay `Int`: they are ranges and offsets, added
/// and subtracted, not references from one layer to another.
public struct LayerIndex<Element>: RawRepresentable, Hashable, Comparable, Sendable {
    /// The 0-based position in the layer.
    public var rawValue: Int

    /// The index at a 0-based position.
    @inlinable public init(rawValue: Int) { self.rawValue = rawValue }

    /// The index at a 0-based position.
    @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Orders by position in the layer.
    @inlinable public static func < (a: LayerIndex, b: LayerIndex) -> Bool { a.rawValue < b.rawValue }
}

extension LayerIndex: ExpressibleByIntegerLiteral {
    /// The index at a position written as a number (in tests and examples: `candidates == [0]`).
    @inlinable public init(integerLiteral value: Int) { self.rawValue = value }
}

extension LayerIndex: CustomStringConvertible {
    /// The position, as a number.
    public var description: String { String(rawValue) }
}

/// An index into `Extraction.entities`.
public typealias EntityIndex = LayerIndex<DocumentEntity>
/// An index into `Extraction.mentions`.
public typealias MentionIndex = LayerIndex<EntityMention>
/// An index into `Extraction.dates`.
public typealias DateIndex = LayerIndex<DateMention>
/// An index into `Extraction.titles`.
public typealias TitleIndex = LayerIndex<TitleMention>
/// An index into `Extraction.matches`.
public typealias MatchIndex = LayerIndex<RuleMatch>
/// An index into `CompiledRules.rules`.
public typealias RuleIndex = LayerIndex<Rule>
/// An index into `CompiledLexicon.entries`.
public typealias LexiconEntryIndex = LayerIndex<LexiconEntry>
/// An index into `TextLayer.sentences`.
public typealias SentenceIndex = LayerIndex<Sentence>

extension MutableCollection where Index == Int {
    /// The element at a typed index of this collection's layer (an `Array` or a `ContiguousArray`).
    @inlinable public subscript(index: LayerIndex<Element>) -> Element {
        get { self[index.rawValue] }
        set { self[index.rawValue] = newValue }
    }
}

extension Array {
    /// The index the next appended element will have.
    @inlinable package var nextIndex: LayerIndex<Element> { LayerIndex(count) }

    /// The typed indices of the elements, in order.
    @inlinable package var layerIndices: LazyMapSequence<Range<Int>, LayerIndex<Element>> {
        indices.lazy.map { LayerIndex($0) }
    }
}
