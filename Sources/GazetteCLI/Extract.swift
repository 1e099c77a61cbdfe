import ArgumentParser
import Foundation
@_spi(Stages) import Gazette
import GazetteBatch

/// `gazette extract`: runs the pipeline over a document and writes what it finds as JSON Lines.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract facts (triples), entity mentions and dates from text as JSON Lines.",
        discussion: """
            Inputs are files and folders (recursively, in name order, names starting with "." \
            left out), or standard input for - or none; each plain or gzip'd (known by its first \
            bytes). A text file is one document, named by its path (--doc names it otherwise). A \
            JSON Lines input (--format jsonl, a name ending in .jsonl or .ndjson before .gz, or \
            standard input whose first line is an object) holds a document a line, with its id, \
            text and date in fields (--id-field, --text-field, --date-field); a document without \
            an id is named file:line. Documents run on --jobs threads; records come out in input \
            order, the same for any number of threads.

            A document that cannot be read (malformed JSON, no text, invalid UTF-8 in a line, a \
            truncated gzip stream, an unreadable file) is reported as file:line: what is wrong on \
            standard error and counted as failed; the run goes on (--strict stops it). A summary \
            line ends the run (--stats writes it as JSON, --quiet leaves it out). Exit codes: 0 \
            every document processed, 1 some failed, 2 usage or configuration error.

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

    @Argument(help: ArgumentHelp("Files and folders to read (folders recursively, in name order), plain or gzip'd; - or nothing for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("What to write: triples (one record per fact the rules find), entities (one record per entity mention and date expression), or all (entities, then triples, per document).", valueName: "kind"))
    var emit: Emission = .triples


    @OptionGroup var pipelineOptions: PipelineOptions



    @Option(help: ArgumentHelp("The id of a text input's document (default: its file name, or - for standard input).", valueName: "id"))
    var doc: String?

    @Option(help: ArgumentHelp("The documents' date: 2025-05-29, 2025-05-29T16:05:45Z, 2025-05, 2025, May 29, 2025 or 29 May 2025. Relative dates resolve against it (those that need its day, as on Friday, only when it gives a day, or a dateline gives one within its month or year); people from a lexicon get the office they held that day, and a name several people share resolves to the one in office. Without it, a JSON line's date field is used, else a date the text states in its dateline or near its end, if any.", valueName: "date"))
    var date: String?

    @Flag(help: "Read 05/06/2025 as May 6 (month first); by default it is 5 June.")
    var monthFirst = false

    @Option(help: ArgumentHelp("Input format: text (a file is one document), jsonl (one JSON object a line), or auto (jsonl for names ending in .jsonl or .ndjson, before .gz; on standard input, jsonl when the first line is a JSON object).", valueName: "format"))
    var format: InputOptions.Format = .auto

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's id (else file:line is its id).", valueName: "name"))
    var idField = "id"

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's text; a title field, when present, is read before it.", valueName: "name"))
    var textField = "text"

    @Option(help: ArgumentHelp("JSON Lines: the field holding a document's date (as --date; --date wins when given).", valueName: "name"))
    var dateField = "date"

    @Option(help: ArgumentHelp("JSON Lines: fields to carry to every record of a document, under \"fields\" (comma-separated).", valueName: "a,b"))
    var keepFields: String?

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Threads to run documents on (default: one per core). The output is the same for any number.", valueName: "n"))
    var jobs: Int?

    /// The most threads a run takes per core.
    static let jobsPerCore = 8

    @Option(help: ArgumentHelp("The most bytes one document may have: a text file, or a JSON Lines line; a longer one is reported and skipped (at most \(Tokenizer.maximumDocumentSize)).", valueName: "bytes"))
    var maxDocumentBytes = InputOptions.defaultMaximumDocumentBytes

    @OptionGroup var tokenLimit: TokenLimitOptions

    @Flag(help: "Stop at the first document that fails (exit code 1).")
    var strict = false

    @Flag(help: "Show a progress line on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Write neither the progress line nor the summary on standard error (problems still are).")
    var quiet = false

    @Option(help: ArgumentHelp("Write the run's summary as JSON to this file.", valueName: "file"))
    var stats: String?

    func validate() throws {
        if let date, CalendarDay.parseDocumentDate(date) == nil {
            throw ValidationError("--date must be a date such as 2025-05-29, 2025-05, 2025 or May 29, 2025; got '\(date)'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more; got \(jobs)") }
        if maxDocumentBytes < 1 || maxDocumentBytes > Tokenizer.maximumDocumentSize {
            throw ValidationError("--max-document-bytes must be from 1 to \(Tokenizer.maximumDocumentSize); got \(maxDocumentBytes)")
        }
        if let keepFields, keepFields.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--keep-fields takes field names separated by commas; got '\(keepFields)'")
        }
    }

    func run() throws {
        let pipeline = try pipelineOptions.load()
        var options = BatchRunner.Options()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        options.jobs = jobs ?? cores
        // Each thread holds a worker's buffers and documents in flight: beyond a few per core they
        // add memory and no speed.
        let most = Self.jobsPerCore * cores
        if options.jobs > most {
            Diagnostics.note("--jobs \(options.jobs) is more than \(Self.jobsPerCore) per core; running \(most) (\(cores) cores)")
            options.jobs = most
        }
        options.strict = strict
        options.document.idField = idField
        options.document.textField = textField
        options.document.dateField = dateField
        options.document.keepFields = keepFields?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        options.document.date = date.flatMap(CalendarDay.parseDocumentDate)
        options.document.documentID = doc ?? ((inputs.isEmpty || inputs == ["-"]) ? "-" : nil)
        options.document.dayFirst = !monthFirst
        options.document.emit = emit
        options.document.maximumTokens = tokenLimit.maxDocumentTokens
        let reader = InputReader(paths: inputs, options: InputOptions(format: format, maximumDocumentBytes: maxDocumentBytes))
        let meter = ProgressMeter(enabled: !quiet && (progress || isatty(2) == 1), live: isatty(2) == 1, reader: reader)
        let summary = try BatchRunner(pipeline: pipeline, options: options).run(
            reader,
            write: { try StandardOutput.write($0) },
            report: { meter.clear(); Diagnostics.error($0.description) },
            progress: { meter.show($0) })
        meter.clear()
        let elapsed = meter.elapsed
        if !quiet { Diagnostics.note(ProgressMeter.summaryLine(summary, elapsed: elapsed)) }
        if let stats {
            let json = ProgressMeter.summaryJSON(summary, elapsed: elapsed, inputBytes: reader.bytesRead, jobs: options.jobs)
            guard FileManager.default.createFile(atPath: stats, contents: Data(json.utf8)) else {
                throw InputFailure(message: "\(stats): cannot write the stats file")
            }
        }
        if summary.documentsFailed > 0 { throw ExitCode(1) }
    }
}

extension Emission: ExpressibleByArgument {}
extension InputOptions.Format: ExpressibleByArgument {}
