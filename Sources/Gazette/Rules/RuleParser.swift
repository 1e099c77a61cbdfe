import Foundation

/// The rules and word classes of one or more rule files, before compilation.
public struct RuleFile: Sendable, Equatable {
    /// The rules, in the order read: the order that breaks the last tie between overlapping
    /// matches.
    public var rules: [Rule] = []
    /// `define NAME = pattern`: classes shared by every rule of every file loaded with them.
    public var definitions: [Definition] = []
    /// Classes whose definitions did not parse (already reported).
    public var failedDefinitions: [String] = []

    /// An empty file: no rules, no classes.
    public init() {}

    /// A class, `define NAME = pattern`, and where it is defined.
    public struct Definition: Sendable, Equatable {
        /// The class name, in capitals ("MEET_VERB").
        public var name: String
        /// The pattern it stands for.
        public var pattern: RulePattern
        /// The rule file, as named to the parser.
        public var file: String
        /// The 1-based line of its `define` line.
        public var line: Int
    }

    /// The rules and classes of `a`, then those of `b`: as when `b` is loaded after `a`.
    public static func + (a: RuleFile, b: RuleFile) -> RuleFile {
        var sum = a
        sum.rules += b.rules
        sum.definitions += b.definitions
        sum.failedDefinitions += b.failedDefinitions
        return sum
    }
}

/// Reads rule files (docs/rules.md). Every problem of a file is collected with its line and
/// column before anything is reported.
public enum RuleParser {
    static let clauseKeywords: Set<String> = ["match", "emit", "date", "office", "place", "symmetric", "abroad", "priority", "suppress"]
    /// Repetition bounds above this are refused: each bounded repetition is compiled as copies.
    static let maxRepeat = 64
    /// Groups nested deeper than this are refused.
    static let maxNesting = 32

