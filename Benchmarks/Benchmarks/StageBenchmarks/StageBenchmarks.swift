import Benchmark
import BenchmarkSupport
@_spi(Stages) import Gazette

/// The stages the other suites do not measure alone: dates and JSON output. Each runs over the
/// corpus sample already tokenized (and, for output, already extracted), so the figure is the
/// stage's own. MB/s counts the sample's text.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, throughput, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 5
    )
    let pipeline = try! Pipeline.load()

    Benchmark("Dates: recognize and resolve") { benchmark in
        let worker = try pipeline.makeWorker()
        let tokenizer = worker.tokenizer
        // Tokenize first, outside the measurement.
        let layers = try Corpus.documents.map { document in
            try document.withUnsafeBufferPointer { text in var layer = TextLayer(); try tokenizer.analyze(text, into: &layer); return layer }
        }
        let recognizer = worker.dateRecognizer  // with its trigger bits over the frozen vocabulary
        let day = CalendarDay.parseDocumentDate("2025-05-29")
        try measureThroughput(benchmark, bytes: Corpus.byteCount) {
            for (document, layer) in zip(Corpus.documents, layers) {
                document.withUnsafeBufferPointer { text in
                    blackHole(recognizer.recognize(layer, text: text, vocabulary: tokenizer.vocabulary, documentDate: day).count)
                }
            }
        }
    }

    Benchmark("JSON output: entity, date and triple records") { benchmark in
        let worker = try pipeline.makeWorker()
        // Extract first, outside the measurement; keep each document's layer with its extraction.
        var done: [(Extraction, TextLayer)] = []
        for document in Corpus.documents {
            try document.withUnsafeBufferPointer { done.append((try worker.extract($0), worker.layer)) }
        }
        var json = JSONWriter(capacity: 1 << 20)
        try measureThroughput(benchmark, bytes: Corpus.byteCount) {
            for (index, document) in Corpus.documents.enumerated() {
                let (extraction, layer) = done[index]
                document.withUnsafeBufferPointer { text in
                    var cursor = CodePointCursor(valid: layer.isValidUTF8)
                    var sentence = 0
                    for m in extraction.mentions {
                        while Int(layer.sentences[sentence].endToken) <= m.firstToken { sentence += 1 }
                        m.write(document: "d", text: text, entities: extraction.entities, sentence: sentence, cursor: &cursor, into: &json)
                    }
                    for t in Triple.make(extraction, document: "d", text: text, layer: layer, rules: pipeline.rules) { t.write(into: &json) }
                }
                blackHole(json.bytes.count)
                json.reset()
            }
        }
    }
}


