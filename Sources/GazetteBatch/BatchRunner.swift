@_spi(Stages) import Gazette
import Foundation
@_spi(Stages) import GazetteText

/// How each input item becomes a document.
public struct DocumentOptions: Sendable {
    /// The JSON Lines field holding the document's id, a string or a number; a line without
    /// one is named by its place, `file:line`.
    public var idField = "id"
    /// The JSON Lines field holding the document's text; a line without it (or with a value
    /// that is no string) fails. A string field `title` goes before the text, a blank line
    /// between.
    public var textField = "text"
    /// The JSON Lines field holding the document's date ("2025-05-29", "2023-09", "May 29,
    /// 2025"); when it is missing or null the date is read from the text, and so it is, with a
    /// warning, when the value is no date.
    public var dateField = "date"
    /// JSON Lines fields carried to every record of the document, under `fields`.
    public var keepFields: [String] = []
    /// The date of every document (wins over the date field).
    public var date: CalendarDay?
    /// The id of a text input's document (else its file name).
    public var documentID: String?
    /// Numeric dates read day first ("05/06/2025" is 5 June).
    public var dayFirst = true
    /// The records written for each document: triples (the default), entities and dates, or
    /// both.
    public var emit: Emission = .triples
    /// The most tokens one document may have (`Tokenizer.maximumTokens`); a document with more
    /// fails, reported like any other, so its per-token layers stay bounded.
    public var maximumTokens = Tokenizer.defaultMaximumTokens

    /// The defaults: fields "id", "text" and "date", no fields kept, no date given, numeric
    /// dates day first, triples, at most `Tokenizer.defaultMaximumTokens` tokens a document.
    public init() {}
}

/// Runs input items through a pipeline on several threads and hands out their records in input
/// order, so the output is the same byte for byte whatever the number of threads.
///
/// The calling thread reads the input into batches and writes the results; `jobs` worker threads
/// run the batches. At most `4 * jobs` batches are in flight, so memory stays bounded by the
/// batch size, not by the input's.
public final class BatchRunner {
    /// How a run goes: threads, failures, documents, batch sizes.
    public struct Options: Sendable {
        /// Worker threads, besides the calling thread; less than 1 counts as 1.
        public var jobs = 1
        /// Stop at the first document that fails.
        public var strict = false
        /// How each input item becomes a document.
        public var document = DocumentOptions()
        /// A batch closes at this many documents, or at `batchBytes`.
        public var batchDocuments = 64
        /// A batch closes at this many bytes of input items (decompressed), 1 MiB unless set.
        public var batchBytes = 1 << 20
        /// A worker whose batch has this many bytes of records waiting hands them to the
        /// calling thread as soon as its batch is the next to write, and waits till then: a
        /// document of millions of records (or kept fields copied into each) is written as it
        /// goes, and memory stays bounded. 64 MiB unless set; far above what a batch of news
        /// gives, so workers do not wait on each other.
        public var spillBytes = 64 << 20

        /// The defaults: one worker thread, not strict, batches of 64 documents or 1 MiB.
        public init() {}
    }

    /// What a run did.
    public struct Summary: Sendable, Equatable {
        /// Documents read: every item of the input, good or bad.
        public var documentsRead = 0
        /// Documents run through the pipeline, whether or not they gave a record.
        public var documentsExtracted = 0
        /// Items that gave no document or whose document failed: an input that cannot be read,
        /// a line that is not valid JSON or has no text, a document the pipeline refused.
        public var documentsFailed = 0
        /// JSON Lines records written: entity, date and triple records together.
        public var recordsWritten = 0
        /// Bytes of document text (decompressed) run through the pipeline.
        public var textBytes = 0
        /// Whether `strict` stopped the run at a failure.
        public var stopped = false

        mutating func add(_ other: Summary) {
            documentsRead += other.documentsRead
            documentsExtracted += other.documentsExtracted
            documentsFailed += other.documentsFailed
            recordsWritten += other.recordsWritten
            textBytes += other.textBytes
            stopped = stopped || other.stopped
        }
    }

    let pipeline: Pipeline
    let options: Options

    /// A runner of `pipeline` with `options`; each run starts its own threads.
    public init(pipeline: Pipeline, options: Options) {
        self.pipeline = pipeline
        self.options = options
    }

    struct Batch: Sendable {
        var index: Int
        var items: [InputItem]
    }

    struct Result: Sendable {
        var output: [UInt8]
        /// Problems found, in input order.
        var messages: [DocumentReport]
        var summary: Summary
    }

    /// State shared by the calling thread and the workers, guarded by `condition`.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var work: [Batch] = []
        var results: [Int: Result] = [:]
        /// The batch whose records are written next.
        var nextToWrite = 0
        /// Records of batch `nextToWrite` handed over before it ended (`Options.spillBytes`).
        var spilled: [UInt8]?
        var inputDone = false
        var cancelled = false

