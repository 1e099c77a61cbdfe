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
            as one JSON object. Exit codes: 0, or 1 with --fail-on-change when the outputs \
            differ; 2 when an input cannot be read or holds a line that is not a record.
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

    /// A fact of an output, with what the report shows of it.
    struct Fact {
        var key: String
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

    func run() throws {
        let before = try Self.facts(old)
        let after = try Self.facts(new)
        let oldKeys = Set(before.map(\.key)), newKeys = Set(after.map(\.key))
        let added = after.filter { !oldKeys.contains($0.key) }
        let removed = before.filter { !newKeys.contains($0.key) }
        let unchanged = Set(before.map(\.key)).intersection(newKeys).count
        let report = format == .json
            ? json(before: before.count, after: after.count, added: added, removed: removed, unchanged: unchanged)
            : text(before: before.count, after: after.count, added: added, removed: removed, unchanged: unchanged)
        try StandardOutput.write(Array(report.utf8))
        if failOnChange && !(added.isEmpty && removed.isEmpty) { throw ExitCode(1) }
    }

    /// The distinct facts of an output file, in file order.
    static func facts(_ path: String) throws -> [Fact] {
        let reader = InputReader(paths: [path], options: InputOptions(format: .jsonl))
        var out: [Fact] = []
        var seen: Set<String> = []
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
                  let subject = record["subject"], let object = record["object"],
                  let sid = subject["id"]?.string, let oid = object["id"]?.string else {
                throw ConfigurationFailure(message: "\(item.place): a triple record without doc, subject, predicate or object")
            }
            let date = record["date"]?["value"]?.string
            let key = [doc, sid, predicate, oid, date ?? ""].joined(separator: "\u{1F}")
            guard seen.insert(key).inserted else { continue }
            var evidence = ""
            if case .array(let items)? = record["evidence"], let text = items.first?["text"]?.string { evidence = text }
            out.append(Fact(key: key, doc: doc, subject: subject["name"]?.string ?? sid, predicate: predicate,
                            object: object["name"]?.string ?? oid, date: date, rule: record["rule"]?.string ?? "",
                            evidence: evidence, record: item.bytes))
        }
        return out
    }

    /// Counts per key, in the order keys first appear.
    static func counts(_ facts: [Fact], by key: (Fact) -> String) -> [(String, Int)] {
        var order: [String] = []
        var count: [String: Int] = [:]
        for f in facts {
            let k = key(f)
            if count[k] == nil { order.append(k) }
            count[k, default: 0] += 1
        }
        return order.sorted().map { ($0, count[$0]!) }
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

    func text(before: Int, after: Int, added: [Fact], removed: [Fact], unchanged: Int) -> String {
        var out = "old: \(old) (\(before) facts)\nnew: \(new) (\(after) facts)\n"
        out += "added \(added.count), removed \(removed.count), unchanged \(unchanged)\n"
        guard !added.isEmpty || !removed.isEmpty else { return out }
        out += "\n" + table("by predicate", added: Self.counts(added, by: \.predicate), removed: Self.counts(removed, by: \.predicate))
        out += "\n" + table("by rule", added: Self.counts(added, by: \.rule), removed: Self.counts(removed, by: \.rule))
        for (label, facts) in [("added", added), ("removed", removed)] where !facts.isEmpty {
            for (predicate, n) in Self.counts(facts, by: \.predicate) {
                out += "\n\(label) \(predicate) (\(min(n, examples)) of \(n)):\n"
                for f in facts.filter({ $0.predicate == predicate }).prefix(examples) {
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

    func json(before: Int, after: Int, added: [Fact], removed: [Fact], unchanged: Int) -> String {
        var json = JSONWriter(capacity: 1 << 16)
        func counts(_ name: StaticString, _ key: (Fact) -> String) {
            json.key(name)
            json.beginObject()
            let a = Dictionary(uniqueKeysWithValues: Self.counts(added, by: key)), r = Dictionary(uniqueKeysWithValues: Self.counts(removed, by: key))
            for n in Array(Set(a.keys).union(r.keys)).sorted() {
                json.key(named: n)
                json.beginObject()
                json.key("added"); json.int(a[n] ?? 0)
                json.key("removed"); json.int(r[n] ?? 0)
                json.endObject()
            }
            json.endObject()
        }
        func examples(_ name: StaticString, _ facts: [Fact]) {
            json.key(name)
            json.beginArray()
            for (predicate, _) in Self.counts(facts, by: \.predicate) {
                for f in facts.filter({ $0.predicate == predicate }).prefix(self.examples) {
                    json.raw(f.record)
                }
            }
            json.endArray()
        }
        json.beginObject()
        json.key("old"); json.beginObject(); json.key("path"); json.string(old); json.key("facts"); json.int(before); json.endObject()
        json.key("new"); json.beginObject(); json.key("path"); json.string(new); json.key("facts"); json.int(after); json.endObject()
        json.key("added"); json.int(added.count)
        json.key("removed"); json.int(removed.count)
        json.key("unchanged"); json.int(unchanged)
        counts("by_predicate", \.predicate)
        counts("by_rule", \.rule)
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
