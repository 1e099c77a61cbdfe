import GazetteText

extension EntityMention {
    /// The version of the entity record (docs/schema/entity.schema.json).
    public static let schema = "gazette.entity/1"

    /// Writes this mention as one JSON Lines record (see docs/schema/entity.schema.json).
    ///
    /// - Parameters:
    ///   - layer: the text layer of the document, for the sentence index.
    ///   - cursor: code point offsets of the document; mentions must come in text order.
    public func write(document: String, text: UnsafeBufferPointer<UInt8>, lexicon: CompiledLexicon,
                      sentence: Int, cursor: inout CodePointCursor, into json: inout JSONWriter) {
        json.beginObject()
        json.key("schema"); json.string(Self.schema)
        json.key("doc"); json.string(document)
        let entries = candidates.map { lexicon.entries[$0] }
        let types = Set(entries.map(\.type))
        json.key("type")
        if types.count == 1 { json.string(entries[0].type) } else { json.null() }
        json.key("id")
        if let entry { json.string(lexicon.entries[entry].id) } else { json.null() }
        json.key("name")
        if let entry { json.string(lexicon.entries[entry].name) } else { json.null() }
        json.key("label")
        if let entry { json.string(lexicon.entries[entry].label) } else { json.null() }
        json.key("text"); json.string(UnsafeBufferPointer(rebasing: text[byteStart..<byteEnd]))
        json.key("alias_kind"); json.string(alias.kind.rawValue)
        json.span(UInt32(byteStart), UInt32(byteEnd), cursor: &cursor, text: text)
        json.key("sentence"); json.int(sentence)
        json.key("source"); json.string(source.rawValue)
        if entry == nil {
            json.key("candidates")
            json.beginArray()
            for e in entries {
                json.beginObject()
                json.key("id"); json.string(e.id)
                json.key("type"); json.string(e.type)
                json.key("name"); json.string(e.name)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.newline()
    }
}
