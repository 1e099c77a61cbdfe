@_spi(Stages) import GazetteText

/// A fact as the output shows it: self-contained (names, surfaces, code point offsets, evidence
/// sentences), so it outlives the document's buffers. `jsonLine` is its JSON Lines record
/// (docs/schema/triple.schema.json).
public struct Triple: Sendable, Equatable {
    /// The version of the triple record.
    public static let schema = "gazette.triple/1"

    /// The document's id (the record's `doc`).
    public var document: String
    /// The first argument: who met, visited, signed, ratified, negotiated or holds an office.
    public var subject: Entity
    /// The relation: "met", "visited", "signed", "ratified", "negotiating", "holds_office", or
    /// a predicate of one's own rules.
    public var predicate: String
    /// The second argument: whom the subject met, the country visited, the agreement signed,
    /// ratified or negotiated, the country of the office held.
    public var object: Entity
    /// The fact's date; nil when the text gives it none.
    public var date: DateValue?
    /// Qualifier: the office a title gives ("Minister for Foreign Affairs"), from a rule's
    /// `office` clause (the default rules: holds_office); nil when there is none.
    public var office: String?
    /// Qualifier: where it happened, from a rule's `place` clause (the default rules: visits);
    /// nil when there is none.
    public var place: Entity?
    /// The rule of the first evidence.
    public var rule: String
    /// Every match that states the fact, in text order.
    public var evidence: [Evidence]

    /// An argument: the entity, and where the text names it (nil for an entity the fact derives,
    /// such as a person's country from the lexicon or an agreement's parties).
    public struct Entity: Sendable, Equatable {
        /// The lexicon entry's id ("Q123", "country:JPN"), or a slug of type and name for an
        /// entity found in the text ("person:enrique-manalo").
        public var id: String
        /// `.person`, `.country`, `.agreement`, or a type of a lexicon's own.
        public var type: EntityType
        /// The canonical name ("Enrique Manalo").
        public var name: String
        /// Short label; for people the surname.
        public var label: String
        /// The mention as written; nil for a derived entity.
        public var text: String?
        /// Code point offset of the mention's start in the document (Python's `text[start:end]`);
        /// nil for a derived entity.
        public var start: Int?
        /// Code point offset of the mention's end, exclusive; nil for a derived entity.
        public var end: Int?
    }

    /// The date of a fact: the value of a date expression, and where the text gives it.
    public struct DateValue: Sendable, Equatable, Encodable {
        /// ISO 8601 at the precision the text gives ("2025-05-28", "2025-04").
        public var value: String
        /// The precision of the value ("day", "month", "year" ... in the record).
        public var granularity: DateMention.Granularity
        /// The expression as written ("28 May").
        public var text: String
        /// Code point offset of the expression's start in the document.
        public var start: Int
        /// Code point offset of the expression's end, exclusive.
        public var end: Int
    }

    /// A match that states the fact: its rule, its sentence, and where the match stands.
    public struct Evidence: Sendable, Equatable, Encodable {
        /// The id of the rule that matched ("met.between").
        public var rule: String
        /// Index of the sentence in the document, from 0.
        public var sentence: Int
        /// Code point offset of the sentence's start (for a sentence over 2,000 bytes, of the
        /// part shown around the match).
        public var start: Int
        /// Code point offset of the sentence's (or the part's) end, exclusive.
        public var end: Int
        /// The sentence, or for a sentence over 2,000 bytes the whole tokens within 300 bytes
        /// of the match.
        public var text: String
        /// Code point offset of the rule's match, inclusive.
        public var matchStart: Int
        /// Code point offset of the end of the rule's match, exclusive.
        public var matchEnd: Int

        /// The record's names: the match offsets as `match_start` and `match_end`.
        private enum CodingKeys: String, CodingKey {
            case rule, sentence, start, end, text
            case matchStart = "match_start", matchEnd = "match_end"
        }
    }

