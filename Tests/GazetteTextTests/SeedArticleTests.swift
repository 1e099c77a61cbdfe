import Foundation
import Testing
@_spi(Testing) @_spi(Stages) import GazetteText

/// The article the project started from (`../shared/samples/seed-article.txt`), read in place.
@Suite("Seed article")
struct SeedArticleTests {
    let bytes: [UInt8]
    let layer: TextLayer
    let tokens: [String]
    let sentences: [String]

    init() throws {
        let url = sharedFolder.appendingPathComponent("samples/seed-article.txt")
        let data = try #require(FileManager.default.contents(atPath: url.path), "cannot read \(url.path): ../shared must lie beside the project")
        bytes = [UInt8](data)
        layer = try Tokenizer().analyze(bytes)
        tokens = tokenTexts(layer, bytes)
        sentences = sentenceTexts(layer, bytes)
    }

    /// Whether `expected` occurs as consecutive tokens.
    func hasRun(_ expected: [String]) -> Bool {
        guard expected.count <= tokens.count else { return false }
        return (0...(tokens.count - expected.count)).contains { Array(tokens[$0..<$0 + expected.count]) == expected }
    }

    @Test func newsCases() {
        #expect(hasRun(["a", "Japan", "-", "Philippines", "Acquisition", "and", "Cross", "-", "Servicing", "Agreement", "."]))
        #expect(hasRun(["Manalo", "'s", "visit", "to", "Japan"]))
        #expect(hasRun(["each", "other", "’s", "territories"]))
        #expect(hasRun(["Japan", "'s", "legislature"]))
        #expect(hasRun(["President", "Ferdinand", "Marcos", "Jr.", "and", "Japanese", "Prime", "Minister", "Shigeru", "Ishiba"]))
        #expect(hasRun(["Reciprocal", "Access", "Agreement", "(", "RAA", ")", ","]))
        #expect(hasRun(["security", "—", "a", "crucial"]))
        #expect(hasRun(["\"", "near", "-", "alliance", "status", ",", "\""]))
        #expect(hasRun(["from", "PhilStar", "2025-05-29"]))
        #expect(hasRun(["meeting", "on", "28", "May", "between"]))
    }

    @Test func sentencesAreSplitRight() {
        #expect(sentences.contains("This development was highlighted during a meeting on 28 May between Philippine Foreign Affairs Secretary Enrique Manalo and Japanese Foreign Minister Takeshi Iwaya."))
        #expect(sentences.contains("This statement builds on previous talks between President Ferdinand Marcos Jr. and Japanese Prime Minister Shigeru Ishiba during the latter's visit to the Philippines in April."))
        #expect(sentences.contains("The Philippine Senate has already ratified the RAA, while it awaits approval in Japan's legislature."))
        // Page furniture stays out of the article's sentences.
        #expect(sentences.prefix(3) == ["Jump to content", "Recommended Posts", "Posted"])
        #expect(sentences.contains("image.png\u{00A0}\u{00A0}Adapted by ASEAN Now from PhilStar 2025-05-29"))
        // No sentence runs across a paragraph break.
        #expect(!sentences.contains { $0.contains("\n") })
    }

    @Test func windowedSentencesMatchTheFullICUPass() throws {
        let full = try Tokenizer()
        full.fullSentencePass = true
        #expect(try full.analyze(bytes).sentences == layer.sentences)
    }

    @Test func everyTokenSlicesBackToItsBytes() {
        #expect(layer.isValidUTF8)
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        var cursor = CodePointCursor(valid: true)
        bytes.withUnsafeBufferPointer { buffer in
            for token in layer.tokens {
                let start = cursor.codePointOffset(ofByte: Int(token.start), in: buffer)
                let end = cursor.codePointOffset(ofByte: Int(token.end), in: buffer)
                let sliced = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(sliced == String(decoding: bytes[token.byteRange], as: UTF8.self))
            }
        }
    }
}
