/// An entity a document mentions: an entry of a lexicon, or one found by its shape in the text
/// (a person after a title, an agreement by its name's form).
public struct DocumentEntity: Sendable, Equatable {
    /// The lexicon entry's id, or for an entity found in the text a slug of its type and name
    /// ("person:enrique-manalo").
    public var id: String
    public var type: String
    public var name: String
    /// Short label; for people the surname.
    public var label: String
    /// For people: the office a title in the text gives them ("Minister for Foreign Affairs").
    public var office: String?
    /// For people: the country of that office (ISO 3166-1 alpha-3), from the adjective or name
    /// before the title ("Japanese Foreign Minister").
    public var country: String?
    /// The lexicon entry, when the entity is one.
    public var lexiconEntry: Int?
}

/// A mention of an entity in a document: where it is, which entity it names (or which it may
/// name, when the text does not say), and how it was found.
public struct EntityMention: Sendable, Equatable {
    /// The entities it may name, as indexes into `Extraction.entities`: one when resolved,
    /// several when an alias is shared and nothing in the text tells them apart.
    public var candidates: [Int]
    /// What kind of name matched.
    public var aliasKind: Alias.Kind
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
        /// The shape of the text: a name after a title, an agreement's name.
        case pattern
        /// A later reference to an entity met earlier: a surname, an acronym defined in
        /// parentheses.
        case coreference
    }

    /// The one entity it names, when resolved.
    public var entity: Int? { candidates.count == 1 ? candidates[0] : nil }
}

/// What the entity and date stages found in one document.
public struct Extraction: Sendable {
    public var entities: [DocumentEntity] = []
    /// In text order, not overlapping.
    public var mentions: [EntityMention] = []
    /// Date expressions, in text order.
    public var dates: [DateMention] = []
    /// The document date the dates were resolved against, and where it came from.
    public var documentDate: CalendarDay?
    public var documentDateSource: DocumentDateSource?
}
