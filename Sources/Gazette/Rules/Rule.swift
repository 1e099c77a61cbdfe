/// A relation rule as written in a rule file: a pattern matched within one sentence, and the
/// triples it emits (or, for a negative rule, the predicates whose matches it suppresses).
/// docs/rules.md is the language reference.
public struct Rule: Sendable, Equatable {
    /// The rule's id ("met.between"): unique among the rules of a pipeline.
    public var id: String
    /// The `match` pattern.
    public var pattern: RulePattern
    /// What a match emits; empty for a negative rule.
    public var emits: [Emit]
    /// Where the fact's date comes from: a date capture, none at all, or the story's day; nil
    /// means the nearest date expression of the sentence.
    public var date: DateSource?
    /// Qualifier: the capture of the `office` clause, a title or a person whose title gives
    /// the fact's office ("t" in `office t`); nil without the clause.
    public var office: String?
    /// Qualifier: the capture of the `place` clause, an entity where the fact happened ("c" in
    /// `place c`); nil without the clause.
    public var place: String?
    /// The two arguments come out in one canonical order (by entity id).
    public var symmetric = false
    /// A fact whose subject is a person of the country its object names is dropped: one does
    /// not visit one's own country.
    public var abroad = false
    /// With `abroad known`: nor one whose subject is a person of no known country (being
    /// somewhere is a visit only for someone known to be from elsewhere).
    public var abroadKnown = false
    /// Higher wins among overlapping matches of the same predicate.
    public var priority = 0
    /// For a negative rule: the predicates whose overlapping matches it suppresses.
    public var suppresses: [String] = []
    /// The rule file it was read from, as named to the parser ("(default rules)/met.rules" for
    /// a default rule).
    public var file: String
    /// The 1-based line of its `rule` line.
    public var line: Int
    /// Where the values of its `date`, `office` and `place` clauses stand, for diagnostics.
    public var clauseLocations: [String: Location] = [:]

    /// A line and a column (in code points, 1-based) of a rule file.
    public struct Location: Sendable, Equatable {
        /// The line, from 1.
        public var line: Int
        /// The column, in code points from 1.
        public var column: Int
    }

    /// A negative rule emits nothing and suppresses matches of other rules.
    public var isNegative: Bool { !suppresses.isEmpty }

    /// The predicate the rule emits (all its emits share it), or nil for a negative rule.
    public var predicate: String? { emits.first?.predicate }

    /// An `emit SUBJECT PREDICATE OBJECT` clause.
    public struct Emit: Sendable, Equatable {
        /// The subject: alternatives, tried in order (`c | a.country`).
        public var subject: [ArgumentRef]
        /// The predicate ("met").
        public var predicate: String
        /// The object: alternatives, tried in order.
        public var object: [ArgumentRef]
        /// The 1-based line of the clause, where the predicate stands.
        public var line: Int
        /// The predicate's column, in code points from 1.
        public var column: Int
    }

    /// Where a fact's date comes from, as the `date` clause says (docs/rules.md, "Dates").
    public enum DateSource: Sendable, Equatable {
        /// `date CAPTURE`: the date the capture took ("d" in `date d`), when it has a value;
        /// else the sentence's nearest date, as with no clause.
        case capture(String)
        /// `date none`: the fact takes no date.
        case none
        /// The sentence's nearest date, else the story's: the last day the text gave before the
        /// sentence (docs/rules.md, "Dates"). For events a story goes on telling.
        case story
    }

    /// An argument: a capture, or something derived from it. Alternatives are tried in order
    /// (`c | a.country`); the first that yields an entity is used.
    public struct ArgumentRef: Sendable, Equatable {
        /// The capture's name ("a" in `a.country`).
        public var capture: String
        /// What is taken from the capture's entity (`country` in `a.country`); nil for the
        /// entity itself.
        public var derived: Derived?
        /// Where the argument stands in its `emit` clause: the column, in code points from 1.
        public var column: Int

