import Foundation
import Testing
@_spi(Stages) import Gazette

@Suite("JSON writer")
struct JSONWriterTests {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static let strings: [(String, String)] = [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\rcr", #""line\nbreak\ttab\rcr""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{01}\u{1F}", #""\u0001\u001f""#),
        ("Đà Nẵng 東京 👨‍👩‍👧", "\"Đà Nẵng 東京 👨‍👩‍👧\""),
        ("\u{2028}", "\"\u{2028}\""),
        ("/", #""/""#),
    ]

    @Test(arguments: strings)
    func escapes(_ value: String, _ expected: String) throws {
        let out = written { $0.string(value) }
        #expect(out == expected)
        // And a JSON parser reads the value back.
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == value)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var json = JSONWriter()
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x80, 0x63, 0xF0, 0x9F, 0x98]
        bytes.withUnsafeBufferPointer { json.string($0) }
        #expect(String(validating: json.bytes, as: UTF8.self) == "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}\"")
    }

    @Test(arguments: [0, 7, -1, 42, 1_000_000, Int.max, Int.min])
    func integers(_ value: Int) {
        #expect(written { $0.int(value) } == String(value))
    }

    @Test func nestingAndCommas() throws {
        let out = written { json in
            json.beginObject()
            json.key("a"); json.int(1)
            json.key("b"); json.beginArray(); json.string("x"); json.null(); json.bool(true); json.bool(false); json.endArray()
            json.key("c"); json.beginObject(); json.endObject()
            json.key("d"); json.beginArray(); json.beginObject(); json.key("e"); json.int(2); json.endObject(); json.beginArray(); json.endArray(); json.endArray()
            json.endObject()
            json.newline()
            json.beginObject(); json.key("next"); json.int(3); json.endObject()
            json.newline()
        }
        #expect(out == "{\"a\":1,\"b\":[\"x\",null,true,false],\"c\":{},\"d\":[{\"e\":2},[]]}\n{\"next\":3}\n")
    }
}

@Suite("Token records")
struct TokenRecordTests {
    /// Each record's code point offsets slice the text back to the token, as Python's
    /// `text[start:end]` would, and byte offsets slice the UTF-8 bytes.
    @Test(arguments: [
        "Manalo met Iwaya in Đà Nẵng on 2025-05-28.",
        "東京で会談した。👨‍👩‍👧 “near-alliance” — ok",
        "Bogota\u{0301} and Zürich's ties",
    ])
    func offsetsSliceBack(_ text: String) throws {
        let tokenizer = try Tokenizer()
        let bytes = Array(text.utf8)
        var json = JSONWriter()
        let layer = try tokenizer.analyze(bytes)
        try bytes.withUnsafeBufferPointer { try layer.writeTokenRecords(text: $0, vocabulary: tokenizer.vocabulary, document: "d1", into: &json) }
        let scalars = Array(text.unicodeScalars)
        let lines = json.bytes.split(separator: 0x0A)
        #expect(lines.count == layer.tokens.count)
        for (i, line) in lines.enumerated() {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let tokenText = try #require(record["text"] as? String)
            let start = try #require(record["start"] as? Int), end = try #require(record["end"] as? Int)
            let byteStart = try #require(record["byte_start"] as? Int), byteEnd = try #require(record["byte_end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == tokenText)
            #expect(String(decoding: bytes[byteStart..<byteEnd], as: UTF8.self) == tokenText)
            #expect(record["doc"] as? String == "d1")
            #expect(record["i"] as? Int == i)
            #expect(record["key"] as? String == tokenizer.vocabulary.key(layer.tokens[i].key))
            let sentence = try #require(layer.sentences.firstIndex { $0.tokenRange.contains(i) })
            #expect(record["sentence"] as? Int == sentence)
        }
    }

    @Test func sentenceRecords() throws {
        let text = "Mr. Iwaya met Manalo. They agreed on Sept. 21 to meet again."
        let tokenizer = try Tokenizer()
        let bytes = Array(text.utf8)
        let layer = try tokenizer.analyze(bytes)
        var json = JSONWriter()
        try bytes.withUnsafeBufferPointer { try layer.writeSentenceRecords(text: $0, into: &json) }
        let records = try json.bytes.split(separator: 0x0A).map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
        #expect(records.map { $0["text"] as? String } == ["Mr. Iwaya met Manalo.", "They agreed on Sept. 21 to meet again."])
        #expect(records.map { $0["first_token"] as? Int } == [0, 5])
        #expect(records[1]["start"] as? Int == 22)
    }

    /// A triple encoded by `JSONEncoder` holds the record `jsonLine` writes: the same fields and
    /// values (an encoder orders keys its own way), nulls included.
    @Test func anEncodedTripleIsItsRecord() throws {
        let worker = try sharedPipeline().makeWorker()
        let text = "Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Manila on Tuesday."
        let triples = try worker.triples(in: text, document: "d1", date: CalendarDay.parseDocumentDate("2025-05-29"))
        #expect(triples.count == 3)
        for triple in triples {
            let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(triple)) as? NSDictionary
            let record = try JSONSerialization.jsonObject(with: Data(triple.jsonLine.utf8)) as? NSDictionary
            #expect(encoded != nil && encoded == record)
        }
        // The dated one carries its date; the office its qualifier.
        let met = try #require(triples.first { $0.predicate == "met" })
        let encoded = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(met)) as? [String: Any])
        #expect((encoded["date"] as? [String: Any])?["granularity"] as? String == "day")
        #expect((encoded["subject"] as? [String: Any])?["type"] as? String == "person")
    }
}
