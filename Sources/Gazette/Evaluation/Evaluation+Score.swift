import Foundation

/// What one document's run left for explaining misses: its sentences, and every rule match
/// with what became of it.
package struct DocumentTrace: Sendable {
    package struct Match: Sendable {
        package var sentence: Int
        package var rule: String
        /// The predicate the rule emits, or nil for a negative rule.
        package var predicate: String?
        /// "kept", "suppressed by RULE" or "lost an overlap to RULE".
        package var outcome: String
    }

    package var document: String
    package var sentences: [String]
    package var matches: [Match]
}

extension PipelineWorker {
    /// The sentences and rule matches of the document `extract` last ran on, for `Evaluation`.
    package func trace(_ extraction: Extraction, text: UnsafeBufferPointer<UInt8>, document: String) -> DocumentTrace {
        let sentences = layer.sentences.map { s -> String in
            guard s.endToken > s.firstToken else { return "" }
            let start = Int(layer.tokens[Int(s.firstToken)].start), end = Int(layer.tokens[Int(s.endToken) - 1].end)
            return String(decoding: text[start..<end], as: UTF8.self)
        }
        let rules = pipeline.rules.rules
        let matches = extraction.matches.map { m -> DocumentTrace.Match in
            let outcome: String
            switch m.outcome {
            case .kept: outcome = "kept"
            case .suppressed(let by): outcome = "suppressed by \(rules[extraction.matches[by].rule].id)"
            case .overlapped(let by): outcome = "lost an overlap to \(rules[extraction.matches[by].rule].id)"
            }
            let rule = rules[m.rule]
            return DocumentTrace.Match(sentence: m.sentence.rawValue, rule: rule.id, predicate: rule.isNegative ? nil : rule.predicate, outcome: outcome)
        }
        return DocumentTrace(document: document, sentences: sentences, matches: matches)
    }
}