        /// Hands `bytes`, records of batch `index`, to the calling thread once that batch is the
        /// next to write and the last bytes handed over are taken; waits till then (or drops
        /// them when the run is cancelled).
        func spill(_ bytes: [UInt8], batch index: Int) {
            condition.lock()
            while (nextToWrite != index || spilled != nil) && !cancelled { condition.wait() }
            if !cancelled {
                spilled = bytes
                condition.broadcast()
            }
            condition.unlock()
        }
    }

    /// Runs every item of `reader`.
    /// - Parameters:
    ///   - write: receives the records, batch by batch, in input order; a throw stops the run.
    ///   - report: receives each problem (a lost document, a warning) with its place, in input
    ///     order; its `description` is the line `gazette extract` prints on standard error.
    ///   - progress: called from time to time with the summary so far.
    public func run(_ reader: InputReader, write: ([UInt8]) throws -> Void, report: (DocumentReport) -> Void,
                    progress: ((Summary) -> Void)? = nil) throws -> Summary {
        let shared = Shared()
        let jobs = max(1, options.jobs)
        let pipeline = self.pipeline
        let options = self.options
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let thread = Thread {
                Self.work(shared: shared, pipeline: pipeline, options: options)
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        defer {
            shared.condition.lock()
            shared.cancelled = true
            shared.condition.broadcast()
            shared.condition.unlock()
        }

        var summary = Summary()
        var nextIndex = 0
        var nextToWrite = 0
        var lastProgress = Date()
        let maxInFlight = 4 * jobs

        /// Writes the results that are ready, in order (and the records a worker handed over
        /// before its batch ended); with `waitForOne`, waits for the next result.
        func drain(waitForOne: Bool) throws -> Bool {
            var waited = !waitForOne
            while true {
                shared.condition.lock()
                while waited == false && shared.results[nextToWrite] == nil && shared.spilled == nil && !shared.cancelled {
                    shared.condition.wait()
                }
                if let bytes = shared.spilled {
                    shared.spilled = nil
                    shared.condition.broadcast()
                    shared.condition.unlock()
                    try write(bytes)
                    continue
                }
                let result = shared.results.removeValue(forKey: nextToWrite)
                if result != nil {
                    shared.nextToWrite = nextToWrite + 1
                    shared.condition.broadcast()
                }
                shared.condition.unlock()
                guard let result else { return true }
                waited = true
                nextToWrite += 1
                for message in result.messages { report(message) }
                if !result.output.isEmpty { try write(result.output) }
                summary.add(result.summary)
                if let progress, Date().timeIntervalSince(lastProgress) >= 0.5 {
                    progress(summary)
                    lastProgress = Date()
                }
                if result.summary.stopped { return false }
            }
        }

        var batch: [InputItem] = []
        var batchBytes = 0
        var going = true
        func submit() {
            shared.condition.lock()
            shared.work.append(Batch(index: nextIndex, items: batch))
            shared.condition.signal()
            shared.condition.unlock()
            nextIndex += 1
            batch = []
            batchBytes = 0
        }
        while going, let item = reader.next() {
            batchBytes += item.bytes.count
            batch.append(item)
            if batch.count >= options.batchDocuments || batchBytes >= options.batchBytes {
                submit()
                while going && nextIndex - nextToWrite >= maxInFlight { going = try drain(waitForOne: true) }
                if going { going = try drain(waitForOne: false) }
            }
        }
        if going && !batch.isEmpty { submit() }
        shared.condition.lock()
        shared.inputDone = true
        shared.condition.broadcast()
        shared.condition.unlock()
        while going && nextToWrite < nextIndex { going = try drain(waitForOne: true) }
        if let progress { progress(summary) }
        return summary
    }

    /// A worker thread: takes batches until the input is done, runs them, posts the results.
    static func work(shared: Shared, pipeline: Pipeline, options: Options) {
        var processor: DocumentProcessor?
        var setupError: String?
        do { processor = try DocumentProcessor(pipeline: pipeline, options: options) } catch { setupError = "\(error)" }
        while true {
            shared.condition.lock()
            while shared.work.isEmpty && !shared.inputDone && !shared.cancelled { shared.condition.wait() }
            if shared.cancelled || shared.work.isEmpty {
                shared.condition.unlock()
                return
            }
            let batch = shared.work.removeFirst()
            shared.condition.unlock()
            var result: Result
            if var p = processor {
                let index = batch.index
                p.json.spillBytes = options.spillBytes
                p.json.spill = { [shared] bytes in shared.spill(bytes, batch: index) }
                result = p.run(batch.items)
                p.json.spill = nil
                processor = p
            } else {
                result = Result(output: [], messages: batch.items.map {
                    DocumentReport(place: $0.place, problem: .failure(.pipeline(setupError ?? "cannot set up the pipeline")))
                },
                                summary: Summary(documentsRead: batch.items.count, documentsFailed: batch.items.count))
            }
            shared.condition.lock()
            shared.results[batch.index] = result
            shared.condition.broadcast()
            shared.condition.unlock()
        }
    }
}

/// Turns input items into documents and their records, on one thread.
struct DocumentProcessor {
    let worker: PipelineWorker
    let options: BatchRunner.Options
    var json = JSONWriter(capacity: 1 << 20)
    /// The JSON Lines fields read: id, text, date, title and the ones to carry.
    let wantedFields: Set<String>

