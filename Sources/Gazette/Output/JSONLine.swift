/// Reads one JSON Lines record straight from its bytes: the string fields a document needs
/// (decoded, as UTF-8) and the raw JSON of the fields to carry, checking that the whole line is
/// one valid JSON object (RFC 8259). A problem comes with the column where it stands.
///
/// Faster than a general parser for this use: no value is built for the fields nobody asked for.
/// Shared with the batch layer (`package`), not part of the library's public API.
package struct JSONLine {
    /// A field's value as found: a decoded string, or another JSON value (kept raw).
    package enum Value {
        case string([UInt8])
        case other(kind: String, raw: ArraySlice<UInt8>)
        case null
    }

    package struct Failure: Error {
        /// 1-based column (in bytes) where the problem is.
        package var column: Int
        package var message: String
    }

    /// The values of the fields named `wanted` (the last one wins, as in most readers).
    package static func fields(_ bytes: [UInt8], wanted: Set<String>) throws(Failure) -> [String: Value] {
        var parser = JSONLine(bytes: bytes, wanted: wanted)
        try parser.skipSpace()
        guard parser.i < bytes.count else { throw Failure(column: 1, message: "an empty line") }
        guard bytes[parser.i] == UInt8(ascii: "{") else { throw Failure(column: parser.i + 1, message: "not a JSON object") }
        try parser.object(top: true)
        try parser.skipSpace()
        if parser.i < bytes.count { throw parser.fail("more after the end of the object") }
        return parser.found
    }

    let bytes: [UInt8]
    let wanted: Set<String>
    var i = 0
    var depth = 0
    var found: [String: Value] = [:]

    init(bytes: [UInt8], wanted: Set<String>) {
        self.bytes = bytes
        self.wanted = wanted
    }

    func fail(_ message: String) -> Failure { Failure(column: i + 1, message: message) }

    mutating func skipSpace() throws(Failure) {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }

    mutating func expect(_ c: UInt8, _ what: String) throws(Failure) {
        try skipSpace()
        guard i < bytes.count else { throw fail("the line ends where \(what) should be") }
        guard bytes[i] == c else { throw fail("expected \(what)") }
        i += 1
    }

    mutating func object(top: Bool) throws(Failure) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { throw fail("nested deeper than 512") }
        i += 1  // {
        try skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            try skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a field name in double quotes") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a field name")
            try skipSpace()
            let name = top ? String(decoding: key, as: UTF8.self) : nil
            if let name, wanted.contains(name) {
                let start = i
                if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                    found[name] = .string(try string())
                } else {
                    let kind = try value()
                    found[name] = kind == "null" ? .null : .other(kind: kind, raw: bytes[start..<i])
                }
            } else {
                _ = try value()
            }
            try skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return }
            throw fail("expected ',' or '}' after a field")
        }
    }

    /// Skips one value; its kind ("a string", "a number", ...).
    mutating func value() throws(Failure) -> String {
        try skipSpace()
        guard i < bytes.count else { throw fail("the line ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "\""): _ = try string(); return "a string"
        case UInt8(ascii: "{"): try object(top: false); return "an object"
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 512 else { throw fail("nested deeper than 512") }
            i += 1
            try skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return "an array" }
            while true {
                _ = try value()
                try skipSpace()
                guard i < bytes.count else { throw fail("the line ends inside an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return "an array" }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "t"): try word("true"); return "a boolean"
        case UInt8(ascii: "f"): try word("false"); return "a boolean"
        case UInt8(ascii: "n"): try word("null"); return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(); return "a number"
        default: throw fail("expected a value")
        }
    }

    mutating func word(_ w: StaticString) throws(Failure) {
        let n = w.utf8CodeUnitCount
        guard i + n <= bytes.count, w.withUTF8Buffer({ bytes[i..<(i + n)].elementsEqual($0) }) else { throw fail("expected a value") }
        i += n
    }

    mutating func number() throws(Failure) {
        let digits: ClosedRange<UInt8> = UInt8(ascii: "0")...UInt8(ascii: "9")
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, digits.contains(bytes[i]) else { throw fail("expected a digit") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count && digits.contains(bytes[i]) { i += 1 } }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, digits.contains(bytes[i]) else { throw fail("expected a digit after '.'") }
            while i < bytes.count && digits.contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, digits.contains(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < bytes.count && digits.contains(bytes[i]) { i += 1 }
        }
    }

    /// A string at `i` (on its opening quote), decoded to UTF-8.
    mutating func string() throws(Failure) -> [UInt8] {
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            // Copy runs without escapes in one go.
            i = plainRunEnd(from: i)
            out.append(contentsOf: bytes[runStart..<i])
            guard i < bytes.count else { throw fail("the line ends inside a string") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return out }
            if c < 0x20 { throw fail("a control character inside a string (write it as \\u00\(c < 16 ? "0" : "")\(String(c, radix: 16)))") }
            // A backslash escape.
            i += 1
            guard i < bytes.count else { throw fail("the line ends inside a string") }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A surrogate pair, or a lone high surrogate (written as U+FFFD).
                    if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw fail("an unknown escape '\\\(String(decoding: [bytes[i]], as: UTF8.self))' in a string")
            }
            i += 1
            runStart = i
        }
    }

    /// Where the run of string bytes from `start` that need no decoding ends: at the first quote,
    /// backslash or control character, or the end of the line. Eight bytes at a time.
    @inline(__always)
    func plainRunEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var j = start
            if let base = buffer.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                while j + 8 <= n {
                    let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                    let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                    // Some byte is zero in `quote` or `backslash`, or below 0x20 in `w`.
                    let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                    if special & (ones &* 0x80) != 0 { break }
                    j += 8
                }
            }
            while j < n, buffer[j] != UInt8(ascii: "\""), buffer[j] != UInt8(ascii: "\\"), buffer[j] >= 0x20 { j += 1 }
            return j
        }
    }

    /// Four hex digits after "\u" (i is on the "u"); i ends on the last digit.
    mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 < bytes.count else { throw fail("the line ends inside a \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: i += k; throw fail("expected four hex digits after \\u")
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }
}

