@_spi(Stages) import GazetteText

extension EntityMention {
    /// The version of the entity record (docs/schema/entity.schema.json).
    public static let schema = "gazette.entity/1"

    /// Writes this mention as one JSON Lines record (see docs/schema/entity.schema.json).
    ///
    /// - Parameters:
    ///   - entities: the document's entities, which `candidates` index.
    ///   - sentence: the index of the sentence holding the mention.
    ///   - cursor: code point offsets of the document; mentions must come in text order.
    ///   - fields: a JSON object of input fields to carry (`--keep-fields`), written as `fields`.
    @_spi(Stages)
    public func write(document: String, text: UnsafeBufferPointer<UInt8>, entities: [DocumentEntity],
                      sentence: Int, cursor: inout CodePointCursor, fields: [UInt8]? = nil, into json: inout JSONWriter) {
        json.beginObject()
        json.key("schema"); json.string(Self.schema)
        json.key("doc"); json.string(document)
        let named = candidates.map { entities[$0] }
        let types = Set(named.map(\.type))
        json.key("type")
        if types.count == 1 { json.string(named[0].type.rawValue) } else { json.null() }
        let resolved = entity.map { entities[$0] }
        json.key("id"); optional(resolved?.id, &json)
        json.key("name"); optional(resolved?.name, &json)
        json.key("label"); optional(resolved?.label, &json)
        json.key("text"); json.string(UnsafeBufferPointer(rebasing: text[byteStart..<byteEnd]))
        json.key("alias_kind"); json.string(aliasKind.rawValue)
        json.span(UInt32(byteStart), UInt32(byteEnd), cursor: &cursor, text: text)
        json.key("sentence"); json.int(sentence)
        json.key("source"); json.string(source.rawValue)
        if let office = resolved?.office { json.key("office"); json.string(office) }
        if let country = resolved?.country { json.key("country"); json.string(country) }
        if resolved == nil {
            json.key("candidates")
            json.beginArray()
            for e in named {
                json.beginObject()
                json.key("id"); json.string(e.id)
                json.key("type"); json.string(e.type.rawValue)
                json.key("name"); json.string(e.name)
                json.endObject()
            }
            json.endArray()
        }
        if let fields { json.key("fields"); json.raw(fields) }
        json.endObject()
        json.newline()
    }

    private func optional(_ value: String?, _ json: inout JSONWriter) {
        if let value { json.string(value) } else { json.null() }
    }
}

extension DateMention {
    /// Writes this date as one JSON Lines record of type "date" (docs/schema/entity.schema.json).
    @_spi(Stages)
    public func write(document: String, text: UnsafeBufferPointer<UInt8>, layer: TextLayer, sentence: Int,
                      cursor: inout CodePointCursor, fields: [UInt8]? = nil, into json: inout JSONWriter) {
        let start = Int(layer.tokens[firstToken].start), end = Int(layer.tokens[endToken - 1].end)
        json.beginObject()
        json.key("schema"); json.string(EntityMention.schema)
        json.key("doc"); json.string(document)
        json.key("type"); json.string("date")
        json.key("id"); json.null()
        json.key("name"); json.null()
        json.key("label"); json.null()
        json.key("text"); json.string(UnsafeBufferPointer(rebasing: text[start..<end]))
        json.span(UInt32(start), UInt32(end), cursor: &cursor, text: text)
        json.key("sentence"); json.int(sentence)
        json.key("source"); json.string("pattern")
        json.key("value")
        if let value { json.string(value) } else { json.null() }
        json.key("granularity"); json.string(granularity.rawValue)
        json.key("anchor"); json.string(anchor.rawValue)
        if let fields { json.key("fields"); json.raw(fields) }
        json.endObject()
        json.newline()
    }
}
