@_spi(Stages) import GazetteText

/// A match of a rule in one sentence.
public struct RuleMatch: Sendable, Equatable {
    /// Index into `CompiledRules.rules`.
    public var rule: RuleIndex
    /// Index of its sentence in `TextLayer.sentences`.
    public var sentence: SentenceIndex
    /// Index of the match's first token in `TextLayer.tokens`.
    public var firstToken: Int
    /// One past the index of its last token.
    public var endToken: Int
    /// Per capture slot of the rule, the annotation captured (see `Annotation`), or nil.
    public var captures: [Annotation?]
    /// What became of it: kept, suppressed by a negative rule, or beaten in an overlap.
    public var outcome: Outcome

    /// What became of a match after the negative rules and the overlap policy.
    public enum Outcome: Sendable, Equatable {
        /// It emitted (or, for a negative rule, it was looked at for suppression).
        case kept
        /// A negative rule's match, the index in `Extraction.matches` of which, overlapped it.
        case suppressed(by: MatchIndex)
        /// An overlapping match of the same predicate won (priority, length, position, rule order).
        case overlapped(by: MatchIndex)
    }

    /// What a pattern element captured.
    public enum Annotation: Sendable, Equatable {
        /// Index into `Extraction.mentions`.
        case mention(MentionIndex)
        /// Index into `Extraction.dates`.
        case date(DateIndex)
        /// Index into `Extraction.titles`.
        case title(TitleIndex)
    }
}

/// Runs compiled rules over one document's annotations. Keeps its buffers from one document to
/// the next, so steady-state matching allocates only for the matches it returns. Not thread-safe:
/// one per worker.
struct RuleMatcher {
    let rules: CompiledRules

    /// The document's annotations, sorted by start token, and per token where its own start
    /// (`annotationStart[t] ..< annotationStart[t + 1]`).
    private var annotations: [Annot] = []
    private var annotationStart: [Int32] = []
    /// Per token: whether it is inside a person's name (not their title), for the `gap` attribute.
    private var inPersonName: [Bool] = []
    /// Per token: whether the `gap` attribute passes it: no clause boundary (but a bracket of a
    /// short aside, `markGaps`) and no word of a person's name.
    private var gapPasses: [Bool] = []

    struct Annot {
        var start: Int32
        var end: Int32
        var type: UInt8
        var value: RuleMatch.Annotation
    }

    // VM scratch: pending threads in per-position buckets (linked lists), captures in a pool.
    private var bucketHead: [Int32] = []
    private var bucketTail: [Int32] = []
    private var bucketStamp: [UInt64] = []
    /// Pending threads: instruction, captures (an offset into `capPool`), and the next thread of
    /// the same bucket (-1 at the end). One array, so a new thread is one append.
    private var threads: [(pc: Int32, caps: Int32, next: Int32)] = []
    private var capPool: [Int32] = []
    private var visited: [UInt64] = []
    private var stamp: UInt64 = 0
    private var stack: [(pc: Int32, caps: Int32)] = []
    /// Per token: whether the `verb` attribute passes it. (A key-set test in `passes`, which the
    /// run's loop inlines, made all of rule matching a third slower: measured, 463 M against
    /// 335 M instructions on 181 UNGDC speeches.)
    private var verbAt: [Bool] = []
    /// Per lookahead test of the rules (`CompiledRules.lookaheads`) and token of the current
    /// sentence: whether the token passes the test, stopping the lookahead; `sentenceLength`
    /// entries per test, from `sentenceFirst`. A test's row is filled the first time a run in the
    /// sentence reaches it (`lookaheadFilled` holds the sentence's stamp then): most sentences
    /// reach few tests or none, and a table of every test over every token of a document cost
    /// 12 to 22 M instructions a test on 181 speeches.
    private var lookaheadBlocks: [Bool] = []
    private var lookaheadFilled: [UInt64] = []
    private var sentenceStamp: UInt64 = 0
    private var sentenceFirst = 0
    private var sentenceLength = 0
    private var entityTypes: [Int] = []
    /// The per-sentence and per-token scratch of `match`.
    private let scratch: Scratch
    /// The start token of the current run.
    private var runStart = 0

