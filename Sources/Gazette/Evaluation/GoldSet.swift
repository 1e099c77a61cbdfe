import Foundation

/// Annotated documents to score extraction against (`gazette eval`): gold entities and triples
/// per document, in the JSON Lines format of docs/evaluation.md.
///
/// Each line is an object with `doc` and `kind`:
/// - `entity`: `type` (person, country, agreement), `name`, `aliases` (a list), `optional`;
/// - `triple`: `s`, `p`, `o`, `date` (ISO 8601 or an interval `A/B`, or null), `optional`;
///   `s` and `o` must be the name or an alias of an entity of the same document;
/// - `not_entity`: `type`, `text`: a text that must not come out as an entity of that type.
///
/// Other fields (`note`, `office`) are read past.
package struct GoldSet: Sendable {
    /// The predicates a gold triple may have.
    package static let predicates: Set<String> = ["met", "visited", "signed", "ratified", "negotiating", "holds_office"]
    /// The predicates whose two arguments may come in either order.
    package static let symmetricPredicates: Set<String> = ["met"]

    package struct Entity: Sendable, Equatable {
        package var document: String
        package var type: String
        package var name: String
        package var aliases: [String]
        package var optional: Bool
        /// The name, then the aliases.
        package var names: [String] { [name] + aliases }
    }

    package struct Triple: Sendable, Equatable {
        package var document: String
        package var subject: String
        package var predicate: String
        package var object: String
        /// An ISO 8601 date or interval, or nil when the gold gives none (not evaluated).
        package var date: String?
        package var optional: Bool
        /// Where it was read: `file:line`.
        package var place: String
    }

    package struct Forbidden: Sendable, Equatable {
        package var type: String
        package var text: String
    }

    package var entities: [Entity] = []
    package var triples: [Triple] = []
    package var forbidden: [Forbidden] = []

    package init() {}

    /// The documents the gold names, in the order they first appear.
    package var documents: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for d in entities.map(\.document) + triples.map(\.document) where seen.insert(d).inserted { out.append(d) }
        return out
    }

    /// The part of the set about the documents in `keep`.
    package func restricted(to keep: Set<String>) -> GoldSet {
        var out = GoldSet()
        out.entities = entities.filter { keep.contains($0.document) }
        out.triples = triples.filter { keep.contains($0.document) }
        out.forbidden = forbidden
        return out
    }

    /// Reads the gold file at `path`.
    /// - Throws: `DiagnosticList` with every problem of the file (or the reason it cannot be read).
    package static func load(path: String) throws(DiagnosticList) -> GoldSet {
        let (set, diagnostics) = parse(try readFile(path), file: path)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return set
    }

    /// Parses gold lines `bytes`, named `file` in diagnostics: every problem is collected.
    package static func parse(_ bytes: [UInt8], file: String) -> (GoldSet, [Diagnostic]) {
        var set = GoldSet()
        var diagnostics: [Diagnostic] = []
        var tripleLines: [(LexiconParser.LineContext, Int)] = []
        forEachObject(bytes, file: file, diagnostics: &diagnostics) { context, object in
            guard let document = context.requireDocument(object), let kind = context.requireString(object, "kind") else { return }
            var optional = false
            switch object["optional"] {
            case nil, .null?: break
            case .bool(let value)?: optional = value
            default: context.fail("\"optional\" is not true or false", at: object.offset(of: "optional")); return
            }
            switch kind {
            case "entity":
                guard let type = context.requireEntityType(object), let name = context.requireName(object, "name") else { return }
                var aliases: [String] = []
                switch object["aliases"] {
                case nil, .null?: break
                case .array(let items)?:
                    for item in items {
                        guard case .string(let alias) = item else { context.fail("\"aliases\" holds a value that is not a string", at: object.offset(of: "aliases")); return }
                        aliases.append(alias)
                    }
                default: context.fail("\"aliases\" is not a list of strings", at: object.offset(of: "aliases")); return
                }
                set.entities.append(Entity(document: document, type: type, name: name, aliases: aliases, optional: optional))
            case "triple":
                guard let s = context.requireName(object, "s"), let p = context.requireString(object, "p"),
                      let o = context.requireName(object, "o") else { return }
                guard predicates.contains(p) else {
                    context.fail("unknown predicate \"\(p)\" (known: \(predicates.sorted().joined(separator: ", ")))", at: object.offset(of: "p"))
                    return
                }
                var date: String?
                switch object["date"] {
                case nil: context.fail("no \"date\" field (null when the text gives no date)"); return
                case .null?: break
                case .string(let value)? where isGoldDate(value): date = value
                default:
                    context.fail("\"date\" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B) or null", at: object.offset(of: "date"))
                    return
                }
                set.triples.append(Triple(document: document, subject: s, predicate: p, object: o, date: date, optional: optional,
                                          place: "\(file):\(context.line)"))
                tripleLines.append((context, set.triples.count - 1))
            case "not_entity":
                guard let type = context.requireEntityType(object), let text = context.requireString(object, "text") else { return }
                set.forbidden.append(Forbidden(type: type, text: text))
            default:
                context.fail("unknown kind \"\(kind)\" (known: entity, triple, not_entity)", at: object.offset(of: "kind"))
            }
        }
        // A triple's arguments are entities of its document, by name or alias.
        var names: [String: Set<String>] = [:]
        for e in set.entities { names[e.document, default: []].formUnion(e.names.map(NameMatch.normalize)) }
        for (context, index) in tripleLines {
            var context = context
            let t = set.triples[index]
            for argument in [t.subject, t.object] where !(names[t.document]?.contains(NameMatch.normalize(argument)) ?? false) {
                context.fail("\"\(argument)\" is not the name or an alias of an entity of document \(t.document)")
            }
            diagnostics += context.diagnostics
        }
        diagnostics.sort { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        if diagnostics.isEmpty && set.entities.isEmpty && set.triples.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: 0, message: "no entity or triple lines: nothing to score against"))
        }
        return (set, diagnostics)
    }

    /// "2025", "2025-05", "2025-05-28" (a day of the calendar), or two of them at the same
    /// precision as an interval "A/B" with A before B.
    static func isGoldDate(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        // A date, with no time after it.
        let valid = parts.allSatisfy { $0.utf8.count <= 10 && CalendarDay(iso: String($0)) != nil }
        guard valid, parts.count == 2 else { return valid }
        return parts[0].count == parts[1].count && parts[0] < parts[1]
    }
}

