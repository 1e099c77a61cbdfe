@_spi(Stages) import GazetteText

/// Gazette's pipeline, compiled once from lexicons and rules and shared read-only by all
/// threads; each thread runs documents through its own `PipelineWorker`.
///
/// ```swift
/// let pipeline = try Pipeline.load()                 // default lexicons and rules
/// let worker = try pipeline.makeWorker()
/// let triples = try worker.triples(in: text, document: "doc-1")
/// ```
public final class Pipeline: Sendable {
    /// The compiled lexicons, with the frozen vocabulary every worker's tokenizer starts from.
    public let lexicon: CompiledLexicon
    /// The compiled rules, in the order loaded.
    public let rules: CompiledRules

    /// Compiles a pipeline over lexicon `entries` and `rules`.
    /// - Throws: `DiagnosticList` when a rule names an unknown class or type (with file, line
    ///   and column); `TextError` when ICU cannot be set up.
    public init(entries: [LexiconEntry], rules: RuleFile = RuleFile()) throws {
        // The rules' words and the date recognizer's trigger words join the frozen vocabulary, so
        // both compare document keys as integers.
        lexicon = try CompiledLexicon(entries: entries, extraWords: CompiledRules.words(of: rules),
                                  extraKeys: DateRecognizer.vocabularyWords)
        self.rules = try CompiledRules(rules, lexicon: lexicon)
    }

    /// A pipeline over the default lexicons (unless `defaults` is false) and the lexicon files
    /// at `lexiconPaths`, and the default rules (unless `defaultRules` is false) and the rule
    /// files at `rulePaths`, in that order.
    /// - Throws: `DiagnosticList` with every problem of every lexicon and rule file.
    public static func load(lexiconPaths: [String] = [], defaults: Bool = true,
                            rulePaths: [String] = [], defaultRules: Bool = true) throws -> Pipeline {
        var entries: [LexiconEntry] = []
        var rules = RuleFile()
        var diagnostics: [Diagnostic] = []
        if defaults {
            do { entries += try DefaultLexicons.entries() } catch { diagnostics += error.diagnostics }
        }
        for path in lexiconPaths {
            do { entries += try LexiconParser.load(path: path) } catch { diagnostics += error.diagnostics }
        }
        if defaultRules {
            do { rules = rules + (try DefaultRules.file()) } catch { diagnostics += error.diagnostics }
        }
        for path in rulePaths {
            let read = RuleParser.read(path: path)
            rules = rules + read.file
            diagnostics += read.diagnostics
        }
        // A class defined twice across files.
        var definedAt: [String: RuleFile.Definition] = [:]
        for d in rules.definitions {
            if let first = definedAt[d.name] {
                if first.file != d.file {
                    diagnostics.append(Diagnostic(file: d.file, line: d.line, column: 1, message: "class \(d.name) is already defined at \(first.file):\(first.line)"))
                }
            } else {
                definedAt[d.name] = d
            }
        }
        if !diagnostics.isEmpty {
            // Compile what did parse, so that unknown classes and types come out in the same run.
            do { _ = try Pipeline(entries: entries, rules: rules) } catch let list as DiagnosticList { diagnostics += list.diagnostics } catch {}
            throw DiagnosticList(diagnostics)
        }
        return try Pipeline(entries: entries, rules: rules)
    }

    /// A worker for one thread.
    public func makeWorker() throws(TextError) -> PipelineWorker {
        try PipelineWorker(pipeline: self)
    }
}

/// Runs documents through a pipeline, reusing its buffers from one document to the next. Not
/// thread-safe: one per thread.
public final class PipelineWorker {
    /// The pipeline it runs.
    public let pipeline: Pipeline
    /// Its tokenizer, started from the lexicon's frozen vocabulary; `tokenizer.vocabulary.key(_:)`
    /// gives a token's key as a string.
    public let tokenizer: Tokenizer
    /// The tokens and sentences of the last document run, which the token and sentence indexes
    /// of its `Extraction` refer to; replaced by the next document's.
    public private(set) var layer = TextLayer()
    private var matcher: LexiconMatcher
    var ruleMatcher: RuleMatcher

    init(pipeline: Pipeline) throws(TextError) {
        self.pipeline = pipeline
        tokenizer = try pipeline.lexicon.makeTokenizer()
        matcher = LexiconMatcher(lexicon: pipeline.lexicon)
        ruleMatcher = RuleMatcher(rules: pipeline.rules)
        dateRecognizer.freezeTriggers(in: pipeline.lexicon.vocabulary)
    }

    /// Everything the pipeline finds in `text`: entities and dates (as `entities(in:date:)`),
    /// then the rules' matches and the facts they state. The token and sentence layer stays in
    /// `layer` until the next document.
    @_spi(Stages)
    public func extract(_ text: UnsafeBufferPointer<UInt8>, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        var extraction = try entities(in: text, date: date)
        let found = ruleMatcher.match(layer, extraction: extraction)
        RelationBuilder(rules: pipeline.rules, lexicon: pipeline.lexicon).build(found, layer: layer, text: text, into: &extraction)
        return extraction
    }

    /// The triples of `text`, as self-contained values (names, offsets in code points, evidence
    /// sentences), ready for Swift code or for `Triple.jsonLine`.
    /// - Parameters:
    ///   - document: the id the triples carry.
    ///   - date: the document's date, if known (see `entities(in:date:)`).
    public func triples(in text: String, document: String, date: CalendarDay? = nil) throws(TextError) -> [Triple] {
        try triples(in: Array(text.utf8), document: document, date: date)
    }