    /// The triples of `extraction`'s facts, in order.
    @_spi(Stages)
    public static func make(_ extraction: Extraction, document: String, text: UnsafeBufferPointer<UInt8>,
                     layer: TextLayer, rules: CompiledRules) -> [Triple] {
        guard !extraction.facts.isEmpty else { return [] }
        // Code point offsets for every byte offset used, in one forward pass.
        var offsets: [Int] = []
        func mentionBytes(_ a: Fact.Argument?) {
            guard let m = a?.mention else { return }
            offsets.append(extraction.mentions[m].byteStart)
            offsets.append(extraction.mentions[m].byteEnd)
        }
        for fact in extraction.facts {
            mentionBytes(fact.subject)
            mentionBytes(fact.object)
            mentionBytes(fact.place)
            if let d = fact.date {
                offsets.append(Int(layer.tokens[extraction.dates[d].firstToken].start))
                offsets.append(Int(layer.tokens[extraction.dates[d].endToken - 1].end))
            }
            for e in fact.evidence {
                let match = extraction.matches[e]
                let window = evidenceWindow(match, layer: layer)
                offsets += [window.lowerBound, window.upperBound, Int(layer.tokens[match.firstToken].start), Int(layer.tokens[match.endToken - 1].end)]
            }
        }
        offsets = Array(Set(offsets)).sorted()
        var cursor = CodePointCursor(valid: layer.isValidUTF8)
        var codePoints: [Int: Int] = [:]
        for o in offsets { codePoints[o] = cursor.codePointOffset(ofByte: o, in: text) }
        func string(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }
        func entity(_ a: Fact.Argument) -> Entity {
            let e = extraction.entities[a.entity]
            var out = Entity(id: e.id, type: e.type, name: e.name, label: e.label)
            if let m = a.mention {
                let mention = extraction.mentions[m]
                out.text = string(mention.byteStart..<mention.byteEnd)
                out.start = codePoints[mention.byteStart]
                out.end = codePoints[mention.byteEnd]
            }
            return out
        }
        return extraction.facts.map { fact in
            var date: DateValue?
            if let d = fact.date, let value = extraction.dates[d].value {
                let mention = extraction.dates[d]
                let start = Int(layer.tokens[mention.firstToken].start), end = Int(layer.tokens[mention.endToken - 1].end)
                date = DateValue(value: value, granularity: mention.granularity, text: string(start..<end),
                                 start: codePoints[start]!, end: codePoints[end]!)
            }
            let evidence = fact.evidence.map { e -> Evidence in
                let match = extraction.matches[e]
                let window = evidenceWindow(match, layer: layer)
                return Evidence(rule: rules.rules[match.rule].id, sentence: match.sentence.rawValue,
                                start: codePoints[window.lowerBound]!, end: codePoints[window.upperBound]!,
                                text: string(window),
                                matchStart: codePoints[Int(layer.tokens[match.firstToken].start)]!,
                                matchEnd: codePoints[Int(layer.tokens[match.endToken - 1].end)]!)
            }
            return Triple(document: document, subject: entity(fact.subject), predicate: fact.predicate, object: entity(fact.object),
                          date: date, office: fact.office, place: fact.place.map(entity), rule: evidence[0].rule, evidence: evidence)
        }
    }

    /// Sentences longer than this many bytes are shown as the part around the match.
    static let longSentence = 2_000
    static let evidenceContext = 300

    /// The byte range of the evidence text of `match`: its sentence, or for a long sentence (a
    /// page without full stops) the whole tokens within `evidenceContext` bytes of the match, so
    /// that output stays linear in the input.
    static func evidenceWindow(_ match: RuleMatch, layer: TextLayer) -> Range<Int> {
        let sentence = layer.sentences[match.sentence]
        guard sentence.end - sentence.start > longSentence else { return sentence.byteRange }
        let matchStart = Int(layer.tokens[match.firstToken].start), matchEnd = Int(layer.tokens[match.endToken - 1].end)
        var first = match.firstToken
        while first > Int(sentence.firstToken) && matchStart - Int(layer.tokens[first - 1].start) <= evidenceContext { first -= 1 }
        var last = match.endToken - 1
        while last + 1 < Int(sentence.endToken) && Int(layer.tokens[last + 1].end) - matchEnd <= evidenceContext { last += 1 }
        return Int(layer.tokens[first].start)..<Int(layer.tokens[last].end)
    }

    /// Writes this triple as one JSON Lines record (docs/schema/triple.schema.json); `fields`, a
    /// JSON object of input fields to carry (`--keep-fields`), is written as `fields`.
    @_spi(Stages)
    public func write(fields: [UInt8]? = nil, into json: inout JSONWriter) {
        json.beginObject()
        json.key("schema"); json.string(Self.schema)
        json.key("doc"); json.string(document)
        json.key("subject"); subject.write(into: &json)
        json.key("predicate"); json.string(predicate)
        json.key("object"); object.write(into: &json)
        json.key("date")
        if let date {
            json.beginObject()
            json.key("value"); json.string(date.value)
            json.key("granularity"); json.string(date.granularity.rawValue)
            json.key("text"); json.string(date.text)
            json.key("start"); json.int(date.start)
            json.key("end"); json.int(date.end)
            json.endObject()
        } else {
            json.null()
        }
        json.key("qualifiers")
        json.beginObject()
        if let office { json.key("office"); json.string(office) }
        if let place { json.key("place"); place.write(into: &json) }
        json.endObject()
        json.key("rule"); json.string(rule)
        json.key("evidence")
        json.beginArray()
        for e in evidence {
            json.beginObject()
            json.key("rule"); json.string(e.rule)
            json.key("sentence"); json.int(e.sentence)
            json.key("start"); json.int(e.start)
            json.key("end"); json.int(e.end)
            json.key("match_start"); json.int(e.matchStart)
            json.key("match_end"); json.int(e.matchEnd)
            json.key("text"); json.string(e.text)
            json.endObject()
        }
        json.endArray()
        if let fields { json.key("fields"); json.raw(fields) }
        json.endObject()
        json.newline()
    }

    /// The JSON Lines record, newline included.
    public var jsonLine: String {
        var json = JSONWriter(capacity: 1024)
        write(into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

extension Triple.Entity {
    /// An entity with no mention: `text`, `start` and `end` are nil, as for a derived entity.
    public init(id: String, type: EntityType, name: String, label: String) {
        self.init(id: id, type: type, name: name, label: label, text: nil, start: nil, end: nil)
    }

    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.string(id)
        json.key("type"); json.string(type.rawValue)
        json.key("name"); json.string(name)
        json.key("label"); json.string(label)
        json.key("text")
        if let text { json.string(text) } else { json.null() }
        json.key("start")
        if let start { json.int(start) } else { json.null() }
        json.key("end")
        if let end { json.int(end) } else { json.null() }
        json.endObject()
    }
}