    /// The scratch `match` uses per sentence and token, in memory of its own reached through raw
    /// pointers: no closure to reach it, no uniqueness or bounds check per rule and token. One
    /// per matcher, sized by the rules; freed with the matcher.
    final class Scratch {
        /// Per word of requirement bits, the requirements the current sentence meets.
        let present: UnsafeMutableBufferPointer<UInt64>
        /// Per rule, whether the current sentence meets its requirements.
        let viable: UnsafeMutableBufferPointer<Bool>
        /// The rules to try at the current token: the first `candidateCount` (room for every rule).
        let candidates: UnsafeMutableBufferPointer<Int32>
        /// Per rule, the stamp of the token where it last became a candidate.
        let candidateStamp: UnsafeMutableBufferPointer<UInt64>

        init(words: Int, rules: Int) {
            present = .allocate(capacity: max(words, 1))
            present.initialize(repeating: 0)
            viable = .allocate(capacity: max(rules, 1))
            viable.initialize(repeating: false)
            candidates = .allocate(capacity: max(rules, 1))
            candidates.initialize(repeating: 0)
            candidateStamp = .allocate(capacity: max(rules, 1))
            candidateStamp.initialize(repeating: 0)
        }

        deinit {
            present.deallocate()
            viable.deallocate()
            candidates.deallocate()
            candidateStamp.deallocate()
        }
    }

    init(rules: CompiledRules) {
        self.rules = rules
        scratch = Scratch(words: rules.wordCount, rules: rules.rules.count)
        let longest = rules.programs.map(\.insts.count).max() ?? 0
        visited = [UInt64](repeating: 0, count: longest)
        lookaheadFilled = [UInt64](repeating: 0, count: rules.lookaheads.count)
    }

    /// The most tokens a match spans. It bounds each run, so matching a document takes time
    /// linear in its length whatever its sentences' lengths and the rules' repetitions.
    static let maxMatchTokens = 256

