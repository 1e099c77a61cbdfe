import ArgumentParser
import Foundation
import Gazette

/// `gazette extract`: runs the pipeline over a document and writes what it finds as JSON Lines.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract facts (triples), entity mentions and dates from text as JSON Lines.",
        discussion: """
            A text input is one document; its id is the file name as given ("-" for standard \
            input) unless --doc names it. A JSON Lines input (--format jsonl, or a file ending in \
            .jsonl) holds a document a line, with its id, text and date in fields (--id-field, \
            --text-field, --date-field); a line that is not a JSON object or has no text is \
            reported as file:line on standard error and skipped, and the run ends with exit code 1.

            By default each record is a fact the rules find (docs/schema/triple.schema.json): \
            doc; subject, predicate and object, each entity with id, type, name, label and the \
            mention (text, start and end in code points; null for an entity the fact derives); \
            date (value, granularity, text, offsets) or null; qualifiers (office, place); rule; \
            and evidence, every match that states the fact with its rule and sentence. With \
            --emit entities each record is an entity mention or a date expression \
            (docs/schema/entity.schema.json); --emit all writes both, entities first.

            Rules: the defaults built into gazette (met, visited, signed, ratified, negotiating, \
            holds_office, and negative rules), then each --rules file in order; docs/rules.md \
            describes the language. Lexicons: the defaults (countries, people, agreements, \
            titles, stop phrases), then each --lexicon file in order; Lexicons/README.md \
            describes the format. A malformed rule or lexicon line stops the run before any \
            input is read, with every problem as file:line:column and exit code 2.
            """
    )

    @Argument(help: ArgumentHelp("The text file to read, or - for standard input.", valueName: "file"))
    var file: String = "-"

    @Option(help: ArgumentHelp("What to write: triples (one record per fact the rules find), entities (one record per entity mention and date expression), or all (entities, then triples, per document).", valueName: "kind"))
    var emit: Emission = .triples

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file (JSON Lines) to use as well; repeatable.", valueName: "path"))
    var lexicons: [String] = []

    @Flag(help: "Do not use the default lexicons built into gazette.")
    var noDefaultLexicons = false

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file to use as well (docs/rules.md); repeatable.", valueName: "path"))
    var rules: [String] = []

    @Flag(help: "Do not use the default rules built into gazette.")
    var noDefaultRules = false

    @Option(help: ArgumentHelp("The document id to put on each record (default: the file name).", valueName: "id"))
    var doc: String?

    @Option(help: ArgumentHelp("The document's date: 2025-05-29, 2025-05-29T16:05:45Z, 2025-05, 2025, May 29, 2025 or 29 May 2025. Relative dates resolve against it; people from a lexicon get the office they held that day, and a name several people share resolves to the one in office. Without it, a date the text states in its dateline or near its end is used, if any.", valueName: "date"))
    var date: String?

    @Flag(help: "Read 05/06/2025 as May 6 (month first); by default it is 5 June.")
    var monthFirst = false

    func validate() throws {
        if let date, CalendarDay.parseDocumentDate(date) == nil {
            throw ValidationError("--date must be a date such as 2025-05-29, 2025-05, 2025 or May 29, 2025; got '\(date)'")
        }
    }

    enum Emission: String, ExpressibleByArgument, CaseIterable {
        case triples, entities, all
    }

    @Option(help: ArgumentHelp("Input format: text (the whole input is one document), jsonl (one JSON object a line), or auto (jsonl for files ending in .jsonl or .ndjson).", valueName: "format"))
    var format: InputFormat = .auto

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's id (else file:line is its id).", valueName: "name"))
    var idField = "id"

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's text; a title field, when present, is read before it.", valueName: "name"))
    var textField = "text"

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's date (as --date; --date wins when given).", valueName: "name"))
    var dateField = "date"

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case auto, text, jsonl
    }

    func run() throws {
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline.load(lexiconPaths: lexicons, defaults: !noDefaultLexicons,
                                         rulePaths: rules, defaultRules: !noDefaultRules)
        } catch let list as DiagnosticList {
            throw ConfigurationFailure(message: list.description)
        } catch let error as TextError {
            throw ConfigurationFailure(message: error.message)
        }
        let input = try InputSource.read(file)
        let worker: PipelineWorker
        do { worker = try pipeline.makeWorker() } catch { throw ConfigurationFailure(message: error.message) }
        worker.dateRecognizer.dayFirst = !monthFirst
        let givenDate = date.flatMap(CalendarDay.parseDocumentDate)
        var json = JSONWriter()
        let jsonl = format == .jsonl || (format == .auto && (file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson")))
        guard jsonl else {
            try input.bytes.withUnsafeBufferPointer { text in
                try extract(text, document: doc ?? file, date: givenDate, worker: worker, name: input.name, into: &json)
            }
            try StandardOutput.write(json.bytes)
            return
        }
        // JSON Lines: a document a line; a bad line is reported and skipped, and the run goes on.
        var failed = 0
        var lineNumber = 0
        for line in input.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let place = "\(input.name):\(lineNumber)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                Diagnostics.error("\(place): not a JSON object")
                failed += 1
                continue
            }
            guard let body = object[textField] as? String else {
                Diagnostics.error("\(place): " + (object[textField] == nil ? "no \"\(textField)\" field" : "\"\(textField)\" is not a string"))
                failed += 1
                continue
            }
            let text = (object["title"] as? String).map { $0 + "\n\n" + body } ?? body
            let id = (object[idField] as? String) ?? (object[idField] as? NSNumber)?.stringValue ?? place
            var documentDate = givenDate
            if documentDate == nil, let value = object[dateField] {
                documentDate = (value as? String).flatMap(CalendarDay.parseDocumentDate)
                if documentDate == nil { Diagnostics.error("\(place): \"\(dateField)\" is not a date (\(value)); reading the date from the text") }
            }
            var bytes = Array(text.utf8)
            do {
                try bytes.withUnsafeMutableBufferPointer { buffer in
                    try extract(UnsafeBufferPointer(buffer), document: id, date: documentDate, worker: worker, name: place, into: &json)
                }
            } catch let failure as InputFailure {
                Diagnostics.error(failure.message)
                failed += 1
            }
            bytes.removeAll()
        }
        try StandardOutput.write(json.bytes)
        if failed > 0 { throw ExitCode(1) }
    }

    /// Runs one document and writes its records: entity and date records merged in text order,
    /// then triples, as `--emit` asks.
    func extract(_ text: UnsafeBufferPointer<UInt8>, document: String, date: CalendarDay?, worker: PipelineWorker,
                 name: String, into json: inout JSONWriter) throws {
        let extraction: Extraction
        do {
            extraction = emit == .entities ? try worker.entities(in: text, date: date) : try worker.extract(text, date: date)
        } catch {
            throw InputFailure(message: "\(name): \(error.message)")
        }
        if emit != .triples { writeEntities(extraction, text: text, document: document, worker: worker, into: &json) }
        if emit != .entities {
            for triple in Triple.make(extraction, document: document, text: text, layer: worker.layer, rules: worker.pipeline.rules) {
                triple.write(into: &json)
            }
        }
        try StandardOutput.flushIfFull(&json)
    }

    func writeEntities(_ extraction: Extraction, text: UnsafeBufferPointer<UInt8>, document: String, worker: PipelineWorker,
                       into json: inout JSONWriter) {
        var cursor = CodePointCursor(valid: worker.layer.isValidUTF8)
        var sentence = 0
        var m = 0, d = 0
        let mentions = extraction.mentions, dates = extraction.dates
        while m < mentions.count || d < dates.count {
            let takeDate = d < dates.count && (m == mentions.count || dates[d].firstToken < mentions[m].firstToken)
            let first = takeDate ? dates[d].firstToken : mentions[m].firstToken
            while Int(worker.layer.sentences[sentence].endToken) <= first { sentence += 1 }
            if takeDate {
                dates[d].write(document: document, text: text, layer: worker.layer, sentence: sentence,
                               cursor: &cursor, into: &json)
                d += 1
            } else {
                mentions[m].write(document: document, text: text, entities: extraction.entities, sentence: sentence,
                                  cursor: &cursor, into: &json)
                m += 1
            }
        }
    }
}
