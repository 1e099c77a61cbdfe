import Foundation

/// Reads lexicon files: JSON Lines, one entry per line (see Lexicons/README.md for the format).
///
/// Blank lines and lines whose first non-blank character is `#` are skipped. Every problem of a
/// file is collected, with its line and column, before anything is reported: a malformed line
/// never silently drops an entry.
public enum LexiconParser {
    static let entryFields: Set<String> = ["id", "type", "name", "label", "aliases", "roles", "codes", "parties", "signed", "priority", "source"]

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
            guard let text = String(validating: line, as: UTF8.self) else {
                let valid = validPrefixLength(line)
                diagnostics.append(Diagnostic(file: file, line: lineNumber, column: valid + 1, message: "invalid UTF-8"))
                continue
            }
            var context = LineContext(file: file, line: lineNumber, text: text)
            if let entry = parseEntry(&context) { entries.append(entry) }
            diagnostics += context.diagnostics
        }
        return (entries, diagnostics)
    }

    /// Reads and parses the lexicon file at `path`.
    /// - Throws: `DiagnosticList` with every problem of the file (or the reason it cannot be read).
    public static func load(path: String) throws(DiagnosticList) -> [LexiconEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw DiagnosticList([Diagnostic(file: path, line: 0, message: reason)])
        }
        let (entries, diagnostics) = parse([UInt8](data), file: path)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return entries
    }

    /// The number of code points before the first ill-formed byte of `line`.
    static func validPrefixLength(_ line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var rest = line
        while !rest.isEmpty {
            let result = Array(rest).withUnsafeBufferPointer { UTF8Scanner.decode($0, at: 0) }
            if !result.valid { break }
            count += 1
            rest = rest.dropFirst(result.length)
        }
        return count
    }

    struct LineContext {
        let file: String
        let line: Int
        let text: String
        var diagnostics: [Diagnostic] = []

        /// The column of `"key"` in the line, else of the line's start.
        func column(of key: String?) -> Int {
            guard let key, let range = text.range(of: "\"\(key)\"") else { return 1 }
            return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
        }

        mutating func fail(_ message: String, at key: String? = nil) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column(of: key), message: message))
        }
    }

    static func parseEntry(_ c: inout LineContext) -> LexiconEntry? {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(c.text.utf8)) as? [String: Any] else {
                c.fail("expected a JSON object: one lexicon entry per line")
                return nil
            }
            object = parsed
        } catch {
            // Foundation says where, in its debug description only: "around character N" (a
            // 0-based UTF-8 offset), or "Unexpected end of file".
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? ""
            let bytes = Array(c.text.utf8)
            var column = bytes.count + 1
            var message = "not valid JSON: the line ends before the object does"
            if let range = detail.range(of: "character "), let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)) {
                column = String(decoding: bytes.prefix(offset), as: UTF8.self).unicodeScalars.count + 1
                message = "not valid JSON: unexpected text here"
            } else if !detail.contains("end of file") {
                column = 1
                message = "not valid JSON"
            }
            c.diagnostics.append(Diagnostic(file: c.file, line: c.line, column: column,
                                            message: message + " (one JSON object per line)"))
            return nil
        }
        let before = c.diagnostics.count
        for key in object.keys.sorted() where !entryFields.contains(key) {
            c.fail("unknown field \"\(key)\"; expected one of \(entryFields.sorted().joined(separator: ", "))", at: key)
        }
        let id = requiredString(object, "id", &c)
        let type = requiredString(object, "type", &c)
        let name = type == LexiconEntry.stopType ? (optionalString(object, "name", &c) ?? "") : requiredString(object, "name", &c)
        let label = optionalString(object, "label", &c)
        let signed = optionalString(object, "signed", &c)
        let source = optionalString(object, "source", &c)
        var priority = 0
        if let value = object["priority"] {
            if let number = value as? Int, !(value is Bool) { priority = number } else { c.fail("\"priority\" must be an integer", at: "priority") }
        }
        var aliases: [Alias] = []
        if let value = object["aliases"] {
            if let list = value as? [Any] {
                for item in list {
                    if let text = item as? String {
                        aliases.append(Alias(text))
                    } else if let alias = item as? [String: Any] {
                        if let parsed = parseAlias(alias, &c) { aliases.append(parsed) }
                    } else {
                        c.fail("each alias must be a string or an object with \"text\"", at: "aliases")
                    }
                }
            } else {
                c.fail("\"aliases\" must be a list", at: "aliases")
            }
        }
        var roles: [Role] = []
        if let value = object["roles"] {
            if let list = value as? [[String: Any]] {
                for item in list { if let role = parseRole(item, &c) { roles.append(role) } }
            } else {
                c.fail("\"roles\" must be a list of objects with \"office\"", at: "roles")
            }
        }
        var codes: [String: String] = [:]
        if let value = object["codes"] {
            if let map = value as? [String: String] { codes = map } else { c.fail("\"codes\" must be an object of strings", at: "codes") }
        }
        var parties: [String] = []
        if let value = object["parties"] {
            if let list = value as? [String] { parties = list } else { c.fail("\"parties\" must be a list of strings", at: "parties") }
        }
        if let signed, ISODay(signed, rounding: .down) == nil {
            c.fail("\"signed\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got \"\(signed)\"", at: "signed")
        }
        if let id, id.isEmpty { c.fail("\"id\" must not be empty", at: "id") }
        if let name, name.isEmpty, aliases.isEmpty {
            c.fail("an entry needs a \"name\" or at least one alias", at: "aliases")
        }
        guard c.diagnostics.count == before, let id, let type, let name else { return nil }
        return LexiconEntry(id: id, type: type, name: name, label: label, aliases: aliases, roles: roles,
                            codes: codes, parties: parties, signed: signed, priority: priority, source: source)
    }

    static func parseAlias(_ object: [String: Any], _ c: inout LineContext) -> Alias? {
        rejectUnknownFields(object, allowed: ["text", "case", "kind"], of: "alias", &c)
        guard let text = requiredText(object, "text", of: "an alias object", at: "aliases", &c) else { return nil }
        guard let policy: Alias.CasePolicy? = optionalEnum(object, "case", &c),
              let kind: Alias.Kind? = optionalEnum(object, "kind", &c) else { return nil }
        return Alias(text, case: policy, kind: kind ?? .name)
    }

    static func rejectUnknownFields(_ object: [String: Any], allowed: [String], of what: String, _ c: inout LineContext) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            c.fail("unknown \(what) field \"\(key)\"; expected \(allowed.joined(separator: ", "))", at: key)
        }
    }

    static func requiredText(_ object: [String: Any], _ key: String, of what: String, at anchor: String,
                             _ c: inout LineContext) -> String? {
        guard let text = object[key] as? String, !text.isEmpty else {
            c.fail("\(what) needs a non-empty \"\(key)\"", at: anchor)
            return nil
        }
        return text
    }

    /// The value of `key` as one of `T`'s names: `.some(nil)` when absent, nil (with a
    /// diagnostic) when it is not one of them.
    static func optionalEnum<T: RawRepresentable & CaseIterable>(_ object: [String: Any], _ key: String,
                                                                 _ c: inout LineContext) -> T?? where T.RawValue == String {
        guard let value = object[key] else { return .some(nil) }
        guard let name = value as? String, let parsed = T(rawValue: name) else {
            c.fail("\"\(key)\" must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", at: key)
            return nil
        }
        return .some(parsed)
    }

    static func parseRole(_ object: [String: Any], _ c: inout LineContext) -> Role? {
        rejectUnknownFields(object, allowed: ["office", "country", "start", "end", "source"], of: "role", &c)
        guard let office = requiredText(object, "office", of: "a role", at: "roles", &c) else { return nil }
        var dates: [String?] = []
        for key in ["start", "end"] {
            let value = object[key]
            if value == nil || value is NSNull { dates.append(nil); continue }
            guard let text = value as? String, ISODay(text, rounding: .down) != nil else {
                c.fail("role \"\(key)\" must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or null", at: key)
                return nil
            }
            dates.append(text)
        }
        return Role(office: office, country: object["country"] as? String, start: dates[0], end: dates[1],
                    source: object["source"] as? String)
    }

    static func requiredString(_ object: [String: Any], _ key: String, _ c: inout LineContext) -> String? {
        guard let value = object[key] else {
            c.fail("missing \"\(key)\"")
            return nil
        }
        guard let text = value as? String else {
            c.fail("\"\(key)\" must be a string", at: key)
            return nil
        }
        return text
    }

    static func optionalString(_ object: [String: Any], _ key: String, _ c: inout LineContext) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            c.fail("\"\(key)\" must be a string", at: key)
            return nil
        }
        return text
    }
}
