@_spi(Stages) import GazetteText

extension TextLayer {
    /// Writes one JSON Lines record per token: its text, key, kind, shape, sentence index, code
    /// point offsets (`start`, `end`: Python's `text[start:end]` gives the token back) and UTF-8
    /// byte offsets (`byte_start`, `byte_end`).
    ///
    /// - Parameters:
    ///   - text: the bytes this layer was made from.
    ///   - vocabulary: the vocabulary of the tokenizer that made it, for the keys.
    ///   - document: an id to put on each record, or nil for none.
    ///   - afterRecord: called after each record, for instance to write out and empty `json` when
    ///     it has grown, so that output streams in bounded memory.
    package func writeTokenRecords(text: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary,
                                  document: String? = nil, into json: inout JSONWriter,
                                  afterRecord: (inout JSONWriter) throws -> Void = { _ in }) throws {
        var cursor = CodePointCursor(valid: isValidUTF8)
        var sentenceIndex = 0
        for (index, token) in tokens.enumerated() {
            while sentenceIndex < sentences.count && Int(sentences[sentenceIndex].endToken) <= index {
                sentenceIndex += 1
            }
            json.beginObject()
            if let document { json.key("doc"); json.string(document) }
            json.key("i"); json.int(index)
            json.key("text"); json.string(UnsafeBufferPointer(rebasing: text[token.byteRange]))
            json.key("key"); vocabulary.withKeyBytes(token.key) { json.string($0) }
            json.key("kind"); json.string(token.kind.name)
            json.key("shape")
            json.beginArray()
            for (flag, name) in TokenShape.flagNames where token.shape.contains(flag) { json.string(name) }
            json.endArray()
            json.key("sentence"); json.int(sentenceIndex)
            json.span(token.start, token.end, cursor: &cursor, text: text)
            json.endObject()
            json.newline()
            try afterRecord(&json)
        }
    }

    /// Writes one JSON Lines record per sentence: its index, text, token range, and code point
    /// and byte offsets.
    package func writeSentenceRecords(text: UnsafeBufferPointer<UInt8>, document: String? = nil,
                                     into json: inout JSONWriter,
                                     afterRecord: (inout JSONWriter) throws -> Void = { _ in }) throws {
        var cursor = CodePointCursor(valid: isValidUTF8)
        for (index, sentence) in sentences.enumerated() {
            json.beginObject()
            if let document { json.key("doc"); json.string(document) }
            json.key("sentence"); json.int(index)
            json.key("text"); json.string(UnsafeBufferPointer(rebasing: text[sentence.byteRange]))
            json.key("first_token"); json.int(Int(sentence.firstToken))
            json.key("end_token"); json.int(Int(sentence.endToken))
            json.span(sentence.start, sentence.end, cursor: &cursor, text: text)
            json.endObject()
            json.newline()
            try afterRecord(&json)
        }
    }
}

extension JSONWriter {
    /// Writes the fields of a span given in bytes: `start` and `end` in code points, then
    /// `byte_start` and `byte_end`. Spans must come in increasing order for `cursor`.
    mutating func span(_ start: UInt32, _ end: UInt32, cursor: inout CodePointCursor, text: UnsafeBufferPointer<UInt8>) {
        key("start"); int(cursor.codePointOffset(ofByte: Int(start), in: text))
        key("end"); int(cursor.codePointOffset(ofByte: Int(end), in: text))
        key("byte_start"); int(Int(start))
        key("byte_end"); int(Int(end))
    }
}
