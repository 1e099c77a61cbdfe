@_spi(Stages) import GazetteText

/// Lexicons compiled into one token-level trie over interned match keys, shared read-only by all
/// threads.
///
/// Each alias is tokenized with the same tokenizer documents go through, so an alias matches
/// exactly the token sequences whose keys equal its own ("Japan-Philippines" is three tokens on
/// both sides). The trie's edges live in one open-addressing table keyed by (node, key id).
/// Matching (`LexiconMatcher`) walks it from every token; selection among overlapping matches is
/// declared: priority, then length, then leftmost (see `LexiconMatcher.select`).
public final class CompiledLexicon: Sendable {
    /// The entries, in the order given; `LexiconMatch.entry` indexes this.
    public let entries: [LexiconEntry]
    /// The frozen vocabulary holding every alias key. Document tokenizers start from it, so keys
    /// compare as integers (`makeTokenizer()`).
    public let vocabulary: Vocabulary

    struct Candidate: Sendable {
        var entry: UInt32
        var alias: UInt32
        var priority: Int32
        /// A stop phrase's candidate.
        var isStop: Bool
        /// The first token must be capitalized.
        var needsCapital: Bool
        /// A code alias ("JPN"): not matched among all-caps words, where it is more likely a
        /// word of a headline than a code.
        var isCode: Bool
        /// For exact-case aliases: the alias's token surfaces, which a match must equal byte for byte.
        var exactTokens: [[UInt8]]?
    }

    let edges: EdgeTable
    /// Per node, where its candidates start in `candidates`; `nodeCandidates[node + 1]` is the end.
    let nodeCandidates: [UInt32]
    let candidates: [Candidate]
    /// The longest alias, in tokens.
    package let longestAlias: Int
    /// Bit `k` is set when an alias starts with key `k`: most tokens start none, and the
    /// matcher passes over them with one bit test instead of a hash lookup.
    let startKeys: KeyBits
    /// The root's child for each key in `startKeys` (0 for the others): one load from a dense
    /// array, where the edge table (a hash over every node) would be a probe far away in memory.
    let rootChildren: [UInt32]
    /// Bit `k` is set when key `k` follows another key in some alias: the matcher probes the edge
    /// table (far away in memory) only for those.
    let innerKeys: KeyBits
    /// The people whose label (a surname, "Clinton") is the one token of key `k`: a surname alone
    /// in a text may name the one of them in office on the document's date.
    let peopleByLabelKey: [KeyID: [Int]]
    /// The people whose label is a hyphenated surname ("Díaz-Canel", "Akufo-Addo"), by the key of
    /// its last part, with the keys of the parts before it: such a surname alone in a text may
    /// name the one of them in office too.
    let peopleByHyphenatedLabel: [KeyID: [(parts: [KeyID], entry: Int)]]
    /// The keys of `peopleByHyphenatedLabel`, as bits for the per-token test.
    let peopleHyphenatedLabelKeys: KeyBits
    /// The people of one country (by their roles, else by the country the lexicon gives them) whose
    /// name of two words or more ends with key `k`, with their names' word keys: a name found in a
    /// text that is one of theirs in another form ("Lal K. Advani" for "Lal Krishna Advani") takes
    /// its country from it.
    let namesakesByLastKey: [KeyID: [Namesake]]
    /// A lexicon person's name as word keys, and the one country the lexicon gives them.
    struct Namesake {
        let words: [KeyID]
        let country: String
    }

