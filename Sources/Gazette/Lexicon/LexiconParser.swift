import Foundation

/// Reads lexicon files: JSON Lines, one entry per line (see Lexicons/README.md for the format).
///
/// Blank lines and lines whose first non-blank character is `#` are skipped. Every problem of a
/// file is collected, with its line and column, before anything is reported: a malformed line
/// never silently drops an entry.
public enum LexiconParser {
    static let entryFields: Set<String> = ["id", "type", "name", "label", "aliases", "roles", "codes", "parties", "signed", "country", "priority", "source"]

    /// Parses the lexicon text `bytes`, named `file` in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            guard let firstNonBlank = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            if line[firstNonBlank] == UInt8(ascii: "#") { continue }
            guard line.withUnsafeBufferPointer(UTF8Scanner.isValid) else {
                let valid = validPrefixLength(line)
                diagnostics.append(Diagnostic(file: file, line: lineNumber, column: valid + 1, message: "invalid UTF-8"))
                continue
            }
            var context = LineContext(file: file, line: lineNumber, bytes: Array(line))
            if let entry = parseEntry(&context) { entries.append(entry) }
            diagnostics += context.diagnostics
        }
        return (entries, diagnostics)
    }

    /// Reads and parses the lexicon file at `path`.
    /// - Throws: `DiagnosticList` with every problem of the file (or the reason it cannot be read).
    public static func load(path: String) throws(DiagnosticList) -> [LexiconEntry] {
        let (entries, diagnostics) = parse(try readFile(path, folder: "is a directory, not a lexicon file"), file: path)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return entries
    }

    /// The number of code points before the first ill-formed byte of `line`.
    static func validPrefixLength(_ line: ArraySlice<UInt8>) -> Int {
        line.withUnsafeBufferPointer { bytes in
            var count = 0, offset = 0
            while offset < bytes.count {
                let result = UTF8Scanner.decode(bytes, at: offset)
                if !result.valid { break }
                count += 1
                offset += result.length
            }
            return count
        }
    }

    struct LineContext {
        let file: String
        let line: Int
        let bytes: [UInt8]
        var diagnostics: [Diagnostic] = []

        /// The 1-based column, in code points, of byte `offset` of the line.
        func column(ofByte offset: Int) -> Int {
            var count = 1
            for byte in bytes.prefix(offset) where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }

        /// Reports `message` at byte `offset` of the line (a field's name), else at its start.
        mutating func fail(_ message: String, at offset: Int? = nil) {
            diagnostics.append(Diagnostic(file: file, line: line, column: offset.map(column(ofByte:)) ?? 1, message: message))
        }
    }

    static func parseEntry(_ c: inout LineContext) -> LexiconEntry? {
        let object: JSONTree
        do {
            object = try JSONLine.tree(c.bytes)
        } catch {
            c.fail("not valid JSON: \(error.message)", at: error.column - 1)
            return nil
        }
        guard case .object(let fields) = object else {
            c.fail("expected a JSON object: one lexicon entry per line")
            return nil
        }
        let before = c.diagnostics.count
        for field in fields where !entryFields.contains(field.key) {
            c.fail("unknown field \"\(field.key)\"; expected one of \(entryFields.sorted().joined(separator: ", "))", at: field.offset)
        }
        let id = requiredString(object, "id", &c)
        let type = requiredString(object, "type", &c).map(EntityType.init(rawValue:))
        let name = type == .stop ? (optionalString(object, "name", &c) ?? "") : requiredString(object, "name", &c)
        let label = optionalString(object, "label", &c)
        let signed = optionalString(object, "signed", &c)
        let country = optionalString(object, "country", &c)
        let source = optionalString(object, "source", &c)
        var priority = 0
        if let value = object["priority"] {
            if case .number(let text) = value, let number = Int(text) { priority = number } else { c.fail("\"priority\" must be an integer", at: object.offset(of: "priority")) }
        }
        var aliases: [Alias] = []
        if let value = object["aliases"] {
            if case .array(let list) = value {
                for item in list {
                    switch item {
                    case .string(let text): aliases.append(Alias(text))
                    case .object: if let parsed = parseAlias(item, anchor: object.offset(of: "aliases"), &c) { aliases.append(parsed) }
                    default: c.fail("each alias must be a string or an object with \"text\"", at: object.offset(of: "aliases"))
                    }
                }
            } else {
                c.fail("\"aliases\" must be a list", at: object.offset(of: "aliases"))
            }
        }
        var roles: [Role] = []
        if let value = object["roles"] {
            if case .array(let list) = value, list.allSatisfy({ if case .object = $0 { true } else { false } }) {
                for item in list { if let role = parseRole(item, anchor: object.offset(of: "roles"), &c) { roles.append(role) } }
            } else {
                c.fail("\"roles\" must be a list of objects with \"office\"", at: object.offset(of: "roles"))
            }
        }
        var codes: [String: String] = [:]
        if let value = object["codes"] {
            if case .object(let map) = value, map.allSatisfy({ $0.value.string != nil }) {
                for field in map { codes[field.key] = field.value.string }
            } else {
                c.fail("\"codes\" must be an object of strings", at: object.offset(of: "codes"))
            }
        }
        var parties: [String] = []
        if let value = object["parties"] {
            if case .array(let list) = value, list.allSatisfy({ $0.string != nil }) {
                parties = list.compactMap(\.string)
            } else {
                c.fail("\"parties\" must be a list of strings", at: object.offset(of: "parties"))
            }
        }
        if let signed, CalendarDay(iso: signed) == nil {
            c.fail("\"signed\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got \"\(signed)\"", at: object.offset(of: "signed"))
        }
        if let id, id.isEmpty { c.fail("\"id\" must not be empty", at: object.offset(of: "id")) }
        if let name, name.isEmpty, aliases.isEmpty {
            c.fail("an entry needs a \"name\" or at least one alias", at: object.offset(of: "aliases"))
        }
        guard c.diagnostics.count == before, let id, let type, let name else { return nil }
        return LexiconEntry(id: id, type: type, name: name, label: label, aliases: aliases, roles: roles,
                            codes: codes, parties: parties, signed: signed, country: country, priority: priority, source: source)
    }

    static func parseAlias(_ object: JSONTree, anchor: Int?, _ c: inout LineContext) -> Alias? {
        rejectUnknownFields(object, allowed: ["text", "case", "kind"], of: "alias", &c)
        guard let text = requiredText(object, "text", of: "an alias object", at: anchor, &c) else { return nil }
        guard let policy: Alias.CasePolicy? = optionalEnum(object, "case", &c),
              let kind: Alias.Kind? = optionalEnum(object, "kind", &c) else { return nil }
        return Alias(text, case: policy, kind: kind ?? .name)
    }

    static func rejectUnknownFields(_ object: JSONTree, allowed: [String], of what: String, _ c: inout LineContext) {
        guard case .object(let fields) = object else { return }
        for field in fields where !allowed.contains(field.key) {
            c.fail("unknown \(what) field \"\(field.key)\"; expected \(allowed.joined(separator: ", "))", at: field.offset)
        }
    }

    /// The non-empty string `key` of `object`, else a diagnostic at the key (or at `anchor`, the
    /// field holding the object, when the key is missing).
    static func requiredText(_ object: JSONTree, _ key: String, of what: String, at anchor: Int?,
                             _ c: inout LineContext) -> String? {
        guard let text = object[key]?.string, !text.isEmpty else {
            c.fail("\(what) needs a non-empty \"\(key)\"", at: object.offset(of: key) ?? anchor)
            return nil
        }
        return text
    }

    /// The value of `key` as one of `T`'s names: `.some(nil)` when absent, nil (with a
    /// diagnostic) when it is not one of them.
    static func optionalEnum<T: RawRepresentable & CaseIterable>(_ object: JSONTree, _ key: String,
                                                                 _ c: inout LineContext) -> T?? where T.RawValue == String {
        guard let value = object[key] else { return .some(nil) }
        guard let name = value.string, let parsed = T(rawValue: name) else {
            c.fail("\"\(key)\" must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", at: object.offset(of: key))
            return nil
        }
        return .some(parsed)
    }

    static func parseRole(_ object: JSONTree, anchor: Int?, _ c: inout LineContext) -> Role? {
        rejectUnknownFields(object, allowed: ["office", "country", "start", "end", "source"], of: "role", &c)
        guard let office = requiredText(object, "office", of: "a role", at: anchor, &c) else { return nil }
        var dates: [CalendarDay?] = []
        for key in ["start", "end"] {
            guard let value = object[key], !value.isNull else { dates.append(nil); continue }
            guard let text = value.string, let day = CalendarDay(iso: text) else {
                c.fail("role \"\(key)\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or null", at: object.offset(of: key))
                return nil
            }
            dates.append(day)
        }
        let before = c.diagnostics.count
        let country = optionalString(object, "country", &c), source = optionalString(object, "source", &c)
        guard c.diagnostics.count == before else { return nil }
        return Role(office: office, country: country, start: dates[0], end: dates[1], source: source)
    }

    static func requiredString(_ object: JSONTree, _ key: String, _ c: inout LineContext) -> String? {
        guard let value = object[key] else {
            c.fail("missing \"\(key)\"")
            return nil
        }
        guard let text = value.string else {
            c.fail("\"\(key)\" must be a string", at: object.offset(of: key))
            return nil
        }
        return text
    }

    static func optionalString(_ object: JSONTree, _ key: String, _ c: inout LineContext) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.string else {
            c.fail("\"\(key)\" must be a string", at: object.offset(of: key))
            return nil
        }
        return text
    }
}