/// Each document's date and split, from a meta file (`gazette eval --meta`): one JSON object a
/// line with `doc`, `dct` (the document's date, or null) and `split`.
package struct DocumentMeta: Sendable, Equatable {
    package var document: String
    package var date: CalendarDay?
    package var split: String?

    /// Reads the meta file at `path`, in its order.
    /// - Throws: `DiagnosticList` with every problem of the file.
    package static func load(path: String) throws(DiagnosticList) -> [DocumentMeta] {
        var out: [DocumentMeta] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        forEachObject(try readFile(path), file: path, diagnostics: &diagnostics) { context, object in
            guard let document = context.requireDocument(object) else { return }
            if let first = seen[document] {
                context.fail("document \(document) is already listed on line \(first)", at: object.offset(of: "doc"))
                return
            }
            seen[document] = context.line
            var meta = DocumentMeta(document: document)
            switch object["dct"] ?? object["date"] {
            case nil, .null?: break
            case .string(let text)?:
                guard let day = CalendarDay.parseDocumentDate(text) else {
                    context.fail("\"dct\" is not a date: \(text)", at: object.offset(of: "dct") ?? object.offset(of: "date"))
                    return
                }
                meta.date = day
            default:
                context.fail("\"dct\" is not a string or null", at: object.offset(of: "dct") ?? object.offset(of: "date"))
                return
            }
            switch object["split"] {
            case nil, .null?: break
            case .string(let split)?: meta.split = split
            default: context.fail("\"split\" is not a string", at: object.offset(of: "split")); return
            }
            out.append(meta)
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return out
    }

    package init(document: String, date: CalendarDay? = nil, split: String? = nil) {
        self.document = document
        self.date = date
        self.split = split
    }
}

/// Calls `body` with each line of `bytes` that is a JSON object (blank lines skipped), adding a
/// diagnostic for each line that is not valid UTF-8, not JSON or not an object.
func forEachObject(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic],
                   _ body: (inout LexiconParser.LineContext, JSONTree) -> Void) {
    var lineNumber = 0
    // A byte order mark before the first line is no part of it.
    let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    for rawLine in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineNumber += 1
        var line = rawLine
        if line.last == 0x0D { line = line.dropLast() }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
        guard line.withUnsafeBufferPointer(UTF8Scanner.isValid) else {
            diagnostics.append(Diagnostic(file: file, line: lineNumber, column: LexiconParser.validPrefixLength(line) + 1, message: "invalid UTF-8"))
            continue
        }
        var context = LexiconParser.LineContext(file: file, line: lineNumber, bytes: Array(line))
        do {
            let tree = try JSONLine.tree(context.bytes)
            if case .object(let fields) = tree {
                var seen = Set<String>()
                if let repeated = fields.first(where: { !seen.insert($0.key).inserted }) {
                    context.fail("the field \"\(repeated.key)\" appears twice", at: repeated.offset)
                } else {
                    body(&context, tree)
                }
            } else {
                context.fail("not a JSON object")
            }
        } catch {
            context.fail("not valid JSON: \(error.message)", at: error.column - 1)
        }
        diagnostics += context.diagnostics
    }
}

extension LexiconParser.LineContext {
    /// The document id `doc` of `object`: a file name under the documents' folder, so neither
    /// empty, nor absolute, nor with a ".." step.
    mutating func requireDocument(_ object: JSONTree) -> String? {
        guard let id = requireString(object, "doc") else { return nil }
        if id.isEmpty || id.hasPrefix("/") || id.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            fail("\"doc\" is not a document id (a file name under the documents' folder): \"\(id)\"", at: object.offset(of: "doc"))
            return nil
        }
        return id
    }

    /// The entity type `type` of `object`: person, country or agreement.
    mutating func requireEntityType(_ object: JSONTree) -> String? {
        guard let type = requireString(object, "type") else { return nil }
        guard ["person", "country", "agreement"].contains(type) else {
            fail("unknown entity type \"\(type)\" (known: person, country, agreement)", at: object.offset(of: "type"))
            return nil
        }
        return type
    }

    /// The name field `key` of `object`, which must hold a letter or digit that names are
    /// compared by (a Latin letter or a digit, once folded): another would match nothing.
    mutating func requireName(_ object: JSONTree, _ key: String) -> String? {
        guard let name = requireString(object, key) else { return nil }
        guard !NameMatch.normalize(name).isEmpty else {
            fail("\"\(key)\" has no Latin letter or digit to compare names by: \"\(name)\"", at: object.offset(of: key))
            return nil
        }
        return name
    }

    /// The string field `key` of `object`, or nil with a diagnostic when it is missing or not a
    /// string.
    mutating func requireString(_ object: JSONTree, _ key: String) -> String? {
        switch object[key] {
        case .string(let value)?: return value
        case nil, .null?: fail("no \"\(key)\" field"); return nil
        default: fail("\"\(key)\" is not a string", at: object.offset(of: key)); return nil
        }
    }
}
