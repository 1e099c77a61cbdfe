// Clients of GazetteText must never load CICU (it clashes with Foundation's ICU module): keep
// every ICU handle in an OpaquePointer, never an ICU type, in stored properties. See DESIGN.md.
@_implementationOnly import CICU

/// Computes the match key of a token surface: NFKC case-folded, diacritics removed, typographic
/// apostrophes, quotes and dashes unified.
///
/// ASCII surfaces take a fast path (the key is the lower-cased bytes); others go through ICU:
/// UTF-8 to UTF-16, NFKC_Casefold, NFD, drop combining diacritics and fold the letters that have
/// no decomposition ("đ", "ø", "ł", "æ" ...), NFC, back to UTF-8. Scratch buffers are reused,
/// so a steady-state call allocates nothing. Not thread-safe: one per `Tokenizer`.
final class KeyNormalizer {
    private let casefold: OpaquePointer
    private let nfd: OpaquePointer
    private let nfc: OpaquePointer
    private var utf16A = [UInt16](repeating: 0, count: 256)
    private var utf16B = [UInt16](repeating: 0, count: 256)
    /// The key written by the last call to `normalize`.
    private(set) var key: [UInt8] = []

    init() throws(TextError) {
        var status = U_ZERO_ERROR
        let cf = cicu_nfkc_casefold(&status)
        let d = cicu_nfd(&status)
        let c = cicu_nfc(&status)
        guard cicu_failure(status) == 0, let cf, let d, let c else {
            throw TextError(.icu, "ICU normalization data is missing (\(String(cString: cicu_error_name(status))))")
        }
        casefold = cf
        nfd = d
        nfc = c
        key.reserveCapacity(256)
    }

    /// Writes the key of `surface` into `key`.
    func normalize(_ surface: UnsafeBufferPointer<UInt8>) {
        key.removeAll(keepingCapacity: true)
        var ascii = true
        for b in surface where b >= 0x80 { ascii = false; break }
        if ascii {
            for b in surface { key.append(isASCIIUpper(b) ? b | 0x20 : b) }
            return
        }
        // UTF-8 -> UTF-16, ill-formed bytes become U+FFFD.
        var length = toUTF16(surface)
        length = apply(casefold, length: length)
        length = apply(nfd, length: length)
        length = foldMarksAndPunctuation(length: length)
        length = apply(nfc, length: length)
        toUTF8(length: length)
    }

    /// The key of a whole string, folded as a token's surface is (a name's words keep their
    /// spaces): "Tuđman" and "TUDMAN" both give "tudman".
    func key(of string: String) -> String {
        var string = string
        return string.withUTF8 { bytes in
            normalize(bytes)
            return String(decoding: key, as: UTF8.self)
        }
    }

    private func toUTF16(_ surface: UnsafeBufferPointer<UInt8>) -> Int {
        while true {
            var status = U_ZERO_ERROR
            let capacity = utf16A.count
            let written = utf16A.withUnsafeMutableBufferPointer { dst in
                surface.withMemoryRebound(to: CChar.self) { src in
                    cicu_utf16_from_utf8(dst.baseAddress, Int32(capacity), src.baseAddress, Int32(src.count), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR || Int(written) > capacity {
                utf16A = [UInt16](repeating: 0, count: Int(written) * 2 + 16)
                continue
            }
            return cicu_failure(status) == 0 ? Int(written) : 0
        }
    }

    /// Normalizes `utf16A[0..<length]` with `normalizer` and leaves the result in `utf16A`.
    private func apply(_ normalizer: OpaquePointer, length: Int) -> Int {
        while true {
            var status = U_ZERO_ERROR
            let capacity = utf16B.count
            let written = utf16A.withUnsafeBufferPointer { src in
                utf16B.withUnsafeMutableBufferPointer { dst in
                    cicu_normalize(normalizer, src.baseAddress, Int32(length), dst.baseAddress, Int32(capacity), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR || Int(written) > capacity {
                utf16B = [UInt16](repeating: 0, count: Int(written) * 2 + 16)
                continue
            }
            guard cicu_failure(status) == 0 else { return 0 }
            swap(&utf16A, &utf16B)
            return Int(written)
        }
    }

    /// Drops combining diacritics and maps the letters and punctuation listed in `fold(_:)`,
    /// working in `utf16A` (the output is never longer than twice the input).
    private func foldMarksAndPunctuation(length: Int) -> Int {
        if utf16B.count < length * 2 { utf16B = [UInt16](repeating: 0, count: length * 2 + 16) }
        var n = 0
        for i in 0..<length {
            let u = utf16A[i]
            switch Self.fold(u) {
            case .keep: utf16B[n] = u; n += 1
            case .drop: break
            case .one(let a): utf16B[n] = a; n += 1
            case .two(let a, let b): utf16B[n] = a; utf16B[n + 1] = b; n += 2
            }
        }
        swap(&utf16A, &utf16B)
        return n
    }

    private func toUTF8(length: Int) {
        var needed = length * 3
        while true {
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: repeatElement(0, count: needed))
            var status = U_ZERO_ERROR
            let capacity = needed
            let written = key.withUnsafeMutableBufferPointer { dst in
                dst.withMemoryRebound(to: CChar.self) { d in
                    utf16A.withUnsafeBufferPointer { src in
                        cicu_utf8_from_utf16(d.baseAddress, Int32(capacity), src.baseAddress, Int32(length), &status)
                    }
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR { needed = Int(written) + 4; continue }
            key.removeSubrange(Int(written)...)
            return
        }
    }

    enum Fold { case keep, drop, one(UInt16), two(UInt16, UInt16) }

    /// What happens to one UTF-16 unit of NFKC_Casefold + NFD text.
    @inline(__always)
    static func fold(_ u: UInt16) -> Fold {
        if u < 0x80 { return .keep }
        switch u {
        // Combining diacritical marks (and their extensions and half marks).
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return .drop
        // Letters with a stroke or ligatures, which have no canonical decomposition.
        case 0x0111, 0x00F0: return .one(0x64)  // đ ð -> d
        case 0x00F8: return .one(0x6F)  // ø -> o
        case 0x0142, 0x0140: return .one(0x6C)  // ł ŀ -> l
        case 0x0127: return .one(0x68)  // ħ -> h
        case 0x0131: return .one(0x69)  // dotless ı -> i
        case 0x0167: return .one(0x74)  // ŧ -> t
        case 0x00E6: return .two(0x61, 0x65)  // æ -> ae
        case 0x0153: return .two(0x6F, 0x65)  // œ -> oe
        case 0x00FE: return .two(0x74, 0x68)  // þ -> th
        // Apostrophes and single quotes.
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0x02B9, 0x02BB: return .one(0x27)
        // Double quotes and guillemets.
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x2036, 0x301D, 0x301E, 0x301F:
            return .one(0x22)
        // Hyphens, dashes and the minus sign.
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63: return .one(0x2D)
        default: return .keep
        }
    }
}
