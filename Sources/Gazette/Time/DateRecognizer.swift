@_spi(Stages) import GazetteText

/// Finds date expressions in a document's tokens and normalizes them against its date.
///
/// Forms: numeric dates ("2025-05-28", "28/05/2025"), ranges ("Oct. 28-31", "from April 25 to May 9", "22nd – 24th March 2018", as ISO 8601 intervals), day and month names ("28 May", "May 28,
/// 2025", "28th of May", "Nov. 1"), months and years ("in April", "May 2025", "in 2023", "the
/// 1990s"), weekdays, "today", "yesterday", "last week", "this year", "next month", "two days
/// ago", "a year earlier", "earlier this month", quarters ("the third quarter"), seasons ("last
/// fall"), and the TimeML references "now" (PRESENT_REF), "recently" (PAST_REF), "the future"
/// (FUTURE_REF). Without a year, an expression takes the year that puts it nearest the document
/// date, leaning to the past; a future cue before it ("will", "next", "scheduled to") leans
/// forward.
@_spi(Stages)
public struct DateRecognizer: Sendable {
    /// Read "05/06/2025" as 5 June (true) or as May 6 (false).
    public var dayFirst: Bool

    public init(dayFirst: Bool = true) { self.dayFirst = dayFirst }

    /// What each frozen key means to the recognizer (see `WordInfo`), for documents tokenized
    /// from a frozen vocabulary that holds every word it knows (see `Pipeline`): one load per
    /// question instead of a string and a hash. Empty: look words up by their strings.
    var frozenWords: [WordInfo] = []
    /// The triggers among the frozen keys as bits: a few kilobytes for the test every token
    /// takes, where `frozenWords` is eight bytes a key.
    var frozenTriggerBits = KeyBits()

    /// Sets `frozenWords` for documents tokenized from `vocabulary`, if it holds every word in
    /// `vocabularyWords`. (A key outside the frozen ones is then no date word.)
    mutating func freezeTriggers(in vocabulary: Vocabulary) {
        var table = [WordInfo](repeating: WordInfo(), count: vocabulary.frozenKeyCount)
        for word in Self.vocabularyWords {
            // A word that is no one token's key ("twenty-one" is three) is no token's meaning.
            guard let id = vocabulary.keyID(forKey: word) else { continue }
            guard Int(id) < vocabulary.frozenKeyCount else { frozenWords = []; frozenTriggerBits = KeyBits(); return }
            table[Int(id)] = WordInfo(word)
        }
        frozenWords = table
        frozenTriggerBits = KeyBits(table.indices.filter { table[$0].flags & WordInfo.trigger != 0 })
    }

    /// The date expressions of `layer`, in text order.
    public func recognize(_ layer: TextLayer, text: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary,
                          documentDate: CalendarDay?) -> [DateMention] {
        recognize(layer, text: text, vocabulary: vocabulary, documentDate: documentDate) { _ in true }
    }