    /// The one country of a person entry: of all its roles, else the entry's own; nil when
    /// there are several.
    static func onlyCountry(of entry: LexiconEntry) -> String? {
        if entry.roles.isEmpty { return entry.country }
        let first = entry.roles[0].country
        return entry.roles.allSatisfy({ $0.country == first }) ? first : nil
    }
    /// The keys of `peopleByLabelKey`, as bits for the per-token test.
    let peopleLabelKeys: KeyBits
    /// The people with a role in a country, by the country's code: "the Kenyan president" may
    /// name the one of them who holds that office on the document's date.
    let peopleByCountry: [String: [Int]]
    /// The frozen keys of the words that introduce a person without a title (honorifics, role
    /// nouns, "by", "photo"), so the entity stage tests each token with one load.
    let personCueKeys: KeyBits
    /// The first words of the people's names of two words or more ("Olaf", "Penny"): a
    /// capitalized run opening with one is likely a person's name.
    let givenNameKeys: KeyBits
    /// The keys of single letters, with or without a period ("h", "p."): maybe initials.
    let letterKeys: KeyBits
    /// `letterKeys` and `givenNameKeys`: the words the matcher notes where capitalized.
    let capitalCueKeys: KeyBits
    /// The keys of pronouns and of the words that open an entourage ("delegation",
    /// "accompanied"): the late passes of the entity stage read these positions only.
    let referenceCueKeys: KeyBits
    /// `entityCueKeys`, `capitalCueKeys` and `referenceCueKeys`.
    let anyCueKeys: KeyBits
    /// Single letters, with and without a period.
    static let letterWords: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { b in
        [String(UnicodeScalar(b)), String(UnicodeScalar(b)) + "."]
    }
    /// Per `EntityResolver.WordClass`, the keys of its words.
    let wordClasses: [KeyBits]
    /// The keys of words of offices, institutions, bodies and polities ("Nations", "Republic",
    /// "Majesty"), places, organisations, honorifics and role nouns: no part of a person's name
    /// found by its position.
    let nonNameWords: KeyBits
    /// The keys of the head words of agreements' names ("agreement", "treaty", "pact" ...).
    let agreementHeadKeys: KeyBits
    /// `personCueKeys`, `peopleLabelKeys` and `agreementHeadKeys` together: the entity stage
    /// finds the tokens worth a second look in one pass.
    let entityCueKeys: KeyBits
    /// Titles of one word ("King", "Emir", "President") by key, with their office: a person's
    /// alias that starts with one ("King Abdullah II") has that title in the text.
    let oneWordTitles: [KeyID: String]

