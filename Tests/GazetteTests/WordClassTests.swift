import Testing
@_spi(Stages) @testable import Gazette
@_spi(Stages) import GazetteText

/// The entity stage tests words by key bits learned when the lexicon is compiled: every word of
/// every class that is one token must be in its class, or the stage silently ignores it.
@Suite("Entity word classes")
struct WordClassTests {
    @Test(arguments: EntityResolver.WordClass.allCases)
    func everyOneTokenWordIsInItsClass(_ wordClass: EntityResolver.WordClass) throws {
        let lexicon = try CompiledLexicon(entries: [])
        let tokenizer = try lexicon.makeTokenizer()
        var oneToken = 0
        for word in wordClass.words.sorted() {
            // The word as text shows it: capitalized when it ends with a period ("Inc."), else as is.
            let layer = try tokenizer.analyze(CompiledLexicon.surface(forKey: word))
            guard layer.tokens.count == 1, tokenizer.vocabulary.key(layer.tokens[0].key) == word else { continue }
            oneToken += 1
            #expect(lexicon.wordClasses[wordClass.rawValue].contains(layer.tokens[0].key), "\(word) of \(wordClass)")
        }
        #expect(oneToken > 0)
    }

    @Test func aWordOfTheTextOutsideTheVocabularyIsInNoClass() throws {
        let lexicon = try CompiledLexicon(entries: [])
        let tokenizer = try lexicon.makeTokenizer()
        let layer = try tokenizer.analyze("Zorblax")
        for c in EntityResolver.WordClass.allCases { #expect(!lexicon.wordClasses[c.rawValue].contains(layer.tokens[0].key)) }
    }
}
