import ArgumentParser
import Foundation
@_spi(Stages) import Gazette

/// `gazette explain`: everything the stages found in one text, and why each rule did or did not
/// fire.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the tokens, entities, dates and rule matches of one text, and how far each rule got.",
        discussion: """
            The input is a file, - for standard input, or else the text itself. Prints the \
            sentences and their tokens, the clause boundaries rules see ([boundary]), the entity \
            mentions with how they were found and where a person's phrase starts, titles, \
            dates with their values, the rules that fired with their captures, the facts, and for \
            each rule that did not fire, why: suppressed by a negative rule, lost an overlap, never \
            started (its first element matches nowhere), or how far its pattern got and what it \
            expected there. For reading, not for parsing: gazette extract writes the records.
            """
    )

    @Argument(help: ArgumentHelp("A file, - for standard input, or the text itself.", valueName: "text-or-file"))
    var input: String

    @Option(help: ArgumentHelp("The document's date (as for gazette extract).", valueName: "date"))
    var date: String?




    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
        if let date, CalendarDay.parseDocumentDate(date) == nil {
            throw ValidationError("--date must be a date such as 2025-05-29, 2025-05, 2025 or May 29, 2025; got '\(date)'")
        }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let bytes = input == "-" || FileManager.default.fileExists(atPath: input) ? try InputSource.read(input).bytes : Array(input.utf8)
        let worker: PipelineWorker
        do { worker = try pipeline.makeWorker() } catch { throw ConfigurationFailure(message: error.message) }
        var out = ""
        try bytes.withUnsafeBufferPointer { text in
            let extraction: Extraction
            do { extraction = try worker.extract(text, date: date.flatMap(CalendarDay.parseDocumentDate)) } catch let error as TextError {
                throw InputFailure(message: "\(input): \(error.message)")
            }
            out = report(text, extraction, worker)
        }
        try StandardOutput.write(Array(out.utf8))
    }

    func report(_ text: UnsafeBufferPointer<UInt8>, _ x: Extraction, _ worker: PipelineWorker) -> String {
        let layer = worker.layer
        let rules = worker.pipeline.rules.rules
        func surface(_ first: Int, _ end: Int) -> String {
            guard first < end else { return "" }
            return String(decoding: text[Int(layer.tokens[first].start)..<Int(layer.tokens[end - 1].end)], as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
        }
        var out = ""
        let source = x.documentDateSource.map { $0 == .given ? "given" : "read from the text" } ?? ""
        out += "document date: \(x.documentDate.map { "\($0.isoAtPrecision) (\(source))" } ?? "none")\n"

        out += "\nsentences and tokens:\n"
        for (s, sentence) in layer.sentences.enumerated() {
            let tokens = sentence.tokenRange.map { "\($0):\(surface($0, $0 + 1))" }
            out += "  [\(s)] " + tokens.joined(separator: " ") + "\n"
        }
        // The clause view rules see through [boundary] and [gap].
        let boundaries = layer.tokens.indices.filter { worker.pipeline.rules.isClauseBoundary(layer.tokens[$0]) }
        out += "clause boundaries: " + (boundaries.isEmpty ? "none" : boundaries.map { "\($0):\(surface($0, $0 + 1))" }.joined(separator: " ")) + "\n"

        out += "\nentities:\n"
        if x.mentions.isEmpty { out += "  none\n" }
        for m in x.mentions {
            let names = m.candidates.map { "\(x.entities[$0].id) \(x.entities[$0].name)" }.joined(separator: " or ")
            var how = "\(m.source.rawValue), \(m.aliasKind.rawValue)"
            if let t = m.titleStart { how += "; phrase from token \(t)" }
            out += "  \(m.firstToken)-\(m.endToken) \"\(surface(m.firstToken, m.endToken))\"  \(names)  (\(how))\n"
        }
        if !x.titles.isEmpty {
            out += "\ntitles:\n"
            for t in x.titles { out += "  \(t.firstToken)-\(t.endToken) \"\(surface(t.firstToken, t.endToken))\"  \(t.office)\n" }
        }
        out += "\ndates:\n"
        if x.dates.isEmpty { out += "  none\n" }
        for d in x.dates {
            out += "  \(d.firstToken)-\(d.endToken) \"\(surface(d.firstToken, d.endToken))\"  \(d.value ?? "no value") (\(d.granularity.rawValue), \(d.anchor.rawValue))\n"
        }

        out += "\nrule matches:\n"
        if x.matches.isEmpty { out += "  none\n" }
        for m in x.matches {
            let rule = rules[m.rule]
            var captures: [String] = []
            for (slot, name) in worker.pipeline.rules.captureNames(ofRule: m.rule).enumerated() {
                guard slot < m.captures.count, let c = m.captures[slot] else { continue }
                switch c {
                case .mention(let i): captures.append("\(name)=\"\(surface(x.mentions[i].firstToken, x.mentions[i].endToken))\"")
                case .date(let i): captures.append("\(name)=\"\(surface(x.dates[i].firstToken, x.dates[i].endToken))\"")
                case .title(let i): captures.append("\(name)=\"\(surface(x.titles[i].firstToken, x.titles[i].endToken))\"")
                }
            }
            let outcome: String
            switch m.outcome {
            case .kept: outcome = rule.isNegative ? "suppresses \(rule.suppresses.joined(separator: ", "))" : "kept"
            case .suppressed(let by): outcome = "suppressed by \(rules[x.matches[by].rule].id)"
            case .overlapped(let by): outcome = "lost the overlap to \(rules[x.matches[by].rule].id)"
            }
            out += "  \(rule.id)  \(m.firstToken)-\(m.endToken) \"\(surface(m.firstToken, m.endToken))\"  \(captures.joined(separator: " "))  -> \(outcome)\n"
        }

        out += "\nfacts:\n"
        let triples = Triple.make(x, document: "-", text: text, layer: layer, rules: worker.pipeline.rules)
        if triples.isEmpty { out += "  none\n" }
        for t in triples {
            out += "  (\(t.subject.name) | \(t.predicate) | \(t.object.name) | \(t.date?.value ?? "-"))  by \(t.evidence.map(\.rule).joined(separator: ", "))\n"
        }

        out += "\nrules that did not fire:\n"
        for e in worker.explainRules(text, extraction: x) {
            switch e.status {
            case .fired: continue
            case .suppressed(let by): out += "  \(e.rule): suppressed by \(by)\n"
            case .overlapped(let by): out += "  \(e.rule): lost the overlap to \(by)\n"
            case .neverStarted: out += "  \(e.rule): never started (its first element matches nowhere)\n"
            case .stopped(let matched, let expected, let found):
                let at = found.map { "at \"\($0)\"" } ?? "at the end of the sentence"
                let shown = expected.prefix(6).joined(separator: " or ") + (expected.count > 6 ? " or \(expected.count - 6) more" : "")
                out += "  \(e.rule): matched \"\(matched)\", expected \(shown) \(at)\n"
            }
        }
        return out
    }
}