    /// Every match of every rule in `layer`, sentence by sentence: at each token, the longest
    /// match of each rule that can start there.
    mutating func match(_ layer: TextLayer, extraction: Extraction) -> [RuleMatch] {
        index(layer, extraction)
        var out: [RuleMatch] = []
        // The scratch and the rule tables, through raw pointers (`Scratch`, `FrozenBuffer`).
        // (`run` does not touch them.)
        let present = scratch.present, viable = scratch.viable, candidates = scratch.candidates, candidateStamp = scratch.candidateStamp
        let table = rules.requirementWords.elements, requirements = rules.ruleRequirements.elements, keyed = rules.startsWithKey.elements
        let words = rules.wordCount
        let keyCount = rules.requirementWords.count / words
        let firstKeyStart = rules.firstKeyStart, firstKeyRules = rules.firstKeyRules, firstKeyBits = rules.firstKeyBits, keyBits = rules.requirementKeys
        let byFirstType = rules.byFirstType, anywhere = rules.anywhere
        let ruleCount = rules.startsWithKey.count
        let negative = rules.isNegativeRule
        let annotationStart = self.annotationStart, annotations = self.annotations
        layer.tokens.withUnsafeBufferPointer { tokens in
            var candidateCount = 0
            @inline(__always) func consider(_ rule: Int32, _ stamp: UInt64) {
                guard viable[Int(rule)] else { return }
                if candidateStamp[Int(rule)] != stamp {
                    candidateStamp[Int(rule)] = stamp
                    candidates[candidateCount] = rule
                    candidateCount &+= 1
                }
            }
            for (s, sentence) in layer.sentences.enumerated() {
                let sentenceEnd = Int(sentence.endToken)
                // The requirements the sentence's words meet, and so the rules worth trying in it.
                for w in 0..<words { present[w] = 0 }
                if words == 1 {
                    var mask: UInt64 = 0
                    for t in sentence.tokenRange {
                        let key = Int(tokens[t].key)
                        if key < keyCount && keyBits.contains(key) { mask |= table[key] }
                    }
                    present[0] = mask
                } else {
                    for t in sentence.tokenRange {
                        let key = Int(tokens[t].key)
                        guard key < keyCount, keyBits.contains(key) else { continue }
                        for w in 0..<words { present[w] |= table[key &* words &+ w] }
                    }
                }
                var anyKeyed = false, anyViable = false
                if words == 1 {
                    let met = present[0]
                    for r in 0..<ruleCount {
                        let ok = requirements[r] & met == requirements[r]
                        viable[r] = ok
                        anyViable = anyViable || ok
                        anyKeyed = anyKeyed || (ok && keyed[r])
                    }
                } else {
                    for r in 0..<ruleCount {
                        var ok = true
                        for w in 0..<words where requirements[r * words + w] & present[w] != requirements[r * words + w] { ok = false; break }
                        viable[r] = ok
                        anyViable = anyViable || ok
                        anyKeyed = anyKeyed || (ok && keyed[r])
                    }
                }
                guard anyViable else { continue }
                enterSentence(sentence.tokenRange)
                var anyAnywhere = false
                for r in anywhere where viable[Int(r)] { anyAnywhere = true }
                // Negative rules only matter where a rule of a predicate matched: they run in a
                // second pass over the sentence, and only then.
                let sentenceStart = out.count
                var negativesWaiting = false
                for pass in 0..<2 {
                if pass == 1 && !(negativesWaiting && out.count > sentenceStart) { break }
                for p in sentence.tokenRange {
                    // Most tokens start no annotation and no rule's first word: passed over
                    // before any rule is looked at (unless a rule may start anywhere).
                    let annotationRange = Int(annotationStart[p])..<Int(annotationStart[p + 1])
                    let key = Int(tokens[p].key)
                    let keyedHere = anyKeyed && key + 1 < firstKeyStart.count && firstKeyBits.contains(key)
                    guard keyedHere || !annotationRange.isEmpty || anyAnywhere else { continue }
                    let end = min(sentenceEnd, p + Self.maxMatchTokens)
                    // The rules that can start at p.
                    self.stamp &+= 1
                    let stamp = self.stamp
                    candidateCount = 0
                    if keyedHere {
                        for i in Int(firstKeyStart[key])..<Int(firstKeyStart[key + 1]) { consider(firstKeyRules[i], stamp) }
                    }
                    for a in annotationRange {
                        for r in byFirstType[Int(annotations[a].type)] { consider(r, stamp) }
                    }
                    if anyAnywhere { for r in anywhere { consider(r, stamp) } }
                    guard candidateCount > 0 else { continue }
                    if candidateCount > 1 {
                        var chosen = UnsafeMutableBufferPointer(rebasing: candidates[0..<candidateCount])
                        chosen.sort()
                    }
                    for c in 0..<candidateCount {
                        let r = candidates[c]
                        if negative[Int(r)] != (pass == 1) {
                            if pass == 0 { negativesWaiting = true }
                            continue
                        }
                        if let m = run(rule: Int(r), at: p, end: end, tokens: layer.tokens, trace: NoTrace()) {
                            out.append(RuleMatch(rule: RuleIndex(Int(r)), sentence: SentenceIndex(s), firstToken: p, endToken: m.end, captures: m.captures, outcome: .kept))
                        }
                    }
                }
                }
            }
        }
        return out
    }

    /// The tokens a `gap` passes: none that ends a clause, but the brackets of a short aside
    /// (`CompiledRules.shortAsideClose`, with no word of a person's name inside), passed as the
    /// words inside are ("visited the United Arab Emirates (UAE) and met", "received at the
    /// National Palace (Palacio Nacional) and held talks"); and no word of a person's name. A
    /// longer aside, or one naming a person or holding a comma, stays a boundary.
    private mutating func markGaps(_ layer: TextLayer) {
        let tokens = layer.tokens
        gapPasses.removeAll(keepingCapacity: true)
        verbAt.removeAll(keepingCapacity: true)
        for (i, token) in tokens.enumerated() {
            gapPasses.append(!rules.boundaryKeys.contains(token.key) && !inPersonName[i])
            verbAt.append(rules.predicateVerbKeys.contains(token.key))
        }
        guard let open = rules.openParenKey else { return }
        var i = 0
        while i < tokens.count {
            if tokens[i].key == open, let j = rules.shortAsideClose(openingAt: i, in: tokens, before: tokens.count, excluded: { inPersonName[$0] }) {
                gapPasses[i] = true
                gapPasses[j] = true
                i = j
            }
            i += 1
        }
    }

