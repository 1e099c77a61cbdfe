@_spi(Stages) import GazetteText

/// Rules compiled against a lexicon's vocabulary into one small program each, for a Pike-style
/// virtual machine (`RuleMatcher`): no backtracking, so a run from one start token takes time
/// linear in the sentence's length times the program's size, whatever the input.
///
/// Compiled once and shared read-only by all threads.
public final class CompiledRules: Sendable {
    /// The rules, in load order; `RuleMatch.rule` indexes this.
    public let rules: [Rule]
    let programs: [Program]
    /// The distinct tests of the rules' lookaheads (`Inst.lookahead` indexes them).
    let lookaheads: [Lookahead]
    /// Annotation type names; an annotation's type is an index into this: `builtInTypes` ("date",
    /// "title", entity types, "role": a person described by a post, not named, "possessor": a
    /// person with "'s" or a possessive pronoun: "Ruto's", "his"), then the
    /// lexicons' own entity types.
    let typeNames: [String]
    /// Rules whose first element is a word, by its key (`firstKeyStart[key] ..< firstKeyStart[key
    /// + 1]` in `firstKeyRules`, for the vocabulary's frozen keys); rules that start with an
    /// annotation, by type; and rules that may start on any token.
    let firstKeyStart: [Int32]
    /// Bit `key` is set when some rule starts with `key`: the cache-sized test before
    /// `firstKeyStart`, which is four bytes a key.
    let firstKeyBits: KeyBits
    let firstKeyRules: [Int32]
    /// Per rule, whether it is in the keyword table.
    let startsWithKey: FrozenBuffer<Bool>
    let byFirstType: [[Int32]]
    let anywhere: [Int32]
    /// Words a rule cannot match without: for each rule, up to three sets of keys, one of each
    /// must be in a sentence for the rule to be tried there. Requirement `b` is bit `b % 64` of
    /// word `b / 64`; `requirementWords[key * wordCount ..< (key + 1) * wordCount]` are the
    /// requirements a frozen key meets, and `ruleRequirements[r * wordCount ..< (r + 1) *
    /// wordCount]` the bits rule `r` needs.
    let wordCount: Int
    let requirementWords: FrozenBuffer<UInt64>
    /// Bit `key` is set when `requirementWords` has any bit for `key`: a few kilobytes that stay
    /// in the processor's cache, so most tokens never load from the larger table.
    let requirementKeys: KeyBits
    let ruleRequirements: FrozenBuffer<UInt64>

    /// Countries of the lexicon by ISO 3166-1 alpha-3 code (for a person's country and an
    /// agreement's parties).
    let countryEntry: [String: Int]

