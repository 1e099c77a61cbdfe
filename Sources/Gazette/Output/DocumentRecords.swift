@_spi(Stages) import GazetteText

/// What `gazette extract` writes for each document.
public enum Emission: String, Sendable, CaseIterable {
    /// One record per fact (docs/schema/triple.schema.json).
    case triples
    /// One record per entity mention or date expression (docs/schema/entity.schema.json).
    case entities
    /// Both: a document's entity and date records, then its triples.
    case all
}

extension PipelineWorker {
    /// Runs one document and writes its records into `json`: entity and date records merged in
    /// text order, then triples, as `emit` asks.
    /// - Parameter fields: a JSON object of input fields carried to every record, or nil.
    /// - Returns: the number of records written.
    @_spi(Stages)
    public func writeRecords(_ text: UnsafeBufferPointer<UInt8>, document: String, date: CalendarDay?, emit: Emission,
                             fields: [UInt8]? = nil, into json: inout JSONWriter) throws(TextError) -> Int {
        let extraction = emit == .entities ? try entities(in: text, date: date) : try extract(text, date: date)
        return writeRecords(extraction, text: text, document: document, emit: emit, fields: fields, into: &json)
    }

    /// Writes the records of `extraction`, which this worker found in `text` (the document it
    /// ran last), as `writeRecords(_:document:date:emit:fields:into:)` does.
    /// - Returns: the number of records written.
    @_spi(Stages)
    public func writeRecords(_ extraction: Extraction, text: UnsafeBufferPointer<UInt8>, document: String, emit: Emission,
                             fields: [UInt8]? = nil, into json: inout JSONWriter) -> Int {
        var count = 0
        if emit != .triples {
            var cursor = CodePointCursor(valid: layer.isValidUTF8)
            var sentence = 0
            var m = 0, d = 0
            let mentions = extraction.mentions, dates = extraction.dates
            while m < mentions.count || d < dates.count {
                let takeDate = d < dates.count && (m == mentions.count || dates[d].firstToken < mentions[m].firstToken)
                let first = takeDate ? dates[d].firstToken : mentions[m].firstToken
                while Int(layer.sentences[sentence].endToken) <= first { sentence += 1 }
                if takeDate {
                    dates[d].write(document: document, text: text, layer: layer, sentence: sentence, cursor: &cursor, fields: fields, into: &json)
                    d += 1
                } else {
                    // A group ("the two leaders") is no name: its people are written where named.
                    if mentions[m].groupMembers != nil { m += 1; continue }
                    mentions[m].write(document: document, text: text, entities: extraction.entities, sentence: sentence,
                                      cursor: &cursor, fields: fields, into: &json)
                    m += 1
                }
                count += 1
            }
        }
        if emit != .entities {
            for triple in Triple.make(extraction, document: document, text: text, layer: layer, rules: pipeline.rules) {
                triple.write(fields: fields, into: &json)
                count += 1
            }
        }
        return count
    }
}
