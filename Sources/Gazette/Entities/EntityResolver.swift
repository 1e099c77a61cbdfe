import Foundation
@_spi(Stages) import GazetteText

/// The entity stage: turns lexicon matches into the entities and mentions of one document, and
/// adds what the text itself says.
///
/// In order (docs/DESIGN.md, "Entities", steps 1 to 8): lexicon mentions (title matches set
/// aside); agreements by the form of their names ("... Agreement", "Treaty of ...", "a treaty
/// known as ..."), which win over the mentions inside them; acronyms defined in parentheses
/// ("Reciprocal Access Agreement (RAA)"), whose later uses refer back; people after a title,
/// with the office and the country the text gives ("Japanese Foreign Minister Takeshi Iwaya");
/// people after honorifics and role nouns, and by their position (appositions, bylines and
/// credits, attributions, next to verbs of meeting, with initials); surnames that refer back to
/// a person named in full ("Manalo"); surnames of the one lexicon person in office ("Scholz
/// said"); and posts described, not named ("the Kenyan president").
struct EntityResolver {
    let lexicon: CompiledLexicon
    /// The document tokenizer's vocabulary (the lexicon's, plus the document's own words).
    let vocabulary: Vocabulary
    /// The document's tokenizer, whose normalizer folds labels (`normalizedLabel`).
    let tokenizer: Tokenizer
    let text: UnsafeBufferPointer<UInt8>
    let layer: TextLayer
    /// The document's date, when known: offices are those held on that day (its first day for a
    /// date given as a month or a year).
    let date: CalendarDay?
    /// The lexicon's word classes (`WordClass`), and their union of words that are no part of a
    /// name found by position.
    let wordClasses: [KeyBits]
    let nonNameWords: KeyBits
    var result = Extraction()
    /// Document entity of each lexicon entry used so far.
    private var entityOfEntry: [Int: EntityIndex] = [:]
    /// The first document entity of each id: a lookup, not a scan (a document may name
    /// thousands of people).
    private var entityByID: [String: EntityIndex] = [:]
    /// Per token, the index in `result.mentions` of the mention holding it, or -1.
    private var owner: [Int32]
    /// Per token, whether a title holds it: no name takes a title's words.
    private var inTitle: [Bool]
    /// The tokens whose keys are cue words or surnames of lexicon people
    /// (`CompiledLexicon.entityCueKeys`), found in one pass: the passes after titles look at these.
    private var cuePositions: [Int] = []
    /// Per person label (lower case), the person and the first token of its first mention.
    private var personByLabel: [String: (entity: EntityIndex, firstToken: Int)] = [:]
    /// People whose title, written with no country, reads as an organisation's post
    /// (`isOrganisationTitle`): the lexicon gives them no country for it.
    private var officesOfOrganisations: Set<EntityIndex> = []
    /// People named after a title they are designated or elected to ("Prime Minister-designate X").
    private var designated: Set<EntityIndex> = []
    /// Role descriptions met so far ("the Kenyan president"): the title's tokens, its office,
    /// its country's code and where the country stands; resolved once every name is found.
    private var roleDescriptions: [(range: Range<Int>, office: String, country: String, titleStart: Int, possessive: Bool)] = []
    /// Posts described with "the" and no country ("the foreign minister"): the title's tokens,
    /// its office and where "the" stands; resolved by `resolveBareDescriptions`.
    private var bareDescriptions: [(range: Range<Int>, office: String, article: Int)] = []
    /// A post with no name after it but a comma and a rank or style (`styleTitles`): where that
    /// title starts, and the post's phrasing, start and complement, for the person after it.
    private var restatedTitle: (at: Int, office: String, begin: Int, complement: Range<Int>?)?
    /// Per title's first token, its office as the title lexicon names it.
    private var titleOffices: [Int: String] = [:]
    /// Per surname key, the one lexicon person in office it names, or nil: see `lexiconPersonInOffice`.
    private var officeHolderBySurname: [KeyID: Int?] = [:]
    /// The codes of the countries the document names, once lexicon mentions are in.
    private var countriesNamed: Set<String>?
    /// One-word names after a courtesy title, for `findCourtesyNames`.
    private var courtesyNames: [Int] = []
    /// Capitalized single letters, with or without a period, and given names
    /// (`LexiconMatcher.capitalPositions`).
    private var capitalPositions: [Int] = []
    /// Pronouns, the words that open an entourage, and "country" and "nation"
    /// (`LexiconMatcher.referencePositions`).
    private var referencePositions: [Int] = []
    /// The key of the possessive "'s" (nil when neither the rules, the lexicons nor the document
    /// have one).
    private let possessiveKey: KeyID?

    init(lexicon: CompiledLexicon, tokenizer: Tokenizer, text: UnsafeBufferPointer<UInt8>, layer: TextLayer, date: CalendarDay? = nil) {
        self.lexicon = lexicon
        self.tokenizer = tokenizer
        self.vocabulary = tokenizer.vocabulary
        self.date = date
        self.text = text
        self.layer = layer
        wordClasses = lexicon.wordClasses
        nonNameWords = lexicon.nonNameWords
        owner = [Int32](repeating: -1, count: layer.tokens.count)
        possessiveKey = vocabulary.keyID(forKey: "'s")
        inTitle = [Bool](repeating: false, count: layer.tokens.count)
    }

    static let agreementHeads: Set<String> = Set(["agreement", "agreements", "accord", "accords", "pact", "treaty", "treaties", "convention", "protocol", "charter", "memorandum", "mou", "arrangement", "compact"])
        .union(agreementAcronymHeads).union(referenceOnlyHeads).union(documentHeads)
    /// Heads of documents that are agreements only in a few capitalized forms: "Joint
    /// Declaration on ...", "Declaration of Principles", "Declaration of Intent", "Letter of Intent".
    static let documentHeads: Set<String> = ["declaration", "letter"]
    /// Heads that refer back to an agreement named ("the deal") but end no name of their own
    /// ("the Green Deal", "the New Deal").
    static let referenceOnlyHeads: Set<String> = ["deal", "document", "documents"]
    /// Words that end an organisation's name: after an agreement's name they make it the
    /// organisation's ("North Atlantic Treaty Organization"), and no agreement's name runs back
    /// over one.
    static let organisationHeads: Set<String> = ["organization", "organisation", "alliance", "community", "commission", "council", "committee"]
    /// Acronyms of kinds of agreement that name one after the parties' names ("the India-UK
    /// FTA", "the Japan-EU EPA"): free trade, economic partnership and cooperation, investment.
    static let agreementAcronymHeads: Set<String> = ["fta", "epa", "cepa", "ceca", "ecta", "cecpa", "tepa", "bit", "pta"]
    static let agreementLinks: Set<String> = ["on", "of", "for", "between", "concerning", "regarding"]
    /// The links after an agreement's head that open the list of its parties ("the Agreement
    /// between Japan and Peru", "the Agreement Among the Government of A, the Government of B,
    /// and the Government of C"); "among" only capitalized, as a formal title writes it (not "an
    /// Agreement among States", "the Charter among States Members").
    static let partyLinks: Set<String> = ["between", "among", "amongst"]
    /// Whether the word at `i` opens an agreement's parties (`partyLinks`).
    func isPartyLink(_ i: Int) -> Bool {
        let k = key(i)
        if k == "between" { return true }
        // "Among" opens parties when they follow as a formal title names them ("Among the
        // Government of A"), or as countries ("Among Peru, Chile and Kenya"); not in a headline in
        // title case ("Sign Agreement Among Neighbours on Fisheries").
        guard Self.partyLinks.contains(k), isCapitalizedWord(i), i + 1 < layer.tokens.count else { return false }
        if key(i + 1) == "the" { return i + 2 < layer.tokens.count && Self.partyListHeads.contains(key(i + 2)) }
        return mentionCountry(i + 1) != nil
    }
    /// The words that open a party of a formal title's list after ", and the" ("..., and the
    /// Government of C"), where the list's last item is a party and not a second name (", and the
    /// Taba Agreement").
    static let partyListHeads: Set<String> = ["government", "governments", "republic", "kingdom", "state", "states", "federation", "people's", "sultanate", "principality"]
    /// Words that carry an agreement's name on past its head: its links, and "against" ("the
    /// Convention against Torture", "the Convention against the Production of Chemical Weapons").
    static let agreementNameLinks: Set<String> = agreementLinks.union(["against"])
    /// The heads whose names go on past "against" (a convention or protocol against a harm; an
    /// accord signed "against Western pressure" is not named by it).
    static let againstHeads: Set<String> = ["convention", "conventions", "protocol", "charter"]
    /// Words that count what follows them: "two agreements", "several accords".
    static let countWords: Set<String> = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                                          "dozen", "dozens", "several", "many", "numerous", "various", "multiple", "some"]
    /// Verbs a headline in title case puts right before an agreement's name ("Peru, Chile Sign
    /// Lima Accord"): no word of the name.
    static let agreementVerbs: Set<String> = ["sign", "signs", "signed", "ink", "inks", "inked", "ratify", "ratifies", "ratified",
                                              "seal", "seals", "sealed", "conclude", "concludes", "concluded", "approve", "approves",
                                              "approved", "adopt", "adopts", "adopted", "renew", "renews", "renewed", "extend",
                                              "extends", "extended", "join", "joins", "joined", "discuss", "discusses", "discussed",
                                              "finalise", "finalises", "finalize", "finalizes", "negotiate", "negotiates", "launch",
                                              "launches", "hail", "hails", "welcome", "welcomes", "back", "backs", "reject", "rejects",
                                              "quit", "quits", "exit", "exits", "leave", "leaves", "suspend", "suspends", "revive", "revives"]
    static let nameConnectors: Set<String> = ["and", "of", "the", "for", "on", "-", "&"]
    /// Capitalized words that follow a title without being a name ("General Assembly").
    static let notNames: Set<String> = [
        "assembly", "council", "committee", "commission", "office", "ministry", "department", "house", "senate",
        "congress", "court", "staff", "secretariat", "affairs", "minister", "ministers", "secretary", "president",
        "government", "administration", "cabinet", "parliament", "embassy", "and", "of", "the", "said", "says", "back",
        // A speech's address and an assembly's business ("Ministers, Distinguished Delegates,
        // Ladies and Gentlemen", "the General Debate", "Humanitarian Issues").
        "delegates", "distinguished", "ladies", "gentlemen", "excellencies", "colleagues", "debate", "issues", "arrangements",
    ]
    /// Generational suffixes and regnal numbers: part of a name, never its label ("Albert I"
    /// is labelled "Albert", so that the pronoun "I" never refers back to him).
    static let nameSuffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

    /// The document's entities and mentions, found in the order the type's documentation gives.
    /// - Parameters:
    ///   - cuePositions: the tokens whose keys `CompiledLexicon.entityCueKeys` holds, in order.
    ///   - capitalPositions: the capitalized tokens whose keys `CompiledLexicon.capitalCueKeys`
    ///     holds, in order.
    ///   - referencePositions: the tokens whose keys `CompiledLexicon.referenceCueKeys` holds, in order.
    mutating func resolve(matches: [LexiconMatch], candidates: [LexiconCandidate], cuePositions: [Int], capitalPositions: [Int],
                          referencePositions: [Int]) -> Extraction {
        self.cuePositions = cuePositions
        self.capitalPositions = capitalPositions
        self.referencePositions = referencePositions
        var titles: [(range: Range<Int>, office: String)] = []
        var titledAliases: [(mention: Int, office: String)] = []
        for match in matches {
            let entries = candidates[match.candidates].map(\.entry)
            if entries.allSatisfy({ lexicon.entries[$0].type == EntityType.title }) {
                // "Amir-Abdollahian": a title word joined by a hyphen to a capitalized word is a name's.
                let end = match.tokenRange.upperBound
                // "Prince Sultan bin Saad": a title's word before a patronymic is a given name.
                if match.tokenRange.count == 1 && end + 1 < layer.tokens.count && isCapitalizedWord(end + 1) && isIn(.nameParticle, end)
                    && Self.sonOfParticles.contains(key(end)) { continue }
                if end + 1 < layer.tokens.count && isCharacter(end, UInt8(ascii: "-")) && isCapitalizedWord(end + 1)
                    && layer.tokens[end].start == layer.tokens[end - 1].end { continue }
                titles.append((match.tokenRange, lexicon.entries[entries[0]].name))
                continue
            }
            let kept = entries.filter { lexicon.entries[$0].type != EntityType.title }
            // An agreement's name with a Roman numeral after it is another of the series ("START
            // II" when the lexicon knew START only, "Lomé III"); not a count ("the NPT 4 decades ago").
            // (Token tests first: reading the entry's type copies the entry.)
            if match.tokenRange.upperBound < layer.tokens.count,
               layer.tokens[match.tokenRange.upperBound].shape.contains(.allCaps),
               layer.tokens[match.tokenRange.upperBound].start == layer.tokens[match.tokenRange.upperBound - 1].end + 1,
               Self.romanSequels.contains(key(match.tokenRange.upperBound)), lexicon.entries[kept[0]].type == .agreement {
                continue
            }
            // A person's name right after a capitalized word and a particle ("Mohammed bin Salman
            // bin Abdulaziz") is the end of a longer name, not that person's.
            // So after a particle joined by a hyphen ("Salem Abdullah al-Jaber al-Sabah": not
            // Jaber al-Sabah). (The entry's type is read last: reading it copies the entry.)
            let start = match.tokenRange.lowerBound
            let afterParticle = start > 1 && isIn(.nameParticle, start - 1) && !isCapitalizedWord(start - 1) && isCapitalizedWord(start - 2)
            let afterJoinedParticle = !afterParticle && start > 2 && isCharacter(start - 1, UInt8(ascii: "-"))
                && layer.tokens[start - 1].start == layer.tokens[start - 2].end && layer.tokens[start - 1].end == layer.tokens[start].start
                && isIn(.nameParticle, start - 2) && isCapitalizedWord(start - 3) && lexicon.oneWordTitles[layer.tokens[start - 3].key] == nil
            if (afterParticle || afterJoinedParticle) && lexicon.entries[kept[0]].type == .person { continue }
            // A name known without roles, or a one-word name ("Lula"), that goes on into another
            // capitalized name word is the start of a longer name ("Jorge Rodriguez Zapata",
            // "Lula Silvano"), found by its form later; not
            // into the next sentence (a headline's last name, then the lede's first word).
            let end = match.tokenRange.upperBound
            if kept.allSatisfy({ lexicon.entries[$0].type == .person && (lexicon.entries[$0].roles.isEmpty || match.tokenRange.count == 1) }), end < layer.tokens.count,
               isCapitalizedWord(end), layer.tokens[end].kind == .word, !isNonNameWord(end), !isDateWord(end),
               sentenceRange(of: end - 1).contains(end), !kept.contains(where: { endsWithSpellingOf($0, key(end)) }) { continue }
            let first = candidates[match.candidates].first { $0.entry == kept[0] }!
            var ids: [EntityIndex] = []
            for entry in kept where !ids.contains(entity(ofEntry: entry)) { ids.append(entity(ofEntry: entry)) }
            if lexicon.entries[kept[0]].type == .person, match.tokenRange.count >= 2, isCapitalizedWord(match.tokenRange.lowerBound),
               let office = lexicon.oneWordTitles[layer.tokens[match.tokenRange.lowerBound].key] {
                titledAliases.append((result.mentions.count, office))
            }
            // A known name that goes on with a patronymic ("Mohammed bin Salman bin Abdulaziz Al
            // Saud", "King Salman Bin Abdel Aziz") is that person's name in full: the mention spans it.
            var nameEnd = match.tokenRange.upperBound
            if lexicon.entries[kept[0]].type == .person {
                let sentence = sentenceRange(of: nameEnd - 1)
                var patronymic = false
                while nameEnd < sentence.upperBound {
                    if nameEnd + 1 < sentence.upperBound, Self.sonOfParticles.contains(key(nameEnd)), isCapitalizedWord(nameEnd + 1),
                       layer.tokens[nameEnd + 1].kind == .word {
                        patronymic = true
                        nameEnd += 2
                    } else if patronymic, isCapitalizedWord(nameEnd), layer.tokens[nameEnd].kind == .word, !isDateWord(nameEnd),
                              !isNonNameWord(nameEnd), lexicon.oneWordTitles[layer.tokens[nameEnd].key] == nil {
                        nameEnd += 1
                    } else {
                        break
                    }
                }
                // A second surname after the name of one who serves a country of Spanish or
                // Portuguese names ("Raúl Castro Ruz, President of ...", "Gabriel Boric Font."):
                // one capitalized word, then a comma, a stop, a bracket or "of" ("Hugo Chávez Frías
                // of Venezuela"; not a headline's verb: "Gabriel Boric Meets with ...").
                if !patronymic, nameEnd + 1 < sentence.upperBound, isCapitalizedWord(nameEnd), layer.tokens[nameEnd].kind == .word,
                   !isDateWord(nameEnd), !isNonNameWord(nameEnd), lexicon.oneWordTitles[layer.tokens[nameEnd].key] == nil,
                   isCharacter(nameEnd + 1, UInt8(ascii: ",")) || isCharacter(nameEnd + 1, UInt8(ascii: ".")) || isCharacter(nameEnd + 1, UInt8(ascii: "("))
                    || key(nameEnd + 1) == "of",
                   lexicon.entries[kept[0]].roles.contains(where: { $0.country.map(Self.twoSurnameCountries.contains) ?? false }) {
                    nameEnd += 1
                }
            }
            // Initials written without periods before a known name ("M Abdul Hamid", "S
            // Jaishankar", "P V Narasimha Rao"): part of it (capitals alone, not "A" nor "I").
            var nameStart = match.tokenRange.lowerBound
            if nameStart > 0, isSingleCapitalInitial(nameStart - 1), lexicon.entries[kept[0]].type == .person {
                let sentence = sentenceRange(of: nameStart)
                while nameStart > sentence.lowerBound, match.tokenRange.lowerBound - nameStart < 2, !covered(nameStart - 1),
                      isSingleCapitalInitial(nameStart - 1) {
                    nameStart -= 1
                }
                // ("H E" is "His Excellency", no initials.) And only after a title, a comma, "and",
                // "counterpart" or at the sentence's start: "Group B Narendra Modi", "Article X
                // Emmanuel Macron" are no initials.
                if nameStart < match.tokenRange.lowerBound {
                    let before = nameStart - 1
                    let opensName = nameStart == sentence.lowerBound || isCharacter(before, UInt8(ascii: ","))
                        || lexicon.oneWordTitles[layer.tokens[before].key] != nil || ["and", "counterpart"].contains(key(before))
                    let excellency = (nameStart..<match.tokenRange.lowerBound).contains(where: isHonorific)
                    if !opensName || excellency { nameStart = match.tokenRange.lowerBound }
                }
            }
            // A given name the lexicon's name leaves out, between a one-word title and the name
            // ("President Mohammad Ashraf Ghani"): part of it, not a person of its own; only of
            // one in office on the story's date ("President Mahamat Idriss Déby" in 2022 is the
            // son, not Idriss Déby).
            if nameStart == match.tokenRange.lowerBound, nameStart >= 2, match.tokenRange.count >= 2, kept.count == 1,
               isCapitalizedWord(nameStart - 1), layer.tokens[nameStart - 1].kind == .word,
               lexicon.oneWordTitles[layer.tokens[nameStart - 1].key] == nil, lexicon.oneWordTitles[layer.tokens[nameStart - 2].key] != nil,
               !covered(nameStart - 1), !isNonNameWord(nameStart - 1), !isDateWord(nameStart - 1), !isHonorific(nameStart - 1),
               sentenceRange(of: nameStart).contains(nameStart - 2),
               lexicon.entries[kept[0]].type == .person, roleHeld(by: kept[0]) != nil {
                nameStart -= 1
            }
            add(EntityMention(candidates: ids, aliasKind: lexicon.entries[first.entry].aliases[first.alias].kind,
                              firstToken: nameStart, endToken: nameEnd,
                              byteStart: 0, byteEnd: 0, source: .lexicon))
        }
        // "King Abdullah II", an alias that starts with a title: the title is the text's, and the
        // name follows it, when the person holds an office that day in a country the document
        // names (else the alias may name another: "King Abdullah" of Saudi Arabia before 2015),
        // or, in a story of no known date, has held one there.
        let named = titledAliases.isEmpty ? [] : namedCountries()
        for (n, office) in titledAliases {
            let m = result.mentions[n]
            // A name after the title ("Sultan Hassanal Bolkiah"), not a complement ("Sultan of Brunei").
            // (In a story of no known date, an office of theirs in a country the story names.)
            guard isCapitalizedWord(m.firstToken + 1), let e = m.entity, let entry = result.entities[e].lexiconEntry?.rawValue,
                  let country = roleHeld(by: entry)?.country
                    ?? (date == nil ? lexicon.entries[entry].roles.compactMap(\.country).first(where: named.contains) : nil),
                  named.contains(country) else { continue }
            titles.append((m.firstToken..<(m.firstToken + 1), office))
            owner[m.firstToken] = -1
            result.mentions[n].firstToken += 1
            result.mentions[n].byteStart = Int(layer.tokens[m.firstToken + 1].start)
            result.mentions[n].titleStart = m.firstToken
        }
        findAgreements()
        findAcronyms()
        findAgreementReferences()
        for title in titles {
            for t in title.range { inTitle[t] = true }
            titleOffices[title.range.lowerBound] = title.office
        }
        for title in titles {
            // A title's span grows over its complement and the honorifics before the name
            // ("Minister of Agriculture Hon."), so that rules see the title next to the person.
            let (end, office) = findPerson(after: title.range, office: title.office)
            result.titles.append(TitleMention(firstToken: title.range.lowerBound, endToken: end, office: office))
        }
        findPeopleAfterHonorifics()
        findPeopleBeforeAppositiveTitles()
        findBylines()
        findPeopleInAttributions()
        findPeopleBeforeMeetingVerbs()
        findPeopleAfterObjectVerbs()
        findPeopleByMarkers()
        findPeopleInRunningText()
        findPeopleByGivenName()
        findInitialedNames()
        findListedNames()
        findSurnamePairs()
        findCourtesyNames()
        findSurnames()
        findSurnamesOfPeopleInOffice()
        findCounterparts()
        // Before the descriptions are resolved, so that "the prime minister" finds one person
        // where "Prime Minister X Y" and "PM X" are one; again after them, for a surname whose
        // full name only a description brought ("President" as the lexicon's holder, then "Bush"),
        // when the descriptions brought a person.
        mergeSurnamesIntoFullNames()
        mergeRoyalGivenNames()
        findDiplomacyHeads()
        let entitiesBefore = result.entities.count
        resolveRoleDescriptions()
        resolveBareDescriptions()
        if result.entities.count > entitiesBefore { mergeSurnamesIntoFullNames() }
        markHonorifics()
        dropCitiesOfUSStates()
        resolveAmbiguity()
        findCountryReferences()
        detachForeignAgreements()
        assignOffices()
        assignNamesakeCountries()
        assignEntourageCountries()
        shareCountryAlongTitledList()
        assignEnvoyHosts()
        assignPossessiveCountries()
        assignPossessorCountries()
        assignPresidencyCountries()
        assignAppositiveOffices()
        assignDatelineCountry()
        resolveLeaderDescriptions()
        resolvePronouns()
        assignEntourageCountries(pronouns: true)
        assignOtherSideCountries()
        findGroups()
        findBareGroups()
        findPartiesReceived()
        findPairsThatMet()
        assignPossessorCountries(pronouns: true)
        assignPhraseStarts()
        // The ones `uncover` dropped, removed last: until here `owner` indexes `result.mentions`,
        // and the passes skip a mention with no candidate.
        result.mentions.removeAll { $0.candidates.isEmpty }
        result.mentions.sort { $0.firstToken < $1.firstToken }
        result.titles.sort { $0.firstToken < $1.firstToken }
        result.postsOfNoCountry = officesOfOrganisations.union(designated)
        return result
    }

    // MARK: one person, two entities

    /// "PM Marape arrives in Canberra" in a headline, "Prime Minister James Marape" in the text:
    /// a person found by one word only (after a title, before the full name was known) is the
    /// one person the document names in full with that surname, and every mention of it names
    /// that person, who takes its office when they have none. With two such people ("Li Wei",
    /// "Li Qiang"), or none, it stays apart.
    mutating func mergeSurnamesIntoFullNames() {
        var byLabel: [String: EntityIndex?] = [:]
        for (index, entity) in zip(result.entities.layerIndices, result.entities) where entity.type == .person && entity.name.contains(" ") {
            let label = normalizedLabel(entity.label)
            byLabel[label] = byLabel[label] == nil ? .some(index) : .some(nil)
        }
        guard !byLabel.isEmpty else { return }
        var into: [EntityIndex: EntityIndex] = [:]
        for (index, entity) in zip(result.entities.layerIndices, result.entities)
        where entity.type == .person && entity.lexiconEntry == nil && !entity.name.contains(" ") {
            guard let full = byLabel[normalizedLabel(entity.name)] ?? nil, full != index else { continue }
            into[index] = full
            if result.entities[full].office == nil, let office = entity.office {
                result.entities[full].office = office
                // "Secretary-General Ban": an organisation's post stays one.
                if officesOfOrganisations.contains(index) { officesOfOrganisations.insert(full) }
            }
            if result.entities[full].country == nil { result.entities[full].country = entity.country }
        }
        guard !into.isEmpty else { return }
        for n in result.mentions.indices {
            result.mentions[n].candidates = result.mentions[n].candidates.map { into[$0] ?? $0 }
        }
    }

    /// Royal styles that go before a given name, not a surname: "Prince Faisal", "Sheikh Tamim".
    static let royalStyles: Set<String> = ["prince", "princess", "sheikh", "sheikha", "shaikh", "king", "queen", "emir", "amir", "sultan"]

    /// "Crown Prince Faisal bin Nayef ... Prince Faisal was welcomed": a royal style and one word,
    /// found as a person of its own, is the one person the document names in full whose name
    /// starts with that word (royals go by their given names). So is one word after a title
    /// ("Prime Minister Shehbaz Sharif ... PM Shehbaz"), when the person named in full holds that
    /// same office: news names some people by their given names (Thai, Pakistani and Indonesian
    /// leaders). With two such people, or none, it stays apart.
    mutating func mergeRoyalGivenNames() {
        var into: [EntityIndex: EntityIndex] = [:]
        // The people the text names in full, by the first word of a name it writes (after an
        // honorific or a royal style): with two words or more, and with three or more. Built in
        // one pass, so the look-up per person does not scan every mention.
        var namedInFull: [[String: [EntityIndex]]] = [[:], [:]]
        for m in result.mentions where m.aliasKind == .name && m.endToken - m.firstToken >= 2 {
            guard let other = m.entity, result.entities[other].type == .person else { continue }
            var first = m.firstToken
            if isIn(.honorific, first) || Self.royalStyles.contains(key(first)) { first += 1 }
            guard first < m.endToken else { continue }
            let word = key(first)
            for (n, words) in [2, 3].enumerated() where m.endToken - m.firstToken >= words {
                if !(namedInFull[n][word]?.contains(other) ?? false) { namedInFull[n][word, default: []].append(other) }
            }
        }
        for (index, entity) in zip(result.entities.layerIndices, result.entities) where entity.type == .person && entity.lexiconEntry == nil {
            let words = entity.name.split(separator: " ")
            // "PM Shehbaz", "Prime Minister Prayut": one word after a title, for the one person
            // named in full with that given name and that office.
            let titled = words.count == 1 && entity.office != nil
            guard titled || words.count == 2 && Self.royalStyles.contains(words[0].lowercased()) else { continue }
            let given = normalizedLabel(String(words[words.count - 1]))
            // The people the text names in full with that given name, by the words it writes
            // (the lexicon may spell a name otherwise: "Mohamed bin Zayed" for "Mohammed ...").
            let full = (namedInFull[titled ? 0 : 1][given] ?? []).filter { $0 != index }
            guard full.count == 1 else { continue }
            if titled {
                guard let office = result.entities[full[0]].office, office.lowercased() == entity.office?.lowercased() else { continue }
                into[index] = full[0]
                continue
            }
            // A royal's: a name with a patronymic ("bin", "Al") or a royal's office.
            let name = result.entities[full[0]].name.lowercased().split(separator: " ")
            let royal = name.contains { Self.patronymicParticles.contains(String($0)) || $0.hasPrefix("al-") }
                || result.entities[full[0]].office.map { Self.monarchOffices.contains($0) || Self.royalStyles.contains($0.lowercased()) || $0.contains("Prince") } == true
            guard royal else { continue }
            into[index] = full[0]
        }
        guard !into.isEmpty else { return }
        for n in result.mentions.indices {
            result.mentions[n].candidates = result.mentions[n].candidates.map { into[$0] ?? $0 }
        }
    }

    /// Whether `word` (a key) is the last word of lexicon person `entry`'s name in another
    /// spelling ("Mohamed" after "Mahathir", whose name ends "Mohamad"): five letters or more, a
    /// spelling of it (`CompiledLexicon.isSpelling`) one letter longer or shorter at most
    /// ("Silvano" is no "Silva").
    func endsWithSpellingOf(_ entry: Int, _ word: String) -> Bool {
        guard let last = lexicon.entries[entry].name.split(separator: " ").last?.lowercased(), last.count >= 5, word.count >= 5,
              abs(last.count - word.count) <= 1 else { return false }
        return CompiledLexicon.isSpelling(word, of: last)
    }

    // MARK: delegations

    static let entourageNouns: Set<String> = ["delegation", "delegates", "entourage", "contingent", "team"]
    static let listOpeners: Set<String> = [
        "including", "includes", "included", "include", "comprising", "comprises", "comprised", "comprise", "consisting",
    ]

    /// "Kenya's Tomas Odhiambo": a person the text names after a country's possessive, with no
    /// title and no country of their own, is of that country (a party for it: "Kenya's X and
    /// Uganda's Y signed the accord"). Lexicon people keep the lexicon's.
    mutating func assignPossessiveCountries() {
        for m in result.mentions where m.aliasKind == .name && m.titleStart == nil && m.firstToken >= 2 && isPossessive(m.firstToken - 1) {
            guard let e = m.entity, result.entities[e].type == .person, result.entities[e].country == nil,
                  result.entities[e].lexiconEntry == nil, let c = mention(endingAt: m.firstToken - 1), let ce = c.entity,
                  let code = alpha3(ofCountry: ce) else { continue }
            result.entities[e].country = code
        }
    }

    /// Whether person `entity` is a monarch of the kind `office` describes: by its office, or by a
    /// monarch's title the text writes before (or in) a name of theirs. A king for "King" (not
    /// the emir a king's visit names), a queen for "Queen", an emir for "Emir" (so "the Amir" is not the King
    /// of Jordan the same text names), a sultan for "Sultan", an emperor for "Emperor", any of
    /// them for the other monarchs' offices ("the monarch").
    func isMonarch(_ entity: EntityIndex, as office: String, titledBy monarchTitles: [EntityIndex: Set<String>]) -> Bool {
        let kings: Set<String> = ["king", "emir", "amir", "sultan", "emperor"]
        let words: Set<String> = switch office {
        case "King": ["king"]
        case "Queen": ["queen"]
        case "Emir": ["emir", "amir"]
        case "Sultan": ["sultan"]
        case "Emperor": ["emperor"]
        default: kings.union(["queen"])
        }
        let anyMonarch = !["King", "Queen", "Emir", "Sultan", "Emperor"].contains(office)
        if let o = result.entities[entity].office, words.contains(o.lowercased()) || (anyMonarch && Self.monarchOffices.contains(o)) {
            return true
        }
        return !(monarchTitles[entity] ?? []).isDisjoint(with: words)
    }

    static let monarchTitleWords: Set<String> = ["king", "queen", "emir", "amir", "sultan", "emperor"]

    /// Each person's monarch's titles (`monarchTitleWords`) that the text writes before (or as the
    /// first word of) a mention of theirs, for `isMonarch`.
    func monarchTitles() -> [EntityIndex: Set<String>] {
        var titles: [EntityIndex: Set<String>] = [:]
        for m in result.mentions { noteMonarchTitle(of: m, in: &titles) }
        return titles
    }

    func noteMonarchTitle(of m: EntityMention, in titles: inout [EntityIndex: Set<String>]) {
        guard let e = m.entity else { return }
        let word = key(m.titleStart ?? m.firstToken)
        if Self.monarchTitleWords.contains(word) { titles[e, default: []].insert(word) }
    }

    /// "Ruiz met Dorr on Monday. The two leaders signed the accord", "Ruiz, Dorr and Pardo met.
    /// ... signed by the three presidents": "the" (or "both") and a number of people, and a word
    /// for them (`groupNouns`), name the people the text named in the sentence before and in
    /// its own sentence before the words (fewer: in one sentence more, up to three back), when
    /// they are exactly that many. A mention of the
    /// group (its number and its noun), with its people as `groupMembers`.
    mutating func findGroups() {
        // The mentions by their first token, made once (at the first group found): each group
        // reads the few before it by a binary search, not every mention of the text.
        var byStart: [MentionStart] = []
        for i in cuePositions where i + 1 < layer.tokens.count && isIn(.groupNumber, i) && !covered(i) {
            let sentence = sentenceRange(of: i)
            let n = Self.groupNumbers[key(i)] ?? 0
            if key(i) != "both" {
                guard i > sentence.lowerBound, key(i - 1) == "the" else { continue }
            }
            // The noun, after an office's words ("the two foreign ministers", "the two prime ministers");
            // none after "the pair", nor after "the two" that a verb follows ("the two met").
            var end = i + 1
            var ofCountries = false
            // The office each member holds, by the noun ("the two leaders": heads of state or
            // government and monarchs, "" below; "the two foreign ministers": a minister).
            var memberOffice: String?
            if key(i) == "pair" || (key(i) != "both" && end < sentence.upperBound && Self.groupVerbs.contains(key(end))) {
                // (The words themselves are the group.)
            } else {
                while end < sentence.upperBound && end - i <= 3 && !Self.groupNouns.contains(key(end)) && !Self.countryGroupNouns.contains(key(end))
                        && layer.tokens[end].kind == .word && (!isCapitalizedWord(end) || Self.regionWords.contains(key(end)))
                        && (isIn(.officeDomain, end) || key(end) == "prime" || Self.countryKindWords.contains(key(end))
                            || Self.regionWords.contains(key(end))) { end += 1 }
                guard end < sentence.upperBound, !covered(end) else { continue }
                // "the two countries", "both nations", "the two neighbouring states": countries.
                if Self.countryGroupNouns.contains(key(end)) {
                    ofCountries = true
                } else {
                    guard Self.groupNouns.contains(key(end)), !(i + 1..<end).contains(where: { Self.countryKindWords.contains(key($0)) }) else { continue }
                }
                memberOffice = Self.bareGroupOffices[key(end)] ?? (key(end) == "heads" ? "" : nil)
                // "the two heads of state"
                if key(end) == "heads" && end + 2 < sentence.upperBound && key(end + 1) == "of" { end += 2 }
                end += 1
            }
            // The people named before it, in this sentence and the one before; when they are
            // fewer, in one sentence more, up to three before.
            // (In the first sentence of a text, or where this sentence names them all, this
            // sentence alone.)
            var from = sentence.lowerBound
            var members: [EntityIndex] = []
            if byStart.isEmpty { byStart = mentionsByStart() }
            func collect() {
                members = []
                for k in Self.firstStarting(atOrAfter: from, in: byStart)..<byStart.count {
                    guard byStart[k].first < i else { break }
                    // Past the number wanted, the group names no one: no need to read on.
                    if members.count > n { break }
                    let m = result.mentions[byStart[k].index]
                    guard m.aliasKind != .pronoun, m.groupMembers == nil, let e = m.entity, !members.contains(e) else { continue }
                    if ofCountries {
                        if alpha3(ofCountry: e) != nil { members.append(e) }
                        continue
                    }
                    guard result.entities[e].type == .person else { continue }
                    // Not one whose known office is of another kind than the noun's ("the two
                    // heads of state" are no foreign minister named with them); for leaders and
                    // presidents, whom titles or the lexicon always place, none with no office
                    // (a founder named in passing).
                    if let office = memberOffice {
                        if let held = result.entities[e].office {
                            if !Self.holds(held, groupOffice: office) { continue }
                        } else if office.isEmpty || office == "president" {
                            continue
                        }
                    }
                    // Not the one who reports it in its own sentence ("spokesperson X said
                    // that the two leaders ...").
                    if m.firstToken >= sentence.lowerBound && m.endToken < i && isIn(.speechVerb, m.endToken) { continue }
                    members.append(e)
                }
            }
            collect()
            if members.count != n { members = [] }
            for _ in 0..<3 where from > 0 && members.count < n {
                from = sentenceRange(of: from - 1).lowerBound
                collect()
            }
            guard members.count == n, n >= 2 else { continue }
            var mention = EntityMention(candidates: [members[0]], aliasKind: .description, firstToken: i, endToken: end,
                                        byteStart: 0, byteEnd: 0, source: .coreference)
            mention.groupMembers = members
            add(mention)
        }
    }

    /// "Anand and Champagne arrived in Mexico City. The ministers met President Sheinbaum": "the"
    /// and a plural noun of office (`bareGroupOffices`), an office's words between ("the foreign
    /// ministers"), with no number, names the people of that office the text named in the
    /// sentence before and in its own before the words, when they are two or more (else in one
    /// sentence more, up to three back; "the leaders": heads of state or government and monarchs,
    /// not a spokesman who reports on them). Not a noun that a complement follows ("the ministers of
    /// Peru and Chile" is a description of its own), nor one that names fewer than two.
    mutating func findBareGroups() {
        // The mentions by their first token, made at the first group word that passes the cheap
        // tests: each group reads the few before it by a binary search.
        var byStart: [MentionStart] = []
        for i in cuePositions where i > 0 && isIn(.groupNoun, i) && !covered(i) {
            let sentence = sentenceRange(of: i)
            var article = i - 1
            while article > sentence.lowerBound && i - article <= 2 && isIn(.officeDomain, article) && !isCapitalizedWord(article) { article -= 1 }
            guard key(article) == "the", article == sentence.lowerBound || !isIn(.groupNumber, article - 1),
                  i + 1 < sentence.upperBound, !Self.complementLinks.contains(key(i + 1)) else { continue }
            guard let office = Self.bareGroupOffices[key(i)] else { continue }
            if byStart.isEmpty { byStart = mentionsByStart() }
            var from = sentence.lowerBound
            var members: [EntityIndex] = []
            for _ in 0..<3 where from > 0 && members.count < 2 {
                from = sentenceRange(of: from - 1).lowerBound
                members = []
                for k in Self.firstStarting(atOrAfter: from, in: byStart)..<byStart.count {
                    let m = result.mentions[byStart[k].index]
                    guard m.firstToken < article else { break }
                    guard m.endToken <= article else { continue }
                    guard m.aliasKind != .pronoun, m.groupMembers == nil, let e = m.entity, result.entities[e].type == .person,
                          let held = result.entities[e].office, !members.contains(e),
                          Self.holds(held, groupOffice: office) else { continue }
                    members.append(e)
                }
            }
            guard members.count >= 2 else { continue }
            var mention = EntityMention(candidates: [members[0]], aliasKind: .description, firstToken: article + 1, endToken: i + 1,
                                        byteStart: 0, byteEnd: 0, source: .coreference)
            mention.groupMembers = members
            add(mention)
        }
    }

    /// "Ruiz and Dorr arrived in Lima on Monday. They were received by Vega": "They" opening a
    /// sentence, before "were" and a verb of receiving, names the subject of the sentence before
    /// when it is a party that travels: a pair joined by "and" (each of the two, a group), or one
    /// person with company ("Ruiz and his delegation arrived", "The Kenyan leader was
    /// accompanied by A and B": that person alone; a member of an entourage is no party of the
    /// leader's meetings). A mention of "They" (source `coreference`, alias kind `pronoun`).
    mutating func findPartiesReceived() {
        guard layer.sentences.count > 1 else { return }
        var byStart: [MentionStart] = []
        for s in 1..<layer.sentences.count {
            let sentence = layer.sentences[s].tokenRange
            // ("They" read by its bytes first: no string made for every sentence.)
            guard sentence.count > 3, !covered(sentence.lowerBound) else { continue }
            let opener = layer.tokens[sentence.lowerBound]
            guard opener.end - opener.start == 4, text[Int(opener.start)] | 0x20 == UInt8(ascii: "t"),
                  key(sentence.lowerBound) == "they" else { continue }
            // "were", within three words, then a verb of receiving within two.
            let window = (sentence.lowerBound + 1)..<min(sentence.upperBound, sentence.lowerBound + 4)
            guard let were = window.first(where: { key($0) == "were" }),
                  ((were + 1)..<min(sentence.upperBound, were + 3)).contains(where: { Self.welcomeVerbs.contains(key($0)) }) else { continue }
            let previous = layer.sentences[s - 1].tokenRange
            if byStart.isEmpty { byStart = mentionsByStart() }
            guard let m = openingPerson(of: previous, byStart: byStart), let a = m.entity else { continue }
            var members: [EntityIndex]? = nil
            let after = m.endToken
            guard after + 1 < previous.upperBound else { continue }
            // Where the subject's phrase ends, the verb of travel must come within a few words.
            var subjectEnd = after
            if key(after) == "and", let n = nextPersonMention(after: after + 1, within: 4, in: previous),
               let b = n.entity, result.entities[b].type == .person, b != a, n.endToken < previous.upperBound,
               layer.tokens[n.endToken].kind == .word, !isCapitalizedWord(n.endToken) {
                members = [a, b]
                subjectEnd = n.endToken
            } else if key(after) == "and", after + 2 < previous.upperBound, isIn(.possessiveDeterminer, after + 1),
                      Self.entourageNouns.contains(key(after + 2)) || Self.kinNouns.contains(key(after + 2)) {
                // "Ruiz and his delegation": one person with company.
                subjectEnd = after + 3
            } else if !(layer.tokens[after].kind == .word && !isCapitalizedWord(after) && !isIn(.notAfterSubject, after)) {
                continue
            }
            // "arrived", "landed", "was accompanied by": a party that travels (not "disagreed",
            // not "hosted the delegation").
            guard (subjectEnd..<min(previous.upperBound, subjectEnd + 4)).contains(where: { Self.travelWords.contains(key($0)) }) else { continue }
            var mention = EntityMention(candidates: [a], aliasKind: .pronoun, firstToken: sentence.lowerBound, endToken: sentence.lowerBound + 1,
                                        byteStart: 0, byteEnd: 0, source: .coreference)
            mention.groupMembers = members
            add(mention)
        }
    }

    /// "Ruiz met Dorr on Monday. They later held talks with Vega", "... Their talks came after
    /// they met Vega": "They" opening a sentence (or "they" after a subordinator in a sentence
    /// "Their" opens), before a verb of meeting, holding, visiting or calling within three words
    /// (past "also", "later", "then" ...), names the two who met in the sentence before (or, after
    /// "Their", the one before it) (`meetingPair`). A mention of "they" (source `coreference`,
    /// alias kind `pronoun`) whose group is the two.
    mutating func findPairsThatMet() {
        guard layer.sentences.count > 1, let theyKey = vocabulary.keyID(forKey: "they") else { return }
        let theirKey = vocabulary.keyID(forKey: "their")
        var byStart: [MentionStart] = []
        for s in 1..<layer.sentences.count {
            let sentence = layer.sentences[s].tokenRange
            // (Read by the opening word's key: no string made for a sentence that "They" or
            // "Their" does not open.)
            let opener = layer.tokens[sentence.lowerBound].key
            guard sentence.count > 3, opener == theyKey || opener == theirKey else { continue }
            // "They" opening the sentence; or, in a sentence that "Their" opens (about the same
            // two), after "after", "before", "when" or "as" ("Their talks came after they held
            // talks with Vega"). Not a "they" after another plural ("Opposition leaders boycotted
            // it, and they met Vega"; "Journalists covered it as they ...").
            var they: Int?
            let opensWithTheir = opener == theirKey
            for t in sentence where layer.tokens[t].key == theyKey && !covered(t)
                && (t == sentence.lowerBound || (opensWithTheir && Self.clauseLinks.contains(key(t - 1)))) {
                they = t
                break
            }
            guard let t = they else { continue }
            var v = t + 1
            while v < min(sentence.upperBound, t + 3) && Self.pairVerbAdverbs.contains(key(v)) { v += 1 }
            guard v < sentence.upperBound, Self.pairVerbs.contains(key(v)) else { continue }
            if byStart.isEmpty { byStart = mentionsByStart() }
            // The pair of the sentence before (or, after "Their", of the one before it too).
            var pair: (EntityIndex, EntityIndex)?
            for p in stride(from: s - 1, through: max(0, opensWithTheir ? s - 2 : s - 1), by: -1) {
                if let found = meetingPair(in: layer.sentences[p].tokenRange, byStart: byStart) { pair = found; break }
            }
            guard let (a, b) = pair else { continue }
            var mention = EntityMention(candidates: [a], aliasKind: .pronoun, firstToken: t, endToken: t + 1,
                                        byteStart: 0, byteEnd: 0, source: .coreference)
            mention.groupMembers = [a, b]
            add(mention)
        }
    }

    /// The two people a sentence at `previous` tells met, for `findPairsThatMet`: it opens with
    /// the one (past a dateline or "The"), then "met (held talks with, received, hosted) ... the
    /// other" within a few words, or "the one and the other met (held talks)".
    func meetingPair(in previous: Range<Int>, byStart: [MentionStart]) -> (EntityIndex, EntityIndex)? {
        guard let m = openingPerson(of: previous, byStart: byStart), let a = m.entity else { return nil }
        let after = m.endToken
        guard after + 1 < previous.upperBound else { return nil }
        // A verb of the meeting within four words from `k`.
        func meetingVerb(from k: Int) -> Int? { (k..<min(previous.upperBound, k + 4)).first { Self.pairMeetingVerbs.contains(key($0)) } }
        if key(after) == "and", let n = nextPersonMention(after: after + 1, within: 4, in: previous),
           let b = n.entity, result.entities[b].type == .person, b != a, n.endToken < previous.upperBound {
            // "Ruiz and Dorr met", "Ruiz and his counterpart Dorr held talks".
            return meetingVerb(from: n.endToken) != nil ? (a, b) : nil
        }
        // "Ruiz met Dorr", "Ruiz on Monday held talks with his counterpart, Dorr", "Ruiz met
        // one-on-one with his Peruvian counterpart, Dorr": the first person after the verb,
        // within twelve words.
        guard let verb = meetingVerb(from: after) else { return nil }
        var k = verb + 1
        while k < min(previous.upperBound, verb + 13) {
            if let n = mention(startingAt: k), let b = n.entity {
                // (Past "his", "her": "met his counterpart, Dorr".)
                if result.entities[b].type == .person && n.aliasKind != .pronoun { return b != a ? (a, b) : nil }
                // (A country's name or adjective before the post: "Japanese Foreign Minister X".)
                k = max(k + 1, n.endToken)
                continue
            }
            k += 1
        }
        return nil
    }
    /// Words after which "they" opens a clause, in `findPairsThatMet`.
    static let clauseLinks: Set<String> = ["after", "before", "when", "as"]
    /// Adverbs between "They" and its verb in `findPairsThatMet`.
    static let pairVerbAdverbs: Set<String> = ["also", "later", "then", "subsequently", "afterwards", "jointly", "both", "together", "again", "had"]
    /// The verbs after "They" in `findPairsThatMet`: a meeting of the two with someone else.
    static let pairVerbs: Set<String> = ["held", "met", "received", "were", "visited", "toured", "attended", "called", "paid"]
    /// The verbs of the meeting in the sentence before, in `findPairsThatMet`.
    static let pairMeetingVerbs: Set<String> = heldVerbs.union(["met", "meets", "received", "receives", "hosted", "hosts", "welcomed", "welcomes"])

    /// The first person of sentence `previous` when that person opens it (past a dateline's
    /// ":" or dash, or "The"): the subject "They" may name, in `findPartiesReceived` and
    /// `meetingPair`.
    func openingPerson(of previous: Range<Int>, byStart: [MentionStart]) -> EntityMention? {
        var first: EntityMention?
        for k in Self.firstStarting(atOrAfter: previous.lowerBound, in: byStart)..<byStart.count {
            let m = result.mentions[byStart[k].index]
            guard m.firstToken < previous.upperBound else { break }
            if let e = m.entity, result.entities[e].type == .person, m.groupMembers == nil, !m.isPossessivePronoun { first = m; break }
        }
        guard let m = first else { return nil }
        var opening = m.phraseStart ?? m.titleStart ?? m.firstToken
        if opening > previous.lowerBound && key(opening - 1) == "the" { opening -= 1 }
        guard opening == previous.lowerBound || isCharacter(opening - 1, UInt8(ascii: ":")) || isCharacter(opening - 1, UInt8(ascii: "-"))
                || isDash(opening - 1) else { return nil }
        return m
    }

    /// The first person mention starting at `start` or within `within` tokens after it in
    /// `sentence`, past words of a post in lower case ("and his counterpart Dorr").
    func nextPersonMention(after start: Int, within: Int, in sentence: Range<Int>) -> EntityMention? {
        var k = start
        while k < min(sentence.upperBound, start + within) {
            if let m = mention(startingAt: k), let e = m.entity, result.entities[e].type == .person { return m }
            // (Phrase starts are not assigned yet: a title's start names the phrase here.)
            if let m = result.mentions.first(where: { $0.titleStart == k }), let e = m.entity,
               result.entities[e].type == .person { return m }
            guard layer.tokens[k].kind == .word, !isCapitalizedWord(k) || isIn(.possessiveDeterminer, k) else { return nil }
            k += 1
        }
        return nil
    }

    /// Words of a party's travel after its subject: a visit's cue words ("arrived", "landed"),
    /// and "flew", "reached", "came" and "was accompanied by".
    static let travelWords: Set<String> = visitCueWords.union(["flew", "reached", "came", "accompanied"])

    /// A mention's first token and its index in `result.mentions`.
    typealias MentionStart = (first: Int, index: Int)

    /// The mentions by their first token (ties in the order they were found).
    func mentionsByStart() -> [MentionStart] {
        var byStart = result.mentions.indices.map { (first: result.mentions[$0].firstToken, index: $0) }
        byStart.sort { $0.first < $1.first || ($0.first == $1.first && $0.index < $1.index) }
        return byStart
    }

    /// The position in `byStart` of the first mention starting at or after token `token`.
    static func firstStarting(atOrAfter token: Int, in byStart: [MentionStart]) -> Int {
        var lo = 0, hi = byStart.count
        while lo < hi { let mid = (lo + hi) / 2; if byStart[mid].first < token { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Whether office `held` is one of a group's by its noun's office word (`bareGroupOffices`):
    /// "" a head of state's or government's or a monarch's; "president" also a head of state's
    /// as the lexicon names it ("Head of State").
    static func holds(_ held: String, groupOffice office: String) -> Bool {
        if office.isEmpty { return isHeadOffice(held) || monarchOffices.contains(held) || held == "Supreme Leader" }
        return held.lowercased().contains(office) || (office == "president" && held == "Head of State")
            || (office == "minister" && held.lowercased().contains("secretary"))
    }

    /// Plural nouns of office that name a group with no number, and the word the office of each
    /// member holds ("" for a head of state or government's).
    static let bareGroupOffices: [String: String] = ["ministers": "minister", "presidents": "president", "leaders": "", "premiers": "",
                                                     "ambassadors": "ambassador"]

    /// Words for a number of people ("the two leaders", "the pair"), with the number.
    static let groupNumbers: [String: Int] = ["two": 2, "three": 3, "four": 4, "both": 2, "pair": 2]
    /// Verbs and auxiliaries after "the two" or "the three" that make them the group with no noun
    /// ("the two met", "the two also held talks", "the three have signed").
    static let groupVerbs: Set<String> = ["met", "meet", "held", "hold", "had", "have", "has", "were", "are", "also", "later",
                                          "then", "signed", "sign", "agreed", "discussed", "shook", "spoke", "talked", "sat"]

    /// Words of a region between a group's number and its noun ("the two African leaders", "the
    /// three Nordic prime ministers").
    static let regionWords: Set<String> = ["african", "asian", "european", "arab", "latin", "nordic", "gulf", "caribbean", "pacific",
                                           "baltic", "balkan", "andean", "central", "western", "eastern", "southern", "northern"]

    /// Nouns for a group of countries, after its number: "the two countries signed the accord",
    /// "both nations", "the two sides".
    static let countryGroupNouns: Set<String> = ["countries", "nations", "states", "governments", "sides"]

    /// Nouns for a group of leaders or officials, after its number.
    static let groupNouns: Set<String> = ["leaders", "presidents", "ministers", "premiers", "counterparts", "heads", "kings", "chancellors", "envoys"]

    /// "Ruiz's spokesman Ivo Dorr", "Ruiz's national security adviser Ivo Dorr": a titled person
    /// whose title follows another person's possessive serves that person's country, when the
    /// title names no country, is no head of state's or government's and no organisation's, and
    /// the lexicon knows no office of theirs.
    /// With `pronouns`, after the pronouns are resolved: "his spokeswoman Ana Ruiz", "his" a
    /// person named before.
    mutating func assignPossessorCountries(pronouns: Bool = false) {
        for m in result.mentions {
            guard let t = m.titleStart, t < m.firstToken, t >= (pronouns ? 1 : 2),
                  let e = m.entity, result.entities[e].type == .person, result.entities[e].country == nil,
                  result.entities[e].lexiconEntry == nil, let office = result.entities[e].office,
                  !Self.isHeadOffice(office), !Self.styleTitles.contains(office.lowercased()), !officesOfOrganisations.contains(e) else { continue }
            let owner: EntityMention?
            if pronouns {
                owner = isIn(.possessiveDeterminer, t - 1) ? mention(startingAt: t - 1).flatMap { $0.aliasKind == .pronoun ? $0 : nil } : nil
            } else {
                owner = isPossessive(t - 1) ? mention(endingAt: t - 1).flatMap { $0.aliasKind != .pronoun ? $0 : nil } : nil
            }
            guard let o = owner?.entity, o != e, result.entities[o].type == .person, let code = result.entities[o].country else { continue }
            result.entities[e].country = code
        }
    }

    /// "Presidential spokesperson Ana Ruiz said President Li ...": a titled person whose title
    /// follows "presidential" serves the country of the president the sentence names with no
    /// country word ("said Li opened the meeting"; not "criticised Chilean President Li"), when
    /// those are all of one country. Not a head of state's or government's post, nor an
    /// organisation's, nor one the lexicon knows offices of.
    mutating func assignPresidencyCountries() {
        var staff: [(entity: EntityIndex, sentence: Range<Int>)] = []
        for m in result.mentions {
            guard let e = m.entity, result.entities[e].type == .person, let t = m.titleStart, t < m.firstToken, t >= 1,
                  key(t - 1) == "presidential", awaitsCountry(e), let office = result.entities[e].office, !Self.isHeadOffice(office) else { continue }
            staff.append((e, sentenceRange(of: m.firstToken)))
        }
        guard !staff.isEmpty else { return }
        for (e, sentence) in staff {
            // (A president named with a country word is another's: "criticised Chilean President X";
            // a title's start is the country's before it.)
            let here = result.mentions.compactMap { m -> String? in
                guard sentence.contains(m.firstToken), let p = m.entity, result.entities[p].office == "President",
                      let code = result.entities[p].country,
                      !((m.titleStart ?? m.firstToken)..<m.firstToken).contains(where: { mentionCountry($0) != nil }),
                      country(before: m.firstToken) == nil else { return nil }
                return code
            }
            if Set(here).count == 1 { result.entities[e].country = here[0] }
        }
    }

    /// A titled person found by the form of their name, whose title names no country, takes the
    /// country of the lexicon's people whose name is theirs in another form: the same first and
    /// last words ("Lal K. Advani", "Lal Kishenchand Advani" for "Lal Krishna Advani"), or all
    /// their words among the lexicon name's ("Shah Mahmood Qureshi" for "Makhdoom Shah Mahmood
    /// Hussain Qureshi"), when all such people are of one country and the document names that
    /// country (a common name, "Ali Hassan", is someone else's as often). Not a post of an
    /// organisation: its holder's country is not the office's.
    mutating func assignNamesakeCountries() {
        guard !lexicon.namesakesByLastKey.isEmpty else { return }
        var named = Set<String>()
        for e in result.entities.layerIndices { if let code = alpha3(ofCountry: e) { named.insert(code) } }
        var done = Set<EntityIndex>()
        for m in result.mentions {
            guard let e = m.entity, !done.contains(e), result.entities[e].type == .person, result.entities[e].country == nil,
                  result.entities[e].lexiconEntry == nil, let office = result.entities[e].office,
                  !Self.styleTitles.contains(office.lowercased()), !officesOfOrganisations.contains(e), m.aliasKind != .pronoun else { continue }
            var words: [KeyID] = []
            for k in m.firstToken..<m.endToken where layer.tokens[k].kind == .word { words.append(layer.tokens[k].key) }
            while let last = words.last, Self.nameSuffixes.contains(vocabulary.key(last)) { words.removeLast() }
            guard words.count >= 2, let namesakes = lexicon.namesakesByLastKey[words[words.count - 1]] else { continue }
            var country: String? = nil
            var agree = true
            for n in namesakes where n.words[0] == words[0] || words.allSatisfy(n.words.contains) {
                if country == nil { country = n.country } else if country != n.country { agree = false; break }
            }
            guard agree, let country, named.contains(country) else { continue }
            result.entities[e].country = country
            done.insert(e)
        }
    }

    /// "Deputy Prime Minister Ana Ruiz received Chinese Ambassador to Peru Li Wei", "Ambassador
    /// to Peru Li Wei called on Foreign Minister Ana Ruiz": a titled person with no country whom
    /// an envoy to a country meets in the sentence serves that country. The envoy's title names
    /// it after "to" or "in"; a word of receiving or meeting stands between the two, and no other
    /// person. Not a post of an organisation, nor one the lexicon knows offices of.
    mutating func assignEnvoyHosts() {
        let people = personMentionsInTextOrder()
        guard people.count >= 2 else { return }
        for (i, n) in people.enumerated() {
            let envoy = result.mentions[n]
            guard let t = envoy.titleStart, t < envoy.firstToken, let host = envoyHost(t..<envoy.firstToken) else { continue }
            let sentence = sentenceRange(of: envoy.firstToken)
            // The people right before and after the envoy's mention.
            for j in [i - 1, i + 1] where j >= 0 && j < people.count {
                let other = result.mentions[people[j]]
                guard let e = other.entity, sentence.contains(other.firstToken), e != envoy.entity, awaitsCountry(e),
                      let between = tokens(between: other, and: envoy),
                      between.contains(where: { Self.hostingVerbs.contains(key($0)) }) else { continue }
                result.entities[e].country = host
            }
        }
    }

    /// In a report on two countries (it names those two and no other), an official whose title
    /// gives no country and who receives or meets, in the sentence, a person of one of them, with
    /// a word of receiving, meeting or talks between the two (or the two as the sides of
    /// "between A and B"), serves the other: "The Ghanaian President
    /// was received by Vice President Ana Ruiz" in a report on Ghana and Nigeria, "Foreign
    /// Minister Ana Ruiz met Kenya's President", "signed between Minister Ana Ruiz and Kenya's
    /// Trade Minister Li Wei". Every such sentence of the official's must say
    /// the same. Not a head of state or government the lexicon knows, a monarch, an envoy, a
    /// post of an organisation, nor one the lexicon knows offices of.
    mutating func assignOtherSideCountries() {
        let named = namedCountries()
        guard named.count == 2 else { return }
        let people = personMentionsInTextOrder()
        guard people.count >= 2 else { return }
        var found: [EntityIndex: String?] = [:]
        for (i, n) in people.enumerated() {
            let official = result.mentions[n]
            guard let e = official.entity, awaitsCountry(e), let office = result.entities[e].office,
                  !Self.monarchOffices.contains(office), !(result.entities[e].lexiconEntry != nil && Self.isHeadOffice(office)) else { continue }
            let sentence = sentenceRange(of: official.firstToken)
            // The people right before and after the official's mention.
            for j in [i - 1, i + 1] where j >= 0 && j < people.count {
                let other = result.mentions[people[j]]
                guard let p = other.entity, p != e, sentence.contains(other.firstToken),
                      let code = result.entities[p].country, named.contains(code),
                      let between = tokens(between: other, and: official), between.count <= 12,
                      between.contains(where: { Self.hostingVerbs.contains(key($0)) || Self.talkingWords.contains(key($0)) })
                        || isPairAfterBetween(other, official, joinedBy: between) else { continue }
                let side = named.first { $0 != code }
                if let known = found[e], known != side { found[e] = .some(nil) } else { found[e] = side }
            }
        }
        for (e, side) in found { if let side { result.entities[e].country = side } }
    }

    /// Whether two people stand as the two sides of "between A and B" ("an accord signed between
    /// Minister A and Kenya's Minister B", "talks between Minister A and Kenya's President B"):
    /// "between" right before the first one's phrase, and only "and" (with the second one's
    /// country and its possessive) between them.
    func isPairAfterBetween(_ a: EntityMention, _ b: EntityMention, joinedBy between: Range<Int>) -> Bool {
        let first = a.firstToken < b.firstToken ? a : b
        let start = first.titleStart ?? first.firstToken
        guard start > 0, key(start - 1) == "between", between.first.map({ key($0) == "and" }) ?? false else { return false }
        // Sides of a meeting, talks or a signing: one of their words in the four before "between"
        // ("a row between A and B" sets no sides).
        let lead = max(sentenceRange(of: start).lowerBound, start - 5)..<(start - 1)
        guard lead.contains(where: { Self.pairWords.contains(key($0)) }) else { return false }
        var k = between.lowerBound + 1
        if k < between.upperBound, let m = mention(startingAt: k), let c = m.entity, result.entities[c].type == .country {
            k = m.endToken
            if k < between.upperBound && isPossessive(k) { k += 1 }
        }
        return k == between.upperBound
    }

    /// Words of a meeting, talks or a signing, whose "between A and B" names two sides: words of
    /// talks and of signing, and the heads of an agreement referred to.
    static let pairWords: Set<String> = talkingWords.union(signingWords).union(agreementReferenceHeads.subtracting(["it", "document", "documents"]))
        .union(["meetings", "discussions", "negotiations", "consultations", "dialogue", "memorandum", "mou"])

    /// The people listed right before token `end` in `sentence`, joined by commas and "and"
    /// ("Foreign Minister A and Trade Minister B accompanied ..."), nearest first.
    func peopleListed(before end: Int, in sentence: Range<Int>) -> [EntityIndex] {
        var people: [EntityIndex] = [], end = end
        while end > sentence.lowerBound, let m = mention(endingAt: end), let p = m.entity,
              result.entities[p].type == .person, m.aliasKind != .pronoun {
            people.append(p)
            end = m.titleStart ?? m.firstToken
            while end > sentence.lowerBound && [",", "and"].contains(key(end - 1)) { end -= 1 }
        }
        return people
    }

    /// The mentions of people by name or post (no pronoun), in text order.
    func personMentionsInTextOrder() -> [Int] {
        var people: [Int] = []
        for (n, m) in result.mentions.enumerated() {
            guard let e = m.entity, result.entities[e].type == .person, m.aliasKind != .pronoun else { continue }
            people.append(n)
        }
        people.sort { result.mentions[$0].firstToken < result.mentions[$1].firstToken }
        return people
    }

    /// Whether person `e` is a titled official whose country a neighbour in the text may tell:
    /// no country yet, a post that is no style, no organisation's and no envoy's, and no office
    /// the lexicon knows of theirs.
    func awaitsCountry(_ e: EntityIndex) -> Bool {
        guard result.entities[e].country == nil, let office = result.entities[e].office, !Self.styleTitles.contains(office.lowercased()),
              !officesOfOrganisations.contains(e), !RelationBuilder.isEnvoy(office) else { return false }
        if let entry = result.entities[e].lexiconEntry, !lexicon.entries[entry].roles.isEmpty { return false }
        return true
    }

    /// The tokens between two mentions, whichever comes first (from the first one's end to the
    /// second one's title or name); nil when they overlap.
    func tokens(between a: EntityMention, and b: EntityMention) -> Range<Int>? {
        let (first, second) = a.firstToken < b.firstToken ? (a, b) : (b, a)
        let to = second.titleStart ?? second.firstToken
        return first.endToken <= to ? first.endToken..<to : nil
    }

    /// Verbs of receiving or meeting between an envoy and the official they meet ("summoned
    /// the ambassador to Peru": the envoy's host summons).
    static let hostingVerbs: Set<String> = ["received", "receives", "hosted", "hosts", "met", "meets", "welcomed", "welcomes",
                                            "greeted", "greets", "called", "calls", "summoned", "summons"]

    /// Words of talks between two officials (`assignOtherSideCountries`): "held talks with his
    /// Mongolian counterpart", "discussed with".
    static let talkingWords: Set<String> = ["talks", "meeting", "discussed", "discusses", "counterpart"]

    /// The country an envoy's title `range` names after "to" or "in" ("Ambassador to Peru",
    /// "High Commissioner in Kenya"), when the title is an envoy's.
    func envoyHost(_ range: Range<Int>) -> String? {
        guard range.contains(where: { ["ambassador", "commissioner", "envoy"].contains(key($0)) }) else { return nil }
        for k in range.dropLast() where key(k) == "to" || key(k) == "in" {
            if let m = mention(startingAt: k + 1), let e = m.entity, let code = alpha3(ofCountry: e) { return code }
        }
        return nil
    }

    /// Titled people joined by commas and "and", one whose title names no country serving the
    /// country the others share:
    /// - a pair joined by "and" ("Peru's Interior Minister Ana Ruiz and Defence Minister Li Wei",
    ///   "Interior Minister Ana Ruiz of Peru and Defence Minister Li Wei"), or a list of three or
    ///   more, whose first has a country named before the title or after the name ("Kenyan
    ///   Foreign Minister A, Defence Minister B and Trade Minister C"), and no other one has
    ///   another: then not a head of state's or government's post (a second leader is most often
    ///   another country's: "Peru's President Ruiz and President Dorr"), but for a head of
    ///   government after a head of state ("Peru's President Ruiz and Prime Minister Dorr");
    /// - a list of three or more, two of whom at least are of one country and none of another
    ///   ("Deputy Prime Minister X, Foreign Minister Y, and Minister for Pacific Island Affairs Z").
    ///
    /// Countries by the titles, else the lexicon's office on the document's date. Not a rank
    /// ("General"), nor an organisation's post, nor a person the lexicon knows offices of.
    mutating func shareCountryAlongTitledList() {
        var titled: [Int] = []
        for (n, m) in result.mentions.enumerated() {
            guard let e = m.entity, result.entities[e].type == .person, let t = m.titleStart, t < m.firstToken, m.aliasKind != .pronoun else { continue }
            titled.append(n)
        }
        guard titled.count >= 2 else { return }
        titled.sort { result.mentions[$0].firstToken < result.mentions[$1].firstToken }
        func countryOf(_ e: EntityIndex) -> String? {
            if let c = result.entities[e].country { return c }
            guard let entry = result.entities[e].lexiconEntry?.rawValue else { return nil }
            return roleHeld(by: entry)?.country ?? lexicon.entries[entry].country
        }
        // Where a person's phrase ends: past "of (the) Country" naming their own country.
        func phraseEnd(_ m: EntityMention) -> Int {
            guard m.endToken + 1 < layer.tokens.count, key(m.endToken) == "of", let e = m.entity, let code = result.entities[e].country else { return m.endToken }
            let c = key(m.endToken + 1) == "the" ? m.endToken + 2 : m.endToken + 1
            guard let cm = mention(startingAt: c), let ce = cm.entity, alpha3(ofCountry: ce) == code else { return m.endToken }
            return cm.endToken
        }
        var i = 0
        while i < titled.count {
            var j = i
            while j + 1 < titled.count {
                let a = result.mentions[titled[j]], b = result.mentions[titled[j + 1]]
                let end = phraseEnd(a), front = titleStart(b.titleStart!)
                guard end < front, front - end <= 2, sentenceRange(of: a.firstToken).contains(front),
                      (end..<front).allSatisfy({ key($0) == "," || (layer.tokens[$0].kind == .word && key($0) == "and") }) else { break }
                j += 1
            }
            defer { i = j + 1 }
            guard j > i else { continue }
            let first = result.mentions[titled[i]]
            // A pair only by "and".
            if j == i + 1 {
                let end = phraseEnd(first)
                guard titleStart(result.mentions[titled[j]].titleStart!) == end + 1, key(end) == "and" else { continue }
            }
            var members: [EntityIndex] = []
            for n in titled[i...j] { if let e = result.mentions[n].entity, !members.contains(e) { members.append(e) } }
            let countries = members.compactMap(countryOf)
            guard Set(countries).count == 1, let code = countries.first else { continue }
            let namedFirst = countries.count == 1 && countryOf(members[0]) == code
                && (phraseEnd(first) > first.endToken
                    || mention(startingAt: titleStart(first.titleStart!)).flatMap({ $0.entity }).map({ alpha3(ofCountry: $0) == code }) == true)
            guard (countries.count >= 2 && members.count >= 3) || namedFirst else { continue }
            for e in members where countryOf(e) == nil {
                guard let office = result.entities[e].office, !Self.styleTitles.contains(office.lowercased()), !officesOfOrganisations.contains(e) else { continue }
                // A second leader of the same post is most often another country's; a head of
                // government after a head of state ("Ukrainian President A and Prime Minister
                // B") is the same country's.
                if countries.count < 2 && Self.isHeadOffice(office) {
                    let post = Self.officeClasses[office] ?? office
                    guard post == "head of government", let firstOffice = result.entities[members[0]].office,
                          Self.officeClasses[firstOffice] == "head of state" else { continue }
                }
                if let entry = result.entities[e].lexiconEntry, !lexicon.entries[entry].roles.isEmpty { continue }
                result.entities[e].country = code
            }
        }
    }

    /// Officials listed in a delegation or an entourage, whose titles give them no country, serve
    /// the delegation's: "a Guyanese delegation including Minister of Agriculture Ana Ruiz and
    /// Minister of Tourism Li Wei", "Kenya's delegation includes ...", "the Kenyan delegation was led
    /// by Foreign Minister Ana Ruiz" (its leader too), "Ruto's delegation
    /// comprised ..." (the country of the person), "President Ruto was accompanied by the
    /// Minister of Trade, Ms Ana Ruiz, and ..." and "Accompanied by Minister of Trade Ana Ruiz,
    /// President Ruto ..." (the country of the person accompanied, the nearest person before
    /// "accompanied" in the sentence, else the first after the list; with neither of a known
    /// country, the one country the members named with theirs are of). The list is the people,
    /// with their titles, joined by commas, "and" and "as well as", after "by" or a word such as
    /// "including" (a few words may come first: "including senior officials"); it ends at any
    /// other word. In the active voice the one before "accompanied" is the member and the one
    /// after it the leader: "Trade Minister Ana Ruiz accompanied President Dorr" (a possessive
    /// or "the" may come between: "accompanied the President, Ivo Dorr"). A person with a country,
    /// or whose title reads as an organisation's post, keeps it. With `pronouns`, after the
    /// pronouns are resolved, a leader named by a pronoun counts too: "He was accompanied by
    /// Foreign Minister Ana Ruiz", "he" a president of Peru named before.
    mutating func assignEntourageCountries(pronouns: Bool = false) {
        let entourageBits = wordClasses[WordClass.entourage.rawValue], openerBits = wordClasses[WordClass.listOpener.rawValue]
        let count = layer.tokens.count
        // The words that may open a list: "accompanied" with "by" after it, a noun of a
        // delegation with "including" (or "also includes") after it. ("My delegation" is common.)
        func isBy(_ k: Int) -> Bool {
            let t = layer.tokens[k]
            return t.end - t.start == 2 && text[Int(t.start)] | 0x20 == UInt8(ascii: "b") && text[Int(t.start) + 1] | 0x20 == UInt8(ascii: "y")
        }
        var openers: [Int] = []
        for i in referencePositions where entourageBits.contains(Int(layer.tokens[i].key)) {
            // (The pass after the pronouns reads "accompanied ... by" only.)
            if pronouns {
                if (i + 1..<min(count, i + 12)).contains(where: isBy) && key(i) == "accompanied" { openers.append(i) }
            } else if (i + 1 < count && openerBits.contains(Int(layer.tokens[i + 1].key))) || (i + 2 < count && openerBits.contains(Int(layer.tokens[i + 2].key)))
                || (i + 1..<min(count, i + 12)).contains(where: isBy) || mention(endingAt: i) != nil || (i >= 2 && isPossessive(i - 1)) {
                openers.append(i)
            }
        }
        guard !openers.isEmpty else { return }
        // Person mentions by the first token of their title (or name), for the list walk.
        var personAt: [Int: Int] = [:]
        // And by their sentence (its first token), in the mentions' order, so that finding a
        // list's leader reads one sentence's people, not the document's.
        var peopleBySentence: [Int: [Int]] = [:]
        for (n, m) in result.mentions.enumerated() {
            guard let e = m.entity, result.entities[e].type == .person else { continue }
            personAt[m.titleStart ?? m.firstToken] = n
            peopleBySentence[sentenceRange(of: m.firstToken).lowerBound, default: []].append(n)
        }
        guard !personAt.isEmpty else { return }
        func countryCode(ofMention m: EntityMention?) -> String? {
            guard let m, let e = m.entity else { return nil }
            return result.entities[e].type == .person ? result.entities[e].country : alpha3(ofCountry: e)
        }
        // The people listed with a post in apposition ("Ana Ruiz, Minister of Trade,"): the post,
        // and the mention that holds it once the list's country is known.
        var apposed: [(person: EntityIndex, office: String, mention: Int)] = []
        var unsure: Set<EntityIndex> = []
        // The people listed from `start`, and the token after the list.
        func list(from start: Int, in sentence: Range<Int>) -> (people: [EntityIndex], end: Int) {
            var people: [EntityIndex] = [], k = start, leading = 0
            // The next person's title, past capitalized words of a post the title lexicon does
            // not hold whole ("Natural Resources, Environment and Climate Change Minister").
            func nextPerson(from k: Int) -> Int? {
                var j = k
                while j < min(sentence.upperBound, k + 10) {
                    if personAt[j] != nil { return j }
                    // (A hyphen's second part may be in lower case: "Co-operation Minister".)
                    guard isCapitalizedWord(j) || [",", "and", "-", "&"].contains(key(j))
                        || (j > k && key(j - 1) == "-" && layer.tokens[j].kind == .word) else { return nil }
                    j += 1
                }
                return nil
            }
            while k < sentence.upperBound {
                if let n = personAt[k] {
                    // A possessive ends the list: "..., President Ruto's visit".
                    if result.mentions[n].endToken < sentence.upperBound && isPossessive(result.mentions[n].endToken) { break }
                    // After a post in apposition, a post set off from the next name by a comma
                    // ("A, Minister of Trade, B, Minister of Finance, C") may be the name's before
                    // it: that person is listed with no country of the list's.
                    let m = result.mentions[n]
                    if !apposed.isEmpty, let t = m.titleStart, t < m.firstToken, key(m.firstToken - 1) == "," {
                        unsure.insert(m.entity!)
                    }
                    people.append(result.mentions[n].entity!)
                    k = result.mentions[n].endToken
                } else if [",", ";", "and", "the", "as", "well", "also"].contains(key(k)) {
                    // (Items may be set off by semicolons: "included Prime Minister A; Minister of
                    // Foreign Affairs B; ...".)
                    k += 1
                } else if !people.isEmpty, let close = portfolioInBrackets(at: k, sentence: sentence) {
                    k = close + 1
                } else if !people.isEmpty && inTitle[k] && k > sentence.lowerBound && key(k - 1) == "," {
                    // A post in apposition after the name before ("Ana Ruiz, Minister of
                    // Trade, and ..."): that person's, past it to the comma or "and" that ends it.
                    let start = k
                    if let title = result.titles.first(where: { $0.firstToken == start }), k >= 2, owner[k - 2] >= 0 {
                        apposed.append((people[people.count - 1], title.office, Int(owner[k - 2])))
                    }
                    while k < sentence.upperBound && k - start < 14 && key(k) != "," && key(k) != "and" && personAt[k] == nil { k += 1 }
                } else if let j = nextPerson(from: k) {
                    k = j
                } else if people.isEmpty && leading < 3 && layer.tokens[k].kind == .word && !isCapitalizedWord(k) {
                    leading += 1
                    k += 1
                } else {
                    break
                }
            }
            return (people, k)
        }
        // Only the words that open an entourage are read as text (`key` makes a string).
        for i in openers {
            let word = key(i)
            let sentence: Range<Int>
            var code: String?
            var members: [EntityIndex] = []
            if word == "accompanied" {
                sentence = sentenceRange(of: i)
                // "accompanied today, Saturday 17 March, by ...": "by" within a few tokens.
                var by = i + 1
                while by < min(sentence.upperBound, i + 12) && key(by) != "by" && personAt[by] == nil { by += 1 }
                if by >= sentence.upperBound || key(by) != "by" {
                    // "Trade Minister Ana Ruiz accompanied (the) President (, Ivo) Dorr".
                    // The members: the people listed right before, joined by commas and "and"
                    // ("Foreign Minister Ana Ruiz and Trade Minister Ivo Dorr accompanied ...").
                    guard !pronouns else { continue }
                    members = peopleListed(before: i, in: sentence)
                    var k = i + 1
                    if k < sentence.upperBound && (key(k) == "the" || isIn(.possessiveDeterminer, k)) { k += 1 }
                    guard !members.isEmpty, let n = personAt[k] ?? (k + 1 < sentence.upperBound ? personAt[k + 1] : nil) else { continue }
                    code = countryCode(ofMention: result.mentions[n])
                } else {
                    var start = by + 1
                    // "accompanied by a (high-level) delegation including ...": the list after the opener.
                    for noun in (start + 1)..<max(start + 1, min(sentence.upperBound - 1, start + 5))
                    where Self.entourageNouns.contains(key(noun)) && Self.listOpeners.contains(key(noun + 1)) {
                        start = noun + 2
                        break
                    }
                    let listed = list(from: start, in: sentence)
                    members = listed.people
                    let leader = (peopleBySentence[sentence.lowerBound] ?? []).last { n in
                        let m = result.mentions[n]
                        return m.endToken <= i && (pronouns || m.aliasKind != .pronoun)
                    }.map { result.mentions[$0] } ?? personAt[listed.end].map { result.mentions[$0] }
                    // The second pass reads only the lists whose leader is a pronoun.
                    if pronouns && leader?.aliasKind != .pronoun { continue }
                    code = countryCode(ofMention: leader)
                }
            } else if Self.entourageNouns.contains(word) || word == "side" {
                sentence = sentenceRange(of: i)
                // "the Malaysian delegation", "the Qatari official delegation" (up to two words in
                // lower case between), "Kenya's delegation", "Ruto's delegation"; "on the Cuban
                // side were ...".
                var countryEnd = i
                while word != "side" && countryEnd > sentence.lowerBound && i - countryEnd < 2 && mention(endingAt: countryEnd) == nil
                        && layer.tokens[countryEnd - 1].kind == .word && !isCapitalizedWord(countryEnd - 1) {
                    countryEnd -= 1
                }
                if mention(endingAt: countryEnd) == nil { countryEnd = i }
                if let m = mention(endingAt: countryEnd) {
                    code = countryCode(ofMention: m)
                } else if i >= 2 && isPossessive(i - 1) {
                    code = countryCode(ofMention: mention(endingAt: i - 1))
                }
                guard code != nil else { continue }
                // "Also participating on the Cuban side were A and B": the people after the verb.
                if word == "side" {
                    guard i + 2 < sentence.upperBound, ["were", "was", "are", "is", ":"].contains(key(i + 1)) else { continue }
                    members = list(from: i + 2, in: sentence).people
                } else {
                    // "Trade Minister A and Foreign Minister B are among the Peruvian delegation", "...
                    // were part of Kenya's delegation": the people listed before the verb.
                    var back = -1
                    if let m = mention(endingAt: countryEnd) {
                        back = m.firstToken - 1
                    } else if i >= 2 && isPossessive(i - 1), let m = mention(endingAt: i - 1) {
                        back = m.firstToken - 1
                    }
                    if back > sentence.lowerBound && key(back) == "the" { back -= 1 }
                    if back > sentence.lowerBound {
                        var verb = back
                        if ["among", "of"].contains(key(verb)) { verb -= 1 }
                        if key(verb) == "part" || key(verb) == "members" { verb -= 1 }
                        if verb > sentence.lowerBound && verb < back && ["is", "are", "was", "were"].contains(key(verb)) {
                            members = peopleListed(before: verb, in: sentence)
                        }
                    }
                    var opener = i + 1
                    // ("the Qatari delegation that included ...").
                    if opener < sentence.upperBound && ["that", "which"].contains(key(opener)) { opener += 1 }
                    if opener < sentence.upperBound && key(opener) == "also" { opener += 1 }
                    // "the Kenyan delegation, led by ...", "Kenya's delegation was headed by ...".
                    var k = opener
                    while k < sentence.upperBound && k < opener + 2 && [",", "was", "is", "were", "are"].contains(key(k)) { k += 1 }
                    if members.isEmpty {
                        if k + 1 < sentence.upperBound && ["led", "headed"].contains(key(k)) && key(k + 1) == "by" {
                            members = list(from: k + 2, in: sentence).people
                        } else {
                            guard opener < sentence.upperBound, Self.listOpeners.contains(key(opener)) else { continue }
                            members = list(from: opener + 1, in: sentence).people
                        }
                    }
                }
            } else {
                continue
            }
            // With no leader of a known country ("The Peruvian leader was accompanied by Peruvian
            // Foreign Minister Ana Ruiz, Trade Minister Li Wei, ..."), the one country the members
            // named with theirs are of.
            if code == nil && word == "accompanied" {
                let known = Set(members.compactMap { result.entities[$0].country })
                if known.count == 1 { code = known.first }
            }
            guard let code else { continue }
            // A member whose post stands in apposition holds it there (a name listed under a
            // title does likewise), in the list's country.
            for a in apposed where members.contains(a.person) && result.entities[a.person].office == nil && result.entities[a.person].country == nil {
                result.entities[a.person].office = a.office
                result.mentions[a.mention].listedUnderTitle = true
            }
            apposed.removeAll()
            for p in members where result.entities[p].office != nil && result.entities[p].country == nil && !officesOfOrganisations.contains(p)
                && !unsure.contains(p) {
                result.entities[p].country = code
            }
        }
    }

    // MARK: pronouns

    /// Words after "her" that make it an object ("welcomed her to Manila", "met her on Monday"),
    /// not a possessive ("her visit").
    static let afterObjectHer: Set<String> = [
        "to", "on", "in", "at", "for", "with", "as", "and", "after", "before", "during", "about", "into", "by", "from",
        "that", "when", "while", "over", "again", "also", "warmly", "personally", "briefly", "later", "there", "here",
        "today", "yesterday",
    ]

    /// Words after a name that make it no subject of a verb: conjunctions, prepositions,
    /// relative and subordinating words, articles and possessive determiners.
    static let notAfterSubject: Set<String> = [
        "and", "or", "but", "as", "when", "while", "after", "before", "to", "of", "in", "on", "at", "for", "with",
        "from", "by", "who", "whom", "whose", "which", "that", "during", "since", "until", "into", "about", "over",
        "the", "a", "an", "his", "her", "their", "its",
    ]

    /// "He met Manalo", "Manalo received him": a personal pronoun names a person of the text
    /// (source `coreference`, alias kind `pronoun`). "He" and "she" name the subject nearest
    /// before them in their sentence (a name that opens the sentence, or that a verb follows,
    /// after an apposition or not: "Manalo was joined by Iwaya as he ..." is Manalo; "Responding,
    /// Manalo, the secretary, said he ..." too; and a name set off after its post: "The
    /// secretary, Manalo, is in Tokyo. He met ..."), else the first subject of the sentence
    /// before; a person only after a verb or a preposition there ("the envoy met Manalo. He
    /// ...") is none: the subject may be someone not named. "Him", and "her" as an object,
    /// name the first person of their sentence before them other than the nearest one, the
    /// subject of their clause ("Manalo received him" is not Manalo), and those listed with it
    /// ("A, B and C accompanied him" is none of them), else the first person of the sentence
    /// before, if not that subject. "His", and "her" before a noun ("her visit"),
    /// name the nearest person before them in their sentence ("Ruto welcomed Dorr on his
    /// visit" is Dorr's visit; a trip to the country that person serves is the nearest other's:
    /// `tripDestination`), else the first subject of the sentence before; rules read them
    /// as possessors ("his visit to Lima" as "Dorr's visit to Lima"). A word before a name that
    /// gives a gender ("Ms", "King", "his wife,") keeps "he" from a woman and "she" from a man.
    /// A person named only as a possessive ("Ruto's spokesman said he ...") is nobody's
    /// antecedent (but for the possessor of a journey or its craft opening the sentence, a
    /// subject: "Ruto's plane landed. He was greeted by ..."), nor one before a post named with "the" and no name ("Ruiz thanked the
    /// Secretary-General for his visit": the post's holder may be meant; an apposition to the
    /// name is no such post). Pronouns are read in text order, so one refers through another;
    /// with no person in the sentence before the pronoun nor in the sentence before that, it
    /// stays unresolved.
    mutating func resolvePronouns() {
        typealias Person = (token: Int, entity: EntityIndex, subject: Bool)
        // A subject: a name that opens its sentence, or that a verb follows, right after it or
        // after an apposition between commas ("Ruiz, the foreign minister, said").
        func isSubject(_ start: Int, _ end: Int) -> Bool {
            let sentence = sentenceRange(of: start)
            func verbAt(_ k: Int) -> Bool {
                k < sentence.upperBound && layer.tokens[k].kind == .word && !isCapitalizedWord(k) && !isIn(.notAfterSubject, k)
            }
            if start == sentence.lowerBound || verbAt(end) { return true }
            // After a dateline ("London: Ruiz met ..."): the sentence's first name.
            if start > sentence.lowerBound + 1 && isCharacter(start - 1, UInt8(ascii: ":"))
                && (sentence.lowerBound..<(start - 1)).allSatisfy({ isCapitalizedWord($0) || isCharacter($0, UInt8(ascii: ",")) }) {
                return true
            }
            // A day between the name and its verb ("Ruiz on Thursday had talks", "Ruiz on May 5 met").
            var past = end
            if past + 1 < sentence.upperBound && ["on", "last", "this", "early", "late"].contains(key(past)) && isDateWord(past + 1) { past += 2 }
            else if past < sentence.upperBound && (isDateWord(past) || ["yesterday", "today"].contains(key(past))) { past += 1 }
            while past < sentence.upperBound && layer.tokens[past].kind == .number { past += 1 }
            if past > end && verbAt(past) { return true }
            guard end < sentence.upperBound && isCharacter(end, UInt8(ascii: ",")) else { return false }
            // A name set off by commas after its post, then the verb: "The president of Peru, Ana
            // Ruiz, is in Lima", "Our Prime Minister, the Honourable Ana Ruiz, greatly appreciated"
            // (a comma in the phrase or among the three tokens before it; not a name before an
            // attribution: "..., said Ana Ruiz").
            if verbAt(end + 1) && !isIn(.speechVerb, end + 1)
                && (max(sentence.lowerBound, start - 3)..<end).contains(where: { isCharacter($0, UInt8(ascii: ",")) }) {
                return true
            }
            var k = end + 1
            while k < min(sentence.upperBound, end + 16) && !isCharacter(k, UInt8(ascii: ",")) { k += 1 }
            return k < min(sentence.upperBound, end + 16) && verbAt(k + 1)
        }
        // The pronouns, among the positions the lexicon matcher noted.
        let pronounBits = wordClasses[WordClass.pronoun.rawValue]
        let pronouns = referencePositions.filter { pronounBits.contains(Int(layer.tokens[$0].key)) && owner[$0] < 0 }
        guard !pronouns.isEmpty else { return }
        var named: [Person] = []
        // Per person, the gender a word before a mention gives; nil when none does or two disagree.
        var gender: [EntityIndex: Bool?] = [:]
        for m in result.mentions {
            guard let e = m.entity, result.entities[e].type == .person else { continue }
            if let female = isFemale(before: m.firstToken) {
                if let known = gender[e] { if known != female { gender[e] = .some(nil) } } else { gender[e] = female }
            }
            guard m.endToken >= layer.tokens.count || !isPossessive(m.endToken) else {
                // A possessor opening its sentence, of a journey or the craft it is made in
                // ("Ruto's plane touched down ... . When he disembarked"), is the one it tells of.
                if (m.titleStart ?? m.firstToken) == sentenceRange(of: m.firstToken).lowerBound, possessesJourney(after: m.endToken + 1) {
                    named.append((m.firstToken, e, true))
                }
                continue
            }
            named.append((m.firstToken, e, isSubject(m.titleStart ?? m.firstToken, m.endToken)))
        }
        guard !named.isEmpty else { return }
        named.sort { $0.token < $1.token }
        // Titles that name no one ("thanked the Secretary-General for his visit"): a pronoun after
        // one may be that post's holder, so it takes no antecedent from before the title.
        var titled = Set<Int>()
        for m in result.mentions { if let t = m.titleStart { titled.insert(t) } }
        var bareTitles: [Int] = []
        for t in result.titles where t.firstToken > 0 && !covered(t.firstToken) && !titled.contains(t.firstToken)
            && !(t.endToken < layer.tokens.count && mention(startingAt: t.endToken).map { $0.entity.map { result.entities[$0].type == .person } == true } == true) {
            // A post in its own right ("the Secretary-General"), not in apposition to a name
            // ("Ahidjo, the President of Cameroon, during his visit").
            let article = t.firstToken - 1
            guard ["the", "our", "your", "my"].contains(key(article)) else { continue }
            if article > 0 && key(article - 1) == "," && mention(endingAt: article - 1) != nil { continue }
            bareTitles.append(t.firstToken)
        }
        bareTitles.sort()
        func bareTitle(between a: Int, and b: Int) -> Bool {
            var lo = 0, hi = bareTitles.count
            while lo < hi { let mid = (lo + hi) / 2; if bareTitles[mid] <= a { lo = mid + 1 } else { hi = mid } }
            return lo < bareTitles.count && bareTitles[lo] < b
        }
        var resolved: [Person] = []
        // The possessive pronouns resolved so far, in text order.
        var possessives: [Person] = []
        // The people named or referred to in `range`, in text order (pronouns read so far included).
        func people(in range: Range<Int>) -> [Person] {
            func slice(_ list: [Person]) -> ArraySlice<Person> {
                var lo = 0, hi = list.count
                while lo < hi { let mid = (lo + hi) / 2; if list[mid].token < range.lowerBound { lo = mid + 1 } else { hi = mid } }
                var end = lo
                while end < list.count && list[end].token < range.upperBound { end += 1 }
                return list[lo..<end]
            }
            let fromPronouns = slice(resolved)
            if fromPronouns.isEmpty { return Array(slice(named)) }
            return (slice(named) + fromPronouns).sorted { $0.token < $1.token }
        }
        // Pronouns are no cue words (`cuePositions`): too common for every pass to walk them.
        for i in pronouns {
            let word = key(i)
            // "his", and "her" before a word that makes it no object ("her visit"): a possessive.
            // ("His Majesty", "Her Excellency" are a form of address, no pronoun.)
            if i + 1 < layer.tokens.count && isAddress(pronounAt: i) { continue }
            let possessive = word == "his" || (word == "her" && i + 1 < layer.tokens.count
                && layer.tokens[i + 1].kind == .word && !Self.afterObjectHer.contains(key(i + 1)))
            let object = !possessive && (word == "him" || word == "her")
            let sentence = sentenceRange(of: i)
            // The sentence looked at, at most `pronounReach` tokens before the pronoun: a sentence
            // of thousands of tokens (a list of lines with no stop) costs each pronoun no more.
            let start = max(sentence.lowerBound, i - Self.pronounReach)
            // Inside a quotation ("\"He visited Rome,\" Ruiz said") the speaker may mean anyone:
            // a pronoun after an odd number of quotation marks in its sentence stays unresolved.
            var quotes = 0
            for k in start..<i where isQuotationMark(k) { quotes += 1 }
            if quotes % 2 == 1 { continue }
            let before = people(in: start..<i)
            var previous: [Person] = []
            if start == sentence.lowerBound && sentence.lowerBound > 0 {
                let last = sentenceRange(of: sentence.lowerBound - 1)
                previous = people(in: last.lowerBound..<min(last.upperBound, last.lowerBound + Self.pronounReach))
                // A sentence between that names no one but by a possessive pronoun ("Ruiz arrived
                // in Lima. His visit is the first in years. He was received by ..."): its owner.
                if previous.isEmpty, let owner = possessives.first(where: { last.contains($0.token) }) {
                    previous = [(owner.token, owner.entity, true)]
                }
            }
            let female = word == "she" || word == "her"
            // "Dorr, with whom she met": a pronoun in a relative clause is not the person the
            // clause is about.
            var about: EntityIndex?
            if i > 2 && key(i - 1) == "whom" {
                let comma = layer.tokens[i - 2].kind == .word ? i - 3 : i - 2
                if comma > 0 && isCharacter(comma, UInt8(ascii: ",")), let m = mention(endingAt: comma) { about = m.entity }
            }
            func agrees(_ p: Person) -> Bool { p.entity != about && (gender[p.entity] ?? nil).map { $0 == female } ?? true }
            let antecedent: Person?
            if possessive {
                // The nearest person before it in the sentence ("Ruto welcomed Dorr on his visit":
                // Dorr), else the first subject of the sentence before. Before a trip's noun, one
                // named after "with" or "to" is the traveller's company, not the traveller: the
                // subject before is ("Ruiz met with Dorr in Lima during his visit to Peru",
                // "Ruiz proposed to Dorr to explain the results of his visit").
                var nearest = before.last(where: agrees)
                if let n = nearest, !n.subject, (i + 1..<min(sentence.upperBound, i + 5)).contains(where: { Self.tripNouns.contains(key($0)) }) {
                    var k = n.token
                    if let m = mention(startingAt: n.token), let t = m.titleStart { k = t }
                    while k > start, let c = mention(endingAt: k), !c.candidates.isEmpty,
                          c.candidates.allSatisfy({ result.entities[$0].type == .country }) { k = c.firstToken }
                    while k > start && (isHonorific(k - 1) || key(k - 1) == "the") { k -= 1 }
                    // (Not after a verb of going together: "travelled with Dorr on his trip".)
                    if k > start && ["with", "to"].contains(key(k - 1)) && !(k - 1 > start && Self.togetherVerbs.contains(key(k - 2))),
                       let subject = before.last(where: { $0.subject && $0.token < n.token && agrees($0) }) {
                        nearest = subject
                    }
                }
                // A trip to the country the one found serves is another's: in "Ruiz (Peru's
                // minister) held talks with Dorr during his visit to Peru" the visitor is Dorr,
                // the nearest other person of the sentence known to serve another country.
                if let n = nearest, let destination = tripDestination(after: i, in: sentence),
                   result.entities[n.entity].country == destination,
                   let other = before.last(where: { p in
                       p.entity != n.entity && agrees(p) && result.entities[p.entity].country.map { $0 != destination } == true
                   }) {
                    nearest = other
                }
                antecedent = nearest ?? previous.first { $0.subject && agrees($0) }
            } else if !object {
                antecedent = before.last { $0.subject && agrees($0) } ?? previous.first { $0.subject && agrees($0) }
            } else {
                // The subject: the nearest person, and those listed with them ("A, B and C
                // accompanied him" is none of the three).
                var subjects = Set<EntityIndex>()
                if let nearest = before.last {
                    subjects.insert(nearest.entity)
                    if let m = mention(startingAt: nearest.token) { subjects.formUnion(peopleListed(before: m.endToken, in: sentence)) }
                }
                antecedent = before.first { !subjects.contains($0.entity) && agrees($0) } ?? previous.first { !subjects.contains($0.entity) && agrees($0) }
            }
            guard let antecedent, !bareTitle(between: antecedent.token, and: i) else { continue }
            add(EntityMention(candidates: [antecedent.entity], aliasKind: .pronoun, firstToken: i, endToken: i + 1,
                              byteStart: 0, byteEnd: 0, source: .coreference, isPossessivePronoun: possessive))
            // A possessive is no subject for a later pronoun (but see `possessives`).
            if !possessive { resolved.append((i, antecedent.entity, isSubject(i, i + 1))) } else { possessives.append((i, antecedent.entity, false)) }
        }
    }

    /// The country of a trip told right after a possessive pronoun at `i`: "his visit to Peru",
    /// "her two-day state visit to Lima" (a capital standing for its country); nil when the
    /// words after it name no trip to a country.
    func tripDestination(after i: Int, in sentence: Range<Int>) -> String? {
        var k = i + 1
        let end = min(sentence.upperBound, i + 5)
        while k < end && !Self.tripNouns.contains(key(k)) { k += 1 }
        guard k + 2 < sentence.upperBound, k < end, ["to", "in"].contains(key(k + 1)) else { return nil }
        return mentionCountry(k + 2)
    }

    /// Verbs of going along with someone, before "with" ("travelled with Dorr on his trip").
    static let togetherVerbs: Set<String> = ["travelled", "traveled", "travels", "flew", "came", "went", "arrived", "along", "together"]
    /// Nouns of a trip after a possessive pronoun ("his visit", "her two-day trip").
    static let tripNouns: Set<String> = ["visit", "visits", "trip", "tour", "stay", "arrival", "journey"]

    /// How far back in its sentence, and into the sentence before, a pronoun looks (tokens).
    static let pronounReach = 200

    /// Whether "his", "her" or "their" at `i` opens a form of address, not a possessive: before
    /// an address word in capitals ("His Majesty", "Her Royal Highness"), or before one that is
    /// no common noun in lower case too ("his excellency"; not "in her honour").
    func isAddress(pronounAt i: Int) -> Bool {
        guard i + 1 < layer.tokens.count, ["his", "her", "their"].contains(key(i)) else { return false }
        let next = key(i + 1)
        return Self.addressWords.contains(next) && (isCapitalizedWord(i + 1) || Self.lowerCaseAddressWords.contains(next))
    }
    static let lowerCaseAddressWords: Set<String> = ["excellency", "majesty", "highness", "eminence"]

    /// Words after "His" or "Her" in a form of address ("His Majesty").
    static let addressWords: Set<String> = ["majesty", "highness", "excellency", "holiness", "royal", "eminence", "honour", "honor", "grace"]

    /// Whether token `i` is a quotation mark: '"', '“', '”' (read from the text's bytes).
    func isQuotationMark(_ i: Int) -> Bool {
        let t = layer.tokens[i]
        let n = Int(t.end - t.start), s = Int(t.start)
        if n == 1 { return text[s] == UInt8(ascii: "\"") }
        return n == 3 && text[s] == 0xE2 && text[s + 1] == 0x80 && (text[s + 2] == 0x9C || text[s + 2] == 0x9D)
    }

    static let femaleWords: Set<String> = [
        "ms", "ms.", "mrs", "mrs.", "madam", "madame", "mme", "mme.", "queen", "princess", "lady", "dame", "sheikha",
        "wife", "daughter", "sister", "mother", "widow",
    ]
    static let maleWords: Set<String> = [
        "mr", "mr.", "sir", "king", "prince", "sheikh", "emir", "amir", "sultan", "lord", "husband", "son", "brother", "father",
    ]

    /// Whether the words right before a person's name at `token` say a woman (true: "Ms", "Queen",
    /// "his wife,") or a man (false: "Mr", "King", "her husband"): read back over honorifics,
    /// titles, commas and "his", "her", "their", to the first such word; nil when none is there
    /// ("the wife of President Ruiz" says nothing of Ruiz).
    func isFemale(before token: Int) -> Bool? {
        let start = sentenceRange(of: token).lowerBound
        var k = token - 1
        while k >= start && token - k <= 6 && !covered(k) {
            if isIn(.female, k) { return true }
            if isIn(.male, k) { return false }
            guard inTitle[k] || isHonorific(k) || isCharacter(k, UInt8(ascii: ",")) || isCharacter(k, UInt8(ascii: "."))
                    || isIn(.possessiveDeterminer, k) else { return nil }
            k -= 1
        }
        return nil
    }

    // MARK: roles and ambiguity

    /// The role of lexicon entry `entry` held on the document's date, of those whose start is
    /// known: only they can say who held an office that day, so only they name a person the
    /// text does not name in full (a role with no start "holds from always" and would make its
    /// holder the one in office on every earlier day).
    func datedRoleHeld(by entry: Int) -> Role? {
        guard let date else { return nil }
        return lexicon.entries[entry].roles.first { $0.start != nil && $0.isHeld(on: date) }
    }

    /// The role of lexicon entry `entry` held on the document's date, if any.
    func roleHeld(by entry: Int) -> Role? {
        guard let date else { return nil }
        return lexicon.entries[entry].roles.first { $0.isHeld(on: date) }
    }

    /// Words of a kind of country between "the" and "country" or "nation" ("the island nation").
    static let countryKindWords: Set<String> = ["island", "landlocked", "neighbouring", "neighboring", "host", "small", "tiny",
                                                "archipelagic", "archipelago", "southern", "northern", "western", "eastern", "central"]

    /// "the country" and "the nation" where a visit's place stands ("arrived in the country on
    /// an official visit", "a visit to the country", "a visit to the East African nation"): the
    /// country of the city named last before it, in its sentence or the one before ("held talks in
    /// Tashkent with ..., who arrived in the country"), else of the country named last by its name
    /// there; with neither, in the sentence before those. Not after a country's adjective or a country in a title ("President of
    /// Turkmenistan" names the visitor's).
    mutating func findCountryReferences() {
        let count = layer.tokens.count
        let nouns = wordClasses[WordClass.countryNoun.rawValue]
        for i in referencePositions where i >= 2 && i < count && nouns.contains(Int(layer.tokens[i].key)) && !covered(i) {
            // "the nation", "the East African nation", "the island nation": up to three words of
            // a region or a kind of country between the article and the noun.
            var the = i - 1
            while the > 0 && i - the <= 3 && key(the) != "the" && !covered(the)
                    && (isCapitalizedWord(the) || Self.countryKindWords.contains(key(the))) { the -= 1 }
            guard the >= 1, key(the) == "the" else { continue }
            // A place of a visit: "in", "to", "visiting", "visited" or "toured" before it, and a
            // word of a visit in the sentence before it.
            guard ["in", "to", "visiting", "visited", "toured"].contains(key(the - 1)) else { continue }
            let sentence = sentenceRange(of: i)
            // (The preposition, "the" and the noun in one sentence: a break may fall between them.)
            guard the - 1 >= sentence.lowerBound,
                  (sentence.lowerBound..<the).contains(where: { Self.visitCueWords.contains(key($0)) }) else { continue }
            // Back over its sentence and the one before, then one more, until a country is named
            // ("... an official visit to Nigeria. The meeting was held in the State House. He was
            // received ... when he visited the country on Aug. 1").
            var city: EntityIndex?, named: EntityIndex?
            func scan(_ range: Range<Int>) {
                var k = range.upperBound - 1
                while k >= range.lowerBound && city == nil {
                    if covered(k), let m = mention(endingAt: k + 1), let e = m.entity, alpha3(ofCountry: e) != nil {
                        let inTitle = m.firstToken > 0 && (key(m.firstToken - 1) == "of" || isPossessive(m.endToken))
                        if m.aliasKind == .capital { city = e } else if named == nil && m.aliasKind != .adjective && !inTitle { named = e }
                        k = m.firstToken - 1
                        continue
                    }
                    k -= 1
                }
            }
            let from = sentence.lowerBound > 0 ? sentenceRange(of: sentence.lowerBound - 1).lowerBound : sentence.lowerBound
            scan(from..<the)
            if city == nil && named == nil && from > 0 { scan(sentenceRange(of: from - 1).lowerBound..<from) }
            guard let entity = city ?? named else { continue }
            add(EntityMention(candidates: [entity], aliasKind: .short, firstToken: the + 1, endToken: i + 1,
                              byteStart: 0, byteEnd: 0, source: .coreference))
        }
    }
    static let visitCueWords: Set<String> = ["visit", "visits", "visiting", "visited", "arrived", "arrives", "trip", "tour", "toured", "landed", "travelled", "traveled"]

    /// A shared alias resolves to the one candidate the document names unambiguously elsewhere,
    /// else to the one that held an office on the document's date, else to the one whose offices'
    /// countries the document names; otherwise all candidates stay.
    mutating func resolveAmbiguity() {
        let countries = Set(result.mentions.compactMap { m -> String? in
            guard let e = m.entity, let entry = result.entities[e].lexiconEntry, result.entities[e].type == .country else { return nil }
            return lexicon.entries[entry].codes["alpha3"]
        })
        let named = Set(result.mentions.compactMap(\.entity))
        for index in result.mentions.indices where result.mentions[index].candidates.count > 1 {
            let candidates = result.mentions[index].candidates
            // An entity the document names unambiguously elsewhere ("RAA" after the full name).
            let elsewhere = candidates.filter(named.contains)
            if elsewhere.count == 1 {
                result.mentions[index].candidates = elsewhere
                continue
            }
            let entries = candidates.map { result.entities[$0].lexiconEntry?.rawValue }
            let inOffice = candidates.indices.filter { entries[$0].flatMap(roleHeld(by:)) != nil }
            if inOffice.count == 1 {
                result.mentions[index].candidates = [candidates[inOffice[0]]]
                continue
            }
            let pool = inOffice.isEmpty ? Array(candidates.indices) : inOffice
            let local = pool.filter { i in
                guard let entry = entries[i] else { return false }
                return lexicon.entries[entry].roles.contains { $0.country.map(countries.contains) ?? false }
            }
            if local.count == 1 { result.mentions[index].candidates = [candidates[local[0]]]; continue }
            // Agreements: the one with the most parties the document names ("Reciprocal Access
            // Agreement" in a text naming Japan and the Philippines).
            let named = pool.map { i in entries[i].map { lexicon.entries[$0].parties.filter(countries.contains).count } ?? 0 }
            if let best = named.max(), best > 0, named.filter({ $0 == best }).count == 1 {
                result.mentions[index].candidates = [candidates[pool[named.firstIndex(of: best)!]]]
                continue
            }
            // A tie ("Japan and the Philippines signed the Reciprocal Access Agreement. Japan and
            // Australia signed a similar pact"): the one with the most parties its own sentence names.
            guard let best = named.max(), best > 0 else { continue }
            let sentence = sentenceRange(of: result.mentions[index].firstToken)
            let here = Set(result.mentions.compactMap { m -> String? in
                guard sentence.contains(m.firstToken), let e = m.entity, let entry = result.entities[e].lexiconEntry,
                      result.entities[e].type == .country else { return nil }
                return lexicon.entries[entry].codes["alpha3"]
            })
            let tied = pool.indices.filter { named[$0] == best }
            let inSentence = tied.map { t in entries[pool[t]].map { lexicon.entries[$0].parties.filter(here.contains).count } ?? 0 }
            if let top = inSentence.max(), top > 0, inSentence.filter({ $0 == top }).count == 1 {
                result.mentions[index].candidates = [candidates[pool[tied[inSentence.firstIndex(of: top)!]]]]
            }
        }
    }

    /// "Manchester, New Hampshire", "Paris, Texas", "Athens, Georgia": a city that a US state's
    /// name follows after a comma is that state's town, no mention of the country the city's
    /// name stands for.
    mutating func dropCitiesOfUSStates() {
        for m in result.mentions where m.aliasKind == .capital && m.endToken + 1 < layer.tokens.count && isCharacter(m.endToken, UInt8(ascii: ",")) {
            guard let e = m.entity, result.entities[e].type == .country else { continue }
            let first = m.endToken + 1
            let one = key(first)
            let two = first + 1 < layer.tokens.count ? one + " " + key(first + 1) : ""
            guard isCapitalizedWord(first), Self.usStates.contains(one) || Self.usStates.contains(two) else { continue }
            uncover(m.firstToken..<m.endToken)
        }
    }

    /// The names of the states of the United States, in lower case.
    static let usStates: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
        "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
        "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming",
    ]

    /// A lexicon agreement with parties, none of which the document names, in a document that
    /// names two countries or more: the text's own agreement of that name, not the lexicon's
    /// ("the Comprehensive Economic Partnership Agreement" that Kenya and Tanzania sign is not
    /// India and the UAE's). Its mentions become one agreement found by its form, named as the
    /// longest of them is written (and so is one of parties the document names in part, one of
    /// them joined by a hyphen to another country in a sentence that names it). So is a name that several lexicon agreements share, none of
    /// which the document's countries pick out (`resolveAmbiguity`): "the Status of Forces
    /// Agreement" that the United States and Paraguay sign is neither Japan's nor Korea's.
    mutating func detachForeignAgreements() {
        let named = namedCountries()
        guard named.count >= 2 else { return }
        func isForeign(_ e: EntityIndex) -> Bool {
            guard result.entities[e].type == .agreement, let entry = result.entities[e].lexiconEntry else { return false }
            let parties = lexicon.entries[entry].parties
            return !parties.isEmpty && !parties.contains(where: named.contains)
        }
        func isUnresolved(_ candidates: [EntityIndex]) -> Bool {
            candidates.count > 1 && candidates.allSatisfy { e in
                result.entities[e].type == .agreement && result.entities[e].lexiconEntry.map { !lexicon.entries[$0].parties.isEmpty } ?? false
            }
        }
        // So is one of parties the document names only in part, when a sentence naming it pairs
        // one of them by a hyphen with another country ("Israel-UAE negotiations on a
        // Comprehensive Economic Partnership Agreement" is no India-UAE agreement).
        var otherParty = Set<EntityIndex>()
        for m in result.mentions {
            guard let e = m.entity, result.entities[e].type == .agreement, !otherParty.contains(e),
                  let entry = result.entities[e].lexiconEntry else { continue }
            let parties = lexicon.entries[entry].parties
            guard parties.count >= 2, !parties.allSatisfy(named.contains) else { continue }
            let sentence = sentenceRange(of: m.firstToken)
            for t in sentence where t + 1 < sentence.upperBound && isCharacter(t, UInt8(ascii: "-")) && t > sentence.lowerBound {
                guard let before = mentionCountry(t - 1), let after = mentionCountry(t + 1) else { continue }
                if parties.contains(before) != parties.contains(after) { otherParty.insert(e); break }
            }
        }
        // The mentions of such agreements, longest first (the name the new entity takes).
        let foreign = result.mentions.indices.filter { index in
            let candidates = result.mentions[index].candidates
            return candidates.count == 1 ? isForeign(candidates[0]) || otherParty.contains(candidates[0]) : isUnresolved(candidates)
        }.sorted { result.mentions[$0].endToken - result.mentions[$0].firstToken > result.mentions[$1].endToken - result.mentions[$1].firstToken }
        var replacement: [[EntityIndex]: EntityIndex] = [:]
        for index in foreign {
            let m = result.mentions[index]
            let key = m.candidates.sorted()
            if replacement[key] == nil {
                let name = surface(m.firstToken..<m.endToken)
                replacement[key] = newEntity(type: .agreement, name: name, label: name)
            }
            result.mentions[index].candidates = [replacement[key]!]
            result.mentions[index].source = .pattern
        }
    }

    /// People from a lexicon that the text gives no office take the one they held on the date;
    /// those the text gives an office without a country take that role's country, else the one
    /// country the lexicon ties them to (`homeCountry(of:office:)`).
    mutating func assignOffices() {
        for index in result.entities.layerIndices {
            guard let entry = result.entities[index].lexiconEntry?.rawValue else { continue }
            guard let role = roleHeld(by: entry) else {
                // No office that day (a date the roles do not cover, or none known): a title
                // the text gives still takes the country the person serves, unless it reads as
                // an organisation's post.
                if let office = result.entities[index].office, result.entities[index].country == nil,
                   !officesOfOrganisations.contains(index) {
                    result.entities[index].country = homeCountry(of: entry, office: office)
                }
                continue
            }
            if result.entities[index].office == nil {
                // No title in the text: the office held that day.
                result.entities[index].office = role.office
                result.entities[index].country = role.country
            } else if result.entities[index].country == nil {
                // A title without a country before it: the country of that office, if the
                // lexicon has the person holding it that day.
                // Else, when every role held that day is of one country, that country ("President
                // Ferdinand Marcos Jr.", whose roles are Head of State and of Government).
                let office = result.entities[index].office
                let held = lexicon.entries[entry].roles.filter { role in date.map(role.isHeld) ?? false }
                let countries = Set(held.compactMap(\.country))
                result.entities[index].country = held.first { $0.office == office }?.country
                    ?? (countries.count == 1 ? countries.first : nil)
            }
        }
    }

    /// The dateline's country ("SEOUL, May 5 (Yonhap) -", "BANGKOK:", "LONDON/SEOUL,"): a country
    /// mention (a capital standing for one) opening one of the document's first three sentences,
    /// then ",", ":", "-", "(" or "[" (in capitals; else a comma only before a month or the
    /// city's own country and a dash, "Nairobi, Kenya -", a bracket only around an agency's
    /// name, "Jakarta (ANTARA) -"); of
    /// "A/B", the second (its home, but no place of its events: two places name neither). A title with no country before it and
    /// no other source of one ("Foreign Minister Chung Eui-yong") is of that country: the
    /// domestic officials of a report go untitled by country.
    mutating func assignDatelineCountry() {
        guard layer.sentences.count > 0 else { return }
        var code: String?, datelineEnd = 0
        // "LONDON/SEOUL,": a report filed from two places places its events in neither.
        var twoPlaceLine: (String, Int)?
        // In the first three sentences, or after more lines of a page's head (a headline, a
        // date, a source: "Albright's visit ...", "19th November 1997", "Hindustan Times", then
        // "New Delhi: ..."), up to the sixth while each line before is short.
        for s in 0..<min(6, layer.sentences.count) where code == nil {
            if s >= 3 && layer.sentences[s - 1].tokenRange.count > 12 { break }
            let start = Int(layer.sentences[s].firstToken), end = Int(layer.sentences[s].endToken)
            var k = start
            // " date 2023-09-02 BANGKOK:" and the like: past a stamp of a few tokens.
            while k < min(end, start + 6), !(covered(k) && mentionCountry(k) != nil) { k += 1 }
            guard k < end, covered(k), let m = mention(startingAt: k), let c = mentionCountry(k) else { continue }
            var after = m.endToken
            var found = c
            var pair = false
            if after + 1 < end && isCharacter(after, UInt8(ascii: "/")) && covered(after + 1), let m2 = mention(startingAt: after + 1), let c2 = mentionCountry(after + 1) {
                pair = c2 != c
                found = c2; after = m2.endToken
            }
            guard after < end, [",", ":", "-", "(", "["].contains(key(after)) || isDash(after) else { continue }
            // A dash set off by spaces ("SEOUL - "), not a hyphen ("China-US trade talks").
            if key(after) == "-" || isDash(after) {
                guard layer.tokens[after].start > layer.tokens[after - 1].end else { continue }
            }
            // Written in capitals, three letters or more ("US, China agree" is a headline); or the
            // sentence's first word, then ":", a dash, a bracket ("Islamabad:", "Georgetown
            // [Guyana],") or a comma and a month ("Lima, May 5"): "Cameroon, which maintains ..."
            // and "Japan (and Korea)" open sentences, not reports.
            let first = layer.tokens[k]
            if !(first.shape.contains(.allCaps) && first.end - first.start >= 3) {
                // The first word, or the first after a stamp ("date 2024-11-20 Georgetown [Guyana],").
                let stamped = (start..<k).allSatisfy { key($0) == "date" || layer.tokens[$0].kind != .word }
                guard stamped else { continue }
                // "Jakarta (ANTARA) -": an agency's name in brackets, then a dash or a colon.
                if key(after) == "(" {
                    guard after + 3 < end, layer.tokens[after + 1].kind == .word, isCapitalizedWord(after + 1), key(after + 2) == ")",
                          key(after + 3) == "-" || key(after + 3) == ":" || isDash(after + 3) else { continue }
                }
                // "Lima, May 5", "Lima, 30 May", "Nairobi, Kenya -": a month (or a day and a month),
                // or the city's own country and a dash or colon.
                // ("Lima, 30 May 2019": the day before the month too.)
                if key(after) == "," && !(after + 1 < end && isDateWord(after + 1))
                    && !(after + 2 < end && layer.tokens[after + 1].kind == .number && isDateWord(after + 2)) {
                    guard after + 1 < end, let m2 = mention(startingAt: after + 1), mentionCountry(after + 1) == found, m2.endToken < end,
                          key(m2.endToken) == "-" || key(m2.endToken) == ":" || isDash(m2.endToken) else { continue }
                    after = m2.endToken
                }
            }
            // A pair ("Peru/Chile:" in a headline) gives way to a single place in a line after it.
            if pair {
                if twoPlaceLine == nil { twoPlaceLine = (found, after) }
                continue
            }
            code = found
            datelineEnd = after
        }
        if let code {
            result.datelineCountry = code
            assignHomeCountry(code, after: datelineEnd)
        } else if let (home, end) = twoPlaceLine {
            assignHomeCountry(home, after: end)
        } else if let home = homeOfBareTitledLeaders() {
            assignHomeCountry(home, after: 0, inferred: true)
        }
    }

    /// With no dateline, the country a report calls home: that of the heads of state or
    /// government it names by a bare title ("Prime Minister Mark Carney", "President Ruto"; no
    /// country word before the title nor "of" and a country after the name), whose country the
    /// lexicon gives, when every such head is of that one country. A report names its own
    /// leaders so; a foreign one it names with their country ("Mexican President X"). The
    /// text must name that country too.
    func homeOfBareTitledLeaders() -> String? {
        var home: String?
        for m in result.mentions {
            guard let e = m.entity, result.entities[e].type == .person, result.entities[e].lexiconEntry != nil,
                  let office = result.entities[e].office, Self.isHeadOffice(office), !Self.monarchOffices.contains(office),
                  let t = m.titleStart, let code = result.entities[e].country else { continue }
            if country(before: t) != nil || (t..<m.firstToken).contains(where: { mentionCountry($0) != nil }) { continue }
            if m.endToken + 1 < layer.tokens.count, key(m.endToken) == "of", let c = mention(startingAt: m.endToken + 1), let ce = c.entity,
               result.entities[ce].type == .country { continue }
            if let home, home != code { return nil }
            home = code
        }
        // A home the text names too ("Canada's ministers"): a foreign leader named in passing
        // ("President Putin had phoned"), whose country the text does not name, makes none.
        guard let home, result.mentions.contains(where: { $0.entity.map { alpha3(ofCountry: $0) == home } ?? false }) else { return nil }
        return home
    }

    /// A title with no country before it and no other source of one, in a report whose home
    /// is `code` (its dateline's country, or `homeOfBareTitledLeaders`), is that country's: the
    /// domestic officials of a report go untitled by country. `datelineEnd`: the token after the
    /// dateline, 0 with none. A home `inferred` from the leaders, not stated by a dateline,
    /// gives no head of state or government, no envoy and no military rank (a speech names
    /// foreign ones by a bare title too), and only to a person whose sentence names no other country.
    mutating func assignHomeCountry(_ code: String, after datelineEnd: Int, inferred: Bool = false) {
        var candidates: Set<EntityIndex> = []
        for index in result.entities.layerIndices where result.entities[index].type == .person {
            guard let office = result.entities[index].office, result.entities[index].country == nil,
                  !officesOfOrganisations.contains(index) else { continue }
            if inferred && (Self.isHeadOffice(office) || RelationBuilder.isEnvoy(office) || Self.styleTitles.contains(office.lowercased())) { continue }
            // A head of state or government only when the lexicon does not know them: a famous
            // foreign leader goes untitled by country as often as one at home ("President Obama"),
            // a president or prime minister of no renown rarely. Never a monarch ("King Salman"
            // under an Amman dateline): a monarch's title names no country in any report.
            if Self.isHeadOffice(office),
               result.entities[index].lexiconEntry != nil || Self.monarchOffices.contains(office) { continue }
            if let entry = result.entities[index].lexiconEntry, !lexicon.entries[entry].roles.isEmpty { continue }
            candidates.insert(index)
        }
        // A head of state or government, only when the text names no other head of the
        // dateline's country ("NAIROBI - President X met President Y of Kenya": X is the visitor)
        // and no other head of the same post would take it ("NAIROBI - President X and President
        // Y attended"; a president and a prime minister may both be the host's).
        let heads = candidates.filter { Self.isHeadOffice(result.entities[$0].office ?? "") }
        if !heads.isEmpty && result.entities.contains(where: {
            $0.type == .person && $0.country == code && $0.office.map(Self.isHeadOffice) == true }) {
            candidates.subtract(heads)
        } else {
            // One post, whatever its title: "President" and "Head of State" are one.
            let post = heads.map { e in result.entities[e].office.map { Self.officeClasses[$0] ?? $0 } ?? "" }
            var holders: [String: Int] = [:]
            for p in post { holders[p, default: 0] += 1 }
            for (e, p) in zip(heads, post) where holders[p]! > 1 { candidates.remove(e) }
        }
        guard !candidates.isEmpty else { return }
        // Not a visitor: someone named in a sentence of a visit ("Foreign Minister X concluded
        // his visit to Kenya" under "NAIROBI:"), unless the visit goes to another country
        // ("ISLAMABAD: Foreign Minister X ... during his visit to Saudi Arabia": the dateline's
        // own official abroad).
        // Nor one whose title names a country the title's reading missed ("Deputy Prime Minister of
        // Qatar and Minister of State X").
        var visits: [Int: Bool] = [:], abroad: [Int: Bool] = [:]  // by sentence (its first token)
        for m in result.mentions {
            guard let e = m.entity, candidates.contains(e) else { continue }
            let sentence = sentenceRange(of: m.firstToken)
            if tellsOfVisit(sentence, &visits) {
                if abroad[sentence.lowerBound] == nil { abroad[sentence.lowerBound] = sendsVisitAbroad(sentence, from: code, after: datelineEnd) }
                if !abroad[sentence.lowerBound]! { candidates.remove(e); continue }
            }
            // Nor a side of a signing whose sentence names a country past the dateline ("signed
            // between Minister of Water X and South Korea's Minister Y" under "SEOUL", "X signing
            // for Samoa" under "NUKUALOFA"): either side may be the guest. ("APIA - X signed a
            // decree" keeps it.)
            if sentence.contains(where: { Self.signingWords.contains(key($0)) })
                && (min(max(sentence.lowerBound, datelineEnd), sentence.upperBound)..<sentence.upperBound).contains(where: { mentionCountry($0) != nil }) {
                candidates.remove(e)
                continue
            }
            let t = m.titleStart ?? m.firstToken
            if (max(sentence.lowerBound, t - 4, datelineEnd)..<max(m.firstToken, datelineEnd)).contains(where: { mentionCountry($0) != nil })
                || (inferred && sentence.contains(where: { mentionCountry($0).map { $0 != code } ?? false })) {
                candidates.remove(e)
                continue
            }
            // Nor someone's aide ("his spokeswoman X": the post is of the one "his" names), nor a
            // post of another time ("former antiquities minister X", "the previous foreign
            // minister, X").
            if let start = m.titleStart, start > sentence.lowerBound,
               isIn(.possessiveDeterminer, start - 1) || isIn(.possessiveDeterminer, start)
                || (max(sentence.lowerBound, start - 3)..<start).contains(where: { (Self.otherTimes.contains(key($0)) && key($0) != "first") || key($0) == "shadow" }) {
                candidates.remove(e)
            }
        }
        for index in candidates { result.entities[index].country = code }
    }
    /// "Ana Ruiz, the Foreign Office spokeswoman, said", "Ana Ruiz, the court's chief justice,
    /// told": a post of a state's body in apposition after a name, ending the apposition (a comma,
    /// a period or a verb of saying after it), is the person's office when they have none, with the country
    /// the words before the title give, if any; so that a dateline gives one to a post the text
    /// names no country for, as it does to a title before a name. Not a post of another time
    /// ("Ana Ruiz, the former foreign minister,") nor one with words of its own after it ("the
    /// chief justice who ...").
    mutating func assignAppositiveOffices() {
        for title in result.titles {
            let sentence = sentenceRange(of: title.firstToken)
            let end = title.endToken
            guard end < sentence.upperBound, mention(startingAt: end) == nil,
                  isCharacter(end, UInt8(ascii: ",")) || isCharacter(end, UInt8(ascii: ".")) || isIn(.speechVerb, end) else { continue }
            // Back over the institution's words and a possessive institution ("the court's").
            var k = title.firstToken
            while k > sentence.lowerBound, !covered(k - 1), isCapitalizedWord(k - 1), isIn(.officeDomain, k - 1) || isIn(.institution, k - 1) { k -= 1 }
            if k == title.firstToken, k - 2 > sentence.lowerBound, isPossessive(k - 1), isStateBody(k - 2) { k -= 2 }
            // Only a state's body names the post's kind; a bare title ("X, the Secretary-General,")
            // may be anyone's.
            guard k < title.firstToken, (k..<title.firstToken).contains(where: isStateBody) else { continue }
            if k > sentence.lowerBound, key(k - 1) == "the" { k -= 1 }
            guard k - 1 > sentence.lowerBound, isCharacter(k - 1, UInt8(ascii: ",")), let m = mention(endingAt: k - 1), let e = m.entity,
                  result.entities[e].type == .person, result.entities[e].office == nil,
                  // Not a head's title ("the court's president" may be an international court's).
                  !Self.isHeadOffice(title.office) else { continue }
            setOffice(e, title.office, before: title.firstToken)
        }
    }
    /// Whether the word at `k` names a body of a state at home: an institution's word ("the
    /// Foreign Ministry", "the ministry's") but an embassy or a mission (a foreign state's,
    /// where the dateline is), or a court or the state itself ("the court's chief justice";
    /// not "the party's president").
    func isStateBody(_ k: Int) -> Bool {
        (isIn(.institution, k) && !["embassy", "mission"].contains(key(k))) || Self.stateBodyWords.contains(key(k))
    }
    static let stateBodyWords: Set<String> = ["court", "country", "nation", "kingdom"]

    /// Whether `office` heads a state or a government: its class, or a title of one the classes
    /// do not list ("Premier", "Amir", "Crown Prince"; a deputy's is none).
    static func isHeadOffice(_ office: String) -> Bool {
        officeClasses[office].map { $0.hasPrefix("head") } ?? false || ["Amir", "Premier", "Crown Prince"].contains(office)
    }
    /// Whether `sentence` holds a word of a visit, an arrival or a delegation (`visitWords`),
    /// decided once per sentence through `known` (by the sentence's first token).
    func tellsOfVisit(_ sentence: Range<Int>, _ known: inout [Int: Bool]) -> Bool {
        if let answer = known[sentence.lowerBound] { return answer }
        let answer = sentence.contains { Self.visitWords.contains(key($0)) }
        known[sentence.lowerBound] = answer
        return answer
    }
    /// Whether a sentence of a visit sends it to a country other than the dateline's `code`: a
    /// country or one of its cities right after a word of the visit and "to", "in" or "of" (and
    /// "the"): "during his visit to Saudi Arabia", "arrived in Riyadh"; with no mention of the
    /// dateline's country (or a city of it) past the dateline, and no "here", which would make
    /// it the visit's place.
    func sendsVisitAbroad(_ sentence: Range<Int>, from code: String, after datelineEnd: Int) -> Bool {
        var abroad = false
        // (A dateline may end past this sentence: none of it comes after the dateline then.)
        let from = max(sentence.lowerBound, datelineEnd)
        guard from < sentence.upperBound else { return false }
        for k in from..<sentence.upperBound {
            let word = key(k)
            if word == "here" { return false }
            if let c = mentionCountry(k), c == code { return false }
            // The visit's own destination: "to", "in" or "of" (and "the") right after a word of
            // the visit ("his visit to Saudi Arabia", "arrived in Riyadh", "a tour of Kenya"), not
            // a place told elsewhere in the sentence ("after attending a summit in China").
            guard Self.visitWords.contains(word), k + 1 < sentence.upperBound, ["to", "in", "of"].contains(key(k + 1)) else { continue }
            var n = k + 2
            if n < sentence.upperBound && key(n) == "the" { n += 1 }
            if n < sentence.upperBound, let m = mention(startingAt: n), let e = m.entity, let c = alpha3(ofCountry: e), c != code { abroad = true }
        }
        return abroad
    }

    /// Words of a signing (whose sides a dateline does not tell apart), and of a ratification.
    static let signingWords: Set<String> = ["sign", "signs", "signed", "signing", "ink", "inks", "inked"]
    static let ratifyingWords: Set<String> = ["ratify", "ratifies", "ratified"]
    static let visitWords: Set<String> = [
        "visit", "visits", "visited", "visiting", "arrived", "arrives", "arrival", "landed", "trip", "tour", "delegation",
        "accompanied", "accompanying", "left", "departed",
    ]

    /// The ISO alpha-3 code of the country mention covering token `k`, if one does.
    func mentionCountry(_ k: Int) -> String? {
        guard covered(k), let e = result.mentions[Int(owner[k])].entity else { return nil }
        return alpha3(ofCountry: e)
    }

    /// The ISO alpha-3 code of entity `e` when it is a lexicon country.
    func alpha3(ofCountry e: EntityIndex) -> String? {
        guard result.entities[e].type == .country, let entry = result.entities[e].lexiconEntry else { return nil }
        return lexicon.entries[entry].codes["alpha3"]
    }

    /// "the Kenyan leader", "Kenya's leader" with no name after it: the one person the document
    /// names heading that country's state or government (source `coreference`); with two (a
    /// president and a prime minister) or none, no one. Looked at once offices are assigned.
    /// With a name after it, a title for the lexicon's head of that country.
    mutating func resolveLeaderDescriptions() {
        var byCountry: [String: EntityIndex?] = [:]  // per country, the one head named, or nil for two
        for i in cuePositions where key(i) == "leader" && !covered(i) && i > 0 {
            guard let m = mention(endingAt: i) ?? (isPossessive(i - 1) ? mention(endingAt: i - 1) : nil),
                  let code = mentionCountry(m.firstToken) else { continue }
            let possessive = m.endToken < i
            // "the Ghanaian leader Nana Akufo-Addo", "Ghana's leader X" (with "the" or not): the
            // country's leader as a title, for a lexicon person heading that country's state or
            // government on the document's date (the lexicon, not the word, says which post:
            // "Ugandan rebel leader X" or "opposition leader X" put a word between).
            if i + 1 < layer.tokens.count && isCapitalizedWord(i + 1) {
                if let named = mention(startingAt: i + 1), named.titleStart == nil, let p = named.entity,
                   let entry = result.entities[p].lexiconEntry?.rawValue, let role = roleHeld(by: entry),
                   role.country == code, Self.isHeadOffice(role.office) {
                    result.titles.append(TitleMention(firstToken: i, endToken: i + 1, office: role.office))
                    result.mentions[Int(owner[i + 1])].titleStart = m.firstToken
                }
                continue
            }
            guard possessive || (m.firstToken > 0 && key(m.firstToken - 1) == "the") else { continue }
            if byCountry[code] == nil {
                var found: EntityIndex?, two = false
                for (index, e) in zip(result.entities.layerIndices, result.entities) where e.type == .person && e.country == code {
                    guard let o = e.office, Self.isHeadOffice(o) else { continue }
                    if found == nil { found = index } else if found != index { two = true }
                }
                byCountry[code] = two ? .some(nil) : .some(found)
            }
            guard let entity = byCountry[code] ?? nil else { continue }
            add(EntityMention(candidates: [entity], aliasKind: .description, firstToken: i, endToken: i + 1,
                              byteStart: 0, byteEnd: 0, source: .coreference, titleStart: m.firstToken))
        }
    }

    /// The country a lexicon person titled `office` serves: the one country of their offices at
    /// any date, of the same class for a head of state's or government's title; for people
    /// listed with no offices, the country the entry says they serve ("country"), but not as a
    /// head of state or government, whom the lexicon lists with their offices. Nil when that is
    /// two countries or none: "President Ana Ruiz", whose offices were a prime minister's, is no
    /// president of that country (but of the European Council, say).
    func homeCountry(of entry: Int, office: String) -> String? {
        let e = lexicon.entries[entry]
        let cls = Self.officeClasses[office]
        let head = cls == "head of state" || cls == "head of government"
        guard !e.roles.isEmpty else { return head ? nil : e.country }
        let roles = head ? e.roles.filter { Self.officeClasses[$0.office] == cls } : e.roles
        let countries = Set(roles.compactMap(\.country))
        return countries.count == 1 ? countries.first : nil
    }

    // MARK: helpers

    func word(_ i: Int) -> String {
        String(decoding: text[layer.tokens[i].byteRange], as: UTF8.self)
    }

    func key(_ i: Int) -> String { vocabulary.key(layer.tokens[i].key) }

    /// The keys of tokens `range`, joined by spaces (short ranges only: a prefix, a phrase).
    func keys(_ range: Range<Int>) -> String { range.map { key($0) }.joined(separator: " ") }

    func isCapitalizedWord(_ i: Int) -> Bool {
        let t = layer.tokens[i]
        return t.kind == .word && t.shape.contains(.capitalized)
    }

    func sentenceRange(of token: Int) -> Range<Int> { layer.sentenceRange(containing: token) }

    mutating func entity(ofEntry entry: Int) -> EntityIndex {
        if let index = entityOfEntry[entry] { return index }
        let e = lexicon.entries[entry], index = result.entities.nextIndex
        result.entities.append(DocumentEntity(id: e.id, type: e.type, name: e.name, label: e.label, lexiconEntry: LexiconEntryIndex(entry)))
        entityOfEntry[entry] = index
        if entityByID[e.id] == nil { entityByID[e.id] = index }
        return index
    }

    mutating func newEntity(type: EntityType, name: String, label: String) -> EntityIndex {
        let id = type.rawValue + ":" + slug(name)
        if let index = entityByID[id] { return index }
        let index = result.entities.nextIndex
        result.entities.append(DocumentEntity(id: id, type: type, name: name, label: label))
        entityByID[id] = index
        return index
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// A word list tested per token, made once (a literal array would be built per call).
    static let leadingDeterminers = ["the", "a", "an", "this", "that"]

    func slug(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same for ASCII, on bytes: letters lower-cased, digits kept, runs of anything
            // else one dash, none at either end.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var dash = false
            for b in name.utf8 {
                if Self.isASCIIAlphanumeric(b) {
                    bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    dash = false
                } else if !dash && !bytes.isEmpty {
                    bytes.append(UInt8(ascii: "-"))
                    dash = true
                }
            }
            if dash { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var dash = false
        // Folded like labels, so slugs are ASCII where the name is Latin ("emile-deveraux").
        for ch in normalizedLabel(name).unicodeScalars {
            if ch.properties.isAlphabetic || ch.properties.numericType != nil {
                out.unicodeScalars.append(ch)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        return dash ? String(out.dropLast()) : out
    }

    /// The text of tokens `range`, as a name: the space between two tokens, a line break or a
    /// run of spaces (a name wrapped across lines, "Ottawa\nConvention"), is one space.
    func surface(_ range: Range<Int>) -> String {
        let bytes = text[Int(layer.tokens[range.lowerBound].start)..<Int(layer.tokens[range.upperBound - 1].end)]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { if out.last != 0x20 { out.append(0x20) } } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func covered(_ token: Int) -> Bool { owner[token] >= 0 }

    /// The mention starting at `token`, if any.
    func mention(startingAt token: Int) -> EntityMention? {
        guard token < owner.count, owner[token] >= 0 else { return nil }
        let m = result.mentions[Int(owner[token])]
        return m.firstToken == token ? m : nil
    }

    /// The mention ending right before `token`, if any.
    func mention(endingAt token: Int) -> EntityMention? {
        guard token > 0, token - 1 < owner.count, owner[token - 1] >= 0 else { return nil }
        let m = result.mentions[Int(owner[token - 1])]
        return m.endToken == token ? m : nil
    }

    mutating func add(_ mention: EntityMention) {
        var m = mention
        m.byteStart = Int(layer.tokens[m.firstToken].start)
        m.byteEnd = Int(layer.tokens[m.endToken - 1].end)
        let index = Int32(result.mentions.count)
        for i in m.firstToken..<m.endToken { owner[i] = index }
        result.mentions.append(m)
        if let e = m.entity, result.entities[e].type == .person {
            let label = normalizedLabel(result.entities[e].label)
            if let known = personByLabel[label], known.firstToken <= m.firstToken { return }
            personByLabel[label] = (e, m.firstToken)
        }
    }

    /// Mention `index` goes on to `end` (the tokens it takes were no other mention's).
    mutating func extend(_ index: Int, to end: Int) {
        for t in result.mentions[index].endToken..<end { owner[t] = Int32(index) }
        result.mentions[index].endToken = end
        result.mentions[index].byteEnd = Int(layer.tokens[end - 1].end)
    }

    /// Drops the mentions inside `range` (a longer name found by its form wins over them). They
    /// are emptied here and removed at the end, so that indexes stay valid meanwhile.
    mutating func uncover(_ range: Range<Int>) {
        for i in range where owner[i] >= 0 {
            let index = Int(owner[i])
            let m = result.mentions[index]
            if range.contains(m.firstToken) && range.contains(m.endToken - 1) {
                for t in m.firstToken..<m.endToken { owner[t] = -1 }
                result.mentions[index].candidates = []
            }
        }
    }

    // MARK: agreements

    /// Whether the capitalized "Declaration" or "Letter" at `i` heads an agreement's name: "Joint
    /// Declaration", "Declaration of Principles", "Declaration of Intent", "Letter of Intent".
    func isAgreementDocument(_ i: Int) -> Bool {
        guard isCapitalizedWord(i) else { return false }
        let count = layer.tokens.count
        let ofWhat = i + 2 < count && key(i + 1) == "of" && isCapitalizedWord(i + 2) ? key(i + 2) : nil
        if key(i) == "letter" { return ofWhat == "intent" }
        return ofWhat == "intent" || ofWhat == "principles" || (i > 0 && key(i - 1) == "joint" && isCapitalizedWord(i - 1))
            || isSignedDeclaration(i)
    }

    /// "signed the Ulan Bator Declaration", "the Tarvo Declaration was signed by ...": a
    /// declaration named by capitalized words (joined by hyphens too: "the Peru-Chile Tarvo
    /// Declaration") before its head (a place's, a city's), not in a
    /// title-case headline, that the sentence says was signed: "signed", "signs", "inked" or
    /// "signing" (and "of the") right before the name, or "signed" within three words after it
    /// ("was signed", ", signed by"). A declaration only issued or adopted ("the Lima Declaration
    /// adopted by the summit"), or one of a subject, names no agreement.
    func isSignedDeclaration(_ i: Int) -> Bool {
        guard key(i) == "declaration", !inTitle[i], i > 0, isCapitalizedWord(i - 1) else { return false }
        let sentence = sentenceRange(of: i)
        // The head closes the name: a declaration "of" or "on" a subject is a statement of
        // principles ("the Universal Declaration of Human Rights"), not a place's signed text.
        // ("on Monday", "on behalf of" are no subject.)
        if i + 1 < sentence.upperBound && Self.agreementLinks.contains(key(i + 1))
            && !(i + 2 < sentence.upperBound && (isDateWord(i + 2) || key(i + 2) == "behalf")) { return false }
        var start = i - 1
        while start > sentence.lowerBound && i - start < 6
                && (isCapitalizedWord(start - 1) || (isCharacter(start - 1, UInt8(ascii: "-")) && start - 1 > sentence.lowerBound && isCapitalizedWord(start - 2))) {
            start -= 1
        }
        // A place's or a city's name, not a form's or a meeting's kind ("the Customs Declaration",
        // "the Final Declaration", "the Monday Declaration") nor a person's.
        for k in start..<i where Self.declarationKindWords.contains(key(k)) || isDateWord(k)
            || mention(startingAt: k).flatMap({ $0.entity }).map({ result.entities[$0].type == .person }) == true { return false }
        var before = start - 1
        if before > sentence.lowerBound && key(before) == "the" { before -= 1 }
        if before > sentence.lowerBound + 1 && key(before) == "of" && key(before - 1) == "signing" { return true }
        if before >= sentence.lowerBound && Self.declarationSigningVerbs.contains(key(before)) { return true }
        for k in (i + 1)..<min(sentence.upperBound, i + 4) where key(k) == "signed" { return true }
        return false
    }
    static let declarationSigningVerbs: Set<String> = ["signed", "signs", "sign", "inked", "inks", "ink"]
    /// Words of a declaration's kind, not of its place, in `isSignedDeclaration`.
    static let declarationKindWords: Set<String> = [
        "customs", "tax", "arrival", "departure", "income", "asset", "assets", "health", "final", "ministerial", "political",
        "leaders", "leaders'", "summit", "universal", "general", "common", "solemn", "official", "special", "presidential",
        "joint", "national", "independence", "unilateral", "written", "sworn", "statutory", "annual", "new",
    ]

    /// Agreements by the form of their names: a capitalized run ending in a head word
    /// ("Reciprocal Access Agreement", "Japan-Philippines Acquisition and Cross-Servicing
    /// Agreement"), or a head word followed by "on", "of" ... and a capitalized run ("Agreement on
    /// the Security of Information", "Treaty of Amity and Cooperation").
    /// Whether an agreement's name at `range` names an organisation: an organisation's head
    /// follows it ("the North Atlantic Treaty Organization"), members are of it ("the members of
    /// the Warsaw Pact"), or it follows an organisation's name after "and" ("the North Atlantic
    /// Treaty Organization and Warsaw Pact").
    func namesOrganisation(_ range: Range<Int>) -> Bool {
        let end = range.upperBound, first = range.lowerBound
        if end < layer.tokens.count && isCapitalizedWord(end) && Self.organisationHeads.contains(key(end)) { return true }
        var b = first - 1
        if b >= 0 && key(b) == "the" { b -= 1 }
        if b >= 1 && key(b) == "of" && Self.memberWords.contains(key(b - 1)) { return true }
        return first >= 2 && key(first - 1) == "and" && isCapitalizedWord(first - 2) && Self.organisationHeads.contains(key(first - 2))
    }
    static let memberWords: Set<String> = ["members", "member", "membership"]
    /// Words that open no name after a title: headline verbs, a title's "Responsible", greetings.
    static let headlineVerbs: Set<String> = [
        "visits", "leads", "meets", "arrives", "signs", "holds", "receives", "hosts", "welcomes", "calls", "urges", "says",
        "reinforce", "reinforces", "pays", "tours", "opens", "discusses", "attends", "departs", "leaves", "returns",
        "congratulates", "launches", "pledges", "condemns", "rejects", "warns", "thanks", "praises", "inaugurates",
        "addresses", "seeks", "vows", "backs", "hails", "slams", "begins", "concludes", "travels", "flies", "lands",
        "agrees", "announces", "appoints", "meet", "visit", "hold", "sign", "discuss", "agree", "call", "urge",
        "responsible", "happy", "elect", "designate",
    ]

    mutating func findAgreements() {
        // "the North Atlantic Treaty Organization", "the Collective Security Treaty Organisation":
        // an organisation's name holds an agreement's, and is none.
        // So is a pact named as a body of members (`namesOrganisation`).
        for m in result.mentions where !m.candidates.isEmpty && m.candidates.allSatisfy({ result.entities[$0].type == .agreement })
            && namesOrganisation(m.firstToken..<m.endToken) {
            uncover(m.firstToken..<m.endToken)
        }
        let heads = lexicon.agreementHeadKeys
        var next = 0  // tokens before this are part of a name found
        for i in cuePositions where i >= next && heads.contains(layer.tokens[i].key) && !Self.referenceOnlyHeads.contains(key(i)) {
            // An acronym of a kind ("FTA") is a head only in capitals: "a comedy bit" is no BIT.
            if Self.agreementAcronymHeads.contains(key(i)) && !layer.tokens[i].shape.contains(.allCaps) { continue }
            if Self.documentHeads.contains(key(i)) && !isAgreementDocument(i) { continue }
            // 'the treaty "On Friendship and Cooperation"': a head and a quoted title.
            if let named = quotedTitleName(i) {
                var head = word(i)
                if let first = head.first { head = first.uppercased() + head.dropFirst() }
                var last = named.upperBound - 1  // the closing mark
                while last > i + 3 && layer.tokens[last - 1].kind == .punctuation { last -= 1 }
                let name = head + " " + surface((i + 2)..<last)
                uncover(named)
                add(EntityMention(candidates: [newEntity(type: .agreement, name: name, label: name)], aliasKind: .name,
                                  firstToken: named.lowerBound, endToken: named.upperBound, byteStart: 0, byteEnd: 0, source: .pattern))
                next = named.upperBound
                continue
            }
            guard isCapitalizedWord(i) else {
                // "a comprehensive economic partnership agreement (CEPA)": the acronym is a name.
                if let acronym = acronymAfterDescription(i) {
                    let name = word(acronym)
                    add(EntityMention(candidates: [newEntity(type: .agreement, name: name, label: name)], aliasKind: .acronym,
                                      firstToken: acronym, endToken: acronym + 1, byteStart: 0, byteEnd: 0, source: .pattern))
                    continue
                }
                // (Not a building or a room named so: "the Valmora convention centre", "the UN-AU
                // convention hall".)
                if i + 1 < layer.tokens.count, Self.placeAfterHeadNouns.contains(key(i + 1)) { continue }
                if let named = lowerCaseHeadName(i) ?? nameAfterCalled(i) ?? partiesLowerCaseName(i) {
                    let name = surface(named)
                    uncover(named)
                    add(EntityMention(candidates: [newEntity(type: .agreement, name: name, label: name)], aliasKind: .name,
                                      firstToken: named.lowerBound, endToken: named.upperBound, byteStart: 0, byteEnd: 0, source: .pattern))
                }
                continue
            }
            let sentence = sentenceRange(of: i)
            // Back over the capitalized words (and the connectors between them) before the head.
            var start = i
            while start > sentence.lowerBound {
                let j = start - 1
                // A title-case headline's verb ("Kenya, Uganda Sign Memorandum Of Understanding
                // On Fisheries") ends the name's front.
                if isCapitalizedWord(j) && Self.agreementVerbs.contains(key(j)) { break }
                if isCapitalizedWord(j) { start = j; continue }
                // Inside a name before its head word, "and", "-" and "&" join capitalized words;
                // "the" and the links ("on", "of", "for") start a name's tail, not its head
                // ("Under the US-Japan ... Agreement" is not one name).
                // An organisation's name before "and" is no part of it ("the North Atlantic Treaty
                // Organization and Warsaw Pact").
                if (isCharacter(j, UInt8(ascii: "-")) || isDash(j) || isCharacter(j, UInt8(ascii: "&")) || (layer.tokens[j].kind == .word && key(j) == "and"))
                    && j > sentence.lowerBound && isCapitalizedWord(j - 1) && !Self.organisationHeads.contains(key(j - 1)) {
                    start = j
                    continue
                }
                // "Status of Forces Agreement": "of" between two capitalized words, the first no
                // word of an office or a body ("Ministry of Trade Agreement" is no name).
                if key(j) == "of" && j > sentence.lowerBound && start < i && isCapitalizedWord(j - 1) && !covered(j - 1)
                    && !isIn(.officeDomain, j - 1) && !isIn(.body, j - 1) && !isIn(.notName, j - 1) {
                    start = j
                    continue
                }
                break
            }
            // A sentence-initial article is not part of the name.
            while start < i && Self.leadingDeterminers.contains(key(start)) { start += 1 }
            // A count of agreements names none ("Sign 11 Bilateral Agreements", "two Accords").
            if key(i).hasSuffix("s") && start > sentence.lowerBound
                && (layer.tokens[start - 1].kind == .number || Self.countWords.contains(key(start - 1))) { continue }
            // An acronym of a kind of agreement names one only after its parties ("the India-UK
            // FTA"); alone ("the FTA") or after other words ("the US EPA") it names none.
            if Self.agreementAcronymHeads.contains(key(i)) {
                guard namesParties(start..<i) else { continue }
            }
            // Forward: "on the Security of Information".
            var end = i + 1
            // "Memorandum of Understanding (MoU) on Defence Cooperation": the name goes on past
            // the acronym of its kind ("of Understanding" is no subject: one with none after it
            // names no agreement, below).
            var acronymSkipped: Range<Int>?
            if key(i) == "memorandum", let after = understandingEnd(i, sentence: sentence) {
                end = after
                if end + 3 < sentence.upperBound && word(end) == "(" && word(end + 2) == ")" && layer.tokens[end + 1].kind == .word
                    && Self.agreementLinks.contains(key(end + 3)) {
                    acronymSkipped = end..<(end + 3)
                    end += 3
                }
            }
            // "between" goes on with a name whose head opens it ("the Agreement between Japan and
            // Peru on ..."), not after one already named ("the Lima Accord between Peru and Chile").
            // "the Optional Protocol to the Convention against Torture": a protocol named by the
            // agreement it adds to.
            let endKey = end < sentence.upperBound ? key(end) : ""
            let protocolStart = endKey == "to" && end + 2 < sentence.upperBound && isCapitalizedWord(i) && key(i) == "protocol"
                && key(end + 1) == "the" && isCapitalizedWord(end + 2)
            // The agreement the lexicon knows after "to the", if any.
            let protocolTarget = protocolStart ? mention(startingAt: end + 2).flatMap { m in
                m.entity.map { result.entities[$0].type == .agreement } == true ? m : nil } : nil
            let protocolTo = protocolStart && (!covered(end + 2) || protocolTarget != nil)
            // "against" goes on with what the agreement is against ("against Torture"), not with a
            // party it is signed against ("signed the Lima Accord against Chile's wishes").
            let againstParty = endKey == "against" && (!Self.againstHeads.contains(key(i)) || end + 1 >= sentence.upperBound
                || mention(startingAt: end + 1) != nil || (key(end + 1) == "the" && end + 2 < sentence.upperBound && mention(startingAt: end + 2) != nil))
            // (A protocol to an agreement the lexicon knows spans that agreement's name whole.)
            if let m = protocolTarget {
                end = m.endToken
            } else if end < sentence.upperBound && (Self.agreementNameLinks.contains(endKey) || protocolTo || isPartyLink(end)) && !againstParty
                && (start == i || !Self.partyLinks.contains(endKey) || acronymSkipped != nil)
                && !isSignerAfterFor(end, sentence: sentence) {
                // "the Agreement between the Government of Peru and the Government of Chile on
                // ...": the parties' list goes on past "and the" and ", the".
                var inParties = isPartyLink(end)
                var k = end + 1
                if k < sentence.upperBound && key(k) == "the" { k += 1 }
                var last = -1
                // Where the name ends if a list of its subjects ("of Friendship, Cooperation and
                // Mutual Assistance") is not closed by "and": the comma then ends it.
                var beforeList: Int?
                while k < sentence.upperBound {
                    // A weekday or month ends the name ("ratified the ... Agreement on Monday").
                    if isCapitalizedWord(k) && !isDateWord(k) { last = k; k += 1; continue }
                    // A comma (and "and") before a capitalized word no mention covers: a list
                    // inside the name ("the Treaty of Rome, France and Germany" names Rome only).
                    if inParties && last == k - 1 && k + 2 < sentence.upperBound && (key(k) == "and" || isCharacter(k, UInt8(ascii: ",")))
                        && key(k + 1) == "the" && isCapitalizedWord(k + 2) {
                        k += 2
                        continue
                    }
                    // The list's last party after a comma and "and" (", and the Government of C").
                    if inParties && last == k - 1 && k + 3 < sentence.upperBound && isCharacter(k, UInt8(ascii: ","))
                        && key(k + 1) == "and" && key(k + 2) == "the" && isCapitalizedWord(k + 3) && Self.partyListHeads.contains(key(k + 3)) {
                        k += 3
                        continue
                    }
                    // What the agreement is on ends the parties' list: a comma after it starts
                    // another name ("..., for the Avoidance of Double Taxation, the Lima Treaty").
                    if inParties && Self.agreementSubjectLinks.contains(key(k)) { inParties = false }
                    if isCharacter(k, UInt8(ascii: ",")) && k + 1 < sentence.upperBound {
                        let j = key(k + 1) == "and" ? k + 2 : k + 1
                        if j < sentence.upperBound && isCapitalizedWord(j) && !covered(j) && !isDateWord(j) {
                            if j == k + 2 { beforeList = nil } else if beforeList == nil { beforeList = last }
                            k = j
                            continue
                        }
                    }
                    // "in the Field of" ("on Cooperation in the Field of Tourism"), "of a" before a
                    // capitalized word ("on the Establishment of a Joint Commission").
                    if key(k) == "in" && k + 3 < sentence.upperBound && key(k + 1) == "the" && isCapitalizedWord(k + 2)
                        && ["field", "fields", "area", "areas", "sphere", "spheres", "domain"].contains(key(k + 2)) && key(k + 3) == "of" {
                        k += 1
                        continue
                    }
                    if key(k) == "of" && k + 2 < sentence.upperBound && (key(k + 1) == "a" || key(k + 1) == "an") && isCapitalizedWord(k + 2)
                        && !covered(k + 2) {
                        k += 2
                        continue
                    }
                    // "to the" after an accession or an amendment ("Protocol of Accession of Chile to
                    // the Pacific Alliance", "Amendment to the Montreal Protocol").
                    if key(k) == "to" && k + 2 < sentence.upperBound && key(k + 1) == "the" && isCapitalizedWord(k + 2)
                        && (end..<k).contains(where: { ["accession", "amendment", "amendments"].contains(key($0)) }) {
                        k += 2
                        continue
                    }
                    // "to" after "Related" or "Relating" ("for Cooperation Related to Naval
                    // Propulsion").
                    if key(k) == "to" && k + 1 < sentence.upperBound && ["related", "relating", "pertaining"].contains(key(k - 1))
                        && isCapitalizedWord(k - 1) && isCapitalizedWord(k + 1) && !covered(k + 1) && !isDateWord(k + 1) {
                        k += 1
                        continue
                    }
                    // "in" before two capitalized words, or a portfolio's word: "on Mutual Legal
                    // Assistance in Criminal Matters", "on Cooperation in Agriculture".
                    if key(k) == "in" && k + 1 < sentence.upperBound && isCapitalizedWord(k + 1) && !covered(k + 1) && !isDateWord(k + 1)
                        && (isIn(.officeDomain, k + 1) || k + 2 < sentence.upperBound && isCapitalizedWord(k + 2) && !covered(k + 2)) {
                        k += 1
                        continue
                    }
                    // "against" before what the agreement is against, not a party ("Protocol to
                    // the Convention against Torture").
                    if key(k) == "against" && k + 2 < sentence.upperBound && Self.againstHeads.contains(key(i))
                        && ((isCapitalizedWord(k + 1) && !covered(k + 1)) || (key(k + 1) == "the" && isCapitalizedWord(k + 2) && !covered(k + 2))) {
                        k += 1
                        continue
                    }
                    // One connector or two ("of the") before a capitalized word: "on the Law of
                    // the Sea".
                    if isIn(.nameConnector, k) && k + 1 < sentence.upperBound {
                        // "and the" starts a second name ("the Treaty of Caldera and the Lima Protocol").
                        if key(k) == "and" && key(k + 1) == "the" { break }
                        // "and" before a country or a person named ends it ("the Convention
                        // against Torture and Uganda ratified it").
                        if key(k) == "and" && !inParties && covered(k + 1) { break }
                        if isCapitalizedWord(k + 1) {
                            if key(k) == "and" && !covered(k + 1) { beforeList = nil }
                            k += 1
                            continue
                        }
                        if isIn(.nameConnector, k + 1) && k + 2 < sentence.upperBound && isCapitalizedWord(k + 2) && !isDateWord(k + 2) {
                            k += 2
                            continue
                        }
                    }
                    break
                }
                if let b = beforeList { last = b }
                if last >= 0 { end = last + 1 }
            }
            // "the Treaty on lasting good neighbourliness", "the Agreement on the shared use of the
            // river's water": a capitalized head after "the", with a subject in lower case.
            // A word in lower case between "the" and the head is the name's ("the framework Convention").
            if end == i + 1 && start == i, let tail = lowerCaseSubjectEnd(head: i, sentence: sentence) {
                end = tail
                if key(i - 1) != "the" { start = i - 1 }
            }
            // Parties before a name whose head opens it are no part of it: "the Sino-Russian
            // Treaty on Good-Neighbourliness" is the Treaty on Good-Neighbourliness (a name whose
            // head closes it keeps them: "the Peru-Chile Free Trade Agreement").
            let nameStart = start < i && end > i + 1 && isPartyPrefix(start..<i) ? i : start
            // "the United Nations Treaty on the Prohibition of ...", "the UN Convention on ...":
            // the UN's name before an agreement the lexicon knows from its head to the name's end
            // is that agreement, named with its forum (the mention spans both).
            if start < i && i - start <= 2 && owner[i] >= 0 && Self.unitedNationsNames.contains(keys(start..<i)) {
                let index = Int(owner[i])
                let m = result.mentions[index]
                if m.source == .lexicon && m.firstToken == i && m.endToken >= end
                    && m.candidates.contains(where: { result.entities[$0].type == .agreement }) {
                    uncover(start..<i)
                    for t in start..<i { owner[t] = Int32(index) }
                    result.mentions[index].firstToken = start
                    result.mentions[index].byteStart = Int(layer.tokens[start].start)
                    next = m.endToken
                    continue
                }
            }
            guard end - start >= 2, !namesOrganisation(start..<end) else { continue }
            // "a Memorandum of Understanding" names no agreement; one on a subject does.
            if key(i) == "memorandum" && nameStart == i, let after = understandingEnd(i, sentence: sentence),
               end <= after + (acronymSkipped?.count ?? 0) { continue }
            // A lexicon agreement that spans the whole name is the name. One that spans only part
            // of it (the generic "Acquisition and Cross-Servicing Agreement" inside "Chile-Tonga
            // Acquisition and Cross-Servicing Agreement") gives way to the longer name.
            if owner[i] >= 0 {
                let m = result.mentions[Int(owner[i])]
                if m.firstToken <= start && m.endToken >= end && m.candidates.contains(where: { result.entities[$0].type == .agreement }) {
                    next = max(end, m.endToken)
                    continue
                }
                // The lexicon's whole name and one head word more: "the Pacific Agreement on ...
                // Relations Plus Agreement" is the lexicon's agreement too.
                if m.source == .lexicon, m.firstToken <= start, m.endToken + 1 == end, heads.contains(layer.tokens[m.endToken].key),
                   m.candidates.contains(where: { result.entities[$0].type == .agreement }) {
                    extend(Int(owner[i]), to: end)
                    next = end
                    continue
                }
                // A lexicon protocol named with the agreement it adds to ("the Kyoto Protocol to the
                // United Nations Framework Convention on Climate Change") is the lexicon's protocol.
                if protocolTo, m.source == .lexicon, m.firstToken <= start, m.endToken == i + 1,
                   m.candidates.contains(where: { result.entities[$0].type == .agreement }) {
                    let index = Int(owner[i])
                    uncover((i + 1)..<end)
                    extend(index, to: end)
                    next = end
                    continue
                }
            }
            // A lexicon agreement that the head word follows ("the Pacific Agreement on Closer
            // Economic Relations (PACER) Plus Agreement", "the RCEP Agreement") goes on to the
            // head: the words before it are the lexicon's name, not a name of their own.
            if end == i + 1, let m = mention(endingAt: i), m.source == .lexicon,
               m.candidates.contains(where: { result.entities[$0].type == .agreement }) {
                extend(Int(owner[i - 1]), to: end)
                next = end
                continue
            }
            // The mention spans the parties too, so that rules read "signed the Sino-Russian
            // Treaty on ..." as one agreement; its name leaves them out.
            // Its name leaves out the acronym of its kind ("Memorandum of Understanding on ...").
            let name = acronymSkipped.map { surface(nameStart..<$0.lowerBound) + " " + surface($0.upperBound..<end) } ?? surface(nameStart..<end)
            let parties = namedParties(start..<end, head: i)
            uncover(start..<end)
            // "the Lombok Treaty" ... "the Treaty of Lombok": one agreement, named as the text
            // first names it.
            let entity = Self.invertedAgreementName(name).flatMap { other in
                entityByID["agreement:" + slug(other)].flatMap { result.entities[$0].type == .agreement ? $0 : nil }
            } ?? newEntity(type: .agreement, name: name, label: name)
            if result.entities[entity].parties.isEmpty { result.entities[entity].parties = parties }
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: start, endToken: end,
                              byteStart: 0, byteEnd: 0, source: .pattern))
            next = end
        }
    }

    /// Words that end a subject in lower case after an agreement's head: a verb, a relative, or a
    /// preposition that opens an adjunct ("the Treaty on friendship that ...", "... with Peru").
    static let lowerCaseSubjectStops: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "which", "that", "who", "whose", "whom", "where", "when", "between",
        "with", "by", "at", "during", "from", "to", "into", "after", "before", "since", "until", "under", "as",
        "than", "while", "but", "or", "nor", "also", "not", "it", "its", "this", "these", "those", "their", "his", "her",
        "on", "for", "signed", "said", "says",
        // What an adjunct, not a subject, holds: "signed the Charter on behalf of", "the Treaty on
        // the very day", "on the sidelines", "on the basis of".
        "behalf", "day", "days", "eve", "occasion", "time", "date", "very", "same", "basis", "condition", "conditions",
        "grounds", "sidelines", "margins", "part", "side", "way", "year", "years", "week", "month", "first", "second",
        "following", "next", "last", "previous", "whole", "other", "one", "two", "three", "several", "many", "both",
        "some", "any", "each", "such", "only", "now", "again", "too",
    ]
    /// Words after a participle that end a subject in lower case before it: an adjunct's or an
    /// object's first word ("signed in 1994", "adopted a moratorium").
    static let beforeAdjunctOrObject: Set<String> = ["in", "last", "a", "an", "the"]
    /// Connectors that a subject in lower case may hold but not end with.
    static let lowerCaseSubjectLinks: Set<String> = ["of", "the", "a", "an", "and", "in"]

    /// 'the Treaty on lasting good neighbourliness', 'the framework Convention on the conservation
    /// of wetlands of the Tarvo basin': a capitalized head at `head` (not in a title-case
    /// headline, after "the" and at most one word in lower case, singular, no memorandum: one
    /// names an agreement only with a capitalized subject), then "on", "for" or "concerning" and a
    /// subject of words in lower case, with capitalized words no mention covers. The subject ends
    /// at a stop word, a punctuation mark, a number, a date or a mention, and at a past
    /// participle after its first word ("... on trade signed in 1996"). The name's end, or nil.
    func lowerCaseSubjectEnd(head i: Int, sentence: Range<Int>) -> Int? {
        guard !inTitle[i], !covered(i), key(i) != "memorandum", !key(i).hasSuffix("s"), i + 2 < sentence.upperBound,
              Self.agreementSubjectLinks.contains(key(i + 1)), i - 1 > sentence.lowerBound else { return nil }
        if key(i - 1) != "the" {
            guard i - 2 >= sentence.lowerBound, key(i - 2) == "the", layer.tokens[i - 1].kind == .word, !isCapitalizedWord(i - 1),
                  !Self.lowerCaseSubjectStops.contains(key(i - 1)) else { return nil }
        }
        var k = i + 2
        if k < sentence.upperBound && isIn(.article, k) { k += 1 }
        var last = -1
        var words = 0
        while k < sentence.upperBound && k < i + 16 {
            // "co-operation": a hyphen between two words.
            if last == k - 1 && isCharacter(k, UInt8(ascii: "-")) && k + 1 < sentence.upperBound
                && layer.tokens[k + 1].kind == .word && !covered(k + 1) {
                k += 1
                continue
            }
            guard layer.tokens[k].kind == .word, !covered(k), !isDateWord(k) else { break }
            let w = key(k)
            if Self.lowerCaseSubjectStops.contains(w) { break }
            if Self.lowerCaseSubjectLinks.contains(w) {
                // "and the" starts a second name ("... and the Protocol on ...").
                if w == "and" && k + 1 < sentence.upperBound && key(k + 1) == "the" { break }
                k += 1
                continue
            }
            // A participle after the subject's first word ends it before its adjunct or object ("...
            // on trade relations signed in 1994", "... on conventional weapons and adopted a
            // moratorium"); an adjective does not ("on the protection of displaced persons").
            if words > 0 && w.hasSuffix("ed") && !isCapitalizedWord(k)
                && (k + 1 >= sentence.upperBound || layer.tokens[k + 1].kind != .word || Self.lowerCaseSubjectStops.contains(key(k + 1))
                    || Self.beforeAdjunctOrObject.contains(key(k + 1)) || isDateWord(k + 1)) { break }
            // A lower-case word opens the subject: "on Trade" is a capitalized name's, read above.
            if words == 0 && isCapitalizedWord(k) { return nil }
            words += 1
            last = k
            k += 1
        }
        // Two words of a subject at least: "on arrival", "for now", "on schedule" are adjuncts.
        guard words >= 2, last > i + 1 else { return nil }
        return last + 1
    }

    /// The countries an agreement's name at `range` (its head at `head`) gives as its parties:
    /// those joined by hyphens before the head ("the Japan-Angola Investment Agreement",
    /// "Pakistan-GCC Free Trade Agreements": Pakistan), or named after "between" or "among" in it ("the
    /// Agreement between Japan and the Republic of Angola for ...").
    func namedParties(_ range: Range<Int>, head: Int) -> [String] {
        var parties: [String] = []
        var k = range.lowerBound
        var hyphens = 0
        while k < head {
            if let code = mentionCountry(k) {
                if !parties.contains(code) { parties.append(code) }
                k = max(k + 1, result.mentions[Int(owner[k])].endToken)
            } else if layer.tokens[k].shape.contains(.allCaps) && layer.tokens[k].kind == .word {
                k += 1  // a bloc's acronym ("GCC", "EU")
            } else {
                break
            }
            guard k < head, isCharacter(k, UInt8(ascii: "-")) else { break }
            hyphens += 1
            k += 1
        }
        if hyphens == 0 { parties = [] }
        if parties.isEmpty, let between = (head + 1..<range.upperBound).first(where: { isPartyLink($0) }) {
            var t = between + 1
            while t < range.upperBound {
                if let code = mentionCountry(t) {
                    if !parties.contains(code) { parties.append(code) }
                    t = max(t + 1, result.mentions[Int(owner[t])].endToken)
                } else {
                    t += 1
                }
            }
        }
        return parties
    }

    /// After "Memorandum" at `i`: where "of Understanding" ends, when it follows.
    func understandingEnd(_ i: Int, sentence: Range<Int>) -> Int? {
        guard i + 2 < sentence.upperBound, key(i + 1) == "of", key(i + 2) == "understanding" else { return nil }
        return i + 3
    }

    /// The links after an agreement's parties that say what it is on.
    static let agreementSubjectLinks: Set<String> = ["on", "for", "concerning", "regarding", "relating"]

    /// Whether `range` is two parties or more joined by hyphens, each a country mention or a word
    /// in capitals ("India-UK", "Japan-EU", "ASEAN-China"), one at least a country.
    func namesParties(_ range: Range<Int>) -> Bool {
        guard let list = hyphenatedParties(range, capitals: true, combining: false) else { return false }
        return list.parties >= 2 && list.countries >= 1
    }

    /// Whether `range` names the parties of an agreement and nothing else: country mentions
    /// and words in capitals joined by hyphens ("Peru-Chile", "US-Japan"), with the combining
    /// forms of demonyms ("Sino-Russian", "Indo-Pakistani").
    func isPartyPrefix(_ range: Range<Int>) -> Bool {
        guard let list = hyphenatedParties(range, capitals: true, combining: true) else { return false }
        return list.parties >= 2 && list.countries >= 1
    }

    /// How many parties `range` holds, and how many of them are country mentions, when it is
    /// nothing but parties joined by hyphens (or dashes): country mentions, and words in capitals
    /// (`capitals`) or combining forms of demonyms (`combining`). Nil when it holds anything else.
    func hyphenatedParties(_ range: Range<Int>, capitals: Bool, combining: Bool) -> (parties: Int, countries: Int)? {
        var k = range.lowerBound, parties = 0, countries = 0
        while k < range.upperBound {
            if mentionCountry(k) != nil {
                k = max(k + 1, result.mentions[Int(owner[k])].endToken)
                countries += 1
            } else if capitals && layer.tokens[k].shape.contains(.allCaps) && layer.tokens[k].kind == .word {
                k += 1
            } else if combining && Self.combiningDemonyms.contains(key(k)) {
                k += 1
            } else {
                return nil
            }
            parties += 1
            if k == range.upperBound { break }
            // A hyphen, or a dash set off by spaces ("the Peru – Kenya FTA").
            guard isCharacter(k, UInt8(ascii: "-")) || isDash(k) else { return nil }
            k += 1
        }
        return k == range.upperBound ? (parties, countries) : nil
    }
    /// The other form of a name of one to three capitalized words and a head: "Treaty of Lombok"
    /// for "Lombok Treaty" and back (treaties, accords, pacts, conventions, protocols, charters and
    /// declarations); nil for any other name.
    static func invertedAgreementName(_ name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 2, words.count <= 5 else { return nil }
        let heads: Set<String> = ["Treaty", "Accord", "Pact", "Convention", "Protocol", "Charter", "Declaration"]
        func place(_ part: ArraySlice<Substring>) -> Bool {
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.first?.isUppercase == true && !heads.contains(String($0)) }
        }
        if words.count >= 3, heads.contains(String(words[0])), words[1] == "of", place(words[2...]) {
            return words[2...].joined(separator: " ") + " " + words[0]
        }
        if let last = words.last, heads.contains(String(last)), place(words[..<(words.count - 1)]) {
            return last + " of " + words[..<(words.count - 1)].joined(separator: " ")
        }
        return nil
    }

    /// The UN's names as they stand before an agreement's ("the UN Convention on ..."), as
    /// `keys` gives them.
    static let unitedNationsNames: Set<String> = ["united nations", "un", "u.n.", "u.n"]

    /// The forms of demonyms that open a hyphenated pair of parties.
    static let combiningDemonyms: Set<String> = ["sino", "indo", "anglo", "franco", "russo", "italo", "hispano", "austro", "greco", "turco", "afro", "euro", "nippo", "germano", "luso", "serbo", "polono"]

    /// Words before a reference's head that say nothing of which agreement it is.
    static let referenceModifiers: Set<String> = ["landmark", "historic", "same", "above", "said", "formal", "peace", "bilateral"]

    /// Heads that refer to an agreement only near its name: "the document", "it".
    static let documentReferenceHeads: Set<String> = ["document", "documents", "it"]

    /// Lower-case heads that refer back to an agreement: "the treaty", "this accord".
    static let agreementReferenceHeads: Set<String> = ["agreement", "accord", "accords", "pact", "treaty", "convention", "protocol", "deal", "document", "documents", "it"]

    /// "the treaty", "the accord", "this agreement", "the new defense pact": the agreement the
    /// text named last (by its name or by such a reference resolved before: "The pact ... The
    /// treaty was signed by"), in this sentence or the two before, when it named only one there, or
    /// only one whose name has the head ("the pact" after the Lima Accord and the Quito Pact) ("The
    /// Senate ratified the accord" after "the Lisbon Treaty ..."); with none there, the one it
    /// names first in this sentence or the next, after the reference ("The defense pact was
    /// signed by ... . The Enhanced Defense Cooperation Agreement (EDCA) ..."). Up to two
    /// lower-case words may stand between "the" and the head, words of the agreement's name
    /// ("the defense pact") or of no other ("the landmark accord"). Not a head that goes on into a
    /// description of its own ("the agreement on fisheries", "the treaty of friendship"): that
    /// is another one.
    mutating func findAgreementReferences() {
        let heads = lexicon.agreementHeadKeys
        // An agreement's name that several lexicon entries share counts as one agreement (its
        // candidates): `resolveAmbiguity` and `detachForeignAgreements` settle it and its
        // references alike.
        var named: [(first: Int, end: Int, entity: [EntityIndex])] = []
        for m in result.mentions where !m.candidates.isEmpty && m.candidates.allSatisfy({ result.entities[$0].type == .agreement }) {
            named.append((m.firstToken, m.endToken, m.candidates))
        }
        guard !named.isEmpty else { return }
        named.sort { $0.first < $1.first }
        // "it" is no cue word (it is everywhere): in a text that names an agreement, each "it"
        // after the first name joins the heads here.
        var positions = cuePositions
        let itKey = vocabulary.keyID(forKey: "it")
        if let it = itKey {
            // Only "it" right after a verb of signing or ratifying ("signed it"): the verbs are
            // cue words.
            var pronouns: [Int] = []
            for v in cuePositions where v >= named[0].end && v + 1 < layer.tokens.count && layer.tokens[v + 1].key == it
                && isIn(.agreementVerb, v) {
                pronouns.append(v + 1)
            }
            if !pronouns.isEmpty { positions = (positions + pronouns).sorted() }
        }
        for i in positions where i > 0 && (heads.contains(layer.tokens[i].key) || layer.tokens[i].key == itKey) && !covered(i)
            && (!isCapitalizedWord(i) || isCapitalizedReference(i)) {
            guard Self.agreementReferenceHeads.contains(key(i)) else { continue }
            // "the document" is an agreement only as the thing signed or ratified: "The document
            // was signed by", "the document, ratified in 2008,", "signed the document" (not "the
            // document says" nor "a document of the ministry"); so are "the documents" ("inked the
            // documents"), which name the one agreement named before them as "the document" does.
            if (key(i) == "document" || key(i) == "documents") && !isSignedDocument(i) { continue }
            // "signed it", "to ratify it" (only such an "it" is among the positions): the
            // agreement named before, as "the treaty" (no word before it to check, none named
            // after it).
            let pronoun = layer.tokens[i].key == itKey
            // "the pact", "the defense pact", "the new defense pact".
            var article = i - 1
            while !pronoun && article > 0 && i - article <= 2 && layer.tokens[article].kind == .word && !isCapitalizedWord(article)
                    && !["the", "this", "that", "a", "an"].contains(key(article)) && !covered(article) {
                article -= 1
            }
            guard pronoun || ["the", "this", "that"].contains(key(article)) else {
                // A headline's, with no article after its verb ("Ukraine ratifies EU trade pact",
                // "Chile's senate ratifies free trade deal with Peru"): the one agreement the
                // document names after it.
                var verb = i - 1
                while verb > 0 && i - verb <= 3 && layer.tokens[verb].kind == .word && !covered(verb)
                        && !Self.agreementVerbs.contains(key(verb)) && !["the", "this", "that", "a", "an"].contains(key(verb)) {
                    verb -= 1
                }
                guard verb >= 0, isIn(.agreementVerb, verb),
                      !Self.countWords.contains(key(verb + 1)) else { continue }
                let after = named.filter { $0.first > i }
                guard let first = after.first, after.allSatisfy({ $0.entity == first.entity }),
                      !named.contains(where: { $0.first < i && $0.entity != first.entity }) else { continue }
                // Every country the headline names is the agreement's (in its name or among its
                // parties): "Ukraine, Poland sign grain deal" is no EU-Ukraine agreement.
                let agreement = result.entities[first.entity[0]]
                let parties = agreement.lexiconEntry.map { lexicon.entries[$0].parties } ?? []
                let sentence = sentenceRange(of: i)
                var countriesNamed = 0, allTheirs = true
                for k in sentence {
                    guard let e = mention(startingAt: k)?.entity, let code = alpha3(ofCountry: e) else { continue }
                    countriesNamed += 1
                    if !parties.contains(code) && !agreement.name.lowercased().contains(result.entities[e].name.lowercased()) { allTheirs = false }
                }
                guard countriesNamed > 0, allTheirs else { continue }
                add(EntityMention(candidates: first.entity, aliasKind: .short, firstToken: verb + 1, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .coreference))
                continue
            }
            // ("the accord on Monday", "the accord on behalf of Peru" and "signed the accord for
            // Peru" refer back: a day or a party is no subject of an agreement.)
            if !pronoun && i + 1 < layer.tokens.count && isCapitalizedWord(i + 1) { continue }
            if !pronoun && i + 1 < layer.tokens.count && Self.agreementLinks.contains(key(i + 1))
                && !(i + 2 < layer.tokens.count && (isDateWord(i + 2) || key(i + 2) == "behalf"
                    || (key(i + 1) == "for" && mention(startingAt: i + 2).flatMap { $0.entity }.map { alpha3(ofCountry: $0) != nil } == true))) { continue }
            // The window: this sentence and the two before.
            var from = sentenceRange(of: i).lowerBound
            for _ in 0..<2 where from > 0 { from = sentenceRange(of: from - 1).lowerBound }
            var found: [EntityIndex]?
            var ambiguous = false
            // The named agreements from `from` on (they are sorted by where they start).
            var low = 0, high = named.count
            while low < high {
                let mid = (low + high) / 2
                if named[mid].first < from { low = mid + 1 } else { high = mid }
            }
            var candidates: [[EntityIndex]] = []
            for n in named[low...] {
                if n.first >= i { break }
                guard n.end <= i - 1 else { continue }
                // A name several lexicon entries share and a mention of one of them are one
                // agreement: the one they share ("the CFE treaty" ... "ratify it").
                if let c = candidates.firstIndex(where: { $0.contains { n.entity.contains($0) } }) {
                    candidates[c] = candidates[c].filter { n.entity.contains($0) }
                } else {
                    candidates.append(n.entity)
                }
                // Past a few, a reference names none of them: stop, so that each costs little.
                if candidates.count > 4 { break }
            }
            if candidates.count > 4 { continue }
            if candidates.count == 1 {
                found = candidates[0]
            } else if candidates.count > 1 {
                // Of several, the one whose name has the head ("the pact" after "the Lima Accord
                // ... the Quito Pact").
                let byHead = candidates.filter { nameHolds(result.entities[$0[0]].name, head: key(i)) }
                if byHead.count == 1 { found = byHead[0] } else { ambiguous = true }
            }
            if found == nil && !ambiguous && !pronoun {
                // None named before: the first named after it, in this sentence or the next.
                let sentence = sentenceRange(of: i)
                let until = sentence.upperBound < layer.tokens.count ? sentenceRange(of: sentence.upperBound).upperBound : sentence.upperBound
                found = named.first { $0.first > i && $0.first < until }?.entity
            }
            if found == nil && !ambiguous && !pronoun && !Self.documentReferenceHeads.contains(key(i)) {
                // None near it: the one agreement the text named before it, up to eight sentences
                // back, when it named no other before and the name holds the head ("the AfCFTA
                // Agreement ... (five sentences) ... the ones that have ratified the agreement";
                // not "the agreement signed by A and B" long after the Charter).
                var far = sentenceRange(of: i).lowerBound
                for _ in 0..<8 where far > 0 { far = sentenceRange(of: far - 1).lowerBound }
                let before = named.prefix { $0.first < i }
                if let first = before.first, before.allSatisfy({ $0.entity == first.entity }), before.contains(where: { $0.first >= far }),
                   first.entity.count == 1, nameHolds(result.entities[first.entity[0]].name, head: key(i)) {
                    found = first.entity
                }
            }
            guard let entity = found, !ambiguous else { continue }
            // A capitalized head names the agreement whose name holds it ("the Treaty" after the
            // Lima Treaty, not "the Treaty signed between Peru and Chile" after another's Agreement).
            if !pronoun && isCapitalizedWord(i) && !nameHolds(result.entities[entity[0]].name, head: key(i)) { continue }
            // Words before the head describe that agreement only when its name holds them ("the
            // defense pact" for the Enhanced Defense Cooperation Agreement), or they say nothing
            // of which one it is ("the landmark accord"); "the latest agreement" or "the framework
            // agreement" is another one.
            if article + 1 < i {
                let nameWords = Set(result.entities[entity[0]].name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                if !(article + 1..<i).allSatisfy({ nameWords.contains(key($0)) || Self.referenceModifiers.contains(key($0)) }) { continue }
            }
            add(EntityMention(candidates: entity, aliasKind: .short, firstToken: i, endToken: i + 1,
                              byteStart: 0, byteEnd: 0, source: .coreference))
            // A reference is an antecedent in its turn: "The pact ... The treaty was signed by ...".
            let at = named.firstIndex { $0.first > i } ?? named.endIndex
            named.insert((i, i + 1, entity), at: at)
        }
    }

    /// Whether a capitalized head at `i` refers back as its lower-case form does: "the Treaty",
    /// "the Agreement" after "the", as official texts write the agreement they have named (not
    /// in a title-case headline, where every word is capitalized, nor an acronym: "the FTA"),
    /// when that agreement's name holds the head (below).
    func isCapitalizedReference(_ i: Int) -> Bool {
        !inTitle[i] && key(i - 1) == "the" && !layer.tokens[i].shape.contains(.allCaps)
    }

    /// Whether an agreement's name holds a reference's head, singular or plural ("the pact"
    /// and the Quito Pact, "the accord" and the Oslo Accords).
    func nameHolds(_ name: String, head: String) -> Bool {
        let singular = head.hasSuffix("s") ? String(head.dropLast()) : head
        return name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == singular || $0 == singular + "s" }
    }

    /// "the document" at `head` (after "the", "this" or "that") as the thing signed or ratified:
    /// a signing or ratifying word just before its article ("signed the document", "inked the
    /// documents") or, for the singular, just after it through an auxiliary, with a comma,
    /// "which" or "that" ("the document was signed", "the document, which has been ratified";
    /// not "the document signed at Helsinki").
    func isSignedDocument(_ head: Int) -> Bool {
        let sentence = sentenceRange(of: head)
        if head - 2 >= sentence.lowerBound && ["the", "this", "that"].contains(key(head - 1)) && isIn(.agreementVerb, head - 2) { return true }
        // After it, only the singular and only with an auxiliary ("the document was signed"):
        // "the documents signed at Helsinki" are others than the agreement named before.
        guard key(head) == "document" else { return false }
        var k = head + 1
        var auxiliary = false
        while k < sentence.upperBound && k - head <= 4 && (isCharacter(k, UInt8(ascii: ",")) || Self.documentAuxiliaries.contains(key(k))) {
            if Self.documentAuxiliaries.contains(key(k)) && !["which", "that"].contains(key(k)) { auxiliary = true }
            k += 1
        }
        return auxiliary && k < sentence.upperBound && isIn(.agreementVerb, k)
    }
    /// Words between "the document" and its signing: "the document, which had been signed".
    static let documentAuxiliaries: Set<String> = ["which", "that", "was", "were", "is", "has", "had", "have", "been", "being"]

    /// Heads that, in lower case after a place, still name one agreement: "the Lisbon treaty",
    /// "the Kyoto protocol", "the Oslo accords", "the Minsk agreements" ("the Japan agreement" or
    /// "a trade deal" name none).
    /// "signed the Lima Accord for Peru": a country alone after "for" at `link` (the name's end
    /// or a word in lower case after it) is the one it was signed for, not part of the name ("the
    /// Agreement for Peace", "the ... Agreement for Trans-Pacific Partnership" go on).
    func isSignerAfterFor(_ link: Int, sentence: Range<Int>) -> Bool {
        guard key(link) == "for", let m = mention(startingAt: link + 1), let e = m.entity, result.entities[e].type == .country else { return false }
        let next = m.endToken
        if next >= sentence.upperBound || isCapitalizedWord(next) && !isDateWord(next) { return next >= sentence.upperBound }
        // A connector goes on with the name only before a capitalized word ("for Peru and Chile
        // Cooperation"), not a day ("for Peru on Monday").
        return !(isIn(.nameConnector, next) && next + 1 < sentence.upperBound && isCapitalizedWord(next + 1) && !isDateWord(next + 1))
    }

    static let placeNamedHeads: Set<String> = ["treaty", "treaties", "accord", "accords", "protocol", "convention", "agreement", "agreements", "pact"]

    /// Words in lower case between a place and the head of an agreement named after it: "the
    /// Juba peace agreement", "the Dayton peace accords".
    static let placeNamedKinds: Set<String> = ["peace", "ceasefire", "climate", "nuclear", "border", "arms"]

    /// "the Lisbon treaty", "the Camp David accords", "the Juba peace agreement", "the Al-Ula
    /// agreement": "the", one or two capitalized words (or one hyphenated name) that are a place (a capital, or words no lexicon knows, not opening
    /// the sentence, or after a time's "'s": `opensPlaceName`), a word of `placeNamedKinds` or none, and a lower-case head of
    /// `placeNamedHeads` at `head`. A country's name or adjective before the head names no
    /// agreement ("the Japanese treaty"), nor a person's, nor a day ("the Sunday accord").
    func lowerCaseHeadName(_ head: Int) -> Range<Int>? {
        guard Self.placeNamedHeads.contains(key(head)) else { return nil }
        let sentence = sentenceRange(of: head)
        var last = head - 1
        if last > sentence.lowerBound && Self.placeNamedKinds.contains(key(last)) && !isCapitalizedWord(last) { last -= 1 }
        guard last - 1 >= sentence.lowerBound, isCapitalizedWord(last), !inTitle[last] else { return nil }
        // A place's hyphenated name ("the Al-Ula agreement").
        var first = hyphenatedWordStart(endingAt: last, from: sentence.lowerBound + 1, throughParticles: true)
        if first < last {
            guard opensPlaceName(first - 1), !(first..<(last + 1)).contains(where: { covered($0) || inTitle[$0] }) else { return nil }
            return first..<(head + 1)
        }
        if !opensPlaceName(first - 1) {
            first -= 1
            guard first - 1 >= sentence.lowerBound, opensPlaceName(first - 1), isCapitalizedWord(first), !inTitle[first] else { return nil }
        }
        if let m = mention(startingAt: first) {
            guard m.endToken == last + 1, m.aliasKind == .capital else { return nil }
        } else if (first...last).contains(where: { covered($0) || isDateWord($0) }) {
            return nil
        }
        return first..<(head + 1)
    }

    /// Time units whose possessive may stand for "the" before a place-named agreement.
    static let timeUnitNouns: Set<String> = ["year", "week", "month"]

    /// Whether token `j` may open a place-named agreement: "the", or the "'s" of a time ("February's
    /// Minsk agreement", "last year's Paris accord").
    func opensPlaceName(_ j: Int) -> Bool {
        if key(j) == "the" { return true }
        guard j > 0, let p = possessiveKey, layer.tokens[j].key == p else { return false }
        return isDateWord(j - 1) || Self.timeUnitNouns.contains(key(j - 1))
    }

    /// 'the treaty "On Friendship and Cooperation"', 'the Agreement «On the Legal Status of ...»':
    /// a head at `head`, then a title in quotation marks that opens with "On" (or "About",
    /// "Concerning") capitalized, as reports of treaties of the former Soviet states name them.
    /// The head through the closing mark, or nil.
    func quotedTitleName(_ head: Int) -> Range<Int>? {
        let sentence = sentenceRange(of: head)
        let open = head + 1, first = head + 2
        // (Every double quotation mark and guillemet has the key '"'.)
        guard first + 1 < sentence.upperBound, key(open) == "\"", isCapitalizedWord(first),
              ["on", "about", "concerning"].contains(key(first)) else { return nil }
        var close = first + 1
        while close < min(sentence.upperBound, first + 30) && key(close) != "\"" { close += 1 }
        guard close < min(sentence.upperBound, first + 30), close > first + 1 else { return nil }
        return head..<(close + 1)
    }

    /// "the UK-Canada trade continuity agreement", "the Canada-European Union strategic
    /// partnership agreement": "the", the parties joined by hyphens (country mentions, words in
    /// capitals, "European Union"; two at least, one a country), up to three words in lower case
    /// and a lower-case head of `placeNamedHeads` (not a plural) at `head`. The parties through
    /// the head, or nil.
    func partiesLowerCaseName(_ head: Int) -> Range<Int>? {
        guard Self.placeNamedHeads.contains(key(head)), !key(head).hasSuffix("s") else { return nil }
        let sentence = sentenceRange(of: head)
        var k = head
        while k > sentence.lowerBound && head - k < 3 && layer.tokens[k - 1].kind == .word && !isCapitalizedWord(k - 1)
                && !layer.tokens[k - 1].shape.contains(.allCaps) && !covered(k - 1) && !Self.leadingDeterminers.contains(key(k - 1)) {
            k -= 1
        }
        // Back over the parties: country mentions, words in capitals, "European Union", blocs'
        // names ("Mercosur"), hyphens.
        let end = k
        var start = end, parties = 0, countries = 0, blocs = 0
        while start > sentence.lowerBound {
            let j = start - 1
            if covered(j), mentionCountry(j) != nil {
                start = result.mentions[Int(owner[j])].firstToken
                countries += 1
            } else if !covered(j) && layer.tokens[j].kind == .word && Self.internationalBodies.contains(key(j)) {
                start = j
                blocs += 1
            } else if !covered(j) && layer.tokens[j].kind == .word && layer.tokens[j].shape.contains(.allCaps) {
                start = j
            } else if j > sentence.lowerBound && key(j) == "union" && key(j - 1) == "european" {
                start = j - 1
                blocs += 1
            } else {
                break
            }
            parties += 1
            guard start > sentence.lowerBound, isCharacter(start - 1, UInt8(ascii: "-")) || isDash(start - 1) else { break }
            start -= 1
        }
        guard parties >= 2, countries >= 1 || blocs >= 2, start < end, !isCharacter(start, UInt8(ascii: "-")) && !isDash(start),
              start > sentence.lowerBound, key(start - 1) == "the" else { return nil }
        return start..<(head + 1)
    }

    /// Nouns after a head that make the words a place's name, not an agreement's ("the UN-AU
    /// convention hall", "the Peru-Chile treaty room").
    static let placeAfterHeadNouns: Set<String> = ["hall", "halls", "room", "rooms", "centre", "center", "building", "venue", "complex", "grounds", "site", "chamber", "auditorium"]

    /// "a comprehensive economic partnership agreement (CEPA)": after a lower-case head at
    /// `head`, an acronym in capitals in parentheses that abbreviates the head and the words
    /// before it (at most four, in lower case, in its sentence). Its token, or nil.
    func acronymAfterDescription(_ head: Int) -> Int? {
        let open = head + 1, acronym = head + 2, close = head + 3
        guard close < layer.tokens.count, word(open) == "(", word(close) == ")", !covered(acronym) else { return nil }
        let t = layer.tokens[acronym]
        guard t.kind == .word, t.shape.contains(.allCaps), t.end - t.start >= 3 else { return nil }
        let sentence = sentenceRange(of: head)
        var first = head
        while first > sentence.lowerBound && head - first < 4 && layer.tokens[first - 1].kind == .word && !isCapitalizedWord(first - 1)
                && !Self.leadingDeterminers.contains(key(first - 1)) && !covered(first - 1) {
            first -= 1
        }
        let letters = Array(word(acronym).filter(\.isLetter))
        let initials = (first...head).compactMap { word($0).first }
        // Every word's initial, in order: the acronym spells the description, not part of it.
        guard letters.count == initials.count, zip(letters, initials).allSatisfy({ $0.uppercased() == $1.uppercased() }) else { return nil }
        return acronym
    }

    /// "a treaty known as the ‘Falepili Union’", "an accord called the Tarvo Compact": after a
    /// lower-case head at `head`, "known as", "called", "dubbed" or "named", then the name in
    /// capitalized words (with "of", "and", "the" or "-" inside), quoted or not.
    func nameAfterCalled(_ head: Int) -> Range<Int>? {
        let sentence = sentenceRange(of: head)
        var k = head + 1
        guard k + 1 < sentence.upperBound else { return nil }
        switch key(k) {
        case "known": guard key(k + 1) == "as" else { return nil }; k += 2
        case "called", "dubbed", "named", "titled": k += 1
        default: return nil
        }
        if k < sentence.upperBound && key(k) == "the" { k += 1 }
        var quoted = false
        if k < sentence.upperBound && layer.tokens[k].kind == .punctuation && ["‘", "“", "'", "\""].contains(word(k)) { quoted = true; k += 1 }
        let start = k
        var last = -1
        while k < sentence.upperBound && k - start < 8 {
            if isCapitalizedWord(k) && !inTitle[k] && !isDateWord(k) { last = k; k += 1; continue }
            if last == k - 1 && isIn(.nameConnector, k) && k + 1 < sentence.upperBound && isCapitalizedWord(k + 1) { k += 1; continue }
            break
        }
        guard last >= start else { return nil }
        // Unquoted, one capitalized word may be anything ("called Monday"): two at least.
        if !quoted && last == start { return nil }
        // A name that is a country's or a person's is no agreement's.
        if let m = mention(startingAt: start), m.endToken == last + 1, let e = m.entity, result.entities[e].type != .agreement { return nil }
        return start..<(last + 1)
    }

    // MARK: acronyms

    /// "Reciprocal Access Agreement (RAA)": the acronym in parentheses right after a mention
    /// names the same entity, there and wherever it stands later. An agreement's acronym the
    /// text defines so wins over the lexicon's agreement of that acronym from there on: "the new
    /// Strategic Arms Reduction Treaty (START)" makes every later "START" of the text that
    /// treaty, not the lexicon's first START.
    mutating func findAcronyms() {
        var acronyms: [String: EntityIndex] = [:]
        var redefined: [String: (entity: EntityIndex, from: Int)] = [:]
        let count = layer.tokens.count
        for mention in result.mentions.sorted(by: { $0.firstToken < $1.firstToken }) where !mention.candidates.isEmpty {
            // An acronym that names an agreement described in lower case names it wherever it stands.
            if mention.aliasKind == .acronym && mention.source == .pattern, let entity = mention.entity {
                acronyms[word(mention.firstToken)] = entity
                continue
            }
            let open = mention.endToken, acronym = open + 1, close = open + 2
            guard close < count, word(open) == "(", word(close) == ")", let entity = mention.entity else { continue }
            let t = layer.tokens[acronym]
            guard t.kind == .word, t.shape.contains(.allCaps), t.end - t.start >= 2 else { continue }
            let letters = Array(word(acronym).filter(\.isLetter))
            let words = (mention.firstToken..<mention.endToken).filter(isCapitalizedWord).map { Array(word($0)) }
            guard Self.isAbbreviation(letters, of: words) else { continue }
            acronyms[word(acronym)] = entity
            if !covered(acronym) {
                add(EntityMention(candidates: [entity], aliasKind: .acronym, firstToken: acronym, endToken: acronym + 1,
                                  byteStart: 0, byteEnd: 0, source: .coreference))
            } else if result.entities[entity].type == .agreement, let other = lexiconAgreement(at: acronym), other != entity,
                      !namesWithin(mention.firstToken..<mention.endToken, other) {
                if redefined[word(acronym)] == nil { redefined[word(acronym)] = (entity, acronym) }
            }
        }
        for (word, defined) in redefined {
            let entity = defined.entity
            for n in result.mentions.indices where result.mentions[n].firstToken + 1 == result.mentions[n].endToken
                && result.mentions[n].firstToken >= defined.from
                && self.word(result.mentions[n].firstToken) == word && lexiconAgreement(at: result.mentions[n].firstToken) != nil {
                result.mentions[n].candidates = [entity]
                result.mentions[n].aliasKind = .acronym
                result.mentions[n].source = .coreference
            }
        }
        guard !acronyms.isEmpty else { return }
        for i in 0..<count where !covered(i) && layer.tokens[i].shape.contains(.allCaps) {
            if let entity = acronyms[word(i)] {
                add(EntityMention(candidates: [entity], aliasKind: .acronym, firstToken: i, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .coreference))
            }
        }
    }

    /// Whether every capitalized word of `range` is a word of lexicon entity `e`'s name or of one
    /// of its aliases: "Comprehensive Test-Ban Treaty" is a short form of the lexicon's
    /// "Comprehensive Nuclear-Test-Ban Treaty", and its "(CTBT)" stays the lexicon's; the
    /// "Strategic Arms Reductions Treaty (START)" of a text is no form of the first START's.
    func namesWithin(_ range: Range<Int>, _ e: EntityIndex) -> Bool {
        guard let entry = result.entities[e].lexiconEntry else { return false }
        let words = range.filter(isCapitalizedWord).map { word($0).lowercased() }
        let entryNames = [lexicon.entries[entry].name] + lexicon.entries[entry].aliases.map(\.text)
        return entryNames.contains { name in
            let known = Set(name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            return words.allSatisfy(known.contains)
        }
    }

    /// The lexicon agreement a one-token mention at `k` names, if it is one.
    func lexiconAgreement(at k: Int) -> EntityIndex? {
        guard covered(k) else { return nil }
        let m = result.mentions[Int(owner[k])]
        guard m.firstToken == k, m.endToken == k + 1, m.source == .lexicon, let e = m.entity,
              result.entities[e].type == .agreement else { return nil }
        return e
    }

    /// Whether `letters` abbreviate `words` (their letters): the letters split into runs, in
    /// order, each the first one to three letters of a word ("RAA" for Japan-Philippines
    /// Reciprocal Access Agreement; "START" for STrategic Arms Reduction Treaty), the last run
    /// from the last word. Words may be left out ("the" and the first ones).
    static func isAbbreviation(_ letters: [Character], of words: [[Character]]) -> Bool {
        guard letters.count >= 2, letters.count <= 12, words.count <= 16, letters.count <= 3 * words.count else { return false }
        // Letters folded once: upper case, or the character itself where it has no other case.
        func fold(_ c: Character) -> Character { c.isLowercase ? Character(c.uppercased()) : c }
        let upper = letters.map(fold)
        let heads = words.map { $0.prefix(3).map(fold) }
        // Whether letters from `l` on abbreviate words from `w` on, ending with the last word;
        // each (l, w) decided once.
        var memo = [Bool?](repeating: nil, count: (upper.count + 1) * (heads.count + 1))
        func rest(_ l: Int, _ w: Int) -> Bool {
            if l == upper.count { return w == heads.count }
            if let known = memo[l * (heads.count + 1) + w] { return known }
            var found = false
            search: for v in w..<heads.count {
                let head = heads[v]
                var p = 0
                while p < min(head.count, upper.count - l) && head[p] == upper[l + p] {
                    p += 1
                    if rest(l + p, v + 1) { found = true; break search }
                }
            }
            memo[l * (heads.count + 1) + w] = found
            return found
        }
        return rest(0, 0)
    }

    // MARK: people

    /// Words of an office's domain after its title's "of", "for", "to" or "on" ("Minister of
    /// Agriculture", "Minister of State for Foreign Trade", "Minister of Trade and Industry"):
    /// part of the title, not of the name after it.
    static let officeDomains: Set<String> = [
        "affairs", "foreign", "external", "agriculture", "trade", "industry", "industries", "commerce", "tourism", "defence",
        "defense", "finance", "economy", "economic", "economics", "development", "cooperation", "co-operation", "planning",
        "higher", "tertiary", "vocational", "research", "scientific", "training", "skills", "textiles", "enterprises",
        "entrepreneurship", "manufacturing", "livestock", "wildlife", "irrigation", "sanitation", "hydrocarbons", "minerals",
        "humanitarian", "disaster", "reconstruction", "solidarity", "equality", "administration", "administrative", "reform",
        "reforms", "decentralisation", "decentralization", "human", "rights", "sport", "sustainable", "ecology", "export",
        "exports", "growth", "handicrafts", "cooperatives", "gas", "emergency", "relief", "coordination", "strategic",
        "transformation", "services", "civil",
        "national", "international", "relations", "treasury", "state", "security", "justice", "health", "education",
        "interior", "home", "energy", "environment", "information", "culture", "labour", "labor", "employment",
        "transport", "communications", "fisheries", "forestry", "mines", "mining", "petroleum", "oil", "water", "works",
        "public", "safety", "infrastructure", "housing", "women", "youth", "sports", "social", "welfare", "science", "technology",
        "innovation", "digital", "budget", "revenue", "investment", "immigration", "citizenship", "veterans", "legal",
        "parliamentary", "regional", "local", "government", "integration", "overseas", "europe", "european", "african",
        "asian", "pacific", "island", "islands", "americas", "multilateral", "bilateral", "consular", "diaspora",
        "climate", "land", "lands", "resources", "natural", "food", "rural", "urban", "family", "children", "gender",
        "heritage", "arts", "religious", "religion", "aviation", "maritime", "marine", "ports", "railways", "roads",
        "power", "electricity", "telecommunications", "media", "multimedia", "ict", "broadcasting", "statistics", "privatization",
        "change", "disaster", "emergency", "wildlife", "oceans", "shipping", "sport", "entrepreneurship", "cooperatives", "commonwealth", "livestock",
        "promotion", "urbanization", "urbanisation", "privatisation", "reconstruction", "humanitarian", "irrigation", "minerals",
        "hydrocarbons", "gas", "logistics", "textiles", "communication", "postal", "posts", "endowments", "antiquities", "reconciliation",
        "export", "exports", "growth", "skills", "training", "competitiveness", "procurement", "sanitation",
        // State companies ("Minister of State-Owned Enterprises").
        "enterprises", "owned",
        // Regions a minister's portfolio names ("Minister for Africa", "Minister for the Middle East"),
        // and a country's people abroad ("Minister of Foreign Affairs and Senegalese Abroad").
        "africa", "asia", "caribbean", "middle", "east", "expatriates", "emigrants", "abroad",
    ]
    static let complementLinks: Set<String> = ["of", "for", "to", "on"]
    /// Honorifics and courtesy titles between a title and a name, or before a name alone ("Ms
    /// Lindiwe Sisulu", "Minister for National Planning Hon. Ano Pala", "Sir Yano Belo"): they
    /// introduce a person but are no office.
    static let honorifics: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "hon", "hon.", "honourable", "honorable", "sir", "dame",
        "datuk", "dato", "dato'", "datin", "tun", "sheikh", "shaikh", "h.e.", "h.h.", "h.r.h.", "prof", "prof.", "professor", "madam",
        "madame", "mme", "mme.", "excellency", "gen", "gen.", "col", "col.", "lt", "lt.", "maj", "maj.", "capt", "capt.", "adm", "adm.",
        "pandit", "shri", "sri", "smt", "smt.", "seri", "comrade",
        // Cambodian styles ("Samdech Techo Hun Sen", "Samdech Akka Moha Sena Padei Techo Hun Sen").
        "samdech", "techo", "akka", "moha", "padei", "commodore", "cdre", "brig", "brig.", "reverend", "rev", "rev.", "rt", "rt.", "sayyid", "sayyida",
        // The abbreviations of Mohammad that South Asian and Malaysian styles write before a name
        // ("President Md Abdul Hamid", "Mohd Najib"): no part of the name the lexicon holds.
        "md", "md.", "mohd", "mohd.",
    ]
    /// Role nouns that introduce a person without being a national office the text reports
    /// ("Mayor Jorge Telerman", "Judge Milton Zackios", "director Carlo Dade").
    static let roleNouns: Set<String> = [
        "mayor", "governor", "governor-general", "judge", "chairman", "chairwoman", "chairperson", "director",
        "director-general", "commissioner", "lawmaker", "congressman", "congresswoman", "adviser", "advisor",
        "attorney", "deputy", "leader", "envoy", "negotiator", "counterpart", "counterparts", "peer", "peers", "diplomat", "secretary", "representative",
        "wife", "husband", "son", "daughter", "granddaughter", "grandson", "brother", "sister", "mother", "father", "widow",
        "democrat", "republican", "activist", "journalist", "reporter", "correspondent", "analyst", "economist",
        "hero", "convict", "actor", "actress", "singer", "author", "writer", "photographer", "editor", "lawyer",
        "businessman", "businesswoman", "billionaire", "tycoon", "entrepreneur", "investor", "banker", "scientist",
        "professor", "cleric", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "chief", "head",
        "official", "aide", "member", "undersecretary", "under-secretary", "councilor", "councillor", "laureate", "candidate", "nominee",
        "commander", "officer", "poet", "artist", "musician", "scholar", "historian", "researcher", "expert",
        "athlete", "coach", "captain", "veteran", "survivor", "dissident", "critic", "assistant",
        "mp", "mps", "legislator", "legislators", "senator", "senators", "lawmakers", "parliamentarian", "bishop", "archbishop", "imam", "rabbi", "cardinal", "patriarch", "elder", "pilot",
    ]
    /// Role nouns that name a post wherever they stand in a run of capitalized words: a run that
    /// holds one is no name ("Supreme Commander"), or one that ends before it and the words that
    /// qualify it (`postQualifiers`: "Lamin Baali Permanent Representative"); one that opens the run
    /// is a rank before the name ("Commander Pedro Pires").
    static let postNouns: Set<String> = [
        "commander", "commander-in-chief", "chief", "director", "director-general", "officer", "chairman", "chairwoman",
        "chairperson", "governor", "governor-general", "adviser", "advisor", "deputy", "representative", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "commissioner", "undersecretary", "under-secretary",
    ]
    /// Words that qualify a post before its noun ("Permanent Representative", "Supreme Commander").
    static let postQualifiers: Set<String> = [
        "permanent", "supreme", "special", "senior", "deputy", "chief", "executive", "general", "vice", "assistant",
        "acting", "principal", "personal", "resident", "high", "first", "second",
    ]
    /// Clerics' styles, capitalized, before the one name a cleric goes by ("Archbishop Makarios",
    /// "Patriarch Kirill").
    static let singleNameStyles: Set<String> = ["archbishop", "bishop", "patriarch", "cardinal", "imam", "rabbi", "metropolitan", "catholicos"]

    /// Role nouns of kinship: after "his", "her" or "their" and a comma, one word is a name ("his
    /// wife, Brigitte,").
    static let kinNouns: Set<String> = ["wife", "husband", "son", "daughter", "brother", "sister", "mother", "father"]
    /// Prepositions of a place or a time that may follow a name set off after its title by a
    /// comma ("the US Secretary of State, Ana Ruiz at the State House").
    static let placeOrTimeAfterApposedName: Set<String> = ["at", "in", "on", "during", "upon", "over", "after", "following"]

    /// Words that open a clause fronted before the sentence's subject ("Before meeting the
    /// Chilean President, Ana Ruiz in Lima spoke ..."): a post in it is no title of the name after its comma.
    static let frontedClauseOpeners: Set<String> = ["before", "after", "while", "when", "following", "upon", "during", "since", "despite", "unlike", "like"]


    /// Whether token `k` is a capital letter alone, written without a period: an initial of a
    /// name ("M" of "M Abdul Hamid"), not the article "A" nor the pronoun "I" (nor, before a
    /// name, the "E" of "H E", His Excellency: the caller's).
    func isSingleCapitalInitial(_ k: Int) -> Bool {
        let t = layer.tokens[k]
        guard t.kind == .word, t.end - t.start == 1 else { return false }
        let b = text[Int(t.start)]
        return b >= UInt8(ascii: "B") && b <= UInt8(ascii: "Z") && b != UInt8(ascii: "I")
    }

    /// Countries whose people carry two surnames, the second often left out ("Raúl Castro Ruz").
    static let twoSurnameCountries: Set<String> = [
        "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "PRY", "PER",
        "URY", "VEN", "ESP", "GNQ", "BRA", "PRT",
    ]

    /// Particles of Arabic names, after which a capitalized word is always a name ("Al Said",
    /// "bin Said": "Said" is otherwise a verb of saying).
    static let patronymicParticles: Set<String> = nameParticles.intersection(["bin", "bint", "ibn", "al", "el", "abu"])
    /// The particles of a patronymic ("son of", "daughter of"): after a known name, the name goes
    /// on; after a title's word, that word is a given name ("Prince Sultan bin Saad").
    static let sonOfParticles: Set<String> = ["bin", "ibn", "bint"]
    /// Roman numerals after an agreement's name that make it another of a series ("START II").
    static let romanSequels: Set<String> = ["ii", "iii", "iv"]

    /// Lower-case words inside a name, before a capitalized one ("Riyad al-Maliki", "Georgina te
    /// Heuheu", "José de San Martín", "Thani bin Ahmed").
    static let nameParticles: Set<String> = [
        "al", "el", "bin", "bint", "ibn", "abu", "de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von",
        "der", "den", "te", "le", "la", "ter", "ben", "y",
    ]

    /// Words that end the name of a place or an organisation: a capitalized run that reaches one
    /// is no person ("Ambassador Bridge", "Queen Salote Wharf", "General Board").
    static let placeOrOrganisationNouns: Set<String> = [
        "bridge", "wharf", "port", "harbour", "harbor", "airport", "airbase", "street", "road", "avenue", "square",
        "hall", "building", "tower", "hotel", "palace", "park", "stadium", "center", "centre", "university", "college",
        "school", "academy", "institute", "hospital", "bank", "group", "company", "corporation", "party", "league",
        "board", "policy", "foundation", "agency", "forum", "summit", "conference", "news", "times", "post", "press",
        "television", "radio", "station", "island", "river", "bay", "city", "province", "district", "region",
        "order", "award", "prize", "medal", "mosque", "church", "cathedral", "temple", "memorial", "monument", "museum",
        "day", "week", "festival", "games", "cup", "expo", "fair", "alliance", "union", "council", "club", "watch",
        "network", "channel", "magazine", "journal", "daily", "herald", "tribune", "gazette", "reuters", "online",
        "force", "one", "airlines", "airways", "motors", "holdings", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc",
        "fund", "army", "navy", "police", "team", "lake", "valley", "falls", "beach", "coast", "gulf", "sea", "ocean",
        "canal", "peninsula", "county", "village", "town", "mountains", "hills", "colony", "division", "declaration",
        "resolution", "treaty", "accord", "accords", "pact", "convention", "protocol", "charter", "agreement",
        "commission", "committee", "organization", "organisation", "federation", "association", "society", "movement",
        "secretariat", "community", "service", "services", "cross", "crescent",
    ]

    /// Every word whose key `CompiledLexicon.personCueKeys` holds.
    static let personCueWords: [String] = Array(honorifics.union(roleNouns).union(["by", "photo", "who", "summit", "according"]).union(captionMarkers).union(speechVerbs).union(meetingVerbs).union(heldVerbs)
        .union(objectVerbs).union(possessedNouns).union(groupNumbers.keys).union(bareGroupOffices.keys).union(signingWords).union(ratifyingWords)).sorted()

    /// Nouns that only a person possesses in news: a name with "'s" before them is a person's
    /// ("Ana Ruiz's visit", "Li Wei's wife").
    static let possessedNouns: Set<String> = [
        "visit", "trip", "tour", "arrival", "departure", "meeting", "meetings", "talks", "wife", "husband", "predecessor", "successor", "administration",
        "government", "spokesman", "spokeswoman", "spokesperson", "inauguration", "presidency", "premiership",
    ]

    /// Possessed nouns of a journey, which may follow the "'s" past words that describe it.
    static let journeyNouns: Set<String> = ["visit", "trip", "tour", "arrival", "departure"]

    /// Nouns of a journey or of the craft and cars it is made in, after a possessive: "Ruto's
    /// (private) plane", "Ruto's motorcade".
    static let journeyThings: Set<String> = journeyNouns.union(["plane", "aircraft", "jet", "flight", "motorcade", "convoy", "car", "helicopter"])

    /// Whether the words from `k` (up to three words, numbers or hyphens: "Latin American",
    /// "three-nation", then the noun) name a journey or its craft (`journeyThings`).
    func possessesJourney(after k: Int) -> Bool {
        var n = k
        while n < layer.tokens.count && n < k + 4 {
            guard layer.tokens[n].kind == .word || layer.tokens[n].kind == .number || isCharacter(n, UInt8(ascii: "-")) else { return false }
            if Self.journeyThings.contains(key(n)) { return true }
            n += 1
        }
        return false
    }

    /// People named in three more shapes of running text: before "'s" and a noun only a person
    /// possesses ("Ana Ruiz's visit"); before ", who" ("Ana Ruiz, who arrived"); and before a
    /// verb of attribution right after a closing quote ("“We are ready,” Ana Ruiz said"). Names of
    /// two words or more, looking like a person's, not the object of a preposition.
    mutating func findPeopleInRunningText() {
        var ends: [Int] = []  // token after each candidate name
        var described: Set<Int> = []  // of those, names before "'s" and a journey described in words
        for i in cuePositions where i > 1 {
            if isIn(.speechVerb, i) {
                // The name's start must follow a closing quote, or be a given name: checked below.
                ends.append(-i)
                continue
            }
            // "Ana Ruiz's three-nation tour", "Ana Ruiz's first official visit": a journey's
            // words in lower case (or a number) between the "'s" and the noun.
            if isIn(.possessed, i) && Self.journeyNouns.contains(key(i)) && !isPossessive(i - 1) {
                var k = i - 1
                while k > 1 && i - k < 6 && !isCapitalizedWord(k) && !isPossessive(k)
                        && (layer.tokens[k].kind == .word || layer.tokens[k].kind == .number || isCharacter(k, UInt8(ascii: "-"))) { k -= 1 }
                if k < i - 1 && isPossessive(k) { ends.append(k); described.insert(k) }
                continue
            }
            // Most cue words stand after none of these: tested on bytes before the word's key.
            guard isPossessive(i - 1) || isCharacter(i - 1, UInt8(ascii: ",")) || isCapitalizedWord(i - 1) else { continue }
            if isIn(.possessed, i) {
                if isPossessive(i - 1) { ends.append(i - 1) }
            } else if isCharacter(i - 1, UInt8(ascii: ",")) && key(i) == "who" {
                ends.append(i - 1)
            }
        }
        let givenNames = lexicon.givenNameKeys
        for e in ends.sorted(by: { abs($0) < abs($1) }) {
            var end = abs(e)
            // "Ana Ruiz also said": one adverb between the name and the verb.
            if e < 0 && end > 1 && !isCapitalizedWord(end - 1) && isCapitalizedWord(end - 2) && layer.tokens[end - 1].kind == .word
                && ["also", "then", "later", "again", "further"].contains(key(end - 1)) { end -= 1 }
            guard end > 0, isCapitalizedWord(end - 1), !covered(end - 1) else { continue }
            var known = false  // the name opens with a given name of the people lexicon
            if e < 0 {
                // Before a verb of attribution, only right after a closing quote, or opening a
                // sentence with a given name: looked at before anything costlier, over the
                // capitalized words back from the verb.
                var k = end - 1
                while k > 0 && end - k < 8 && (isCapitalizedWord(k - 1) || layer.tokens[k - 1].kind == .word && !isCapitalizedWord(k - 1)
                                                 && isIn(.nameParticle, k - 1)) { k -= 1 }
                known = givenNames.contains(layer.tokens[k].key) && !isNonNameWord(k) && !isArticleGivenName(k)
                guard known || (k > 0 && layer.tokens[k - 1].kind == .punctuation) else { continue }
            }
            let sentence = sentenceRange(of: end - 1)
            guard let tokens = nameEnding(at: end, sentence: sentence) else { continue }
            // A journey described in words is a company's or a troupe's as well ("Goldman Sachs's
            // annual tour"): only a name opening with a given name of the people lexicon.
            if described.contains(e) && !givenNames.contains(layer.tokens[tokens[0]].key) { continue }
            if e < 0 {
                // After a closing quote; or a given name opening the sentence (or a clause after a
                // comma or a quote): "Jaideep Mazumdar said" is a person where "Goldman Sachs
                // said" opens with no given name.
                let quoted = tokens[0] > 0 && ["”", "\"", "’", "'"].contains(word(tokens[0] - 1))
                let opens = tokens[0] == sentence.lowerBound || layer.tokens[tokens[0] - 1].kind == .punctuation
                guard quoted || (known && opens && givenNames.contains(layer.tokens[tokens[0]].key)) else { continue }
            }
            guard !isTitleCase(sentence) else { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: tokens[tokens.count - 1] + 1,
                              byteStart: 0, byteEnd: 0, source: source))
        }
    }

    /// Names that open with a given name of the people lexicon, wherever they stand in running
    /// text ("an analyst, Olaf Brennick, said", "quoted Ana Mirovic and ..."): two capitalized
    /// words or more looking like a person's name, with nothing capitalized running into them
    /// from before, not after an article ("the Olaf Brennick Trust"), and followed by
    /// punctuation other than a hyphen, a conjunction or preposition (`afterName`), or a verb
    /// ("Olaf Brennick tractors" is no person).
    mutating func findPeopleByGivenName() {
        let given = lexicon.givenNameKeys
        var next = 0  // tokens before this are part of a name found
        for i in capitalPositions where i >= next && given.contains(layer.tokens[i].key) {
            guard mayStartName(i), !isNonNameWord(i), !isArticleGivenName(i) else { continue }
            // A number counts what follows it ("3 Min Read"): no name.
            if i > 0 && layer.tokens[i - 1].kind == .number { continue }
            if i > 0, isIn(.article, i - 1) || (isCapitalizedWord(i - 1) && !covered(i - 1)) { continue }
            let sentence = sentenceRange(of: i)
            let (tokens, _) = nameTokens(from: i, sentence: sentence)
            guard let last = tokens.last, looksLikePersonName(tokens), !isTitleCase(sentence) else { continue }
            guard mayFollowName(last + 1, in: sentence) else { continue }
            // An acronym is no part of a person's name ("a silver Mercedes Benz SUV"): a word of
            // three or four capitals standing alone, not a surname in capitals joined by a hyphen
            // ("Maria Petrova-SMITH") nor a suffix ("III").
            if tokens.dropFirst().contains(where: { t in
                let length = layer.tokens[t].end - layer.tokens[t].start
                return layer.tokens[t].shape.contains(.allCaps) && length > 2 && length < 5 && !isIn(.nameSuffix, t)
                    && !isCharacter(t - 1, UInt8(ascii: "-")) && !(t + 1 < layer.tokens.count && isCharacter(t + 1, UInt8(ascii: "-")))
            }) { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                              byteStart: 0, byteEnd: 0, source: source))
            next = last + 1
        }
    }

    /// "Al" and "El": a given name ("Al Gore") but as often the article of an Arabic surname
    /// ("Al-Sisi said", "Al Saud"): no cue of a name the lexicon does not have.
    func isArticleGivenName(_ i: Int) -> Bool { key(i) == "al" || key(i) == "el" }

    /// Whether token `n` may follow a person's name found by its position: the sentence's end,
    /// punctuation other than a hyphen, a conjunction or preposition (`afterName`), a verb of
    /// speech, meeting or travel, a verb whose object is a person, or a predicate word. A noun
    /// after a capitalized run makes it a modifier ("Olaf Brennick tractors").
    func mayFollowName(_ n: Int, in sentence: Range<Int>) -> Bool {
        n >= sentence.upperBound || (layer.tokens[n].kind == .punctuation && !isCharacter(n, UInt8(ascii: "-")))
            || isIn(.afterName, n) || isIn(.speechVerb, n) || isIn(.meetingVerb, n) || isIn(.objectVerb, n) || isIn(.predicate, n)
            || isPastVerb(n) || (layer.tokens[n].shape.contains(.allCaps) && Self.postNominals.contains(key(n)))
    }

    /// Letters after a name that say what the person is, not who ("Kemi Badenoch MP,"); before
    /// a name they are a post ("Pointe-a-Pierre MP David Lee").
    static let postNominals: Set<String> = ["mp", "mep", "mla", "mna", "qc", "kc"]

    /// A lower-case word in "-ed" of five letters or more ("lasted", "focused", "ended"): a verb
    /// in the past after a subject, unless it is one of the participles that make a capitalized
    /// run before it a modifier ("Lima based", "state owned").
    func isPastVerb(_ i: Int) -> Bool {
        let t = layer.tokens[i]
        guard t.kind == .word, !t.shape.contains(.capitalized), t.byteRange.count >= 5,
              text[t.byteRange.upperBound - 1] == UInt8(ascii: "d"), text[t.byteRange.upperBound - 2] == UInt8(ascii: "e")
        else { return false }
        return !Self.modifierParticiples.contains(key(i))
    }
    static let modifierParticiples: Set<String> = [
        "based", "owned", "backed", "funded", "sponsored", "linked", "related", "affiliated", "registered", "listed",
        "headquartered", "operated", "controlled", "designed", "branded", "licensed", "certified", "approved", "inspired",
        "themed", "flagged", "minded",
    ]

    /// Auxiliaries and verbs common right after a person's name ("Ana Ruiz has left", "Li Wei
    /// signed"): a capitalized run before one is a subject, not a modifier.
    static let predicateWords: Set<String> = [
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does",
        "also", "then", "later", "who", "whose", "himself", "herself", "signed", "received", "held", "holds", "led", "leads",
        "heads", "headed", "called", "calls", "took", "takes", "made", "makes", "gave", "gives", "became", "becomes", "joined",
        "left", "returned", "spoke", "speaks", "expressed", "thanked", "praised", "attended", "paid", "discussed", "agreed",
        "pledged", "promised", "wants", "wanted", "hopes", "hoped", "believes", "believed", "thinks", "thought", "warned",
        "hold", "meet",
    ]

    /// Words whose object is a person: a name right after them (after "with" for a meeting) is
    /// one ("met with Ana Ruiz,", "talks with Li Wei in", "He replaces Chuck Hagel.").
    static let objectVerbs: Set<String> = [
        "met", "meets", "meet", "meeting", "talks", "summit", "hosted", "hosts", "welcomed", "welcomes", "received", "receives",
        "greeted", "greets", "thanked",
        "succeeds", "succeeded", "succeeding", "replaces", "replaced", "replacing",
    ]
    /// What may follow a person's name in running text: punctuation, a conjunction or a
    /// preposition; a noun after a capitalized run makes it a modifier ("Goldman Sachs executives").
    static let afterName: Set<String> = [",", ".", ";", ":", ")", "and", "in", "on", "at", "to", "for", "during", "after", "before", "from", "of", "as", "who", "–", "—"]

    /// People named right after a word whose object is a person (`objectVerbs`; "with" after a
    /// meeting's word): two words or more, looking like a person's name, followed by what may
    /// follow a name (`mayFollowName`).
    mutating func findPeopleAfterObjectVerbs() {
        let count = layer.tokens.count
        for v in cuePositions where v + 2 < count && isIn(.objectVerb, v) {
            var start = v + 1
            let verb = key(v)
            // An adjunct between the verb and "with": "met privately with", "met on Monday in
            // Lima with" (a manner word, a day, a date's number, a country or its city).
            var skipped = 0
            while skipped < 5 && start < count && isAdjunctWord(start) { start += 1; skipped += 1 }
            // "meeting" takes its object bare only as a verb ("after meeting Ana Ruiz").
            let gerund = verb == "meeting" && v > 0 && Self.gerundOpeners.contains(key(v - 1))
            if start < count && key(start) == "with" { start += 1 } else if skipped > 0 || verb == "talks" || verb == "summit" || (verb == "meeting" && !gerund) { continue }
            // Past a form of address ("with Dr Ana Ruiz", "with comrade Tran Van Lam").
            if start + 1 < count && isFormOfAddress(start) { start += 1 }
            guard mayStartName(start) else { continue }
            let sentence = sentenceRange(of: v)
            let (tokens, _) = nameTokens(from: start, sentence: sentence)
            guard let last = tokens.last, looksLikePersonName(tokens),
                  mayFollowName(last + 1, in: sentence) || isDash(last + 1), !isTitleCase(sentence) else { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                              byteStart: 0, byteEnd: 0, source: source))
        }
    }

    /// A word of a short adjunct after a verb of meeting: a preposition of time or place, a
    /// manner adverb, a day or month, a number, or a country mention (a city standing for one).
    func isAdjunctWord(_ i: Int) -> Bool {
        if Self.adjunctWords.contains(key(i)) || isDateWord(i) { return true }
        if layer.tokens[i].kind == .number { return true }
        guard covered(i), let e = result.mentions[Int(owner[i])].entity else { return false }
        return result.entities[e].type == .country
    }
    /// Words before "meeting" that make it a verb ("after meeting Ana Ruiz", "while meeting").
    static let gerundOpeners: Set<String> = ["after", "before", "while", "when", "since", "following", "upon", "on"]
    static let adjunctWords: Set<String> = [
        "on", "in", "at", "the", "privately", "separately", "briefly", "warmly", "cordially", "formally", "officially",
        "jointly", "again", "also", "later", "today", "yesterday",
    ]

    /// Names listed with a person's, joined by commas or "and" ("Ana Ruiz, Piet Dorr and Li
    /// Wenbo attended"; "with Piet Dorr and Ana Ruiz"): two capitalized words or more looking
    /// like a person's name, ending where a name may end, are people too, before and after; the
    /// second of a pair after "between" ends wherever it ends ("talks between Ana Ruiz and Li
    /// Wenbo ended").
    mutating func findListedNames() {
        let people = result.mentions.filter { m in m.entity.map { result.entities[$0].type == .person } ?? false }
        for m in people {
            let sentence = sentenceRange(of: m.firstToken)
            // "between Ana Ruiz and Li Wenbo": the second of a pair, whatever follows it.
            let start = m.titleStart ?? m.firstToken
            let pair = start > sentence.lowerBound && key(start - 1) == "between"
            // After: ", Li Wenbo", "and Li Wenbo", ", and Li Wenbo"; past the country of each
            // ("counterparts Ana Ruiz of Peru and Li Wenbo of China").
            var k = pastOfCountry(m.endToken, in: sentence)
            while k + 2 < sentence.upperBound && (key(k) == "and" || isCharacter(k, UInt8(ascii: ","))) {
                var start = k + 1
                if isCharacter(k, UInt8(ascii: ",")) && key(start) == "and" { start += 1 }
                // "and Peru's Ana Ruiz": past the country's possessive.
                if let c = mention(startingAt: start), let ce = c.entity, result.entities[ce].type == .country,
                   c.endToken + 1 < sentence.upperBound, isPossessive(c.endToken) {
                    start = c.endToken + 1
                }
                guard mayStartName(start) else { break }
                let (tokens, _) = nameTokens(from: start, sentence: sentence)
                guard let last = tokens.last, looksLikePersonName(tokens) else { break }
                let n = last + 1
                guard mayFollowName(n, in: sentence) || (pair && key(k) == "and" && k == m.endToken) else { break }
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: n,
                                  byteStart: 0, byteEnd: 0, source: source))
                k = pastOfCountry(n, in: sentence)
            }
            // Before: "Ana Ruiz, Piet Dorr and" + the person (or "and Peru's" + the person).
            var e = (m.titleStart ?? m.firstToken) - 1
            if e > sentence.lowerBound && isPossessive(e), let c = mention(endingAt: e), let ce = c.entity, result.entities[ce].type == .country {
                e = c.firstToken - 1
            }
            while e > sentence.lowerBound + 1 && (key(e) == "and" || isCharacter(e, UInt8(ascii: ","))) {
                var end = e
                if key(e) == "and" && isCharacter(e - 1, UInt8(ascii: ",")) { end = e - 1 }
                guard end > sentence.lowerBound, isCapitalizedWord(end - 1), !covered(end - 1),
                      let tokens = nameEnding(at: end, sentence: sentence) else { break }
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: end,
                                  byteStart: 0, byteEnd: 0, source: source))
                e = tokens[0] - 1
            }
        }
    }

    /// Where a caption puts a person in a photograph: "(left)", "(R)", "(2nd L)".
    static let captionMarkers: Set<String> = ["left", "right", "l", "r", "c", "center", "centre", "front"]

    /// People named by two markers of running text: after "according to" ("according to Ana
    /// Ruiz, the talks ...") and before a caption's place in a photograph ("Ana Ruiz (left)
    /// shakes hands", "Li Wei (2nd R)"). Names of two words or more, looking like a person's.
    mutating func findPeopleByMarkers() {
        let count = layer.tokens.count
        for i in cuePositions {
            if isIn(.according, i) {
                guard i + 2 < count, key(i + 1) == "to", mayStartName(i + 2) else { continue }
                let sentence = sentenceRange(of: i)
                let (tokens, _) = nameTokens(from: i + 2, sentence: sentence)
                guard let last = tokens.last, looksLikePersonName(tokens), last + 1 >= sentence.upperBound || isIn(.afterName, last + 1)
                else { continue }
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                                  byteStart: 0, byteEnd: 0, source: source))
            } else if isIn(.captionMarker, i) {
                // "(left)", "(L)", "(2nd L)": the marker closes its parenthesis.
                guard i + 1 < count, isCharacter(i + 1, UInt8(ascii: ")")) else { continue }
                var open = i - 1
                // "2nd": an ordinal before the side.
                if open > 0 && text[Int(layer.tokens[open].start)] &- UInt8(ascii: "0") < 10 { open -= 1 }
                guard open > 0, isCharacter(open, UInt8(ascii: "(")), isCapitalizedWord(open - 1), !covered(open - 1) else { continue }
                let sentence = sentenceRange(of: open - 1)
                guard let tokens = nameEnding(at: open, sentence: sentence) else { continue }
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: open,
                                  byteStart: 0, byteEnd: 0, source: source))
            }
        }
    }

    /// Names with initials: two capital letters or more standing alone ("H S Rao"), or one or
    /// more with a period ("P. Chidambaram", "A. P. J. Abdul Kalam"), before a capitalized word:
    /// the run is a person's name.
    mutating func findInitialedNames() {
        let count = layer.tokens.count
        var next = 0  // tokens before this are part of a name found, or initials looked at
        let letters = lexicon.letterKeys
        for i in capitalPositions where i >= next && i + 1 < count && letters.contains(layer.tokens[i].key) {
            guard !covered(i), !inTitle[i], isASCIIUpperByte(text[Int(layer.tokens[i].start)]) else { continue }
            // "I am": the pronoun, not an initial.
            if layer.tokens[i].end - layer.tokens[i].start == 1 && text[Int(layer.tokens[i].start)] == UInt8(ascii: "I")
                && layer.tokens[i + 1].kind == .word && !layer.tokens[i + 1].shape.contains(.capitalized) { continue }
            // The initials: single capitals, each with its period or none.
            var j = i
            var dotted = false, letters = 0
            while j < count && letters < 4 {
                let u = layer.tokens[j]
                let n = Int(u.end - u.start)
                guard n <= 2, u.kind == .word || u.shape.contains(.abbreviation), isASCIIUpperByte(text[Int(u.start)]), !covered(j), !inTitle[j] else { break }
                if n == 2 { guard text[Int(u.start) + 1] == UInt8(ascii: ".") else { break }; dotted = true }
                else if j + 1 < count && isCharacter(j + 1, UInt8(ascii: ".")) && layer.tokens[j + 1].start == u.end { dotted = true; j += 1 }
                letters += 1
                j += 1
            }
            next = max(i + 1, j)
            guard letters >= 2 || dotted, j < count, isCapitalizedWord(j), !covered(j), !inTitle[j] else { continue }
            let sentence = sentenceRange(of: i)
            // "I" and "A" open sentences as words, not initials.
            if letters == 1 && i == sentence.lowerBound { continue }
            guard !isTitleCase(sentence) || letters >= 2 else { continue }
            let (rest, _) = nameTokens(from: j, sentence: sentence)
            guard let last = rest.last, rest.count <= 3, hasOnlyNameWords(rest) else { continue }
            let tokens = Array(i...last)
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: i, endToken: last + 1,
                              byteStart: 0, byteEnd: 0, source: source))
            next = last + 1
        }
    }

    @inline(__always)
    func isASCIIUpperByte(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// Whether token `i` is an en or em dash, read from the text's bytes.
    @inline(__always)
    func isDash(_ i: Int) -> Bool {
        let t = layer.tokens[i]
        guard t.end - t.start == 3 else { return false }
        let s = Int(t.start)
        return text[s] == 0xE2 && text[s + 1] == 0x80 && (text[s + 2] == 0x93 || text[s + 2] == 0x94)
    }

    /// Whether token `i` is the possessive: "'s", "’s", or the apostrophe the tokenizer gives
    /// the possessive's key after a name ending in "s" ("the Philippines' envoy").
    @inline(__always)
    func isPossessive(_ i: Int) -> Bool { possessiveKey != nil && layer.tokens[i].key == possessiveKey }

    /// Verbs of meeting and travel: a name right before them is a party to a meeting or a visit,
    /// so a person ("Marek Tolvan arrived in Warsaw", "Then Ana Ruiz and Li Wei met", a caption's
    /// "Ana Ruiz (R) and Li Wei pose before talks").
    static let meetingVerbs: Set<String> = ["met", "meets", "arrived", "arrives", "visited", "visits", "landed", "lands", "toured", "tours",
                                            "flew", "travelled", "traveled", "pose", "poses", "posed", "shake", "shakes", "shook",
                                            "received", "receives", "hosted", "hosts", "welcomed", "welcomes", "greeted", "greets",
                                            "hugged", "hugs"]
    /// What "held" or "holds" must be followed by, within three words, to tell a meeting ("held
    /// talks with", "held a bilateral meeting"), not a post or a view ("held the post").
    static let heldMeetingNouns: Set<String> = ["talks", "meeting", "meetings", "discussions", "consultations", "bilateral", "summit"]
    /// The verbs that tell a meeting only with one of `heldMeetingNouns` after them.
    static let heldVerbs: Set<String> = ["held", "holds"]
    /// Capitalized words that open a sentence before a name without being part of it ("Then
    /// Ana Ruiz met ...").
    static let clauseOpeners: Set<String> = [
        "then", "but", "and", "later", "meanwhile", "also", "earlier", "afterwards", "today", "yesterday", "when",
        "after", "before", "while", "as", "there", "here", "so", "yet", "now", "finally", "first", "in", "on", "at",
        "since", "once", "where", "if", "although", "though", "because", "last", "next", "this", "that",
        "during", "following", "despite", "amid", "under", "without", "upon", "unlike", "like",
        // Quantifiers before a people's name ("Most Kenyans met ...", "Many Ugandans welcomed ...").
        "most", "many", "several", "few", "every",
    ]

    /// Adverbs between a subject and its verb ("Ana Ruiz also met ...", "... yesterday met ...").
    static let preVerbAdverbs: Set<String> = ["also", "then", "later", "first", "finally", "today", "yesterday"]

    /// People named right before a verb of meeting, hosting or travel ("held" only before talks or
    /// a meeting), with "also", "then", "later" or a
    /// day ("on Monday") between at most: a name of two words or more, not the object of a preposition, with
    /// nothing of an office, institution, place or organisation in it; with the name joined to
    /// it by "and" ("Ana Ruiz and Li Wei met").
    mutating func findPeopleBeforeMeetingVerbs() {
        for v in cuePositions where v > 0 && (isIn(.meetingVerb, v) || isIn(.heldVerb, v)) {
            let sentence = sentenceRange(of: v)
            if !isIn(.meetingVerb, v) && !((v + 1)..<min(sentence.upperBound, v + 4)).contains(where: { isIn(.heldMeetingNoun, $0) }) { continue }
            var end = v
            // Back over "also", "then" ... and a day ("on Monday", "yesterday"), in either order.
            for _ in 0..<2 {
                if end - 1 > sentence.lowerBound && isIn(.preVerbAdverb, end - 1) {
                    end -= 1
                } else if end - 2 > sentence.lowerBound && isIn(.weekday, end - 1) && isIn(.on, end - 2) {
                    end -= 2
                }
            }
            guard end > sentence.lowerBound, isCapitalizedWord(end - 1), !covered(end - 1) else { continue }
            var names: [[Int]] = []
            while end > sentence.lowerBound {
                guard let tokens = nameEnding(at: end, sentence: sentence) else { break }
                names.append(tokens)
                let before = tokens[0] - 1
                guard before > sentence.lowerBound, key(before) == "and" || isCharacter(before, UInt8(ascii: ",")) else { break }
                end = before
            }
            if !names.isEmpty && isTitleCase(sentence) { continue }
            for tokens in names {
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: tokens[tokens.count - 1] + 1,
                                  byteStart: 0, byteEnd: 0, source: source))
            }
        }
    }

    /// The tokens of a person's name that ends right before `end`: a run of capitalized words
    /// (with particles and hyphens), none covered or in a title, that looks like a person's
    /// name, does not start a title-case run of the sentence's first word ("Then"), and is not
    /// the object of a preposition ("in Buenos Aires").
    func nameEnding(at end: Int, sentence: Range<Int>, afterPreposition: Bool = false) -> [Int]? {
        var start = end
        while start > sentence.lowerBound && !covered(start - 1) && !inTitle[start - 1]
                && (isCapitalizedWord(start - 1) || (start - 1 > sentence.lowerBound && isCapitalizedWord(start - 2)
                    && (isIn(.nameParticle, start - 1) || isCharacter(start - 1, UInt8(ascii: "-"))))) {
            start -= 1
        }
        // A clause opener, or a participle opening the clause ("Welcoming Ruiz, the minister
        // said ...", "Addressing Dorr, ..."): no given name.
        if start + 1 < end && isOpeningParticiple(start) { start += 1 }
        if start == sentence.lowerBound && start < end && isIn(.clauseOpener, start) { start += 1 }
        guard start < end else { return nil }
        if start > sentence.lowerBound && (afterPreposition ? ["the", "a", "an"] : ["in", "at", "of", "from", "to", "for", "on", "the", "a", "an"]).contains(key(start - 1)) { return nil }
        let (tokens, _) = nameTokens(from: start, sentence: sentence)
        guard tokens.last == end - 1, looksLikePersonName(tokens) else { return nil }
        return tokens
    }

    /// Whether token `t` is a participle opening its sentence ("Welcoming Ruiz, Peru's
    /// president said ...", "Addressing Dorr, ..."): a word of seven letters or more ending in
    /// "ing". The name after it is its object, and what follows the comma no apposition to it.
    func isOpeningParticiple(_ t: Int) -> Bool {
        t == sentenceRange(of: t).lowerBound && layer.tokens[t].kind == .word && key(t).count >= 7 && key(t).hasSuffix("ing")
    }

    /// Verbs of attribution: a name right after them, or right before them after a quotation,
    /// is a person ("said Steve Goldstein, ...", "“...,” Jaideep Mazumdar said").
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "noted", "explained", "announced", "informed", "stressed", "emphasized",
        "emphasised", "underlined", "urged", "wrote", "tweeted", "asked", "replied", "recalled", "reiterated", "insisted",
    ]

    /// People named in attributions: "..., said Steve Goldstein, U.S. undersecretary", "“...”
    /// said Hossein Amir-Abdollahian in his greetings": a name of two words or more right after
    /// the verb, with nothing of an office, institution, place or organisation in it. (Before
    /// the verb, "Goldman Sachs said" looks like "Jaideep Mazumdar said": not taken.)
    mutating func findPeopleInAttributions() {
        for i in cuePositions where isIn(.speechVerb, i) {
            let sentence = sentenceRange(of: i)
            // After the verb: the name, then a comma, the sentence's end or a preposition.
            if mayStartName(i + 1) {
                let (tokens, _) = nameTokens(from: i + 1, sentence: sentence)
                if let last = tokens.last, looksLikePersonName(tokens),
                   last + 1 >= sentence.upperBound || [",", ".", ";", "in", "at", "on", "during", "after", "before", "when", "as"].contains(key(last + 1)),
                   !isTitleCase(sentence) {
                    let (entity, source) = person(named: tokens)
                    add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                                      byteStart: 0, byteEnd: 0, source: source))
                }
            }
        }
    }

    /// Whether token `i` is the one ASCII character `c` (",", "/"), read from the text's bytes.
    @inline(__always)
    func isCharacter(_ i: Int, _ c: UInt8) -> Bool {
        let t = layer.tokens[i]
        return t.end - t.start == 1 && text[Int(t.start)] == c
    }


    /// Whether a person's name may start at token `i`: a capitalized word no title or mention
    /// holds (a test of loads, before any string is made).
    @inline(__always)
    func mayStartName(_ i: Int) -> Bool { i < layer.tokens.count && !covered(i) && !inTitle[i] && isCapitalizedWord(i) }

    /// An honorific before a name: "Dr", "Sheikh", "Datuk Seri"; "Tan" and "Puan" only before
    /// "Sri" ("Tan Sri", "Puan Sri"), as "Tan" is a surname too.
    /// An honorific, or "comrade" in any case ("a meeting with comrade X"), before a name.
    func isFormOfAddress(_ i: Int) -> Bool {
        isHonorific(i) || isIn(.comrade, i)
    }

    /// The words between "the" and an honorific in a style ("the Most Hon.", "the Right Honourable").
    static let styleDegrees: Set<String> = ["most", "right", "very"]

    /// Where a style that opens with "the" at `i` ends its "the" and degree: "the Hon." and "the
    /// Most Hon." give the honorific's index. Nil when `i` opens none.
    func styleWithThe(at i: Int, sentence: Range<Int>) -> Int? {
        guard key(i) == "the" else { return nil }
        var j = i + 1
        if j < sentence.upperBound && Self.styleDegrees.contains(key(j)) && isCapitalizedWord(j) { j += 1 }
        return j + 1 < sentence.upperBound && isHonorific(j) ? j : nil
    }

    func isHonorific(_ i: Int) -> Bool {
        // The apostrophe of "Dato'" ("Dato’ Sri"), a token of its own.
        if i > 0 && key(i - 1) == "dato" && ["'", "’"].contains(key(i)) { return true }
        guard isCapitalizedWord(i) else { return false }
        if isIn(.honorific, i) { return true }
        // "His Excellency", "Her Royal Highness": a form of address before a name.
        if (key(i) == "his" || key(i) == "her") && i + 1 < layer.tokens.count && isCapitalizedWord(i + 1)
            && Self.addressWords.contains(key(i + 1)) { return true }
        if Self.addressWords.contains(key(i)) && i > 0 && (key(i - 1) == "his" || key(i - 1) == "her" || key(i - 1) == "royal") && isCapitalizedWord(i - 1) { return true }
        // "HE", "HH", "HRH": His Excellency, His Highness, His Royal Highness in capitals, no
        // periods ("he" in lower case stays a pronoun).
        let length = layer.tokens[i].end - layer.tokens[i].start
        if (length == 2 || length == 3) && layer.tokens[i].shape.contains(.allCaps) && ["he", "hh", "hrh"].contains(key(i))
            && i + 1 < layer.tokens.count && isCapitalizedWord(i + 1) { return true }
        // "H E", His Excellency written with no periods (one compare for any longer word).
        if length == 1 {
            return (isCharacter(i, UInt8(ascii: "H")) && i + 1 < layer.tokens.count && isCharacter(i + 1, UInt8(ascii: "E")))
                || (isCharacter(i, UInt8(ascii: "E")) && i > 0 && isCharacter(i - 1, UInt8(ascii: "H")))
        }
        return (key(i) == "tan" || key(i) == "puan") && i + 1 < layer.tokens.count && (key(i + 1) == "sri" || key(i + 1) == "seri")
    }

    /// Capitalized words of a body or a polity inside a title's complement ("of the State
    /// Council", "of the Office of His Majesty", "of the Mazhilis of Parliament", "to the United
    /// Nations"): part of the title, never of the name after it.
    static let bodyWords: Set<String> = [
        "assembly", "council", "committee", "commission", "office", "ministry", "department", "house", "senate",
        "congress", "court", "secretariat", "cabinet", "parliament", "presidency", "administration", "staff",
        "embassy", "mission", "republic", "kingdom", "federation", "union", "united", "nations", "majesty", "his",
        "her", "highness", "royal", "joint", "chiefs", "general", "people's", "central", "supreme", "armed", "forces",
        "states", "emirates",
    ]

    /// Where the complement of a title ending at `start` ends ("of Agriculture", "to Kuwait",
    /// "of State for Foreign Trade", "of the State Council", "in Kenya", "(East)"): after a link,
    /// capitalized domain and body words and country mentions, joined by links, "and" or "&"; a
    /// word of neither kind only when a link and an accepted word follow it ("of the Mazhilis of
    /// Parliament"); after "in", a country alone, or "the" and a body of the government ("in the
    /// Presidency", "in the Prime Minister's Department"). Nil when there is none.
    func complementEnd(after start: Int, sentence: Range<Int>) -> Int? {
        var k = start
        var last = -1
        // Where a portfolio's word that starts at `j` ends: a capitalized word of the office
        // domains, or one written with a hyphen whose parts make one ("Co-operation"). Nil when
        // none starts there.
        func domainWordEnd(at j: Int) -> Int? {
            guard j < sentence.upperBound, isCapitalizedWord(j), !inTitle[j], !covered(j) else { return nil }
            if isIn(.officeDomain, j) { return j + 1 }
            if j + 2 < sentence.upperBound, isCharacter(j + 1, UInt8(ascii: "-")), layer.tokens[j + 2].kind == .word,
               Self.officeDomains.contains(key(j) + "-" + key(j + 2)) {
                return j + 3
            }
            return nil
        }
        // "Secretary (East)": a capitalized word in parentheses right after the title.
        if k + 2 < sentence.upperBound && isCharacter(k, UInt8(ascii: "(")) && isCapitalizedWord(k + 1) && isCharacter(k + 2, UInt8(ascii: ")")) {
            last = k + 2
            k += 3
        }
        // "Minister of Foreign Affairs and Trade": domain words joined to the title by "and" or
        // "&", when no second title follows them ("Prime Minister and Foreign Minister").
        if last < 0, k + 1 < sentence.upperBound, k > sentence.lowerBound, inTitle[k - 1], key(k) == "and" || key(k) == "&" {
            var j = k + 1
            while j < sentence.upperBound {
                if isCapitalizedWord(j) && !inTitle[j] && !covered(j) && isIn(.body, j) { j += 1; continue }
                if let after = domainWordEnd(at: j) { j = after; continue }
                if let after = peopleAbroadEnd(at: j, sentence: sentence) { j = after; continue }
                break
            }
            if j > k + 1 && (j == sentence.upperBound || !inTitle[j]) {
                last = j - 1
                k = j
            }
        }
        // "Crown Prince and Deputy Supreme Commander of the Armed Forces, X": a second post the
        // titles lack, joined by "and", a post's noun among its words, and its own complement,
        // before the comma of a name in apposition: the person's, phrased with the title.
        if last < 0, k + 2 < sentence.upperBound, k > sentence.lowerBound, inTitle[k - 1], key(k) == "and" {
            var j = k + 1, post = false
            while j < sentence.upperBound && j - k <= 5 && isCapitalizedWord(j) && !inTitle[j] && !covered(j) {
                post = post || isIn(.postNoun, j)
                j += 1
            }
            if post, j + 1 < sentence.upperBound, key(j) == "of" {
                var e = j + 1
                while e < sentence.upperBound && e - j <= 8 {
                    if let m = mention(startingAt: e), let c = m.entity, result.entities[c].type == .country { e = m.endToken; continue }
                    guard key(e) == "the" || (isCapitalizedWord(e) && !inTitle[e] && !covered(e)) else { break }
                    e += 1
                }
                j = e > j + 1 ? e : j
            }
            if post, j + 1 < sentence.upperBound, isCharacter(j, UInt8(ascii: ",")), isCapitalizedWord(j + 1) {
                return j
            }
        }
        // "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates X",
        // "Secretary for Investment, Trade, and Industry X": more portfolios after a comma, closed
        // by "and" (a country's adjective may open one).
        // Where they end, or nil.
        func portfoliosAfterComma(at k: Int) -> Int? {
            guard k + 3 < sentence.upperBound, isCharacter(k, UInt8(ascii: ",")) else { return nil }
            var j = k + 1, joined = false, words = 0
            while j < sentence.upperBound {
                if let after = domainWordEnd(at: j) { j = after; words += 1; continue }
                if let m = mention(startingAt: j), let e = m.entity, alpha3(ofCountry: e) != nil, m.endToken < sentence.upperBound,
                   isCapitalizedWord(m.endToken), !covered(m.endToken), isIn(.officeDomain, m.endToken) {
                    j = m.endToken
                    continue
                }
                if let after = peopleAbroadEnd(at: j, sentence: sentence) { j = after; words += 1; continue }
                if key(j) == "and" && !joined && words > 0 { joined = true; j += 1; continue }
                // "Investment, Trade, and Industry": more portfolios between commas, before "and".
                if !joined && words > 0 && isCharacter(j, UInt8(ascii: ",")) && j + 1 < sentence.upperBound
                    && (key(j + 1) == "and" || (isCapitalizedWord(j + 1) && !inTitle[j + 1] && !covered(j + 1) && isIn(.officeDomain, j + 1))) {
                    j += 1
                    continue
                }
                break
            }
            return joined && words >= 2 && key(j - 1) != "and" ? j : nil
        }
        if last < 0, k > sentence.lowerBound, inTitle[k - 1], let j = portfoliosAfterComma(at: k) {
            last = j - 1
            k = j
        }
        guard k < sentence.upperBound, isIn(.complementLink, k) else { return last >= 0 ? last + 1 : nil }
        var countryOnly = key(k) == "in"
        // "Minister in the Presidency", "Minister in the Prime Minister's Department": after "in",
        // a body of the government (a title's possessive before it), not only a country.
        if countryOnly, k + 2 < sentence.upperBound, key(k + 1) == "the" {
            var j = k + 2
            while j < sentence.upperBound && inTitle[j] { j += 1 }
            if j > k + 2 && j < sentence.upperBound && isPossessive(j) { j += 1 }
            if j < sentence.upperBound && isCapitalizedWord(j) && !inTitle[j] && isIn(.body, j) {
                last = j
                k = j + 1
                countryOnly = false
                // Past the body, only a link and more of the complement: "... Department of Malaysia".
                guard k < sentence.upperBound, isIn(.complementLink, k) else { return last + 1 }
            }
        }
        k += 1
        // Where a run of unknown capitalized words ended, while a link and a known word are awaited.
        var pending = -1
        func countryMention(at k: Int) -> EntityMention? {
            guard let m = mention(startingAt: k), !m.candidates.isEmpty,
                  m.candidates.allSatisfy({ result.entities[$0].type == .country }) else { return nil }
            return m
        }
        while k < sentence.upperBound {
            // A country's name ("the State of Palestine") may start at "the".
            if let m = countryMention(at: k) {
                last = m.endToken - 1
                pending = -1
                k = m.endToken
                continue
            }
            if key(k) == "the" && last != k - 1 && k + 1 < sentence.upperBound {
                k += 1
                continue
            }
            // "Ambassador to the UN", "Representative to NATO": an international body's acronym.
            if !countryOnly && !inTitle[k] && ((isCapitalizedWord(k) && (isIn(.officeDomain, k) || isIn(.body, k)))
                || (layer.tokens[k].shape.contains(.allCaps) && Self.internationalBodies.contains(key(k)))) {
                last = k
                pending = -1
                k += 1
                continue
            }
            // "International Co-operation": a portfolio's word written with a hyphen.
            if !countryOnly, let after = domainWordEnd(at: k), after > k + 1 {
                last = after - 1
                pending = -1
                k = after
                continue
            }
            let link = key(k)
            // (A hyphen between two words of the domain: "State-Owned Enterprises".)
            if last == k - 1 && link == "-" && k + 1 < sentence.upperBound && isCapitalizedWord(k + 1) && isIn(.officeDomain, k + 1) {
                k += 1
                continue
            }
            if last == k - 1 && (link == "and" || link == "&" || Self.complementLinks.contains(link)) {
                countryOnly = false
                k += 1
                continue
            }
            // "Ambassador of Qatar in Islamabad": an envoy's post, in a country or its capital,
            // after the country the post serves.
            if last == k - 1 && link == "in" && k + 1 < sentence.upperBound,
               let before = mention(endingAt: k), countryMention(at: before.firstToken) != nil, let m = countryMention(at: k + 1) {
                last = m.endToken - 1
                k = m.endToken
                continue
            }
            // "the Mazhilis of ...": unknown words, kept only if a link and a known word follow.
            if !countryOnly && pending < 0 && last != k - 1 && isCapitalizedWord(k) && !covered(k) && !inTitle[k] {
                var j = k
                while j < sentence.upperBound && j - k < 3 && isCapitalizedWord(j) && !covered(j) && !inTitle[j] {
                    j += 1
                    // "for Enhancing Transparency Affairs": unknown words ended by a domain's word.
                    if j - k >= 2 && (isIn(.officeDomain, j - 1) || isIn(.body, j - 1)) { break }
                }
                if j - k >= 2 && (isIn(.officeDomain, j - 1) || isIn(.body, j - 1)) {
                    last = j - 1
                    pending = -1
                    k = j
                    continue
                }
                if j + 1 < sentence.upperBound && key(j) == "of" {
                    pending = j - 1
                    k = j + 1
                    continue
                }
            }
            break
        }
        // "Minister of Commerce, Industry and Labour, X": the portfolios go on after a comma.
        if last >= 0 && k == last + 1, isIn(.officeDomain, last), let j = portfoliosAfterComma(at: k) { last = j - 1 }
        return last >= 0 ? last + 1 : nil
    }

    /// Where a portfolio of a country's people abroad that starts at `i` ends ("Senegalese
    /// Abroad", "Mauritanians Abroad", "Moroccan Expatriates"): a country or a capitalized word
    /// naming its people, then a word of people abroad. Nil when none starts there.
    func peopleAbroadEnd(at i: Int, sentence: Range<Int>) -> Int? {
        guard i < sentence.upperBound, !inTitle[i] else { return nil }
        var next = i + 1
        if let m = mention(startingAt: i) {
            guard let e = m.entity, alpha3(ofCountry: e) != nil else { return nil }
            next = m.endToken
        } else if !isCapitalizedWord(i) || covered(i) {
            return nil
        }
        guard next < sentence.upperBound, isCapitalizedWord(next), Self.peopleAbroadWords.contains(key(next)) else { return nil }
        return next + 1
    }

    /// Function words that headlines capitalize and running text does not.
    static let headlineFunctionWords: Set<String> = ["to", "in", "on", "for", "of", "with", "after", "over", "the", "and", "at", "from", "as", "into", "amid"]

    /// Whether `sentence` is written in title case ("Kenyan President Ruto Visits Washington For
    /// Talks"): four words or more, four in five capitalized, and a capitalized function word
    /// after the first; or five words or more, all capitalized ("Nigerian President Tinubu Sacks
    /// Ministers"); and 60 tokens at most. There, capitalized words say nothing of names.
    func isTitleCase(_ sentence: Range<Int>) -> Bool {
        // A headline is short: a long sentence is prose, and each call stays cheap.
        guard sentence.count <= 60 else { return false }
        var words = 0, capitalized = 0, function = false
        for i in sentence where layer.tokens[i].kind == .word {
            words += 1
            guard isCapitalizedWord(i) || layer.tokens[i].shape.contains(.allCaps) else { continue }
            capitalized += 1
            if i > sentence.lowerBound && isCapitalizedWord(i) && isIn(.headlineFunction, i) { function = true }
        }
        return (words >= 4 && function && capitalized * 5 >= words * 4) || (words >= 5 && capitalized == words)
    }

    /// The tokens of a name starting at `start`: up to six capitalized words, with particles,
    /// hyphens and suffixes between or after them ("Jr.", "II"), none already covered. When a
    /// lexicon person stands at `start`, returns it instead.
    func nameTokens(from start: Int, sentence: Range<Int>) -> (tokens: [Int], person: EntityIndex?) {
        var end = start
        var tokens: [Int] = []
        // Six words at most; particles and hyphens do not count, so a chain of Arabic name
        // parts ("Sabah Al-Khaled Al-Hamad Al-Sabah", "Nawaf Al Ahmad Al Jaber Al Sabah") stays whole.
        var words = 0
        while end < sentence.upperBound && words < 6 && tokens.count < 14 {
            let suffix = !tokens.isEmpty && isIn(.nameSuffix, end)
            // "al-Maliki", "Fortin-LeFaivre", "te Heuheu": a particle or hyphen inside a name.
            let hyphen = isCharacter(end, UInt8(ascii: "-"))
            if !tokens.isEmpty && !covered(end) && (hyphen || isIn(.nameParticle, end)) && !isCapitalizedWord(end) {
                var next = end + 1
                if !hyphen && next < sentence.upperBound && isCharacter(next, UInt8(ascii: "-")) { next += 1 }
                // After "bin", "ibn", "al" ..., a word is a name even when it is a word of text
                // elsewhere ("Mahad bin Said", "Abdullah bin Zayed").
                if next < sentence.upperBound && isCapitalizedWord(next) && !covered(next)
                    && (!isIn(.notName, next) || Self.patronymicParticles.contains(key(end))) {
                    tokens += Array(end...next)
                    end = next + 1
                    continue
                }
                // "Chung Eui-yong", "Kang Kyung-wha": a short lower-case syllable joined by a
                // hyphen, touching on both sides, ends a Korean given name ("Ruiz-led" does not).
                if hyphen && next < sentence.upperBound && layer.tokens[next].kind == .word && !isCapitalizedWord(next)
                    && layer.tokens[end].start == layer.tokens[end - 1].end && layer.tokens[next].start == layer.tokens[end].end
                    && layer.tokens[next].end - layer.tokens[next].start <= 4 && !isIn(.hyphenSuffix, next) {
                    tokens += [end, next]
                    end = next + 1
                    continue
                }
                break
            }
            // A run that goes on into a place, an organisation or a body names no person
            // ("Ambassador Bridge", "the German Democratic Republic", "Arab States").
            if !tokens.isEmpty && isCapitalizedWord(end) && (isIn(.placeOrOrganisation, end) || isIn(.body, end)) { return ([], nil) }
            // Nor one that holds a post's noun: "Deputy Supreme Commander of ...", "Vice Chief
            // of ..." name a post, whoever holds it; one that opens the run is a rank before the
            // name ("Commander Pedro Pires"), no word of it.
            // A name of two words or more that the post follows ends before it and the words
            // that qualify it ("Lamin Baali Permanent Representative of ...").
            if isCapitalizedWord(end) && isIn(.postNoun, end) {
                if tokens.isEmpty {
                    if end + 1 < sentence.upperBound && isCapitalizedWord(end + 1) && !covered(end + 1) { end += 1; continue }
                    return ([], nil)
                }
                while let last = tokens.last, isIn(.postQualifier, last) { tokens.removeLast() }
                if tokens.count < 2 { return ([], nil) }
                break
            }
            let afterParticle = !tokens.isEmpty && Self.patronymicParticles.contains(key(end - 1))
            guard (isCapitalizedWord(end) && (!isIn(.notName, end) || afterParticle) && !isDateWord(end) && !inTitle[end]
                   && !(layer.tokens[end].shape.contains(.allCaps) && Self.postNominals.contains(key(end))
                        && !(end + 1 < sentence.upperBound && isCapitalizedWord(end + 1)))) || suffix else { break }
            if covered(end) && !suffix {
                // A lexicon person is the name; anything else ends it.
                if tokens.isEmpty, let m = mention(startingAt: end), let e = m.entity, result.entities[e].type == .person {
                    return ([], e)
                }
                break
            }
            tokens.append(end)
            if !(key(end) == "al" || key(end) == "el") { words += 1 }
            end += 1
        }
        // Nor end with a particle (the word limit reached after "Al"); particles alone are no name.
        while tokens.count > 1, let tail = tokens.last, key(tail) == "al" || key(tail) == "el" || isCharacter(tail, UInt8(ascii: "-")) {
            tokens.removeLast()
        }
        if !tokens.contains(where: { !(key($0) == "al" || key($0) == "el" || isCharacter($0, UInt8(ascii: "-"))) }) { tokens = [] }
        // A name does not start with a suffix: "I" right after a title is the pronoun ("As
        // President I believe ...").
        while let lead = tokens.first, isIn(.nameSuffix, lead) { tokens.removeFirst() }
        return (tokens, nil)
    }

    /// The person named by `tokens`: one met before with that surname, or a new one.
    mutating func person(named tokens: [Int]) -> (entity: EntityIndex, source: EntityMention.Source) {
        let first = tokens[0], last = tokens[tokens.count - 1]
        let labelToken = tokens.last { !isIn(.nameSuffix, $0) } ?? last
        if tokens.count == 1, let known = person(labelled: key(first), before: first) {
            return (known, .coreference)
        }
        // Words left out (a nickname in quotes) are left out of the name.
        var name = surface(first..<(last + 1))
        if last - first + 1 != tokens.count, let gap = tokens.indices.dropFirst().first(where: { tokens[$0] != tokens[$0 - 1] + 1 }) {
            name = surface(first..<(tokens[gap - 1] + 1)) + " " + surface(tokens[gap]..<(last + 1))
        }
        // A hyphenated surname is the label whole ("Mensah-Bonsu" of "Kofi Mensah-Bonsu"), so
        // that it alone later names the same person.
        let labelStart = hyphenatedWordStart(endingAt: labelToken, from: first)
        if labelStart == first && labelToken == last && last - first + 1 == tokens.count {
            if let known = person(labelled: normalizedLabel(surface(first..<(last + 1))), before: first) {
                return (known, .coreference)
            }
            // "President Díaz-Canel": the one lexicon person of that surname in office.
            if let (_, holder) = lexiconPersonInOffice(hyphenatedSurnameEndingAt: last) {
                return (entity(ofEntry: holder), .office)
            }
        }
        // "Dmitry Medvedev" for the lexicon's "Dmitri Medvedev": a given name spelled another
        // way before the label of the one lexicon person of that given name in office that day,
        // in a country the document names, when the text names no other person of that surname.
        // (Not a style or a title: "Prince Faisal" is no given name and a surname.)
        if tokens.count == 2 && last == first + 1 && labelToken == last, date != nil, personByLabel[key(last)] == nil,
           !isHonorific(first), !inTitle[first], !Self.royalStyles.contains(key(first)),
           let entries = lexicon.peopleByLabelKey[layer.tokens[last].key] {
            let given = key(first)
            let held = entries.filter { entry in
                datedRoleHeld(by: entry) != nil && lexicon.entries[entry].aliases.contains { alias in
                    alias.text.split(separator: " ").first.map { Self.isGivenName(normalizedLabel(String($0)), given) } ?? false
                }
            }
            if held.count == 1, let country = datedRoleHeld(by: held[0])?.country, namedCountries().contains(country) {
                return (entity(ofEntry: held[0]), .office)
            }
        }
        return (newEntity(type: .person, name: name, label: surface(labelStart..<(labelToken + 1))), .pattern)
    }

    /// Whether two given names (keys: folded, lower case) are one name: the same, or spelled
    /// two ways in English ("dmitry" and "dmitri", "mustafa" and "moustafa", "binyamin" and
    /// "benjamin", "bidya" and "bidhya"): of four letters or more, with the same first letter
    /// and the same consonants after it once vowels, "y", "j", "h" and "w" are dropped and a
    /// doubled letter is read once.
    static func isGivenName(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count >= 4, y.count >= 4, x[0] == y[0] else { return false }
        func consonants(_ word: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for c in word.dropFirst() where !"aeiouyjhw".utf8.contains(c) && out.last != c { out.append(c) }
            return out
        }
        let cx = consonants(x)
        return !cx.isEmpty && cx == consonants(y)
    }

    /// The first token of the hyphenated name word that ends at `end` ("Mensah-Bonsu",
    /// "Ramos-Horta": capitalized parts and hyphens, touching), not before `from`; `end` itself
    /// when no hyphen joins it to a capitalized word before. A particle is no part of a surname
    /// ("Al-Roumi" goes by "Roumi" too), but for `throughParticles` (a place: "Al-Ula").
    func hyphenatedWordStart(endingAt end: Int, from: Int, throughParticles: Bool = false) -> Int {
        var start = end
        while start - 2 >= from && isCharacter(start - 1, UInt8(ascii: "-")) && isCapitalizedWord(start - 2) && isCapitalizedWord(start)
                && (throughParticles || !isIn(.nameParticle, start - 2))
                && layer.tokens[start - 2].end == layer.tokens[start - 1].start && layer.tokens[start - 1].end == layer.tokens[start].start {
            start -= 2
        }
        return start
    }

    /// After a name's first words, a nickname in quotes that the name goes on after ("Joko
    /// “Jokowi” Widodo"): an opening quotation mark, one or two capitalized words, a closing one,
    /// then a capitalized word. Where the name goes on, or nil.
    func nicknameEnd(at i: Int, sentence: Range<Int>) -> Int? {
        // ('"', '“', '”', and the single ones: "'", '‘', '’'.)
        func isQuote(_ t: Int) -> Bool { isQuotationMark(t) || isCharacter(t, UInt8(ascii: "'")) || ["‘", "’"].contains(word(t)) }
        guard i + 3 < sentence.upperBound, isQuote(i) else { return nil }
        var k = i + 1
        while k < i + 3 && k < sentence.upperBound && isCapitalizedWord(k) { k += 1 }
        guard k > i + 1, k + 1 < sentence.upperBound, isQuote(k),
              isCapitalizedWord(k + 1), !isDateWord(k + 1), !inTitle[k + 1] else { return nil }
        return k + 1
    }

    /// A person after a title ("Japanese Foreign Minister Takeshi Iwaya", "Minister of Agriculture
    /// Hon. Ano Pala"): the title's complement and honorifics, then a name; the country from an
    /// adjective or name right before the title.
    /// - Returns: where the title ends (past its complement and honorifics when a person follows)
    ///   and the office (the title as the text phrases it, when it has a complement).
    mutating func findPerson(after title: Range<Int>, office: String) -> (end: Int, office: String) {
        let sentence = sentenceRange(of: title.lowerBound)
        var start = title.upperBound
        var phrased = office
        // Where the title starts, for the country before it.
        var begin = title.lowerBound
        // "Acting President", "interim Prime Minister": an office all the same.
        if title.lowerBound > sentence.lowerBound, ["acting", "interim"].contains(key(title.lowerBound - 1)) {
            phrased = (isCapitalizedWord(title.lowerBound - 1) ? "Acting " : "acting ") + office
            begin = title.lowerBound - 1
        }
        // "Vice-Premier", "Vice Premier", "Deputy Premier": another office, as written.
        if title.lowerBound > sentence.lowerBound, ["vice", "deputy"].contains(key(title.lowerBound - 1)) {
            begin = title.lowerBound - 1
            phrased = surface(begin..<title.upperBound)
        } else if title.lowerBound > sentence.lowerBound + 1, key(title.lowerBound - 1) == "-", ["vice", "deputy"].contains(key(title.lowerBound - 2)) {
            begin = title.lowerBound - 2
            phrased = surface(begin..<title.upperBound)
        }
        // "third deputy president", "First Vice President": the deputy's rank opens the phrase.
        if begin < title.lowerBound && begin > sentence.lowerBound && Self.deputyRanks.contains(key(begin - 1)) {
            begin -= 1
            phrased = surface(begin..<title.upperBound)
        }
        // "Interior Minister", "Home Affairs Minister", "Trade and Industry Minister", "Health CS":
        // the words of a portfolio before a bare "Minister", "Secretary" or "Cabinet Secretary"
        // (Kenya's ministers, "CS" in its news) make the office, and the country
        // goes before them ("Peru's Interior Minister X").
        if office == "Minister" || office == "Secretary" || office == "Cabinet Secretary", begin == title.lowerBound {
            var k = begin
            while k > sentence.lowerBound && isCapitalizedWord(k - 1) && !covered(k - 1) && !inTitle[k - 1] && isIn(.officeDomain, k - 1) {
                k -= 1
                if k - 2 >= sentence.lowerBound && (key(k - 1) == "and" || key(k - 1) == "&") && isCapitalizedWord(k - 2)
                    && !covered(k - 2) && isIn(.officeDomain, k - 2) {
                    k -= 2
                }
            }
            // Portfolio words the office domains lack, bounded by the country before them ("Canada's
            // International Trade Diversification Minister"): the office's too.
            if country(before: k) == nil {
                var j = k
                while j > sentence.lowerBound && k - j < 4 && isCapitalizedWord(j - 1) && !covered(j - 1) && !inTitle[j - 1] { j -= 1 }
                if j < k, country(before: j) != nil { k = j }
            }
            if k < begin {
                begin = k
                phrased = surface(begin..<title.upperBound)
            }
        }
        // "Prime Minister-designate X", "President-elect X", "Minister-designate of Foreign
        // Affairs, X": a person, who holds no office yet; the title keeps its span, so no rule
        // takes it for the person's office.
        if start + 1 < sentence.upperBound, key(start) == "-", ["designate", "elect"].contains(key(start + 1)) {
            // "Minister-designate of Foreign Affairs, X,": past the complement and a comma.
            var from = complementEnd(after: start + 2, sentence: sentence) ?? start + 2
            if from < sentence.upperBound && isCharacter(from, UInt8(ascii: ",")) { from += 1 }
            let (tokens, _) = nameTokens(from: from, sentence: sentence)
            if let first = tokens.first, let last = tokens.last, tokens.count >= 2 {
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: first, endToken: last + 1,
                                  byteStart: 0, byteEnd: 0, source: source))
                designated.insert(entity)
            }
            return (title.upperBound, office)
        }
        // "Nigerian High Commissioner to Ghana, Ambassador X", "Chief of Army Staff, General X": a
        // rank or style after a post and a comma restates the post, which the person holds.
        var restated: (office: String, begin: Int, complement: Range<Int>?)?
        if let r = restatedTitle, r.at == title.lowerBound { restated = (r.office, r.begin, r.complement) }
        restatedTitle = nil
        if let c = complementEnd(after: start, sentence: sentence) {
            phrased = surface(title.lowerBound..<c)
            start = c
        }
        var firstComplement: Range<Int>?
        if let restated {
            (phrased, begin, firstComplement) = (restated.office, restated.begin, restated.complement)
        } else if begin - 2 >= sentence.lowerBound && layer.tokens[begin - 1].kind == .word && key(begin - 1) == "and" {
            // "Deputy Prime Minister and Foreign Minister X", "Deputy Prime Minister of Qatar and
            // Minister of State X": two offices joined by "and", both the one person's, phrased
            // together; the first's complement names the country.
            var k = begin - 2
            // Not two people: "the Amir of Bahrain and King Hassan II of Morocco" (a head's title,
            // the first described with "the", or a country after the second name).
            if !inTitle[k], let m = mention(endingAt: begin - 1), let e = m.entity, result.entities[e].type == .country,
               !Self.isHeadOffice(office) {
                var of = m.firstToken - 1
                if of > sentence.lowerBound && key(of) == "the" { of -= 1 }
                if of > sentence.lowerBound && key(of) == "of" && inTitle[of - 1] {
                    var j = of - 1
                    while j > sentence.lowerBound && inTitle[j - 1] { j -= 1 }
                    var front = j
                    let deputy = front > sentence.lowerBound && ["vice", "deputy"].contains(key(front - 1))
                    if deputy { front -= 1 }
                    let head = !deputy && titleOffices[j].map(Self.isHeadOffice) == true
                    if !head && !(front > sentence.lowerBound && Self.determiners.contains(key(front - 1))) {
                        firstComplement = of..<(begin - 1)
                        k = of - 1
                    }
                }
            }
            // Nor a post described with "the" in lower case before a capitalized title: "the
            // Kuwaiti emir and Crown Prince Sheikh Nawaf" are two people ("Kenya's president and
            // Foreign Minister X" is one).
            if inTitle[k] && !isDescribedPost(endingAt: k, before: begin, sentence: sentence) {
                while k > sentence.lowerBound && inTitle[k - 1] { k -= 1 }
                if k > sentence.lowerBound && ["vice", "deputy"].contains(key(k - 1)) && isCapitalizedWord(k - 1) { k -= 1 }
                phrased = surface(k..<start)
                begin = k
            }
        }
        // "the President of Senegal, Macky Sall,", "her counterpart, Mike Pompeo.": a comma
        // between title and name, when the name is an apposition (a comma, "and" or the end after it).
        var apposition = false
        // (Or a style with "the" after the comma: "Prime Minister of Jamaica, the Honourable X".)
        // (Or a dash set off by spaces after a post in the singular: "Peru's foreign minister – Ana
        // Ruiz – met ..."; not "visits by US presidents – Bill Clinton in 2000, ...", a list of
        // holders once.)
        let spacedDash = start > 0 && start + 1 < sentence.upperBound && key(start) == "-"
            && layer.tokens[start].start > layer.tokens[start - 1].end && layer.tokens[start + 1].start > layer.tokens[start].end
            && !key(title.upperBound - 1).hasSuffix("s")
        if start < sentence.upperBound && (key(start) == "," || spacedDash) && start + 1 < sentence.upperBound
            && (isCapitalizedWord(start + 1) || styleWithThe(at: start + 1, sentence: sentence) != nil) {
            // In a list of names each followed by its post ("Ana Ruiz, Secretary of the Party,
            // Li Wei, Minister of Health, ..."), a post between commas right after a name is
            // that name's, not the next one's ("Ana Ruiz, the President of Peru, Mr Li Wei"
            // describes with "the" and is read as before).
            // (Not after a titled name: "President of Botswana Ana Ruiz, President of Peru, Li
            // Wei" lists each title before its name.)
            if begin > sentence.lowerBound + 1 && key(begin - 1) == "," && !inTitle[begin - 2] {
                var nameStart: Int?
                var titled = false
                if let before = mention(endingAt: begin - 1), let e = before.entity {
                    if result.entities[e].type == .person && before.aliasKind != .pronoun { nameStart = before.firstToken }
                    titled = before.titleStart != nil
                } else if !covered(begin - 2) {
                    // (Also the object of a preposition: "At the invitation of Ana Ruiz, President
                    // of Peru, Li Wei, President of Chile, is ...".)
                    nameStart = nameEnding(at: begin - 1, sentence: sentence, afterPreposition: true)?.first
                }
                if var first = nameStart {
                    while first > sentence.lowerBound && isHonorific(first - 1) { first -= 1 }
                    titled = titled || (first > sentence.lowerBound && inTitle[first - 1]) || result.titles.contains { $0.endToken == first }
                    if !titled { return (title.upperBound, office) }
                }
            }
            start += 1
            apposition = true
        }
        let beforeHonorifics = start
        // "Prime Minister the Honourable X", "Minister the Rt Hon X", "Prime Minister the Most
        // Hon. X", "Dr. the Hon. X": a style with "the".
        while start < sentence.upperBound {
            if isHonorific(start) { start += 1; continue }
            if let style = styleWithThe(at: start, sentence: sentence) { start = style; continue }
            // A rank joined by a hyphen after a style ("the Honourable Major-General X").
            if start > beforeHonorifics, start + 3 < sentence.upperBound, isCapitalizedWord(start), key(start + 1) == "-",
               Self.styleTitles.contains(key(start + 2)), isCapitalizedWord(start + 3) {
                start += 3
                continue
            }
            break
        }
        // A known name that opens with an honorific's word ("Prime Minister Sheikh Hasina"): the
        // name, whole.
        if start > beforeHonorifics, let m = mention(startingAt: beforeHonorifics), let e = m.entity,
           result.entities[e].type == .person, m.endToken > start {
            start = beforeHonorifics
        }
        // "Cabinet Secretary Aden Duale": a city's name opening a name after a title is a given name.
        if start + 1 < sentence.upperBound, let m = mention(startingAt: start), m.endToken == start + 1, m.aliasKind == .capital,
           isCapitalizedWord(start + 1), !covered(start + 1), !isIn(.notName, start + 1), !isDateWord(start + 1) {
            uncover(start..<(start + 1))
        }
        var (tokens, known) = nameTokens(from: start, sentence: sentence)
        // A nickname in quotes inside the name ("President Joko “Jokowi” Widodo", "Ferdinand
        // “Bongbong” Marcos Jr."): the name goes on after it (into a lexicon name, which then
        // spans the whole), and the nickname is no name of its own.
        if known == nil, let last = tokens.last, let after = nicknameEnd(at: last + 1, sentence: sentence) {
            let (rest, restKnown) = nameTokens(from: after, sentence: sentence)
            if let restKnown, tokens.count == 1, mention(startingAt: after) != nil,
               result.entities[restKnown].name.split(separator: " ").first.map({ normalizedLabel(String($0)) }) == key(tokens[0]) {
                uncover(tokens[0]..<after)
                let index = Int(owner[after])
                for t in tokens[0]..<after { owner[t] = Int32(index) }
                result.mentions[index].firstToken = tokens[0]
                result.mentions[index].byteStart = Int(layer.tokens[tokens[0]].start)
                (tokens, known) = ([], restKnown)
            } else if restKnown == nil && !rest.isEmpty {
                uncover((last + 1)..<after)
                tokens += rest
            }
        }
        // In a title-case headline, only the surname of a person named in full elsewhere.
        if !tokens.isEmpty && isTitleCase(sentence) {
            tokens = person(labelled: key(tokens[0]), before: Int.max) != nil ? [tokens[0]] : []
        }
        // An honorific after the comma says a name follows ("President of Tajikistan, Honorable
        // Emomali Rahmon received"): no closing comma needed.
        if start > beforeHonorifics { apposition = false }
        // "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates X": words of
        // a portfolio after the comma go on with the title; they are no name.
        if apposition && !tokens.isEmpty && tokens.allSatisfy({ isIn(.officeDomain, $0) }) { tokens = [] }
        if apposition, let last = tokens.last ?? (known != nil ? mention(startingAt: start).map({ $0.endToken - 1 }) : nil) {
            let after = last + 1
            // (A caption's participle closes it too: "The Minister of Commerce, Ana Ruiz signing
            // for Peru".)
            // (So does the clause's verb: "Prime Minister, Ana Ruiz hosted a lunch", "The
            // Peruvian Chancellor, Ana Ruiz affirmed that ...".)
            // The title must then open the sentence, follow "as" or a quotation: after a preposition or a
            // verb it names someone else ("Before meeting the Chinese foreign minister, Ana Ruiz
            // met ...").
            // (From the country before the title's institution: "Kenyan Foreign Ministry spokesperson".)
            // (Never before the sentence: a country ending the line before is no part of it.)
            var opener = max(sentence.lowerBound, titleStart(begin))
            func isCountry(_ m: EntityMention?) -> Bool { m?.entity.map { result.entities[$0].type == .country } == true }
            while opener > sentence.lowerBound {
                if let m = mention(endingAt: opener), isCountry(m) {
                    opener = m.firstToken
                } else if opener - 3 >= sentence.lowerBound && key(opener - 1) == ")" && key(opener - 3) == "(" && isCountry(mention(startingAt: opener - 2)) {
                    opener -= 3  // "Ministry of External Affairs (MEA) spokesperson"
                } else {
                    break
                }
            }
            if opener > sentence.lowerBound && key(opener - 1) == "the" { opener -= 1 }
            // (Or follows a quotation, as its attribution: "“...,” the ministry's spokesperson,
            // Ana Ruiz said".)
            // (The first words after a page's stamp open it too: "date 2023-02-16 The Deputy Prime
            // Minister of Fiji, Ana Ruiz is in Canberra".)
            let opensSentence = opener <= sentence.lowerBound
                || (key(sentence.lowerBound) == "date" && (sentence.lowerBound + 1..<opener).allSatisfy { layer.tokens[$0].kind != .word })
            let opensClause = opensSentence || key(opener - 1) == "as" || isQuotationMark(opener - 1)
            let participle = after < sentence.upperBound && !isCapitalizedWord(after) && layer.tokens[after].kind == .word
                && ((key(after).count >= 6 && key(after).hasSuffix("ing"))
                    || (opensClause && ((key(after).count >= 5 && key(after).hasSuffix("ed")) || Self.verbsAfterApposedName.contains(key(after))))
                    || (opensSentence && Self.auxiliariesAfterApposedName.contains(key(after))))
            // (And a place or a time after the name: "received the US Secretary of State, Ana
            // Ruiz at the State House", "the President of Peru, Ana Ruiz on Monday"; not in a
            // clause fronted before the subject: "Before meeting the Chilean President, Ana Ruiz in
            // Lima spoke ...".)
            let placeOrTime = after < sentence.upperBound && Self.placeOrTimeAfterApposedName.contains(key(after))
                && !(Self.frontedClauseOpeners.contains(key(sentence.lowerBound))
                     && !(sentence.lowerBound..<begin).contains { isCharacter($0, UInt8(ascii: ",")) })
            // (A dash, whose key is "-" whatever its length, set off by a space before it: "Ana
            // Ruiz - appointed on Friday -, and"; not a word broken at a line's end, "Ho- necker".)
            let dash = after < sentence.upperBound && key(after) == "-" && layer.tokens[after].start > layer.tokens[last].end
            if after < sentence.upperBound && ![",", ".", ";", "and", ")"].contains(key(after)) && !dash && !participle && !placeOrTime {
                tokens = []
                known = nil
            }
        }
        // "the Deputy Prime Minister, Minister of Foreign Affairs of Moldova, Ana Ruiz,": two posts
        // joined by a comma before a name in apposition are both hers; her phrase starts at the
        // first ("attended by the Prime Minister, Foreign Minister Ana Ruiz", with no comma
        // before the name, is two people).
        if apposition && (!tokens.isEmpty || known != nil) && restated == nil && begin - 2 > sentence.lowerBound
            && key(begin - 1) == "," && inTitle[begin - 2] {
            var k = begin - 2
            while k > sentence.lowerBound && inTitle[k - 1] { k -= 1 }
            if k > sentence.lowerBound && ["vice", "deputy"].contains(key(k - 1)) { k -= 1 }
            begin = k
        }
        // A portfolio's word is no name ("Cabinet Secretaries Health and Education").
        if tokens.count == 1 && isIn(.officeDomain, tokens[0]) { tokens = [] }
        // One word names a person only right after a capitalized title ("President Boric"), or
        // when it is the surname of a person met before.
        if tokens.count == 1 && (phrased != office || !isCapitalizedWord(title.upperBound - 1) || apposition)
            && person(labelled: key(tokens[0]), before: tokens[0]) == nil {
            tokens = []
        }
        if tokens.count == 1 && person(labelled: key(tokens[0]), before: tokens[0]) == nil {
            // "President Ruto": the one lexicon person of that surname in office, when there is one.
            if lexicon.peopleLabelKeys.contains(layer.tokens[tokens[0]].key),
               let holder = lexiconPersonInOffice(surnameAt: tokens[0])
                   ?? (date == nil ? lexiconHolder(of: office, surnameAt: tokens[0], givenAt: nil, countryBefore: country(before: begin)) : nil) {
                let entity = entity(ofEntry: holder)
                setOffice(entity, phrased, before: begin, complement: title.upperBound < start ? title.upperBound..<start : nil, nameEnd: tokens[0] + 1)
                add(EntityMention(candidates: [entity], aliasKind: .short, firstToken: tokens[0], endToken: tokens[0] + 1,
                                  byteStart: 0, byteEnd: 0, source: .office, titleStart: titleStart(begin)))
                return (tokens[0], phrased)
            }
            // "General Board", "Ambassador Bridge": one word of a place or an organisation is no
            // name; nor a participle ("Minister Assisting the Prime Minister", "President Presiding").
            let word = key(tokens[0])
            if isIn(.placeOrOrganisation, tokens[0]) || (word.count >= 7 && word.hasSuffix("ing")) { tokens = [] }
        }
        // A headline's verb after a title opens no name ("Canada's Prime Minister Visits Ukraine",
        // "Presidents Reinforce Links"), nor does a title's own word ("Minister Responsible for
        // Foreign Affairs") or a greeting ("wished the Deputy Secretary Happy Christmas").
        if let first = tokens.first, Self.headlineVerbs.contains(key(first)) { tokens = [] }
        let complement = restated != nil || firstComplement != nil ? firstComplement : title.upperBound < start ? title.upperBound..<start : nil
        let plural = Self.pluralTitleWords.contains(key(title.upperBound - 1))
        if let known {
            let end = mention(startingAt: start)?.endToken
            setOffice(known, phrased, before: begin, complement: complement, nameEnd: end)
            result.mentions[Int(owner[start])].titleStart = titleStart(begin)
            if plural, let end {
                let others = findCoordinatedNames(after: end, office: phrased, sentence: sentence, holdsIt: holdsNow(titleAt: begin, sentence: sentence))
                giveCountriesRespectively(first: known, others: others, before: begin, complement: complement)
            }
            return (start, phrased)
        }
        guard let first = tokens.first, let last = tokens.last else {
            // Not after a post described ("the outgoing President, Ambassador X": the body's
            // president, X's own style).
            let front = titleStart(begin)
            if apposition && start < sentence.upperBound && inTitle[start] && Self.styleTitles.contains(key(start))
                && !(front > sentence.lowerBound && Self.determiners.contains(key(front - 1))) {
                restatedTitle = (start, phrased, begin, complement)
                return (title.upperBound, office)
            }
            noteRoleDescription(title: title.lowerBound..<title.upperBound, office: office, begin: begin, complement: complement, next: start)
            return (title.upperBound, office)
        }
        let entity: EntityIndex, source: EntityMention.Source
        // "President Benigno Aquino III", "Prime Minister Najib Tun Razak": a name the lexicon
        // writes another way (a nickname, fewer words), and the text has not named otherwise,
        // is the one lexicon person of that surname holding the title's post that day.
        if tokens.count >= 2, entityByID["person:" + slug(surface(first..<(last + 1)))] == nil,
           let holder = lexiconHolder(of: office, surnameAt: tokens.last { !isIn(.nameSuffix, $0) } ?? last, givenAt: first,
                                      countryBefore: country(before: begin)) {
            (entity, source) = (self.entity(ofEntry: holder), .office)
        } else {
            (entity, source) = person(named: tokens)
        }
        setOffice(entity, phrased, before: begin, complement: complement, nameEnd: last + 1)
        add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: first, endToken: last + 1,
                          byteStart: 0, byteEnd: 0, source: source, titleStart: titleStart(begin)))
        if plural {
            let others = findCoordinatedNames(after: last + 1, office: phrased, sentence: sentence, holdsIt: holdsNow(titleAt: begin, sentence: sentence))
            giveCountriesRespectively(first: entity, others: others, before: begin, complement: complement)
        }
        return (first, phrased)
    }

    /// Whether a post ending at `end`, joined by "and" to a title at `next`, is described ("the
    /// Kuwaiti emir and Crown Prince X"): in lower case before a capitalized title, with "the"
    /// before it (and before its country word). Then the two are two people.
    func isDescribedPost(endingAt end: Int, before next: Int, sentence: Range<Int>) -> Bool {
        guard !isCapitalizedWord(end), isCapitalizedWord(next) else { return false }
        var k = end
        while k > sentence.lowerBound && inTitle[k - 1] { k -= 1 }
        let front = titleStart(k)
        return front > sentence.lowerBound && key(front - 1) == "the"
    }

    /// Words before a post that describe it as someone's, not a title before a name: "the
    /// outgoing President", "our Foreign Minister", and the words of another time (`otherTimes`).
    static let determiners: Set<String> = Set(["the", "a", "an", "our", "his", "her", "its", "their", "my", "your", "new"]).union(otherTimes)

    /// Verbs of a clause that may follow a name set after its title by a comma alone ("Vice
    /// President, Ana Ruiz met ..."), besides the past forms in "-ed"; and, when the post opens the
    /// sentence, the words of `auxiliariesAfterApposedName` ("The Deputy Prime Minister of Fiji,
    /// Ana Ruiz is in Canberra", "Equatorial Guinea President, Ana Ruiz has left Harare").
    static let verbsAfterApposedName: Set<String> = ["met", "meets", "said", "says", "told", "tells", "held", "holds", "led", "leads", "spoke", "speaks"]
    /// More verbs of such a clause, when the post opens the sentence (not after "as": "Just as
    /// the Ugandan President, Ana Ruiz has faced protests" compares, and names no post of hers).
    static let auxiliariesAfterApposedName: Set<String> = ["is", "was", "has", "had", "will", "also", "arrives", "visits", "signs", "paid", "pays",
                                                           "made", "makes", "took", "takes", "gave", "gives", "went", "came", "flew", "left", "leaves"]

    /// Ranks and styles that, after a post and a comma, restate it before the name: "Nigerian
    /// High Commissioner to Ghana, Ambassador X", "Chief of Army Staff, General X".
    static let styleTitles: Set<String> = ["ambassador", "general", "gen.", "gen", "admiral", "adm.", "marshal", "colonel", "col.", "brigadier"]

    /// The last words of plural titles ("Foreign Ministers Penny Wong and Sugiono").
    static let pluralTitleWords: Set<String> = ["presidents", "ministers", "secretaries", "ambassadors", "chancellors", "premiers", "kings"]

    /// Whether a title starting at `begin` (or at the country word before it) is a post held on
    /// the text's day: no word of another time before it ("former Presidents", "the late").
    func holdsNow(titleAt begin: Int, sentence: Range<Int>) -> Bool {
        let front = titleStart(begin)
        if front > sentence.lowerBound && Self.otherTimes.contains(key(front - 1)) { return false }
        if front > sentence.lowerBound + 1 && key(front - 1) == "the" && Self.otherTimes.contains(key(front - 2)) { return false }
        return true
    }

    /// After a plural title's first name ending at `end`: the names joined to it by commas and
    /// "and" ("Foreign Ministers Penny Wong and Sugiono", "Presidents A B, C D and E F"), one
    /// word enough, each a person with the title's office and no country. When `holdsIt`, each
    /// name's mention is marked as listed under the title, so rules read it as the post's holder.
    @discardableResult
    mutating func findCoordinatedNames(after end: Int, office: String, sentence: Range<Int>, holdsIt: Bool) -> [EntityIndex] {
        var k = end
        var found: [EntityIndex] = []
        while k + 1 < sentence.upperBound {
            // Past the country of the name before ("Presidents A of Mozambique and B of Zimbabwe").
            if key(k) == "of", let m = mention(startingAt: k + 1), let e = m.entity, result.entities[e].type == .country,
               m.endToken < sentence.upperBound {
                k = m.endToken
            }
            // Past the portfolio of the name before ("Ministers A (Foreign Affairs), B (Economy)").
            if let close = portfolioInBrackets(at: k, sentence: sentence) { k = close + 1 }
            // (A semicolon between items that each name a country: "the Presidents of Colombia, A;
            // of Brazil, B".)
            guard k < sentence.upperBound else { return found }
            let semicolon = isCharacter(k, UInt8(ascii: ";"))
            guard key(k) == "and" || isCharacter(k, UInt8(ascii: ",")) || semicolon else { return found }
            var start = k + 1
            if (key(k) == "," || semicolon) && start < sentence.upperBound && key(start) == "and" { start += 1 }
            if start < sentence.upperBound && key(start) == "of" { start += 1 }
            // Each name after its own country: "the presidents of Mexico, A, and Guatemala, B",
            // "the presidents of Niger A, Chad B and Rwanda C" (a country by its name: "Presidents
            // Chirac, Lagos Escobar" is no one of Nigeria).
            var own: String?
            if let m = mention(startingAt: start), let e = m.entity, let code = alpha3(ofCountry: e), m.endToken + 1 < sentence.upperBound,
               isCharacter(m.endToken, UInt8(ascii: ",")) || ([.name, .short].contains(m.aliasKind) && isCapitalizedWord(m.endToken)
                   && !inTitle[m.endToken] && mention(startingAt: m.endToken) == nil) {
                own = code
                start = isCharacter(m.endToken, UInt8(ascii: ",")) ? m.endToken + 1 : m.endToken
            } else if semicolon || (k + 1 < sentence.upperBound && key(k + 1) == "of") {
                return found
            }
            while start < sentence.upperBound && isHonorific(start) { start += 1 }
            let (tokens, known) = nameTokens(from: start, sentence: sentence)
            defer { if let own, let p = found.last, result.entities[p].country == nil { result.entities[p].country = own } }
            if let known, let m = mention(startingAt: start) {
                setOffice(known, office, before: start, nameEnd: m.endToken)
                if holdsIt && result.entities[known].office == office { result.mentions[Int(owner[start])].listedUnderTitle = true }
                found.append(known)
                k = m.endToken
                continue
            }
            guard let first = tokens.first, let last = tokens.last, hasOnlyNameWords(tokens),
                  last + 1 >= sentence.upperBound || !isCapitalizedWord(last + 1) else { return found }
            let (entity, source) = person(named: tokens)
            setOffice(entity, office, before: start, nameEnd: last + 1)
            var listed = EntityMention(candidates: [entity], aliasKind: .name, firstToken: first, endToken: last + 1,
                                       byteStart: 0, byteEnd: 0, source: source)
            listed.listedUnderTitle = holdsIt && result.entities[entity].office == office
            add(listed)
            found.append(entity)
            k = last + 1
        }
        return found
    }

    /// The ")" closing a portfolio in brackets opening at `k` ("(Foreign Affairs)", "(Economy and
    /// Finance)"): capitalized words, commas and "and", up to eight tokens.
    func portfolioInBrackets(at k: Int, sentence: Range<Int>) -> Int? {
        guard k < sentence.upperBound, key(k) == "(", k + 1 < sentence.upperBound, isCapitalizedWord(k + 1) else { return nil }
        var j = k + 1
        while j < min(sentence.upperBound, k + 10) {
            if key(j) == ")" { return j }
            guard isCapitalizedWord(j) || [",", "and", "&"].contains(key(j)) else { return nil }
            j += 1
        }
        return nil
    }

    /// A plural title after two countries, "Peruvian and Chilean Foreign Ministers X and Y": the
    /// first name is of the first country and the second of the second, each the one its place
    /// says; with another count of names, the title gives none a country (the one before the
    /// title is only the last's). The first name's phrase then starts at the title, so that no
    /// rule reads the country word before it as theirs (`a.country`). After one country, every
    /// name is of it ("Peruvian Ministers A, B and C"). `first` is the title's first
    /// person, `others` the names coordinated with it, `begin` where the title starts.
    mutating func giveCountriesRespectively(first: EntityIndex, others: [EntityIndex], before begin: Int, complement: Range<Int>? = nil) {
        // Countries listed after the title ("the foreign ministers of Peru and Chile, A and B"):
        // each name the country of its place when the counts agree; with another count, none.
        if let complement {
            var listed: [String] = []
            for k in complement {
                guard let m = mention(startingAt: k), let e = m.entity, let code = alpha3(ofCountry: e) else { continue }
                if !listed.contains(code) { listed.append(code) }
            }
            if listed.count >= 2 {
                let people = [first] + others
                let gave = listed[0]
                for (n, p) in people.enumerated() where result.entities[p].lexiconEntry == nil {
                    if people.count == listed.count {
                        if result.entities[p].country == nil || (n == 0 && result.entities[p].country == gave) { result.entities[p].country = listed[n] }
                    } else if n == 0 && result.entities[p].country == gave {
                        result.entities[p].country = nil
                    }
                }
                return
            }
        }
        // One country before the title: every name is of it ("Peruvian Ministers A, B and C").
        if let only = country(before: begin), !(only.firstToken >= 2 && key(only.firstToken - 1) == "and"),
           let e = only.entity, let code = alpha3(ofCountry: e), result.entities[first].country == code {
            for o in others where result.entities[o].country == nil && result.entities[o].lexiconEntry == nil { result.entities[o].country = code }
            return
        }
        guard let second = country(before: begin), second.firstToken >= 2, key(second.firstToken - 1) == "and",
              let firstCountry = mention(endingAt: second.firstToken - 1), let e1 = firstCountry.entity,
              let e2 = second.entity, let a = alpha3(ofCountry: e1), let b = alpha3(ofCountry: e2) else { return }
        // Only the countries this title gave: a person with an office already kept its own.
        let people = [first] + others
        if people.count == 2 {
            if result.entities[first].country == b { result.entities[first].country = a }
            if result.entities[others[0]].country == nil { result.entities[others[0]].country = b }
        } else if result.entities[first].country == b {
            result.entities[first].country = nil
        }
        for n in result.mentions.indices where result.mentions[n].entity == first && result.mentions[n].titleStart == second.firstToken {
            result.mentions[n].titleStart = begin
        }
    }

    // MARK: role descriptions

    /// Offices that name the same post, whatever the title: a title's office and a lexicon
    /// role's office of one class are one post of one country.
    static let officeClasses: [String: String] = {
        var classes: [String: String] = [:]
        for o in ["President", "King", "Queen", "Emir", "Sultan", "Emperor", "Monarch", "Head of State", "Yang di-Pertuan Agong"] { classes[o] = "head of state" }
        for o in ["Prime Minister", "Chancellor", "Taoiseach", "Head of Government"] { classes[o] = "head of government" }
        classes["Crown Prince"] = "crown prince"
        classes["Vice President"] = "vice president"
        for o in ["Minister for Foreign Affairs", "Minister of Foreign Affairs", "Secretary of Foreign Affairs", "Foreign Secretary",
                  "Secretary of State", "Minister of External Affairs", "Minister for Europe and Foreign Affairs",
                  "Minister of International Relations and Cooperation"] { classes[o] = "foreign" }
        for o in ["Minister of Defence", "Minister of Defense", "Minister for Defence", "Secretary of Defense", "Secretary of State for Defence",
                  "Minister of National Defense", "Minister of National Defence", "Secretary of National Defense",
                  "Minister of the Armed Forces", "Minister of Defence and Military Veterans"] { classes[o] = "defence" }
        return classes
    }()

    /// The office of a bare "Minister" title: "the minister" is the one minister of any
    /// portfolio the text named before.
    static let anyMinisterOffice = "Minister"

    /// Whether an office is a minister's of some portfolio ("Minister of Foreign Affairs",
    /// "Trade Minister"), not a prime minister's.
    static func isMinisterOffice(_ office: String) -> Bool {
        (office.hasPrefix("Minister") || office.hasSuffix(" Minister")) && officeClasses[office] != "head of government"
    }

    /// Words before a role description that make it someone else than the holder on the
    /// document's date ("the former Kenyan president", "the then prime minister").
    static let otherTimes: Set<String> = ["former", "late", "ex", "ex-", "then", "future", "next", "incoming", "outgoing", "previous", "first", "last"]

    /// Notes a title with no name after it as a role description when it names a country's post:
    /// "the Kenyan president", "Peru's prime minister", "the President of Senegal" (a
    /// determiner or a possessive before it, no word of another time).
    mutating func noteRoleDescription(title: Range<Int>, office: String, begin: Int, complement: Range<Int>?, next: Int) {
        // "the minister": any minister's post, resolved only bare (`resolveBareDescriptions`).
        let anyMinister = office == Self.anyMinisterOffice
        guard Self.officeClasses[office] != nil || anyMinister else { return }
        let sentence = sentenceRange(of: title.lowerBound)
        // Words the post took before its title ("the deputy minister", "the Chinese Vice
        // Premier", "the trade minister") make it another post than the title's: no description
        // of a holder of the title's class (another title joined by "and" is the same person's
        // post: "Vice President and Prime Minister of the UAE"; an apposition names its own
        // holder: "Mr. X, Deputy Minister for Foreign Affairs of Hungary,").
        var lead = begin - 1
        if lead > sentence.lowerBound && key(lead) == "the" { lead -= 1 }
        let apposed = lead >= sentence.lowerBound && isCharacter(lead, UInt8(ascii: ","))
        guard begin == title.lowerBound || inTitle[begin] || apposed else { return }
        // A title that goes on ("President Joe" ... handled as a name) or a plural, a compound
        // ("presidential") is no description of one person; nor one with no country before a
        // possessive ("the president's office"), though one with a country is ("the Chinese
        // foreign minister's visit").
        if next < sentence.upperBound && isCapitalizedWord(next) { return }
        let possessiveNext = next < sentence.upperBound && isPossessive(next)
        // "Prime Minister and Foreign Minister X": the first of two offices of one person (not
        // a post in lower case before a capitalized title: "the Kuwaiti emir and Crown Prince X").
        if next + 1 < sentence.upperBound && inTitle[next + 1] && layer.tokens[next].kind == .word && key(next) == "and"
            && !isDescribedPost(endingAt: title.upperBound - 1, before: next + 1, sentence: sentence) { return }
        var country: EntityMention?
        var front = begin
        if let m = self.country(before: begin) {
            country = m
            front = m.firstToken
            // "Peru's prime minister" stands on its own; "Kenyan president" needs "the", but for
            // a headline's, opening the sentence (or a clause after a few words of time) before a
            // word in lower case ("Japanese PM arrives in Hanoi").
            let possessive = m.endToken < begin
            // (Or after a few words of time set off by a comma: "Yesterday, Nepal Prime Minister met ...".)
            let opensClause = front == sentence.lowerBound
                || (front - 1 > sentence.lowerBound && front - 1 - sentence.lowerBound <= 3 && isCharacter(front - 1, UInt8(ascii: ","))
                    && (sentence.lowerBound..<(front - 1)).allSatisfy { isDateWord($0) || Self.clauseOpeners.contains(key($0))
                        || DateRecognizer.Context.partsOfDay.contains(key($0)) })
            let headline = opensClause && next < sentence.upperBound && layer.tokens[next].kind == .word
                && !isCapitalizedWord(next) && !Self.pluralTitleWords.contains(key(title.upperBound - 1))
            if !possessive && !headline && !(front > sentence.lowerBound && key(front - 1) == "the") { return }
        } else if let complement, front > sentence.lowerBound, key(front - 1) == "the" || isCharacter(front - 1, UInt8(ascii: ","))
                    || Self.descriptionLeads.contains(key(front - 1)) {
            // "the President of Senegal"; after a comma, "Ana Ruiz, President of Peru," (a name's
            // apposition only: `resolveRoleDescriptions`); after a preposition of meeting, with no
            // article: "a meeting between Prime Minister of Thailand and ...", "talks with
            // President of Senegal".
            country = countryAfterOf(in: complement)
        }
        if possessiveNext && country == nil { return }
        if country == nil && complement == nil && front > sentence.lowerBound && key(front - 1) == "the"
            && !Self.pluralTitleWords.contains(key(title.upperBound - 1)) && !(next < sentence.upperBound && key(next) == "of") {
            // "the foreign minister": a post with no country, for `resolveBareDescriptions`.
            bareDescriptions.append((title, office, front - 1))
            return
        }
        // "the visiting president": the visitor's post, named before.
        if country == nil && complement == nil && front > sentence.lowerBound + 1 && key(front - 1) == "visiting" && key(front - 2) == "the"
            && !Self.pluralTitleWords.contains(key(title.upperBound - 1)) {
            bareDescriptions.append((title, office, front - 2))
            return
        }
        if anyMinister { return }
        guard let m = country, let e = m.entity, let entry = result.entities[e].lexiconEntry,
              let code = lexicon.entries[entry].codes["alpha3"] else { return }
        let before = min(front, begin)
        if before > sentence.lowerBound && Self.otherTimes.contains(key(before - 1)) { return }
        if before > sentence.lowerBound + 1 && key(before - 1) == "the" && Self.otherTimes.contains(key(before - 2)) { return }
        if begin > front && (front..<begin).contains(where: { Self.otherTimes.contains(key($0)) }) { return }
        roleDescriptions.append((title, office, code, min(m.firstToken, begin), possessiveNext))
    }

    /// "the head of French diplomacy", "the chief of Peruvian diplomacy": a foreign minister's post
    /// described by the country's diplomacy, as news translated from French, Spanish or Russian
    /// writes it; a role description of that post (`resolveRoleDescriptions`). Not after a word
    /// of another time ("the former head of French diplomacy").
    mutating func findDiplomacyHeads() {
        for m in result.mentions where m.firstToken >= 3 && m.endToken < layer.tokens.count && key(m.endToken) == "diplomacy" {
            let head = m.firstToken - 2
            guard key(m.firstToken - 1) == "of", ["head", "chief"].contains(key(head)), key(head - 1) == "the",
                  let e = m.entity, result.entities[e].type == .country, let entry = result.entities[e].lexiconEntry,
                  let code = lexicon.entries[entry].codes["alpha3"], !covered(m.endToken)
            else { continue }
            let sentence = sentenceRange(of: head)
            if head - 1 > sentence.lowerBound && Self.otherTimes.contains(key(head - 2)) { continue }
            // Not before a name in apposition or with no comma ("the head of French diplomacy, X":
            // X is the one named), nor before a possessive ("the head of French diplomacy's staff").
            let after = m.endToken + 1
            if after < sentence.upperBound && (isPossessive(after) || isCapitalizedWord(after)
                || (isCharacter(after, UInt8(ascii: ",")) && after + 1 < sentence.upperBound && isCapitalizedWord(after + 1))) { continue }
            // The description's mention is the word "diplomacy"; the person's phrase starts at "head".
            roleDescriptions.append((m.endToken..<(m.endToken + 1), "Minister for Foreign Affairs", code, head, false))
        }
    }

    /// Prepositions after which a post with its country and no article is a description.
    static let descriptionLeads: Set<String> = ["between", "with", "by"]

    /// "his Senegalese counterpart": the post of the person with an office named before it in
    /// the sentence, in the country of the adjective; right after a verb of meeting the
    /// possessive may go ("met Ugandan counterpart", as headlines write it). With a name after it
    /// ("his Japanese counterpart, Mirek Osanto", "Renkel's Iranian counterpart Hamid Tesari", and
    /// with no possessive, "met with Chilean counterpart Marta Ovalde") the named person
    /// holds that post: the words from the country to the name are a title for it, with the
    /// post's office, or "counterpart" when the sentence names none.
    mutating func findCounterparts() {
        for i in cuePositions where i > 1 && isIn(.counterpart, i) && !covered(i) {
            // "his French and German counterparts, Ana Ruiz and Li Wei": each country in turn.
            if key(i) == "counterparts", let codes = coordinatedCountries(endingAt: i), codes.count > 1 {
                assignCounterpartsOfCountries(after: i, codes: codes)
                continue
            }
            if country(before: i)?.endToken != i {
                assignCounterpartsOfCountries(after: i)
                continue
            }
            guard let m = country(before: i), m.endToken == i, m.firstToken > 0, let e = m.entity,
                  let entry = result.entities[e].lexiconEntry, let code = lexicon.entries[entry].codes["alpha3"] else { continue }
            let sentence = sentenceRange(of: i)
            // Whose counterpart: a possessive before the country ("his Senegalese counterpart"),
            // else the name after it ("met with Chilean counterpart Marta Ovalde").
            // A headline drops the possessive after a verb of meeting ("Kenyan President meets
            // Ugandan counterpart"): the subject's counterpart.
            let afterMeeting = isIn(.objectVerb, m.firstToken - 1)
                || (m.firstToken >= 2 && key(m.firstToken - 1) == "with" && isIn(.objectVerb, m.firstToken - 2))
            let possessed = ["his", "her", "their", "its"].contains(key(m.firstToken - 1)) || isPossessive(m.firstToken - 1) || afterMeeting
            // "peer" is a counterpart only when someone's ("his Argentine peer X"): a "British
            // peer" alone sits in the House of Lords.
            if !possessed && (key(i) == "peer" || key(i) == "peers") { continue }
            if !possessed {
                var n = i + 1
                if n + 1 < sentence.upperBound && key(n) == "," { n += 1 }
                guard n < sentence.upperBound, !inTitle[n], let named = mention(startingAt: n), let p = named.entity,
                      result.entities[p].type == .person, named.aliasKind != .pronoun else { continue }
            }
            // The nearest person before it in the sentence with an office of a known class.
            var office: String?
            // In a sentence opening with a pronoun ("He held talks with his Kenyan counterpart":
            // pronouns are resolved later), the nearest one may be in the sentence before.
            let opensWithPronoun = sentence.lowerBound > 0 && isIn(.pronoun, sentence.lowerBound)
            let from = max(opensWithPronoun ? sentenceRange(of: sentence.lowerBound - 1).lowerBound : sentence.lowerBound,
                           m.firstToken - Self.pronounReach)
            office = nearestOffice(before: m.firstToken, from: from) { $0 != code }

            var next = i + 1
            if next + 1 < sentence.upperBound && key(next) == "," { next += 1 }
            // Past honorifics before the name ("his Bangladesh counterpart Dr X").
            while next + 1 < sentence.upperBound && isHonorific(next) && isCapitalizedWord(next) { next += 1 }
            // A title after it ("his Japanese counterpart, Foreign Minister ..."): that title speaks.
            if next < sentence.upperBound && inTitle[next] { continue }
            // "his Argentine counterpart Santiago Cafiero": a city's name opening a name after it
            // is a given name, as after a title.
            if next + 1 < sentence.upperBound, let c = mention(startingAt: next), c.endToken == next + 1, c.aliasKind == .capital,
               isCapitalizedWord(next + 1), !covered(next + 1), !isIn(.notName, next + 1), !isDateWord(next + 1) {
                uncover(next..<(next + 1))
                _ = addListedName(at: next, in: sentence)
            }
            if let named = mention(startingAt: next), let p = named.entity, result.entities[p].type == .person {
                if result.entities[p].office == nil { result.entities[p].office = office ?? "counterpart" }
                if result.entities[p].country == nil { result.entities[p].country = code }
                if named.titleStart == nil { result.mentions[Int(owner[next])].titleStart = m.firstToken }
                result.titles.append(TitleMention(firstToken: m.firstToken, endToken: next, office: office ?? "counterpart"))
                continue
            }
            guard let office else { continue }
            // The phrase opens at "his" ("met his Kenyan counterpart"), at the country after a
            // name's "'s".
            let opensAtPronoun = !isPossessive(m.firstToken - 1) && !afterMeeting
            roleDescriptions.append((i..<(i + 1), office, code, opensAtPronoun ? m.firstToken - 1 : m.firstToken, false))
        }
    }

    /// "met her counterparts Ana Ruiz of Peru and Li Wei of China", "his counterpart, Ana Ruiz of
    /// Peru", "his counterparts from Peru and Chile, Ana Ruiz and Li Wei": with no country before
    /// "counterpart", each person named after it with "of" and a country (or after the countries
    /// "from" names, in their order, as many) holds, in that country, the office of the nearest
    /// person before with an office of a known class (not of that country), when they have none
    /// of their own.
    /// The countries coordinated right before token `end`, in their order: "French and German"
    /// before "counterparts" gives FRA, DEU; nil when a country does not end right there.
    func coordinatedCountries(endingAt end: Int) -> [String]? {
        var codes: [String] = [], k = end
        while let c = mention(endingAt: k), let ce = c.entity, let code = alpha3(ofCountry: ce) {
            codes.insert(code, at: 0)
            k = c.firstToken
            guard k >= 2, key(k - 1) == "and" || key(k - 1) == "," else { break }
            k -= 1
            if key(k) == "and" && k >= 2 && key(k - 1) == "," { k -= 1 }
        }
        return codes.isEmpty ? nil : codes
    }

    mutating func assignCounterpartsOfCountries(after i: Int, codes before: [String] = []) {
        let sentence = sentenceRange(of: i)
        var next = i + 1
        if next + 1 < sentence.upperBound && key(next) == "," { next += 1 }
        var named: [(person: EntityIndex, code: String, token: Int)] = []
        // "his counterparts from Peru and Chile, Ana Ruiz and Li Wei", "his Peruvian and Chilean
        // counterparts, Ana Ruiz and Li Wei": the countries first, then the names in their
        // order, as many (found here if no stage has found them).
        if !before.isEmpty || next < sentence.upperBound && key(next) == "from" {
            var codes = before, k = before.isEmpty ? next + 1 : (key(i + 1) == "," ? i + 1 : i)
            while before.isEmpty && k < sentence.upperBound {
                if key(k) == "the" { k += 1 }
                guard let c = mention(startingAt: k), let ce = c.entity, let code = alpha3(ofCountry: ce) else { break }
                codes.append(code)
                k = c.endToken
                if k + 1 < sentence.upperBound && key(k) == "and" { k += 1 } else if k + 2 < sentence.upperBound && key(k) == "," && key(k + 1) == "and" { k += 2 } else { break }
            }
            guard !codes.isEmpty, k + 1 < sentence.upperBound, key(k) == "," || k == i else { return }
            k += 1
            var people: [(EntityIndex, Int)] = []
            while k < sentence.upperBound && people.count < codes.count {
                if let m = mention(startingAt: k), let p = m.entity, result.entities[p].type == .person, m.aliasKind != .pronoun {
                    people.append((p, k))
                    k = m.endToken
                } else {
                    guard let listed = addListedName(at: k, in: sentence) else { break }
                    people.append((listed.entity, k))
                    k = listed.end
                }
                if k < sentence.upperBound && key(k) == "," { k += 1 }
                if k < sentence.upperBound && key(k) == "and" { k += 1 }
            }
            guard people.count == codes.count else { return }
            named = zip(people, codes).map { ($0.0, $1, $0.1) }
            next = sentence.upperBound
        }
        while next < sentence.upperBound, !inTitle[next], let m = mention(startingAt: next), let p = m.entity,
              result.entities[p].type == .person, m.aliasKind != .pronoun {
            var k = pastOfCountry(m.endToken, in: sentence)
            guard k > m.endToken, let c = mention(endingAt: k), let ce = c.entity, let code = alpha3(ofCountry: ce) else { break }
            named.append((p, code, next))
            if k < sentence.upperBound && key(k) == "," { k += 1 }
            if k < sentence.upperBound && key(k) == "and" { k += 1 }
            next = k
        }
        guard !named.isEmpty,
              let office = nearestOffice(before: i, from: max(sentence.lowerBound, i - Self.pronounReach), { code in
                  !named.contains { $0.code == code }
              }) else { return }
        // Each holds the post where it is named, as a name listed under a plural title does.
        for (p, code, token) in named where result.entities[p].office == nil && result.entities[p].country == nil {
            result.entities[p].office = office
            result.entities[p].country = code
            result.mentions[Int(owner[token])].listedUnderTitle = true
        }
        // The countries before "counterparts" are no title of the last one's alone: each name's
        // country is its own.
        if !before.isEmpty {
            for (_, _, token) in named where (result.mentions[Int(owner[token])].titleStart ?? i) < i {
                result.mentions[Int(owner[token])].titleStart = nil
            }
        }
    }

    /// The office, of a known class, of the person nearest before token `end` (from `from` on)
    /// whose country `accepts` takes (a counterpart's is another country's).
    func nearestOffice(before end: Int, from: Int, _ accepts: (String?) -> Bool) -> String? {
        var t = end - 1
        while t >= from {
            defer { t -= 1 }
            guard owner[t] >= 0 else { continue }
            let mention = result.mentions[Int(owner[t])]
            guard mention.firstToken == t, let p = mention.entity, result.entities[p].type == .person else { continue }
            if let o = officeOf(p), Self.officeClasses[o] != nil, accepts(result.entities[p].country) { return o }
        }
        return nil
    }

    /// The token after "of (the) <country>" at `k` ("Ana Ruiz of Peru and ..."), or `k` when
    /// none stands there.
    func pastOfCountry(_ k: Int, in sentence: Range<Int>) -> Int {
        guard k + 1 < sentence.upperBound, key(k) == "of" else { return k }
        let c = key(k + 1) == "the" ? k + 2 : k + 1
        guard let m = mention(startingAt: c), let e = m.entity, result.entities[e].type == .country else { return k }
        return m.endToken
    }

    /// A name of two words or more looking like a person's, starting at `k` and ending where a
    /// name may end, added as a person's mention (`findListedNames`'s test); nil when none.
    mutating func addListedName(at k: Int, in sentence: Range<Int>) -> (entity: EntityIndex, end: Int)? {
        guard mayStartName(k) else { return nil }
        let (tokens, _) = nameTokens(from: k, sentence: sentence)
        guard let last = tokens.last, looksLikePersonName(tokens), mayFollowName(last + 1, in: sentence) else { return nil }
        let (entity, source) = person(named: tokens)
        add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                          byteStart: 0, byteEnd: 0, source: source))
        return (entity, last + 1)
    }

    /// The office of person entity `p`: the one a title gave it, else its lexicon role on the
    /// document's date.
    func officeOf(_ p: EntityIndex) -> String? {
        if let o = result.entities[p].office { return o }
        if let entry = result.entities[p].lexiconEntry?.rawValue { return roleHeld(by: entry)?.office }
        return nil
    }

    /// Whether lexicon person `entry` holds a post of class `cls` in `country` on the document's
    /// date, by a role whose start is known (`datedRoleHeld`). A head of state holds no head of
    /// government's post a prime minister's title names
    /// (Peru's president is not "Peru's prime minister", though the lexicon has them heading both).
    func holds(_ entry: Int, _ cls: String, in country: String) -> Bool {
        guard let date else { return false }
        // No array per person: most of a country's people hold nothing that day, and only the
        // roles held are looked up by office.
        var holdsClass = false, headOfState = false
        for role in lexicon.entries[entry].roles where role.start != nil && role.country == country && role.isHeld(on: date) {
            let c = Self.officeClasses[role.office]
            if c == cls { holdsClass = true }
            if c == "head of state" { headOfState = true }
        }
        return holdsClass && !(cls == "head of government" && headOfState)
    }

    /// Whether lexicon person `entry` holds a head of government's role in `country` on the
    /// document's date (a president who heads the government too).
    func headsGovernment(_ entry: Int, in country: String) -> Bool {
        guard let date else { return false }
        return lexicon.entries[entry].roles.contains {
            $0.start != nil && $0.country == country && $0.isHeld(on: date) && Self.officeClasses[$0.office] == "head of government"
        }
    }

    /// The one lexicon person labelled with the word at `i`, whose name or an alias opens with
    /// the word at `given` (when a given name is written), who holds the post of `office` (its
    /// class: head of state, foreign minister ...) on the document's date (`holdsOrHeld`: in an
    /// undated text, in a term), in the country named before the title when there is one, else
    /// in a country the document names; nil otherwise ("President Jill Biden" is not Joe Biden;
    /// undated, "President Museveni" in a report on Uganda is the lexicon's Yoweri Museveni).
    mutating func lexiconHolder(of office: String, surnameAt i: Int, givenAt given: Int?, countryBefore: EntityMention?) -> Int? {
        guard let cls = Self.officeClasses[office], let all = lexicon.peopleByLabelKey[layer.tokens[i].key] else { return nil }
        // Initials compare without their periods ("I K Gujral", "I. K. Gujral").
        func bare(_ word: String) -> String { word.hasSuffix(".") ? String(word.dropLast()) : word }
        let givenKey = given.map { bare(key($0)) }
        let entries = givenKey == nil ? all : all.filter { entry in
            let e = lexicon.entries[entry]
            // The name is among the aliases (`LexiconEntry.init`).
            return e.aliases.contains { alias in
                let name = alias.text
                return name.split(separator: " ").first.map { Self.isGivenName(bare(normalizedLabel(String($0))), givenKey!) } ?? false
            }
        }
        let country = countryBefore.flatMap { $0.entity }.flatMap { result.entities[$0].lexiconEntry }
            .flatMap { lexicon.entries[$0].codes["alpha3"] }
        let countries = country.map { Set([$0]) } ?? namedCountries()
        let years = date == nil ? yearsNear(i) : []
        let holders = entries.filter { entry in countries.contains { holdsOrHeld(entry, cls, in: $0, years: years) } }
        return holders.count == 1 ? holders[0] : nil
    }

    /// Whether lexicon person `entry` holds a post of class `cls` in `country`: on the document's
    /// date when it has one (`holds`); in an undated text, in a term that holds one of `years`
    /// (those written near the title), or at any time when there are none.
    func holdsOrHeld(_ entry: Int, _ cls: String, in country: String, years: Set<Int>) -> Bool {
        if date != nil { return holds(entry, cls, in: country) }
        return lexicon.entries[entry].roles.contains { role in
            guard role.country == country, Self.officeClasses[role.office] == cls else { return false }
            // Years written near the title tell the time: one of them falls in the office's term
            // ("In 1971, Prime Minister Trudeau" is no Trudeau of 2015).
            guard !years.isEmpty, let start = role.start?.year else { return true }
            let end = role.end?.year ?? Int.max
            return years.contains { $0 >= start && $0 <= end }
        }
    }

    /// The years (1900 to 2099) written in token `i`'s sentence and the one before: the time an
    /// undated text gives the event there ("In 1971, Prime Minister Trudeau met ...").
    func yearsNear(_ i: Int) -> Set<Int> {
        var from = sentenceRange(of: i).lowerBound
        if from > 0 { from = sentenceRange(of: from - 1).lowerBound }
        var years: Set<Int> = []
        for t in from..<sentenceRange(of: i).upperBound where layer.tokens[t].kind == .number && layer.tokens[t].end - layer.tokens[t].start == 4 {
            if let y = Int(word(t)), (1900...2099).contains(y) { years.insert(y) }
        }
        return years
    }

    /// Resolves each role description to the person the document names with that post in that
    /// country (source `coreference`), else to the one lexicon person holding it on the
    /// document's date (source `office`); with neither, or no date, it stays no mention.
    mutating func resolveRoleDescriptions() {
        // Per post and country, the person found: decided once per document.
        var decided: [String: (EntityIndex, EntityMention.Source)?] = [:]
        for role in roleDescriptions where !role.range.contains(where: { covered($0) }) {
            guard let cls = Self.officeClasses[role.office] else { continue }
            // In apposition to a name ("Ana Ruiz, the President of Peru,", "Ana Ruiz, Peru's
            // president,"): that person's post, not the lexicon's holder. The person takes its
            // office and country, and the description is theirs where the apposition ends there
            // (not "the French president at the time", a past office).
            var front = min(role.titleStart, role.range.lowerBound)
            if front > 0 && key(front - 1) == "the" { front -= 1 }
            if front > 1 && isCharacter(front - 1, UInt8(ascii: ",")), let m = mention(endingAt: front - 1), let p = m.entity,
               result.entities[p].type == .person, !isIn(.counterpart, role.range.lowerBound),
               !(m.firstToken > 0 && isOpeningParticiple(m.firstToken - 1)) {
                guard result.entities[p].country == nil || result.entities[p].country == role.country else { continue }
                if result.entities[p].office == nil { result.entities[p].office = role.office }
                if result.entities[p].country == nil { result.entities[p].country = role.country }
                // Past the complement ("the President of the Republic of Cape Verde,").
                var end = role.range.upperBound
                let sentenceEnd = sentenceRange(of: role.range.lowerBound).upperBound
                if end < sentenceEnd && key(end) == "of" {
                    while end < sentenceEnd && end - role.range.upperBound < 12
                            && (isCapitalizedWord(end) || ["of", "the", "and"].contains(key(end))) { end += 1 }
                }
                if end >= sentenceEnd || [",", ".", ";", ":", ")", "and"].contains(key(end)) {
                    add(EntityMention(candidates: [p], aliasKind: .description, firstToken: role.range.lowerBound, endToken: role.range.upperBound,
                                      byteStart: 0, byteEnd: 0, source: .coreference, titleStart: role.titleStart))
                }
                continue
            }
            // A title and its complement after a comma describe the name before it, or no one.
            if front > 0 && front == role.range.lowerBound && isCharacter(front - 1, UInt8(ascii: ",")) { continue }
            // A counterpart may resolve where a plain description does not (a prime minister's
            // counterpart in a presidential country): decided apart.
            let counterpart = isIn(.counterpart, role.range.lowerBound)
            let decidedKey = cls + " " + role.country + (counterpart ? " counterpart" : "")
            // Before a possessive ("the President of Peru's website"), only a person the document
            // names: a post's holder unnamed owns no fact of the text.
            let possessive = role.possessive
            if let known = decided[decidedKey], !possessive {
                if let (entity, source) = known {
                    add(EntityMention(candidates: [entity], aliasKind: .description, firstToken: role.range.lowerBound, endToken: role.range.upperBound,
                                      byteStart: 0, byteEnd: 0, source: source, titleStart: role.titleStart))
                }
                continue
            }
            var named = Set<EntityIndex>()
            for (index, entity) in zip(result.entities.layerIndices, result.entities) where entity.type == .person {
                if let o = entity.office, Self.officeClasses[o] == cls, entity.country == role.country { named.insert(index); continue }
                if let entry = entity.lexiconEntry?.rawValue, holds(entry, cls, in: role.country) { named.insert(index) }
            }
            var found: (EntityIndex, EntityMention.Source)?
            if named.count == 1 {
                found = (named.first!, .coreference)
            } else if named.isEmpty, !possessive, date != nil, let people = lexicon.peopleByCountry[role.country] {
                var holders = people.filter { holds($0, cls, in: role.country) }
                // A prime minister's counterpart where the president heads the government too
                // ("Kishida held talks with his Kenyan counterpart"): that president.
                if holders.isEmpty && cls == "head of government" && counterpart {
                    holders = people.filter { holds($0, "head of state", in: role.country) && headsGovernment($0, in: role.country) }
                }
                if holders.count == 1 { found = (entity(ofEntry: holders[0]), .office) }
            }
            if !possessive || found != nil { decided[decidedKey] = .some(found) }
            guard let (entity, source) = found else { continue }
            // The post described is theirs: a `role` for the rules, with its office and country.
            if result.entities[entity].office == nil { result.entities[entity].office = role.office }
            if result.entities[entity].country == nil { result.entities[entity].country = role.country }
            add(EntityMention(candidates: [entity], aliasKind: .description, firstToken: role.range.lowerBound, endToken: role.range.upperBound,
                              byteStart: 0, byteEnd: 0, source: source, titleStart: role.titleStart))
        }
    }

    /// "The foreign minister said ...": a post described with no country names the one person
    /// named before it in the document with a post of that class (source `coreference`); with
    /// two such people ("Iwaya met Manalo. The foreign minister said ..."), or none, it names
    /// no one. Only a person named before counts: a description does not look ahead.
    mutating func resolveBareDescriptions() {
        var visits: [Int: Bool] = [:]
        var titledMonarchs = monarchTitles()
        for description in bareDescriptions where !description.range.contains(where: { covered($0) }) {
            // "the minister": a minister of any portfolio, not a prime minister.
            let anyMinister = description.office == Self.anyMinisterOffice
            guard let cls = anyMinister ? "" : Self.officeClasses[description.office] else { continue }
            // "the visiting president": only one named in a sentence of a visit or an arrival,
            // not the host ("President Ruiz opened the summit in Lima").
            let visiting = key(description.article + 1) == "visiting"
            var found: EntityIndex?, ambiguous = false
            let sentenceStart = sentenceRange(of: description.article).lowerBound
            for m in result.mentions where m.firstToken < description.article {
                // In its own sentence, a description is no name's other form unless it is its
                // apposition: "Emir Tamar met the visiting president" names two people.
                if m.firstToken >= sentenceStart && !(m.endToken + 1 == description.article && isCharacter(m.endToken, UInt8(ascii: ","))) {
                    continue
                }
                guard let p = m.entity, result.entities[p].type == .person, p != found else { continue }
                // Its office; for "the minister", or a minister's title the text gives it at this
                // mention, before the name or in apposition after it ("Ambassador Ana Ruiz,
                // Minister of External Relations of Peru, ... The minister"): a minister may bear
                // two. (Not for a head's post: "Crown Prince and Prime Minister X received the
                // prime minister" names two.)
                let offices = [officeOf(p)] + (!anyMinister ? [] : result.titles.filter { t in
                    t.endToken == (m.titleStart ?? m.firstToken) || t.endToken == m.firstToken
                        || (t.firstToken == m.endToken + 1 && isCharacter(m.endToken, UInt8(ascii: ",")))
                }.map { Optional($0.office) })
                guard offices.contains(where: { o in o.map { anyMinister ? Self.isMinisterOffice($0) : Self.officeClasses[$0] == cls } ?? false })
                else { continue }
                // "the king" is a king named before (as "King Charles III" too), not a president
                // nor a queen; "the queen" a queen; "the monarch" either.
                if Self.monarchOffices.contains(description.office) && !isMonarch(p, as: description.office, titledBy: titledMonarchs) { continue }
                if visiting && !tellsOfVisit(sentenceRange(of: m.firstToken), &visits) { continue }
                if found == nil { found = p } else { ambiguous = true; break }
            }
            guard let found, !ambiguous else { continue }
            // "the minister", not after a minister the text leaves unnamed ("He was received by a
            // Bangladeshi minister. The minister ...").
            if anyMinister {
                let lastAt = result.mentions.last(where: { $0.entity == found && $0.firstToken < description.article })?.firstToken ?? 0
                // (A minister's title in apposition after a name is that person's.)
                let unnamed = result.titles.contains { t in
                    t.firstToken > lastAt && t.firstToken < description.article && Self.isMinisterOffice(t.office)
                        && !(mention(startingAt: t.endToken)?.entity.map { result.entities[$0].type == .person } ?? false)
                        && !(t.firstToken >= 2 && isCharacter(t.firstToken - 1, UInt8(ascii: ","))
                             && mention(endingAt: t.firstToken - 1)?.entity.map { result.entities[$0].type == .person } == true)
                }
                if unnamed { continue }
            }
            let described = EntityMention(candidates: [found], aliasKind: .description, firstToken: description.range.lowerBound,
                                          endToken: description.range.upperBound, byteStart: 0, byteEnd: 0, source: .coreference)
            noteMonarchTitle(of: described, in: &titledMonarchs)
            add(described)
        }
    }

    /// People after an honorific or a role noun that is no office ("Ms Lindiwe Sisulu", "Sir
    /// Yano Belo", "Mayor Jorge Telerman", "Buenos Aires Mayor Jorge Telerman"): found, with no
    /// office.
    mutating func findPeopleAfterHonorifics() {
        let count = layer.tokens.count
        let cues = lexicon.personCueKeys  // a local: no retain of the lexicon's bits per token
        var done = 0  // tokens before this are part of a name found
        for i in cuePositions where i >= done {
            // Cheap tests first: a cue word, then a name or a comma (or a second honorific) after it.
            let honorific = isIn(.honorific, i), roleNoun = isIn(.roleNoun, i)
            guard honorific || roleNoun, i + 2 < count,
                  mayStartName(i + 1) || isCharacter(i + 1, UInt8(ascii: ",")) || cues.contains(layer.tokens[i + 1].key)
                    || isIn(.complementLink, i + 1) || isCharacter(i + 1, UInt8(ascii: "("))
            else { continue }
            guard !covered(i), !inTitle[i], layer.tokens[i].kind == .word, !honorific || isCapitalizedWord(i) else { continue }
            let sentence = sentenceRange(of: i)
            var start = i + 1
            // "his counterpart, Mike Pompeo.": a role noun's apposition.
            var apposition = roleNoun && start + 1 < sentence.upperBound && isCharacter(start, UInt8(ascii: ",")) && isCapitalizedWord(start + 1)
            if apposition { start += 1 }
            // "Adviser on Commerce X", "Director of the Office of His Majesty X": the role's
            // complement; "the mayor of Lima, Rosa Quintelo,": then its apposition.
            if !apposition && roleNoun, let c = complementEnd(after: start, sentence: sentence) {
                start = c
                if start + 1 < sentence.upperBound && isCharacter(start, UInt8(ascii: ",")) && isCapitalizedWord(start + 1) {
                    apposition = true
                    start += 1
                }
            }
            while start < sentence.upperBound && isHonorific(start) { start += 1 }
            var (tokens, _) = nameTokens(from: start, sentence: sentence)
            if apposition, let last = tokens.last, last + 1 < sentence.upperBound, ![",", ".", ";", "and", ")"].contains(key(last + 1)) {
                tokens = []
            }
            if !tokens.isEmpty && isTitleCase(sentence) { tokens = [] }
            // One capitalized word after a lower-case role noun is too weak a sign ("the deputy
            // Speaker"); after an honorific or a capitalized role noun, it is a name.
            // One word is a name as a surname of a person named in full ("Mr. Iwaya"), or after a
            // courtesy title ("Mr Dorvak", looked at once every full name is in); alone after
            // other honorifics, "Dr Pepper" and "Gen Z" are not people.
            if tokens.count == 1 && isIn(.courtesy, i) && person(labelled: key(tokens[0]), before: tokens[0]) == nil {
                courtesyNames.append(tokens[0])
                done = tokens[0] + 1
                continue
            }
            guard let first = tokens.first, let last = tokens.last,
                  tokens.count >= 2 || person(labelled: key(first), before: first) != nil
                    || (apposition && isIn(.kin, i) && i > 0 && ["his", "her", "their"].contains(key(i - 1)))
                    || (isCapitalizedWord(i) && first == i + 1 && Self.singleNameStyles.contains(key(i)))
            else { continue }
            let (entity, source) = person(named: tokens)
            // The honorific or role begins the person's phrase ("Lima Mayor Tomas Rellan",
            // "Chairman of the Senate Tomas Rellan"); a kin word does not ("his wife Ana").
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: first, endToken: last + 1,
                              byteStart: 0, byteEnd: 0, source: source, titleStart: isIn(.kin, i) ? nil : titleStart(i)))
            done = last + 1
        }
    }

    /// A person named after honorifics however found ("Ms. Albright", "Sheikh Tamar Al Asad"):
    /// the phrase starts at the first of them, so rules see "met Ms. Albright" as they see "met
    /// Albright".
    mutating func markHonorifics() {
        for n in result.mentions.indices {
            // (A name several lexicon people share, settled later, is a person's all the same.)
            let candidates = result.mentions[n].candidates
            guard !candidates.isEmpty, candidates.allSatisfy({ result.entities[$0].type == .person }) else { continue }
            let first = result.mentions[n].titleStart ?? result.mentions[n].firstToken
            let sentenceStart = sentenceRange(of: first).lowerBound
            var k = first
            // (A phrase that opens at an honorific, as one found after it does, reads back too.)
            if result.mentions[n].titleStart == nil || isHonorific(first) {
                // Whether an honorific ends right before `t` ("Dr", or "Dr" and its period).
                func honorificEnds(before t: Int) -> Bool {
                    t > sentenceStart && (isHonorific(t - 1) || (isCharacter(t - 1, UInt8(ascii: ".")) && t - 1 > sentenceStart && isHonorific(t - 2)))
                }
                let sentence = sentenceStart..<sentenceRange(of: first).upperBound
                while k > sentenceStart {
                    if honorificEnds(before: k) {
                        k -= 1
                        continue
                    }
                    // "Dr. the Hon. X", "Dr the Most Hon. X": a style with "the" (`styleWithThe`,
                    // ending at `k`) after another honorific.
                    guard isHonorific(k), let j = [k - 1, k - 2].first(where: { $0 > sentenceStart && styleWithThe(at: $0, sentence: sentence) == k }),
                          honorificEnds(before: j) else { break }
                    k = j
                }
            }
            // "Prince Faisal bin Farhan Al Saud", where the lexicon's longer name starts after the
            // royal style: the style, which no title or name covers, opens the phrase as an
            // honorific does.
            if k == first && result.mentions[n].titleStart == nil && k > sentenceStart && !covered(k - 1) && isCapitalizedWord(k - 1)
                && Self.royalStyles.contains(key(k - 1)) {
                k -= 1
            }
            // "His Excellency X", "his excellency X": the form of address opens the phrase.
            if k > sentenceStart + 1 && isAddress(pronounAt: k - 2) { k -= 2 }
            else if k > sentenceStart && isAddress(pronounAt: k - 1) { k -= 1 }
            if k < result.mentions[n].firstToken && k != result.mentions[n].titleStart { result.mentions[n].titleStart = k }
        }
    }

    /// Words of an institution between a country and a title ("Chinese Foreign Ministry
    /// spokeswoman", "U.S. State Department spokesman").
    static let institutionWords: Set<String> = ["ministry", "office", "department", "presidency", "presidential", "palace", "embassy", "mission", "cabinet", "government",
                                                 "assembly", "parliament", "senate"]

    /// The country mention right before a title at `token`, or before the institution the title
    /// belongs to ("Chinese Foreign Ministry spokeswoman"), if any.
    func country(before token: Int) -> EntityMention? {
        // A headline's last word ("... Talks Between Yerevan And Baku") is no country of the title
        // opening the lede. (A line broken inside a sentence, "U.S." then "Secretary of State X",
        // may still give one.)
        // Nor a place a line ends with after a preposition ("President X Attends the Summit in
        // Peru", then "President X arrived ..."): the object of "in" is no title's country.
        // Nor a city a line ends with after other words ("Published July 27 - Johannesburg",
        // then "Prime Minister X at the summit"): a city is no title's country across a line.
        if token > 0 && token < layer.tokens.count && sentenceRange(of: token).lowerBound == token {
            if isTitleCase(sentenceRange(of: token - 1)) { return nil }
            if let m = mention(endingAt: token), m.firstToken > 0, Self.placePrepositions.contains(key(m.firstToken - 1)) { return nil }
            // (A city alone on its line is a dateline, "LIMA" then "President X said": its
            // country is the title's.)
            if let m = mention(endingAt: token), m.aliasKind == .capital, m.firstToken > sentenceRange(of: token - 1).lowerBound { return nil }
        }
        // "Uganda's First Vice President": past the rank of a deputy's post.
        if token >= 2, hasRank(before: token) { return country(before: token - 1) }
        // "Kosovo's new Prime Minister", "Japan's newly elected Prime Minister": past a word of
        // tenure held now.
        if token >= 2, Self.heldNowWords.contains(key(token - 1)) { return country(before: token - 1) }
        if token >= 3, ["elected", "appointed"].contains(key(token - 1)), key(token - 2) == "newly" { return country(before: token - 2) }
        if let m = mention(endingAt: token), let e = m.entity, result.entities[e].type == .country { return m }
        // "Chile's Foreign Minister": a possessive between the country and the title.
        if token >= 2, isPossessive(token - 1), let m = mention(endingAt: token - 1), let e = m.entity,
           result.entities[e].type == .country { return m }
        // Back over at most four words of an institution, the last of which names one, in
        // capitals or not ("Chinese foreign ministry spokeswoman", "Kenyan National Assembly Speaker").
        // ("Indian Ministry of External Affairs (MEA) spokesperson": past the acronym.)
        var last = token
        if last >= 4 && isCharacter(last - 1, UInt8(ascii: ")")) && isCharacter(last - 3, UInt8(ascii: "("))
            && layer.tokens[last - 2].shape.contains(.allCaps) {
            last -= 3
            // An institution that names its country ("Ministry of External Affairs (MEA)").
            if let m = mention(endingAt: last), let e = m.entity, result.entities[e].type == .country { return m }
        }
        var k = last
        while k > 0 && last - k < 6 && layer.tokens[k - 1].kind == .word && !covered(k - 1)
                && (isIn(.officeDomain, k - 1) || isIn(.institution, k - 1) || key(k - 1) == "national"
                    || (["of", "and"].contains(key(k - 1)) && k < last && isCapitalizedWord(k))) {
            k -= 1
        }
        guard k < last, isIn(.institution, last - 1) || (last - 1 > k && isIn(.institution, k) && isCapitalizedWord(last - 1)) else { return nil }
        if let m = mention(endingAt: k), let e = m.entity, result.entities[e].type == .country { return m }
        // "Kenya's Defence Cabinet Secretary": the possessive before the institution.
        if k >= 2, isPossessive(k - 1), let m = mention(endingAt: k - 1), let e = m.entity, result.entities[e].type == .country { return m }
        return nil
    }

    /// Prepositions whose object a place is, in `country(before:)`.
    static let placePrepositions: Set<String> = ["in", "to", "from", "at", "for", "with", "on", "into", "by"]

    /// The ranks before a deputy's post that keep it a post held now ("First Vice President", "Executive Vice President",
    /// "1st Deputy Speaker"), unlike "the first President of ...".
    static let deputyRanks: Set<String> = ["first", "second", "third", "1st", "2nd", "3rd", "executive"]
    /// Words of a post held now between its country and its title ("Kosovo's new Prime Minister").
    static let heldNowWords: Set<String> = tenureWords.union(["new", "current", "incumbent", "sitting"])

    /// Whether the word before a title at `token` is a rank of its post: before a deputy's
    /// ("First Vice President", "1st Deputy Speaker"), or "Second" or "Senior" before
    /// "Minister" ("Brunei's Second Minister of Foreign Affairs", "Senior Minister").
    func hasRank(before token: Int) -> Bool {
        guard token >= 1 else { return false }
        let rank = key(token - 1), word = key(token)
        if Self.deputyRanks.contains(rank) && (word == "deputy" || word == "vice") { return true }
        return (rank == "second" || rank == "senior") && word == "minister" && isCapitalizedWord(token - 1) && isCapitalizedWord(token)
    }

    /// Where a title starting at `token` starts with the country named right before it.
    func titleStart(_ token: Int) -> Int {
        country(before: token)?.firstToken ?? token
    }

    /// Where the phrase of a person whose title (with its country) starts at `start` starts,
    /// when words of tenure or a form of address come before it: "Acting Chilean Foreign
    /// Minister", "Interim U.S. Secretary of State", "His Highness the Crown Prince", "His
    /// Majesty King", "Her Royal Highness Princess". As an argument of a rule, the phrase holds
    /// them all; nil when nothing comes before.
    ///
    /// A title joined to it by "and" belongs to the phrase too, with its complement ("General
    /// Secretary and President of China Xi Jinping", "Deputy Prime Minister and Minister of Justice
    /// and Minister of State X"): `titleByEnd` gives the first token of each title by the token
    /// after it.
    func phraseStart(before start: Int, titleByEnd: [Int: Int] = [:]) -> Int? {
        guard start > 0 else { return nil }
        let sentence = sentenceRange(of: start)
        var front = start
        // A title right before the person's ("Yang di-Pertuan Agong Sultan X", "Crown Prince
        // Prime Minister X"): both open the phrase.
        while let before = titleByEnd[front], before < front, before >= sentence.lowerBound { front = before }
        while front - 1 > sentence.lowerBound, key(front - 1) == "and" {
            // The title before "and", past its complement ("Minister of Justice and ...").
            var j = front - 1
            var first = titleByEnd[j]
            while first == nil && j - 1 > sentence.lowerBound && front - j < 8
                    && !covered(j - 1) && (isCapitalizedWord(j - 1) || ["of", "for", "the"].contains(key(j - 1))) {
                j -= 1
                first = titleByEnd[j]
            }
            guard let first, first < front - 1 else { break }
            front = titleStart(first)
        }
        if front > sentence.lowerBound, layer.tokens[front - 1].kind == .word, !covered(front - 1), Self.tenureWords.contains(key(front - 1)) {
            front -= 1
        }
        // "the 1st Deputy Speaker X": the rank of a deputy's post.
        if front > sentence.lowerBound, hasRank(before: front) {
            front -= 1
        }
        // "former President X", "Kazakhstan's former president, X", "ex-President X": a post once
        // held opens the person's phrase as one held now does (the office is not theirs: the
        // negative rules see "former" there).
        if front > sentence.lowerBound, layer.tokens[front - 1].kind == .word, !covered(front - 1), key(front - 1) == "former" {
            front -= 1
            if let c = country(before: front) { front = c.firstToken }
        } else if front - 2 >= sentence.lowerBound, isCharacter(front - 1, UInt8(ascii: "-")), key(front - 2) == "ex" {
            front -= 2
        }
        // "Governor-General X", "Director-General X": a role of two words joined by a hyphen,
        // the second of which is the title.
        if front - 2 >= sentence.lowerBound, isCharacter(front - 1, UInt8(ascii: "-")), layer.tokens[front - 2].kind == .word,
           Self.roleNouns.contains(key(front - 2) + "-" + key(front)) {
            front -= 2
        }
        var k = front
        if k > sentence.lowerBound && key(k - 1) == "the" { k -= 1 }
        var address = k
        while address > sentence.lowerBound && k - address < 2 && Self.addressWords.contains(key(address - 1)) && isCapitalizedWord(address - 1) {
            address -= 1
        }
        if address < k && address > sentence.lowerBound && isIn(.possessiveDeterminer, address - 1) { front = address - 1 }
        return front < start ? front : nil
    }

    /// Gives each mention after a title its `phraseStart`, and each agreement after a year
    /// ("the 1974 Land Boundary Agreement", "the 2015 Paris Agreement") the year's token, so that
    /// rules read "of the 1974 ..." as "of the ...". (A year after "the" or a possessive, and
    /// before a name that does not open with it.)
    mutating func assignPhraseStarts() {
        var titleByEnd: [Int: Int] = [:]
        for title in result.titles { titleByEnd[title.endToken] = min(titleByEnd[title.endToken] ?? title.firstToken, title.firstToken) }
        for n in result.mentions.indices {
            let m = result.mentions[n]
            if m.titleStart == nil, let e = m.entity, result.entities[e].type == .agreement, m.firstToken >= 2 {
                let year = m.firstToken - 1
                let token = layer.tokens[year]
                if token.kind == .number, token.end - token.start == 4, owner[year] < 0,
                   key(year - 1) == "the" || isPossessive(year - 1) || isIn(.possessiveDeterminer, year - 1) {
                    result.mentions[n].phraseStart = year
                }
                continue
            }
            guard let t = m.titleStart, let front = phraseStart(before: t, titleByEnd: titleByEnd) else { continue }
            result.mentions[n].phraseStart = front
        }
    }

    /// Words before a title's country that keep the post one held now: "Acting", "Interim",
    /// "Caretaker", "Outgoing" (not "incoming" nor "former": those are not in office).
    static let tenureWords: Set<String> = ["acting", "interim", "caretaker", "outgoing"]

    /// Gives person `entity` the office of a title at `titleStart`, and the country named right
    /// before the title, unless it has an office already.
    /// The first country mention after "of" (or "of the") in a title's complement
    /// ("Minister of Foreign Affairs of the State of Palestine"); after "to" or "in" a country is
    /// the host ("Ambassador to Japan", "High Commissioner in Kenya"), not the office's.
    func countryAfterOf(in complement: Range<Int>) -> EntityMention? {
        for k in complement where k > complement.lowerBound
            && (key(k - 1) == "of" || (key(k - 1) == "the" && k - 2 >= complement.lowerBound && key(k - 2) == "of")) {
            if let m = mention(startingAt: k), let e = m.entity, result.entities[e].type == .country { return m }
        }
        return nil
    }

    /// Gives person `entity` the office of a title at `titleStart`, and the office's country:
    /// the one named right before the title ("Chile's Foreign Minister"), else the first after
    /// "of" in the title's complement `complement` ("Minister of Foreign Affairs of the State of Palestine"),
    /// else one after "of" right after the name, ending at `nameEnd` ("President Ruto of
    /// Kenya"); unless the person has an office already.
    mutating func setOffice(_ entity: EntityIndex, _ office: String, before titleStart: Int, complement: Range<Int>? = nil, nameEnd: Int? = nil) {
        guard result.entities[entity].office == nil else { return }
        result.entities[entity].office = office
        var found = country(before: titleStart)
        if found == nil, let complement { found = countryAfterOf(in: complement) }
        // "... and Moroccan Expatriates": the country whose people abroad the post serves.
        if found == nil, let complement {
            for k in complement where found == nil {
                guard let m = mention(startingAt: k), let e = m.entity, alpha3(ofCountry: e) != nil, m.endToken < complement.upperBound,
                      Self.peopleAbroadWords.contains(key(m.endToken)) else { continue }
                found = m
            }
        }
        if found == nil, let nameEnd, nameEnd + 1 < layer.tokens.count, key(nameEnd) == "of",
           let m = mention(startingAt: nameEnd + 1), let e = m.entity, result.entities[e].type == .country,
           sentenceRange(of: nameEnd).contains(m.firstToken) {
            found = m
        }
        if let m = found, let e = m.entity, let entry = result.entities[e].lexiconEntry {
            let code = lexicon.entries[entry].codes["alpha3"]
            result.entities[entity].country = code
            // A name found in the text, of an office of a country that writes the family name
            // first, is shortened to its first word ("Chinese Premier Li Qiang ... Li said").
            if let code, Self.familyNameFirst.contains(code), result.entities[entity].lexiconEntry == nil,
               !personByLabel.values.contains(where: { $0.entity == entity }) {
                let words = result.entities[entity].name.split(separator: " ")
                if words.count >= 2 { result.entities[entity].label = String(words[0]) }
            }
        } else if isOrganisationTitle(office, at: titleStart) || nameEnd.map(isOrganisationAfterName) == true {
            officesOfOrganisations.insert(entity)
        }
    }

    /// Words of a portfolio for a country's people abroad, after the country's adjective
    /// ("Moroccan Expatriates", "Malian Diaspora").
    static let peopleAbroadWords: Set<String> = ["expatriates", "emigrants", "diaspora", "abroad", "nationals"]

    /// Whether a title with no country, starting at `titleStart`, is likely a post of an
    /// organisation rather than of the person's own country: an office international bodies
    /// hold ("Secretary-General"), or, past the words of a portfolio, a capitalized word before
    /// it that names no country ("Commission President", "Special Envoy") or the acronym of an
    /// international body ("UN Secretary-General", "NATO Secretary General"). Such a title takes
    /// no country from what the lexicon knows of the person. A monarch's title is never one
    /// ("His Majesty King Abdullah").
    func isOrganisationTitle(_ office: String, at titleStart: Int) -> Bool {
        let joined = office.replacingOccurrences(of: "- ", with: "-")
        // (Their deputies' too: "Deputy Secretary-General", "Under-Secretary-General".)
        if Self.organisationOffices.contains(where: { joined.hasPrefix($0) || joined.hasSuffix(" " + $0) || joined.hasSuffix("-" + $0) }) { return true }
        if Self.monarchOffices.contains(office) { return false }
        // A complement naming an international body ("President of the European Commission",
        // "Chairperson of the African Union Commission", "President of the UN General Assembly").
        if Self.isInternationalOffice(office) { return true }
        // A title joined by a hyphen to the word before it ("Secretary-General" read as "General");
        // not one after a spaced dash ("SEOUL, May 5 - Foreign Minister").
        if titleStart > 0 && isCharacter(titleStart - 1, UInt8(ascii: "-")) && layer.tokens[titleStart - 1].end == layer.tokens[titleStart].start {
            return true
        }
        // An envoy in lower case with no country named ("his personal envoy", "the
        // Secretary-General's special envoy") is as often an organisation's as a country's.
        if key(titleStart) == "envoy" && !isCapitalizedWord(titleStart) { return true }
        // Back over the portfolio words a title can follow ("Home Minister", "Trade and Industry Minister").
        let sentence = sentenceRange(of: titleStart)
        var before = titleStart - 1
        while before > sentence.lowerBound && !covered(before) && isCapitalizedWord(before)
                && (isIn(.officeDomain, before) || isHonorific(before) || Self.honorificWords.contains(key(before))) {
            before -= 1
            if before > sentence.lowerBound && (key(before) == "and" || key(before) == "&") && isCapitalizedWord(before - 1)
                && isIn(.officeDomain, before - 1) {
                before -= 1
            }
        }
        // A ministry named by its portfolio is a government's ("Foreign Ministry spokesman",
        // "Foreign Office spokeswoman", "Defence Ministry spokesperson"): back over it too, so
        // that the word before it decides ("ISLAMABAD: Foreign Ministry spokesman" is the
        // dateline's; "Taliban Foreign Ministry spokesman" stays an organisation's). So is the
        // presidency ("Presidential spokesman").
        if before >= sentence.lowerBound, before < titleStart, !covered(before), isIn(.institution, before), isCapitalizedWord(before) {
            if ["presidential", "presidency"].contains(key(before)) {
                before -= 1
            } else if before - 1 >= sentence.lowerBound, !covered(before - 1), isCapitalizedWord(before - 1), isIn(.officeDomain, before - 1) {
                before -= 2
                while before > sentence.lowerBound && !covered(before) && isCapitalizedWord(before) && isIn(.officeDomain, before) { before -= 1 }
            }
        }
        guard before >= sentence.lowerBound, !covered(before) else { return false }
        // A body named with its acronym in brackets ("Popular Unity Party (PUP) President"), no
        // country's ("Democratic Republic of the Congo (DRC) President" is covered by a country).
        if before - 3 >= sentence.lowerBound, isCharacter(before, UInt8(ascii: ")")), isCharacter(before - 2, UInt8(ascii: "(")),
           layer.tokens[before - 1].shape.contains(.allCaps), !covered(before - 1), isCapitalizedWord(before - 3), !covered(before - 3) {
            return true
        }
        let t = layer.tokens[before]
        guard t.kind == .word else { return false }
        // An acronym names an international body only when it is one's ("TT High Commissioner"
        // is Trinidad and Tobago's).
        if t.shape.contains(.allCaps) { return Self.internationalBodies.contains(key(before)) }
        // A sentence's first word is capitalized by its place ("My President", "As President
        // Ruiz said"): only a word organisations are named by counts there.
        if before == sentence.lowerBound { return isIn(.placeOrOrganisation, before) }
        // A word between two titles joins them into one post ("Minister Assisting Prime Minister").
        if before > sentence.lowerBound && inTitle[before - 1] { return false }
        // A level of a national government ("Union Minister", "Federal Minister", "Cabinet
        // Secretary"), not a body's name that ends in one ("African Union Envoy").
        if Self.nationalPostWords.contains(key(before)) && !isCapitalizedWord(before - 1) { return false }
        return t.shape.contains(.capitalized)
    }

    /// Whether "of" and an organisation's name follow a titled name ending at `nameEnd`: the
    /// post is the organisation's ("President Ana Ruiz of the European Commission", "of the AU
    /// Commission", "of the Kenya Red Cross Society"): up to five capitalized words, none a
    /// country, one of them a word that ends a place's or an organisation's name (`placeOrOrganisationNouns`).
    func isOrganisationAfterName(_ nameEnd: Int) -> Bool {
        let sentence = sentenceRange(of: nameEnd - 1)
        guard nameEnd + 1 < sentence.upperBound, key(nameEnd) == "of" else { return false }
        var k = key(nameEnd + 1) == "the" ? nameEnd + 2 : nameEnd + 1
        let end = min(sentence.upperBound, k + 5)
        while k < end && !covered(k) && (isCapitalizedWord(k) || layer.tokens[k].shape.contains(.allCaps)) {
            if isIn(.placeOrOrganisation, k) { return true }
            k += 1
        }
        return false
    }

    /// Words of address and rank before a title ("His Majesty King", "Major General"), beside
    /// the honorifics ("Excellency"), which name no organisation.
    static let honorificWords: Set<String> = [
        "majesty", "highness", "royal", "serene", "his", "her", "their", "your", "our", "my",
        "major", "lieutenant", "brigadier", "rear", "vice", "field", "air",
    ]

    /// Words before a title that place the post in a national government, not an organisation:
    /// "Union Minister", "Federal Minister", "Cabinet Secretary", "State Minister".
    static let nationalPostWords: Set<String> = ["union", "federal", "cabinet", "state", "senior", "junior", "national", "interim", "caretaker"]

    /// Acronyms of international organisations, as they stand before their officers' titles.
    static let internationalBodies: Set<String> = [
        "un", "eu", "au", "nato", "imf", "who", "wto", "oas", "asean", "osce", "iaea", "opec", "sadc", "ecowas", "caricom",
        "gcc", "oic", "apec", "oecd", "unesco", "unicef", "unhcr", "undp", "unep", "unctad", "icc", "icj", "brics", "sco",
        "ioc", "fifa", "igad", "eac", "comesa", "mercosur", "celac", "saarc", "bimstec", "pif", "cis", "csto", "eaeu",
        "interpol", "wfp", "fao", "ilo", "unodc", "ocha", "unrwa", "iom", "wipo", "itu", "iea", "bis", "adb", "afdb", "ebrd",
        "ecb", "eib", "icao", "imo", "unwto", "unaids", "ifad", "unido", "wmo", "opcw", "ctbto", "efta",
    ]
    /// Countries whose people's names news writes family name first, in English too (Taiwan's
    /// officials often go by a Western given name first: "Joseph Wu").
    static let familyNameFirst: Set<String> = ["CHN", "KOR", "PRK"]
    /// A monarch's offices: never an organisation's; "the king", "the monarch" describe one of them only.
    static let monarchOffices: Set<String> = ["King", "Queen", "Emir", "Sultan", "Emperor", "Monarch", "Crown Prince", "Yang di-Pertuan Agong"]

    /// Offices held in international organisations far more often than in a government, with
    /// whatever complement ("Secretary-General of the United Nations").
    /// Two words that name an international body in a title's complement.
    static let internationalBodyNames: Set<String> = [
        "european commission", "european council", "european union", "european parliament", "african union", "arab league",
        "united nations", "world bank", "monetary fund", "trade organization", "health organization", "american states",
        "islamic cooperation", "gulf cooperation", "commonwealth secretariat", "development bank",
    ]
    static let organisationOffices: Set<String> = ["Secretary-General", "Secretary General", "Director-General", "High Representative of the Union for Foreign Affairs and Security Policy"]
    /// Posts only international bodies have, whatever words come before them ("the United
    /// Nations High Commissioner for Human Rights").
    static let internationalOffices: [String] = ["High Commissioner for Human Rights", "High Commissioner for Refugees"]

    /// Whether `office` (as phrased) is a post of an international body by its own words: one of
    /// `internationalOffices`, or a complement naming such a body ("President of the European
    /// Commission", "Chairperson of the African Union Commission"). No country holds it, whatever
    /// the lexicon knows of its holder. With `firstPost`, only the post before an "and" is read:
    /// "President of Senegal and Chairperson of the African Union" is Senegal's president, and
    /// a post "to" a body is a country's ("Ambassador to the UN").
    static func isInternationalOffice(_ office: String, firstPost: Bool = false) -> Bool {
        let office = firstPost ? office.components(separatedBy: " and ").first ?? office : office
        if firstPost && office.lowercased().contains(" to ") { return false }
        if internationalOffices.contains(where: { office.hasPrefix($0) || office.hasSuffix(" " + $0) }) { return true }
        let words = office.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains(where: internationalBodies.contains)
            || zip(words, words.dropFirst()).contains(where: { internationalBodyNames.contains($0.0 + " " + $0.1) })
    }

    /// A person entity, mentioned before `token`, whose label has the key `labelKey`.
    func person(labelled labelKey: String, before token: Int) -> EntityIndex? {
        guard let known = personByLabel[labelKey], known.firstToken < token else { return nil }
        return known.entity
    }

    /// A label folded by the tokenizer's own normalizer, as token keys are, so "Séjourné" meets
    /// the key "sejourne" of the word in the text and "Łowska" the key "lowska".
    func normalizedLabel(_ label: String) -> String {
        tokenizer.key(of: label)
    }

    /// Whether `tokens` (a name found by its position, with no title right before it) look like
    /// a person's name: two capitalized words or more, none a word of an office, an institution,
    /// a place or an organisation ("Foreign Ministry", "Human Rights Watch" has "watch"... no:
    /// see `placeOrOrganisationNouns`).
    func looksLikePersonName(_ tokens: [Int]) -> Bool {
        let words = tokens.filter { isCapitalizedWord($0) }
        guard words.count >= 2, words.count <= 5 else { return false }
        return hasOnlyNameWords(words)
    }

    /// Whether no word of `tokens` is a word of an office, an institution, a body or polity, a
    /// place, an organisation, an honorific or a role noun (`CompiledLexicon.nonNameWords`).
    func hasOnlyNameWords(_ tokens: [Int]) -> Bool {
        tokens.allSatisfy { t in
            // After "bin", "Al" ..., a word of text is a name ("Tarik Al Said").
            !isNonNameWord(t) || (t > 0 && Self.patronymicParticles.contains(key(t - 1)) && isIn(.notName, t)
                                  && !isIn(.placeOrOrganisation, t) && !isIn(.body, t) && !isIn(.officeDomain, t))
        }
    }

    /// "Pavel Rychetsky, the court's chief justice,", "Carlo Dade, director of ...": a name
    /// followed by a comma and a title or role noun, with at most four words (lower case, or a
    /// country) between the comma and it.
    mutating func findPeopleBeforeAppositiveTitles() {
        // Titles and role nouns with no name of their own after them ("Minister of International
        // Relations Naledi Pandor" is no apposition to what stands before its comma).
        func namesNoOne(_ end: Int) -> Bool {
            guard let m = mention(startingAt: end), let e = m.entity else { return true }
            return result.entities[e].type != .person
        }
        var heads = result.titles.filter { namesNoOne($0.endToken) }.map(\.firstToken)
        for i in cuePositions where isIn(.roleNoun, i) && namesNoOne(i + 1) { heads.append(i) }
        for head in heads.sorted() {
            guard (max(0, head - 6)..<head).contains(where: { isCharacter($0, UInt8(ascii: ",")) }) else { continue }
            let sentence = sentenceRange(of: head)
            var k = head - 1
            var steps = 0
            while k > sentence.lowerBound && steps < 5 && key(k) != "," {
                if let m = mention(endingAt: k + 1), !m.candidates.isEmpty, m.candidates.allSatisfy({ result.entities[$0].type == .country }) {
                    k = m.firstToken - 1
                } else if isCapitalizedWord(k) && !inTitle[k] && !isIn(.officeDomain, k) && !isIn(.body, k) {
                    // (An institution's words go with the title: "X, the Foreign Ministry spokeswoman,".)
                    break
                } else {
                    k -= 1
                }
                steps += 1
            }
            // The name before the comma, not the object of a preposition (a place or an
            // organisation: "in Buenos Aires, the ...").
            guard k > sentence.lowerBound, key(k) == ",", let tokens = nameEnding(at: k, sentence: sentence) else { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: k,
                              byteStart: 0, byteEnd: 0, source: source))
        }
    }

    /// Bylines and photo credits: "By Danielle Haynes" opening a sentence or a line, "By Ann Lee
    /// and Li Wei", "photo by Andrew Harrer/UPI", "AP Photo/Paul Sancya", "- Ann Lee (Photo
    /// courtesy of ...)": persons, though never parties to facts.
    mutating func findBylines() {
        let count = layer.tokens.count
        // At "by" opening a sentence, or at the token after "photo" (cue words both, tested as
        // bits before any string is made).
        var places: [Int] = []
        let cues = lexicon.personCueKeys
        for sentence in layer.sentences where sentence.endToken > sentence.firstToken && cues.contains(layer.tokens[Int(sentence.firstToken)].key) {
            places.append(Int(sentence.firstToken))
        }
        for i in cuePositions where i + 1 < count && isIn(.photo, i) { places.append(i + 1) }
        // "... in Riyadh  By Ann Lee and Li Wei  RIYADH (AA) -": a capitalized "By" after a line
        // break or a run of spaces, where a page's parts run together in one sentence; and the
        // credits of a wire story: "(Reporting by Ann Lee in Lima; Editing by Li Wei)", "Written
        // by Ann Lee", "Story by Ann Lee | Photos by Li Wei".
        for i in cuePositions where i > 0 && isIn(.by, i) && (isIn(.credit, i - 1) || (isCapitalizedWord(i) && startsLine(i))) {
            places.append(i)
        }
        for i in places.sorted() {
            let k = key(i)
            guard k == "by" || k == "/" || k == ":" else { continue }
            let sentence = sentenceRange(of: i)
            let credit = k == "by" && i > sentence.lowerBound && isIn(.credit, i - 1)
            let opensByline = k == "by" && (i == sentence.lowerBound || (i > sentence.lowerBound && key(i - 1) == "photo")
                                            || (isCapitalizedWord(i) && startsLine(i)) || credit)
            let afterPhoto = (k == "/" || k == ":") && i > sentence.lowerBound && key(i - 1) == "photo"
            guard opensByline || afterPhoto, i + 1 < sentence.upperBound, !covered(i + 1) else { continue }
            // The authors: names joined by "and" or commas ("By Ann Lee and Li Wei").
            var start = i + 1
            var names: [[Int]] = []
            while start < sentence.upperBound, !covered(start) {
                let (tokens, _) = nameTokens(from: start, sentence: sentence)
                guard let last = tokens.last, looksLikePersonName(tokens) else { break }
                names.append(tokens)
                guard last + 2 < sentence.upperBound, key(last + 1) == "and" || key(last + 1) == "," else { break }
                start = last + 2
            }
            guard let last = names.last?.last else { continue }
            // The names end the byline: the sentence's end, a comma, a slash or a bar, a line's
            // end or a dateline in capitals.
            if last + 1 < sentence.upperBound && ![",", "/", "|", ")", "."].contains(key(last + 1)) && !startsLine(last + 1)
                && !layer.tokens[last + 1].shape.contains(.allCaps)
                && !(credit && key(last + 1) == ";")
                // ("By Ann Lee in Washington": the place a byline or a credit was written from.)
                && !(k == "by" && key(last + 1) == "in" && last + 2 < sentence.upperBound && isCapitalizedWord(last + 2)) { continue }
            for tokens in names {
                let (entity, source) = person(named: tokens)
                add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: tokens[tokens.count - 1] + 1,
                                  byteStart: 0, byteEnd: 0, source: source))
            }
        }
        // "... in Asia. - Ann Lee (Photo courtesy of ...)": a dash, a name, then a photo's credit.
        for i in cuePositions where i >= 3 && isIn(.photo, i) && key(i - 1) == "(" && !covered(i - 2) {
            let sentence = sentenceRange(of: i)
            guard let tokens = nameEnding(at: i - 1, sentence: sentence), tokens[0] > sentence.lowerBound,
                  isDash(tokens[0] - 1) || key(tokens[0] - 1) == "-" else { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: i - 1,
                              byteStart: 0, byteEnd: 0, source: source))
        }
            findCredits()
}

    /// Words of a story's credits before "by" ("Reporting by", "Editing by", "Written by").
    static let creditWords: Set<String> = ["reporting", "editing", "writing", "written", "edited", "story", "photos", "text", "compiled",
                                          "reported", "produced", "graphics", "video"]

    /// Words that end the name of a news outlet ("ABS-CBN News", "The Jakarta Post").
    static let outletWords: Set<String> = ["news", "times", "post", "press", "tribune", "herald", "gazette", "journal", "daily", "online", "television", "radio", "agency", "network", "channel"]

    /// Whether token `i` opens a line: a line break, or two spaces or more, before it.
    func startsLine(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let gap = text[Int(layer.tokens[i - 1].end)..<Int(layer.tokens[i].start)]
        return gap.contains(0x0A) || gap.count >= 2 && gap.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Whether the text has a line break (or its end) between byte `from` and the next token.
    func lineEnds(after token: Int) -> Bool {
        let from = Int(layer.tokens[token].end)
        let to = token + 1 < layer.tokens.count ? Int(layer.tokens[token + 1].start) : text.count
        return to >= text.count || text[from..<to].contains(0x0A)
    }

    /// Credits closing a paragraph: a caption's "– Ann Lee" (a dash, then a name, then the line's
    /// end), and a reporter's "Ann Lee, ABS-CBN News." (a name, a comma and an outlet's name make
    /// the whole sentence, at the line's end). Persons, never parties to facts.
    mutating func findCredits() {
        for sentence in layer.sentences where sentence.endToken - sentence.firstToken >= 3 {
            let range = Int(sentence.firstToken)..<Int(sentence.endToken)
            var last = range.upperBound - 1
            if isCharacter(last, UInt8(ascii: ".")) { last -= 1 }
            guard last > range.lowerBound, isCapitalizedWord(last) || layer.tokens[last].shape.contains(.allCaps), lineEnds(after: range.upperBound - 1) else { continue }
            // "– Ann Lee": back from the end over a name to a dash (tested on bytes first).
            var k = last
            while k > range.lowerBound && last - k < 5 && (isCapitalizedWord(k) || layer.tokens[k].kind == .word) { k -= 1 }
            if isCapitalizedWord(last) && !covered(last) && isDash(k), let tokens = nameEnding(at: last + 1, sentence: range), tokens[0] > range.lowerBound {
                if isDash(tokens[0] - 1) {
                    let (entity, source) = person(named: tokens)
                    add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: last + 1,
                                      byteStart: 0, byteEnd: 0, source: source))
                    continue
                }
            }
            // "Ann Lee, ABS-CBN News.": the outlet's last word ends the sentence, a comma follows
            // the name's two or three words.
            guard mayStartName(range.lowerBound), (range.lowerBound + 2...range.lowerBound + 4).contains(where: { $0 < last && isCharacter($0, UInt8(ascii: ",")) }),
                  Self.outletWords.contains(key(last)) else { continue }
            let (tokens, _) = nameTokens(from: range.lowerBound, sentence: range)
            guard let end = tokens.last, end + 2 <= last, isCharacter(end + 1, UInt8(ascii: ",")), looksLikePersonName(tokens),
                  (end + 2...last).allSatisfy({ layer.tokens[$0].kind != .word || isCapitalizedWord($0) || layer.tokens[$0].shape.contains(.allCaps) })
            else { continue }
            let (entity, source) = person(named: tokens)
            add(EntityMention(candidates: [entity], aliasKind: .name, firstToken: tokens[0], endToken: end + 1,
                              byteStart: 0, byteEnd: 0, source: source))
        }
    }

    /// Surnames that are also common English words: alone, they are more often the word
    /// ("Rice prices", "Major General", "Key points") than the leader of that name.
    static let commonWordSurnames: Set<String> = [
        "may", "major", "rice", "brown", "key", "bush", "ford", "young", "king", "long", "little", "rich", "hope",
        "price", "strong", "black", "white", "green", "wood", "hill", "hunt", "cook", "banks", "rock", "gray", "grey",
        "page", "lane", "wells", "mills", "bird", "fox", "stone", "marks", "cross", "north", "west", "south", "east",
        "love", "rose", "moon", "sun", "law", "chance", "case", "hall", "bell", "church", "park", "light", "power",
        "noble", "golden", "said", "star", "gore", "hu", "li", "lee", "kim", "wang", "zhang", "liu", "chen", "singh",
        "khan", "ali", "shah", "martin", "thomas", "james", "john", "paul", "george", "charles",
    ]

    /// A surname alone that is the label of exactly one lexicon person in office on the
    /// document's date ("Scholz said", "Widodo arrived"), and of no person the text names: that
    /// person. Without a date, or with several in office, it is left alone.
    mutating func findSurnamesOfPeopleInOffice() {
        guard !lexicon.peopleByLabelKey.isEmpty else { return }
        let surnames = lexicon.peopleLabelKeys
        // Hyphenated ones ("Díaz-Canel said"), found by their last part.
        if !lexicon.peopleByHyphenatedLabel.isEmpty {
            let lastParts = lexicon.peopleHyphenatedLabelKeys
            for i in cuePositions where lastParts.contains(layer.tokens[i].key) && !covered(i) && !inTitle[i] && isCapitalizedWord(i) {
                if opensLongerName(i) { continue }
                guard let (start, holder) = lexiconPersonInOffice(hyphenatedSurnameEndingAt: i) else { continue }
                add(EntityMention(candidates: [entity(ofEntry: holder)], aliasKind: .short, firstToken: start, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .office))
            }
        }
        for i in cuePositions where surnames.contains(layer.tokens[i].key) && !covered(i) && !inTitle[i] && isCapitalizedWord(i) {
            // Part of a longer capitalized name ("Peter Dutton" is not "Dutton" of the lexicon
            // unless it is that person): only a word standing alone.
            if opensLongerName(i) { continue }
            // The last word of a name the lexicon writes shorter ("President Samia Suluhu Hassan"
            // for its "Samia Suluhu"): that person's name goes on; it names no one else.
            if i > 0, owner[i - 1] >= 0, let m = mention(endingAt: i), m.source == .lexicon, m.aliasKind == .name,
               m.endToken - m.firstToken >= 2, let e = m.entity, result.entities[e].type == .person,
               !isDateWord(i), !isIn(.nameSuffix, i), !isTitleCase(sentenceRange(of: i)) {
                extend(Int(owner[i - 1]), to: i + 1)
                continue
            }
            // Nor the end of a hyphenated name ("Paris Saint-Germain").
            if i > 0 && isCharacter(i - 1, UInt8(ascii: "-")) && i > 1 && isCapitalizedWord(i - 2) { continue }
            if i > 0 && isCapitalizedWord(i - 1) && !covered(i - 1) && sentenceRange(of: i).lowerBound < i && !inTitle[i - 1] { continue }
            if let holder = lexiconPersonInOffice(surnameAt: i) {
                add(EntityMention(candidates: [entity(ofEntry: holder)], aliasKind: .short, firstToken: i, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .office))
            } else if personByLabel[key(i)] != nil
                        || (isArgumentPosition(i) && !isDateWord(i) && !isNonNameWord(i) && !Self.commonWordSurnames.contains(key(i))) {
                // A surname of the people lexicon standing as a party ("Maduro said", "talks
                // with Orban") that no one in office that day answers to: a person, left
                // unlinked ("Smith said" names a Smith, not the lexicon's); later, the same one.
                addOneWordPerson(at: i)
            }
        }
    }

    /// Whether the word at `i` is followed by a capitalized word no mention covers: the first
    /// word of a longer name ("Peter Dutton", "Li Ka-shing"), not a name standing alone. A day
    /// or a month after it is no name's ("met Dutton Monday", "Dutton March 3").
    func opensLongerName(_ i: Int) -> Bool {
        i + 1 < layer.tokens.count && isCapitalizedWord(i + 1) && !covered(i + 1) && !isDateWord(i + 1)
    }

    /// Whether the word at `i` stands where a party stands: before a verb of speech, meeting or
    /// travel, or another predicate word (past "also", "then" or a day: "Ruto on Monday met"),
    /// before ", who" or a caption's place ("Ruto (R)"); before "'s" and a noun only a person
    /// possesses (a few words between: "Ruto's three-nation tour"); after a verb whose object is
    /// a person (or its "with"), after "between", or after "by" of a welcome ("received by Ruto");
    /// or joined by "and" or a comma to a person before it, or to a word in such a place after it
    /// ("Ruto and Hassan met", "met Hassan, Museveni and Kagame").
    func isArgumentPosition(_ i: Int) -> Bool {
        if standsAsParty(i) { return true }
        let count = layer.tokens.count
        // An acronym in a list is a post or a body ("Ana Ruiz, MP,"), not a name.
        if layer.tokens[i].shape.contains(.allCaps) { return false }
        // In a list: after a person named ("Hassan and Museveni"), or before a party.
        if i > 1 && (key(i - 1) == "and" || isCharacter(i - 1, UInt8(ascii: ","))) && covered(i - 2),
           let e = result.mentions[Int(owner[i - 2])].entity, result.entities[e].type == .person { return true }
        if i + 2 < count && (key(i + 1) == "and" || isCharacter(i + 1, UInt8(ascii: ","))) && isCapitalizedWord(i + 2) {
            if covered(i + 2), let e = result.mentions[Int(owner[i + 2])].entity, result.entities[e].type == .person { return true }
            if !covered(i + 2) && lexicon.peopleLabelKeys.contains(layer.tokens[i + 2].key) && standsAsParty(i + 2) { return true }
        }
        return false
    }

    /// `isArgumentPosition` but for lists.
    func standsAsParty(_ i: Int) -> Bool {
        let count = layer.tokens.count
        var v = i + 1
        for _ in 0..<2 {
            if v < count && isIn(.preVerbAdverb, v) {
                v += 1
            } else if v + 1 < count && isIn(.on, v) && isIn(.weekday, v + 1) {
                v += 2
            }
        }
        if v < count && (isIn(.speechVerb, v) || isIn(.meetingVerb, v) || isIn(.predicate, v)) { return true }
        if i + 2 < count && isCharacter(i + 1, UInt8(ascii: ",")) && key(i + 2) == "who" { return true }
        if i + 2 < count && isCharacter(i + 1, UInt8(ascii: "(")) && isIn(.captionMarker, i + 2) { return true }
        if i + 2 < count && isPossessive(i + 1) {
            var n = i + 2
            while n < count && n < i + 6 && !isIn(.possessed, n) && (isCharacter(n, UInt8(ascii: "-")) || (layer.tokens[n].kind != .punctuation && !isCapitalizedWord(n))) {
                n += 1
            }
            if n < count && isIn(.possessed, n) { return true }
        }
        // Before it, past a form of address ("met Dr X", "a meeting with comrade X").
        var b = i
        while b > 0 && i - b < 2 && isFormOfAddress(b - 1) { b -= 1 }
        if b > 0 && (isIn(.objectVerb, b - 1) || key(b - 1) == "between") { return true }
        if b > 1 && key(b - 1) == "by" && Self.welcomeVerbs.contains(key(b - 2)) { return true }
        return b > 1 && key(b - 1) == "with" && isIn(.objectVerb, b - 2)
    }

    /// Verbs of a welcome whose agent, after "by", is a person ("was received by Ruto").
    static let welcomeVerbs: Set<String> = ["received", "welcomed", "greeted", "hosted", "met", "accompanied", "joined"]

    /// One word after a courtesy title ("Mr Dorvak"), looked at once every full name is in.
    mutating func findCourtesyNames() {
        for i in courtesyNames where !covered(i) { addOneWordPerson(at: i) }
    }

    /// A person named by one word, a surname: the person the text names with it (before or
    /// after), else the one lexicon person of it in office on the document's date, else a
    /// person of that one word, left unlinked.
    mutating func addOneWordPerson(at i: Int) {
        let (entity, source): (EntityIndex, EntityMention.Source)
        if let known = personByLabel[key(i)] {
            (entity, source) = (known.entity, .coreference)
        } else if let holder = lexiconPersonInOffice(surnameAt: i) {
            (entity, source) = (self.entity(ofEntry: holder), .office)
        } else {
            (entity, source) = (newEntity(type: .person, name: word(i), label: word(i)), .pattern)
        }
        add(EntityMention(candidates: [entity], aliasKind: .short, firstToken: i, endToken: i + 1, byteStart: 0, byteEnd: 0, source: source))
    }

    /// The ISO alpha-3 codes of the countries the document names, over its entities (each country
    /// once). Decided once: every country mention comes from the lexicon matches, read first.
    mutating func namedCountries() -> Set<String> {
        if let known = countriesNamed { return known }
        let named = Set(result.entities.compactMap { e -> String? in
            guard e.type == .country, let entry = e.lexiconEntry else { return nil }
            return lexicon.entries[entry].codes["alpha3"]
        })
        countriesNamed = named
        return named
    }

    /// The lexicon person whose label is the word at `i`, when exactly one of that label holds
    /// an office on the document's date and the document names that office's country ("Smith
    /// said" in a report on a kitchen fire is not Jamaica's foreign minister); nil for a common
    /// word, a day or month, a surname of a person the text names, or without a date. Decided
    /// once per key.
    mutating func lexiconPersonInOffice(surnameAt i: Int) -> Int? {
        guard date != nil else { return nil }
        let keyID = layer.tokens[i].key
        if let known = officeHolderBySurname[keyID] { return known }
        let k = key(i)
        var found: Int?
        if !Self.commonWordSurnames.contains(k) && !isDateWord(i) && personByLabel[k] == nil,
           let entries = lexicon.peopleByLabelKey[keyID] {
            let held = entries.filter { datedRoleHeld(by: $0) != nil }
            if held.count == 1, let country = datedRoleHeld(by: held[0])?.country, namedCountries().contains(country) { found = held[0] }
        }
        officeHolderBySurname[keyID] = .some(found)
        return found
    }

    /// The first token of the hyphenated surname ending at `i` ("Díaz-Canel", standing alone:
    /// `standaloneHyphenatedWord`, and in no title) and the one
    /// lexicon person labelled with it in office on the document's date, in a country the
    /// document names, as `lexiconPersonInOffice(surnameAt:)` decides for one word.
    mutating func lexiconPersonInOffice(hyphenatedSurnameEndingAt i: Int) -> (start: Int, entry: Int)? {
        guard date != nil, let forms = lexicon.peopleByHyphenatedLabel[layer.tokens[i].key],
              let (start, parts) = standaloneHyphenatedWord(endingAt: i), !(start..<i).contains(where: { inTitle[$0] }),
              personByLabel[normalizedLabel(surface(start..<(i + 1)))] == nil else { return nil }
        let held = forms.filter { $0.parts == parts && datedRoleHeld(by: $0.entry) != nil }
        guard held.count == 1, let country = datedRoleHeld(by: held[0].entry)?.country, namedCountries().contains(country) else { return nil }
        return (start, held[0].entry)
    }

    /// Two surnames joined by a hyphen or a dash before "meeting", "talks" or "summit" ("the
    /// Ruiz-Dorr meeting", "Ruiz–Dorr talks"): two people. A part is the person the text names
    /// with that surname, or the one of the lexicon in office, or a person left unlinked when
    /// the lexicon knows the surname; one part known, the other may be any name word.
    mutating func findSurnamePairs() {
        for v in cuePositions where v > 2 && isIn(.pairNoun, v) {
            let a = v - 3, b = v - 1
            guard isCapitalizedWord(a), isCapitalizedWord(b), isCharacter(v - 2, UInt8(ascii: "-")) || isDash(v - 2),
                  layer.tokens[a].end == layer.tokens[v - 2].start, layer.tokens[v - 2].end == layer.tokens[b].start,
                  a == 0 || !isCapitalizedWord(a - 1) || covered(a - 1) || isIn(.headlineFunction, a - 1) else { continue }
            func known(_ i: Int) -> Bool {
                if let m = mention(startingAt: i), let e = m.entity { return result.entities[e].type == .person }
                return !covered(i) && !Self.commonWordSurnames.contains(key(i))
                    && (personByLabel[key(i)] != nil || lexicon.peopleByLabelKey[layer.tokens[i].key] != nil)
            }
            let knownA = known(a), knownB = known(b)
            guard knownA || knownB else { continue }
            for i in [a, b] where !covered(i) && !isNonNameWord(i) && !isDateWord(i) && !isIn(.notName, i) {
                addOneWordPerson(at: i)
            }
        }
    }

    /// The first token and label of the hyphenated surname of `forms` (parts before the last,
    /// by key) that ends at `i`, standing alone (`standaloneHyphenatedWord`).
    func hyphenatedSurname(endingAt i: Int, _ forms: [(parts: [KeyID], label: String)]) -> (Int, String)? {
        guard let (start, parts) = standaloneHyphenatedWord(endingAt: i), let form = forms.first(where: { $0.parts == parts }) else { return nil }
        return (start, form.label)
    }

    /// The first token of the hyphenated name word that ends at `i` and the keys of its parts
    /// before the last, when it stands alone: two parts at least, in no mention, and no
    /// capitalized word of the sentence right before it ("Kofi Mensah-Bonsu" is a longer name).
    func standaloneHyphenatedWord(endingAt i: Int) -> (start: Int, parts: [KeyID])? {
        let sentenceStart = sentenceRange(of: i).lowerBound
        let start = hyphenatedWordStart(endingAt: i, from: sentenceStart)
        guard start < i, !(start..<i).contains(where: covered),
              !(start > sentenceStart && isCapitalizedWord(start - 1) && !covered(start - 1) && !inTitle[start - 1]) else { return nil }
        return (start, stride(from: start, to: i, by: 2).map { layer.tokens[$0].key })
    }

    /// Capitalized words equal to the surname of a person the text names refer to them, before
    /// or after the full name ("Ramaphosa arrives" over "President Cyril Ramaphosa").
    mutating func findSurnames() {
        guard !personByLabel.isEmpty else { return }
        // Labels as key ids: a token is compared as an integer, not turned into a string.
        var labels: [KeyID: String] = [:]
        // Hyphenated surnames ("mensah-bonsu") by their last part, with the parts before it.
        var hyphenated: [KeyID: [(parts: [KeyID], label: String)]] = [:]
        for label in personByLabel.keys {
            if let id = vocabulary.keyID(forKey: label) {
                labels[id] = label
            } else if label.contains("-") {
                let ids = label.split(separator: "-", omittingEmptySubsequences: false).map { vocabulary.keyID(forKey: String($0)) }
                guard ids.count >= 2, let last = ids.last ?? nil, !ids.contains(nil) else { continue }
                hyphenated[last, default: []].append((ids.dropLast().compactMap { $0 }, label))
            }
        }
        guard !labels.isEmpty || !hyphenated.isEmpty else { return }
        let bits = KeyBits(labels.keys.map(Int.init) + hyphenated.keys.map(Int.init))
        // One tight pass over the tokens' keys.
        var found: [Int] = []
        let tokens = layer.tokens
        for i in 0..<tokens.count where bits.contains(tokens[i].key) { found.append(i) }
        for i in found where !covered(i) && isCapitalizedWord(i) {
            // Not a name given to a thing ("the Balfour Declaration", "the Ruiz Foundation"), nor
            // the first word of another person's name ("Li Ka-shing" after "Li Qiang", "Moon
            // Ki-young" after "Moon Jae-in"), but in a title-case headline.
            if i + 1 < tokens.count && isCapitalizedWord(i + 1) && isNonNameWord(i + 1) { continue }
            if opensLongerName(i) && !isTitleCase(sentenceRange(of: i)) { continue }
            if let forms = hyphenated[layer.tokens[i].key], let (start, label) = hyphenatedSurname(endingAt: i, forms),
               let entity = personByLabel[label]?.entity {
                add(EntityMention(candidates: [entity], aliasKind: .short, firstToken: start, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .coreference))
                continue
            }
            if let label = labels[layer.tokens[i].key], let entity = personByLabel[label]?.entity {
                // The full name again ("... Asha Juma ... with Asha Juma"): the words before the
                // surname that are the name's, back to its first.
                let words = result.entities[entity].name.split(separator: " ")
                var start = i
                if let at = words.lastIndex(where: { normalizedLabel(String($0)) == label }) {
                    var w = at
                    while w > 0 && start > 0 && !covered(start - 1) && isCapitalizedWord(start - 1)
                            && key(start - 1) == normalizedLabel(String(words[w - 1])) {
                        start -= 1
                        w -= 1
                    }
                }
                add(EntityMention(candidates: [entity], aliasKind: start < i ? .name : .short, firstToken: start, endToken: i + 1,
                                  byteStart: 0, byteEnd: 0, source: .coreference))
            }
        }
        findGivenNames()
    }

    /// "Retno Marsudi ... Retno, who is in Malaysia on a working visit, ...": a capitalized word
    /// alone, where a party stands (`isArgumentPosition`), that is the given name of exactly one
    /// person the text names in full and nobody's surname, is that person (source `coreference`).
    /// News names Indonesian, Malaysian and Thai people, among others, by their given names.
    mutating func findGivenNames() {
        var given: [KeyID: EntityIndex?] = [:]
        for (index, e) in zip(result.entities.layerIndices, result.entities) where e.type == .person {
            let words = e.name.split(separator: " ")
            guard words.count >= 2, let first = words.first, first.count >= 4 else { continue }
            let word = normalizedLabel(String(first))
            // (Not a style, an honorific or a particle opening the name: "Sheikh Tamim", "Dr Ana Ruiz".)
            guard !Self.royalStyles.contains(word), !Self.honorifics.contains(word), !Self.nameParticles.contains(word),
                  personByLabel[word] == nil, let id = vocabulary.keyID(forKey: word) else { continue }
            if let known = given[id] { if known != index { given[id] = .some(nil) } } else { given[id] = index }
        }
        guard !given.isEmpty else { return }
        let bits = KeyBits(given.keys.map(Int.init))
        var found: [Int] = []
        for i in 0..<layer.tokens.count where bits.contains(layer.tokens[i].key) { found.append(i) }
        for i in found where !covered(i) && isCapitalizedWord(i) && !opensLongerName(i) {
            guard let entity = given[layer.tokens[i].key] ?? nil else { continue }
            let sentenceStart = sentenceRange(of: i).lowerBound
            if i > sentenceStart && isCapitalizedWord(i - 1) && !covered(i - 1) { continue }
            guard !isTitleCase(sentenceRange(of: i)), isArgumentPosition(i) else { continue }
            add(EntityMention(candidates: [entity], aliasKind: .short, firstToken: i, endToken: i + 1,
                              byteStart: 0, byteEnd: 0, source: .coreference))
        }
    }
}

extension EntityResolver {
    /// Classes of words the entity stage tests tokens against. Each is a set of keys of the
    /// lexicon's frozen vocabulary (`CompiledLexicon.wordClasses`), so a token is tested with one
    /// bit load and no string is made.
    enum WordClass: Int, CaseIterable {
        case officeDomain, body, institution, notName, placeOrOrganisation, honorific, roleNoun, nameParticle, nameSuffix
        case headlineFunction, clauseOpener, dateWord, shortMonth, nameConnector, afterName
        case speechVerb, meetingVerb, objectVerb, possessed, kin, complementLink, predicate, article, courtesy, captionMarker, according
        case pairNoun, counterpart, photo, hyphenSuffix, preVerbAdverb, weekday, on, pronoun, entourage
        case female, male, notAfterSubject, possessiveDeterminer, listOpener, groupNumber, groupNoun, agreementVerb, by, credit, comrade, countryNoun
        case postNoun, postQualifier, heldVerb, heldMeetingNoun

        var words: Set<String> {
            switch self {
            case .officeDomain: EntityResolver.officeDomains
            case .body: EntityResolver.bodyWords
            case .institution: EntityResolver.institutionWords
            case .notName: EntityResolver.notNames
            case .placeOrOrganisation: EntityResolver.placeOrOrganisationNouns
            case .honorific: EntityResolver.honorifics
            case .roleNoun: EntityResolver.roleNouns
            case .nameParticle: EntityResolver.nameParticles
            case .nameSuffix: EntityResolver.nameSuffixes
            case .headlineFunction: EntityResolver.headlineFunctionWords
            case .clauseOpener: EntityResolver.clauseOpeners
            case .dateWord: Set(DateWords.weekdays.keys).union(DateWords.months.keys).subtracting(DateWords.shortMonths)
            case .shortMonth: DateWords.shortMonths
            case .nameConnector: EntityResolver.nameConnectors
            case .afterName: EntityResolver.afterName
            case .speechVerb: EntityResolver.speechVerbs
            case .meetingVerb: EntityResolver.meetingVerbs
            case .objectVerb: EntityResolver.objectVerbs
            case .possessed: EntityResolver.possessedNouns
            case .kin: EntityResolver.kinNouns
            case .complementLink: EntityResolver.complementLinks.union(["in"])
            case .predicate: EntityResolver.predicateWords
            case .article: ["the", "a", "an"]
            case .captionMarker: EntityResolver.captionMarkers
            case .according: ["according"]
            case .pairNoun: ["meeting", "talks", "summit"]
            case .counterpart: ["counterpart", "counterparts", "peer", "peers"]
            case .photo: ["photo"]
            case .preVerbAdverb: EntityResolver.preVerbAdverbs
            case .weekday: Set(DateWords.weekdays.keys)
            case .on: ["on"]
            case .pronoun: ["he", "she", "him", "her", "his"]
            case .entourage: EntityResolver.entourageNouns.union(["accompanied", "side"])
            case .listOpener: EntityResolver.listOpeners
            case .groupNumber: Set(EntityResolver.groupNumbers.keys)
            case .groupNoun: Set(EntityResolver.bareGroupOffices.keys)
            case .agreementVerb: EntityResolver.signingWords.union(EntityResolver.ratifyingWords)
            case .by: ["by"]
            case .credit: EntityResolver.creditWords
            case .comrade: ["comrade"]
            case .countryNoun: ["country", "nation"]
            case .postNoun: EntityResolver.postNouns
            case .postQualifier: EntityResolver.postQualifiers
            case .heldVerb: EntityResolver.heldVerbs
            case .heldMeetingNoun: EntityResolver.heldMeetingNouns
            case .female: EntityResolver.femaleWords
            case .male: EntityResolver.maleWords
            case .notAfterSubject: EntityResolver.notAfterSubject
            case .possessiveDeterminer: Set(CompiledRules.possessivePronounWords)
            case .hyphenSuffix: ["led", "run", "era", "born", "made", "like", "type", "held", "old", "long", "wide", "free", "bred", "up"]
            case .courtesy: ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mister", "madam", "madame", "mme", "mme."]
            }
        }

        /// Every word of every class, for the vocabulary to learn.
        static let allWords: [String] = Array(allCases.reduce(into: Set<String>()) { $0.formUnion($1.words) }).sorted()
    }

    /// Whether token `i`'s key is a word of class `c`.
    @inline(__always)
    func isIn(_ c: WordClass, _ i: Int) -> Bool {
        wordClasses[c.rawValue].contains(layer.tokens[i].key)
    }

    /// Whether token `i` is a word of a date: a weekday or a month, a short form without its
    /// period only before a number ("Jan 5"; "Jan Kowalski" is a name).
    @inline(__always)
    func isDateWord(_ i: Int) -> Bool {
        isIn(.dateWord, i) || isIn(.shortMonth, i) && i + 1 < layer.tokens.count && layer.tokens[i + 1].kind == .number
    }

    /// Whether token `i`'s key is a word of office, institution, place, organisation, honorific
    /// or role noun: no word of a person's name found by its position.
    @inline(__always)
    func isNonNameWord(_ i: Int) -> Bool {
        let key = layer.tokens[i].key
        return nonNameWords.contains(key)
    }
}