    /// Parses the rule text `bytes`, named `file` in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        var parser = Parser(file: file)
        var lineNumber = 0
        // A byte order mark is no part of the first line.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            guard let text = String(validating: line, as: UTF8.self) else {
                parser.error(lineNumber, LexiconParser.validPrefixLength(line) + 1, "invalid UTF-8")
                continue
            }
            parser.line(Array(text.unicodeScalars), number: lineNumber)
        }
        parser.finish()
        return (parser.result, parser.diagnostics)
    }

    /// Reads and parses the rule file at `path`.
    /// - Throws: `DiagnosticList` with every problem of the file (or the reason it cannot be read).
    public static func load(path: String) throws(DiagnosticList) -> RuleFile {
        let (file, diagnostics) = read(path: path)
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return file
    }

    /// Reads and parses the rule file at `path`: the rules that parse, and the problems of the
    /// others (or the reason the file cannot be read).
    public static func read(path: String) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        do {
            return parse(try readFile(path, folder: "is a directory, not a rule file"), file: path)
        } catch {
            return (RuleFile(), error.diagnostics)
        }
    }

    // MARK: lexing

    struct Lexeme {
        enum Kind: Equatable { case word, string, symbol }
        var kind: Kind
        var text: String
        var line: Int
        var column: Int
    }

    static let symbols: Set<Unicode.Scalar> = ["@", ":", "[", "]", "!", "(", ")", "|", "?", "*", "+", "{", "}", ",", "="]

    /// The lexemes of one line (a `#` outside quotes starts a comment), or an error column.
    static func lex(_ scalars: [Unicode.Scalar], line: Int) -> (lexemes: [Lexeme], error: (column: Int, message: String)?) {
        var out: [Lexeme] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "#" { break }
            if c == "\"" {
                var j = i + 1
                var text = String.UnicodeScalarView()
                while j < scalars.count && scalars[j] != "\"" { text.append(scalars[j]); j += 1 }
                if j == scalars.count { return (out, (i + 1, "unterminated string: a quoted phrase ends with \" on the same line")) }
                out.append(Lexeme(kind: .string, text: String(text), line: line, column: i + 1))
                i = j + 1
                continue
            }
            if symbols.contains(c) {
                out.append(Lexeme(kind: .symbol, text: String(c), line: line, column: i + 1))
                i += 1
                continue
            }
            var j = i
            var text = String.UnicodeScalarView()
            while j < scalars.count, scalars[j] != " ", scalars[j] != "\t", scalars[j] != "\"", scalars[j] != "#", !symbols.contains(scalars[j]) {
                text.append(scalars[j])
                j += 1
            }
            out.append(Lexeme(kind: .word, text: String(text), line: line, column: i + 1))
            i = j
        }
        return (out, nil)
    }

    static func isClassName(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 2, ("A"..."Z").contains(scalars[0]) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func isIdentifier(_ s: String, allowing extra: Set<Unicode.Scalar> = ["_"]) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || extra.contains($0) }
    }

    // MARK: parsing

    struct Parser {
        let file: String
        var result = RuleFile()
        var diagnostics: [Diagnostic] = []

        /// The statement being read: a rule, or a definition whose pattern may continue on
        /// indented lines.
        enum Open {
            case none
            case rule(Rule, matchLexemes: [Lexeme]?, matchLine: Int, lastClause: String?, clauseIndent: Int)
            case define(name: String, line: Int, lexemes: [Lexeme])
            /// After a statement whose first line is wrong: its indented lines are skipped.
            case skipping
        }
        var open = Open.none
        var ruleIDs: [String: Int] = [:]
        /// The number of diagnostics when the open rule began.
        var ruleDiagnosticsStart = 0

        init(file: String) { self.file = file }

        mutating func error(_ line: Int, _ column: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }

        mutating func line(_ scalars: [Unicode.Scalar], number: Int) {
            let (lexemes, lexError) = RuleParser.lex(scalars, line: number)
            if let lexError { error(number, lexError.column, lexError.message); return }
            guard let first = lexemes.first else { return }
            let indent = first.column - 1
            if indent == 0 {
                finish()
                switch first.text {
                case "rule" where first.kind == .word: startRule(lexemes)
                case "define" where first.kind == .word: startDefine(lexemes)
                default:
                    error(number, first.column, "expected 'rule <id>' or 'define <NAME> = <pattern>' at the start of a line (clauses of a rule are indented)")
                    open = .skipping
                }
                return
            }
            switch open {
            case .none:
                error(number, first.column, "an indented line outside a rule: clauses follow a 'rule <id>' line")
                open = .skipping
            case .skipping:
                break
            // (The open statement is let go before its lexemes grow, so that they grow in place:
            // a pattern continued over many lines is read in time linear in its length.)
            case .define(let name, let line, var previous):
                open = .none
                previous.append(contentsOf: lexemes)
                open = .define(name: name, line: line, lexemes: previous)
            case .rule(var rule, var match, let matchLine, let last, let clauseIndent):
                if last == "match", indent > clauseIndent, match != nil {
                    // A pattern goes on over lines indented deeper than its clause.
                    open = .none
                    match!.append(contentsOf: lexemes)
                    open = .rule(rule, matchLexemes: match, matchLine: matchLine, lastClause: last, clauseIndent: clauseIndent)
                } else if first.kind == .word && RuleParser.clauseKeywords.contains(first.text) {
                    clause(&rule, &match, lexemes)
                    open = .rule(rule, matchLexemes: match, matchLine: first.text == "match" ? number : matchLine, lastClause: first.text,
                                 clauseIndent: indent)
                } else {
                    error(number, first.column, "expected a clause (\(RuleParser.clauseKeywords.sorted().joined(separator: ", "))), got '\(first.text)'")
                }
            }
        }

        mutating func startRule(_ lexemes: [Lexeme]) {
            let line = lexemes[0].line
            guard lexemes.count >= 2 else {
                error(line, lexemes[0].column + 4, "expected a rule id after 'rule' (lower case letters, digits, '_', '.' and '-', e.g. met.between)")
                open = .skipping
                return
            }
            let id = lexemes[1]
            guard id.kind == .word, RuleParser.isIdentifier(id.text, allowing: ["_", ".", "-"]) else {
                error(line, id.column, "expected a rule id (lower case letters, digits, '_', '.' and '-', e.g. met.between), got '\(id.text)'")
                open = .skipping
                return
            }
            if lexemes.count > 2 { error(line, lexemes[2].column, "unexpected '\(lexemes[2].text)' after the rule id; clauses go on the indented lines below") }
            if let previous = ruleIDs[id.text] {
                error(line, id.column, "rule '\(id.text)' is already defined on line \(previous)")
            }
            ruleIDs[id.text] = line
            ruleDiagnosticsStart = diagnostics.count
            open = .rule(Rule(id: id.text, pattern: .sequence([]), emits: [], file: file, line: line),
                         matchLexemes: nil, matchLine: line, lastClause: nil, clauseIndent: 0)
        }

        mutating func startDefine(_ lexemes: [Lexeme]) {
            let line = lexemes[0].line
            guard lexemes.count >= 2, lexemes[1].kind == .word, RuleParser.isClassName(lexemes[1].text) else {
                let column = lexemes.count >= 2 ? lexemes[1].column : lexemes[0].column + 6
                error(line, column, "expected a class name in capitals after 'define' (e.g. MEET)")
                open = .skipping
                return
            }
            guard lexemes.count >= 3, lexemes[2].text == "=", lexemes[2].kind == .symbol else {
                error(line, lexemes.count >= 3 ? lexemes[2].column : lexemes[1].column + lexemes[1].text.unicodeScalars.count,
                      "expected '=' after 'define \(lexemes[1].text)'")
                open = .skipping
                return
            }
            open = .define(name: lexemes[1].text, line: line, lexemes: Array(lexemes[3...]))
        }

        /// Closes the statement being read.
        mutating func finish() {
            switch open {
            case .none, .skipping: break
            case .define(let name, let line, let lexemes):
                if lexemes.isEmpty {
                    error(line, 1, "'define \(name)' has no pattern after '='")
                    result.failedDefinitions.append(name)
                } else if let pattern = parsePattern(lexemes, endLine: line) {
                    if let previous = result.definitions.first(where: { $0.name == name }) {
                        error(line, 1, "class \(name) is already defined on line \(previous.line)")
                    } else {
                        result.definitions.append(RuleFile.Definition(name: name, pattern: pattern, file: file, line: line))
                    }
                } else {
                    result.failedDefinitions.append(name)
                }
            case .rule(var rule, let match, let matchLine, _, _):
                if diagnostics.count > ruleDiagnosticsStart {
                    // A line of the rule was wrong, and said so: drop the rule without more.
                } else if let match {
                    if match.isEmpty {
                        error(matchLine, rule.clauseLocations["match"]?.column ?? 1, "'match' has no pattern")
                    } else if let pattern = parsePattern(match, endLine: matchLine) {
                        rule.pattern = pattern
                        if check(rule) { result.rules.append(rule) }
                    }
                } else {
                    error(rule.line, 1, "rule '\(rule.id)' has no 'match' clause")
                }
            }
            open = .none
        }

        /// Checks what needs the whole rule: emits or suppresses, captures exist with fit types.
        mutating func check(_ rule: Rule) -> Bool {
            let before = diagnostics.count
            if rule.emits.isEmpty && rule.suppresses.isEmpty {
                error(rule.line, 1, "rule '\(rule.id)' has neither 'emit' nor 'suppress'")
            }
            if !rule.emits.isEmpty && !rule.suppresses.isEmpty {
                error(rule.line, 1, "rule '\(rule.id)' has both 'emit' and 'suppress': a negative rule only suppresses")
            }
            // A visit by the dateline, the venue or the site (`x.dateline`, `x.venue`, `x.site`) may follow the emits of another predicate:
            // the rule's predicate, for overlaps and negative rules, is that of its first emit.
            if let first = rule.emits.first, let other = rule.emits.first(where: {
                $0.predicate != first.predicate && !$0.object.allSatisfy { $0.derived?.placesVisitor == true }
            }) {
                error(other.line, other.column, "rule '\(rule.id)' emits \(first.predicate) and \(other.predicate): one rule emits one predicate; split it")
            }
            let captures = RulePattern.captures(of: rule.pattern)
            let known = captures.keys.sorted().joined(separator: ", ")
            for emit in rule.emits {
                for ref in emit.subject + emit.object {
                    guard let types = captures[ref.capture] else {
                        error(emit.line, ref.column, "rule '\(rule.id)': emit names '\(ref.capture)', which the pattern does not capture (captures: \(known))")
                        continue
                    }
                    if types.contains("date") || types.contains("title") {
                        error(emit.line, ref.column, "rule '\(rule.id)': '\(ref.capture)' captures a \(types.sorted().joined(separator: "/")), which cannot be an argument")
                    }
                    if let derived = ref.derived, derived.placesVisitor && !types.contains("person") && !types.contains("possessor") {
                        error(emit.line, ref.column, "rule '\(rule.id)': '\(ref.capture).\(derived.rawValue)' needs a person capture")
                    }
                    if let derived = ref.derived, derived == .parties || derived == .named, !types.contains("agreement") {
                        error(emit.line, ref.column, "rule '\(rule.id)': '\(ref.capture).\(derived.rawValue)' needs an agreement capture")
                    }
                    if ref.derived == .country && !types.contains("person") && !types.contains("country") && !types.contains("role")
                        && !types.contains("possessor") {
                        error(emit.line, ref.column, "rule '\(rule.id)': '\(ref.capture).country' needs a person capture")
                    }
                }
            }
            if case .capture(let name) = rule.date {
                let at = rule.clauseLocations["date"]
                if let types = captures[name] {
                    if types != ["date"] { error(at?.line ?? rule.line, at?.column, "rule '\(rule.id)': 'date \(name)' names a capture that is not @\(name):date") }
                } else {
                    error(at?.line ?? rule.line, at?.column, "rule '\(rule.id)': 'date \(name)' names a capture the pattern does not have (captures: \(known))")
                }
            }
            for (clause, name) in [("office", rule.office), ("place", rule.place)] {
                guard let name else { continue }
                let at = rule.clauseLocations[clause]
                guard let types = captures[name] else {
                    error(at?.line ?? rule.line, at?.column, "rule '\(rule.id)': '\(clause) \(name)' names a capture the pattern does not have (captures: \(known))")
                    continue
                }
                if clause == "office" && !types.isSubset(of: ["title", "person", "role", "possessor"]) {
                    error(at?.line ?? rule.line, at?.column, "rule '\(rule.id)': 'office \(name)' needs a title, person or role capture")
                }
                if clause == "place" && (types.contains("date") || types.contains("title")) {
                    error(at?.line ?? rule.line, at?.column, "rule '\(rule.id)': 'place \(name)' needs an entity capture")
                }
            }
            return diagnostics.count == before
        }

        mutating func clause(_ rule: inout Rule, _ match: inout [Lexeme]?, _ lexemes: [Lexeme]) {
            let keyword = lexemes[0]
            let rest = Array(lexemes.dropFirst())
            let line = keyword.line
            let end = keyword.column + keyword.text.unicodeScalars.count + 1
            func words(_ count: Int, _ what: String) -> [Lexeme]? {
                guard rest.count == count, rest.allSatisfy({ $0.kind == .word }) else {
                    error(line, rest.first(where: { $0.kind != .word })?.column ?? rest.dropFirst(count).first?.column ?? end,
                          "expected \(what) after '\(keyword.text)'")
                    return nil
                }
                return rest
            }
            switch keyword.text {
            case "match":
                if match != nil { error(line, keyword.column, "rule '\(rule.id)' has a second 'match'; use '|' for alternatives") }
                match = rest
                if rule.clauseLocations["match"] == nil { rule.clauseLocations["match"] = Rule.Location(line: line, column: keyword.column) }
            case "emit":
                if let emit = parseEmit(rest, line: line, end: end) { rule.emits.append(emit) }
            case _ where ["date", "office", "place"].contains(keyword.text) && rule.clauseLocations[keyword.text] != nil:
                error(line, keyword.column, "a second '\(keyword.text)' clause (the first is on line \(rule.clauseLocations[keyword.text]!.line))")
            case "date":
                guard let w = words(1, "a date capture name, none or story") else { return }
                rule.date = w[0].text == "none" ? Rule.DateSource.none : w[0].text == "story" ? .story : .capture(w[0].text)
                rule.clauseLocations["date"] = Rule.Location(line: line, column: w[0].column)
            case "office", "place":
                guard let w = words(1, "a capture name") else { return }
                if keyword.text == "office" { rule.office = w[0].text } else { rule.place = w[0].text }
                rule.clauseLocations[keyword.text] = Rule.Location(line: line, column: w[0].column)
            case "symmetric":
                if let extra = rest.first { error(line, extra.column, "'symmetric' takes nothing after it") }
                rule.symmetric = true
            case "abroad":
                if let first = rest.first, first.text != "known" || rest.count > 1 {
                    let extra = first.text == "known" ? rest[1] : first
                    error(line, extra.column, "'abroad' takes nothing after it but 'known', got '\(extra.text)'")
                }
                rule.abroad = true
                rule.abroadKnown = rest.first?.text == "known"
            case "priority":
                guard let w = words(1, "a whole number"), let value = Int(w[0].text) else {
                    if rest.count == 1 { error(line, rest[0].column, "expected a whole number after 'priority', got '\(rest[0].text)'") }
                    return
                }
                rule.priority = value
            case "suppress":
                guard !rest.isEmpty else { error(line, end, "expected the predicates to suppress after 'suppress' (e.g. suppress met visited)"); return }
                for w in rest {
                    if w.kind == .word && RuleParser.isIdentifier(w.text) { rule.suppresses.append(w.text) } else {
                        error(line, w.column, "expected a predicate (lower case letters, digits and '_'), got '\(w.text)'")
                    }
                }
            default: break
            }
        }

        /// `emit SUBJECT PREDICATE OBJECT`, each argument a capture or derived from one, with
        /// alternatives separated by '|'.
        mutating func parseEmit(_ lexemes: [Lexeme], line: Int, end: Int) -> Rule.Emit? {
            var i = 0
            func argument() -> [Rule.ArgumentRef]? {
                var refs: [Rule.ArgumentRef] = []
                while true {
                    guard i < lexemes.count, lexemes[i].kind == .word else {
                        error(line, i < lexemes.count ? lexemes[i].column : (lexemes.last.map { $0.column + $0.text.unicodeScalars.count + 1 } ?? end),
                              "expected a capture name (or capture.country, capture.parties, capture.named, capture.list, capture.dateline, capture.venue, capture.site) in 'emit SUBJECT PREDICATE OBJECT'")
                        return nil
                    }
                    let parts = lexemes[i].text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    var ref = Rule.ArgumentRef(capture: parts[0], derived: nil, column: lexemes[i].column)
                    if parts.count == 2, let derived = Rule.ArgumentRef.Derived(rawValue: parts[1]) {
                        ref.derived = derived
                    } else if parts.count != 1 || !RuleParser.isIdentifier(parts[0]) {
                        error(line, lexemes[i].column, "expected a capture name, capture.country, capture.parties, capture.named, capture.list, capture.dateline, capture.venue or capture.site, got '\(lexemes[i].text)'")
                        return nil
                    }
                    refs.append(ref)
                    i += 1
                    if i < lexemes.count && lexemes[i].text == "|" && lexemes[i].kind == .symbol { i += 1; continue }
                    return refs
                }
            }
            guard let subject = argument() else { return nil }
            guard i < lexemes.count, lexemes[i].kind == .word, RuleParser.isIdentifier(lexemes[i].text) else {
                error(line, i < lexemes.count ? lexemes[i].column : end, "expected a predicate (lower case letters, digits and '_') after the subject")
                return nil
            }
            let predicate = lexemes[i].text
            let predicateColumn = lexemes[i].column
            i += 1
            guard let object = argument() else { return nil }
            if i < lexemes.count {
                error(line, lexemes[i].column, "unexpected '\(lexemes[i].text)' after the object of 'emit'")
                return nil
            }
            return Rule.Emit(subject: subject, predicate: predicate, object: object, line: line, column: predicateColumn)
        }

        // MARK: patterns

        mutating func parsePattern(_ lexemes: [Lexeme], endLine: Int) -> RulePattern? {
            var p = PatternParser(lexemes: lexemes, file: file)
            let pattern = p.alternation()
            if p.error == nil, p.i < lexemes.count {
                p.fail(lexemes[p.i], lexemes[p.i].text == ")" ? "unbalanced ')'" : "unexpected '\(lexemes[p.i].text)'")
            }
            if let e = p.error {
                diagnostics.append(e)
                return nil
            }
            return pattern
        }
    }

    struct PatternParser {
        let lexemes: [Lexeme]
        let file: String
        var i = 0
        var error: Diagnostic?
        var depth = 0

        init(lexemes: [Lexeme], file: String) {
            self.lexemes = lexemes
            self.file = file
        }

        mutating func fail(_ at: Lexeme?, _ message: String) {
            guard error == nil else { return }
            let place = at ?? lexemes.last.map { Lexeme(kind: $0.kind, text: "", line: $0.line, column: $0.column + $0.text.unicodeScalars.count + ($0.kind == .string ? 2 : 0)) }
            error = Diagnostic(file: file, line: place?.line ?? 0, column: place?.column, message: message)
        }

        var current: Lexeme? { i < lexemes.count ? lexemes[i] : nil }

        func isSymbol(_ s: String) -> Bool { current.map { $0.kind == .symbol && $0.text == s } ?? false }

        mutating func alternation() -> RulePattern {
            var branches = [sequence()]
            while error == nil && isSymbol("|") {
                i += 1
                branches.append(sequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func sequence() -> RulePattern {
            var items: [RulePattern] = []
            while error == nil, let c = current, !(c.kind == .symbol && (c.text == "|" || c.text == ")")) {
                guard let atom = atom() else { break }
                items.append(quantified(atom))
            }
            if error == nil && items.isEmpty {
                fail(current, "expected a pattern element: a word, a \"phrase\", a CLASS, [attribute], @name:type or '(' ... ')'")
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func atom() -> RulePattern? {
            guard let c = current else { return nil }
            switch (c.kind, c.text) {
            case (.string, _):
                i += 1
                let words = c.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if words.isEmpty { fail(c, "an empty phrase \"\""); return nil }
                return .literal(words)
            case (.word, _):
                if c.text.contains(where: { "\u{201C}\u{201D}\u{201E}\u{00AB}\u{00BB}".contains($0) }) {
                    fail(c, "typographic quotes in '\(c.text)': a phrase goes in straight double quotes (\"held talks\")")
                    return nil
                }
                i += 1
                if RuleParser.isClassName(c.text) { return .classRef(c.text, line: c.line, column: c.column) }
                return .literal([c.text])
            case (.symbol, "("):
                i += 1
                depth += 1
                defer { depth -= 1 }
                guard depth <= RuleParser.maxNesting else { fail(c, "groups nested deeper than \(RuleParser.maxNesting)"); return nil }
                let inner = alternation()
                guard error == nil else { return nil }
                guard isSymbol(")") else {
                    let opened = (current?.line ?? lexemes.last?.line) == c.line ? "column \(c.column)" : "line \(c.line), column \(c.column)"
                    fail(current, "expected ')' to close the group opened at \(opened)")
                    return nil
                }
                i += 1
                return inner
            case (.symbol, "!") where i + 1 < lexemes.count && (lexemes[i + 1].kind == .word
                                                                || (lexemes[i + 1].kind == .symbol && ["[", "@", "("].contains(lexemes[i + 1].text))):
                // "![verb]", "!who", "!(who | which)", "!CLASS", "!@_:person": a test of the next
                // token that consumes nothing (words checked to be single ones when compiled).
                i += 1
                guard let inner = atom(), error == nil else { return nil }
                if case .annotation(let capture?, let type, _, _) = inner {
                    fail(lexemes[i - 1], "a lookahead captures nothing: write !@_:\(type), not @\(capture)")
                    return nil
                }
                return .notFollowedBy(inner)
            case (.symbol, "["):
                i += 1
                var negated = false
                if isSymbol("!") { negated = true; i += 1 }
                var attribute: RulePattern.TokenAttribute?
                if let w = current, w.kind == .word {
                    guard let a = RulePattern.TokenAttribute(rawValue: w.text) else {
                        fail(w, "unknown token attribute '\(w.text)'; expected one of: \(RulePattern.TokenAttribute.allCases.map(\.rawValue).joined(separator: ", "))")
                        return nil
                    }
                    attribute = a
                    i += 1
                }
                if negated && attribute == nil { fail(current, "expected an attribute after '!' (e.g. [!punctuation])"); return nil }
                guard isSymbol("]") else { fail(current, "expected ']' to close the token test opened at column \(c.column)"); return nil }
                i += 1
                return .attribute(attribute, negated: negated)
            case (.symbol, "@"):
                i += 1
                guard let name = current, name.kind == .word, RuleParser.isIdentifier(name.text) else {
                    fail(current, "expected a capture name after '@' (e.g. @a:person; @_:date captures nothing)")
                    return nil
                }
                i += 1
                guard isSymbol(":") else { fail(current, "expected ':' and a type after '@\(name.text)' (e.g. @\(name.text):person)"); return nil }
                i += 1
                guard let type = current, type.kind == .word, RuleParser.isIdentifier(type.text) else {
                    fail(current, "expected a type after '@\(name.text):' (person, country, agreement, date, title, role, or a type of your lexicons)")
                    return nil
                }
                i += 1
                return .annotation(capture: name.text == "_" ? nil : name.text, type: type.text, line: type.line, column: type.column)
            default:
                fail(c, "expected a pattern element: a word, a \"phrase\", a CLASS, [attribute], ![attribute], !word, @name:type or '(' ... ')', got '\(c.text)'")
                return nil
            }
        }

        mutating func quantified(_ atom: RulePattern) -> RulePattern {
            var result = atom
            var quantifiers = 0
            while error == nil, let c = current, c.kind == .symbol, ["?", "*", "+", "{"].contains(c.text) {
                quantifiers += 1
                if quantifiers > 1 { fail(c, "a quantifier after a quantifier; group the element first, e.g. (x{2})?"); return result }
                switch c.text {
                case "?": i += 1; result = .repetition(result, min: 0, max: 1)
                case "*": i += 1; result = .repetition(result, min: 0, max: nil)
                case "+": i += 1; result = .repetition(result, min: 1, max: nil)
                case "{":
                    i += 1
                    guard let bounds = braces(c) else { return result }
                    result = .repetition(result, min: bounds.min, max: bounds.max)
                default: return result
                }
            }
            return result
        }

        /// `{n}`, `{m,n}`, `{m,}` or `{,n}` after the '{'.
        mutating func braces(_ open: Lexeme) -> (min: Int, max: Int?)? {
            func number() -> Int? {
                guard let c = current, c.kind == .word, c.text.allSatisfy(\.isASCII), c.text.allSatisfy(\.isNumber) else { return nil }
                i += 1
                return Int(c.text) ?? Int.max
            }
            let low = number()
            var high: Int? = low
            var unbounded = false
            if isSymbol(",") {
                i += 1
                high = number()
                unbounded = high == nil
            }
            guard isSymbol("}") else {
                fail(current, "expected a repetition such as {2}, {0,4} or {1,} (closed by '}')")
                return nil
            }
            i += 1
            let min = low ?? 0
            if low == nil && high == nil && !unbounded { fail(open, "an empty repetition {}"); return nil }
            if let high, high < min { fail(open, "a repetition whose maximum (\(high)) is below its minimum (\(min))"); return nil }
            if max(min, high ?? 0) > RuleParser.maxRepeat { fail(open, "a repetition bound above \(RuleParser.maxRepeat)"); return nil }
            return (min, unbounded ? nil : high)
        }
    }
}

extension RulePattern {
    /// The capture names of `pattern` and the types each is captured as.
    static func captures(of pattern: RulePattern) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func visit(_ p: RulePattern) {
            switch p {
            case .annotation(let capture?, let type, _, _): out[capture, default: []].insert(type)
            case .sequence(let items), .alternation(let items): items.forEach(visit)
            case .repetition(let inner, _, _): visit(inner)
            default: break
            }
        }
        visit(pattern)
        return out
    }
}
