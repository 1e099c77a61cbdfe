import ArgumentParser
import Foundation
@_spi(Stages) import Gazette

/// `gazette eval`: scores extraction against annotated documents.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score extraction against annotated documents: triples, dates and entities.",
        discussion: """
            Runs each document of DOCS_DIR (DOC.txt, else DOC, for each document id) through the \
            pipeline gazette extract runs, with its date from the meta file, and scores the \
            triples and entities against the gold file (the format of docs/evaluation.md): \
            precision, recall and F1 of triples, overall and by predicate; the share of matched \
            dated triples whose date is right; entity recall and precision by type. Matching \
            follows news-dev's GUIDE.md as its score.py applies it: met in either order; names \
            folded for case and diacritics, a person's surname matching the full name; optional \
            gold counts neither way; a null gold date is not scored; a date inside a gold \
            interval is right.

            The documents are those of the meta file (of --split only, when given), else those \
            the gold file names. Exit codes: 0 scored; 1 a document could not be read, or F1 is \
            below --fail-under; 2 usage error, or a problem in the gold, meta, rule or lexicon \
            files (each as file:line:column: what is wrong).
            """
    )

    @Argument(help: ArgumentHelp("The gold file (JSON Lines: entity and triple lines per document).", valueName: "gold"))
    var gold: String

    @Argument(help: ArgumentHelp("The folder holding each document as DOC.txt.", valueName: "docs-dir"))
    var documents: String

    @Option(help: ArgumentHelp("JSON Lines with each document's doc, dct (its date, or null) and split.", valueName: "meta"))
    var meta: String?

    @Option(help: ArgumentHelp("Score only the documents of this split of the meta file (dev, check ...).", valueName: "name"))
    var split: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    @Flag(help: "Read 05/06/2025 as May 6 (month first); by default it is 5 June.")
    var monthFirst = false

    @Option(help: ArgumentHelp("List each miss, each extra, or all of them (with wrong dates and entity misses and extras), with its document, sentence and rule.", valueName: "what"))
    var show: Show?

    @Flag(help: "Print the figures as one JSON object (the fields of score.py --json, and more).")
    var json = false

    @Option(help: ArgumentHelp("Exit 1 when the triples' F1 is below this (0 to 1).", valueName: "f1"))
    var failUnder: Double?

    enum Show: String, ExpressibleByArgument, CaseIterable {
        case misses, extras, all
    }

    func validate() throws {
        if split != nil && meta == nil { throw ValidationError("--split needs --meta, the file that gives each document's split") }
        if let failUnder, !(0...1).contains(failUnder) { throw ValidationError("--fail-under takes an F1 between 0 and 1; got \(failUnder)") }
        if show != nil && json { throw ValidationError("--show lists findings as text; it does not go with --json") }
    }

    func run() throws {
        let goldSet: GoldSet
        var metas: [DocumentMeta] = []
        do {
            goldSet = try GoldSet.load(path: gold)
            if let meta { metas = try DocumentMeta.load(path: meta) }
        } catch {
            throw ConfigurationFailure(message: error.description)
        }
        // The documents to run, with their dates.
        var selected: [DocumentMeta]
        if meta != nil {
            selected = metas
            if let split {
                selected = metas.filter { $0.split == split }
                if selected.isEmpty {
                    let known = Set(metas.compactMap(\.split)).sorted()
                    throw ConfigurationFailure(message: "\(meta!): no document of split \"\(split)\" (splits: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
                }
            }
            let listed = Set(metas.map(\.document))
            let unlisted = goldSet.documents.filter { !listed.contains($0) }
            if !unlisted.isEmpty {
                Diagnostics.note("\(gold): \(unlisted.count) annotated document(s) not in \(meta!), not scored: \(unlisted.prefix(5).joined(separator: ", "))\(unlisted.count > 5 ? " ..." : "")")
            }
        } else {
            selected = goldSet.documents.map { DocumentMeta(document: $0) }
        }
        if selected.isEmpty { throw ConfigurationFailure(message: "\(meta ?? gold): no documents to score") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: documents, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputFailure(message: "\(documents): no such folder")
        }
        let keep = Set(selected.map(\.document))
        var evaluation = Evaluation(gold: goldSet.restricted(to: keep))

        // Read every document first: a missing one would make every figure wrong.
        var texts: [[UInt8]] = []
        var failures: [String] = []
        for m in selected {
            let base = (documents as NSString).appendingPathComponent(m.document)
            // DOC.txt, else DOC, whichever is a file.
            func isFile(_ path: String) -> Bool {
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
            }
            let path = isFile(base + ".txt") || !isFile(base) ? base + ".txt" : base
            let bytes: [UInt8]
            do { bytes = try readFile(path) } catch {
                failures.append(error.description)
                texts.append([])
                continue
            }
            if let bad = bytes.withUnsafeBufferPointer(UTF8Scanner.firstInvalidByte) {
                Diagnostics.note("\(path): invalid UTF-8 at byte \(bad); ill-formed bytes are read as U+FFFD")
            }
            texts.append(bytes)
        }
        if !failures.isEmpty {
            throw InputFailure(message: failures.joined(separator: "\ngazette: ") + "\n\(failures.count) of \(selected.count) documents cannot be read; nothing scored")
        }

        let pipeline = try pipelineOptions.load()
        let worker: PipelineWorker
        do { worker = try pipeline.makeWorker() } catch { throw ConfigurationFailure(message: error.message) }
        worker.dayFirst = !monthFirst
        var traces: [String: DocumentTrace] = [:]
        for (m, text) in zip(selected, texts) {
            do {
                traces[m.document] = try evaluation.run(worker, document: m.document, text: text, date: m.date)
            } catch {
                throw InputFailure(message: "\((documents as NSString).appendingPathComponent(m.document)).txt: \(error.message)")
            }
        }
        var report = evaluation.score(traces: show == nil ? [:] : traces)
        report.documents = selected.count

        var out = ""
        if json {
            out = report.jsonLine(split: split)
        } else {
            if let show {
                out += Self.findings(report, show: show)
            }
            out += Self.tables(report, gold: gold, split: split)
        }
        try StandardOutput.write(Array(out.utf8))
        // The floor is compared with the F1 as printed, to three decimals.
        if let failUnder, (report.triples.f1 * 1000).rounded() / 1000 < failUnder {
            Diagnostics.error(String(format: "triples F1 %.3f is below --fail-under %g", report.triples.f1, failUnder))
            throw ExitCode(1)
        }
    }

    static func findings(_ report: EvaluationReport, show: Show) -> String {
        let kinds: Set<EvaluationReport.Finding.Kind> = switch show {
        case .misses: [.miss]
        case .extras: [.extra]
        case .all: [.miss, .extra, .wrongDate, .entityMiss, .entityExtra, .forbidden]
        }
        var out = ""
        for f in report.findings where kinds.contains(f.kind) {
            out += "\(f.kind.rawValue) \(f.document) \(f.item)\n"
            if let s = f.sentence {
                let text = s.text.replacingOccurrences(of: "\n", with: " ")
                out += "    [\(s.index)] \(text.count > 300 ? String(text.prefix(300)) + "..." : text)\n"
            }
            if let why = f.why { out += "    \(why)\n" }
        }
        if !out.isEmpty { out += "\n" }
        return out
    }

    static func tables(_ report: EvaluationReport, gold: String, split: String?) -> String {
        /// A ratio with three decimals, or "-" where its denominator is zero.
        func f(_ x: Double, defined: Bool = true) -> String { defined ? String(format: "%.3f", x) : "    -" }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func num(_ x: Int, _ n: Int) -> String { let s = String(x); return String(repeating: " ", count: max(0, n - s.count)) + s }
        var out = "\(report.documents) documents\(split.map { " (split \($0))" } ?? "") scored against \(gold)\n\n"
        out += "triples          gold     tp     fp     fn      P      R     F1\n"
        for (p, s) in report.byPredicate + [("all", report.triples)] {
            out += "  \(pad(p, 13))\(num(s.gold, 5))\(num(s.truePositives, 7))\(num(s.falsePositives, 7))\(num(s.falseNegatives, 7))"
            out += "  \(f(s.precision, defined: s.truePositives + s.falsePositives > 0))  \(f(s.recall, defined: s.gold > 0))  \(f(s.f1))\n"
        }
        out += "dates: \(report.datesRight) of \(report.datesScored) matched dated triples right"
        out += report.datesScored > 0 ? " (\(f(Double(report.datesRight) / Double(report.datesScored))))\n\n" : "\n\n"
        out += "entities         gold  found  recall  distinct  extras  precision\n"
        for t in report.entityTypes {
            out += "  \(pad(t.type, 13))\(num(t.gold, 5))\(num(t.found, 7))   \(f(t.recall, defined: t.gold > 0))\(num(t.distinct, 10))\(num(t.extras, 8))      \(f(t.precision, defined: t.distinct > 0))\n"
        }
        out += "  \(pad("all", 13))\(num(report.entityGold, 5))\(num(report.entityFound, 7))   \(f(report.entityRecall))"
        out += "\(num(report.entityDistinct, 10))\(num(report.entityExtras, 8))      \(f(report.entityPrecision))\n"
        if report.forbiddenMentions > 0 { out += "forbidden mentions: \(report.forbiddenMentions)\n" }
        return out
    }
}