    /// The key of the possessive "'s", for the `possessive` token attribute.
    let possessiveKey: KeyID?
    /// The keys of "(" and ")", for the short asides in brackets a `gap` passes.
    let openParenKey: KeyID?
    let closeParenKey: KeyID?
    /// The key of "that", which opens a reported clause ("announced on the 14th that ...").
    let thatKey: KeyID?
    /// The verbs of saying among the clause boundaries (`sayingWords`).
    let sayingKeys: KeyBits
    /// The keys of the double and the single quotation mark (every form folds to one of the
    /// two), for the `quote` token attribute.
    let quoteKeys: KeyBits
    /// Words right before a date that make it no event's (`RelationBuilder.isMarked`): a page's
    /// stamp or a biography's ("updated", "born"); "office" after a verb of taking or leaving it.
    static let dateMarkerWords = ["updated", "published", "posted", "modified", "born", "died", "founded"]
    static let officeVerbWords = ["took", "taking", "takes", "assumed", "assuming", "assumes", "entered", "left", "leaving"]
    let dateMarkerKeys: KeyBits
    let officeVerbKeys: KeyBits
    let officeKey: KeyID?
    /// The key of "date", which opens a page's stamp at a sentence's start ("date 2017-06-16",
    /// "Date: 5 May 2020").
    let dateKey: KeyID?
    /// The key of "since", which opens a clause whose date bounds a span.
    let sinceKey: KeyID?
    /// Nouns of taking office: "following his election in February", "after her inauguration
    /// on May 10" date that event, not a fact of the clause around them.
    static let tenureEventWords = ["election", "reelection", "inauguration", "appointment"]
    let tenureEventKeys: KeyBits
    /// The keys of "following" and "after", and of "his", "her", "their".
    static let followingWords = ["following", "after"]
    static let possessivePronounWords = ["his", "her", "their"]
    let followingKeys: KeyBits
    let possessivePronounKeys: KeyBits
    /// The keys of "has" and "have": a fact told in the present perfect ("Uganda has signed the
    /// treaty") is no event of the story's day, so it takes no date from the story.
    static let perfectWords = ["has", "have"]
    let perfectKeys: KeyBits
    /// Words that open a relative clause set off by commas ("Ruiz, who arrived on Sunday, met
    /// Dorr"): a date inside one dates that clause's event, not a fact the match tells past it.
    static let relativeWords = ["who", "which", "whose"]
    let relativeKeys: KeyBits
    /// Words that date a month or a day ahead of the story by the text's own reckoning ("next
    /// month", "coming week"): such a date in a match makes it a plan (`RelationBuilder.isDatedAfterStory`).
    static let aheadWords = ["next", "coming"]
    let aheadKeys: KeyBits
    /// Words that tell a signing or a ratification: a sentence that holds one and names an
    /// agreement lends it to `a.agreement` in the sentence after it.
    static let signingWords = ["sign", "signs", "signed", "signing", "signature", "signatures", "ink", "inks", "inked",
                               "initialled", "initialed", "ratify", "ratifies", "ratified", "ratification"]
    let signingKeys: KeyBits
    /// The keys of ",", "and" and "the", which join the items of a list (`a.list`), and of "of",
    /// which puts a person's country after their name in one.
    let commaKey: KeyID?, andKey: KeyID?, theKey: KeyID?, ofKey: KeyID?, fromKey: KeyID?
    /// The keys of "as" and "well", of "as well as", which joins a list's last item too.
    let asKey: KeyID?, wellKey: KeyID?
    /// The keys of ";" and ".", which may end an item of a bulleted list before the next mark.
    let semicolonKey: KeyID?, periodKey: KeyID?
    /// Words that may stand, with capitalized ones, in the words of a post before a listed
    /// person's title ("Culture and the Arts Minister X"): they join its words.
    static let portfolioJoinWords = ["and", "of", "the", "for", "&", "-"]
    let portfolioJoinKeys: KeyBits
    /// Words that open a listed person's phrase as someone's counterpart ("and his counterpart X",
    /// "and her Peruvian counterpart X").
    static let counterpartWords = ["his", "her", "their", "counterpart", "counterparts", "peer", "peers"]
    let counterpartKeys: KeyBits
    /// Words before a place that say where an event happened ("in", "at"), and words of a
    /// gathering held somewhere of its own ("summit", "sidelines"): with either, a sentence
    /// places its event elsewhere than the dateline (`a.dateline`).
    static let placeWords = ["in", "at", "near"]
    /// Verbs of a visit done before a place: "Krishna visited Islamabad in July, but his talks
    /// with X ..." places the talks there, not at the dateline (not "visiting", an adjective as
    /// often as a verb: "visiting Chinese President X").
    static let visitedWords = ["visited", "toured"]
    let visitedKeys: KeyBits
    static let gatheringWords = ["summit", "sidelines", "conference", "forum", "assembly"]
    let placeKeys: KeyBits, gatheringKeys: KeyBits, inKey: KeyID?, atKey: KeyID?
    /// Nouns of travel before "to" and a place, after "on": "X, who is on an official visit to
    /// Pakistan" places the sentence's event there, not at the dateline.
    static let travelNounWords = ["visit", "visits", "trip", "tour"]
    let travelNounKeys: KeyBits, toKey: KeyID?, onKey: KeyID?
    /// The nouns of a city before its name ("in the Saudi capital Riyadh", "in the garrison city of
    /// Rawalpindi"), which a venue passes.
    static let placeNounWords = ["capital", "city"]
    let placeNounKeys: KeyBits
    /// Nouns of a topic after which "in" names no venue: "talks on the situation in Iraq", "the
    /// war in Ukraine", "peace in the region".
    static let topicWords = ["situation", "situations", "crisis", "war", "conflict", "developments", "events", "peace", "stability",
                             "security", "violence", "fighting", "elections", "investment", "investments", "cooperation", "tensions"]
    let topicKeys: KeyBits
    /// Words that may stand between a match and the place phrase that names its venue, with
    /// dates and capitalized words (`a.venue`: "met X on Tuesday morning at State House in Lima").
    static let adjunctWords = [",", "in", "at", "on", "the", "of", "here", "there", "today", "yesterday", "this", "last", "week",
                               "morning", "afternoon", "evening", "night", "early", "late"]
    let adjunctKeys: KeyBits
    /// The key of "-", inside the names of places ("Al-Yamamah Palace").
    let hyphenKey: KeyID?
    /// The entity stage's lower-case words inside a name (`EntityResolver.nameParticles`): a
    /// city whose name so goes on ("Santiago de Compostela") is another of that name, no venue.
    let nameParticleKeys: KeyBits
    /// The keys of `boundaryWords`, for the `boundary` token attribute.
    let boundaryKeys: KeyBits
    /// Per rule: whether it is a negative rule (the matcher runs those only in sentences where
    /// another rule matched).
    let isNegativeRule: [Bool]

    /// Whether `token` ends a clause (the `boundary` attribute), for `explain`.
    package func isClauseBoundary(_ token: Token) -> Bool { boundaryKeys.contains(token.key) }

    /// Where a short aside in brackets that opens at token `i` closes: the ")" of one to five
    /// tokens after "(", before `end`, none a clause boundary, a comma or a token `excluded`
    /// names ("the United Arab Emirates (UAE) and", "eSwatini (former Swaziland), Mali"). Nil
    /// when no such aside opens there. The `gap` attribute and `a.list` both pass one.
    func shortAsideClose(openingAt i: Int, in tokens: ContiguousArray<Token>, before end: Int, excluded: (Int) -> Bool = { _ in false }) -> Int? {
        guard let open = openParenKey, let close = closeParenKey, i < end, tokens[i].key == open else { return nil }
        var j = i + 1
        while j < end && j - i <= 6 {
            if tokens[j].key == close { return j - i >= 2 ? j : nil }
            if boundaryKeys.contains(tokens[j].key) || tokens[j].key == commaKey || excluded(j) { return nil }
            j += 1
        }
        return nil
    }

