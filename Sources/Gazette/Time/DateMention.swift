/// A date expression in a document and its normalized value.
public struct DateMention: Sendable, Equatable {
    /// Index of the expression's first token in `TextLayer.tokens`.
    public var firstToken: Int
    /// One past the index of its last token.
    public var endToken: Int
    /// The value in ISO 8601 at the precision the text gives ("2025-05-28", "2025-05",
    /// "2025", "2025-W22", "2025-Q2", "2025-SU", "199X" for the 1990s), or a TimeML reference
    /// ("PRESENT_REF", "PAST_REF", "FUTURE_REF"); nil when it needs a document date and there is none.
    public var value: String?
    /// The precision of `value`.
    public var granularity: Granularity
    /// What the value was computed from.
    public var anchor: Anchor

    /// The precision of a date's value; the raw value is the records' `granularity`.
    public enum Granularity: String, Sendable, Encodable {
        /// `day` ("2025-05-28"), `week` ("2025-W22"), `month` ("2025-05"), `quarter`
        /// ("2025-Q2"), `season` ("2025-SU"), `year` ("2025"), `decade` ("199X"), or
        /// `reference`: "now", "recently", "the future" (PRESENT_REF, PAST_REF, FUTURE_REF).
        case day, week, month, quarter, season, year, decade, reference
    }

    /// What a date's value was computed from; the raw value is the entity record's `anchor`.
    public enum Anchor: String, Sendable {
        /// The text gives the date in full ("28 May 2025").
        case absolute
        /// Computed from the document's date ("on Wednesday", "last year", "28 May").
        case documentDate = "document_date"
        /// Relative, and the document has no date: no value.
        case none
    }
}
