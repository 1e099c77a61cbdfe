/// Scores extraction output against a `GoldSet` (`gazette eval`): precision, recall and F1 of
/// triples, overall and by predicate; date accuracy on the matched triples the gold dates;
/// entity recall by type and precision over distinct entities.
///
/// The rules are those of news-dev's `GUIDE.md`, applied as its reference scorer `score.py`
/// applies them, so that both give the same figures on the same output:
/// - a gold triple matches the first unused system triple of its document and predicate whose
///   subject and object match its own by name (`NameMatch`), either way round for `met`;
/// - an optional gold triple counts neither way: it is no miss when not found, and the system
///   triple it matches is no extra;
/// - a system triple is an extra when it matches no gold triple of its document, of a predicate
///   the gold annotates somewhere;
/// - a matched triple's date is right when it equals the gold date, or lies inside a gold
///   interval at the same precision; a null gold date, or a `holds_office` triple, is not scored;
/// - a gold entity is found when a system entity of its document and type matches one of its
///   names; system entities are counted once per document, type and first name, and are extras
///   when they match no gold entity (optional ones included) of a document with gold entities.
///
/// Records are read loosely, the way `score.py` reads them, so any output with `doc` ids can be
/// scored: a record with a predicate, a subject and an object is a triple; any other record
/// with a `type` is an entity.
package struct Evaluation: Sendable {
    package let gold: GoldSet
    var triples: [SystemTriple] = []
    var entities: [SystemEntity] = []

    package init(gold: GoldSet) { self.gold = gold }

    /// A triple as the scorer reads it: every string of its subject and object.
    struct SystemTriple: Sendable {
        var document: String
        var predicate: String
        var subject: [NameMatch.Name]
        var object: [NameMatch.Name]
        var date: String?
        /// The record's rule and its first evidence sentence, when it has them.
        var rule: String?
        var sentence: Int?
        var subjectText: String
        var objectText: String
    }

    /// An entity record as the scorer reads it.
    struct SystemEntity: Sendable {
        var document: String
        var type: String
        var names: [NameMatch.Name]
        var firstName: String
        var sentence: Int?
    }

    /// Adds one output record (a JSON object, as `gazette extract` writes them). Lines that are
    /// not JSON objects are passed over, as `score.py` passes them over.
    package mutating func add(record line: [UInt8]) {
        guard let tree = try? JSONLine.tree(line), case .object = tree else { return }
        add(tree)
    }

    /// Adds every line of `jsonLines`.
    package mutating func add(records jsonLines: [UInt8]) {
        for line in jsonLines.split(separator: 0x0A) { add(record: Array(line)) }
    }

    mutating func add(_ r: JSONTree) {
        let document = Self.documentOf(r)
        let p = Self.predicateOf(r)
        let s = Self.first(r, ["subject", "s", "arg1", "head"]), o = Self.first(r, ["object", "o", "arg2", "tail"])
        if let p, let s, let o {
            let sNames = Self.strings(s), oNames = Self.strings(o)
            var rule: String?, sentence: Int?
            if case .string(let name)? = r["rule"] { rule = name }
            if case .array(let evidence)? = r["evidence"], let e = evidence.first {
                if case .string(let name)? = e["rule"] { rule = name }
                if case .number(let n)? = e["sentence"] { sentence = Int(n) }
            }
            triples.append(SystemTriple(document: document, predicate: p, subject: sNames.map { NameMatch.Name(NameMatch.normalize($0)) },
                                        object: oNames.map { NameMatch.Name(NameMatch.normalize($0)) },
                                        date: Self.dateValue(Self.first(r, ["date", "time", "when"])), rule: rule, sentence: sentence,
                                        subjectText: Self.display(s, sNames), objectText: Self.display(o, oNames)))
            return
        }
        guard case .string(let type)? = Self.first(r, ["type", "entity_type", "kind", "label"]) else { return }
        var names = Self.strings(Self.first(r, ["entity", "canonical", "name"]))
        names += Self.strings(Self.first(r, ["text", "surface", "mention"]))
        names += Self.strings(r["id_name"])
        var sentence: Int?
        if case .number(let n)? = r["sentence"] { sentence = Int(n) }
        entities.append(SystemEntity(document: document, type: type.lowercased(), names: names.map { NameMatch.Name(NameMatch.normalize($0)) },
                                     firstName: names.first ?? "", sentence: sentence))
    }

    // MARK: Reading records loosely

    /// The first of `keys` that `object` has with a value other than null or "".
    static func first(_ object: JSONTree?, _ keys: [String]) -> JSONTree? {
        guard let object, case .object = object else { return nil }
        for key in keys {
            switch object[key] {
            case nil, .null?, .string("")?: continue
            case let value?: return value
            }
        }
        return nil
    }

    /// Every string inside `value`, leaving out offsets, evidence and candidates.
    static func strings(_ value: JSONTree?) -> [String] {
        switch value {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.flatMap { strings($0) }
        case .object(let fields)?:
            let skipped: Set<String> = ["start", "end", "offsets", "byte_start", "byte_end", "evidence", "sentence", "candidates"]
            // A repeated key counts once, with its last value, as a JSON object in Python.
            var seen = Set<String>()
            var out: [String] = []
            for field in fields where !skipped.contains(field.key) && seen.insert(field.key).inserted {
                out += strings(value?[field.key])
            }
            return out
        default: return []
        }
    }

    static func predicateOf(_ r: JSONTree) -> String? {
        var p = first(r, ["predicate", "p", "relation", "rel", "label"])
        if case .object? = p { p = first(p, ["name", "id", "label"]) }
        if case .string(let s)? = p { return s }
        return nil
    }

    static func documentOf(_ r: JSONTree) -> String {
        var d = first(r, ["doc", "document", "doc_id", "document_id", "docid"])
        if case .object? = d { d = first(d, ["id", "name"]) }
        if d == nil { d = r["id"] }
        switch d {
        case .string(let s)?: return s
        case .number(let n)?: return n
        case .bool(let b)?: return b ? "True" : "False"
        case nil, .null?: return "?"
        default: return "?"
        }
    }

    static func dateValue(_ value: JSONTree?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .object?:
            if case .string(let s)? = first(value, ["value", "iso", "normalized", "date"]) { return s }
            return nil
        default: return nil
        }
    }

    /// A short name for an argument, for listings.
    static func display(_ value: JSONTree, _ names: [String]) -> String {
        if case .string(let name)? = value["name"] { return name }
        return names.first ?? "?"
    }

    /// Whether a system date matches a gold date: equal, or a gold interval "A/B" given as the
    /// same interval or as a date inside it at A's precision.
    static func dateMatches(gold: String, system: String?) -> Bool {
        guard let system, !system.isEmpty else { return false }
        if system == gold { return true }
        guard let slash = gold.firstIndex(of: "/") else { return false }
        let a = gold[..<slash], b = gold[gold.index(after: slash)...]
        if let s = system.firstIndex(of: "/") {
            return system[..<s] == a && system[system.index(after: s)...] == b
        }
        return system.count == a.count && a <= system && system <= b
    }
}
