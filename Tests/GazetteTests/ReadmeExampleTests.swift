import Testing
import Gazette

/// The library examples of README.md, as written there, with their output checked.
@Suite("README library examples")
struct ReadmeExampleTests {
    @Test func pipelineRunsAsDocumented() throws {
        var printed: [String] = []
        func print(_ items: Any..., terminator: String = "\n") { printed.append(items.map { "\($0)" }.joined(separator: " ") + terminator) }

        let pipeline = try Pipeline.load()      // the default lexicons and rules, compiled once
        let worker = try pipeline.makeWorker()  // one per thread
        let text = "Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Manila on Tuesday."
        let date = CalendarDay.parseDocumentDate("2025-05-29")
        for triple in try worker.triples(in: text, document: "example", date: date) {
            print(triple.subject.name, triple.predicate, triple.object.name, triple.date?.value ?? "-")
        }
        print(try worker.triples(in: text, document: "example", date: date)[0].jsonLine, terminator: "")

        #expect(Array(printed.prefix(3)) == ["Enrique Manalo met Takeshi Iwaya 2025-05-27\n", "Takeshi Iwaya visited Philippines 2025-05-27\n",
                                             "Takeshi Iwaya holds_office Japan -\n"])
        #expect(printed.count == 4)
        #expect(printed.last?.hasPrefix(#"{"schema":"gazette.triple/1","doc":"example","subject":{"id":"person:enrique-manalo","#) == true)
        #expect(printed.last?.hasSuffix("}\n") == true)
    }

    @Test func extractionLayersAsDocumented() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        let pipeline = try sharedPipeline()
        let worker = try pipeline.makeWorker()
        let text = "Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Manila on Tuesday."
        let date = CalendarDay.parseDocumentDate("2025-05-29")
        let extraction = try worker.extract(text, date: date)
        for fact in extraction.facts {
            let subject = extraction.entities[fact.subject.entity]   // an EntityIndex
            let object = extraction.entities[fact.object.entity]
            let match = extraction.matches[fact.evidence[0]]         // a MatchIndex
            let rule = pipeline.rules.rules[match.rule]              // a RuleIndex
            let day = fact.date.flatMap { extraction.dates[$0].value } ?? "-"  // a DateIndex
            print(subject.name, fact.predicate, object.name, day, rule.id)
        }
        #expect(printed.first == "Enrique Manalo met Takeshi Iwaya 2025-05-27 met.verb")
        #expect(printed.count == 3)
    }

    /// The safe entry points (a `String`, a `[UInt8]`, a `Span<UInt8>`) give what the buffer
    /// the command line passes gives.
    @Test func everyTextFormGivesTheSameExtraction() throws {
        let worker = try sharedPipeline().makeWorker()
        let text = "Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Manila on Tuesday."
        let bytes = Array(text.utf8)
        let date = CalendarDay.parseDocumentDate("2025-05-29")
        func facts(_ e: Extraction) -> [String] {
            e.facts.map { "\(e.entities[$0.subject.entity].name) \($0.predicate) \(e.entities[$0.object.entity].name)" }
        }
        let fromString = try worker.extract(text, date: date)
        let fromArray = try worker.extract(bytes, date: date)
        let fromSpan = try worker.extract(bytes.span, date: date)
        #expect(facts(fromString).contains("Enrique Manalo met Takeshi Iwaya"))
        #expect(facts(fromArray) == facts(fromString) && facts(fromSpan) == facts(fromString))
        #expect(try worker.entities(in: bytes.span, date: date).mentions.count == fromString.mentions.count)
        #expect(try worker.entities(in: text, date: date).facts.isEmpty)
        // The triples of an extraction the worker just made are those of running the text.
        let extraction = try worker.extract(bytes, date: date)
        let names = extraction.matches.first.map { worker.pipeline.rules.captureNames(ofRule: $0.rule) } ?? []
        #expect(names.contains("a"))
        let fromExtraction = worker.triples(of: extraction, in: bytes, document: "d")
        #expect(fromExtraction == (try worker.triples(in: bytes, document: "d", date: date)))
        #expect(fromExtraction.count == facts(fromString).count)
    }

    @Test func tokenizerRunsAsDocumented() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        let tokenizer = try Tokenizer()
        let bytes = Array("Mr. Iwaya met Manalo's team in Đà Nẵng.".utf8)
        let layer = try tokenizer.analyze(bytes)
        for token in layer.tokens {
            let surface = String(decoding: bytes[token.byteRange], as: UTF8.self)
            print(surface, tokenizer.vocabulary.key(token.key), token.kind)
        }
        print(layer.sentences.count)  // 1

        #expect(printed == [
            "Mr. mr. word", "Iwaya iwaya word", "met met word", "Manalo manalo word", "'s 's word",
            "team team word", "in in word", "Đà da word", "Nẵng nang word", ". . punctuation", "1",
        ])
    }
}