    /// Builds the annotation index: resolved entity mentions (a titled person also from the
    /// start of its title; a described one also as a role), dates, and titles.
    private mutating func index(_ layer: TextLayer, _ extraction: Extraction) {
        annotations.removeAll(keepingCapacity: true)
        let types = rules.typeNames
        entityTypes.removeAll(keepingCapacity: true)
        for e in extraction.entities { entityTypes.append(types.firstIndex(of: e.type.rawValue) ?? -1) }
        inPersonName.removeAll(keepingCapacity: true)
        inPersonName.append(contentsOf: repeatElement(false, count: layer.tokens.count))
        let personType = types.firstIndex(of: "person") ?? -1
        for (i, m) in zip(extraction.mentions.layerIndices, extraction.mentions) {
            guard let e = m.entity, entityTypes[e.rawValue] >= 0 else { continue }
            let type = entityTypes[e.rawValue]
            if type == personType {
                // A possessive pronoun is a possessor only ("his visit"): never a person itself
                // ("his wife met Dorr" is no meeting of his), nor a name a gap stops at.
                if m.isPossessivePronoun {
                    annotations.append(Annot(start: Int32(m.firstToken), end: Int32(m.endToken), type: CompiledRules.possessorType, value: .mention(i)))
                    continue
                }
                for t in m.firstToken..<m.endToken { inPersonName[t] = true }
                // A possessor: the name with its "'s" ("Ruto's visit").
                if m.endToken < layer.tokens.count && layer.tokens[m.endToken].key == rules.possessiveKey {
                    annotations.append(Annot(start: Int32(m.firstToken), end: Int32(m.endToken + 1), type: CompiledRules.possessorType, value: .mention(i)))
                }
            }
            annotations.append(Annot(start: Int32(m.firstToken), end: Int32(m.endToken), type: UInt8(type), value: .mention(i)))
            if let t = m.titleStart, t < m.firstToken {
                annotations.append(Annot(start: Int32(t), end: Int32(m.endToken), type: UInt8(type), value: .mention(i)))
                if let p = m.phraseStart, p < t {
                    annotations.append(Annot(start: Int32(p), end: Int32(m.endToken), type: UInt8(type), value: .mention(i)))
                }
            } else if let p = m.phraseStart, p < m.firstToken {
                annotations.append(Annot(start: Int32(p), end: Int32(m.endToken), type: UInt8(type), value: .mention(i)))
            }
            // A person the document names, described by a post as well ("the Kenyan
            // president"), is there a role too, from the country word before it; a post with
            // no country ("the president") is no role: the text says no country for it there.
            if m.aliasKind == .description && m.source == .coreference && m.titleStart != nil {
                annotations.append(Annot(start: Int32(m.titleStart ?? m.firstToken), end: Int32(m.endToken),
                                         type: CompiledRules.roleType, value: .mention(i)))
            }
            // A name after the first of a plural title's names holds the title's post too
            // ("Presidents Tomas Rellan of Peru and Ivo Marandi of Chile").
            if m.listedUnderTitle {
                annotations.append(Annot(start: Int32(m.firstToken), end: Int32(m.endToken), type: CompiledRules.roleType, value: .mention(i)))
            }
        }
        markGaps(layer)
        // Every date, with a value or not: "on Monday" is an adjunct in a story of no known date
        // too (a fact takes a date with a value only: `RelationBuilder.date(of:)`).
        for (i, d) in zip(extraction.dates.layerIndices, extraction.dates) {
            annotations.append(Annot(start: Int32(d.firstToken), end: Int32(d.endToken), type: CompiledRules.dateType, value: .date(i)))
        }
        for (i, t) in zip(extraction.titles.layerIndices, extraction.titles) {
            annotations.append(Annot(start: Int32(t.firstToken), end: Int32(t.endToken), type: CompiledRules.titleType, value: .title(i)))
        }
        annotations.sort { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }
        let count = layer.tokens.count
        annotationStart.removeAll(keepingCapacity: true)
        annotationStart.append(contentsOf: repeatElement(0, count: count + 1))
        annotations.withUnsafeBufferPointer { annotations in
            annotationStart.withUnsafeMutableBufferPointer { starts in
                var a = 0
                for t in 0...count {
                    while a < annotations.count && Int(annotations[a].start) < t { a += 1 }
                    starts[t] = Int32(a)
                }
            }
        }
        if bucketHead.isEmpty {
            // Buckets are indexed by position relative to a run's start, which a run never
            // passes by more than maxMatchTokens.
            bucketHead = [Int32](repeating: -1, count: Self.maxMatchTokens + 1)
            bucketTail = [Int32](repeating: -1, count: Self.maxMatchTokens + 1)
            bucketStamp = [UInt64](repeating: 0, count: Self.maxMatchTokens + 1)
        }
    }

