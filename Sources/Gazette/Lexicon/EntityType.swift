/// The type of an entity or lexicon entry: one of the built-in types, or a type of the user's
/// that a lexicon file names ("organisation"). Compared as a value, written as its raw string
/// ("person") in JSON; a string literal is one (`entry.type == "person"`).
public struct EntityType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The type as written in lexicon files and output records.
    public var rawValue: String

    /// The type named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The type named by a string literal.
    public init(stringLiteral value: String) { rawValue = value }

    /// The raw string.
    public var description: String { rawValue }

    /// A person (people lexicon, or a name found after a title).
    public static let person: EntityType = "person"
    /// A country (ISO 3166-1), also named by its capital or demonym.
    public static let country: EntityType = "country"
    /// A named agreement: a treaty, accord, convention or pact.
    public static let agreement: EntityType = "agreement"
    /// A stop phrase: a lexicon entry that blocks matches inside it and is no entity.
    public static let stop: EntityType = "stop"
    /// A title before a name ("Foreign Minister"): a lexicon entry that is no entity.
    public static let title: EntityType = "title"
}
