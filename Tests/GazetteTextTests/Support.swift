import Testing
import Foundation
@_spi(Stages) import GazetteText

/// A table row: a text and the token or sentence texts expected from it.
struct TextCase: CustomTestStringConvertible, Sendable {
    var name: String? = nil
    var text: String
    var expected: [String]
    var testDescription: String { name ?? text }
}

/// The texts of `layer`'s tokens.
func tokenTexts(_ layer: TextLayer, _ bytes: [UInt8]) -> [String] {
    layer.tokens.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) }
}

/// The texts of `layer`'s sentences.
func sentenceTexts(_ layer: TextLayer, _ bytes: [UInt8]) -> [String] {
    layer.sentences.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) }
}

/// Tokenizes `text` with a fresh tokenizer.
func analyze(_ text: String) throws -> (layer: TextLayer, bytes: [UInt8], tokenizer: Tokenizer) {
    let tokenizer = try Tokenizer()
    let bytes = Array(text.utf8)
    return (try tokenizer.analyze(bytes), bytes, tokenizer)
}

/// `../shared` beside the project (CI lays it there too).
let sharedFolder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

/// A small deterministic generator (SplitMix64), so that generated tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
