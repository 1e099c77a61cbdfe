import Foundation
import Testing
@_spi(Stages) @testable import Gazette

/// The JSON Lines reader against Foundation's parser: the same strings out of the same lines, and
/// a refusal wherever Foundation refuses.
@Suite("JSON Lines reader")
struct JSONLineTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
        mutating func string() -> String {
            let pieces = ["a", "Z", " ", "é", "東京", "😀", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{2028}", "\u{FEFF}", "met"]
            return (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
        }
        mutating func value(depth: Int) -> Any {
            switch next(depth > 2 ? 4 : 6) {
            case 0: return string()
            case 1: return next(2) == 0 ? NSNumber(value: next(1000) - 500) : NSNumber(value: Double(next(10_000)) / 7)
            case 2: return NSNumber(value: next(2) == 0)
            case 3: return NSNull()
            case 4: return (0..<next(4)).map { _ in value(depth: depth + 1) }
            default: return Dictionary(uniqueKeysWithValues: (0..<next(4)).map { ("k\($0)", value(depth: depth + 1)) })
            }
        }
    }

    @Test func decodesWhatFoundationDecodes() throws {
        var g = Generator(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2_000 {
            var object: [String: Any] = ["text": g.string(), "id": g.string()]
            for k in 0..<g.next(4) { object["x\(k)"] = g.value(depth: 0) }
            let line = [UInt8](try JSONSerialization.data(withJSONObject: object))
            let fields = try JSONLine.fields(line, wanted: ["text", "id", "x0"])
            guard case .string(let text)? = fields["text"] else { Issue.record("no text in \(String(decoding: line, as: UTF8.self))"); continue }
            #expect(text == Array((object["text"] as! String).utf8))
            if case .other(_, let raw)? = fields["x0"] {
                // A value carried raw reads back as the same value.
                let back = try JSONSerialization.jsonObject(with: Data(raw), options: .fragmentsAllowed)
                let whole = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                let again = try JSONSerialization.data(withJSONObject: [back], options: .sortedKeys)
                let original = try JSONSerialization.data(withJSONObject: [whole["x0"]!], options: .sortedKeys)
                #expect(again == original)
            }
        }
    }

    /// The value of a tree as Foundation builds it, for comparison.
    static func foundationValue(_ tree: JSONTree) -> Any {
        switch tree {
        case .object(let fields): return Dictionary(fields.map { ($0.key, foundationValue($0.value)) }, uniquingKeysWith: { $1 })
        case .array(let items): return items.map(foundationValue)
        case .string(let text): return text
        case .number(let text): return Int(text).map { NSNumber(value: $0) } ?? NSNumber(value: Double(text)!)
        case .bool(let value): return NSNumber(value: value)
        case .null: return NSNull()
        }
    }

    @Test func treeReadsWhatFoundationReads() throws {
        var g = Generator(state: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<2_000 {
            let value = g.value(depth: 0)
            let line = [UInt8](try JSONSerialization.data(withJSONObject: [value]))
            guard case .array(let items) = try JSONLine.tree(line), items.count == 1 else { Issue.record("not a one-item array"); continue }
            let tree = items[0]
            let ours = try JSONSerialization.data(withJSONObject: [Self.foundationValue(tree)], options: .sortedKeys)
            // Compared with the value written, not with Foundation's reading of it, which drops
            // U+FEFF inside strings.
            let written = try JSONSerialization.data(withJSONObject: [value], options: .sortedKeys)
            #expect(ours == written, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func treeKeepsTheOffsetOfEachFieldName() throws {
        let line = Array(#"{"a":1, "b":{"c":[true,null]},"é":"x","a":2}"#.utf8)
        let tree = try JSONLine.tree(line)
        guard case .object(let fields) = tree else { Issue.record("not an object"); return }
        #expect(fields.map(\.key) == ["a", "b", "é", "a"])
        #expect(fields.map(\.offset) == [1, 8, 30, 39])
        // The last of a repeated field wins, as in the documents reader.
        #expect(tree.offset(of: "a") == 39)
        if case .number(let text)? = tree["a"] { #expect(text == "2") } else { Issue.record("a is not a number") }
    }

    /// Trailing commas, which Foundation lets pass, are not JSON (RFC 8259) and are refused, as
    /// jq and DuckDB refuse them.
    @Test func trailingCommasAreRefused() {
        for line in [#"{"text":"a",}"#, #"{"text":[1,]}"#] {
            #expect(throws: JSONLine.Failure.self) { try JSONLine.fields(Array(line.utf8), wanted: ["text"]) }
        }
    }

    @Test(arguments: [
        #"{"text":"a""#, #"{"text" "a"}"#, #"{"text":"a"} x"#, #"{"text":tru}"#, #"{"text":01}"#,
        #"{"text":"\x"}"#, #"{"text":"\u12G4"}"#, #"{"text":-}"#, #"{"text":1.}"#, "{\"text\":\"a\u{1}\"}",
    ])
    func refusesWhatFoundationRefuses(_ line: String) {
        #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil, "Foundation reads \(line)")
        #expect(throws: JSONLine.Failure.self) { try JSONLine.fields(Array(line.utf8), wanted: ["text"]) }
        #expect(throws: JSONLine.Failure.self) { try JSONLine.tree(Array(line.utf8)) }
    }
}
