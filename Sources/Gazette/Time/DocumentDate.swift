@_spi(Stages) import GazetteText

/// Where a document's date (its creation time, the anchor of relative dates) comes from.
public enum DocumentDateSource: String, Sendable {
    /// Given with the document (`--date`, later a field of a JSON Lines record).
    case given
    /// Read from the text: a full date in the dateline, or near the end (a "published" stamp).
    case text
}

extension DateRecognizer {
    /// The document's date as the text states it: the first full date (day, month and year) in
    /// its first 300 bytes (a dateline: "MANILA, 2025-03-14 —"), else the last one in its last
    /// 600 bytes (a stamp: "Adapted by ... from PhilStar 2025-05-29"), else nil.
    @_spi(Stages)
    public func documentDate(in layer: TextLayer, text: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary) -> CalendarDay? {
        // Only the sentences that reach into the first 300 or the last 600 bytes are read.
        let full = recognize(layer, text: text, vocabulary: vocabulary, documentDate: nil) { s in
            Int(s.start) < 300 || Int(s.end) > text.count - 600
        }.filter { $0.anchor == .absolute && $0.granularity == .day }
        let start = { (m: DateMention) in Int(layer.tokens[m.firstToken].start) }
        let pick = full.first { start($0) < 300 } ?? full.last { start($0) >= text.count - 600 }
        return pick?.value.flatMap(CalendarDay.parseDocumentDate)
    }
}
