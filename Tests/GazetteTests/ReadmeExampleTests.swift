import Testing
@_spi(Stages) import Gazette

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