    /// Tokens that end a clause for the `boundary` attribute: the marks that end one (semicolon,
    /// colon, quotation marks, brackets), verbs of saying, which put what follows in another
    /// speaker's words, and the conjunctions that join clauses or verbs ("Ruiz praised Dorr and
    /// then met Vega": past "and", the subject is no longer the name before it). Not the words
    /// that open a relative or subordinate clause: between a subject and its verb, such a clause
    /// is set off by commas ("Ruiz, who arrived on Sunday, met Dorr") and skipped, and after
    /// another person's name (`gap`) its verb is theirs.
    static let boundaryWords: [String] = [";", ":", "\"", "'", "(", ")", "[", "]"] + sayingWords + ["and", "or", "but"]
    /// The verbs of saying among them (`RelationBuilder.date(of:)`: a report's date before "that").
    static let sayingWords = ["said", "says", "say", "told", "tells", "added", "stated", "announced", "according"]

    /// The `verb` attribute: finite verbs and auxiliaries that open a clause's predicate after its
    /// subject ("..., and Dorr held talks", "and Dorr was"). Words that also follow a name in a
    /// list ("left" of a caption, "respectively") are not among them.
    static let predicateVerbWords = [
        "had", "has", "have", "held", "holds", "met", "meets", "was", "were", "is", "are", "will", "would", "shall", "could",
        "can", "may", "might", "must", "did", "does", "do", "said", "says", "told", "tells", "signed", "signs", "visited",
        "visits", "arrived", "arrives", "received", "receives", "hosted", "hosts", "welcomed", "welcomes", "discussed",
        "discusses", "called", "calls", "led", "leads", "paid", "pays", "spoke", "speaks", "added", "noted", "stressed",
        "attended", "attends", "thanked", "thanks", "expressed", "agreed", "agrees", "urged", "urges", "praised", "praises",
        "invited", "invites", "reiterated", "returned", "returns", "joined", "joins", "conferred", "greeted", "greets",
    ]
    let predicateVerbKeys: KeyBits

    /// The annotation types every rule file knows, before the lexicons' own; the three the
    /// matcher adds itself by their index (literals, so that no lazy global is read per
    /// annotation; `RuleRequirementTests` checks they agree).
    static let builtInTypes = ["date", "title", "person", "country", "agreement", "role", "possessor"]
    static let dateType: UInt8 = 0
    static let titleType: UInt8 = 1
    static let roleType: UInt8 = 5
    static let possessorType: UInt8 = 6

    enum Inst: Sendable, Equatable {
        /// A token whose key is this one.
        case key(KeyID)
        /// A token whose key is in `keySets[index]` (sorted).
        case keySet(Int32)
        /// A token with (or without) an attribute; nil attribute is any token.
        case attribute(RulePattern.TokenAttribute?, negated: Bool)
        /// Go on, consuming nothing, unless the next token passes `lookaheads[index]`'s test
        /// (`![verb]`, `!who`, `!@_:person`): read from a table the matcher builds per document.
        case lookahead(Int32)
        /// An annotation of a type starting here; its end is where the thread goes on.
        case annotation(type: UInt8, slot: Int16)
        /// Go on at both; the first runs first, so it wins among equally long matches whose
        /// elements start at the same tokens (`RuleMatcher.run` states the whole order).
        case split(Int32, Int32)
        case jump(Int32)
        case match
    }

    /// A lookahead's test of one token: an attribute (negated or not), single words, or the
    /// start of an annotation of a type.
    enum Lookahead: Hashable, Sendable {
        case attribute(RulePattern.TokenAttribute?, negated: Bool)
        case keys([KeyID])
        case annotation(type: UInt8)
    }

    struct Program: Sendable {
        var insts: [Inst]
        var keySets: [[KeyID]]
        /// Capture names, by slot.
        var captures: [String]
        /// Per instruction, what a consuming one expects, as the rule writes it ("MEET_VERB",
        /// "'with'", "@b:person"), for `explain`; empty for the others.
        var labels: [String]
    }

    /// The literal texts of `file`'s rules, as `CompiledLexicon(extraWords:)` wants them.
    static func words(of file: RuleFile) -> [String] {
        var out: [String] = []
        func visit(_ p: RulePattern) {
            switch p {
            case .literal(let words): out += words.map(tokenizable)
            case .notFollowedBy(let inner): visit(inner)
            case .sequence(let items), .alternation(let items): items.forEach(visit)
            case .repetition(let inner, _, _): visit(inner)
            default: break
            }
        }
        file.rules.forEach { visit($0.pattern) }
        file.definitions.forEach { visit($0.pattern) }
        // The quotation marks and clause boundaries, for the `quote` and `boundary` attributes, and
        // every word the relation stage compares by key (the words that tell a fact's date, a
        // venue, a topic ...): each must have a frozen key whatever the rules hold, or a document's
        // token would get a key of its own and never equal it.
        return out + ["\"", "'"] + boundaryWords + dateMarkerWords + officeVerbWords + ["office", "since", "date"] + tenureEventWords
            + followingWords + possessivePronounWords + placeWords + visitedWords + gatheringWords + topicWords + adjunctWords + aheadWords
            + counterpartWords + perfectWords + portfolioJoinWords + relativeWords + [",", "-", "and", "as", "at", "in", "of", "from", "the", "well", "that", "to", "on", tokenizable("'s")]
            + placeNounWords + travelNounWords + predicateVerbWords + signingWords + [";", "."]
    }

