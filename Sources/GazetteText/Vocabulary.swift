/// The interned strings of a tokenizer: normalized keys (`KeyID`s), and the non-ASCII token
/// surfaces seen so far, each with its key and shape, so that each distinct non-ASCII surface goes
/// through ICU normalization once. (An ASCII surface's key is its lower-cased bytes, computed in
/// the same pass that hashes them; it is looked up among the keys directly.)
///
/// A vocabulary can be frozen: what it holds then (for instance every key of a compiled lexicon)
/// keeps its id for good, and is what each worker's tokenizer starts from. Keys added after the
/// freeze are transient: a tokenizer drops them between documents once there are more than its
/// `transientLimit`, which bounds memory over a corpus of any size. A `KeyID` at or above
/// `frozenKeyCount` is therefore only meaningful for the document that produced it. (The limit
/// counts both entries and bytes, so that a corpus of long unique tokens, base64 blobs say, is
/// bounded too.)
public struct Vocabulary: Sendable {
    var keys = ByteStringTable(capacity: 4096)
    var surfaces = ByteStringTable(capacity: 4096)
    /// Per surface id: its key id.
    var surfaceKeys: [KeyID] = []
    /// Per surface id: shape bits, plus `SurfaceInfo` bits for the kind of its first character.
    var surfaceInfo: [UInt8] = []
    /// How many keys the last `freeze()` made permanent (0 before any): ids below it mean the
    /// same key in every document.
    public private(set) var frozenKeyCount = 0
    private(set) var frozenSurfaceCount = 0

    /// An empty vocabulary, with nothing frozen.
    public init() {}

    /// How many distinct keys it holds.
    public var keyCount: Int { keys.count }

    /// The key `id` as a string (ill-formed bytes, which keys never hold, would read as U+FFFD).
    /// A frozen key's string is made once, when the vocabulary is frozen.
    @inline(__always)
    public func key(_ id: KeyID) -> String {
        if Int(id) < frozenKeyStrings.count { return frozenKeyStrings[Int(id)] }
        return keys.storage.withUnsafeBufferPointer { String(decoding: $0[keys.range(of: id)], as: UTF8.self) }
    }

    /// The strings of the frozen keys, by id.
    private var frozenKeyStrings: [String] = []

    /// The bytes of key `id`, without copying, for the duration of `body`.
    package func withKeyBytes<R>(_ id: KeyID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try keys.storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[keys.range(of: id)]))
        }
    }

    /// The id of an already normalized key, or nil when no token with that key was seen.
    public func keyID(forKey key: String) -> KeyID? {
        var key = key
        return key.withUTF8 { keys.find($0, hash: ByteStringTable.hash($0)) }
    }

    /// Makes everything held now permanent: it survives `trimTransient`.
    public mutating func freeze() {
        frozenKeyCount = keys.count
        frozenSurfaceCount = surfaces.count
        frozenBytes = surfaces.storage.count + keys.storage.count
        frozenKeyStrings = []
        frozenKeyStrings = (0..<keys.count).map { key(KeyID($0)) }
    }

    private(set) var frozenBytes = 0

    /// The number of surfaces and keys added since the last freeze.
    var transientCount: Int { surfaces.count - frozenSurfaceCount + keys.count - frozenKeyCount }

    /// The bytes of the surfaces and keys added since the last freeze.
    var transientBytes: Int { surfaces.storage.count + keys.storage.count - frozenBytes }

    /// Drops every key and surface added since the last freeze.
    mutating func trimTransient() {
        keys.truncate(to: frozenKeyCount)
        surfaces.truncate(to: frozenSurfaceCount)
        surfaceKeys.removeSubrange(frozenSurfaceCount...)
        surfaceInfo.removeSubrange(frozenSurfaceCount...)
    }
}

/// Bits of `Vocabulary.surfaceInfo` above the four shape bits.
enum SurfaceInfo {
    /// The first character is punctuation (general category P*).
    static let punctuation: UInt8 = 1 << 6
    /// The first character is a letter or a digit.
    static let alphanumeric: UInt8 = 1 << 7
    /// The first character is a letter.
    static let letter: UInt8 = 1 << 5
    static let shapeMask: UInt8 = 0x0F
}
