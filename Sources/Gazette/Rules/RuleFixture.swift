import Foundation

/// A rule's regression case: a text, its date, the triples it must give and those it must not,
/// and whether the rule under test fires on it (docs/rules.md, "Fixtures").
///
/// ```
/// case met.verb fires: a plain "met"
/// text: Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Tokyo on Tuesday.
/// date: 2025-05-29
/// expect: Takeshi Iwaya | met | Enrique Manalo | 2025-05-27
/// reject: Takeshi Iwaya | visited | Japan
/// ```
public struct RuleFixture: Sendable, Equatable {
    /// The rule under test.
    public var rule: String
    /// `fires`: the rule contributes a triple (a negative rule: suppresses a match). `silent`:
    /// it does not.
    public var fires: Bool
    /// The words after `fires:` or `silent:`, saying what the case is about; empty if none.
    public var title: String
    /// The document: the `text:` line, then each `line:` after a line break.
    public var text: String = ""
    /// The document's date as the `date:` line gives it ("2025-05-29"); nil without one (the
    /// date is then read from the text, if it states one).
    public var date: String?
    /// The triples the text must give (`expect:` lines).
    public var expect: [Pattern] = []
    /// The triples it must not give (`reject:` lines).
    public var reject: [Pattern] = []
    /// The fixture file, as named to `parse(_:file:)` or `load(path:)`.
    public var file: String
    /// The 1-based line of its `case` line.
    public var line: Int

    /// A triple to look for: subject and object by canonical name or id; the date, when given,
    /// is an ISO value or "-" for no date.
    public struct Pattern: Sendable, Equatable, CustomStringConvertible {
        /// The subject's canonical name or id ("Takeshi Iwaya").
        public var subject: String
        /// The predicate ("met").
        public var predicate: String
        /// The object's canonical name or id.
        public var object: String
        /// nil: not compared; "-": the triple has no date.
        public var date: String?

        /// "subject | predicate | object", and " | date" when the pattern gives one, as a
        /// fixture file writes it.
        public var description: String {
            [subject, predicate, object].joined(separator: " | ") + (date.map { " | " + $0 } ?? "")
        }

        func matches(_ t: Triple, symmetric: Bool) -> Bool {
            func names(_ e: Triple.Entity, _ s: String) -> Bool { e.name == s || e.id == s }
            guard t.predicate == predicate else { return false }
            let forward = names(t.subject, subject) && names(t.object, object)
            let backward = symmetric && names(t.subject, object) && names(t.object, subject)
            guard forward || backward else { return false }
            guard let date else { return true }
            return date == "-" ? t.date == nil : t.date?.value == date
        }
    }

