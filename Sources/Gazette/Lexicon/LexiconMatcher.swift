@_spi(Stages) import GazetteText

/// A lexicon match: a token span and the entries it may name.
package struct LexiconMatch: Sendable, Equatable {
    /// First token of the span.
    package var firstToken: UInt32
    /// One past the last token.
    package var endToken: UInt32
    /// Where this match's candidates are in `LexiconMatcher.candidates`: more than one when the
    /// alias belongs to several entries (an ambiguous surname, say).
    package var candidates: Range<Int>
    /// The highest priority among the candidates.
    package var priority: Int32

    package var tokenRange: Range<Int> { Int(firstToken)..<Int(endToken) }
}

/// One entry a match may name, and by which of its aliases.
package struct LexiconCandidate: Sendable, Equatable {
    package var entry: Int
    package var alias: Int
}

/// Finds lexicon matches in a document. Holds scratch buffers reused across documents, so
/// steady-state matching allocates nothing: make one per thread.
package struct LexiconMatcher {
    package let lexicon: CompiledLexicon
    /// The selected matches of the last document, in text order; stop phrases are left out.
    package private(set) var matches: [LexiconMatch] = []
    /// The candidates the matches refer to.
    package private(set) var candidates: [LexiconCandidate] = []
    /// The tokens of the last document whose keys are the entity stage's cue words
    /// (`CompiledLexicon.entityCueKeys`), and the capitalized ones that are single letters
    /// (maybe initials) or given names (`CompiledLexicon.capitalCueKeys`), found in the
    /// matcher's pass: the entity stage looks at these, not at every token again.
    private(set) var cuePositions: [Int] = []
    private(set) var capitalPositions: [Int] = []
    /// The tokens whose keys are pronouns or open an entourage (`CompiledLexicon.referenceCueKeys`).
    private(set) var referencePositions: [Int] = []
    private var found: [LexiconMatch] = []
    private var taken: [Bool] = []

    package init(lexicon: CompiledLexicon) { self.lexicon = lexicon }

    /// Matches `layer` (tokenized from `text` by a tokenizer of `lexicon.makeTokenizer()`).
    ///
    /// Every span whose keys spell an alias, within one sentence, with case agreeing for exact
    /// aliases, is a candidate; then overlapping candidates are resolved by priority, then length
    /// (longest wins), then position (leftmost wins). Stop phrases take part like any entry and
    /// then are dropped, so "South China Sea" hides "China". O(tokens x longest alias).
    package mutating func match(_ layer: TextLayer, text: UnsafeBufferPointer<UInt8>) {
        matches.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        found.removeAll(keepingCapacity: true)
        // Taken out of `self` while filled, so that each append is to a local array.
        var cues = cuePositions, capitals = capitalPositions, references = referencePositions
        cuePositions = []
        capitalPositions = []
        referencePositions = []
        cues.removeAll(keepingCapacity: true)
        capitals.removeAll(keepingCapacity: true)
        references.removeAll(keepingCapacity: true)
        defer {
            cuePositions = cues
            capitalPositions = capitals
            referencePositions = references
        }
        let tokens = layer.tokens
        let startKeys = lexicon.startKeys, rootChildren = lexicon.rootChildren
        let innerKeys = lexicon.innerKeys, edges = lexicon.edges
        let cueKeys = lexicon.entityCueKeys, capitalKeys = lexicon.capitalCueKeys, anyCueKeys = lexicon.anyCueKeys
        let referenceKeys = lexicon.referenceCueKeys
        for sentence in layer.sentences {
            let end = Int(sentence.endToken)
            for start in sentence.tokenRange {
                let key = Int(tokens[start].key)
                // One bit test for most tokens, which are neither.
                if anyCueKeys.contains(key) {
                    if cueKeys.contains(key) { cues.append(start) }
                    if capitalKeys.contains(key) && tokens[start].shape.contains(.capitalized) { capitals.append(start) }
                    if referenceKeys.contains(key) { references.append(start) }
                }
                guard startKeys.contains(key) else { continue }
                // The first step from the root is a load from `rootChildren`; the bit test above
                // says there is one.
                var node: UInt32 = rootChildren[key]
                var index = start + 1
                while true {
                    collect(node, span: start..<index, sentence: sentence.tokenRange, tokens: tokens, text: text)
                    guard index < end, innerKeys.contains(tokens[index].key),
                          let next = edges.child(of: node, key: tokens[index].key) else { break }
                    node = next
                    index += 1
                }
            }
        }
        select(tokenCount: tokens.count)
    }

    /// Adds the match of `span`, which reaches trie node `node`, with the candidates there
    /// whose case and context agree; nothing when none does.
    @inline(__always)
    private mutating func collect(_ node: UInt32, span: Range<Int>, sentence: Range<Int>,
                                  tokens: ContiguousArray<Token>, text: UnsafeBufferPointer<UInt8>) {
        let range = lexicon.candidateRange(of: node)
        guard !range.isEmpty else { return }
        let start = span.lowerBound
        let first = candidates.count
        var priority = Int32.min
        var stops = 0
        for c in range {
            let candidate = lexicon.candidates[c]
            if let exact = candidate.exactTokens, !Self.surfacesEqual(exact, tokens, start, text) { continue }
            if candidate.needsCapital && !tokens[start].shape.contains(.capitalized) { continue }
            if candidate.isCode && Self.amongAllCaps(tokens, start, span.upperBound, sentence) { continue }
            candidates.append(LexiconCandidate(entry: Int(candidate.entry), alias: Int(candidate.alias)))
            priority = max(priority, candidate.priority)
            if candidate.isStop { stops += 1 }
        }
        // A phrase that is both an entry's alias and a stop phrase names the entry.
        if stops > 0 && stops < candidates.count - first {
            var kept = first
            for i in first..<candidates.count where lexicon.entries[candidates[i].entry].type != EntityType.stop {
                candidates[kept] = candidates[i]
                kept += 1
            }
            candidates.removeSubrange(kept...)
        }
        if candidates.count > first {
            found.append(LexiconMatch(firstToken: UInt32(start), endToken: UInt32(span.upperBound),
                                      candidates: first..<candidates.count, priority: priority))
        }
    }

    /// Keeps a non-overlapping subset of `found`: highest priority first, then longest, then
    /// leftmost; drops stop phrases; leaves the result in text order in `matches`.
    private mutating func select(tokenCount: Int) {
        guard !found.isEmpty else { return }
        found.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            let la = a.endToken - a.firstToken, lb = b.endToken - b.firstToken
            if la != lb { return la > lb }
            return a.firstToken < b.firstToken
        }
        if taken.count < tokenCount { taken = [Bool](repeating: false, count: tokenCount) }
        for m in found where !m.tokenRange.contains(where: { taken[$0] }) {
            for i in m.tokenRange { taken[i] = true }
            let isStop = candidates[m.candidates].allSatisfy { lexicon.entries[$0.entry].type == EntityType.stop }
            if !isStop { matches.append(m) }
        }
        for m in found { for i in m.tokenRange { taken[i] = false } }
        matches.sort { $0.firstToken < $1.firstToken }
    }

    /// Whether the token before or after `start..<end` (within the sentence) is an all-caps word
    /// of two letters or more: a headline or a shouted phrase.
    static func amongAllCaps(_ tokens: ContiguousArray<Token>, _ start: Int, _ end: Int, _ sentence: Range<Int>) -> Bool {
        func shouted(_ i: Int) -> Bool {
            guard sentence.contains(i) else { return false }
            let t = tokens[i]
            return t.kind == .word && t.shape.contains(.allCaps) && t.end - t.start >= 2
        }
        return shouted(start - 1) || shouted(end)
    }

    @inline(__always)
    static func surfacesEqual(_ exact: [[UInt8]], _ tokens: ContiguousArray<Token>, _ start: Int,
                              _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for (offset, expected) in exact.enumerated() {
            let token = tokens[start + offset]
            guard token.byteRange.count == expected.count,
                  text[token.byteRange].elementsEqual(expected) else { return false }
        }
        return true
    }
}
