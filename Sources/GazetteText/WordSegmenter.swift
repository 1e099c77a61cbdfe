// Clients of GazetteText must never load CICU (it clashes with Foundation's ICU module): keep
// every ICU handle in an OpaquePointer, never an ICU type, in stored properties. See DESIGN.md.
@_implementationOnly import CICU

/// Word-break segments of a document: ICU's word break iterator where the text needs it, and a
/// byte loop that gives exactly ICU's segments and rule statuses everywhere else.
///
/// English news is almost all ASCII, and for ASCII (plus the curly quotes, dashes and ellipsis
/// news puts between words) UAX #29 word breaking as ICU applies it comes down to a handful of
/// rules: letters, digits and "_" join (WB5, WB8 to WB10, WB13a/b); "." "'" "‘" "’" join two
/// letters or two digits (WB6/7, WB11/12); "," ";" join two digits; CR joins LF; spaces join
/// spaces; everything else stands alone. ICU's own tables add "@" to the letters and leave ":"
/// out of the joiners. The status of a joined segment is that of its last join rule: 200
/// (letter) when it ends in a letter, or in "_" after a letter or "_"; 100 (number) when it ends
/// in a digit or in "_" after a digit; a lone "_" and all else is 0.
///
/// Any other character (accented letters, combining marks, CJK, invalid bytes) hands a window of
/// text to ICU: from the whitespace before it to the whitespace after it. A position where ASCII
/// whitespace follows a character that is not whitespace is a boundary whatever surrounds it
/// (no rule joins anything to whitespace but whitespace, and the characters that attach to what
/// precedes them, WB4's Extend and Format, are never ASCII), so both sides of such a position
/// segment alone exactly as the whole text does.
///
/// The byte loop is checked against ICU when a tokenizer is made (`agreesWithICU`): with an ICU
/// whose rules differ, the tokenizer runs ICU over the whole text instead. Tests compare the two
/// on every string of up to four characters over the classes above and on generated text.
struct WordSegmenter {
    /// ICU's `UText *` for windows, reused; closed by the owning `Tokenizer`.
    var windowText: OpaquePointer?
    /// Whether the byte loop is used at all (false: ICU over the whole text).
    var fastPath = true

    /// Word-break classes of the characters the byte loop handles.
    enum Class: UInt8 {
        case other = 0, letter, numeric, extendNumLet, midNumLet, midNum, space, cr
        /// Not handled by the byte loop: ICU segments the text around it.
        case hard
    }

    static let asciiClasses: [Class] = (0..<128).map { (b: Int) -> Class in
        let c = UInt8(b)
        if isASCIILetter(c) || c == UInt8(ascii: "@") { return .letter }
        if isASCIIDigit(c) { return .numeric }
        switch c {
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case 0x20: return .space
        case 0x0D: return .cr
        default: return .other
        }
    }

    /// `asciiClasses` as a pointer (made once, never written again, never freed), which the loops
    /// load once rather than pass a lazy-initialization check per byte.
    nonisolated(unsafe) static let classTable: UnsafePointer<Class> = {
        let table = UnsafeMutablePointer<Class>.allocate(capacity: 128)
        table.initialize(from: WordSegmenter.asciiClasses, count: 128)
        return UnsafePointer(table)
    }()

    /// The class and length in bytes of the character at `i` (before `end`).
    @inline(__always)
    static func classify(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Class, Int) {
        classify(text, i, end, classTable)
    }

    @inline(__always)
    static func classify(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ table: UnsafePointer<Class>) -> (Class, Int) {
        let b = text[i]
        if b < 0x80 { return (table[Int(b)], 1) }
        // U+2018 to U+201D, U+2013, U+2014, U+2026: E2 80 xx.
        guard b == 0xE2, i + 2 < end, text[i + 1] == 0x80 else { return (.hard, 1) }
        switch text[i + 2] {
        case 0x98, 0x99: return (.midNumLet, 3)   // ‘ ’
        case 0x93, 0x94, 0x9C, 0x9D, 0xA6: return (.other, 3)   // – — “ ” …
        default: return (.hard, 1)
        }
    }

    /// How far past one hard character a window keeps going when another follows soon, so that
    /// text with many such characters is one window rather than many.
    static let windowMergeDistance = 64

