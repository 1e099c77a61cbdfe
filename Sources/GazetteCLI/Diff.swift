import ArgumentParser
import Foundation
@_spi(Stages) import Gazette
import GazetteBatch

/// `gazette diff`: what a rule or lexicon change did to the facts extracted from one corpus.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two extraction outputs of the same corpus: the facts added and removed.",
        discussion: """
            Reads the triple records of OLD and NEW (JSON Lines as gazette extract writes them, \
            plain or gzip'd; other records are passed over) and matches facts by document, \
            subject id, predicate, object id and date, not by line order. Prints the counts of \
            added and removed facts, by predicate and by rule, and examples of each with the \
            sentence that states them (--examples per predicate). --format json writes the same \
            as one JSON object. One of the two (either may be -, standard input) is read \
            twice; 16 bytes per fact are held, and the examples. Exit codes: 0, or 1 with \
            --fail-on-change when the outputs differ; 2 when an input cannot be read or holds \
            a line that is not a record.
            """
    )

    @Argument(help: ArgumentHelp("The output before the change.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The output after the change.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: Format = .text

    @Option(help: ArgumentHelp("How many examples of added and of removed facts to show per predicate.", valueName: "n"))
    var examples = 3

    @Flag(help: "Exit with code 1 when the outputs differ.")
    var failOnChange = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// A fact of an output, with what the report shows of it (kept only for the examples).
    struct Fact {
        var doc: String
        var subject: String
        var predicate: String
        var object: String
        var date: String?
        var rule: String
        var evidence: String
        /// The record's line as read (valid JSON), for the examples of `--format json`.
        var record: [UInt8]
    }

    /// A fact's identity (document, subject id, predicate, object id, date) as two independent
    /// 64-bit hashes of its fields: 16 bytes a fact, so that the facts of a large dump's two
    /// outputs fit in memory (two keys of 1M facts each collide with odds of about 1 in 10^25).
    struct Key: Hashable {
        var a: UInt64
        var b: UInt64

        init(_ fields: [String]) {
            var first = Hasher(), second = Hasher()
            first.combine(0 as UInt8)
            second.combine(1 as UInt8)
            for f in fields {
                first.combine(f)
                second.combine(f)
            }
            a = UInt64(bitPattern: Int64(first.finalize()))
            b = UInt64(bitPattern: Int64(second.finalize()))
        }
    }

    /// The facts added (or removed): how many, by predicate and by rule, and the first
    /// `examples` of each predicate in file order.
    struct Changes {
        var count = 0
        var byPredicate: [String: Int] = [:]
        var byRule: [String: Int] = [:]
        var examples: [String: [Fact]] = [:]

        mutating func add(_ fact: @autoclosure () -> Fact, predicate: String, rule: String, keeping limit: Int) {
            count += 1
            byPredicate[predicate, default: 0] += 1
            byRule[rule, default: 0] += 1
            if examples[predicate, default: []].count < limit { examples[predicate, default: []].append(fact()) }
        }

        /// Counts by name, sorted by name.
        static func sorted(_ counts: [String: Int]) -> [(String, Int)] { counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    func run() throws {
        // One output is read twice (the other may be standard input): its keys first, then,
        // once the other's are known, the facts it alone has. The other is read once: its keys,
        // and the facts the first does not have, as they come. Only the keys and the examples
        // are held.
        let twice = old == "-" ? new : old, once = old == "-" ? old : new
        var firstKeys: Set<Key> = []
        try Self.eachFact(twice) { key, _, _, _, _ in firstKeys.insert(key) }
        var onceKeys: Set<Key> = []
        var onceOnly = Changes()
        try Self.eachFact(once) { key, record, line, predicate, rule in
            guard onceKeys.insert(key).inserted, !firstKeys.contains(key) else { return }
            onceOnly.add(Self.fact(record, line: line, predicate: predicate, rule: rule), predicate: predicate, rule: rule, keeping: examples)
        }
        var twiceOnly = Changes(), counted: Set<Key> = []
        try Self.eachFact(twice) { key, record, line, predicate, rule in
            guard !onceKeys.contains(key), counted.insert(key).inserted else { return }
            twiceOnly.add(Self.fact(record, line: line, predicate: predicate, rule: rule), predicate: predicate, rule: rule, keeping: examples)
        }
        let (added, removed) = old == "-" ? (twiceOnly, onceOnly) : (onceOnly, twiceOnly)
        let (before, after) = old == "-" ? (onceKeys.count, firstKeys.count) : (firstKeys.count, onceKeys.count)
        let unchanged = onceKeys.count - onceOnly.count
        let report = format == .json
            ? json(before: before, after: after, added: added, removed: removed, unchanged: unchanged)
            : text(before: before, after: after, added: added, removed: removed, unchanged: unchanged)
        try StandardOutput.write(Array(report.utf8))
        if failOnChange && !(added.count == 0 && removed.count == 0) { throw ExitCode(1) }
    }

    /// Calls `body` with each triple record of an output file, in file order: its key, the
    /// record, its predicate and rule (other records are passed over).
    static func eachFact(_ path: String, _ body: (Key, JSONTree, [UInt8], String, String) throws -> Void) throws {
        let reader = InputReader(paths: [path], options: InputOptions(format: .jsonl))
        while let item = reader.next() {
            switch item.kind {
            case .failure(let failure): throw ConfigurationFailure(message: "\(item.place): \(failure)")
            case .text: continue
            case .jsonLine: break
            }
            // The project's own JSON reader, as for every JSON Lines input (which must be UTF-8).
            guard item.bytes.withUnsafeBufferPointer(UTF8Scanner.firstInvalidByte) == nil else {
                throw ConfigurationFailure(message: "\(item.place): invalid UTF-8")
            }
            guard let record = try? JSONLine.tree(item.bytes), case .object = record else {
                throw ConfigurationFailure(message: "\(item.place): not a JSON object")
            }
            guard record["schema"]?.string == Triple.schema else { continue }
            guard let doc = record["doc"]?.string, let predicate = record["predicate"]?.string,
                  let sid = record["subject"]?["id"]?.string, let oid = record["object"]?["id"]?.string else {
                throw ConfigurationFailure(message: "\(item.place): a triple record without doc, subject, predicate or object")
            }
            let key = Key([doc, sid, predicate, oid, record["date"]?["value"]?.string ?? ""])
            try body(key, record, item.bytes, predicate, record["rule"]?.string ?? "")
        }
    }

    /// What the report shows of a triple record (`eachFact` checked its fields).
    static func fact(_ record: JSONTree, line: [UInt8], predicate: String, rule: String) -> Fact {
        var evidence = ""
        if case .array(let items)? = record["evidence"], let text = items.first?["text"]?.string { evidence = text }
        let sid = record["subject"]?["id"]?.string ?? "", oid = record["object"]?["id"]?.string ?? ""
        return Fact(doc: record["doc"]?.string ?? "", subject: record["subject"]?["name"]?.string ?? sid, predicate: predicate,
                    object: record["object"]?["name"]?.string ?? oid, date: record["date"]?["value"]?.string, rule: rule,
                    evidence: evidence, record: line)
    }

    func table(_ title: String, added: [(String, Int)], removed: [(String, Int)]) -> String {
        let names = Array(Set(added.map(\.0) + removed.map(\.0))).sorted()
        guard !names.isEmpty else { return "" }
        let a = Dictionary(uniqueKeysWithValues: added), r = Dictionary(uniqueKeysWithValues: removed)
        let width = max(title.count, (names.map(\.count).max() ?? 0) + 2)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        var out = pad(title) + "    added  removed\n"
        for n in names { out += pad("  " + n) + String(format: "  %7d  %7d\n", a[n] ?? 0, r[n] ?? 0) }
        return out
    }

    func text(before: Int, after: Int, added: Changes, removed: Changes, unchanged: Int) -> String {
        var out = "old: \(old) (\(before) facts)\nnew: \(new) (\(after) facts)\n"
        out += "added \(added.count), removed \(removed.count), unchanged \(unchanged)\n"
        guard added.count > 0 || removed.count > 0 else { return out }
        out += "\n" + table("by predicate", added: Changes.sorted(added.byPredicate), removed: Changes.sorted(removed.byPredicate))
        out += "\n" + table("by rule", added: Changes.sorted(added.byRule), removed: Changes.sorted(removed.byRule))
        for (label, changes) in [("added", added), ("removed", removed)] where changes.count > 0 {
            for (predicate, n) in Changes.sorted(changes.byPredicate) {
                out += "\n\(label) \(predicate) (\(min(n, examples)) of \(n)):\n"
                for f in changes.examples[predicate] ?? [] {
                    out += "  \(f.doc)  (\(f.subject) | \(f.predicate) | \(f.object) | \(f.date ?? "-"))  by \(f.rule)\n"
                    out += "    \"\(Self.clip(f.evidence))\"\n"
                }
            }
        }
        return out
    }

    static func clip(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= 200 ? flat : String(flat.prefix(197)) + "..."
    }

    func json(before: Int, after: Int, added: Changes, removed: Changes, unchanged: Int) -> String {
        var json = JSONWriter(capacity: 1 << 16)
        func counts(_ name: StaticString, _ a: [String: Int], _ r: [String: Int]) {
            json.key(name)
            json.beginObject()
            for n in Array(Set(a.keys).union(r.keys)).sorted() {
                json.key(named: n)
                json.beginObject()
                json.key("added"); json.int(a[n] ?? 0)
                json.key("removed"); json.int(r[n] ?? 0)
                json.endObject()
            }
            json.endObject()
        }
        func examples(_ name: StaticString, _ changes: Changes) {
            json.key(name)
            json.beginArray()
            for (predicate, _) in Changes.sorted(changes.byPredicate) {
                for f in changes.examples[predicate] ?? [] { json.raw(f.record) }
            }
            json.endArray()
        }
        json.beginObject()
        json.key("old"); json.beginObject(); json.key("path"); json.string(old); json.key("facts"); json.int(before); json.endObject()
        json.key("new"); json.beginObject(); json.key("path"); json.string(new); json.key("facts"); json.int(after); json.endObject()
        json.key("added"); json.int(added.count)
        json.key("removed"); json.int(removed.count)
        json.key("unchanged"); json.int(unchanged)
        counts("by_predicate", added.byPredicate, removed.byPredicate)
        counts("by_rule", added.byRule, removed.byRule)
        json.key("examples")
        json.beginObject()
        examples("added", added)
        examples("removed", removed)
        json.endObject()
        json.endObject()
        json.newline()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
