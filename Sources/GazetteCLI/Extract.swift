import ArgumentParser
import Gazette

/// `gazette extract`: runs the pipeline over a document and writes what it finds as JSON Lines.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract entity mentions from one text as JSON Lines.",
        discussion: """
            The whole input is one document; its id is the file name as given ("-" for standard \
            input) unless --doc names it. Each record holds: schema, doc, type, id, name, label \
            (of the entry the mention names), text (as written), alias_kind (name, short, \
            adjective, capital, code, acronym), start and end (code point offsets), byte_start and \
            byte_end, sentence, and source. A mention whose alias several entries share has id, \
            name and label null and lists them all under candidates. docs/schema/entity.schema.json \
            specifies the record.

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

    @Option(help: ArgumentHelp("The document's date, YYYY-MM-DD: people from a lexicon get the office they held that day, and a name several people share resolves to the one in office.", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, date.count != 10 || !Role(office: "", start: date).isHeld(on: date) {
            throw ValidationError("--date must be a calendar date YYYY-MM-DD, got '\(date)'")
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
        let document = doc ?? file
        var json = JSONWriter()
        try input.bytes.withUnsafeBufferPointer { text in
            let extraction: Extraction
            do {
                extraction = try worker.entities(in: text, date: date)
            } catch let error as TextError {
                throw InputFailure(message: "\(input.name): \(error.message)")
            }
            var cursor = CodePointCursor(valid: worker.layer.isValidUTF8)
            var sentence = 0
            for mention in extraction.mentions {
                while Int(worker.layer.sentences[sentence].endToken) <= mention.firstToken { sentence += 1 }
                mention.write(document: document, text: text, entities: extraction.entities, sentence: sentence,
                              cursor: &cursor, into: &json)
                try StandardOutput.flushIfFull(&json)
            }
        }
        try StandardOutput.write(json.bytes)
    }
}