    init(pipeline: Pipeline, options: BatchRunner.Options) throws {
        worker = try pipeline.makeWorker()
        worker.dayFirst = options.document.dayFirst
        worker.tokenizer.maximumTokens = options.document.maximumTokens
        self.options = options
        let d = options.document
        wantedFields = Set([d.idField, d.textField, d.dateField, "title"] + d.keepFields)
    }

    mutating func run(_ items: [InputItem]) -> BatchRunner.Result {
        json.reset()
        var messages: [DocumentReport] = []
        var summary = BatchRunner.Summary()
        for item in items {
            summary.documentsRead += 1
            let before = json.bytes.count
            switch process(item, messages: &messages) {
            case .some(let records):
                summary.documentsExtracted += 1
                summary.recordsWritten += records
                summary.textBytes += item.bytes.count
            case .none:
                summary.documentsFailed += 1
                json.bytes.removeSubrange(before...)
                if options.strict {
                    summary.stopped = true
                    return BatchRunner.Result(output: json.bytes, messages: messages, summary: summary)
                }
            }
        }
        return BatchRunner.Result(output: json.bytes, messages: messages, summary: summary)
    }

    /// Runs one item; the number of records written, or nil when the document failed (with its
    /// message added).
    mutating func process(_ item: InputItem, messages: inout [DocumentReport]) -> Int? {
        let document = options.document
        func fail(_ failure: DocumentFailure) -> Int? {
            messages.append(DocumentReport(place: item.place, problem: .failure(failure)))
            return nil
        }
        func warn(_ warning: DocumentWarning) {
            messages.append(DocumentReport(place: item.place, problem: .warning(warning)))
        }
        switch item.kind {
        case .failure(let failure):
            return fail(failure)
        case .text:
            if let bad = Self.firstInvalidByte(item.bytes) {
                warn(.invalidUTF8Repaired(byte: bad))
            }
            return run(item.bytes, id: document.documentID ?? item.file, date: document.date, fields: nil, place: item.place, messages: &messages)
        case .jsonLine:
            if let bad = Self.firstInvalidByte(item.bytes) {
                return fail(.invalidUTF8(byte: bad))
            }
            let fields: [String: JSONLine.Value]
            do {
                fields = try JSONLine.fields(item.bytes, wanted: wantedFields)
            } catch {
                // The column in code points (the line is valid UTF-8: count the bytes that start one).
                let column = item.bytes.prefix(max(0, error.column - 1)).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                return fail(error.message == "not a JSON object" ? .notAnObject(column: column) : .malformedJSON(column: column, message: error.message))
            }
            var text: [UInt8]
            switch fields[document.textField] {
            case .string(let body)?: text = body
            case nil, .null?:
                return fail(.missingField(document.textField))
            case .other(let kind, _)?:
                return fail(.fieldNotString(field: document.textField, kind: kind))
            }
            if case .string(let title)? = fields["title"] { text = title + [0x0A, 0x0A] + text }
            var id = item.place
            switch fields[document.idField] {
            case .string(let s)?: id = String(decoding: s, as: UTF8.self)
            case .other("a number", let raw)?: id = String(decoding: raw, as: UTF8.self)
            default: break
            }
            var date = document.date
            if date == nil, let value = fields[document.dateField] {
                switch value {
                case .null: break
                case .string(let s):
                    date = CalendarDay.parseDocumentDate(String(decoding: s, as: UTF8.self))
                    if date == nil {
                        warn(.dateNotRead(field: document.dateField, value: String(decoding: s, as: UTF8.self)))
                    }
                case .other(let kind, let raw):
                    warn(.dateNotRead(field: document.dateField, value: "\(kind): \(String(decoding: raw, as: UTF8.self))"))
                }
            }
            var kept: [UInt8]?
            if !document.keepFields.isEmpty {
                var out = JSONWriter(capacity: 256)
                out.beginObject()
                for name in document.keepFields {
                    out.key(named: name)
                    switch fields[name] {
                    case .string(let s)?: s.withUnsafeBufferPointer { out.string($0) }
                    case .other(_, let raw)?: out.raw(Array(raw))
                    case nil, .null?: out.null()
                    }
                }
                out.endObject()
                kept = out.bytes
            }
            return run(text, id: id, date: date, fields: kept, place: item.place, messages: &messages)
        }
    }

    mutating func run(_ bytes: [UInt8], id: String, date: CalendarDay?, fields: [UInt8]?, place: String, messages: inout [DocumentReport]) -> Int? {
        do {
            return try bytes.withUnsafeBufferPointer { (text) throws(TextError) -> Int in
                try worker.writeRecords(text, document: id, date: date, emit: options.document.emit, fields: fields, into: &json)
            }
        } catch {
            messages.append(DocumentReport(place: place, problem: .failure(.pipeline(error.message))))
            return nil
        }
    }

    /// The 0-based offset of the first byte of an ill-formed UTF-8 sequence, or nil.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(UTF8Scanner.firstInvalidByte)
    }


}