    /// The same over the sentences `include` accepts.
    func recognize(_ layer: TextLayer, text: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary,
                   documentDate: CalendarDay?, include: (Sentence) -> Bool) -> [DateMention] {
        let context = Context(layer: layer, text: text, vocabulary: vocabulary, dct: documentDate, dayFirst: dayFirst,
                              frozenWords: frozenWords, triggerBits: frozenTriggerBits, theKey: vocabulary.keyID(forKey: "the"))
        var out: [DateMention] = []
        for sentence in layer.sentences where include(sentence) {
            var i = sentence.tokenRange.lowerBound
            let end = sentence.tokenRange.upperBound
            while i < end {
                if context.mayStart(at: i, end: end), var m = context.match(at: i, end: end, sentenceStart: sentence.tokenRange.lowerBound) {
                    // "from April 25 to May 9", "between 3 and 5 June": one interval.
                    if let last = out.last, last.granularity == .day, m.granularity == .day,
                       let a = last.value, let b = m.value, !a.contains("/"), !b.contains("/"), a < b,
                       last.endToken + 1 == m.firstToken, last.firstToken > sentence.tokenRange.lowerBound {
                        let link = context.key(last.endToken), before = context.key(last.firstToken - 1)
                        if (before == "from" && ["to", "until", "through", "-"].contains(link)) || (before == "between" && link == "and") {
                            out.removeLast()
                            m = DateMention(firstToken: last.firstToken - 1, endToken: m.endToken, value: "\(a)/\(b)",
                                            granularity: .day, anchor: last.anchor == .absolute && m.anchor == .absolute ? .absolute : .documentDate)
                        }
                    }
                    // "Friday, November 30", "Saturday 17 March 2018": the weekday names the day
                    // the date gives; one mention, of the date's value.
                    if let last = out.last, last.granularity == .day, m.granularity == .day, m.value != nil,
                       DateWords.weekdays[context.key(last.firstToken)] != nil, m.endToken - m.firstToken >= 2,
                       last.endToken == m.firstToken || (last.endToken + 1 == m.firstToken && context.key(last.endToken) == ",") {
                        out.removeLast()
                        m = DateMention(firstToken: last.firstToken, endToken: m.endToken, value: m.value, granularity: .day, anchor: m.anchor)
                    }
                    out.append(m)
                    i = m.endToken
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// The words that name a day or a time relative to the document's date on their own.
    static let deicticWords: [String] = ["today", "tonight", "yesterday", "tomorrow", "now", "currently", "presently", "recently", "lately"]

    /// Every word a date expression can start with (numbers aside).
    static let triggerWords: [String] = Array(DateWords.months.keys) + Array(DateWords.weekdays.keys) + Array(DateWords.numbers.keys)
        + Array(DateWords.ordinals.keys) + deicticWords + [
            "the", "this",
            "last", "next", "past", "coming", "current", "latest", "previous", "earlier", "later", "early", "late", "year",
            "quarter", "future",
        ]

    /// Every word whose meaning `WordInfo` records: a vocabulary must hold them all for
    /// `frozenWords`.
    static let vocabularyWords: [String] = Array(Set(triggerWords + Context.yearPrepositions + Context.relativeStarters
        + Array(Context.unitOffsets.keys) + DateWords.futureCues + DateWords.pastCues)).sorted()


    /// What a key means to the recognizer: the values it has in `DateWords` and the sets of
    /// `Context`, or none.
    struct WordInfo: Sendable {
        static let absent = Int8.min
        var month = absent, weekday = absent, number = absent, ordinal = absent, unitOffset = absent
        var flags: UInt8 = 0
        static let trigger: UInt8 = 1, relativeStarter: UInt8 = 2, yearPreposition: UInt8 = 4, futureCue: UInt8 = 8
        static let deictic: UInt8 = 16, pastCue: UInt8 = 32

        init() {}

        init(_ key: String) {
            func small(_ value: Int?) -> Int8 { value.map { Int8($0) } ?? Self.absent }
            month = small(DateWords.months[key])
            weekday = small(DateWords.weekdays[key])
            number = small(DateWords.numbers[key])
            ordinal = small(DateWords.ordinals[key])
            unitOffset = small(Context.unitOffsets[key])
            if DateRecognizer.triggerSet.contains(key) { flags |= Self.trigger }
            if Context.relativeStarterSet.contains(key) { flags |= Self.relativeStarter }
            if Context.yearPrepositionSet.contains(key) { flags |= Self.yearPreposition }
            if DateWords.futureCues.contains(key) { flags |= Self.futureCue }
            if DateWords.pastCues.contains(key) { flags |= Self.pastCue }
            if DateRecognizer.deicticWords.contains(key) { flags |= Self.deictic }
        }

        @inline(__always) static func value(_ v: Int8) -> Int? { v == absent ? nil : Int(v) }
    }

    static let triggerSet = Set(triggerWords)

    struct Context {
        let layer: TextLayer
        let text: UnsafeBufferPointer<UInt8>
        let vocabulary: Vocabulary
        let dct: CalendarDay?
        let dayFirst: Bool
        /// `DateRecognizer.frozenWords`: when not empty, every key it does not cover means nothing.
        let frozenWords: [WordInfo]
        /// `DateRecognizer.frozenTriggerBits`.
        let triggerBits: KeyBits
        /// The key of "the", if the vocabulary has it.
        let theKey: KeyID?

        /// What the key of token `i` means.
        @inline(__always)
        func info(_ i: Int) -> WordInfo { info(key: layer.tokens[i].key) }

        @inline(__always)
        func info(key id: KeyID) -> WordInfo {
            if !frozenWords.isEmpty { return Int(id) < frozenWords.count ? frozenWords[Int(id)] : WordInfo() }
            return WordInfo(vocabulary.key(id))
        }

        @inline(__always)
        func isTrigger(_ id: KeyID) -> Bool {
            if !frozenWords.isEmpty {
                return triggerBits.contains(id)
            }
            return info(key: id).flags & WordInfo.trigger != 0
        }

        /// The key of token `i` (short keys are small strings, built without allocating).
        func key(_ i: Int) -> String { vocabulary.key(layer.tokens[i].key) }

        func surface(_ i: Int) -> Substring {
            Substring(String(decoding: text[layer.tokens[i].byteRange], as: UTF8.self))
        }

        func isCapitalized(_ i: Int) -> Bool { layer.tokens[i].shape.contains(.capitalized) }

        /// The value of an all-digit number token.
        func number(_ i: Int, end: Int) -> Int? {
            guard i < end, layer.tokens[i].kind == .number else { return nil }
            var n = 0
            for b in text[layer.tokens[i].byteRange] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
                if n > 100_000 { return nil }
            }
            return n
        }

        /// A day of the month: "28" or "28th".
        func dayNumber(_ i: Int, end: Int) -> Int? {
            guard i < end else { return nil }
            if let n = number(i, end: end), (1...31).contains(n), layer.tokens[i].end - layer.tokens[i].start <= 2 { return n }
            // An ordinal ("21st") has digits; most words that end as ordinals do ("first", "most").
            guard layer.tokens[i].shape.contains(.hasDigits) else { return nil }
            return vocabulary.withKeyBytes(layer.tokens[i].key) { k -> Int? in
                let count = k.count
                guard count >= 2 else { return nil }
                switch (k[count - 2], k[count - 1]) {
                case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                     (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                    guard let n = Self.integer(k[..<(count - 2)]), (1...31).contains(n) else { return nil }
                    return n
                default:
                    return nil
                }
            }
        }

        /// What `Int(String(decoding: bytes, as: UTF8.self))` gives: an optional sign, then ASCII
        /// digits, within range.
        @inline(__always)
        static func integer<C: Collection<UInt8>>(_ bytes: C) -> Int? {
            var digits = bytes[...]
            var negative = false
            if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                negative = first == UInt8(ascii: "-")
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { return nil }
            var n = 0
            for b in digits {
                guard b &- 0x30 < 10 else { return nil }
                let (times, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = negative ? times.subtractingReportingOverflow(Int(b - 0x30)) : times.addingReportingOverflow(Int(b - 0x30))
                if o1 || o2 { return nil }
                n = sum
            }
            return n
        }

        func month(_ i: Int, end: Int, needsCapital: Bool = false) -> Int? {
            guard i < end, let m = WordInfo.value(info(i).month) else { return nil }
            // "may" and "march" are words too; a month name alone must be capitalized.
            if needsCapital || m == 5 || m == 3 && key(i) == "march" {
                guard isCapitalized(i) else { return nil }
            }
            return m
        }

        func year(_ i: Int, end: Int) -> Int? {
            guard let n = number(i, end: end), layer.tokens[i].end - layer.tokens[i].start == 4, (1000...2199).contains(n) else { return nil }
            return n
        }

        /// Whether the words just before token `i` point to the future.
        func futureCue(before i: Int, sentenceStart: Int) -> Bool {
            for j in stride(from: i - 1, through: max(sentenceStart, i - 6), by: -1) where info(j).flags & WordInfo.futureCue != 0 {
                return true
            }
            return false
        }

        /// Words after "on the 14th" that leave it a day of the month, not an ordinal of a noun
        /// ("on the 14th anniversary").
        static let afterBareDay: Set<String> = ["at", "in", "when", "after", "before", "as", "with", "that", "while", "during"]

        /// An ordinal day with the month the story's ("the 12th of this month", "the 30th of last
        /// month"), or alone after "on the" ("on the 14th", in its month, or the month before for
        /// a day after the story's; the month after, after a cue of the future). Nil for anything
        /// else, or a story of no known day.
        func dayOfStoryMonth(_ d: Int, at i: Int, end: Int, sentenceStart: Int) -> DateMention? {
            guard layer.tokens[i].kind != .number, i > sentenceStart, layer.tokens[i - 1].key == theKey, let dct, dct.precision == .day else { return nil }
            var offset: Int?
            var e = i + 1
            if i + 3 < end, key(i + 1) == "of", key(i + 3) == "month", key(i + 2) != "latest", let o = Self.unitOffsets[key(i + 2)] {
                offset = o
                e = i + 4
            } else if i - 2 >= sentenceStart, key(i - 2) == "on",
                      i + 1 >= end || layer.tokens[i + 1].kind == .punctuation || Self.afterBareDay.contains(key(i + 1)) {
                // (The cue before "on the": "will ratify it on the 20th".)
                let future = futureCue(before: i - 2, sentenceStart: sentenceStart)
                offset = future ? (d < dct.day ? 1 : 0) : (d > dct.day ? -1 : 0)
            }
            guard let offset else { return nil }
            let months = dct.year * 12 + (dct.month - 1) + offset
            let value = CalendarDay(year: months / 12, month: months % 12 + 1, day: d)?.iso
            return mention(i, e, value, .day)
        }

        /// Whether an auxiliary of the past comes in the twelve words before token `i`, in its
        /// clause ("was signed by Ruiz and Dorr on April 8"): not past a cue of the future nearer
        /// the date, nor past a comma, a semicolon or a colon ("The pact, which was initialled in
        /// Lima, takes effect on May 1").
        func pastCue(before i: Int, sentenceStart: Int) -> Bool {
            for j in stride(from: i - 1, through: max(sentenceStart, i - 12), by: -1) {
                let flags = info(j).flags
                if flags & WordInfo.futureCue != 0 { return false }
                if flags & WordInfo.pastCue != 0 { return true }
                let t = layer.tokens[j]
                if t.end - t.start == 1, case let b = text[Int(t.start)], b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") {
                    return false
                }
            }
            return false
        }

        func mention(_ start: Int, _ end: Int, _ value: String?, _ g: DateMention.Granularity, absolute: Bool = false) -> DateMention {
            DateMention(firstToken: start, endToken: end, value: value, granularity: g,
                        anchor: absolute ? .absolute : (value == nil ? .none : .documentDate))
        }

        /// How much farther a date on the other side of the lean may be and still win: a
        /// reported event is more likely past ("on Wednesday" in a Saturday article).
        static let leanWeight = 1.5
        /// The same for a month without a day, which news names for what is done more than for
        /// what is planned (TimeBank: 1,142 of 1,324 values right at 2, 1,140 at 1.5).
        static let monthLeanWeight = 2.0
        /// The same after an auxiliary of the past ("was", "had"): a told event (TimeBank's
        /// value accuracy measured with `gazette eval-dates`, docs/DESIGN.md).
        static let pastLeanWeight = 4.0

        /// The year that puts (month, day) nearest the document date, counting distances on the
        /// side opposite the lean (future by default, past after a future cue) `leanWeight` times.
        /// The lean is read from the words before token `i` (`futureCue`, and only without one,
        /// `pastCue`): after an auxiliary of the past, a date ahead counts `pastLeanWeight` times.
        func resolveYear(month: Int, day: Int?, cuesBefore i: Int, sentenceStart: Int) -> Int? {
            guard let dct else { return nil }
            // A document of a known year only, or of this month: that year.
            if dct.precision == .year || (dct.precision == .month && month == dct.month) { return dct.year }
            let future = futureCue(before: i, sentenceStart: sentenceStart)
            let past = !future && pastCue(before: i, sentenceStart: sentenceStart)
            var best: (year: Int, cost: Double)?
            for y in (dct.year - 1)...(dct.year + 1) {
                let d = min(day ?? 15, CalendarDay.daysIn(month: month, year: y))
                guard let probe = CalendarDay(year: y, month: month, day: d) else { continue }
                let distance = Double(probe.days - dct.days)
                // A month alone counts from its middle; the month of the document date is this one.
                if day == nil && y == dct.year && month == dct.month { return y }
                let ahead = distance > 0
                // A month alone leans to the past more: "visited Lima in October" in a May story.
                let lean = past ? Self.pastLeanWeight : day == nil ? Self.monthLeanWeight : Self.leanWeight
                let cost = abs(distance) * (ahead != future && distance != 0 ? lean : 1)
                if best == nil || cost < best!.cost { best = (y, cost) }
            }
            return best?.year
        }

        static let unitOffsets: [String: Int] = ["this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "latest": 0, "next": 1, "coming": 1]
        // Word lists tested in the hot path, made once (a literal array would be built per call).
        static let rangeLinks = ["-", "to"]
        static let partsOfDay = ["night", "morning", "afternoon", "evening"]
        static let partModifiers = ["earlier", "later", "early", "late"]
        static let pastUnits = ["week", "month", "year", "quarter", "weekend"]
        static let periodWords = ["quarter", "period"]
        static let agoWords = ["ago", "earlier"]
        static let yearPrepositionSet = Set(yearPrepositions)
        static let relativeStarterSet = Set(relativeStarters)
        static let yearPrepositions: [String] = [
            "in", "since", "by", "until", "till", "during", "from", "through", "fiscal", "of", "before", "after", "early", "late",
            "mid", "and", "to", "-", "for", "year", "the",
        ]
        static let relativeStarters: [String] = [
            "the", "this", "last", "next", "past", "coming", "current", "latest", "previous", "a", "earlier", "later", "early", "late", "year",
        ]

        static func monthValue(_ y: Int, _ m: Int) -> String { "\(CalendarDay.pad(y, 4))-\(CalendarDay.pad(m, 2))" }
        static func weekValue(_ day: CalendarDay) -> String { let w = day.isoWeek; return "\(CalendarDay.pad(w.year, 4))-W\(CalendarDay.pad(w.week, 2))" }
        static func quarterOf(_ month: Int) -> Int { (month - 1) / 3 + 1 }

        /// "The quarter" of news: the one just reported, which is the previous quarter during the
        /// first two months of a quarter (results come out weeks after a quarter ends), else the
        /// current one. May be 0 (the last quarter of the year before).
        static func reportedQuarter(_ dct: CalendarDay) -> Int {
            let current = quarterOf(dct.month)
            return (dct.month - 1) % 3 < 2 ? current - 1 : current
        }

        /// Whether a date expression may start at token `i`: a number, a token with digits or a
        /// trigger word. Most tokens are none, and are passed over here, before `match`.
        @inline(__always)
        func mayStart(at i: Int, end: Int) -> Bool {
            let token = layer.tokens[i]
            guard token.kind == .number || token.shape.contains(.hasDigits) || isTrigger(token.key) else { return false }
            // "the", the commonest trigger, starts a date only before a number or another trigger
            // ("the 1990s", "the third quarter", "the past year"): most are passed over here.
            if token.key == theKey {
                guard i + 1 < end else { return false }
                let next = layer.tokens[i + 1]
                guard next.kind == .number || next.shape.contains(.hasDigits) || isTrigger(next.key) else { return false }
            }
            return true
        }

        /// The date expression starting at token `i`, a token where `mayStart` holds.
        // swiftlint:disable:next cyclomatic_complexity function_body_length
        func match(at i: Int, end: Int, sentenceStart: Int) -> DateMention? {
            let k = key(i)
            // Numeric dates the tokenizer kept whole.
            if layer.tokens[i].kind == .number, let m = numericDate(i) { return m }
            // 22nd - 24th March 2018: a range of days.
            if let d1 = dayNumber(i, end: end), i + 2 < end, Self.rangeLinks.contains(key(i + 1)), let d2 = dayNumber(i + 2, end: end),
               let m = month(i + 3, end: end) {
                var e = i + 4
                let y = year(e, end: end) ?? resolveYear(month: m, day: d1, cuesBefore: i, sentenceStart: sentenceStart)
                if year(e, end: end) != nil { e += 1 }
                if let y, let a = CalendarDay(year: y, month: m, day: d1), let b = CalendarDay(year: y, month: m, day: d2), a < b {
                    return mention(i, e, "\(a.iso)/\(b.iso)", .day, absolute: year(e - 1, end: end) != nil)
                }
            }
            // 28 May [2025] / 28th of May
            if let d = dayNumber(i, end: end) {
                var j = i + 1
                if j < end && key(j) == "of" { j += 1 }
                if let m = month(j, end: end) {
                    var e = j + 1
                    if let y = year(e, end: end) ?? (e + 1 < end && key(e) == "," ? year(e + 1, end: end) : nil) {
                        e = year(e, end: end) != nil ? e + 1 : e + 2
                        return CalendarDay(year: y, month: m, day: d).map { mention(i, e, $0.iso, .day, absolute: true) }
                    }
                    if let r = yearOffset(at: e, end: end) {
                        return mention(i, r.end, dct.flatMap { CalendarDay(year: $0.year + r.offset, month: m, day: d)?.iso }, .day)
                    }
                    let y = resolveYear(month: m, day: d, cuesBefore: i, sentenceStart: sentenceStart)
                    return mention(i, e, y.flatMap { CalendarDay(year: $0, month: m, day: d)?.iso }, .day)
                }
                if let m = dayOfStoryMonth(d, at: i, end: end, sentenceStart: sentenceStart) { return m }
            }
            if let m = month(i, end: end) {
                // May 28[, 2025] / Nov. 1
                if let d = dayNumber(i + 1, end: end) {
                    var e = i + 2
                    if e < end && key(e) == "," && year(e + 1, end: end) != nil { e += 1 }
                    if let y = year(e, end: end) {
                        return CalendarDay(year: y, month: m, day: d).map { mention(i, e + 1, $0.iso, .day, absolute: true) }
                    }
                    // A range "Oct. 28-31" [, 2025]: an ISO 8601 interval.
                    if e + 1 < end && key(e) == "-", let d2 = dayNumber(e + 1, end: end), d2 > d {
                        var e2 = e + 2
                        if e2 + 1 < end && key(e2) == "," && year(e2 + 1, end: end) != nil { e2 += 1 }
                        let given = year(e2, end: end)
                        let y = given ?? resolveYear(month: m, day: d, cuesBefore: i, sentenceStart: sentenceStart)
                        if given != nil { e2 += 1 }
                        let value = y.flatMap { y in
                            CalendarDay(year: y, month: m, day: d).flatMap { a in CalendarDay(year: y, month: m, day: d2).map { "\(a.iso)/\($0.iso)" } }
                        }
                        return mention(i, e2, value, .day, absolute: given != nil)
                    }
                    if let r = yearOffset(at: e, end: end) {
                        return mention(i, r.end, dct.flatMap { CalendarDay(year: $0.year + r.offset, month: m, day: d)?.iso }, .day)
                    }
                    let y = resolveYear(month: m, day: d, cuesBefore: i, sentenceStart: sentenceStart)
                    return mention(i, e, y.flatMap { CalendarDay(year: $0, month: m, day: d)?.iso }, .day)
                }
                // May 2025
                if let y = year(i + 1, end: end) { return mention(i, i + 2, Self.monthValue(y, m), .month, absolute: true) }
                // April (alone, capitalized); "February last year", "March of this year". Not a
                // short form before a name ("Jan Kowalski", "Jun Azumi"): a given name there.
                if isCapitalized(i), !(DateWords.shortMonths.contains(key(i)) && i + 1 < end && layer.tokens[i + 1].kind == .word && isCapitalized(i + 1)) {
                    if let r = yearOffset(at: i + 1, end: end) {
                        return mention(i, r.end, dct.map { Self.monthValue($0.year + r.offset, m) }, .month)
                    }
                    let y = resolveYear(month: m, day: nil, cuesBefore: i, sentenceStart: sentenceStart)
                    return mention(i, i + 1, y.map { Self.monthValue($0, m) }, .month)
                }
            }
            // Years: "in 2023", "fiscal 1989", "the 1990s".
            if let y = year(i, end: end), i > sentenceStart, info(i - 1).flags & WordInfo.yearPreposition != 0 {
                // "the 1988 second quarter", "1988's fourth quarter"
                if let q = yearsQuarter(after: i + 1), q.end <= end {
                    return mention(i, q.end, "\(y)-Q\(q.number)", .quarter, absolute: true)
                }
                return mention(i, i + 1, String(y), .year, absolute: true)
            }
            if k.utf8.count == 5 && k.hasSuffix("s"), let decade = Int(k.dropLast()), (1000...2190).contains(decade), decade % 10 == 0 {
                return mention(i, i + 1, "\(decade / 10)X", .decade, absolute: true)
            }
            let word = info(i)
            if let w = WordInfo.value(word.weekday) { return weekday(w, at: i, end: end, sentenceStart: sentenceStart) }
            // (The flag first: a switch over strings compares them one by one.)
            if word.flags & WordInfo.deictic != 0 {
                switch k {
                case "today", "tonight":
                    return mention(i, i + 1, dct?.dayIfKnown?.iso, .day)
                case "yesterday":
                    return mention(i, i + 1, dct?.dayIfKnown?.adding(days: -1).iso, .day)
                case "tomorrow":
                    return mention(i, i + 1, dct?.dayIfKnown?.adding(days: 1).iso, .day)
                case "now", "currently", "presently", "recently", "lately":
                    // Capitalized inside a sentence, these are names ("ASEAN Now").
                    guard !isCapitalized(i) || i == sentenceStart else { return nil }
                    return mention(i, i + 1, ["recently", "lately"].contains(k) ? "PAST_REF" : "PRESENT_REF", .reference)
                default:
                    break
                }
            }
            if word.flags & WordInfo.relativeStarter != 0 || word.ordinal != WordInfo.absent || word.number != WordInfo.absent {
                return relative(at: i, end: end, sentenceStart: sentenceStart)
            }
            return nil
        }

        /// "last year", "of this year", "next year" at `j`: the year's offset from the document's
        /// year, and where the phrase ends; it makes a month or a day before it one date.
        func yearOffset(at j: Int, end: Int) -> (offset: Int, end: Int)? {
            var k = j
            if k < end && key(k) == "of" { k += 1 }
            guard k + 1 < end, key(k + 1) == "year", let offset = Self.unitOffsets[key(k)], key(k) != "latest" else { return nil }
            return (offset, k + 2)
        }

        /// "2025-05-28", "28/05/2025", "28.05.2025": three numbers split by "-", else "/", else ".".
        func numericDate(_ i: Int) -> DateMention? {
            let s = text[layer.tokens[i].byteRange]
            let sep: UInt8 = s.contains(UInt8(ascii: "-")) ? UInt8(ascii: "-") : (s.contains(UInt8(ascii: "/")) ? UInt8(ascii: "/") : UInt8(ascii: "."))
            guard s.contains(sep) else { return nil }
            var parts: [Int] = []
            var firstCount = 0
            for part in s.split(separator: sep) {
                guard parts.count < 3, let n = Self.integer(part) else { return nil }
                if parts.isEmpty { firstCount = part.count }
                parts.append(n)
            }
            guard parts.count == 3 else { return nil }
            var y, m, d: Int
            if firstCount == 4 {
                (y, m, d) = (parts[0], parts[1], parts[2])
            } else {
                (d, m, y) = dayFirst ? (parts[0], parts[1], parts[2]) : (parts[1], parts[0], parts[2])
                if m > 12 && d <= 12 { swap(&m, &d) }
                if y < 100 { y += y < 50 ? 2000 : 1900 }
            }
            return CalendarDay(year: y, month: m, day: d).map { mention(i, i + 1, $0.iso, .day, absolute: true) }
        }

        func weekday(_ w: Int, at i: Int, end: Int, sentenceStart: Int) -> DateMention {
            var e = i + 1
            // "Wednesday night", "Friday morning": the same day.
            if e < end, Self.partsOfDay.contains(key(e)) { e += 1 }
            guard let dct = dct?.dayIfKnown else { return mention(i, e, nil, .day) }
            let future = futureCue(before: i, sentenceStart: sentenceStart) || (i > sentenceStart && key(i - 1) == "next")
            // The day itself, else the last such day; after a future cue, the next one. (News
            // reports what happened: a bare weekday is in the past week far more often than in
            // the next, even when the next is nearer.)
            let back = (dct.weekday - w + 7) % 7
            let ahead = (w - dct.weekday + 7) % 7
            let delta = back == 0 ? 0 : (future ? ahead : -back)
            return mention(i, e, dct.adding(days: delta).iso, .day)
        }

        /// this/last/next/... + a unit, "N units ago", quarters, seasons, "the future".
        func relative(at i: Int, end: Int, sentenceStart: Int) -> DateMention? {
            var j = i
            var modifier = key(j)
            // "earlier this month", "late last year", "early next week"
            var part: String?
            if Self.partModifiers.contains(modifier), j + 1 < end {
                part = modifier
                j += 1
                modifier = key(j)
            }
            if modifier == "the" && j + 1 < end { j += 1; modifier = key(j) }
            // "late November", "early 2025"
            if part != nil, let m = month(j, end: end, needsCapital: true) {
                let y = resolveYear(month: m, day: nil, cuesBefore: i, sentenceStart: sentenceStart)
                return mention(i, j + 1, y.map { Self.monthValue($0, m) }, .month)
            }
            if part != nil, let y = year(j, end: end) { return mention(i, j + 1, String(y), .year, absolute: true) }
            // "the future"
            if modifier == "future" { return mention(i, j + 1, "FUTURE_REF", .reference) }
            if modifier == "past" && j + 1 < end && !Self.pastUnits.contains(key(j + 1)) {
                return nil
            }
            // Quarters: "the third quarter [of 1998]", "third-quarter", "the quarter".
            if let q = quarter(at: j, end: end) {
                var e = q.end
                var y: Int?
                if e + 1 < end && key(e) == "of", let yy = year(e + 1, end: end) { y = yy; e += 2 } else if let yy = year(e, end: end) { y = yy; e += 1 }
                if y == nil, let dct = dct?.monthIfKnown {
                    let current = Self.quarterOf(dct.month)
                    let n = q.number ?? Self.reportedQuarter(dct)
                    var yy = dct.year
                    var qq = n
                    if q.number != nil && qq > current { yy -= 1 }
                    while qq < 1 { qq += 4; yy -= 1 }
                    while qq > 4 { qq -= 4; yy += 1 }
                    return mention(i, e, "\(yy)-Q\(qq)", .quarter)
                }
                if let y, let n = q.number { return mention(i, e, "\(y)-Q\(n)", .quarter, absolute: true) }
                return mention(i, e, nil, .quarter)
            }
            // this/last/next + unit
            if let offset = WordInfo.value(info(j).unitOffset), j + 1 < end {
                let unit = key(j + 1)
                // "his last day in office", "to this day", "the next day": no day the document's
                // date points to ("yesterday", "today" and "tomorrow" say that).
                if unit == "day" || unit == "days" { return nil }
                return unitMention(i, j + 2, unit: unit, offset: offset, part: part)
            }
            // "year-earlier" (year - earlier), "the year-earlier quarter"
            if modifier == "year" && j + 2 < end && key(j + 1) == "-" && key(j + 2) == "earlier" {
                var e = j + 3
                if e < end && Self.periodWords.contains(key(e)) { e += 1 }
                return yearBack(i, e, sentence: sentenceStart..<end)
            }
            // N units ago / a year earlier
            if let n = WordInfo.value(info(j).number) ?? number(j, end: end), j + 2 < end, Self.agoWords.contains(key(j + 2)) {
                let unit = key(j + 1)
                if n == 1 && unit == "year" { return yearBack(i, j + 3, sentence: sentenceStart..<end) }
                return unitMention(i, j + 3, unit: unit, offset: -n, part: nil, exact: true)
            }
            return nil
        }

        /// "A year earlier": the year before; in a sentence about a quarter's results ("profit rose
        /// in the third quarter from a year earlier"), the same quarter a year before.
        func yearBack(_ start: Int, _ end: Int, sentence: Range<Int>) -> DateMention {
            guard let dct else { return mention(start, end, nil, .year) }
            if sentence.contains(where: { key($0) == "quarter" || key($0) == "quarterly" }) {
                var q = Self.reportedQuarter(dct), y = dct.year - 1
                if q < 1 { q += 4; y -= 1 }
                // A numbered quarter in the sentence is the one compared.
                for t in sentence where t + 1 < sentence.upperBound {
                    if let n = WordInfo.value(info(t).ordinal), key(t + 1) == "quarter" || (key(t + 1) == "-" && t + 2 < sentence.upperBound && key(t + 2) == "quarter") {
                        q = n
                        y = (n > Self.quarterOf(dct.month) ? dct.year - 1 : dct.year) - 1
                        break
                    }
                }
                return mention(start, end, "\(y)-Q\(q)", .quarter)
            }
            return mention(start, end, String(dct.year - 1), .year)
        }

        /// "'s third quarter", "'s quarter" or "second quarter" right after a year at `end`: the
        /// quarter it names, numbered (the year's "quarter" alone is the reported one).
        func yearsQuarter(after end: Int) -> (number: Int, end: Int)? {
            var j = end
            guard j < layer.tokens.count else { return nil }
            if key(j) == "'s" { j += 1 }
            guard j < layer.tokens.count else { return nil }
            if let q = quarter(at: j, end: layer.tokens.count) {
                if let n = q.number { return (n, q.end) }
                if let dct = dct?.monthIfKnown { return (max(1, Self.reportedQuarter(dct)), q.end) }
            }
            return nil
        }

        /// A quarter word at `j`: its number ("third quarter"), or the current one ("the quarter",
        /// "the latest quarter") with an offset ("last quarter").
        func quarter(at j: Int, end: Int) -> (number: Int?, offset: Int, end: Int)? {
            if let n = WordInfo.value(info(j).ordinal) {
                if j + 1 < end && key(j + 1) == "quarter" { return (n, 0, j + 2) }
                if j + 2 < end && key(j + 1) == "-" && key(j + 2) == "quarter" { return (n, 0, j + 3) }
                return nil
            }
            if key(j) == "quarter" { return (nil, 0, j + 1) }
            return nil
        }

        func unitMention(_ start: Int, _ end: Int, unit: String, offset: Int, part: String?, exact: Bool = false) -> DateMention? {
            let singular = unit.hasSuffix("s") ? String(unit.dropLast()) : unit
            switch singular {
            case "day":
                return mention(start, end, dct?.dayIfKnown?.adding(days: offset).iso, .day)
            case "morning", "afternoon", "evening", "night":
                // "this afternoon" is the document's day, "last night" the day before; "the next
                // morning" is the story's next day, which the document's date does not give.
                guard offset <= 0 else { return nil }
                return mention(start, end, dct?.dayIfKnown?.adding(days: offset).iso, .day)
            case "week", "weekend":
                return mention(start, end, dct?.dayIfKnown.map { Self.weekValue($0.adding(days: 7 * offset)) }, .week)
            case "month":
                guard let dct = dct?.monthIfKnown else { return mention(start, end, nil, .month) }
                var y = dct.year, m = dct.month + offset
                while m < 1 { m += 12; y -= 1 }
                while m > 12 { m -= 12; y += 1 }
                return mention(start, end, Self.monthValue(y, m), .month)
            case "year":
                if let q = yearsQuarter(after: end) {
                    return mention(start, q.end, dct.map { "\($0.year + offset)-Q\(q.number)" }, .quarter)
                }
                return mention(start, end, dct.map { String($0.year + offset) }, .year)
            case "quarter":
                guard let dct = dct?.monthIfKnown else { return mention(start, end, nil, .quarter) }
                var q = (offset <= 0 ? Self.reportedQuarter(dct) : Self.quarterOf(dct.month)) + (offset > 0 ? offset : 0), y = dct.year
                while q < 1 { q += 4; y -= 1 }
                while q > 4 { q -= 4; y += 1 }
                return mention(start, end, "\(y)-Q\(q)", .quarter)
            default:
                if let s = DateWords.seasons[singular] {
                    return mention(start, end, dct.map { "\($0.year + offset)-\(s)" }, .season)
                }
                return nil
            }
        }
    }
}
