@_spi(Stages) import GazetteText

/// A fact the rules found: (subject, predicate, object, date), with qualifiers and the matches
/// that state it. The same fact stated twice in a document is one `Fact` with two pieces of
/// evidence.
public struct Fact: Sendable, Equatable {
    /// The first argument; for a symmetric rule's predicate, the one whose entity id sorts first.
    public var subject: Argument
    /// The relation ("met", "visited", "holds_office" ...).
    public var predicate: String
    /// The second argument.
    public var object: Argument
    /// Index into `Extraction.dates`: the date the rule captured, else the date expression of
    /// the sentence nearest to the match, else the story's last day before the sentence, else
    /// that of the same fact stated elsewhere with one date; nil when the text gives none (the
    /// document's own date is never used for a fact unless the text states it).
    public var date: DateIndex?
    /// The office a title gives ("Minister for Foreign Affairs").
    public var office: String?
    /// Where it happened: an entity the rule captured as its place.
    public var place: Argument?
    /// Indexes into `Extraction.matches`, in text order; the first is the one whose mentions
    /// and rule the output shows first.
    public var evidence: [MatchIndex]
    /// Whether only visits by the dateline (`a.dateline`) state it: a fallback, dropped where a
    /// rule states the same visit itself.
    var byDateline = false
    /// Whether only the dateline's country states it (not a place the match's words name).
    var onlyByDateline = false

    /// An entity in a fact: an index into `Extraction.entities`, and the mention that names it,
    /// unless it is derived (a person's country from the lexicon, an agreement's parties).
    public struct Argument: Sendable, Equatable {
        /// Index into `Extraction.entities`.
        public var entity: EntityIndex
        /// Index into `Extraction.mentions` of the mention that names it; nil for a derived
        /// entity.
        public var mention: MentionIndex?
    }
}

/// The relation stage: turns rule matches into facts. Suppression first (a negative rule's
/// match suppresses the overlapping matches of the predicates it names), then overlap (among
/// overlapping matches of one predicate in a sentence: higher priority, then longer, then
/// leftmost, then earlier rule), then arguments, dates and de-duplication.
struct RelationBuilder {
    let rules: CompiledRules
    let lexicon: CompiledLexicon

    func build(_ found: [RuleMatch], layer: TextLayer, text: UnsafeBufferPointer<UInt8>, into extraction: inout Extraction) {
        var matches = found
        let ruleList = rules.rules
        // Group by sentence (matches come in sentence order).
        var groupStart = 0
        while groupStart < matches.count {
            var groupEnd = groupStart
            while groupEnd < matches.count && matches[groupEnd].sentence == matches[groupStart].sentence { groupEnd += 1 }
            let group = groupStart..<groupEnd
            // Suppression.
            for n in group where ruleList[matches[n].rule].isNegative {
                let suppressed = ruleList[matches[n].rule].suppresses
                for m in group where matches[m].outcome == .kept {
                    guard let p = ruleList[matches[m].rule].predicate, suppressed.contains(p),
                          matches[m].firstToken < matches[n].endToken, matches[n].firstToken < matches[m].endToken else { continue }
                    matches[m].outcome = .suppressed(by: MatchIndex(n))
                }
            }
            // Overlap within a predicate.
            let order = group.filter { matches[$0].outcome == .kept && !ruleList[matches[$0].rule].isNegative }.sorted { a, b in
                let ma = matches[a], mb = matches[b]
                let pa = ruleList[ma.rule].priority, pb = ruleList[mb.rule].priority
                if pa != pb { return pa > pb }
                let la = ma.endToken - ma.firstToken, lb = mb.endToken - mb.firstToken
                if la != lb { return la > lb }
                if ma.firstToken != mb.firstToken { return ma.firstToken < mb.firstToken }
                return ma.rule < mb.rule
            }
            var accepted: [Int] = []
            for m in order {
                // A visit home gives nothing (`abroad`), nor a group's meeting of one person
                // (`met.among`): no overlap to win ("X, having been to Nepal, spoke in Delhi"
                // keeps the visit to Nepal of an Indian X).
                if givesNoFact(matches[m], extraction) { continue }
                let predicate = ruleList[matches[m].rule].predicate
                if let winner = accepted.first(where: { w in
                    ruleList[matches[w].rule].predicate == predicate
                        && matches[m].firstToken < matches[w].endToken && matches[w].firstToken < matches[m].endToken
                }) {
                    matches[m].outcome = .overlapped(by: MatchIndex(winner))
                } else {
                    accepted.append(m)
                }
            }
            groupStart = groupEnd
        }
        extraction.matches = matches

        var index: [String: Int] = [:]
        var facts: [Fact] = []
        var storyDated = Set<Int>()  // facts whose date is the story's, not their sentence's
        let usable = matches.isEmpty ? [] : usableDates(extraction, layer: layer, text: text)
        var elsewhere: [SentenceIndex: Bool] = [:]  // by sentence: whether it places its event off the dateline
        for (m, match) in zip(matches.layerIndices, matches) where match.outcome == .kept {
            let rule = ruleList[match.rule]
            guard !rule.isNegative else { continue }
            let (date, fromStory) = self.date(of: match, rule: rule, sentence: layer.sentences[match.sentence].tokenRange, usable: usable,
                                              layer: layer, text: text, extraction)
            // "during his visit to Cairo next week", "met on June 3" in a story of May 29: an
            // event the story dates after itself is a plan, whatever the verb's tense.
            if rule.predicate != Self.officePredicate
                && isDatedAfterStory(match, sentence: layer.sentences[match.sentence].tokenRange, layer: layer, extraction) {
                continue
            }
            var office: String?
            if let name = rule.office { office = self.office(capture: name, match, extraction) }
            // A post of an international body is no country's, whatever the lexicon knows of its
            // holder ("the UN High Commissioner for Human Rights, X", a former president).
            if rule.predicate == Self.officePredicate, let office, EntityResolver.isInternationalOffice(office, firstPost: true) { continue }
            var place: Fact.Argument?
            if let name = rule.place { place = resolve([Rule.ArgumentRef(capture: name, derived: nil, column: 0)], match, layer, &extraction).first }
            // A place that is an emit's object ("place c" with "emit a visited c"): each emit's
            // own object is its place ("visited Japan and Korea" gives each its mention).
            // The dateline's country, when this match can place a visitor there (`a.dateline`):
            // decided once for the match, not per emit. An emit by the dateline of the rule's own
            // predicate needs no host: the rule's words tell the visit ("arrived here"); one that
            // follows a meeting does. Whether a sentence places its event elsewhere is decided
            // once per sentence. The venue (`a.venue`) is the country a place phrase of the match
            // names, when the match captures a person at home there, else the dateline's.
            let placing = rule.emits.filter { $0.object.contains { $0.derived?.placesVisitor == true } }
            let dateline = placing.isEmpty ? nil : extraction.datelineCountry.flatMap { code -> String? in
                guard placing.contains(where: { $0.predicate == rule.predicate }) || capturesPersonAtHome(match, code, extraction)
                else { return nil }
                if elsewhere[match.sentence] == nil { elsewhere[match.sentence] = placesElsewhere(match.sentence, dateline: code, layer, extraction) }
                return elsewhere[match.sentence]! ? nil : code
            }
            // `a.site`: the venue the match's words name; `a.venue` falls back to the dateline's.
            var site: String?
            if placing.contains(where: { $0.object.contains { $0.derived == .venue || $0.derived == .site } }),
               let v = self.venue(of: match, layer, extraction), capturesPersonAtHome(match, v, extraction) {
                site = v
            }
            let placeIsObject = rule.place.map { name in rule.emits.contains { $0.object.count == 1 && $0.object[0].capture == name && $0.object[0].derived == nil } } ?? false
            for emit in rule.emits {
                let subjects = resolve(emit.subject, match, layer, &extraction, dateline: dateline, site: site)
                let objects = resolve(emit.object, match, layer, &extraction, dateline: dateline, site: site)
                for s in subjects {
                    for o in objects where extraction.entities[s.entity].id != extraction.entities[o.entity].id {
                        if rule.abroad, let home = extraction.entities[s.entity].country, extraction.entities[s.entity].type == .person,
                           alpha3(o.entity, extraction) == home {
                            continue
                        }
                        if rule.abroadKnown, extraction.entities[s.entity].type == .person, extraction.entities[s.entity].country == nil { continue }
                        // An envoy lives where posted: no visit to the country of the post, nor
                        // to one where a post named by no country may be ("Peruvian Ambassador X
                        // was received in Hanoi").
                        if rule.abroad, extraction.entities[s.entity].type == .person, let office = extraction.entities[s.entity].office,
                           Self.isEnvoy(office), !Self.postedElsewhere(office, than: extraction.entities[o.entity].name) {
                            continue
                        }
                        let place = placeIsObject && emit.object.count == 1 && emit.object[0].derived == nil ? o : place
                        var (subject, object) = (s, o)
                        if rule.symmetric && emit.predicate == rule.predicate
                            && extraction.entities[object.entity].id < extraction.entities[subject.entity].id {
                            swap(&subject, &object)
                        }
                        let dateValue: String = date.flatMap { extraction.dates[$0].value } ?? ""
                        let key = Self.factKey(subject.entity, emit.predicate, object.entity, extraction) + "\u{1F}" + dateValue
                        let viaDateline = emit.object.allSatisfy { $0.derived?.placesVisitor == true }
                        let onlyDateline = emit.object.allSatisfy { $0.derived == .dateline || ($0.derived == .venue && site == nil) }
                        if let existing = index[key] {
                            if !viaDateline { facts[existing].byDateline = false }
                            if !onlyDateline { facts[existing].onlyByDateline = false }
                            if !fromStory { storyDated.remove(existing) }
                            // (Matches come in order: a match already in the evidence is its last.)
                            if facts[existing].evidence.last != m { facts[existing].evidence.append(m) }
                            if facts[existing].office == nil { facts[existing].office = office }
                            if facts[existing].place == nil { facts[existing].place = place }
                            continue
                        }
                        index[key] = facts.count
                        if fromStory { storyDated.insert(facts.count) }
                        var fact = Fact(subject: subject, predicate: emit.predicate, object: object, date: date,
                                        office: office, place: place, evidence: [m])
                        fact.byDateline = viaDateline
                        fact.onlyByDateline = onlyDateline
                        facts.append(fact)
                    }
                }
            }
        }
        facts = Self.datingSignings(facts, storyDated: &storyDated, matches: matches, layer: layer, rules: rules, extraction)
        facts = addingHostOffices(facts, matches: matches, ruleList, extraction)
        extraction.facts = Self.datingAlike(Self.droppingVisitsHome(droppingDatelineVisitsStated(facts, extraction), matches: matches, ruleList),
                                            storyDated: storyDated, extraction)
    }