/// The figures of an `Evaluation`, and each miss and extra.
package struct EvaluationReport: Sendable {
    package struct Scores: Sendable, Equatable {
        package var gold = 0, system = 0, truePositives = 0, falsePositives = 0, falseNegatives = 0
        package var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        package var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    package struct EntityScores: Sendable, Equatable {
        package var type: String
        package var gold = 0, found = 0
        /// Distinct system entities of this type, and how many of them, in documents with gold
        /// entities, match no gold entity.
        package var distinct = 0, extras = 0
        package var recall: Double { ratio(found, gold) }
        package var precision: Double { ratio(distinct - extras, distinct) }
    }

    /// One line of `--show`.
    package struct Finding: Sendable {
        package enum Kind: String, Sendable { case miss, extra, wrongDate = "wrong date", entityMiss = "entity miss", entityExtra = "entity extra", forbidden }
        package var kind: Kind
        package var document: String
        /// The fact or entity, as "(s | p | o | date)" or "type name".
        package var item: String
        /// The sentence it stands in, when one is known, with its index.
        package var sentence: (index: Int, text: String)?
        /// Which rule gave it, or what became of the rules there.
        package var why: String?
    }

    package var documents = 0
    package var triples = Scores()
    /// Per predicate the gold annotates, in name order.
    package var byPredicate: [(predicate: String, scores: Scores)] = []
    package var datesRight = 0, datesScored = 0
    /// Person, country and agreement, in that order; `distinct` and `extras` over all types.
    package var entityTypes: [EntityScores] = []
    package var entityGold = 0, entityFound = 0, entityDistinct = 0, entityExtras = 0
    package var forbiddenMentions = 0
    package var findings: [Finding] = []

    package var entityRecall: Double { ratio(entityFound, entityGold) }
    package var entityPrecision: Double { ratio(entityDistinct - entityExtras, entityDistinct) }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

extension Evaluation {
    /// Scores the records added so far against the gold set; `traces` (by document) explain
    /// the misses.
    package func score(traces: [String: DocumentTrace] = [:]) -> EvaluationReport {
        var report = EvaluationReport()
        let scored = Set(gold.triples.map(\.predicate)).intersection(GoldSet.predicates)
        let goldTriples = gold.triples.filter { scored.contains($0.predicate) }
        var systemByDocument: [String: [Int]] = [:]
        for (i, t) in triples.enumerated() { systemByDocument[t.document, default: []].append(i) }
        var goldByDocument: [String: [Int]] = [:]
        for (i, t) in goldTriples.enumerated() { goldByDocument[t.document, default: []].append(i) }
        let goldNames = goldTriples.map { (NameMatch.Name(NameMatch.normalize($0.subject)), NameMatch.Name(NameMatch.normalize($0.object))) }

        func tripleMatches(_ g: Int, _ s: SystemTriple) -> Bool {
            let t = goldTriples[g]
            guard t.document == s.document, t.predicate == s.predicate else { return false }
            let (gs, go) = goldNames[g]
            if NameMatch.matches(normalized: gs, s.subject) && NameMatch.matches(normalized: go, s.object) { return true }
            return GoldSet.symmetricPredicates.contains(t.predicate)
                && NameMatch.matches(normalized: gs, s.object) && NameMatch.matches(normalized: go, s.subject)
        }

        var used = Set<Int>()
        var perPredicate: [String: EvaluationReport.Scores] = [:]
        for (g, t) in goldTriples.enumerated() {
            let hit = systemByDocument[t.document]?.first { !used.contains($0) && tripleMatches(g, triples[$0]) }
            guard let hit else {
                if !t.optional {
                    report.triples.falseNegatives += 1
                    perPredicate[t.predicate, default: .init()].falseNegatives += 1
                    report.findings.append(missFinding(t, traces: traces))
                }
                continue
            }
            used.insert(hit)
            if t.optional { continue }
            report.triples.truePositives += 1
            perPredicate[t.predicate, default: .init()].truePositives += 1
            if let date = t.date, t.predicate != "holds_office" {
                report.datesScored += 1
                if Self.dateMatches(gold: date, system: triples[hit].date) {
                    report.datesRight += 1
                } else {
                    let s = triples[hit]
                    report.findings.append(.init(kind: .wrongDate, document: t.document, item: "(\(t.subject) | \(t.predicate) | \(t.object) | \(date))",
                                                 sentence: sentence(s.sentence, of: traces[t.document]),
                                                 why: "got \(s.date ?? "no date") from \(s.rule ?? "its rule")"))
                }
            }
        }
        for (i, s) in triples.enumerated() where scored.contains(s.predicate) {
            report.triples.system += 1
            guard !used.contains(i), !(goldByDocument[s.document] ?? []).contains(where: { tripleMatches($0, s) }) else { continue }
            report.triples.falsePositives += 1
            perPredicate[s.predicate, default: .init()].falsePositives += 1
            report.findings.append(.init(kind: .extra, document: s.document, item: "(\(s.subjectText) | \(s.predicate) | \(s.objectText) | \(s.date ?? "-"))",
                                         sentence: sentence(s.sentence, of: traces[s.document]), why: s.rule.map { "by \($0)" }))
        }
        report.triples.gold = report.triples.truePositives + report.triples.falseNegatives
        for p in scored.sorted() {
            var scores = perPredicate[p] ?? .init()
            scores.gold = goldTriples.filter { $0.predicate == p && !$0.optional }.count
            report.byPredicate.append((p, scores))
        }
        scoreEntities(into: &report, traces: traces)
        return report
    }

    func scoreEntities(into report: inout EvaluationReport, traces: [String: DocumentTrace]) {
        var byDocument: [String: [Int]] = [:]
        for (i, e) in entities.enumerated() { byDocument[e.document, default: []].append(i) }
        func entityMatches(_ g: GoldSet.Entity, _ e: SystemEntity) -> Bool {
            e.document == g.document && e.type.hasPrefix(String(g.type.prefix(4)))
                && g.names.contains { NameMatch.matches(normalized: NameMatch.Name(NameMatch.normalize($0)), e.names) }
        }
        let required = gold.entities.filter { !$0.optional }
        var types = ["person", "country", "agreement"].map { EvaluationReport.EntityScores(type: $0) }
        for g in required {
            let found = byDocument[g.document]?.contains { entityMatches(g, entities[$0]) } ?? false
            if let t = types.firstIndex(where: { $0.type == g.type }) {
                types[t].gold += 1
                if found { types[t].found += 1 }
            }
            if found {
                report.entityFound += 1
            } else {
                report.findings.append(.init(kind: .entityMiss, document: g.document, item: "\(g.type) \(g.name)", sentence: nil, why: nil))
            }
        }
        report.entityGold = required.count
        // Distinct system entities by document, type and first name; the first stands for all.
        var goldByDocument: [String: [GoldSet.Entity]] = [:]
        for g in gold.entities { goldByDocument[g.document, default: []].append(g) }
        var seen = Set<String>()
        let goldDocuments = Set(required.map(\.document))
        for e in entities {
            let type4 = String(e.type.prefix(4))
            guard ["pers", "coun", "agre"].contains(type4) else { continue }
            let key = "\(e.document)\u{0}\(type4)\u{0}\(NameMatch.normalize(e.firstName))"
            guard seen.insert(key).inserted else { continue }
            report.entityDistinct += 1
            let t = types.firstIndex { $0.type.hasPrefix(type4) }
            if let t { types[t].distinct += 1 }
            guard goldDocuments.contains(e.document), !(goldByDocument[e.document] ?? []).contains(where: { entityMatches($0, e) }) else { continue }
            report.entityExtras += 1
            if let t { types[t].extras += 1 }
            report.findings.append(.init(kind: .entityExtra, document: e.document, item: "\(e.type) \(e.firstName)",
                                         sentence: sentence(e.sentence, of: traces[e.document]), why: nil))
        }
        for f in gold.forbidden {
            let text = NameMatch.normalize(f.text)
            for e in entities where e.type.hasPrefix(String(f.type.prefix(4))) && e.names.contains(where: { $0.text == text }) {
                report.forbiddenMentions += 1
                report.findings.append(.init(kind: .forbidden, document: e.document, item: "\(e.type) \(e.firstName)",
                                             sentence: sentence(e.sentence, of: traces[e.document]), why: nil))
            }
        }
        report.entityTypes = types
    }

    func sentence(_ index: Int?, of trace: DocumentTrace?) -> (index: Int, text: String)? {
        guard let index, let trace, trace.sentences.indices.contains(index) else { return nil }
        return (index, trace.sentences[index])
    }

    /// A missed gold triple, with the sentence that states it as far as the output shows (the
    /// first that mentions both arguments) and what the rules of its predicate did there.
    func missFinding(_ t: GoldSet.Triple, traces: [String: DocumentTrace]) -> EvaluationReport.Finding {
        let item = "(\(t.subject) | \(t.predicate) | \(t.object) | \(t.date ?? "-"))"
        func sentences(of name: String) -> Set<Int> {
            let n = NameMatch.Name(NameMatch.normalize(name))
            return Set(entities.filter { $0.document == t.document && NameMatch.matches(normalized: n, $0.names) }.compactMap(\.sentence))
        }
        let s = sentences(of: t.subject), o = sentences(of: t.object)
        let both = s.intersection(o).sorted()
        guard let first = both.first else {
            let missing = [s.isEmpty ? t.subject : nil, o.isEmpty ? t.object : nil].compactMap { $0 }
            let why = missing.isEmpty ? "no sentence mentions both \(t.subject) and \(t.object)"
                : "no entity found for " + missing.joined(separator: " or ")
            return .init(kind: .miss, document: t.document, item: item, sentence: nil, why: why)
        }
        let trace = traces[t.document]
        let here = trace?.matches.filter { $0.sentence == first && ($0.predicate == t.predicate || $0.predicate == nil) } ?? []
        let why = here.isEmpty ? "no rule of \(t.predicate) matched here"
            : here.map { "\($0.rule) " + ($0.outcome == "kept" ? "matched here, and gave another fact" : $0.outcome) }.joined(separator: "; ")
        return .init(kind: .miss, document: t.document, item: item, sentence: sentence(first, of: trace), why: why)
    }
}

extension Evaluation {
    /// Runs `worker` on one document as `gazette extract --emit all` does, and adds the records
    /// it writes.
    /// - Returns: the document's sentences and rule matches, for `score(traces:)`.
    package mutating func run(_ worker: PipelineWorker, document: String, text: [UInt8], date: CalendarDay?) throws(TextError) -> DocumentTrace {
        var json = JSONWriter(capacity: 1 << 16)
        let trace = try text.withUnsafeBufferPointer { (buffer) throws(TextError) -> DocumentTrace in
            let extraction = try worker.extract(buffer, date: date)
            _ = worker.writeRecords(extraction, text: buffer, document: document, emit: .all, into: &json)
            return worker.trace(extraction, text: buffer, document: document)
        }
        add(records: json.bytes)
        return trace
    }
}

extension EvaluationReport {
    /// The figures as one line of JSON: the fields `score.py --json` prints (triples with
    /// by_predicate, entities with by_type), plus the number of documents and the split, and
    /// each entity type's precision.
    package func jsonLine(split: String?) -> String {
        func r(_ x: Double) -> String { String(format: "%.3f", x) }
        func scores(_ s: Scores, _ total: Bool) -> String {
            if total {
                return #"{"gold":\#(s.gold),"system":\#(s.system),"tp":\#(s.truePositives),"fp":\#(s.falsePositives),"fn":\#(s.falseNegatives),"P":\#(r(s.precision)),"R":\#(r(s.recall)),"F1":\#(r(s.f1))"#
            }
            let recall = s.gold == 0 ? "null" : r(ratio(s.truePositives, s.gold))
            let precision = s.truePositives + s.falsePositives == 0 ? "null" : r(s.precision)
            return #"{"gold":\#(s.gold),"tp":\#(s.truePositives),"fp":\#(s.falsePositives),"R":\#(recall),"P":\#(precision)}"#
        }
        var json = JSONWriter(capacity: 256)
        json.string(split ?? "")
        let splitJSON = split == nil ? "null" : String(decoding: json.bytes, as: UTF8.self)
        var out = #"{"documents":\#(documents),"split":\#(splitJSON),"triples":"#
        out += scores(triples, true)
        out += #","date_acc":"\#(datesRight)/\#(datesScored)","by_predicate":{"#
        out += byPredicate.map { #""\#($0.predicate)":"# + scores($0.scores, false) }.joined(separator: ",")
        out += #"}},"entities":{"gold":\#(entityGold),"found":\#(entityFound),"R":\#(r(entityRecall)),"P_distinct":\#(r(entityPrecision)),"#
        out += #""system_distinct":\#(entityDistinct),"forbidden_mentions":\#(forbiddenMentions),"by_type":{"#
        out += entityTypes.map { t in
            let recall = t.gold == 0 ? "null" : r(t.recall)
            return #""\#(t.type)":{"gold":\#(t.gold),"R":\#(recall),"found":\#(t.found),"distinct":\#(t.distinct),"extras":\#(t.extras),"P_distinct":\#(t.distinct == 0 ? "null" : r(t.precision))}"#
        }.joined(separator: ",")
        out += "}}}\n"
        return out
    }
}
