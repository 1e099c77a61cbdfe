/// An entity a document mentions: an entry of a lexicon, or one found by its shape in the text
/// (a person after a title, an agreement by its name's form).
public struct DocumentEntity: Sendable, Equatable {
    /// The lexicon entry's id, or for an entity found in the text a slug of its type and name
    /// ("person:enrique-manalo").
    public var id: String
    /// `.person`, `.country`, `.agreement`, or a type of a lexicon's own.
    public var type: EntityType
    /// The canonical name: the lexicon entry's ("Takeshi Iwaya"), or for an entity found in the
    /// text, its name as written there.
    public var name: String
    /// Short label; for people the surname.
    public var label: String
    /// For people: the office a title in the text gives them ("Minister for Foreign Affairs").
    public var office: String?
    /// For people: the country of that office (ISO 3166-1 alpha-3), from the adjective or name
    /// before the title ("Japanese Foreign Minister").
    public var country: String?
    /// The lexicon entry, when the entity is one.
    public var lexiconEntry: LexiconEntryIndex?
    /// For an agreement found by its form: the countries (ISO 3166-1 alpha-3) its name gives as
    /// its parties ("the Japan-Angola Investment Agreement", "the Agreement between Japan and
    /// the Republic of Angola on ..."); a lexicon agreement's are the lexicon's.
    public var parties: [String] = []
}

/// A mention of an entity in a document: where it is, which entity it names (or which it may
/// name, when the text does not say), and how it was found.
public struct EntityMention: Sendable, Equatable {
    /// The entities it may name, as indexes into `Extraction.entities`: one when resolved,
    /// several when an alias is shared and nothing in the text tells them apart.
    public var candidates: [EntityIndex]
    /// What kind of name matched.
    public var aliasKind: Alias.Kind
    /// Index of the mention's first token in `TextLayer.tokens` (for a person after a title, the
    /// name's: see `titleStart`).
    public var firstToken: Int
    /// One past the index of its last token.
    public var endToken: Int
    /// First UTF-8 byte of the mention in the document, 0-based (`byte_start` in the record).
    public var byteStart: Int
    /// One past its last byte (`byte_end`): the mention is the bytes `byteStart..<byteEnd`.
    public var byteEnd: Int
    /// How it was found.
    public var source: Source
    /// For a person after a title, honorifics or a role: the first token of the title, or of the
    /// country word before it ("Japanese" in "Japanese Foreign Minister Takeshi Iwaya"), or of
    /// the honorifics ("Ms." in "Ms. Albright") or role ("Lima" in "Lima Mayor Tomas Rellan").
    /// Rules match a person from there as well as from the name.
    public var titleStart: Int? = nil
    /// Where the person's phrase starts when words of tenure or a form of address come before
    /// the title ("Acting" in "Acting Chilean Foreign Minister X", "His" in "His Highness the
    /// Crown Prince X"); rules match the person from there too. For an agreement, the year
    /// before its name ("1974" in "the 1974 Land Boundary Agreement"), from which rules match it
    /// too. Nil when nothing comes before.
    public var phraseStart: Int? = nil
    /// For a group named by its number ("the three presidents", "the two leaders"): the people
    /// it names, as indexes into `Extraction.entities`, in the order the text named them;
    /// `candidates` holds the first. Rules read one argument there as each of them; it is no
    /// name, and is not written as an entity's mention.
    public var groupMembers: [EntityIndex]? = nil
    /// For a pronoun (`aliasKind` `pronoun`): whether it is a possessive ("his", "her visit").
    public var isPossessivePronoun = false
    /// For a person named after the first of a plural title's names ("Ivo Marandi" in
    /// "Presidents Tomas Rellan of Peru and Ivo Marandi of Chile"): the title is theirs too, and
    /// rules see the name as a post's holder (a `role`).
    public var listedUnderTitle = false

    /// How a mention was found; the raw value is the record's `source`.
    public enum Source: String, Sendable {
        /// An alias of a lexicon entry.
        case lexicon
        /// The shape or position of the text: a name after a title or where a party stands, an
        /// agreement's name.
        case pattern
        /// A reference to an entity the text names in full elsewhere: a surname (before or after
        /// the full name), an acronym defined in parentheses, a post described ("the Kenyan
        /// president") that the text names a person in, "the treaty" after a treaty named.
        case coreference
        /// A surname alone, or a post described ("the Kenyan president") that the text names no
        /// one in, resolved to the one lexicon person of that surname or post in office on the
        /// document's date.
        case office
    }

    /// The one entity it names, when resolved.
    public var entity: EntityIndex? { candidates.count == 1 ? candidates[0] : nil }
}

/// A title in the text ("Foreign Minister"), whether or not a name follows it.
public struct TitleMention: Sendable, Equatable {
    /// Index of the title's first token in `TextLayer.tokens`.
    public var firstToken: Int
    /// One past the index of its last token.
    public var endToken: Int
    /// The office: the title entry's name ("Minister for Foreign Affairs").
    public var office: String
}

/// What the stages found in one document: entities, dates, titles, rule matches and facts.
public struct Extraction: Sendable {
    /// Every entity the document mentions, and those its facts derive (a person's country, an
    /// agreement's parties); mentions and facts refer to them by index.
    public var entities: [DocumentEntity] = []
    /// In text order, not overlapping.
    public var mentions: [EntityMention] = []
    /// Titles, in text order.
    public var titles: [TitleMention] = []
    /// Date expressions, in text order.
    public var dates: [DateMention] = []
    /// The document date the dates were resolved against; nil when it was neither given nor
    /// found in the text.
    public var documentDate: CalendarDay?
    /// Where `documentDate` came from: given with the document, or read from the text; nil
    /// when there is none.
    public var documentDateSource: DocumentDateSource?
    /// The ISO alpha-3 code of the country of the document's dateline ("NAIROBI, May 5 -"),
    /// when it opens with one (not with two of different countries: "LONDON/SEOUL,").
    public var datelineCountry: String?
    /// Every match of every rule, in sentence and token order, with what became of it.
    public var matches: [RuleMatch] = []
    /// The facts the rules found, each once, in the order of their first evidence.
    public var facts: [Fact] = []
    /// People whose title names no country's office they hold: an organisation's post ("UN
    /// Secretary-General"), or one designated or elected and not yet held ("Minister-designate").
    var postsOfNoCountry: Set<EntityIndex> = []
}