    /// "Kenya and Uganda signed the accord. ... Uganda signed the accord on 9 November": an
    /// agreement is signed once, so a `signed` fact its sentence does not date (or dates only by
    /// the story) takes the one date the document's other signings of that agreement give, when
    /// its statement names one who signed on that day (not only others: "Uganda, which also
    /// signed the treaty, ... Kenya signed the treaty on 8 July", a treaty many sign), and not one
    /// told in the present perfect ("Uganda has signed the accord": a state, not that day's
    /// event). All read from the facts: their dates, subjects and evidence.
    static func datingSignings(_ facts: [Fact], storyDated: inout Set<Int>, matches: [RuleMatch], layer: TextLayer,
                               rules: CompiledRules, _ extraction: Extraction) -> [Fact] {
        var dates: [EntityIndex: [String: DateIndex]] = [:]  // by agreement: each date value its own sentences give, and that date
        var signers: [EntityIndex: Set<String>] = [:]  // by agreement: who signed on such a day
        var named: [MatchIndex: Set<String>] = [:]  // by match: the signers its facts name
        for (i, f) in facts.enumerated() where f.predicate == signedPredicate {
            let id = extraction.entities[f.subject.entity].id
            for e in f.evidence { named[e, default: []].insert(id) }
            guard let d = f.date, !storyDated.contains(i), let value = extraction.dates[d].value else { continue }
            if dates[f.object.entity]?[value] == nil { dates[f.object.entity, default: [:]][value] = d }
            signers[f.object.entity, default: []].insert(id)
        }
        guard !dates.isEmpty else { return facts }
        var facts = facts
        var changed = false
        for (i, f) in facts.enumerated() where (f.date == nil || storyDated.contains(i)) && f.predicate == signedPredicate {
            guard let one = dates[f.object.entity], one.count == 1, let d = one.first?.value, let on = signers[f.object.entity],
                  f.evidence.contains(where: { named[$0].map { !$0.isDisjoint(with: on) } ?? false }),
                  !f.evidence.contains(where: { e in (matches[e].firstToken..<matches[e].endToken).contains { rules.perfectKeys.contains(layer.tokens[$0].key) } })
            else { continue }
            facts[i].date = d
            storyDated.remove(i)
            changed = true
        }
        return changed ? mergingSameDated(facts, storyDated: &storyDated, extraction) : facts
    }

    /// Facts that came to state the same (subject, predicate, object) on the same date, as one
    /// fact with all their evidence (the first keeps its place). `storyDated` follows the indices.
    static func mergingSameDated(_ facts: [Fact], storyDated: inout Set<Int>, _ extraction: Extraction) -> [Fact] {
        var first: [String: Int] = [:]
        var merged = facts
        var dropped = Set<Int>()
        for (i, f) in facts.enumerated() {
            let key = factKey(f.subject.entity, f.predicate, f.object.entity, extraction) + "\u{1F}" + (f.date.flatMap { extraction.dates[$0].value } ?? "")
            guard let j = first[key] else { first[key] = i; continue }
            absorb(f, into: &merged[j])
            if !f.byDateline { merged[j].byDateline = false }
            if !f.onlyByDateline { merged[j].onlyByDateline = false }
            if !storyDated.contains(i) { storyDated.remove(j) }
            dropped.insert(i)
        }
        guard !dropped.isEmpty else { return facts }
        var kept: [Fact] = []
        var renumbered = Set<Int>()
        for (i, f) in merged.enumerated() where !dropped.contains(i) {
            if storyDated.contains(i) { renumbered.insert(kept.count) }
            kept.append(f)
        }
        storyDated = renumbered
        return kept
    }