    /// Compiles `entries`. O(total alias length); aliases are tokenized once.
    /// - Parameters:
    ///   - extraWords: texts whose token keys the vocabulary must hold as well (the words of
    ///     rules), so that they compare as integers with documents' keys.
    ///   - extraKeys: keys the vocabulary must hold (the date recognizer's words), each learned
    ///     from a surface that tokenizes to it (`surface(forKey:)`).
    /// - Throws: `TextError` when ICU cannot be set up.
    @_spi(Stages)
    public init(entries: [LexiconEntry], extraWords: [String] = [], extraKeys: [String] = []) throws(TextError) {
        let tokenizer = try Tokenizer()
        var edges = EdgeTable()
        var nodeCount: UInt32 = 1  // node 0 is the root
        var pending: [(node: UInt32, candidate: Candidate)] = []
        var longest = 0
        var layer = TextLayer()
        var startBits = KeyBits()
        var innerBits = KeyBits()
        var givenBits = KeyBits()
        // Given names of people known by name only (no roles), counted; and the words standing
        // later in any person's name or in a country's alias, which no such given name may be.
        var nameOnlyGiven: [Int: Int] = [:]
        var laterOrPlaceWords = KeyBits()
        // Read from each alias as it is tokenized here, for what is built after the loop: the
        // first word of a person's name and, per other alias, its first and last name words;
        // titles of one word.
        var givenOfEntry: [Int: KeyID] = [:]
        var aliasWords: [Int: [(first: KeyID, last: KeyID, lastLength: UInt32)]] = [:]
        var titleWords: [KeyID: String] = [:]
        var namesakes: [KeyID: [Namesake]] = [:]
        for (entryIndex, entry) in entries.enumerated() {
            for (aliasIndex, alias) in entry.aliases.enumerated() {
                let bytes = Array(alias.text.utf8)
                try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in try tokenizer.analyze(buffer, into: &layer) }
                guard !layer.tokens.isEmpty else { continue }
                var node: UInt32 = 0
                let first = Int(layer.tokens[0].key)
                startBits.insert(first)
                // A person's name of two words or more: its first word is a given name.
                if entry.type == .person && alias.text == entry.name && layer.tokens.count >= 2
                    && layer.tokens[0].kind == .word && layer.tokens[1].kind == .word && layer.tokens[0].shape.contains(.capitalized) {
                    if entry.roles.isEmpty { nameOnlyGiven[first, default: 0] += 1 } else { givenBits.insert(first) }
                }
                if entry.type == .person {
                    for token in layer.tokens.dropFirst() where token.kind == .word { laterOrPlaceWords.insert(Int(token.key)) }
                    if alias.text == entry.name, let country = Self.onlyCountry(of: entry) {
                        var words = layer.tokens.filter { $0.kind == .word }.map(\.key)
                        while let last = words.last, EntityResolver.nameSuffixes.contains(tokenizer.vocabulary.key(last)) { words.removeLast() }
                        if words.count >= 2 { namesakes[words[words.count - 1], default: []].append(Namesake(words: words, country: country)) }
                    }
                    if !entry.roles.isEmpty {
                        if alias.text == entry.name {
                            givenOfEntry[entryIndex] = layer.tokens[0].key
                        } else if alias.kind == .name && !alias.text.contains(" of ") {
                            // Not a regnal name ("Fahd of Saudi Arabia" has no surname "Arabia").
                            var words = layer.tokens.filter { $0.kind == .word }
                            while let last = words.last, EntityResolver.nameSuffixes.contains(tokenizer.vocabulary.key(last.key)) { words.removeLast() }
                            if words.count >= 2, let last = words.last {
                                aliasWords[entryIndex, default: []].append((words[0].key, last.key, last.end - last.start))
                            }
                        }
                    }
                } else if entry.type == EntityType.title {
                    if layer.tokens.count == 1 && titleWords[layer.tokens[0].key] == nil { titleWords[layer.tokens[0].key] = entry.name }
                } else if entry.type == .country {
                    for token in layer.tokens where token.kind == .word { laterOrPlaceWords.insert(Int(token.key)) }
                }
                for token in layer.tokens.dropFirst() { innerBits.insert(Int(token.key)) }
                for token in layer.tokens {
                    if let next = edges.child(of: node, key: token.key) {
                        node = next
                    } else {
                        edges.insert(parent: node, key: token.key, child: nodeCount)
                        node = nodeCount
                        nodeCount += 1
                    }
                }
                longest = max(longest, layer.tokens.count)
                let exact = alias.casePolicy == .exact ? layer.tokens.map { Array(bytes[$0.byteRange]) } : nil
                pending.append((node, Candidate(entry: UInt32(entryIndex), alias: UInt32(aliasIndex),
                                                priority: Int32(clamping: entry.priority),
                                                isStop: entry.type == EntityType.stop,
                                                needsCapital: alias.casePolicy == .capitalized, isCode: alias.kind == .code,
                                                exactTokens: exact)))
            }
        }
        // Candidates grouped by node, in entry order within a node.
        pending.sort { ($0.node, $0.candidate.entry, $0.candidate.alias) < ($1.node, $1.candidate.entry, $1.candidate.alias) }
        var starts = [UInt32](repeating: 0, count: Int(nodeCount) + 1)
        for item in pending { starts[Int(item.node) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        for word in extraWords {
            let bytes = Array(word.utf8)
            try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in try tokenizer.analyze(buffer, into: &layer) }
        }
        // Keys the vocabulary must hold (the date words, the entity stage's cue words), each
        // learned from a surface that tokenizes to it.
        // Keys without a period are learned together, one a line (a line break ends every
        // token and sentence, so each tokenizes as it would alone): one call of the tokenizer,
        // not hundreds. A key with a period ("aug.") is learned alone, where nothing follows it.
        var plain: [UInt8] = []
        for key in extraKeys + EntityResolver.personCueWords + EntityResolver.agreementHeads.sorted() + EntityResolver.WordClass.allWords
                    + Self.letterWords {
            let surface = Self.surface(forKey: key)
            if key.utf8.contains(UInt8(ascii: ".")) {
                let bytes = Array(surface.utf8)
                try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in try tokenizer.analyze(buffer, into: &layer) }
            } else {
                plain += surface.utf8
                plain.append(0x0A)
            }
        }
        try plain.withUnsafeBufferPointer { (buffer) throws(TextError) in try tokenizer.analyze(buffer, into: &layer) }
        var byLabel: [KeyID: [Int]] = [:]
        var byHyphenatedLabel: [KeyID: [(parts: [KeyID], entry: Int)]] = [:]
        for (index, entry) in entries.enumerated() where entry.type == .person && !entry.roles.isEmpty {
            let bytes = Array(entry.label.utf8)
            try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in try tokenizer.analyze(buffer, into: &layer) }
            // Words joined by hyphens, touching (not after a particle: "Al-Sabah").
            let tokens = layer.tokens
            if tokens.count >= 3 && tokens.count % 2 == 1 && !EntityResolver.nameParticles.contains(tokenizer.vocabulary.key(tokens[0].key))
                && tokens.indices.allSatisfy({ $0 % 2 == 0 ? tokens[$0].kind == .word : bytes[Int(tokens[$0].start)...].first == UInt8(ascii: "-") && tokens[$0].end - tokens[$0].start == 1 })
                && tokens.indices.dropFirst().allSatisfy({ tokens[$0].start == tokens[$0 - 1].end }) {
                byHyphenatedLabel[tokens[tokens.count - 1].key, default: []]
                    .append((stride(from: 0, to: tokens.count - 1, by: 2).map { tokens[$0].key }, index))
                continue
            }
            guard layer.tokens.count == 1 && layer.tokens[0].kind == .word else { continue }
            let label = layer.tokens[0].key
            byLabel[label, default: []].append(index)
            // Another spelling of the surname with the same given name ("Hassan Rouhani" for
            // "Hassan Rohani", "Leonid Kuchma" for "Leonid Kutchma") names the person alone too.
            guard let givenKey = givenOfEntry[index] else { continue }
            var seen: Set<KeyID> = [label]
            for (first, surname, length) in aliasWords[index] ?? [] where first == givenKey && length >= 4 && !seen.contains(surname) {
                guard Self.isSpelling(tokenizer.vocabulary.key(surname), of: tokenizer.vocabulary.key(label)) else { continue }
                seen.insert(surname)
                byLabel[surname, default: []].append(index)
            }
        }
        peopleByLabelKey = byLabel
        peopleByHyphenatedLabel = byHyphenatedLabel
        peopleHyphenatedLabelKeys = KeyBits(byHyphenatedLabel.keys.map(Int.init))
        namesakesByLastKey = namesakes
        var byCountry: [String: [Int]] = [:]
        for index in entries.indices where !entries[index].roles.isEmpty && entries[index].type == .person {
            let roles = entries[index].roles
            for (r, role) in roles.enumerated() {
                // Each country once per person.
                guard let country = role.country, !roles[..<r].contains(where: { $0.country == country }) else { continue }
                byCountry[country, default: []].append(index)
            }
        }
        peopleByCountry = byCountry
        peopleLabelKeys = KeyBits(byLabel.keys.map(Int.init))
        var vocabulary = tokenizer.vocabulary
        vocabulary.freeze()
        self.entries = entries
        self.vocabulary = vocabulary
        self.edges = edges
        self.nodeCandidates = starts
        self.candidates = pending.map(\.candidate)
        self.longestAlias = longest
        self.startKeys = startBits
        self.innerKeys = innerBits
        // A given name of the people known by name only is a cue when two of them or more open
        // with it and it stands later in no person's name and in no country's alias: "Morgan"
        // (Stanley), "Walker", "Pan" (a surname, first in Chinese order) and "Dakar" are none.
        for (key, count) in nameOnlyGiven where count >= 2 && !laterOrPlaceWords.contains(key) { givenBits.insert(key) }
        givenNameKeys = givenBits
        oneWordTitles = titleWords
        var roots = [UInt32](repeating: 0, count: startBits.capacity)
        for key in 0..<roots.count where startBits.contains(key) {
            roots[key] = edges.child(of: 0, key: KeyID(key)) ?? 0
        }
        self.rootChildren = roots
        let cueKeys = EntityResolver.personCueWords.compactMap { vocabulary.keyID(forKey: $0).map(Int.init) }
        personCueKeys = KeyBits(cueKeys)
        let headKeys = EntityResolver.agreementHeads.compactMap { vocabulary.keyID(forKey: $0).map(Int.init) }
        agreementHeadKeys = KeyBits(headKeys)
        entityCueKeys = KeyBits(cueKeys + byLabel.keys.map(Int.init) + byHyphenatedLabel.keys.map(Int.init) + headKeys)
        letterKeys = KeyBits(Self.letterWords.compactMap { vocabulary.keyID(forKey: $0).map(Int.init) })
        capitalCueKeys = letterKeys.union(givenBits)
        let classes = EntityResolver.WordClass.allCases.map { c in KeyBits(c.words.compactMap { vocabulary.keyID(forKey: $0).map(Int.init) }) }
        referenceCueKeys = classes[EntityResolver.WordClass.pronoun.rawValue].union(classes[EntityResolver.WordClass.entourage.rawValue])
            .union(classes[EntityResolver.WordClass.countryNoun.rawValue])
        anyCueKeys = entityCueKeys.union(capitalCueKeys).union(referenceCueKeys)
        wordClasses = classes
        nonNameWords = KeyBits([EntityResolver.WordClass.officeDomain, .institution, .body, .placeOrOrganisation, .notName, .honorific, .roleNoun]
            .flatMap { $0.words.compactMap { vocabulary.keyID(forKey: $0).map(Int.init) } })
    }

    /// Whether `word` spells `label` another way ("rouhani" for "rohani", "kuchma" for
    /// "kutchma"): the same first letter and an edit distance of at most a quarter of the longer
    /// (two at least). A second surname or another word ("trejo" for "trevilla") is not.
    static func isSpelling(_ word: String, of label: String) -> Bool {
        let a = Array(word.unicodeScalars), b = Array(label.unicodeScalars)
        guard let fa = a.first, fa == b.first else { return false }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count] <= max(2, max(a.count, b.count) / 4)
    }

    /// A text whose one token has the key `key`: the key itself, but for an abbreviation, which
    /// keeps its period only capitalized ("Aug." is one token of key "aug."; "aug." is "aug" and ".").
    static func surface(forKey key: String) -> String {
        key.hasSuffix(".") ? key.prefix(1).uppercased() + key.dropFirst() : key
    }

    /// A tokenizer for documents, starting from this lexicon's vocabulary. One per thread.
    package func makeTokenizer() throws(TextError) -> Tokenizer {
        try Tokenizer(vocabulary: vocabulary)
    }

    /// The number of trie nodes, root included.
    @_spi(Stages)
    public var nodeCount: Int { nodeCandidates.count - 1 }

    @inline(__always)
    func candidateRange(of node: UInt32) -> Range<Int> {
        Int(nodeCandidates[Int(node)])..<Int(nodeCandidates[Int(node) + 1])
    }
}

/// The trie's edges: (parent node, key id) -> child node, open addressing over 64-bit keys.
struct EdgeTable: Sendable {
    /// (parent + 1) << 32 | key; 0 marks an empty slot.
    private var keys: [UInt64]
    private var children: [UInt32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        children = [UInt32](repeating: 0, count: 1024)
        mask = 1023
    }

    @inline(__always)
    static func slotKey(_ parent: UInt32, _ key: KeyID) -> UInt64 { (UInt64(parent) + 1) << 32 | UInt64(key) }

    @inline(__always)
    static func hash(_ k: UInt64) -> Int {
        // A 64-bit mix (splitmix64's finalizer).
        var z = k &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    /// The child of `parent` along `key`, or nil. Expected O(1).
    @inline(__always)
    func child(of parent: UInt32, key: KeyID) -> UInt32? {
        let k = Self.slotKey(parent, key)
        var slot = Self.hash(k) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let stored = keys[slot]
                if stored == k { return children[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(parent: UInt32, key: KeyID, child: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.slotKey(parent, key)
        var slot = Self.hash(k) & mask
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = k
        children[slot] = child
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        children = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            var slot = Self.hash(oldKeys[i]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            children[slot] = oldChildren[i]
        }
    }
}