    /// Parses fixture text; every problem comes with its line and column.
    public static func parse(_ text: String, file: String) -> (fixtures: [RuleFixture], diagnostics: [Diagnostic]) {
        var fixtures: [RuleFixture] = []
        var diagnostics: [Diagnostic] = []
        func close() {
            guard let last = fixtures.last else { return }
            if last.text.isEmpty {
                diagnostics.append(Diagnostic(file: file, line: last.line, column: 1, message: "case '\(last.title)' has no 'text:' line"))
            }
        }
        // After a malformed case line, its other lines are skipped: one mistake, one message.
        var skipping = false
        // (A String reads "\r\n" as one Character, not "\n": CRLF lines are split on it too.)
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let number = i + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.hasPrefix("case ") {
                close()
                // case RULE fires|silent: title
                let head = line.dropFirst(5)
                let parts = head.split(separator: ":", maxSplits: 1)
                let words = parts.first.map { $0.split(separator: " ") } ?? []
                guard words.count == 2, words[1] == "fires" || words[1] == "silent" else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: 6, message: "expected 'case <rule-id> fires: <title>' or 'case <rule-id> silent: <title>'"))
                    skipping = true
                    continue
                }
                skipping = false
                let title = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                fixtures.append(RuleFixture(rule: String(words[0]), fires: words[1] == "fires", title: title, file: file, line: number))
                continue
            }
            if skipping { continue }
            guard let colon = line.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "expected 'case', 'text:', 'line:', 'date:', 'expect:' or 'reject:'"))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !fixtures.isEmpty else {
                diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "'\(key):' before the first 'case' line"))
                continue
            }
            let valueColumn = line.distance(from: line.startIndex, to: colon) + 3
            switch key {
            case "text": fixtures[fixtures.count - 1].text = value
            // A further line of the document, after a line break: a bulleted list, a headline
            // over its story.
            case "line":
                let before = fixtures[fixtures.count - 1].text
                fixtures[fixtures.count - 1].text = before.isEmpty ? value : before + "\n" + value
            case "date":
                guard CalendarDay.parseDocumentDate(value) != nil else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: valueColumn, message: "expected a date such as 2025-05-29, got '\(value)'"))
                    continue
                }
                fixtures[fixtures.count - 1].date = value
            case "expect", "reject":
                let fields = value.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard fields.count == 3 || fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: valueColumn, message: "expected 'subject | predicate | object' with an optional '| date' (an ISO value, or - for none)"))
                    continue
                }
                let pattern = Pattern(subject: fields[0], predicate: fields[1], object: fields[2], date: fields.count == 4 ? fields[3] : nil)
                if key == "expect" { fixtures[fixtures.count - 1].expect.append(pattern) } else { fixtures[fixtures.count - 1].reject.append(pattern) }
            default:
                diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "unknown field '\(key)'; expected text, line, date, expect or reject"))
            }
        }
        close()
        return (fixtures, diagnostics)
    }

    /// Reads and parses a fixture file.
    public static func load(path: String) throws(DiagnosticList) -> [RuleFixture] {
        let bytes = try readFile(path, folder: "is a directory, not a fixture file")
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Where: the first line that is not UTF-8, and the column its valid part ends at.
            var number = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                guard String(validating: line, as: UTF8.self) == nil else { continue }
                throw DiagnosticList([Diagnostic(file: path, line: number, column: LexiconParser.validPrefixLength(line) + 1, message: "invalid UTF-8")])
            }
            throw DiagnosticList([Diagnostic(file: path, line: 1, column: 1, message: "invalid UTF-8")])
        }
        let (fixtures, diagnostics) = parse(text, file: path)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return fixtures
    }

    /// What running a fixture gave.
    public struct Outcome: Sendable {
        /// The case that ran.
        public var fixture: RuleFixture
        /// Each failed check, in words; empty when the case passes.
        public var failures: [String]
        /// Every triple the text gave, by all the rules loaded, not only the rule under test.
        public var triples: [Triple]
        /// Whether every check held: no `failures`.
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs the case through `worker` and checks it.
    public func run(_ worker: PipelineWorker) throws -> Outcome {
        let rules = worker.pipeline.rules.rules
        var failures: [String] = []
        guard let ruleIndex = rules.firstIndex(where: { $0.id == rule }) else {
            return Outcome(fixture: self, failures: ["no rule '\(rule)' is loaded"], triples: [])
        }
        let bytes = Array(text.utf8)
        let (extraction, triples) = try bytes.withUnsafeBufferPointer { buffer in
            let extraction = try worker.extract(buffer, date: date.flatMap(CalendarDay.parseDocumentDate))
            return (extraction, Triple.make(extraction, document: "\(file):\(line)", text: buffer, layer: worker.layer, rules: worker.pipeline.rules))
        }
        let symmetric = Set(rules.filter(\.symmetric).compactMap(\.predicate))
        for pattern in expect where !triples.contains(where: { pattern.matches($0, symmetric: symmetric.contains($0.predicate)) }) {
            failures.append("expected (\(pattern)), not found")
        }
        for pattern in reject where triples.contains(where: { pattern.matches($0, symmetric: symmetric.contains($0.predicate)) }) {
            failures.append("rejected (\(pattern)), found")
        }
        let fired: Bool
        if rules[ruleIndex].isNegative {
            fired = extraction.matches.contains { m in
                if case .suppressed(let by) = m.outcome { return extraction.matches[by].rule.rawValue == ruleIndex }
                return false
            }
        } else {
            fired = triples.contains { $0.evidence.contains { $0.rule == rule } }
        }
        if fired != fires {
            failures.append(fires ? "rule \(rule) did not \(rules[ruleIndex].isNegative ? "suppress anything" : "give a triple")"
                                  : "rule \(rule) \(rules[ruleIndex].isNegative ? "suppressed a match" : "gave a triple") but should stay silent")
        }
        return Outcome(fixture: self, failures: failures, triples: triples)
    }
}