    /// Starts the sentence of tokens `range`: the lookahead tables of the sentence before no
    /// longer hold (`fillLookahead`).
    private mutating func enterSentence(_ range: Range<Int>) {
        sentenceStamp &+= 1
        sentenceFirst = range.lowerBound
        sentenceLength = range.count
        let needed = rules.lookaheads.count * range.count
        if lookaheadBlocks.count < needed {
            lookaheadBlocks.append(contentsOf: repeatElement(false, count: needed - lookaheadBlocks.count))
        }
    }

    /// Lookahead test `test` at each token of the current sentence, in its row of the table.
    @inline(never)
    private mutating func fillLookahead(_ test: Int, tokens: ContiguousArray<Token>) {
        lookaheadFilled[test] = sentenceStamp
        let first = sentenceFirst, count = sentenceLength, base = test * count
        var blocks: [Bool] = []
        swap(&blocks, &lookaheadBlocks)
        defer { swap(&blocks, &lookaheadBlocks) }
        for i in 0..<count { blocks[base + i] = false }
        switch rules.lookaheads[test] {
        case .attribute(let attribute, let negated):
            for i in 0..<count where passes(attribute, tokens[first + i], at: first + i) != negated { blocks[base + i] = true }
        case .keys(let keys):
            for i in 0..<count where Self.contains(keys, tokens[first + i].key) { blocks[base + i] = true }
        case .annotation(let type):
            for a in Int(annotationStart[first])..<Int(annotationStart[first + count]) where annotations[a].type == type {
                blocks[base + Int(annotations[a].start) - first] = true
            }
        }
    }

    @inline(__always)
    private func passes(_ attribute: RulePattern.TokenAttribute?, _ token: Token, at position: Int) -> Bool {
        guard let attribute else { return true }
        switch attribute {
        case .capitalized: return token.shape.contains(.capitalized)
        case .allCaps: return token.shape.contains(.allCaps)
        case .number: return token.kind == .number
        case .punctuation: return token.kind == .punctuation
        case .word: return token.kind == .word
        case .symbol: return token.kind == .symbol
        case .possessive: return token.key == rules.possessiveKey
        case .quote: return rules.quoteKeys.contains(token.key)
        case .boundary: return rules.boundaryKeys.contains(token.key)
        case .gap: return gapPasses[position]
        case .verb: return verbAt[position]
        }
    }