    /// A word as the tokenizer should see it: a possessive ("'s") is one token only after a
    /// word, so it gets a word before it, which `keys(of:)` drops.
    static func tokenizable(_ word: String) -> String {
        guard let first = word.unicodeScalars.first, ["'", "\u{2019}", "\u{02BC}"].contains(first) else { return word }
        return "x" + word
    }

    /// Compiles `file` for `lexicon`, whose vocabulary must hold the rules' words (see
    /// `Pipeline`).
    /// - Throws: `DiagnosticList` with every problem: an unknown class or type, a recursive class,
    ///   a pattern that can match no token.
    init(_ file: RuleFile, lexicon: CompiledLexicon) throws {
        var types = Self.builtInTypes
        for entry in lexicon.entries where entry.type != .stop && !types.contains(entry.type.rawValue) {
            types.append(entry.type.rawValue)
        }
        let tokenizer = try lexicon.makeTokenizer()
        var compiler = Compiler(definitions: file.definitions, types: types, tokenizer: tokenizer)
        compiler.failedDefinitions = Set(file.failedDefinitions)
        var diagnostics: [Diagnostic] = []
        // Every class is checked, used or not: unknown classes, cycles, size.
        for definition in file.definitions {
            compiler.begin(Rule(id: "", pattern: definition.pattern, emits: [], file: definition.file, line: definition.line))
            _ = compiler.compile(definition.pattern)
            if !compiler.diagnostics.isEmpty {
                // Reported once, here; the rules that use the class say nothing more of it.
                compiler.failedDefinitions.insert(definition.name)
                diagnostics += compiler.diagnostics.map { d in
                    var d = d
                    d.message = d.message.replacingOccurrences(of: "rule '': ", with: "")
                    return d
                }
            }
        }
        for definition in file.definitions {
            for capture in RulePattern.captures(of: definition.pattern).keys.sorted() {
                diagnostics.append(Diagnostic(file: definition.file, line: definition.line, column: 1,
                                              message: "class \(definition.name) captures '\(capture)': a class cannot capture; use @_:type, and capture in the rule"))
            }
        }
        var programs: [Program] = []
        var byFirstKey: [KeyID: [Int32]] = [:]
        var byFirstType = [[Int32]](repeating: [], count: types.count)
        var anywhere: [Int32] = []
        var seen: [String: Rule] = [:]
        // Per rule, the keys it can start with when it starts only at keys.
        var firstKeysOf = [Set<KeyID>?](repeating: nil, count: file.rules.count)
        for (index, rule) in file.rules.enumerated() {
            if let other = seen[rule.id], other.file != rule.file {
                // (Within one file the parser says so.)
                diagnostics.append(Diagnostic(file: rule.file, line: rule.line, column: 1, message: "rule '\(rule.id)' is already defined at \(other.file):\(other.line)"))
            }
            seen[rule.id] = rule
            compiler.begin(rule)
            let program = compiler.compile(rule.pattern)
            diagnostics += compiler.diagnostics
            programs.append(program)
            guard compiler.diagnostics.isEmpty else { continue }
            if compiler.nullable(rule.pattern) {
                let at = rule.clauseLocations["match"]
                diagnostics.append(Diagnostic(file: rule.file, line: at?.line ?? rule.line, column: at?.column ?? 1,
                                              message: "rule '\(rule.id)': its pattern can match no token at all; make something in it required"))
                continue
            }
            // Where the rule can start.
            var first = FirstSet()
            compiler.first(of: rule.pattern, into: &first)
            if first.any { anywhere.append(Int32(index)); continue }
            for key in first.keys { byFirstKey[key, default: []].append(Int32(index)) }
            for type in first.types { byFirstType[Int(type)].append(Int32(index)) }
            if first.types.isEmpty { firstKeysOf[index] = Set(first.keys) }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        self.rules = file.rules
        self.programs = programs
        self.lookaheads = compiler.lookaheads
        self.isNegativeRule = file.rules.map(\.isNegative)
        // The key of a word the relation stage compares by key (its first token's). Each must be
        // frozen (`words(of:)` lists it), or a document's token gets a key of its own and never
        // equals it: checked here, so that a list missing there fails the tests.
        let frozen = lexicon.vocabulary.frozenKeyCount
        func key(_ word: String) -> KeyID? {
            let found = compiler.keys(of: word).first
            assert(found.map { Int($0) < frozen } ?? true, "'\(word)' has no frozen key: list it in CompiledRules.words(of:)")
            return found
        }
        // The keys of words, as bits.
        func keyBits(_ words: [String]) -> KeyBits { KeyBits(words.compactMap { key($0).map(Int.init) }) }
        self.possessiveKey = key("'s")
        self.openParenKey = key("(")
        self.thatKey = key("that")
        self.sayingKeys = keyBits(Self.sayingWords)
        self.closeParenKey = key(")")
        self.quoteKeys = keyBits(["\"", "'"])
        self.dateMarkerKeys = keyBits(Self.dateMarkerWords)
        self.officeVerbKeys = keyBits(Self.officeVerbWords)
        self.officeKey = key("office")
        self.dateKey = key("date")
        self.sinceKey = key("since")
        self.tenureEventKeys = keyBits(Self.tenureEventWords)
        self.followingKeys = keyBits(Self.followingWords)
        self.possessivePronounKeys = keyBits(Self.possessivePronounWords)
        self.perfectKeys = keyBits(Self.perfectWords)
        self.relativeKeys = keyBits(Self.relativeWords)
        self.aheadKeys = keyBits(Self.aheadWords)
        self.signingKeys = keyBits(Self.signingWords)
        self.commaKey = key(",")
        self.andKey = key("and")
        self.theKey = key("the")
        self.ofKey = key("of")
        self.fromKey = key("from")
        self.asKey = key("as")
        self.wellKey = key("well")
        self.semicolonKey = key(";")
        self.periodKey = key(".")
        self.portfolioJoinKeys = keyBits(Self.portfolioJoinWords)
        self.counterpartKeys = keyBits(Self.counterpartWords)
        self.placeKeys = keyBits(Self.placeWords)
        self.visitedKeys = keyBits(Self.visitedWords)
        self.placeNounKeys = keyBits(Self.placeNounWords)
        self.gatheringKeys = keyBits(Self.gatheringWords)
        self.travelNounKeys = keyBits(Self.travelNounWords)
        self.toKey = key("to")
        self.onKey = key("on")
        self.topicKeys = keyBits(Self.topicWords)
        self.adjunctKeys = keyBits(Self.adjunctWords)
        self.inKey = key("in")
        self.atKey = key("at")
        self.hyphenKey = key("-")
        self.nameParticleKeys = keyBits(EntityResolver.nameParticles.sorted())
        self.boundaryKeys = keyBits(Self.boundaryWords)
        self.predicateVerbKeys = keyBits(Self.predicateVerbWords)
        self.typeNames = types
        // A dense table over the frozen keys: one array read per token.
        let keyCount = lexicon.vocabulary.frozenKeyCount
        var starts = [Int32](repeating: 0, count: keyCount + 1)
        var list: [Int32] = []
        for key in 0..<keyCount {
            starts[key] = Int32(list.count)
            if let rules = byFirstKey[KeyID(key)] { list += Array(Set(rules)).sorted() }
        }
        starts[keyCount] = Int32(list.count)
        self.firstKeyStart = starts
        self.firstKeyBits = KeyBits((0..<max(0, starts.count - 1)).filter { starts[$0] < starts[$0 + 1] })
        self.firstKeyRules = list
        var keyedRules = [Bool](repeating: false, count: file.rules.count)
        for r in list { keyedRules[Int(r)] = true }
        self.startsWithKey = FrozenBuffer(keyedRules)
        self.byFirstType = byFirstType.map { Array(Set($0)).sorted() }
        self.anywhere = anywhere
        // Requirements: the keyed elements every match must have.
        var requirements: [[KeyID]] = []
        var needs: [[Int]] = []
        // Sets without function words first: they are the ones that rule sentences out.
        // A negative rule that starts with a word needs none: it runs only in a sentence where a
        // rule of a predicate matched (`RuleMatcher`), and only from its first word, which
        // bounds its cost; the bits are better spent on the rules that run everywhere.
        let candidateSets = file.rules.enumerated().map { (r, rule) -> [[KeyID]] in
            if rule.isNegative && keyedRules[r] { return [] }
            let all = compiler.requiredKeySets(rule.pattern)
            return (all.filter { !compiler.isWeak($0) } + all.filter(compiler.isWeak)).map { $0.sorted() }
        }
        // Up to three sets a rule, fewer when that keeps the bits within one 64-bit word (a
        // second word doubles the cost of the filter; fewer sets only rule out fewer sentences).
        // Last, one set a rule, the first, but for rules whose first set no other rule takes:
        // those take, one at a time and only while the sets do not fit, another of their sets
        // that another rule takes ("X arrived ... and met Y" takes the meeting verbs' bit, not
        // one of its own for the verbs of arrival).
        var oneEach = candidateSets.map { Array($0.prefix(1)) }
        var users: [[KeyID]: Int] = [:]
        for chosen in oneEach { for set in chosen { users[set, default: 0] += 1 } }
        for (r, sets) in candidateSets.enumerated() where users.count > 64 {
            guard let own = oneEach[r].first, users[own] == 1,
                  let other = sets.first(where: { $0 != own && !compiler.isWeak($0) && users[$0, default: 0] > 0 }) else { continue }
            users[own] = nil
            users[other, default: 0] += 1
            oneEach[r] = [other]
        }
        // Then, while they still do not fit, a rule that starts only at keys, all of which its
        // one set holds, takes no bit: the key it runs from meets the set ("in the presence of"
        // needs no bit for "presence" ... once it has found "presence" it has begun). (Its
        // matches are tried only where a first key stands, and a cheap test fails them.)
        for r in oneEach.indices where users.count > 64 {
            guard let own = oneEach[r].first, users[own] == 1, let keys = firstKeysOf[r], keys.isSubset(of: own) else { continue }
            users[own] = nil
            oneEach[r] = []
        }
        for perRule in [3, 2, 1, 0] {
            requirements = []
            needs = []
            var bitOfSet: [[KeyID]: Int] = [:]  // rules sharing a set (MEET_VERB ...) share its bit
            for (r, sets) in candidateSets.enumerated() {
                needs.append((perRule == 0 ? oneEach[r] : Array(sets.prefix(perRule))).map { set in
                    if let bit = bitOfSet[set] { return bit }
                    requirements.append(set)
                    bitOfSet[set] = requirements.count - 1
                    return requirements.count - 1
                })
            }
            if requirements.count <= 64 { break }
        }
        let words = max(1, (requirements.count + 63) / 64)
        var table = [UInt64](repeating: 0, count: keyCount * words)
        for (b, set) in requirements.enumerated() {
            for key in set where Int(key) < keyCount { table[Int(key) * words + b / 64] |= 1 << UInt64(b % 64) }
        }
        self.wordCount = words
        self.requirementWords = FrozenBuffer(table)
        self.requirementKeys = KeyBits((0..<keyCount).filter { key in (0..<words).contains { table[key * words + $0] != 0 } })
        var ruleBits = [UInt64](repeating: 0, count: needs.count * words)
        for (r, bits) in needs.enumerated() {
            for b in bits { ruleBits[r * words + b / 64] |= 1 << UInt64(b % 64) }
        }
        self.ruleRequirements = FrozenBuffer(ruleBits)
        var countries: [String: Int] = [:]
        for (i, entry) in lexicon.entries.enumerated() where entry.type == .country {
            if let code = entry.codes["alpha3"], countries[code] == nil { countries[code] = i }
            if countries[entry.id] == nil { countries[entry.id] = i }
        }
        self.countryEntry = countries
    }

    /// The capture names of rule `rule` (an index into `rules`), by slot: `RuleMatch.captures`
    /// follows this order ("a", "b", "x" ...).
    public func captureNames(ofRule rule: RuleIndex) -> [String] { programs[rule.rawValue].captures }

    /// The slot of capture `name` in rule `rule`'s matches, if it captures it.
    func slot(of name: String, inRule rule: RuleIndex) -> Int? {
        programs[rule.rawValue].captures.firstIndex(of: name)
    }

    struct FirstSet {
        var keys: Set<KeyID> = []
        var types: Set<UInt8> = []
        var any = false
    }

    struct Compiler {
        let definitions: [String: RuleFile.Definition]
        let types: [String]
        let tokenizer: Tokenizer
        var diagnostics: [Diagnostic] = []
        var rule: Rule?
        var insts: [Inst] = []
        var keySets: [[KeyID]] = []
        var captures: [String] = []
        var expanding: [String] = []

        /// Classes whose definitions did not parse: their uses are not reported again.
        var failedDefinitions: Set<String> = []

        init(definitions: [RuleFile.Definition], types: [String], tokenizer: Tokenizer) {
            var byName: [String: RuleFile.Definition] = [:]
            for d in definitions where byName[d.name] == nil { byName[d.name] = d }
            self.definitions = byName
            self.types = types
            self.tokenizer = tokenizer
        }

        var labels: [String] = []

        /// The outermost class being expanded: what a rule writer sees in the rule.
        var classLabel: String? { expanding.first }

        mutating func add(_ inst: Inst, label: String = "") {
            insts.append(inst)
            labels.append(label)
        }

        mutating func begin(_ rule: Rule) {
            self.rule = rule
            diagnostics = []
            insts = []
            labels = []
            keySets = []
            captures = []
            expanding = []
            tooBig = false
        }

        mutating func compile(_ pattern: RulePattern) -> Program {
            emit(pattern)
            add(.match)
            return Program(insts: insts, keySets: keySets, captures: captures, labels: labels)
        }

        /// A problem at `line` and `column`, or where no element's place is known, at the rule's
        /// 'match' clause (a class's: its first column).
        func error(_ line: Int?, _ column: Int?, _ message: String) -> Diagnostic {
            let match = rule?.clauseLocations["match"]
            return Diagnostic(file: rule?.file ?? "", line: line ?? match?.line ?? rule?.line ?? 0, column: column ?? match?.column ?? 1,
                              message: "rule '\(rule?.id ?? "")': " + message)
        }

        /// The token keys of a word as written in a rule, tokenized once per word: a class's
        /// words come back at each of its uses, and each repetition of it.
        func keys(of word: String) -> [KeyID] {
            if let known = keyMemo.byWord[word] { return known }
            let text = CompiledRules.tokenizable(word)
            guard let layer = try? tokenizer.analyze(text) else { return [] }
            let keys = layer.tokens.map(\.key)
            let found = text == word ? keys : Array(keys.dropFirst())
            keyMemo.byWord[word] = found
            return found
        }

        /// The keys of the words `keys(of:)` has read.
        final class KeyMemo {
            var byWord: [String: [KeyID]] = [:]
        }
        let keyMemo = KeyMemo()

        func definition(_ name: String) -> RuleFile.Definition? { definitions[name] }

        /// Single words of an alternation of literals, or nil when a branch is anything else.
        func singleKeys(_ branches: [RulePattern], visiting: Set<String> = []) -> [KeyID]? {
            var out: [KeyID] = []
            for branch in branches {
                switch branch {
                case .literal(let words):
                    guard words.count == 1 else { return nil }
                    let k = keys(of: words[0])
                    guard k.count == 1 else { return nil }
                    out.append(k[0])
                case .classRef(let name, _, _):
                    // A class that refers to itself is reported by `emit`; here it is no word list.
                    guard !expanding.contains(name), !visiting.contains(name), let d = definition(name) else { return nil }
                    let inner: [RulePattern]
                    if case .alternation(let branches) = d.pattern { inner = branches } else { inner = [d.pattern] }
                    guard let k = singleKeys(inner, visiting: visiting.union([name])) else { return nil }
                    out += k
                default: return nil
                }
            }
            return out
        }

        /// The most instructions a rule compiles to: nested or stacked repetitions multiply.
        static let maxInstructions = 20_000
        var tooBig = false

        mutating func emit(_ pattern: RulePattern) {
            guard insts.count <= Self.maxInstructions else {
                if !tooBig {
                    tooBig = true
                    diagnostics.append(error(nil, nil, "this pattern compiles to more than \(Self.maxInstructions) instructions (nested repetitions multiply); use smaller bounds"))
                }
                return
            }
            switch pattern {
            case .literal(let words):
                for word in words {
                    let k = keys(of: word)
                    if k.isEmpty {
                        diagnostics.append(error(nil, nil, "'\(word)' is no token: the tokenizer keeps it inside the word before it (write the whole word, e.g. didn't)"))
                    }
                    for key in k { add(.key(key), label: classLabel ?? "'\(word)'") }
                }
            case .classRef(let name, let line, let column):
                if failedDefinitions.contains(name) { return }
                guard let d = definition(name) else {
                    if !failedDefinitions.contains(name) {
                        diagnostics.append(error(line, column, "unknown class \(name) (define it with 'define \(name) = ...')"))
                    }
                    return
                }
                if expanding.contains(name) {
                    diagnostics.append(error(line, column, "class \(name) refers to itself (through \((expanding + [name]).joined(separator: " -> ")))"))
                    return
                }
                expanding.append(name)
                emit(d.pattern)
                expanding.removeLast()
            case .attribute(let attribute, let negated):
                add(.attribute(attribute, negated: negated), label: classLabel ?? "[\(negated ? "!" : "")\(attribute?.rawValue ?? "")]")
            case .notFollowedBy(.attribute(let attribute, let negated)):
                addLookahead(.attribute(attribute, negated: negated))
            case .notFollowedBy(.annotation(_, let type, let line, let column)):
                guard let t = types.firstIndex(of: type) else {
                    diagnostics.append(error(line, column, "unknown type '\(type)' in !@_:\(type); the types are \(types.joined(separator: ", "))"))
                    return
                }
                addLookahead(.annotation(type: UInt8(t)))
            case .notFollowedBy(let inner):
                let branches: [RulePattern]
                if case .alternation(let b) = inner { branches = b } else { branches = [inner] }
                guard let keys = singleKeys(branches), !keys.isEmpty else {
                    diagnostics.append(error(nil, nil, "'!' takes a token test ([attribute]), single words (a word, a CLASS or a group of words) or @_:type, not a longer pattern"))
                    return
                }
                addLookahead(.keys(Array(Set(keys)).sorted()))
            case .annotation(let capture, let type, let line, let column):
                guard let t = types.firstIndex(of: type) else {
                    diagnostics.append(error(line, column, "unknown type '\(type)' in @\(capture ?? "_"):\(type); the types are \(types.joined(separator: ", "))"))
                    return
                }
                var slot: Int16 = -1
                if let capture {
                    if let existing = captures.firstIndex(of: capture) { slot = Int16(existing) } else {
                        captures.append(capture)
                        slot = Int16(captures.count - 1)
                    }
                }
                add(.annotation(type: UInt8(t), slot: slot), label: classLabel ?? "@\(capture ?? "_"):\(type)")
            case .sequence(let items):
                items.forEach { emit($0) }
            case .alternation(let branches):
                // Each run of consecutive one-word branches is one key-set test, in its place
                // among the other branches (so the order of preference stays): the matcher
                // visits one instruction for "also | later | ... | never" instead of one
                // split per word. An alternation of single words only is one test.
                var groups: [(branches: [RulePattern], keys: [KeyID]?)] = []
                for branch in branches {
                    let keys = singleKeys([branch])
                    if let keys, let last = groups.last, last.keys != nil {
                        groups[groups.count - 1].branches.append(branch)
                        groups[groups.count - 1].keys! += keys
                    } else {
                        groups.append(([branch], keys))
                    }
                }
                if groups.count == 1, let keys = groups[0].keys {
                    emitKeySet(keys, branches)
                    return
                }
                // split L1, next; L1: branch; jump end; ...
                var jumps: [Int] = []
                for (i, group) in groups.enumerated() {
                    let split = insts.count
                    if i < groups.count - 1 { add(.split(0, 0)) }
                    if let keys = group.keys, group.branches.count > 1 { emitKeySet(keys, group.branches) } else { emit(group.branches[0]) }
                    if i < groups.count - 1 {
                        jumps.append(insts.count)
                        add(.jump(0))
                        insts[split] = .split(Int32(split + 1), Int32(insts.count))
                    }
                }
                for j in jumps { insts[j] = .jump(Int32(insts.count)) }
            case .repetition(let inner, let min, let max):
                for _ in 0..<min { emit(inner) }
                if let max {
                    // Each optional copy: split(take, skip); greedy.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(insts.count)
                        add(.split(0, 0))
                        emit(inner)
                    }
                    for s in splits { insts[s] = .split(Int32(s + 1), Int32(insts.count)) }
                } else {
                    let loop = insts.count
                    add(.split(0, 0))
                    emit(inner)
                    add(.jump(Int32(loop)))
                    insts[loop] = .split(Int32(loop + 1), Int32(insts.count))
                }
            }
        }

        /// The lookaheads of all rules, each test once: the matcher builds one table per test.
        var lookaheads: [Lookahead] = []
        var lookaheadIndex: [Lookahead: Int32] = [:]

        mutating func addLookahead(_ test: Lookahead) {
            let index: Int32
            if let known = lookaheadIndex[test] { index = known } else {
                index = Int32(lookaheads.count)
                lookaheads.append(test)
                lookaheadIndex[test] = index
            }
            add(.lookahead(index))
        }

        /// One instruction that takes any of `keys` (the words of `branches`, for `explain`).
        mutating func emitKeySet(_ keys: [KeyID], _ branches: [RulePattern]) {
            keySets.append(Array(Set(keys)).sorted())
            let words = branches.compactMap { b -> String? in if case .literal(let w) = b { return w.joined(separator: " ") }; if case .classRef(let n, _, _) = b { return n }; return nil }
            add(.keySet(Int32(keySets.count - 1)), label: classLabel ?? "(" + words.prefix(6).joined(separator: " | ") + (words.count > 6 ? " | ..." : "") + ")")
        }

        /// Sets of keys each match of `pattern` must contain one of (from its required words and
        /// classes of words, in pattern order).
        func requiredKeySets(_ pattern: RulePattern) -> [[KeyID]] {
            switch pattern {
            case .literal(let words):
                return words.compactMap { keys(of: $0).first.map { [$0] } }
            case .classRef(let name, _, _):
                guard !expanding.contains(name), let d = definition(name) else { return [] }
                return requiredKeySets(d.pattern)
            case .sequence(let items):
                return items.flatMap(requiredKeySets)
            case .alternation(let branches):
                // One requirement of each branch (one without function words, where it has one),
                // if every branch has one.
                var union: Set<KeyID> = []
                for branch in branches {
                    let sets = requiredKeySets(branch)
                    guard let pick = sets.first(where: { !isWeak($0) }) ?? sets.first else { return [] }
                    union.formUnion(pick)
                }
                return [Array(union).sorted()]
            case .repetition(let inner, let min, _):
                return min > 0 ? requiredKeySets(inner) : []
            case .attribute, .annotation, .notFollowedBy:
                return []
            }
        }

        /// Words too common to rule a sentence out.
        static let functionWords: Set<String> = [
            "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "that",
            "which", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it",
            "its", "their", "his", "her", "will", "would", "not", "but", "also", "'s", ",", ".", "-", "(", ")",
        ]

        /// Whether a requirement holds a function word (and so rules out few sentences).
        func isWeak(_ keys: [KeyID]) -> Bool {
            keys.contains { Self.functionWords.contains(tokenizer.vocabulary.key($0)) }
        }

        /// Whether `pattern` can match no token.
        func nullable(_ pattern: RulePattern) -> Bool {
            switch pattern {
            case .literal(let words): return words.allSatisfy { keys(of: $0).isEmpty }
            case .classRef(let name, _, _): return definition(name).map { nullable($0.pattern) } ?? false
            case .attribute, .annotation: return false
            case .notFollowedBy: return true
            case .sequence(let items): return items.allSatisfy(nullable)
            case .alternation(let items): return items.contains(where: nullable)
            case .repetition(let inner, let min, _): return min == 0 || nullable(inner)
            }
        }

        /// What the first token of a match can be.
        func first(of pattern: RulePattern, into set: inout FirstSet) {
            switch pattern {
            case .literal(let words):
                for word in words {
                    let k = keys(of: word)
                    if let key = k.first { set.keys.insert(key); return }
                }
            case .classRef(let name, _, _):
                if let d = definition(name) { first(of: d.pattern, into: &set) }
            case .attribute: set.any = true
            case .notFollowedBy: break
            case .annotation(_, let type, _, _):
                if let t = types.firstIndex(of: type) { set.types.insert(UInt8(t)) }
            case .sequence(let items):
                for item in items {
                    first(of: item, into: &set)
                    if !nullable(item) { return }
                }
            case .alternation(let items): items.forEach { first(of: $0, into: &set) }
            case .repetition(let inner, _, _): first(of: inner, into: &set)
            }
        }
    }
}

/// An array's elements copied once into memory of their own and never changed, read through a
/// raw pointer: the rule matcher's token loop reads the requirement tables through it with no
/// closure and no bounds check. Shared by all threads like the rules it belongs to; freed with
/// them.
final class FrozenBuffer<Element>: @unchecked Sendable {
    /// The elements (immutable once made).
    let elements: UnsafeBufferPointer<Element>
    private let memory: UnsafeMutableBufferPointer<Element>

    init(_ array: [Element]) {
        memory = .allocate(capacity: max(array.count, 1))
        let initialized = memory.initialize(fromContentsOf: array)
        elements = UnsafeBufferPointer(rebasing: memory[0..<initialized])
    }

    deinit {
        UnsafeMutableBufferPointer(rebasing: memory[0..<elements.count]).deinitialize()
        memory.deallocate()
    }

    var count: Int { elements.count }
}