/// A JSON value read whole, for the small structured lines of lexicon files. An object keeps its
/// fields in order, each with the byte offset of its key, so a diagnostic can point at the field.
package enum JSONTree {
    case object([Field])
    case array([JSONTree])
    case string(String)
    /// A number, as written.
    case number(String)
    case bool(Bool)
    case null

    package struct Field {
        package var key: String
        /// Byte offset of the key's opening quote in the line.
        var offset: Int
        var value: JSONTree
    }

    /// The value of field `key` of an object (the last one if repeated), else nil.
    package subscript(key: String) -> JSONTree? {
        guard case .object(let fields) = self else { return nil }
        return fields.last(where: { $0.key == key })?.value
    }

    /// The byte offset of field `key`'s name in the line (the last one if repeated).
    func offset(of key: String) -> Int? {
        guard case .object(let fields) = self else { return nil }
        return fields.last(where: { $0.key == key })?.offset
    }

    package var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONLine {
    /// The string at `i` (on its opening quote); made straight from the line's bytes when it
    /// holds no escape.
    mutating func stringValue() throws(Failure) -> String {
        let end = plainRunEnd(from: i + 1)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { i = end + 1 }
            return String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
        }
        return String(decoding: try string(), as: UTF8.self)
    }

    /// The whole line as one JSON value: an object, array, string, number, boolean or null.
    package static func tree(_ bytes: [UInt8]) throws(Failure) -> JSONTree {
        var parser = JSONLine(bytes: bytes, wanted: [])
        try parser.skipSpace()
        guard parser.i < bytes.count else { throw Failure(column: 1, message: "an empty line") }
        let value = try parser.treeValue()
        try parser.skipSpace()
        if parser.i < bytes.count { throw parser.fail("more after the end of the value") }
        return value
    }

    mutating func treeValue() throws(Failure) -> JSONTree {
        try skipSpace()
        guard i < bytes.count else { throw fail("the line ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return .string(try stringValue())
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 512 else { throw fail("nested deeper than 512") }
            i += 1
            var fields: [JSONTree.Field] = []
            try skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            while true {
                try skipSpace()
                guard i < bytes.count else { throw fail("the line ends inside an object") }
                guard bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a field name in double quotes") }
                let offset = i
                let key = try stringValue()
                try expect(UInt8(ascii: ":"), "':' after a field name")
                fields.append(JSONTree.Field(key: key, offset: offset, value: try treeValue()))
                try skipSpace()
                guard i < bytes.count else { throw fail("the line ends inside an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                throw fail("expected ',' or '}' after a field")
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 512 else { throw fail("nested deeper than 512") }
            i += 1
            var items: [JSONTree] = []
            try skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try treeValue())
                try skipSpace()
                guard i < bytes.count else { throw fail("the line ends inside an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            try number()
            return .number(String(decoding: bytes[start..<i], as: UTF8.self))
        default: throw fail("expected a value")
        }
    }
}