    /// Queues a thread at token `position`, in the bucket of its offset from the run's start.
    @inline(__always)
    private mutating func push(_ position: Int, pc: Int32, caps: Int32, runStamp: UInt64, horizon: inout Int) {
        let pos = position - runStart
        let t = Int32(threads.count)
        threads.append((pc, caps, -1))
        if bucketStamp[pos] != runStamp {
            bucketStamp[pos] = runStamp
            bucketHead[pos] = t
        } else {
            threads[Int(bucketTail[pos])].next = t
        }
        bucketTail[pos] = t
        if position > horizon { horizon = position }
    }

    /// The longest match of rule `rule` from token `start`, not past token `end`. Among matches
    /// of one length, the first to reach `.match` at that token (docs/rules.md, "How rules
    /// match"): a token's threads run in the order they were queued, that is by the token where
    /// the element that brought them there started, so the match whose last element started
    /// earliest wins, and ties go back element by element. Only threads whose elements start at
    /// the same tokens keep the pattern's order (the earlier alternative, the greedy repetition),
    /// the order in which a `split` stacks them. Each (instruction, position) pair is visited at
    /// most once: a later thread reaching it is dropped.
    /// `trace` sees each step and each token test: `NoTrace` in matching (specialized away),
    /// `FurthestTrace` for `explain`.
    private mutating func run<Trace: RunTrace>(rule: Int, at start: Int, end: Int, tokens: ContiguousArray<Token>,
                                               trace: Trace) -> (end: Int, captures: [RuleMatch.Annotation?])? {
        let program = rules.programs[rule]
        let ncap = program.captures.count
        threads.removeAll(keepingCapacity: true)
        capPool.removeAll(keepingCapacity: true)
        for _ in 0..<ncap { capPool.append(-1) }
        stamp += 1
        let runStamp = stamp
        runStart = start
        var horizon = start
        push(start, pc: 0, caps: 0, runStamp: runStamp, horizon: &horizon)
        // The work stack, held in a local for the run: the token tests that read `self`
        // between its appends would otherwise cost a uniqueness check at each one.
        var stack: [(pc: Int32, caps: Int32)] = []
        swap(&stack, &self.stack)
        defer { swap(&stack, &self.stack) }
        var best: (end: Int, caps: Int32)?
        var pos = start
        while pos <= horizon {
            defer { pos += 1 }
            guard bucketStamp[pos - start] == runStamp else { continue }
            stamp += 1
            let stepStamp = stamp
            trace.step(to: pos)
            var matchedHere = false
            var t = bucketHead[pos - start]
            while t >= 0 {
                stack.append((threads[Int(t)].pc, threads[Int(t)].caps))
                while let (pc, caps) = stack.popLast() {
                    if visited[Int(pc)] == stepStamp { continue }
                    visited[Int(pc)] = stepStamp
                    switch program.insts[Int(pc)] {
                    case .match:
                        if !matchedHere { best = (pos, caps); matchedHere = true }
                    case .jump(let to):
                        stack.append((to, caps))
                    case .split(let a, let b):
                        stack.append((b, caps))
                        stack.append((a, caps))
                    case .key(let key):
                        trace.test(pc, at: pos)
                        if pos < end && tokens[pos].key == key { push(pos + 1, pc: pc + 1, caps: caps, runStamp: runStamp, horizon: &horizon) }
                    case .keySet(let set):
                        trace.test(pc, at: pos)
                        if pos < end && Self.contains(program.keySets[Int(set)], tokens[pos].key) {
                            push(pos + 1, pc: pc + 1, caps: caps, runStamp: runStamp, horizon: &horizon)
                        }
                    case .attribute(let attribute, let negated):
                        trace.test(pc, at: pos)
                        if pos < end && passes(attribute, tokens[pos], at: pos) != negated {
                            push(pos + 1, pc: pc + 1, caps: caps, runStamp: runStamp, horizon: &horizon)
                        }
                    case .lookahead(let test):
                        if pos >= end { stack.append((pc + 1, caps)); continue }
                        if lookaheadFilled[Int(test)] != sentenceStamp { fillLookahead(Int(test), tokens: tokens) }
                        if !lookaheadBlocks[Int(test) * sentenceLength + pos - sentenceFirst] { stack.append((pc + 1, caps)) }
                    case .annotation(let type, let slot):
                        trace.test(pc, at: pos)
                        guard pos < end else { continue }
                        for a in Int(annotationStart[pos])..<Int(annotationStart[pos + 1]) {
                            let annotation = annotations[a]
                            guard annotation.type == type, Int(annotation.end) <= end else { continue }
                            var newCaps = caps
                            if slot >= 0 {
                                newCaps = Int32(capPool.count)
                                for c in 0..<ncap { capPool.append(capPool[Int(caps) + c]) }
                                capPool[Int(newCaps) + Int(slot)] = Int32(a)
                            }
                            push(Int(annotation.end), pc: pc + 1, caps: newCaps, runStamp: runStamp, horizon: &horizon)
                        }
                    }
                }
                t = threads[Int(t)].next
            }
        }
        guard let best, best.end > start else { return nil }
        var captures: [RuleMatch.Annotation?] = []
        captures.reserveCapacity(ncap)
        for c in 0..<ncap {
            let a = capPool[Int(best.caps) + c]
            captures.append(a >= 0 ? annotations[Int(a)].value : nil)
        }
        return (best.end, captures)
    }

