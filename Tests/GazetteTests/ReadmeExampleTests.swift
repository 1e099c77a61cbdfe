import Testing
import Gazette

/// The library example of README.md, as written there, with its output checked.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func runsAsDocumented() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        let tokenizer = try Tokenizer()
        let text = Array("Mr. Iwaya met Manalo's team in Đà Nẵng.".utf8)
        let layer = try tokenizer.analyze(text)
        for token in layer.tokens {
            let surface = String(decoding: text[token.byteRange], as: UTF8.self)
            print(surface, tokenizer.vocabulary.key(token.key), token.kind)
        }
        print(layer.sentences.count)  // 1

        #expect(printed == [
            "Mr. mr. word", "Iwaya iwaya word", "met met word", "Manalo manalo word", "'s 's word",
            "team team word", "in in word", "Đà da word", "Nẵng nang word", ". . punctuation", "1",
        ])
    }
}
