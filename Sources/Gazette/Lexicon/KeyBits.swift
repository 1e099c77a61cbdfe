@_spi(Stages) import GazetteText

/// A set of key ids as bits: a few kilobytes for a vocabulary of tens of thousands of keys, small
/// enough to stay in the processor's cache, so that a per-token test ("does this key start an
/// alias, a rule, a date?") costs one load. Keys past the end are absent.
struct KeyBits: Sendable {
    private(set) var words: [UInt64] = []

    init() {}

    /// The keys in `keys`.
    init<S: Sequence>(_ keys: S) where S.Element == Int {
        for key in keys { insert(key) }
    }

    /// How many keys the bits cover (a multiple of 64).
    var capacity: Int { words.count * 64 }

    mutating func insert(_ key: Int) {
        if key >> 6 >= words.count { words += [UInt64](repeating: 0, count: (key >> 6) - words.count + 1) }
        words[key >> 6] |= 1 << UInt64(key & 63)
    }

    @inline(__always)
    func contains(_ key: Int) -> Bool {
        let word = key >> 6
        return word < words.count && words[word] & (1 << UInt64(key & 63)) != 0
    }

    @inline(__always)
    func contains(_ key: KeyID) -> Bool { contains(Int(key)) }

    /// The keys of both.
    func union(_ other: KeyBits) -> KeyBits {
        var result = words.count >= other.words.count ? self : other
        let smaller = words.count >= other.words.count ? other.words : words
        for i in smaller.indices { result.words[i] |= smaller[i] }
        return result
    }
}