    /// Indexes a document's annotations once for the `furthestAttempt` calls that follow.
    mutating func prepareTracing(_ layer: TextLayer, extraction: Extraction) {
        index(layer, extraction)
    }

    /// How far rule `rule` gets in `layer`: over every sentence and every start, the run that
    /// reaches the furthest token, with what its pattern expected there. For `explain`.
    /// `prepareTracing(_:extraction:)` must have indexed the document first.
    mutating func furthestAttempt(rule: Int, layer: TextLayer)
        -> (start: Int, furthest: Int, sentenceEnd: Int, expected: [String])? {
        var best: (start: Int, furthest: Int, sentenceEnd: Int, expected: [String])?
        let labels = rules.programs[rule].labels
        for sentence in layer.sentences {
            let sentenceEnd = Int(sentence.endToken)
            enterSentence(sentence.tokenRange)
            for p in sentence.tokenRange {
                let trace = FurthestTrace(furthest: p)
                _ = run(rule: rule, at: p, end: min(sentenceEnd, p + Self.maxMatchTokens), tokens: layer.tokens, trace: trace)
                // A run that got past its first element, furthest first; ties to the earlier.
                guard trace.furthest > p, best == nil || trace.furthest - p > best!.furthest - best!.start else { continue }
                var expected: [String] = []
                for pc in trace.expected where !labels[Int(pc)].isEmpty && !expected.contains(labels[Int(pc)]) {
                    expected.append(labels[Int(pc)])
                }
                best = (p, trace.furthest, sentenceEnd, expected)
            }
        }
        return best
    }

    @inline(__always)
    static func contains(_ sorted: [KeyID], _ key: KeyID) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == key
    }
}

/// What a run of the rule VM tells as it goes: each token it steps to, and each instruction that
/// tests a token there. Matching runs with `NoTrace`, which the compiler specializes away, so the
/// hot loop carries no tracing; `explain` runs with `FurthestTrace`.
protocol RunTrace {
    /// The run steps to token `pos` (in increasing order).
    func step(to pos: Int)
    /// Instruction `pc` tests the token at `pos`.
    func test(_ pc: Int32, at pos: Int)
}

/// No tracing: an empty value, its calls empty.
struct NoTrace: RunTrace {
    @inline(__always) func step(to pos: Int) {}
    @inline(__always) func test(_ pc: Int32, at pos: Int) {}
}

/// The furthest token a run reached, and the instructions that tested a token there (what the
/// pattern expected where it stopped), for `explain`.
final class FurthestTrace: RunTrace {
    private(set) var furthest: Int
    private(set) var expected: [Int32] = []

    init(furthest: Int) { self.furthest = furthest }

    func step(to pos: Int) {
        if pos > furthest { furthest = pos; expected.removeAll() }
    }

    func test(_ pc: Int32, at pos: Int) {
        if pos == furthest { expected.append(pc) }
    }
}
