@_spi(Stages) import GazetteText

/// Writes JSON into a byte buffer, one value after another, with no intermediate objects.
///
/// Strings are escaped per RFC 8259 and written as UTF-8; ill-formed UTF-8 in a string is written
/// as U+FFFD (see `UTF8Scanner`), so output is always valid UTF-8 whatever the input was.
/// Commas are placed automatically; nesting is tracked up to 64 levels.
@_spi(Stages)
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    /// Called when a record ends with `bytes` at `spillBytes` or more: it takes the records
    /// written so far, and the buffer starts again empty, so that a document with millions of
    /// records is written out as it goes rather than held whole. Nil (the default): the buffer
    /// grows.
    public var spill: (@Sendable ([UInt8]) -> Void)?
    /// Where `spill` is called; 64 MiB unless set.
    public var spillBytes = 64 << 20
    /// Bit `depth` is set when the container at that depth already holds a value.
    private var filled: UInt64 = 0
    private var depth = 0
    private var afterKey = false

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        filled = 0
        depth = 0
        afterKey = false
    }

    @inline(__always)
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        let bit: UInt64 = 1 << UInt64(depth)
        if filled & bit != 0 { bytes.append(UInt8(ascii: ",")) } else { filled |= bit }
    }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); push() }
    public mutating func endObject() { pop(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); push() }
    public mutating func endArray() { pop(); bytes.append(UInt8(ascii: "]")) }

    private mutating func push() {
        precondition(depth < 63, "JSON nested deeper than 63 levels")
        depth += 1
        filled &= ~(1 << UInt64(depth))
    }
    private mutating func pop() { depth -= 1 }

    /// Ends a JSON Lines record.
    public mutating func newline() {
        bytes.append(0x0A)
        filled = 0
        depth = 0
        if bytes.count >= spillBytes, let spill {
            spill(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// An object key; the next value written is its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// An object key made at run time (escaped like any string).
    public mutating func key(named name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A string value from a static string.
    public mutating func string(_ value: StaticString) {
        value.withUTF8Buffer { string($0) }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    /// A string value from UTF-8 bytes, repaired where ill-formed.
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b >= 0x20 && b < 0x80 {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(b)
                i += 1
            } else if b < 0x20 {
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(0x30)
                    bytes.append(0x30)
                    bytes.append(hex.utf8Start[Int(b >> 4)])
                    bytes.append(hex.utf8Start[Int(b & 0xF)])
                }
                i += 1
            } else {
                let (_, length, valid) = UTF8Scanner.decode(utf8, at: i)
                if valid {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<i + length]))
                } else {
                    let r = UTF8Scanner.replacement
                    bytes.append(r.0); bytes.append(r.1); bytes.append(r.2)
                }
                i += length
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ value: Int) {
        separate()
        // Digits are written backwards into a stack buffer, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var v = value.magnitude
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    /// A value already written as JSON (it is not checked).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }
}
