/// An append-only set of byte strings, each given a dense `UInt32` id in insertion order.
///
/// Open addressing with linear probing over a power-of-two slot array; strings live back to back
/// in one byte buffer. Lookups take a borrowed byte buffer and allocate nothing. Used to intern
/// token surfaces and normalized keys.
struct ByteStringTable: Sendable {
    private(set) var storage: [UInt8] = []
    /// `ends[i]` is where string `i` ends in `storage`; it starts where string `i - 1` ends.
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt32] = []
    /// 0 is an empty slot; otherwise the string's hash in the high half and its id plus one in
    /// the low half, so most probes never leave this array.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { ends.count }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    @inline(__always)
    func range(of id: UInt32) -> Range<Int> {
        let i = Int(id)
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return start..<Int(ends[i])
    }

    /// The bytes of string `id`, as a new array.
    func bytes(of id: UInt32) -> [UInt8] { Array(storage[range(of: id)]) }

    /// The id of `bytes`, or nil when the table does not hold it. Expected O(1); allocates nothing.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                storage.withUnsafeBufferPointer { store in
                    var slot = Int(hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                            let id = Int(UInt32(truncatingIfNeeded: entry)) - 1
                            let start = id == 0 ? 0 : Int(ends[id - 1])
                            let end = Int(ends[id])
                            if end - start == bytes.count
                                && (bytes.count == 0 || memoryEqual(store.baseAddress! + start, bytes.baseAddress!, bytes.count)) {
                                return UInt32(id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The id of `bytes`, inserting them when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: UInt32, inserted: Bool) {
        let h = Self.hash(bytes)
        if let id = find(bytes, hash: h) { return (id, false) }
        return (insertNew(bytes, hash: h), true)
    }

    /// Inserts `bytes`, which the caller has checked are absent, and returns the new id.
    mutating func insertNew(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32 {
        if (ends.count + 1) * 2 > slots.count { grow() }
        let id = UInt32(ends.count)
        storage.append(contentsOf: bytes)
        ends.append(UInt32(storage.count))
        hashes.append(hash)
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        return id
    }

    /// Drops every string with an id at or above `count`, keeping the first `count`.
    mutating func truncate(to count: Int) {
        guard count < ends.count else { return }
        let keepBytes = count == 0 ? 0 : Int(ends[count - 1])
        // New arrays, not shortened ones: the memory of what is dropped goes back.
        storage = Array(storage[..<keepBytes])
        ends = Array(ends[..<count])
        hashes = Array(hashes[..<count])
        var size = 16
        while size < count * 2 + 2 { size <<= 1 }
        rebuildSlots(size: max(size, 1024))
    }

    private mutating func grow() { rebuildSlots(size: slots.count * 2) }

    private mutating func rebuildSlots(size: Int) {
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<ends.count {
            var slot = Int(hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(hashes[id]) << 32 | UInt64(id + 1)
        }
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
