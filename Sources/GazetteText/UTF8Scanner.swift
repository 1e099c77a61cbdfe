/// UTF-8 decoding with the repair policy the whole pipeline shares.
///
/// Each maximal ill-formed subsequence (Unicode 15, section 3.9, "U+FFFD substitution of maximal
/// subparts") stands for one U+FFFD. ICU's UTF-8 `UText`, Swift's `String(decoding:as:)` and
/// this scanner agree on that policy, so a byte offset that ICU reports always falls on a
/// boundary this scanner also sees, and code point offsets computed here match the repaired text.
@usableFromInline
package enum UTF8Scanner {
    /// The replacement character U+FFFD, encoded.
    package static let replacement: (UInt8, UInt8, UInt8) = (0xEF, 0xBF, 0xBD)

    /// Decodes the scalar that starts at `index`.
    ///
    /// - Returns: the scalar value (U+FFFD for an ill-formed subsequence), the number of bytes it
    ///   spans (at least 1), and whether those bytes were well formed.
    @inlinable
    @usableFromInline package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int, valid: Bool) {
        let count = bytes.count
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1, true) }
        var needed: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: needed = 1; value = UInt32(b0 & 0x1F)
        case 0xE0: needed = 2; lower = 0xA0; value = UInt32(b0 & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2; value = UInt32(b0 & 0x0F)
        case 0xED: needed = 2; upper = 0x9F; value = UInt32(b0 & 0x0F)
        case 0xF0: needed = 3; lower = 0x90; value = UInt32(b0 & 0x07)
        case 0xF1...0xF3: needed = 3; value = UInt32(b0 & 0x07)
        case 0xF4: needed = 3; upper = 0x8F; value = UInt32(b0 & 0x07)
        default: return (0xFFFD, 1, false)
        }
        var i = index + 1
        while needed > 0 {
            guard i < count else { return (0xFFFD, i - index, false) }
            let b = bytes[i]
            guard b >= lower && b <= upper else { return (0xFFFD, i - index, false) }
            value = (value << 6) | UInt32(b & 0x3F)
            lower = 0x80
            upper = 0xBF
            i += 1
            needed -= 1
        }
        return (value, i - index, true)
    }

    /// Whether `bytes` is well-formed UTF-8. O(n), with an 8-byte ASCII stride.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        guard let base = bytes.baseAddress else { return true }
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            if bytes[i] < 0x80 { i += 1; continue }
            let (_, length, valid) = decode(bytes, at: i)
            if !valid { return false }
            i += length
        }
        return true
    }

    /// The offset of the first byte of an ill-formed sequence in `bytes`, or nil when it is
    /// well-formed. O(n).
    package static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if isValid(bytes) { return nil }
        var i = 0
        while i < bytes.count {
            let d = decode(bytes, at: i)
            if !d.valid { return i }
            i += d.length
        }
        return nil
    }

    /// The number of code points (after repair) in `bytes[from..<to]`.
    ///
    /// `from` and `to` must be scalar boundaries. For text known to be valid pass `valid: true`:
    /// the count is then the number of non-continuation bytes, with no decoding.
    @inlinable
    @usableFromInline package static func countScalars(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, valid: Bool) -> Int {
        var n = 0
        var i = from
        if valid {
            while i < to {
                n &+= (bytes[i] & 0xC0) != 0x80 ? 1 : 0
                i += 1
            }
            return n
        }
        while i < to {
            i += decode(bytes, at: i).length
            n += 1
        }
        return n
    }
}

/// Converts increasing UTF-8 byte offsets of one text into code point offsets, in one forward pass.
///
/// Asking for an offset lower than the previous one restarts from the beginning of the text, so
/// any order works, but a sorted sequence of queries costs O(n) in all.
@_spi(Stages)
public struct CodePointCursor {
    @usableFromInline let valid: Bool
    @usableFromInline var byte: Int = 0
    @usableFromInline var scalar: Int = 0

    /// - Parameter valid: whether the text is well-formed UTF-8 (see `UTF8Scanner.isValid`).
    public init(valid: Bool) { self.valid = valid }

    /// The code point offset of the byte offset `offset`, which must be a scalar boundary.
    @inlinable
    public mutating func codePointOffset(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if offset < byte { byte = 0; scalar = 0 }
        scalar += UTF8Scanner.countScalars(bytes, from: byte, to: offset, valid: valid)
        byte = offset
        return scalar
    }
}
