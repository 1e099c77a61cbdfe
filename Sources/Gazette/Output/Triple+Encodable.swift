// Triples as `Encodable` values: `JSONEncoder` (or any encoder) writes the fields of the JSON
// Lines record (docs/schema/triple.schema.json) under the same names (`Triple.DateValue` and
// `Triple.Evidence` conform where they are declared, their encoding synthesized), so Swift code can embed
// triples in documents of its own. `Triple.jsonLine` writes the record itself, faster and in
// the schema's key order; an encoder orders keys its own way.

extension Triple: Encodable {
    private enum CodingKeys: String, CodingKey {
        case schema, doc, subject, predicate, object, date, qualifiers, rule, evidence
    }

    private enum QualifierKeys: String, CodingKey {
        case office, place
    }

    /// Encodes the triple as its JSON Lines record: every field, `date` null when the fact has
    /// none, `qualifiers` holding `office` and `place` when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schema, forKey: .schema)
        try c.encode(document, forKey: .doc)
        try c.encode(subject, forKey: .subject)
        try c.encode(predicate, forKey: .predicate)
        try c.encode(object, forKey: .object)
        if let date { try c.encode(date, forKey: .date) } else { try c.encodeNil(forKey: .date) }
        var q = c.nestedContainer(keyedBy: QualifierKeys.self, forKey: .qualifiers)
        try q.encodeIfPresent(office, forKey: .office)
        try q.encodeIfPresent(place, forKey: .place)
        try c.encode(rule, forKey: .rule)
        try c.encode(evidence, forKey: .evidence)
    }
}

extension Triple.Entity: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, type, name, label, text, start, end
    }

    /// Encodes the argument as the record does: `text`, `start` and `end` null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type.rawValue, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(label, forKey: .label)
        if let text { try c.encode(text, forKey: .text) } else { try c.encodeNil(forKey: .text) }
        if let start { try c.encode(start, forKey: .start) } else { try c.encodeNil(forKey: .start) }
        if let end { try c.encode(end, forKey: .end) } else { try c.encodeNil(forKey: .end) }
    }
}