        /// What an argument takes from its capture: the word after the dot (`a.country`).
        public enum Derived: String, Sendable, Equatable {
            /// For a person: the country of the office the text (or the lexicon, on the
            /// document's date) gives them.
            case country
            /// For an agreement: each of its parties (countries) the lexicon lists, or for one
            /// the lexicon lacks, those its name gives (`DocumentEntity.parties`).
            case parties
            /// For an agreement the lexicon lacks: each country its name gives as a party
            /// (`DocumentEntity.parties`); none for a lexicon agreement, whose parties the text
            /// may not name.
            case named
            /// The capture's entity and each entity of its type listed right after it in the
            /// sentence, joined by commas and "and" ("Kenya, Uganda, the Sudan and Tanzania").
            case list
            /// For a person whose office is another country's (and no envoy's post): the
            /// country of the document's dateline ("NAIROBI, May 5 -"), when the sentence
            /// places its event nowhere else (no "in" or "at" before another country or city,
            /// no summit, sidelines, conference, forum or assembly).
            case dateline
            /// For a person whose office is another country's (and no envoy's post): the
            /// country where the match's event took place, when a place phrase in or next to
            /// the match names it ("met Y in Kyiv", "Today in Kyiv, X met Y") and the match
            /// captures a person at home there (the host); else the dateline's, as `dateline`.
            case venue
            /// As `venue`, but only the place the match's own words name: never the dateline's
            /// (a signing reported from a capital may have taken place in the other party's).
            case site
            /// The one agreement the capture's sentence names (by a name, an acronym or a reference
            /// such as "the treaty"), else the one the sentence before names when that sentence
            /// tells a signing or a ratification; none when a sentence names two: what "Ruiz
            /// signed for Peru" signed, the verb taking no object.
            case agreement

            /// Whether it places a person in a country they visited (`dateline`, `venue`, `site`).
            public var placesVisitor: Bool { self == .dateline || self == .venue || self == .site }
        }
    }
}

/// A token pattern (docs/rules.md).
public indirect enum RulePattern: Sendable, Equatable {
    /// One or more words, each matched on its normalized key ("held talks").
    case literal([String])
    /// A named class defined with `define`, and where the reference stands (for diagnostics).
    case classRef(String, line: Int, column: Int)
    /// Any token (`[]`), or a token with (or without, when negated) an attribute.
    case attribute(TokenAttribute?, negated: Bool)
    /// `!` and a one-token test: the next token fails it, or the sentence ends; consumes
    /// nothing. The test is an attribute (`![verb]`, `![!punctuation]`), single words (`!who`,
    /// `!CLASS`, `!(who | which)`), or an annotation starting there (`!@_:person`).
    case notFollowedBy(RulePattern)
    /// An annotation of a type: an entity mention, a date expression or a title; captured under
    /// `capture` unless it is nil. `line` and `column` locate the type, for diagnostics.
    case annotation(capture: String?, type: String, line: Int, column: Int)
    /// Elements matched one after another.
    case sequence([RulePattern])
    /// Branches, any one of which matches (`met | meets`).
    case alternation([RulePattern])
    /// `max` nil is unbounded.
    case repetition(RulePattern, min: Int, max: Int?)

    /// A token attribute (`[capitalized]`, `[!punctuation]`); the raw value is its name in a
    /// rule file.
    public enum TokenAttribute: String, Sendable, CaseIterable {
        /// `possessive`: the possessive "'s" (any apostrophe). `quote`: a quotation mark, double
        /// or single, straight, curly or angled. `boundary`: a token that ends a clause
        /// (`CompiledRules.boundaryWords`). `gap`: a token a rule may skip between a party and
        /// its trigger: no boundary, and no word of a person's name, so `@a:person [gap]{0,8}
        /// met` takes the person nearest the verb in its clause. `verb`: a finite verb or an
        /// auxiliary that opens a clause's predicate (`CompiledRules.predicateVerbWords`: "had",
        /// "held", "met", "was", "will", "said" ...), so that `@c:person ![verb]` is a person
        /// listed, not the subject of a clause of their own ("met X, and Y held talks with Z").
        case capitalized, allCaps = "all_caps", number, punctuation, word, symbol, possessive, quote, boundary, gap, verb
    }
}
