import ArgumentParser
import Gazette

/// `gazette extract`: runs the pipeline over a document and writes what it finds as JSON Lines.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract entity mentions and dates from one text as JSON Lines.",
        discussion: """
            The whole input is one document; its id is the file name as given ("-" for standard \
            input) unless --doc names it. Each record holds: schema, doc, type, id, name, label \
            (of the entry the mention names), text (as written), alias_kind (name, short, \
            adjective, capital, code, acronym), start and end (code point offsets), byte_start and \
            byte_end, sentence, and source. A mention whose alias several entries share has id, \
            name and label null and lists them all under candidates. docs/schema/entity.schema.json \
            specifies the record. Date expressions come out as records of type date, with \
            value (ISO 8601 at the precision the text gives), granularity and anchor \
            (absolute, document_date, or none when a relative date has no document date).

            Lexicons: the defaults built into gazette (countries and stop phrases), then each \
            --lexicon file in order. Lexicons/README.md describes the format. A malformed \
            lexicon line stops the run with file:line:column and exit code 2.
            """
    )

    @Argument(help: ArgumentHelp("The text file to read, or - for standard input.", valueName: "file"))
    var file: String = "-"

    @Option(help: ArgumentHelp("What to write: entities (one record per entity mention).", valueName: "kind"))
    var emit: Emission = .entities

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file (JSON Lines) to use as well; repeatable.", valueName: "path"))
    var lexicons: [String] = []

    @Flag(help: "Do not use the default lexicons built into gazette.")
    var noDefaultLexicons = false

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
        case entities
    }

    func run() throws {
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline.load(lexiconPaths: lexicons, defaults: !noDefaultLexicons)
        } catch let list as DiagnosticList {
            throw ConfigurationFailure(message: list.description)
        } catch let error as TextError {
            throw ConfigurationFailure(message: error.message)
        }
        let input = try InputSource.read(file)
        let worker: PipelineWorker
        do { worker = try pipeline.makeWorker() } catch { throw ConfigurationFailure(message: error.message) }
        worker.dateRecognizer.dayFirst = !monthFirst
        let documentDate = date.flatMap(CalendarDay.parseDocumentDate)
        let document = doc ?? file
        var json = JSONWriter()
        try input.bytes.withUnsafeBufferPointer { text in
            let extraction: Extraction
            do {
                extraction = try worker.entities(in: text, date: documentDate)
            } catch let error as TextError {
                throw InputFailure(message: "\(input.name): \(error.message)")
            }
            var cursor = CodePointCursor(valid: worker.layer.isValidUTF8)
            var sentence = 0
            var m = 0, d = 0
            let mentions = extraction.mentions, dates = extraction.dates
            // Entity and date records, merged in text order.
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
                try StandardOutput.flushIfFull(&json)
            }
        }
        try StandardOutput.write(json.bytes)
    }
}