    /// The triples of `text` (UTF-8 bytes), as `triples(in:document:date:)` for a string;
    /// offsets in the triples are in code points.
    public func triples(in text: [UInt8], document: String, date: CalendarDay? = nil) throws(TextError) -> [Triple] {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in
            let extraction = try extract(buffer, date: date)
            return Triple.make(extraction, document: document, text: buffer, layer: layer, rules: pipeline.rules)
        }
    }

    /// The triples of `extraction`, which this worker found in `text` (UTF-8 bytes) as the last
    /// document it ran, so that code that reads the extraction (its rule matches, its mentions)
    /// gets the triples without running the document again.
    /// - Precondition: `extraction` comes from this worker's last `extract` of `text`: its token
    ///   indexes are into `layer`.
    public func triples(of extraction: Extraction, in text: [UInt8], document: String) -> [Triple] {
        text.withUnsafeBufferPointer { buffer in
            Triple.make(extraction, document: document, text: buffer, layer: layer, rules: pipeline.rules)
        }
    }

    /// Recognizes dates; `dayFirst` reads "05/06/2025" as 5 June.
    @_spi(Stages)
    public var dateRecognizer = DateRecognizer()

    /// Whether a numeric date such as "05/06/2025" reads day first (5 June, the default) or
    /// month first (May 6).
    public var dayFirst: Bool {
        get { dateRecognizer.dayFirst }
        set { dateRecognizer.dayFirst = newValue }
    }

    /// Everything the pipeline finds in `text` (UTF-8 bytes): entities and dates (as
    /// `entities(in:date:)`), then the rules' matches and the facts they state. Offsets are byte
    /// offsets into `text`; token indexes are into `layer`, which holds this document's tokens
    /// and sentences until the next one.
    public func extract(_ text: [UInt8], date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try extract(buffer, date: date) }
    }

    /// Everything the pipeline finds in `text` (UTF-8 bytes, borrowed with no copy), as
    /// `extract(_:date:)` for an array.
    public func extract(_ text: Span<UInt8>, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try extract(buffer, date: date) }
    }

    /// Everything the pipeline finds in `text`; offsets are byte offsets into its UTF-8.
    public func extract(_ text: String, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try extract(Array(text.utf8), date: date)
    }

    /// The entities of `text` (UTF-8 bytes) and their mentions, and its dates, in text order,
    /// with no rules run.
    /// - Parameter date: the document's date, when known (`CalendarDay.parseDocumentDate` reads
    ///   "2025-05-29", "2023-09", "May 29, 2025" ...); else it is read from the text, if the text
    ///   states it, as it is when the date given is a month or a year and the text states a day
    ///   of it. Relative dates resolve against it (those that need its day, "on Friday", have no
    ///   value against a month or a year); a person from a lexicon gets the office held that day;
    ///   a shared alias resolves to the one candidate in office then.
    public func entities(in text: [UInt8], date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try entities(in: buffer, date: date) }
    }

    /// The entities and dates of `text` (UTF-8 bytes, borrowed with no copy), with no rules run.
    public func entities(in text: Span<UInt8>, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try entities(in: buffer, date: date) }
    }

    /// The entities and dates of `text`, with no rules run; offsets are into its UTF-8.
    public func entities(in text: String, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try entities(in: Array(text.utf8), date: date)
    }

    /// The entities of `text` and their mentions, and its dates, in text order.
    /// - Parameter date: the document's date, when known (`CalendarDay.parseDocumentDate` reads
    ///   "2025-05-29", "2023-09", "May 29, 2025" ...); else it is read from the text, if the text
    ///   states it, as it is when the date given is a month or a year and the text states a day
    ///   of it. Relative dates resolve against it (those that need its day, "on Friday", have no
    ///   value against a month or a year); a person from a lexicon gets the office held
    ///   that day; a shared alias resolves to the one candidate in office then.
    @_spi(Stages)
    public func entities(in text: UnsafeBufferPointer<UInt8>, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try tokenizer.analyze(text, into: &layer)
        matcher.match(layer, text: text)
        let vocabulary = tokenizer.vocabulary
        // A date given as a month or a year only takes its day from the text when the text
        // states a day within it (a dateline under a URL's "2018/11").
        var documentDate = date
        if (date?.precision ?? .year) < .day, let stated = dateRecognizer.documentDate(in: layer, text: text, vocabulary: vocabulary),
           date.map({ stated.year == $0.year && ($0.precision == .year || stated.month == $0.month) }) ?? true {
            documentDate = stated
        }
        var resolver = EntityResolver(lexicon: pipeline.lexicon, tokenizer: tokenizer, text: text, layer: layer,
                                      date: documentDate)
        var extraction = resolver.resolve(matches: matcher.matches, candidates: matcher.candidates,
                                          cuePositions: matcher.cuePositions, capitalPositions: matcher.capitalPositions,
                                          referencePositions: matcher.referencePositions)
        extraction.documentDate = documentDate
        extraction.documentDateSource = documentDate == nil ? nil : (documentDate == date ? .given : .text)
        extraction.dates = dateRecognizer.recognize(layer, text: text, vocabulary: vocabulary, documentDate: documentDate)
        return extraction
    }
}