    /// One fact taking another's evidence (in text order), and its office and place where it had none.
    static func absorb(_ other: Fact, into fact: inout Fact) {
        // Both in text order: merged in one pass, each match once.
        let a = fact.evidence, b = other.evidence
        var merged: [MatchIndex] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next = j == b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            if i < a.count && a[i] == next { i += 1 }
            if j < b.count && b[j] == next { j += 1 }
            merged.append(next)
        }
        fact.evidence = merged
        if fact.office == nil { fact.office = other.office }
        if fact.place == nil { fact.place = other.place }
    }

    /// The predicate whose undated facts take their agreement's one signing date.
    static let signedPredicate = "signed"
    static let visitPredicate = "visited"
    static let officePredicate = "holds_office"

    /// A rule that says `abroad` gives no visit to a country the document says the person holds
    /// an office of, whatever gave that office (a title, an apposition, a post described: "Ana
    /// Ruiz, the Peruvian foreign minister, ... He visited Lima"), not only the country the entity
    /// stage gave the person.
    static func droppingVisitsHome(_ facts: [Fact], matches: [RuleMatch], _ ruleList: [Rule]) -> [Fact] {
        var offices = Set<[EntityIndex]>()
        for f in facts where f.predicate == "holds_office" { offices.insert([f.subject.entity, f.object.entity]) }
        guard !offices.isEmpty else { return facts }
        return facts.filter { f in
            !(f.evidence.allSatisfy { ruleList[matches[$0].rule].abroad } && offices.contains([f.subject.entity, f.object.entity]))
        }
    }

    /// A host's office: an official whose title names no country ("Vice President X", "Foreign
    /// Secretary Y") and who met a visitor, in a document whose visits by that visitor all go to
    /// one country, serves that country: "Ruiz arrived in Colombo on Monday. She was received by
    /// Foreign Secretary Y" gives (Y, holds_office, Sri Lanka). Not an envoy (posted where the
    /// visitor goes, but often the visitor's own country's), an organisation's post, a person the
    /// lexicon knows offices of, one designated or elected to a post ("Minister-designate"), a
    /// former office (a negative rule suppressed an office of theirs), one who travelled too, nor
    /// a meeting dated apart from the visit. The
    /// fact's evidence is the meeting's; its office the title's.
    func addingHostOffices(_ facts: [Fact], matches: [RuleMatch], _ ruleList: [Rule], _ extraction: Extraction) -> [Fact] {
        let met = facts.filter { $0.predicate == "met" }
        guard !met.isEmpty else { return facts }
        var visits: [EntityIndex: Set<EntityIndex>] = [:], visitDates: [EntityIndex: [String]] = [:], officed = Set<EntityIndex>()
        for f in facts {
            if f.predicate == Self.visitPredicate {
                visits[f.subject.entity, default: []].insert(f.object.entity)
                if let d = f.date, let v = extraction.dates[d].value { visitDates[f.subject.entity, default: []].append(v) }
            }
            if f.predicate == Self.officePredicate { officed.insert(f.subject.entity) }
        }
        guard !visits.isEmpty else { return facts }
        // By person: the country and the meeting first found, in the facts' order.
        var host: [EntityIndex: (country: EntityIndex, evidence: [MatchIndex], mention: MentionIndex?)] = [:], order: [EntityIndex] = [], conflicting = Set<EntityIndex>()
        for f in met {
            for (p, v, mention) in [(f.subject.entity, f.object.entity, f.subject.mention), (f.object.entity, f.subject.entity, f.object.mention)] {
                let person = extraction.entities[p]
                guard let office = person.office, person.country == nil, !officed.contains(p), visits[p] == nil,
                      !extraction.postsOfNoCountry.contains(p), !Self.isEnvoy(office),
                      person.lexiconEntry == nil, let places = visits[v], places.count == 1, let c = places.first else { continue }
                if let home = extraction.entities[v].country, alpha3(c, extraction) == home { continue }
                // A meeting dated apart from every dated visit of the visitor is another trip's.
                if let d = f.date, let value = extraction.dates[d].value, let dated = visitDates[v], !dated.isEmpty,
                   !dated.contains(where: { $0.hasPrefix(value) || value.hasPrefix($0) }) { continue }
                if let known = host[p] {
                    if known.country != c { conflicting.insert(p) }
                    continue
                }
                host[p] = (c, f.evidence, mention)
                order.append(p)
            }
        }
        guard !host.isEmpty else { return facts }
        // People an office match captured that a negative rule suppressed ("former"):
        // read only now, as most documents have no host to look at.
        for match in matches {
            guard case .suppressed = match.outcome, ruleList[match.rule].predicate == Self.officePredicate else { continue }
            for case .mention(let m)? in match.captures { if let e = extraction.mentions[m].entity { host[e] = nil } }
        }
        var out = facts
        for p in order where !conflicting.contains(p) {
            guard let h = host[p] else { continue }
            out.append(Fact(subject: Fact.Argument(entity: p, mention: h.mention), predicate: Self.officePredicate,
                            object: Fact.Argument(entity: h.country, mention: nil), date: nil,
                            office: extraction.entities[p].office, place: nil, evidence: h.evidence))
        }
        return out
    }

    /// A visit by the dateline is a fallback: where a rule states the same visit (subject, predicate,
    /// object) with its own words, at whatever date, the dateline's is dropped, so that it neither
    /// doubles the visit nor dates it by the meeting. Nor is a visit that only the dateline
    /// places in its country where the story takes a person of that country abroad, in its own
    /// words, at the story's time (undated, or in the story's month: "ISLAMABAD - Dar arrived in
    /// Kabul on Saturday ... Dar held talks with Muttaqi and called on Akhund": the meetings were
    /// in Kabul, the report filed at home; not "Singh, who visited Colombo in August 2008").
    func droppingDatelineVisitsStated(_ facts: [Fact], _ extraction: Extraction) -> [Fact] {
        guard facts.contains(where: \.byDateline) else { return facts }
        var stated = Set<[EntityIndex]>()
        for f in facts where !f.byDateline { stated.insert([f.subject.entity, f.object.entity]) }
        let home = extraction.datelineCountry
        let month = extraction.documentDate.map { String($0.isoAtPrecision.prefix(7)) }
        let homeAbroad = home != nil && facts.contains { f in
            !f.byDateline && f.predicate == Self.visitPredicate && extraction.entities[f.subject.entity].type == .person
                && extraction.entities[f.subject.entity].country == home && alpha3(f.object.entity, extraction) != home
                && (f.date.flatMap { extraction.dates[$0].value }.map { value in month.map { value.hasPrefix($0) } ?? false } ?? true)
        }
        return facts.filter { f in
            guard f.byDateline else { return true }
            if stated.contains([f.subject.entity, f.object.entity]) { return false }
            return !(homeAbroad && f.onlyByDateline && alpha3(f.object.entity, extraction) == home)
        }
    }

    /// What identifies a fact but its date: subject id, predicate, object id.
    static func factKey(_ subject: EntityIndex, _ predicate: String, _ object: EntityIndex, _ extraction: Extraction) -> String {
        extraction.entities[subject].id + "\u{1F}" + predicate + "\u{1F}" + extraction.entities[object].id
    }

    /// A fact stated without a date, or dated only by the story, takes the date the document
    /// gives the same fact (subject, predicate, object) in a sentence of its own: a headline's
    /// "Ruiz meets Dorr" is the event the lede dates ("Ruiz met Dorr on Monday"). Only when the
    /// document dates it once: with two dates, two events, and the statement stays as it is.
    /// The statements become one fact, its mentions those of the first, its evidence all of
    /// theirs in text order.
    static func datingAlike(_ facts: [Fact], storyDated: Set<Int>, _ extraction: Extraction) -> [Fact] {
        guard facts.count > 1, facts.contains(where: { $0.date == nil }) || !storyDated.isEmpty else { return facts }
        var groups: [String: [Int]] = [:]
        for (i, f) in facts.enumerated() { groups[factKey(f.subject.entity, f.predicate, f.object.entity, extraction), default: []].append(i) }
        var merged = facts
        var dropped = Set<Int>()
        for (_, members) in groups where members.count > 1 {
            // A date the fact's own sentence gives outranks the story's ("Putin arrived in
            // Turkmenistan" under a page date, then "On October 2, Putin arrived in Turkmenistan").
            let own = members.filter { facts[$0].date != nil && !storyDated.contains($0) }
            let dated = own.isEmpty ? members.filter { facts[$0].date != nil } : own
            guard dated.count < members.count,
                  let date = dated.first.flatMap({ facts[$0].date }),
                  Set(dated.compactMap { facts[$0].date.flatMap { extraction.dates[$0].value } }).count == 1 else { continue }
            let first = members[0]
            merged[first].date = date
            for m in members.dropFirst() {
                absorb(facts[m], into: &merged[first])
                dropped.insert(m)
            }
        }
        return merged.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// Whether no emit of `match`'s own predicate can give a fact by its captures: each relates
    /// one person (not a group) to itself ("emit g met g"), names the country (`x.country`) of a
    /// person the text gives none, or, in a rule that says `abroad`, names a person's visit to
    /// their own country (the first of a list).
    func givesNoFact(_ match: RuleMatch, _ extraction: Extraction) -> Bool {
        let rule = rules.rules[match.rule]
        var any = false
        for emit in rule.emits where emit.predicate == rule.predicate {
            guard emit.subject.count == 1, emit.object.count == 1, emit.subject[0].derived == nil else { return false }
            // An emit whose subject the match did not capture gives nothing either way.
            guard case .mention(let sm)? = captured(emit.subject[0].capture, match) else { continue }
            if extraction.mentions[sm].groupMembers != nil { return false }
            if emit.subject[0].capture == emit.object[0].capture && emit.object[0].derived == nil { any = true; continue }
            // A country of a person the text gives none ("Dorr greeted Ruiz upon her arrival"
            // visits Dorr's country, which is unknown): nothing, and no overlap to win over a rule
            // that names the place ("her arrival at the airport in Lima").
            if emit.object[0].derived == .country {
                guard case .mention(let om)? = captured(emit.object[0].capture, match), let oe = extraction.mentions[om].entity,
                      extraction.mentions[om].groupMembers == nil, extraction.entities[oe].type == .person,
                      extraction.entities[oe].country == nil, countryBeforeTitle(om, extraction) == nil else { return false }
                any = true
                continue
            }
            guard rule.abroad, emit.object[0].derived == nil || emit.object[0].derived == .list,
                  case .mention(let om)? = captured(emit.object[0].capture, match),
                  let se = extraction.mentions[sm].entity, let oe = extraction.mentions[om].entity,
                  extraction.entities[se].type == .person, let home = extraction.entities[se].country,
                  alpha3(oe, extraction) == home else { return false }
            any = true
        }
        return any
    }

    /// `a.agreement`: the one agreement mention `m`'s sentence names, else the one the sentence
    /// before names when that sentence tells a signing or a ratification (`signingKeys`: "Peru
    /// and Chile signed the Tarvo Accord. X signed for Peru"; not "Peru withdrew from the Tarvo
    /// Accord. X signed for Chile"); none when a sentence names two (the last mention of it, for
    /// provenance). Mentions start in text order: `firstSpan` finds a sentence's first.
    func agreementInFocus(at m: MentionIndex, _ layer: TextLayer, _ extraction: Extraction) -> Fact.Argument? {
        let mentions = extraction.mentions
        let sentence = layer.sentenceRange(containing: mentions[m].firstToken)
        // The one agreement `range` names: nil when it names none, .some(nil) when two.
        func agreement(in range: Range<Int>) -> Fact.Argument?? {
            var found: Fact.Argument?
            // (The first mention that starts in `range`: starts are in text order.)
            for k in Self.firstSpan(endingAfter: range.lowerBound - 1, count: mentions.count, end: { mentions[$0].firstToken })..<mentions.count {
                guard mentions[k].firstToken < range.upperBound else { break }
                guard let e = mentions[k].entity, extraction.entities[e].type == .agreement else { continue }
                if let f = found, f.entity != e { return .some(nil) }
                found = Fact.Argument(entity: e, mention: MentionIndex(k))
            }
            return found.map { .some($0) } ?? nil
        }
        if let own = agreement(in: sentence) { return own }
        guard sentence.lowerBound > 0 else { return nil }
        let before = layer.sentenceRange(containing: sentence.lowerBound - 1)
        guard before.contains(where: { rules.signingKeys.contains(Int(layer.tokens[$0].key)) }) else { return nil }
        return agreement(in: before) ?? nil
    }

    /// The country's mention that opens mention `m`'s title ("Japanese Foreign Minister X"),
    /// which `x.country` reads first, if any: its index and entity.
    func countryBeforeTitle(_ m: MentionIndex, _ extraction: Extraction) -> (mention: MentionIndex, entity: EntityIndex)? {
        let mentions = extraction.mentions
        guard let start = mentions[m].titleStart else { return nil }
        // (Mentions are in text order: the first that starts at or after `start`.)
        let c = MentionIndex(Self.firstSpan(endingAfter: start - 1, count: mentions.count) { mentions[$0].firstToken })
        guard c.rawValue < mentions.count, mentions[c].firstToken == start, c != m,
              let ce = mentions[c].entity, extraction.entities[ce].type == .country else { return nil }
        return (c, ce)
    }

    /// The capture of `name` in `match`, if the pattern took that branch.
    func captured(_ name: String, _ match: RuleMatch) -> RuleMatch.Annotation? {
        guard let slot = rules.slot(of: name, inRule: match.rule), slot < match.captures.count else { return nil }
        return match.captures[slot]
    }

    /// The entities an argument names: the first alternative that yields any.
    /// `dateline`: the dateline's country where the match may place a visitor (`build`), for
    /// `a.dateline`; `site`: the country where the match's words place its event, for `a.site`
    /// (and `a.venue`, which falls back to the dateline's).
    func resolve(_ refs: [Rule.ArgumentRef], _ match: RuleMatch, _ layer: TextLayer, _ extraction: inout Extraction,
                 dateline: String? = nil, site: String? = nil) -> [Fact.Argument] {
        for ref in refs {
            guard case .mention(let m)? = captured(ref.capture, match), let e = extraction.mentions[m].entity else { continue }
            // A group ("the two leaders"): each of its people, or each one's country.
            if let members = extraction.mentions[m].groupMembers {
                switch ref.derived {
                case nil, .list?: return members.map { Fact.Argument(entity: $0, mention: m) }
                case .country?:
                    let countries = members.compactMap { extraction.entities[$0].country.flatMap { countryEntity($0, &extraction) } }
                    if !countries.isEmpty { return countries.map { Fact.Argument(entity: $0, mention: nil) } }
                    continue
                default: break
                }
            }
            switch ref.derived {
            case nil:
                return [Fact.Argument(entity: e, mention: m)]
            case .country?:
                if extraction.entities[e].type == .country { return [Fact.Argument(entity: e, mention: m)] }
                // The country word before the title ("Japanese Foreign Minister ...").
                if let (c, ce) = countryBeforeTitle(m, extraction) {
                    return [Fact.Argument(entity: ce, mention: c)]
                }
                if let code = extraction.entities[e].country, let ce = countryEntity(code, &extraction) {
                    return [Fact.Argument(entity: ce, mention: nil)]
                }
            case .parties?, .named?:
                // A lexicon agreement's parties (not for `named`), else those its name gives
                // (`DocumentEntity.parties`).
                let entry = extraction.entities[e].lexiconEntry
                let codes = entry.map { ref.derived == .named ? [] : lexicon.entries[$0].parties } ?? extraction.entities[e].parties
                let parties = codes.compactMap { countryEntity($0, &extraction) }
                if !parties.isEmpty { return parties.map { Fact.Argument(entity: $0, mention: nil) } }
            case .list?:
                return listed(from: m, layer, extraction)
            case .agreement?:
                if let found = agreementInFocus(at: m, layer, extraction) { return [found] }
            case .dateline?, .venue?, .site?:
                guard let code = ref.derived == .venue ? site ?? dateline : ref.derived == .site ? site : dateline, extraction.entities[e].type == .person,
                      extraction.entities[e].country != nil, !isHome(e, code, extraction),
                      !Self.isEnvoy(extraction.entities[e].office),
                      let ce = countryEntity(code, &extraction) else { continue }
                return [Fact.Argument(entity: ce, mention: nil)]
            }
        }
        return []
    }

    /// The ISO alpha-3 code of entity `e`, when it is a lexicon entry that has one (a country).
    func alpha3(_ e: EntityIndex, _ extraction: Extraction) -> String? {
        extraction.entities[e].lexiconEntry.flatMap { lexicon.entries[$0].codes["alpha3"] }
    }

    /// Whether an envoy's office names the country of the post ("Ambassador to Japan") and it is
    /// not the country named `country`.
    static func postedElsewhere(_ office: String, than country: String) -> Bool {
        guard let to = office.range(of: " to ") ?? office.range(of: " in ") else { return false }
        return !office[to.upperBound...].contains(country)
    }

    /// Whether an office is an envoy's, posted where the dateline may be ("Ambassador",
    /// "High Commissioner", "Envoy", "Representative", "Chargé d'Affaires").
    static func isEnvoy(_ office: String?) -> Bool {
        guard let office = office?.lowercased() else { return false }
        return ["ambassador", "commissioner", "envoy", "representative", "chargé", "charge d", "consul"].contains { office.contains($0) }
    }

    /// Whether `match` captures a person at home in country `code` (the dateline's or the
    /// venue's), the host: a wire report filed from a bureau ("LONDON - Iran's foreign minister
    /// met his Chinese counterpart") puts no one in the bureau's country.
    func capturesPersonAtHome(_ match: RuleMatch, _ code: String, _ extraction: Extraction) -> Bool {
        match.captures.contains { capture in
            guard case .mention(let m)? = capture, let e = extraction.mentions[m].entity else { return false }
            return extraction.entities[e].type == .person && isHome(e, code, extraction)
        }
    }

    /// Whether country `code` is person `e`'s own: the country of the office the text or the
    /// lexicon gives them, or of any office the lexicon knows them to hold or to have held
    /// there (a monarch of several realms is at home in each).
    func isHome(_ e: EntityIndex, _ code: String, _ extraction: Extraction) -> Bool {
        if extraction.entities[e].country == code { return true }
        guard let entry = extraction.entities[e].lexiconEntry else { return false }
        return lexicon.entries[entry].roles.contains { $0.country == code }
    }

    /// Whether sentence `s` places its event elsewhere than the dateline's country `code`: "in"
    /// or "at" (and "the") before a country or a city of another country, "in" before a
    /// capitalized word no mention or date covers (a city the lexicon does not know: "in
    /// Geneva"), a word of a gathering held somewhere of its own ("summit", "sidelines"), or a
    /// visit to another country that someone is on ("X, who is on an official visit to Pakistan,
    /// met Y").
    /// The whole sentence, not only the match's `placeRegion`: measured, the place of a clause
    /// before the match ("the meeting in Germany last year, when X held talks with Y") is often
    /// the event's.
    func placesElsewhere(_ s: SentenceIndex, dateline code: String, _ layer: TextLayer, _ extraction: Extraction) -> Bool {
        let sentence = layer.sentences[s].tokenRange
        if sentence.contains(where: { rules.gatheringKeys.contains(Int(layer.tokens[$0].key)) }) { return true }
        // What covers each token of the sentence: 1 a mention of the dateline's country or a
        // date, 2 a mention of another country, 3 another mention.
        var covered = [UInt8](repeating: 0, count: sentence.count)
        func mark(_ range: Range<Int>, _ value: UInt8) {
            for t in range.clamped(to: sentence) { covered[t - sentence.lowerBound] = value }
        }
        let mentions = extraction.mentions
        for m in mentions[Self.firstSpan(endingAfter: sentence.lowerBound, count: mentions.count) { mentions[$0].endToken }...] {
            guard m.firstToken < sentence.upperBound else { break }
            var value: UInt8 = 3
            if let e = m.entity, extraction.entities[e].type == .country, let own = alpha3(e, extraction) {
                value = own == code ? 1 : 2
            }
            mark(m.firstToken..<m.endToken, value)
        }
        var d = Self.firstDate(endingAfter: sentence.lowerBound, extraction.dates)
        while d < extraction.dates.count && extraction.dates[d].firstToken < sentence.upperBound {
            mark(extraction.dates[d].firstToken..<extraction.dates[d].endToken, 1)
            d += 1
        }
        // "on an official visit to Pakistan": the destination of a visit someone is on (not
        // "ahead of his trip to Peru", a visit to come).
        if let to = rules.toKey, let on = rules.onKey {
            for t in sentence where layer.tokens[t].key == to && t > sentence.lowerBound && t + 1 < sentence.upperBound
                && rules.travelNounKeys.contains(Int(layer.tokens[t - 1].key)) && covered[t + 1 - sentence.lowerBound] == 2
                && (max(sentence.lowerBound, t - 5)..<(t - 1)).contains(where: { layer.tokens[$0].key == on }) {
                return true
            }
        }
        // "Krishna visited Islamabad in July, but his talks with X ...": a visit told done to
        // another country's place.
        for t in sentence where rules.visitedKeys.contains(Int(layer.tokens[t].key)) && t + 1 < sentence.upperBound
            && covered[t + 1 - sentence.lowerBound] == 2 {
            return true
        }
        for t in sentence where rules.placeKeys.contains(Int(layer.tokens[t].key)) {
            // "on the situation in Iraq": a topic's place, not the event's.
            if t > sentence.lowerBound && layer.tokens[t].key == rules.inKey && rules.topicKeys.contains(Int(layer.tokens[t - 1].key)) { continue }
            var next = t + 1
            if next < sentence.upperBound, let the = rules.theKey, layer.tokens[next].key == the { next += 1 }
            guard next < sentence.upperBound else { continue }
            switch covered[next - sentence.lowerBound] {
            case 2: return true
            case 0 where next == t + 1 && layer.tokens[next].kind == .word && layer.tokens[next].shape.contains(.capitalized)
                && layer.tokens[t].key == rules.inKey:
                return true
            default: continue
            }
        }
        return false
    }

    /// The tokens that may tell where `match`'s event took place: the match, and the adjuncts
    /// right before and after it (commas, dates, numbers, capitalized words, "in", "at", "on",
    /// "the", "today" ...: "Today in Kyiv, X met Y"; after "at", up to three words in lower case:
    /// "at the presidential palace in Abuja"), not past a verb or a clause ("after his meeting
    /// with Y and arrived in Bangkok").
    func placeRegion(of match: RuleMatch, _ layer: TextLayer) -> Range<Int> {
        let whole = layer.sentences[match.sentence].tokenRange
        func isAdjunct(_ t: Int) -> Bool {
            let token = layer.tokens[t]
            return rules.adjunctKeys.contains(Int(token.key)) || token.kind == .number
                || (token.kind == .word && token.shape.contains(.capitalized)) || token.key == rules.hyphenKey
        }
        var lower = match.firstToken
        while lower > whole.lowerBound && isAdjunct(lower - 1) { lower -= 1 }
        var upper = match.endToken
        var placeWords = 0
        while upper < whole.upperBound {
            if isAdjunct(upper) {
                placeWords = rules.atKey == layer.tokens[upper].key ? 3 : (layer.tokens[upper].key == rules.theKey ? placeWords : 0)
                // "in capital Muscat", "in the garrison city of Rawalpindi": the words of a city's noun.
                if rules.inKey == layer.tokens[upper].key,
                   (upper + 1..<min(whole.upperBound, upper + 5)).contains(where: { rules.placeNounKeys.contains(Int(layer.tokens[$0].key)) }) {
                    placeWords = 4
                }
            } else if placeWords > 0 && layer.tokens[upper].kind == .word {
                placeWords -= 1
            } else {
                break
            }
            upper += 1
        }
        return lower..<upper
    }

    /// Whether "in" or "at" (and "the") puts the mention `m` in `region` as a place: right
    /// before it, or before a capitalized place and a comma before it ("at the Presidential
    /// Villa, Abuja").
    func isPlaced(_ m: EntityMention, in region: Range<Int>, sentenceEnd end: Int, _ layer: TextLayer, startsCountry: (Int) -> Bool) -> Bool {
        var t = m.firstToken - 1
        if t > region.lowerBound, layer.tokens[t].key == rules.commaKey {
            var k = t - 1
            while k > region.lowerBound && t - k <= 5 && layer.tokens[k].kind == .word && layer.tokens[k].shape.contains(.capitalized) { k -= 1 }
            if k < t - 1 { t = k }
        }
        // "in the Saudi capital Riyadh", "in capital Muscat", "in the garrison city of Rawalpindi":
        // past the city's noun, "of" after it, and up to two words before it.
        var k = t
        if k > region.lowerBound, layer.tokens[k].key == rules.ofKey { k -= 1 }
        if k > region.lowerBound, rules.placeNounKeys.contains(Int(layer.tokens[k].key)) {
            k -= 1
            var words = 0
            while k > region.lowerBound && words < 2 && layer.tokens[k].kind == .word && layer.tokens[k].key != rules.theKey
                    && !rules.placeKeys.contains(Int(layer.tokens[k].key)) {
                k -= 1
                words += 1
            }
            t = k
        }
        if t > region.lowerBound, let the = rules.theKey, layer.tokens[t].key == the { t -= 1 }
        guard t >= region.lowerBound && rules.placeKeys.contains(Int(layer.tokens[t].key)) else { return false }
        // A city whose name goes on, or which a region follows, is another of that name:
        // "Santiago de Compostela", "London, Ontario, on Monday" (not "Nairobi, Kenya", nor "In
        // Kyiv, President X met ...").
        if m.aliasKind == .capital, m.endToken + 1 < end {
            let next = layer.tokens[m.endToken], then = layer.tokens[m.endToken + 1]
            if then.kind == .word && then.shape.contains(.capitalized) {
                if rules.nameParticleKeys.contains(Int(next.key)) { return false }
                if next.key == rules.commaKey && !startsCountry(m.endToken + 1)
                    && (m.endToken + 2 >= end || layer.tokens[m.endToken + 2].kind == .punctuation) { return false }
            }
        }
        return true
    }

    /// The country where `match`'s event took place by its own words: the one country that "in"
    /// or "at" (and "the") puts before the name of a country or of one of its cities, in its
    /// `placeRegion` ("met in Kyiv", "held talks at State House in Entebbe", "Today in Kyiv, X
    /// met Y", "at the Presidential Villa, Abuja"). Nil when none, or when two countries are so
    /// named.
    func venue(of match: RuleMatch, _ layer: TextLayer, _ extraction: Extraction) -> String? {
        let region = placeRegion(of: match, layer)
        let end = layer.sentences[match.sentence].tokenRange.upperBound
        let mentions = extraction.mentions
        var found: String?
        var i = Self.firstSpan(endingAfter: region.lowerBound, count: mentions.count) { mentions[$0].endToken }
        while i < mentions.count && mentions[i].firstToken < region.upperBound {
            defer { i += 1 }
            let m = mentions[i]
            guard let e = m.entity, extraction.entities[e].type == .country, m.aliasKind != .adjective,
                  let code = alpha3(e, extraction), isPlaced(m, in: region, sentenceEnd: end, layer, startsCountry: { t in
                      mentions[(i + 1)...].prefix { $0.firstToken <= t }.contains { $0.firstToken == t && $0.entity.map { extraction.entities[$0].type == .country } == true }
                  }) else { continue }
            if let f = found, f != code { return nil }
            found = code
        }
        return found
    }

    /// Mention `m`'s entity and those of the mentions of its type listed right after it in its
    /// sentence: each after a comma, "and" or both, and "the" at most ("Kenya, Uganda, the Sudan
    /// and Tanzania", "Kenya, and Uganda"), past a short aside in brackets after one ("eSwatini
    /// (former Swaziland), Mali"); a city no lexicon knows stands for the country in brackets
    /// after it ("London (United Kingdom), Brisbane (Australia)"). A person's phrase starts at their title ("President
    /// of Peru Ana Ruiz, President of Chile, Tomas Belo and ..."), and a person's country may
    /// follow their name ("Ana Ruiz of Peru, Tomas Belo of Chile ...").
    func listed(from m: MentionIndex, _ layer: TextLayer, _ extraction: Extraction) -> [Fact.Argument] {
        let mentions = extraction.mentions
        guard let first = mentions[m].entity else { return [] }
        let type = extraction.entities[first].type
        let isPerson = type == .person
        let sentence = layer.sentenceRange(containing: mentions[m].firstToken)
        func isKey(_ t: Int, _ key: KeyID?) -> Bool { t < sentence.upperBound && key != nil && layer.tokens[t].key == key }
        var out = [Fact.Argument(entity: first, mention: m)]
        var k = m.rawValue
        while k + 1 < mentions.count {
            var t = mentions[k].endToken
            // Past the bracket that closes a country named after its city ("Brisbane (Australia)").
            if !isPerson && isKey(t, rules.closeParenKey) && t > 0 && k > m.rawValue && isKey(mentions[k].firstToken - 1, rules.openParenKey) { t += 1 }
            // "Ana Ruiz of Peru, ...", "Ivo Dorr from Chile, ...": past the country of a person.
            if isPerson && (isKey(t, rules.ofKey) || isKey(t, rules.fromKey)) {
                var c = t + 1
                if isKey(c, rules.theKey) { c += 1 }
                if let j = mentions[(k + 1)...].prefix(while: { $0.firstToken <= c }).firstIndex(where: { $0.firstToken == c }),
                   let e = mentions[j].entity, extraction.entities[e].type == .country {
                    t = mentions[j].endToken
                }
            }
            // "New York City (USA), ...": past the rest of a city's name that the lexicon's name
            // of it leaves out, before its country in brackets.
            if !isPerson {
                var p = t
                while p < sentence.upperBound && p - t < 2 && layer.tokens[p].kind == .word && layer.tokens[p].shape.contains(.capitalized) { p += 1 }
                if p > t && isKey(p, rules.openParenKey)
                    && !mentions[(k + 1)...].prefix(while: { $0.firstToken < p }).contains(where: { $0.firstToken >= t && $0.entity != nil }) { t = p }
            }
            // "eSwatini (former Swaziland), Mali ...": past a short aside in brackets after an item.
            if let close = rules.shortAsideClose(openingAt: t, in: layer.tokens, before: sentence.upperBound) { t = close + 1 }
            var joined = false
            if isKey(t, rules.commaKey) { t += 1; joined = true }
            if isKey(t, rules.andKey) { t += 1; joined = true }
            // "..., Ivo Marandi as well as Ana Ruiz", "..., Ivo Marandi, as well as the Attorney General X".
            if isKey(t, rules.asKey) && isKey(t + 1, rules.wellKey) && isKey(t + 2, rules.asKey) { t += 3; joined = true }
            // "are:\n- Peru\n- Chile": a bulleted list's mark (the tokenizer marks those of a list
            // joined to its header), past the item's own comma, semicolon or period.
            if !joined {
                var u = t
                if isKey(u, rules.commaKey) || isKey(u, rules.semicolonKey) || isKey(u, rules.periodKey) { u += 1 }
                if u < sentence.upperBound && layer.tokens[u].shape.contains(.listMark) { t = u + 1; joined = true }
            }
            guard joined else { break }
            if isKey(t, rules.theKey) { t += 1 }
            guard t < sentence.upperBound else { break }
            // The next mention of the type, by its name, or for a person by the start of its phrase.
            var found: Int?
            // "visits to London (United Kingdom), Brisbane (Australia) and Tokyo (Japan)": a city
            // no lexicon knows, its country in brackets after it, stands for that country.
            if !isPerson {
                var p = t
                while p < sentence.upperBound && p - t < 4 && layer.tokens[p].kind == .word && layer.tokens[p].shape.contains(.capitalized) { p += 1 }
                if p > t && isKey(p, rules.openParenKey),
                   !mentions[(k + 1)...].prefix(while: { $0.firstToken < p }).contains(where: { $0.firstToken >= t && $0.entity != nil }),
                   let j = mentions[(k + 1)...].prefix(while: { $0.firstToken <= p + 1 }).firstIndex(where: { $0.firstToken == p + 1 }),
                   let e = mentions[j].entity, extraction.entities[e].type == type, mentions[j].aliasKind != .adjective,
                   isKey(mentions[j].endToken, rules.closeParenKey) {
                    found = j
                }
            }
            for j in (k + 1)..<mentions.count where found == nil {
                let next = mentions[j]
                // A title runs a few words before its name: looked at no further.
                guard next.firstToken <= t + (isPerson ? 12 : 0), next.firstToken < sentence.upperBound else { break }
                // ("his" in "and his counterpart X" is no item: the counterpart is.)
                guard let e = next.entity, extraction.entities[e].type == type, next.aliasKind != .pronoun else { continue }
                if next.firstToken == t || (isPerson && (next.titleStart == t || next.phraseStart == t)) { found = j; break }
                // Words of a post the titles do not hold, before the title ("Culture and the
                // Arts Minister X", "Pointe Hill MP X", "Community Development, Culture and the
                // Arts Minister X"): capitalized, or joining such words (a comma between two
                // capitalized ones, in words with no "of"; a country's "'s", "and Chile's X"); or
                // someone's counterpart ("and his Egyptian counterpart X").
                if isPerson {
                    let start = next.titleStart ?? next.phraseStart ?? next.firstToken
                    let counterpart = rules.counterpartKeys.contains(layer.tokens[t].key)
                    // (Not one who opens a clause of their own: "met X and Trade Minister Y stayed
                    // home"; the list goes on, or the sentence ends, after them.)
                    let after = next.endToken
                    let goesOn = after >= sentence.upperBound || layer.tokens[after].kind == .punctuation
                        || [rules.andKey, rules.ofKey, rules.asKey].contains(layer.tokens[after].key) || rules.adjunctKeys.contains(Int(layer.tokens[after].key))
                    if start > t, goesOn, counterpart || layer.tokens[t].shape.contains(.capitalized),
                       (t..<start).allSatisfy({ i in
                           let token = layer.tokens[i]
                           return token.kind == .word && token.shape.contains(.capitalized) || rules.portfolioJoinKeys.contains(token.key)
                               || counterpart && rules.counterpartKeys.contains(token.key)
                               || i > t && token.key == rules.commaKey && layer.tokens[i - 1].shape.contains(.capitalized)
                                   && layer.tokens[i + 1].shape.contains(.capitalized)
                               || i > t && token.key == rules.possessiveKey && layer.tokens[i - 1].shape.contains(.capitalized)
                       }),
                       // (A comma joins the words of one post, not two posts, "Secretary of the
                       // Council, Special Representative of the President X": none with "of".)
                       !(t..<start).contains(where: { layer.tokens[$0].key == rules.commaKey })
                           || !(t..<start).contains(where: { layer.tokens[$0].key == rules.ofKey }) {
                        found = j
                        break
                    }
                }
            }
            guard let j = found, let e = mentions[j].entity else { break }
            // One with "'s" after it opens another phrase ("visited Kenya and Uganda's president ...").
            if isKey(mentions[j].endToken, rules.possessiveKey) { break }
            // A person before a verb is the subject of a clause of their own ("met Dorr, and Li
            // Wei held talks with ..."), as the `verb` attribute reads it.
            if isPerson && mentions[j].endToken < sentence.upperBound
                && rules.predicateVerbKeys.contains(layer.tokens[mentions[j].endToken].key) { break }
            if !out.contains(where: { $0.entity == e }) { out.append(Fact.Argument(entity: e, mention: MentionIndex(j))) }
            k = j
        }
        return out
    }

    /// The document entity of the country with ISO 3166-1 alpha-3 code (or entry id) `code`, added from the
    /// lexicon when the document has not mentioned it.
    func countryEntity(_ code: String, _ extraction: inout Extraction) -> EntityIndex? {
        guard let entry = rules.countryEntry[code] else { return nil }
        if let existing = extraction.entities.firstIndex(where: { $0.lexiconEntry?.rawValue == entry }) { return EntityIndex(existing) }
        let e = lexicon.entries[entry], index = extraction.entities.nextIndex
        extraction.entities.append(DocumentEntity(id: e.id, type: e.type, name: e.name, label: e.label, lexiconEntry: LexiconEntryIndex(entry)))
        return index
    }

    func office(capture name: String, _ match: RuleMatch, _ extraction: Extraction) -> String? {
        switch captured(name, match) {
        case .title(let t)?: return extraction.titles[t].office
        case .mention(let m)?: return extraction.mentions[m].entity.flatMap { extraction.entities[$0].office }
        default: return nil
        }
    }

    /// How a date may date a fact: not at all, only as the story's day, or also as its sentence's.
    enum DateUse: UInt8 { case none, story, any }

    /// Which of the document's dates may date a fact, decided once per document: one with a
    /// value and no mere reference ("now"), not inside an entity's name ("Good Friday
    /// Agreement"), not a dateline's, not a page's stamp ("Updated: ..."), not in a "since"
    /// clause, not a biography's ("born on", "took office on"), and not a day, month or year
    /// after the document's date (a plan's: `isAfter`). A date right after "date" opening its
    /// sentence ("date 2017-06-16 Kenya signs accord", "Date: 5 May 2020") is the page's day of
    /// publication: no date of the facts beside it (a headline's event is its lede's, often the
    /// day before), but the day a story tells its undated events on (`.story`).
    func usableDates(_ extraction: Extraction, layer: TextLayer, text: UnsafeBufferPointer<UInt8>) -> [DateUse] {
        let dates = extraction.dates
        guard !dates.isEmpty else { return [] }
        // Tokens inside a mention, in one pass over the mentions.
        var inMention = [Bool](repeating: false, count: layer.tokens.count)
        // (A pronoun is no name: "following his election in 2024" stays a clause of its own.)
        for m in extraction.mentions where m.endToken <= inMention.count && m.aliasKind != .pronoun {
            for t in m.firstToken..<m.endToken { inMention[t] = true }
        }
        let latest = extraction.documentDate?.isoAtPrecision
        return dates.map { d in
            guard let value = d.value, d.granularity != .reference else { return .none }
            if let latest, Self.isAfter(value, granularity: d.granularity, latest) { return .none }
            if (d.firstToken..<d.endToken).contains(where: { inMention[$0] }) { return .none }
            let sentence = layer.sentenceRange(containing: d.firstToken)
            guard !Self.isDateline(d, sentence: sentence, layer: layer, text: text) && !isInSinceClause(d, sentence: sentence, layer: layer, inMention: inMention)
                && !isMarked(d, sentence: sentence, layer: layer) else { return .none }
            var t = d.firstToken - 1
            while t > sentence.lowerBound && layer.tokens[t].kind == .punctuation { t -= 1 }
            return t == sentence.lowerBound && t < d.firstToken && layer.tokens[t].key == rules.dateKey ? .story : .any
        }
    }

    /// Whether a date inside the match, or after it in its clause (up to a comma, eight tokens at
    /// most: "met Dorr in Nairobi on June 3"), lies after the document's date by the text's own
    /// words: a date given in full ("on 3 June 2026"), a day the recognizer put after the
    /// document's given date ("on June 3" in a story of May 29, "tomorrow", "next Tuesday"), a
    /// week ("next week", compared with the document's week; day-precise document dates only),
    /// or a month or year told as "next" or "coming" ("next month"). Its event is still to come. A
    /// month alone ("in October") is not counted: the year the recognizer chose for it is a
    /// guess. A full date or a day counts against a document date given with the document only
    /// (one read from the text may be another event's); a week or a "next" month is the text's own
    /// reckoning from it, whatever its source.
    func isDatedAfterStory(_ match: RuleMatch, sentence: Range<Int>, layer: TextLayer, _ extraction: Extraction) -> Bool {
        guard let story = extraction.documentDate else { return false }
        let given = extraction.documentDateSource == .given
        let latest = story.isoAtPrecision
        let dates = extraction.dates
        var end = match.endToken
        while end < min(sentence.upperBound, match.endToken + 8) && layer.tokens[end].key != rules.commaKey { end += 1 }
        func opensWithNext(_ d: DateMention) -> Bool { rules.aheadKeys.contains(layer.tokens[d.firstToken].key) }
        var i = Self.firstDate(endingAfter: match.firstToken, dates)
        while i < dates.count && dates[i].firstToken < end {
            defer { i += 1 }
            let d = dates[i]
            guard let value = d.value, d.firstToken >= match.firstToken else { continue }
            switch d.granularity {
            case .week:
                guard let day = story.dayIfKnown else { continue }
                let (year, week) = day.isoWeek
                if value.count == 8 && value > "\(CalendarDay.pad(year, 4))-W\(CalendarDay.pad(week, 2))" { return true }
            // A day or a "next" month the recognizer reckoned counts at the match's end or after it
            // only ("... will come into force on 13 December after Bhutan ratified it": the day
            // is the other clause's).
            case .day:
                let atEnd = d.firstToken >= match.endToken - 2
                if (d.anchor == .absolute && given || atEnd && (given || opensWithNext(d))) && Self.isAfter(value, granularity: .day, latest) { return true }
            case .month, .year:
                let atEnd = d.firstToken >= match.endToken - 2
                if (given && d.anchor == .absolute || atEnd && opensWithNext(d)) && Self.isAfter(value, granularity: d.granularity, latest) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Whether a day, month or year `value` lies after the document's date `latest` (of any of
    /// those granularities), compared on the fields both have: "next month's session" in a
    /// story of January 23 is February's, a plan; "on November 30" in a story dated only
    /// "2018-11" is not after it.
    static func isAfter(_ value: String, granularity: DateMention.Granularity, _ latest: String) -> Bool {
        let length: Int
        switch granularity {
        case .day: length = 10
        case .month: length = 7
        case .year: length = 4
        default: return false
        }
        let n = min(length, latest.count)
        guard value.count >= length, n == 4 || n == 7 || n == 10 else { return false }
        return value.prefix(n) > latest.prefix(n)
    }

    /// The rule's date capture, else (unless the rule says `date none`) the usable date (see
    /// `usableDates`) of the sentence nearest to the match, the earlier one on a tie. With `date
    /// story`, when the sentence has none, the story's day before it, or for a headline with
    /// none before it, its lede's day (`ledeDate`), else the page's stamp opening the sentence.
    func date(of match: RuleMatch, rule: Rule, sentence: Range<Int>, usable: [DateUse], layer: TextLayer,
              text: UnsafeBufferPointer<UInt8>, _ extraction: Extraction) -> (index: DateIndex?, fromStory: Bool) {
        switch rule.date {
        case .none?: return (nil, false)
        case .capture(let name)?:
            if case .date(let d)? = captured(name, match), extraction.dates[d].value != nil { return (d, false) }
        case .story?, nil: break
        }
        let dates = extraction.dates
        // Where the match's last capture starts (its end when it captures nothing); the years
        // that open a captured agreement's phrase ("the 1998 Andes Pact").
        var lastCapture = -1
        var namingYears: [Int] = []
        for case let annotation? in match.captures {
            switch annotation {
            case .mention(let m):
                lastCapture = max(lastCapture, extraction.mentions[m].firstToken)
                if extraction.mentions[m].titleStart == nil, let p = extraction.mentions[m].phraseStart { namingYears.append(p) }
            case .date(let d): lastCapture = max(lastCapture, dates[d].firstToken)
            case .title(let t): lastCapture = max(lastCapture, extraction.titles[t].firstToken)
            }
        }
        if lastCapture < 0 { lastCapture = match.endToken }
        // Dates come in text order: from the first that ends after the sentence's start.
        var best: (distance: Int, index: Int)?
        var i = Self.firstDate(endingAfter: sentence.lowerBound, dates)
        while i < dates.count && dates[i].firstToken < sentence.upperBound {
            defer { i += 1 }
            let d = dates[i]
            guard usable[i] == .any, d.firstToken >= sentence.lowerBound, d.endToken <= sentence.upperBound,
                  !isInRelativeClause(d, closingBefore: lastCapture, sentence: sentence, layer: layer) else { continue }
            var distance = d.endToken <= match.firstToken ? match.firstToken - d.endToken
                : d.firstToken >= match.endToken ? d.firstToken - match.endToken : 0
            // A date of a verb of saying before the reported clause's "that" is the report's
            // ("The UN announced on the 14th that Tuvalu ratified the treaty on the 12th"): taken
            // only when the match's own clause has none.
            if d.endToken <= match.firstToken,
               (d.endToken..<match.firstToken).contains(where: { layer.tokens[$0].key == rules.thatKey }),
               (max(sentence.lowerBound, d.firstToken - 3)..<d.firstToken).contains(where: { rules.sayingKeys.contains(layer.tokens[$0].key) }) {
                distance += sentence.count
            }
            // The year in an agreement's name is its signing's: it dates no ratification nor
            // negotiations ("San Marino recently ratified the 1993 Hague Convention";
            // "ratified the 2015 Paris Agreement on Friday" is Friday's), but a signing ("the
            // 1975 Algiers Treaty signed by Iran and Iraq", in a sentence dated otherwise too).
            if rule.predicate != Self.signedPredicate && namingYears.contains(d.firstToken) { continue }
            if best == nil || distance < best!.distance { best = (distance, i) }
        }
        if let best { return (DateIndex(best.index), false) }
        guard rule.date == .story else { return (nil, false) }
        // "Uganda has signed the treaty": a state at the time of writing, not the story's event.
        if (match.firstToken..<match.endToken).contains(where: { rules.perfectKeys.contains(layer.tokens[$0].key) }) { return (nil, false) }
        // The day before the sentence, else a headline's lede's, else the page's stamp opening
        // this very sentence ("date 2025-05-28 Ruiz arrives in Lima", with no lede dating it).
        let story = Self.narrativeDate(before: sentence.lowerBound, usable: usable, extraction)
            ?? ledeDate(of: match, layer: layer, usable: usable, text: text, extraction)
            ?? Self.narrativeDate(before: match.firstToken, usable: usable, extraction).flatMap { i in
                usable[i] == .story && extraction.dates[i].firstToken >= sentence.lowerBound ? i : nil }
        return (story.map { DateIndex($0) }, story != nil)
    }

    /// For a headline's fact (a line with no closing punctuation, with no usable date before
    /// it) that the headline does not date: the first usable day of the first of the next three
    /// sentences that names one of the match's parties (or the countries of the offices of two
    /// of its people) and gives such a day. The lede tells the
    /// headline's event in its own words ("Ruiz signs accord with Dorr", then "Ruiz and Dorr
    /// met on Friday, May 6 for a signing ceremony"), and the headline's date is its.
    func ledeDate(of match: RuleMatch, layer: TextLayer, usable: [DateUse], text: UnsafeBufferPointer<UInt8>, _ extraction: Extraction) -> Int? {
        let sentences = layer.sentences
        guard Self.isHeadline(sentences[match.sentence].tokenRange, layer: layer, text: text) else { return nil }
        var parties = Set<EntityIndex>()
        // The people's countries too: "Ruiz and Dorr sign accord", then "Peru and Chile signed
        // the accord on Tuesday".
        var countries = Set<String>()
        for case .mention(let i)? in match.captures {
            guard let e = extraction.mentions[i].entity else { continue }
            parties.insert(e)
            if extraction.entities[e].type == .person, let c = extraction.entities[e].country { countries.insert(c) }
        }
        guard !parties.isEmpty else { return nil }
        let dates = extraction.dates
        for k in (match.sentence.rawValue + 1)..<min(sentences.count, match.sentence.rawValue + 4) {
            let range = sentences[k].tokenRange
            var i = Self.firstDate(endingAfter: range.lowerBound, dates)
            while i < dates.count && dates[i].firstToken < range.upperBound && !(usable[i] == .any && dates[i].granularity == .day) { i += 1 }
            guard i < dates.count && dates[i].firstToken < range.upperBound else { continue }
            // Mentions are sorted by where they start.
            let m = Self.firstSpan(endingAfter: range.lowerBound, count: extraction.mentions.count) { extraction.mentions[$0].firstToken + 1 }
            // A party named, or two of its people's countries (one alone, "Kenyan farmers blocked
            // roads on Tuesday", tells some other event).
            var named = Set<String>()
            for mention in extraction.mentions[m...].prefix(while: { $0.firstToken < range.upperBound }) {
                guard let e = mention.entity else { continue }
                if parties.contains(e) { return i }
                if !countries.isEmpty, let c = alpha3(e, extraction), countries.contains(c) { named.insert(c) }
            }
            if named.count >= 2 { return i }
        }
        return nil
    }

    /// Whether a sentence is a headline: its last token closes no sentence (".", "!", "?", or
    /// one of them before a closing quote).
    static func isHeadline(_ sentence: Range<Int>, layer: TextLayer, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !sentence.isEmpty else { return false }
        var t = sentence.upperBound - 1
        func byte(_ t: Int) -> UInt8 { text[Int(layer.tokens[t].start)] }
        // A closing quote: ASCII, or U+201D / U+2019 (E2 80 9D / 99).
        let bytes = text[layer.tokens[t].byteRange]
        if t > sentence.lowerBound && (bytes.elementsEqual([0x22]) || bytes.elementsEqual([0xE2, 0x80, 0x9D]) || bytes.elementsEqual([0xE2, 0x80, 0x99])) { t -= 1 }
        guard layer.tokens[t].kind == .punctuation else { return true }
        return !([UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(byte(t)))
    }

    /// Whether `d` stands in a relative clause set off by commas that closes before `end` (the
    /// start of the match's last capture): "Ruiz, who arrived on Sunday, held talks with Dorr"
    /// does not date the talks. A clause that holds the match's last party holds its verb too:
    /// "the Protocol, which was signed on 2 March 2004 by Kenya, Uganda and Tanzania, is ..."
    /// dates the signing.
    func isInRelativeClause(_ d: DateMention, closingBefore end: Int, sentence: Range<Int>, layer: TextLayer) -> Bool {
        guard let comma = rules.commaKey else { return false }
        var open = d.firstToken - 1
        while open > sentence.lowerBound && layer.tokens[open].key != comma { open -= 1 }
        guard open > sentence.lowerBound, open + 1 < d.firstToken, rules.relativeKeys.contains(layer.tokens[open + 1].key) else { return false }
        var close = d.endToken
        while close < min(end, sentence.upperBound) && layer.tokens[close].key != comma { close += 1 }
        return close < end && close < sentence.upperBound && layer.tokens[close].key == comma
    }

    /// The index of the first of `dates` (in text order) that ends after `token`.
    static func firstDate(endingAfter token: Int, _ dates: [DateMention]) -> Int {
        firstSpan(endingAfter: token, count: dates.count) { dates[$0].endToken }
    }

    /// The index of the first of `count` spans in text order, not overlapping, whose end (`end`)
    /// comes after `token`.
    static func firstSpan(endingAfter token: Int, count: Int, end: (Int) -> Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if end(mid) <= token { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether words right before `d` in its sentence make it no event's date: a page's stamp
    /// ("Updated: 2006-05-09", "Published on 3 May") or a biography's ("born on May 6, 1960",
    /// "took office on January 10").
    func isMarked(_ d: DateMention, sentence: Range<Int>, layer: TextLayer) -> Bool {
        var t = d.firstToken - 1
        while t >= sentence.lowerBound && d.firstToken - t <= 3 {
            let key = layer.tokens[t].key
            if rules.dateMarkerKeys.contains(key) { return true }
            // "took office on", "assuming office in": not "at his office on Thursday".
            if key == rules.officeKey && t > sentence.lowerBound && rules.officeVerbKeys.contains(layer.tokens[t - 1].key) { return true }
            t -= 1
        }
        return false
    }

    /// For a fact whose sentence states no date: the last usable day the text gave before that
    /// sentence ("Ruiz arrived in Lima on Monday. ... Ruiz was received by Dorr."), as a reader
    /// takes the story's time to go on until the text moves it; nil when there is none.
    static func narrativeDate(before token: Int, usable: [DateUse], _ extraction: Extraction) -> Int? {
        let dates = extraction.dates
        var i = firstDate(endingAfter: token, dates) - 1
        while i >= 0 {
            if usable[i] != .none && dates[i].granularity == .day { return i }
            i -= 1
        }
        return nil
    }

    /// Whether `d` stands in a clause opened by "since" ("his first visit since 2024", "since
    /// assuming office in 2020") or by "following" or "after" and a taking of office ("following
    /// his election as President in February 2018"): the opener at most eight words before it,
    /// with no punctuation and no name between ("Since then Ruiz met Dorr on May 6" is dated).
    /// Such a date bounds a span, or dates another event; it is not when the fact happened.
    func isInSinceClause(_ d: DateMention, sentence: Range<Int>, layer: TextLayer, inMention: [Bool]) -> Bool {
        var t = d.firstToken - 1
        while t >= sentence.lowerBound && d.firstToken - t <= 8 {
            let token = layer.tokens[t]
            if token.kind == .punctuation || inMention[t] { return false }
            if token.key == rules.sinceKey { return true }
            // "following his election as President in February 2018"
            if rules.followingKeys.contains(Int(token.key)) && t + 2 < d.firstToken
                && rules.possessivePronounKeys.contains(Int(layer.tokens[t + 1].key)) && rules.tenureEventKeys.contains(Int(layer.tokens[t + 2].key)) { return true }
            t -= 1
        }
        return false
    }

    /// Whether `d` is a dateline's date ("MANILA, 2025-03-14 —", "TOKYO, March 14 (Reuters) -"):
    /// only capitalized words and commas before it in its sentence, and a dash after it (after a
    /// parenthesized credit, if any). It dates the document, not the events it reports.
    static func isDateline(_ d: DateMention, sentence: Range<Int>, layer: TextLayer, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.firstToken - sentence.lowerBound <= 8 else { return false }
        func first(_ t: Int) -> UInt8 { text[Int(layer.tokens[t].start)] }
        func isDash(_ t: Int) -> Bool {
            let bytes = text[layer.tokens[t].byteRange]
            return bytes.elementsEqual([0x2D]) || bytes.elementsEqual([0xE2, 0x80, 0x94]) || bytes.elementsEqual([0xE2, 0x80, 0x93])
        }
        for t in sentence.lowerBound..<d.firstToken {
            let token = layer.tokens[t]
            guard token.shape.contains(.capitalized) || (token.kind == .punctuation && first(t) == UInt8(ascii: ",")) else { return false }
        }
        var k = d.endToken
        if k < sentence.upperBound && first(k) == UInt8(ascii: "(") {
            while k < min(sentence.upperBound, d.endToken + 6) && first(k) != UInt8(ascii: ")") { k += 1 }
            k += 1
        }
        return k < sentence.upperBound && isDash(k)
    }
}
