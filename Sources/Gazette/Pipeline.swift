import GazetteText

/// Gazette's pipeline, compiled once from lexicons and shared read-only by all threads; each
/// thread runs documents through its own `PipelineWorker`.
public final class Pipeline: Sendable {
    public let lexicon: CompiledLexicon

    /// Compiles a pipeline over `entries`.
    public init(entries: [LexiconEntry]) throws(TextError) {
        lexicon = try CompiledLexicon(entries: entries)
    }

    /// A pipeline over the default lexicons (unless `defaults` is false) and the lexicon files
    /// at `paths`, in that order.
    /// - Throws: `DiagnosticList` with every problem of every lexicon file.
    public static func load(lexiconPaths paths: [String], defaults: Bool = true) throws -> Pipeline {
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        if defaults {
            do { entries += try DefaultLexicons.entries() } catch { diagnostics += error.diagnostics }
        }
        for path in paths {
            do { entries += try LexiconParser.load(path: path) } catch { diagnostics += error.diagnostics }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return try Pipeline(entries: entries)
    }

    /// A worker for one thread.
    public func makeWorker() throws(TextError) -> PipelineWorker {
        try PipelineWorker(pipeline: self)
    }
}

/// Runs documents through a pipeline, reusing its buffers from one document to the next. Not
/// thread-safe: one per thread.
public final class PipelineWorker {
    public let pipeline: Pipeline
    public let tokenizer: Tokenizer
    public private(set) var layer = TextLayer()
    private var matcher: LexiconMatcher

    init(pipeline: Pipeline) throws(TextError) {
        self.pipeline = pipeline
        tokenizer = try pipeline.lexicon.makeTokenizer()
        matcher = LexiconMatcher(lexicon: pipeline.lexicon)
    }

    /// Recognizes dates; `dayFirst` reads "05/06/2025" as 5 June.
    public var dateRecognizer = DateRecognizer()

    /// The entities of `text` and their mentions, and its dates, in text order.
    /// - Parameter date: the document's date, when known (`CalendarDay.parseDocumentDate` reads
    ///   "2025-05-29", "2023-09", "May 29, 2025" ...); else it is read from the text, if the text
    ///   states it. Relative dates resolve against it; a person from a lexicon gets the office held
    ///   that day; a shared alias resolves to the one candidate in office then.
    public func entities(in text: UnsafeBufferPointer<UInt8>, date: CalendarDay? = nil) throws(TextError) -> Extraction {
        try tokenizer.analyze(text, into: &layer)
        matcher.match(layer, text: text)
        let vocabulary = tokenizer.vocabulary
        let documentDate = date ?? dateRecognizer.documentDate(in: layer, text: text, vocabulary: vocabulary)
        var resolver = EntityResolver(lexicon: pipeline.lexicon, vocabulary: vocabulary, text: text, layer: layer,
                                      date: documentDate?.iso)
        var extraction = resolver.resolve(matches: matcher.matches, candidates: matcher.candidates)
        extraction.documentDate = documentDate
        extraction.documentDateSource = date != nil ? .given : (documentDate != nil ? .text : nil)
        extraction.dates = dateRecognizer.recognize(layer, text: text, vocabulary: vocabulary, documentDate: documentDate)
        return extraction
    }
}