    /// Calls `body(start, end, ruleStatus)` for each word-break segment of `text`, in order, as
    /// ICU's word break iterator would give them. `breaker` is ICU's word break iterator; when
    /// the byte loop is off it must already be set on the whole text.
    /// With `spaces` false, segments of ASCII whitespace alone may be left out (the tokenizer
    /// drops them anyway).
    @inline(__always)
    mutating func forEach(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, spaces: Bool = true,
                          _ body: (Int, Int, Int32) -> Void) {
        let n = text.count
        guard fastPath else {
            icuSegments(breaker, text, offset: 0, body)
            return
        }
        let classTable = Self.classTable
        var position = 0
        while position < n {
            let hard = Self.nextHard(text, from: position)
            guard hard < n else {
                Self.fastSegments(text, position, n, spaces: spaces, classTable, body)
                return
            }
            // The window starts at the whitespace run before the hard character.
            var start = hard
            while start > position && !(isASCIISpace(text[start]) && !isASCIISpace(text[start - 1])) { start -= 1 }
            Self.fastSegments(text, position, start, spaces: spaces, classTable, body)
            // It ends at whitespace after an ASCII character that is not whitespace, unless another
            // hard character follows soon.
            var end = hard + 1
            var mergeUntil = hard + Self.windowMergeDistance
            while end < n {
                let b = text[end]
                if b >= 0x80 {
                    let (cls, length) = Self.classify(text, end, n)
                    if cls == .hard { mergeUntil = end + Self.windowMergeDistance }
                    end += length
                    continue
                }
                if end >= mergeUntil && isASCIISpace(b) && text[end - 1] < 0x80 && !isASCIISpace(text[end - 1]) { break }
                end += 1
            }
            let window = UnsafeBufferPointer(rebasing: text[start..<end])
            var status = U_ZERO_ERROR
            window.baseAddress!.withMemoryRebound(to: CChar.self, capacity: window.count) { chars in
                windowText = OpaquePointer(cicu_utext_open_utf8(UnsafeMutablePointer(windowText), chars, Int64(window.count), &status))
            }
            cicu_ubrk_set_utext(breaker, UnsafeMutablePointer(windowText), &status)
            if cicu_failure(status) == 0 {
                icuSegments(breaker, window, offset: start, body)
            } else {
                // ICU could not take the window (it always can with a valid iterator): one
                // segment, so no byte is lost.
                body(start, end, 0)
            }
            position = end
        }
    }

    /// ICU's segments of `text`, on which `breaker` is set, shifted by `offset`.
    @inline(__always)
    func icuSegments(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, offset: Int,
                     _ body: (Int, Int, Int32) -> Void) {
        let done = cicu_ubrk_done()
        var start = Int(cicu_ubrk_first(breaker))
        while true {
            let end = cicu_ubrk_next(breaker)
            if end == done { break }
            body(offset + start, offset + Int(end), cicu_ubrk_rule_status(breaker))
            start = Int(end)
        }
    }

    /// The first hard character at or after `from`, or `text.count`.
    @inline(__always)
    static func nextHard(_ text: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = text.count
        let base = text.baseAddress!
        var i = from
        while i < n {
            if i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = text[i]
            if b < 0x80 { i += 1; continue }
            let (cls, length) = classify(text, i, n)
            if cls == .hard { return i }
            i += length
        }
        return n
    }

    /// The segments of `text[start..<end]`, which holds no hard character and ends at a boundary.
    @inline(__always)
    static func fastSegments(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, spaces: Bool,
                             _ table: UnsafePointer<Class>, _ body: (Int, Int, Int32) -> Void) {
        var i = start
        while i < end {
            let (cls, length) = classify(text, i, end, table)
            var j = i + length
            var status: Int32 = 0
            switch cls {
            case .letter, .numeric, .extendNumLet:
                var last = cls
                status = cls == .letter ? 200 : cls == .numeric ? 100 : 0
                scan: while j < end {
                    if last == .letter || last == .numeric {
                        // More ASCII of the same class: the segment and its status go on.
                        while j < end && text[j] < 0x80 && table[Int(text[j])] == last { j += 1 }
                        if j == end { break scan }
                    }
                    let (next, nextLength) = classify(text, j, end, table)
                    switch next {
                    case .letter:
                        status = 200
                    case .numeric:
                        status = 100
                    case .extendNumLet:
                        status = last == .numeric ? 100 : 200
                    case .midNumLet, .midNum:
                        // WB6/7 (letters) and WB11/12 (digits): one joiner between two of a kind.
                        // The status stays: the segment ends in the same kind as before.
                        guard last == .numeric || (last == .letter && next == .midNumLet),
                              j + nextLength < end, classify(text, j + nextLength, end, table).0 == last
                        else { break scan }
                        j += nextLength + 1  // letters and digits are ASCII here
                        continue scan
                    default:
                        break scan
                    }
                    last = next
                    j += nextLength
                }
            case .space:
                while j < end && text[j] == 0x20 { j += 1 }
                if !spaces { i = j; continue }
            case .cr:
                if j < end && text[j] == 0x0A { j += 1 }
                if !spaces { i = j; continue }
            default:
                if !spaces && length == 1 && isASCIISpace(text[i]) { i = j; continue }
            }
            body(i, j, status)
            i = j
        }
    }
}
