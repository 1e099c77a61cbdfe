/// One entry of a lexicon: a person, a country, an agreement (or a type of the user's), with its
/// canonical id, names and aliases; or a stop phrase that blocks matches inside it.
public struct LexiconEntry: Sendable, Equatable {
    /// A stable id: the Wikidata QID where a source gives one ("Q1234"), else a readable slug
    /// ("country:JPN", "agreement:raa-jpn-phl").
    public var id: String
    /// "person", "country", "agreement", a type of the user's, or "stop" for a stop phrase.
    public var type: EntityType
    /// The canonical name ("Takeshi Iwaya").
    public var name: String
    /// A short label ("Iwaya"); for people the surname. Defaults to the name.
    public var label: String
    /// Every way the entry is written; the name is always the first unless listed among them.
    public var aliases: [Alias]
    /// Offices held, with their dates (people).
    public var roles: [Role]
    /// Codes such as ISO 3166-1 alpha-2 and alpha-3 (countries).
    public var codes: [String: String]
    /// Parties, as country codes or entry ids (agreements).
    public var parties: [String]
    /// Signature date, ISO 8601 at the precision known (agreements).
    public var signed: String?
    /// The country whose government a person serves or served (ISO 3166-1 alpha-3), for a person
    /// the lexicon gives no offices: a title written with no country before the name takes it
    /// ("Foreign Minister Ana Ruiz").
    public var country: String?
    /// Higher wins when matches overlap (before length). Default 0.
    public var priority: Int
    /// Where the entry comes from.
    public var source: String?

    /// An entry; `label` defaults to `name`, and `name` is its first alias unless `aliases`
    /// lists it (a stop phrase has only its aliases).
    public init(id: String, type: EntityType, name: String, label: String? = nil, aliases: [Alias] = [],
                roles: [Role] = [], codes: [String: String] = [:], parties: [String] = [], signed: String? = nil,
                country: String? = nil, priority: Int = 0, source: String? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.label = label ?? name
        // The name is an alias too (a stop phrase has only its aliases).
        if type != EntityType.stop, !name.isEmpty, !aliases.contains(where: { $0.text == name }) {
            self.aliases = [Alias(name)] + aliases
        } else {
            self.aliases = aliases
        }
        self.roles = roles
        self.codes = codes
        self.parties = parties
        self.signed = signed
        self.country = country
        self.priority = priority
        self.source = source
    }
}

/// One way of writing an entry.
public struct Alias: Sendable, Equatable, Hashable {
    /// The alias as the lexicon writes it ("Tokyo", "RAA"); it matches the tokens whose keys
    /// equal its own tokens' keys.
    public var text: String
    /// How letter case must agree for a match.
    public var casePolicy: CasePolicy
    /// What the alias is: a name, a short form, a capital, a code ...; the entity record's
    /// `alias_kind`.
    public var kind: Kind

    /// How letter case must agree for the alias to match.
    public enum CasePolicy: String, Sendable, CaseIterable {
        /// Any case, on the normalized key ("bogota" matches "Bogotá", "BOGOTA").
        case insensitive
        /// The first letter upper case, the rest in any case: "Japan" matches "Japan" and
        /// "JAPAN" but not "japan" (lacquer, or a file name). The default for names.
        case capitalized
        /// Only as written, letter for letter ("US" never matches "us"; "China" not "china").
        case exact
    }

    /// What the alias is, for consumers that care (a capital stands for its country).
    public enum Kind: String, Sendable, CaseIterable {
        /// A full name: the entry's name or another ("Islamic Republic of Afghanistan"). The
        /// default.
        case name
        /// A short or common form ("Japan", "Britain").
        case short
        /// An adjectival or demonym form ("Japanese", "Filipino").
        case adjective
        /// A capital or a major city standing for its country ("ties between Manila and Tokyo",
        /// "arrived in Osaka").
        case capital
        /// A code (ISO alpha-2 or alpha-3).
        case code
        /// An acronym ("RAA", "AANZFTA"); the entity stage also gives one to an acronym the text
        /// defines in parentheses after a name.
        case acronym
        /// A description of a person by post, not a name ("the Kenyan president", "his
        /// Senegalese counterpart"): given by the entity stage, not by lexicons.
        case description
        /// A personal pronoun ("he", "him") referring to a person named before it: given by
        /// the entity stage, not by lexicons.
        case pronoun
    }

    /// An alias of `kind`, with the case policy `defaultPolicy(for:)` gives unless one is given.
    public init(_ text: String, case casePolicy: CasePolicy? = nil, kind: Kind = .name) {
        self.text = text
        self.casePolicy = casePolicy ?? Alias.defaultPolicy(for: text)
        self.kind = kind
    }

    /// The default case policy: exact for all-caps aliases of up to five letters ("US", "UK",
    /// "RAA"), which as lower-case words are usually something else; capitalized for aliases that
    /// start with an upper-case letter (names); insensitive otherwise. Lexicons mark other
    /// ambiguous aliases ("Chad", "Jordan", "Turkey") exact themselves.
    public static func defaultPolicy(for text: String) -> CasePolicy {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same rules for ASCII, without Unicode property lookups (most aliases).
            var letters = 0, upper = 0
            var firstUpper: Bool?
            for b in text.utf8 where (b | 0x20) &- 0x61 < 26 {
                letters += 1
                let isUpper = b &- 0x41 < 26
                if isUpper { upper += 1 }
                if firstUpper == nil { firstUpper = isUpper }
            }
            if letters > 0 && letters <= 5 && upper == letters { return .exact }
            return firstUpper == true ? .capitalized : .insensitive
        }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        if !letters.isEmpty && letters.count <= 5 && letters.allSatisfy({ $0.properties.isUppercase }) {
            return .exact
        }
        if let first = letters.first, first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter {
            return .capitalized
        }
        return .insensitive
    }
}

/// An office held for a time: "Minister for Foreign Affairs of JPN from 2024-10-01 to 2025-10-21".
public struct Role: Sendable, Equatable {
    /// The office as the lexicon names it ("Minister for Foreign Affairs", "Head of State").
    public var office: String
    /// ISO 3166-1 alpha-3 code of the country, when the office is a country's.
    public var country: String?
    /// The first day in office, at the precision known (the lexicon's "2024", "2024-10" or
    /// "2024-10-01": a month or a year is kept as its first day, with that precision), or nil if
    /// unknown.
    public var start: CalendarDay?
    /// The last day in office, at the precision known (a month or a year counts to its last
    /// day); nil while the office is held.
    public var end: CalendarDay?
    /// Where the lexicon has the office from ("UN General Debate speakers"), when it says.
    public var source: String?

    /// An office held, with its country, dates and source when known.
    public init(office: String, country: String? = nil, start: CalendarDay? = nil, end: CalendarDay? = nil, source: String? = nil) {
        self.office = office
        self.country = country
        self.start = start
        self.end = end
        self.source = source
    }

    /// Whether the role was held on `day`. A partial start counts from its first day, a partial
    /// end to its last; an unknown start holds from always.
    public func isHeld(on day: CalendarDay) -> Bool {
        if let start, day < start { return false }
        if let end, day > end.lastDay { return false }
        return true
    }
}
