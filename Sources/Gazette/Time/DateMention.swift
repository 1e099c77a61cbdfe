/// A date expression in a document and its normalized value.
public struct DateMention: Sendable, Equatable {
    /// Token span.
    public var firstToken: Int
    public var endToken: Int
    /// The value in ISO 8601 at the precision the text gives ("2025-05-28", "2025-05",
    /// "2025", "2025-W22", "2025-Q2", "2025-SU", "199" for the 1990s), or a TimeML reference
    /// ("PRESENT_REF", "PAST_REF", "FUTURE_REF"); nil when it needs a document date and there is none.
    public var value: String?
    public var granularity: Granularity
    /// What the value was computed from.
    public var anchor: Anchor

    public enum Granularity: String, Sendable {
        case day, week, month, quarter, season, year, decade, reference
    }

    public enum Anchor: String, Sendable {
        /// The text gives the date in full ("28 May 2025").
        case absolute
        /// Computed from the document's date ("on Wednesday", "last year", "28 May").
        case documentDate = "document_date"
        /// Relative, and the document has no date: no value.
        case none
    }
}
