import Foundation

/// How a gold name matches the names a system gives an argument (news-dev's `GUIDE.md`, as its
/// reference scorer reads it): compared after folding case, diacritics and punctuation, a name
/// matches itself, a person's surname (the last word, of three letters or more), a form that
/// contains it or that it contains (past three letters), or a form sharing at least two words
/// with it that cover three quarters of the shorter.
enum NameMatch {
    /// Common short names of countries that differ from the forms some outputs use.
    static let countryAliases: [String: String] = [
        "viet nam": "vietnam", "united states of america": "united states", "usa": "united states",
        "us": "united states", "u.s.": "united states", "uk": "united kingdom", "britain": "united kingdom",
        "great britain": "united kingdom", "republic of korea": "south korea", "korea, republic of": "south korea",
        "democratic people's republic of korea": "north korea", "russian federation": "russia",
        "turkiye": "turkey", "czech republic": "czechia", "burma": "myanmar",
        "philippines (the)": "philippines", "the philippines": "philippines",
    ]

    /// `text` folded for comparison: compatibility-decomposed, combining marks dropped, lower
    /// case, every run of characters other than ASCII letters, digits and the apostrophe (’ is
    /// one) made one space, trimmed; then a country's common short name.
    static func normalize(_ text: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            var byte: UInt8?
            switch scalar.value {
            case 0x41...0x5A: byte = UInt8(scalar.value) + 0x20
            case 0x61...0x7A, 0x30...0x39, 0x27: byte = UInt8(scalar.value)
            case 0x2019: byte = 0x27
            default: byte = nil
            }
            guard let byte else { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        let folded = String(decoding: out, as: UTF8.self)
        return countryAliases[folded] ?? folded
    }

    /// Whether the gold name `gold` matches one of `candidates` (a system argument's names).
    static func matches(_ gold: String, _ candidates: [String]) -> Bool {
        matches(normalized: Name(normalize(gold)), candidates.map { Name(normalize($0)) })
    }

    /// A folded name and its words.
    struct Name: Sendable {
        let text: String
        let words: [Substring]
        init(_ text: String) {
            self.text = text
            words = text.split(separator: " ")
        }
    }

    static func matches(normalized gold: Name, _ candidates: [Name]) -> Bool {
        guard !gold.text.isEmpty else { return false }
        let surname = gold.words.last.map(String.init) ?? ""
        for c in candidates where !c.text.isEmpty {
            if c.text == gold.text { return true }
            if gold.words.count >= 2 && surname.count > 2 && c.words.contains(where: { $0 == surname }) { return true }
            if c.text.count > 3 && (gold.text.contains(c.text) || c.text.contains(gold.text)) { return true }
            let shared = Set(c.words).intersection(gold.words).count
            if shared >= 2 && Double(shared) / Double(min(Set(c.words).count, gold.words.count)) >= 0.75 { return true }
        }
        return false
    }
}
