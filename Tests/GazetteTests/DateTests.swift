import Testing
@_spi(Stages) @testable import Gazette

/// Dates of `text` resolved against `dct`: "text=value" in text order.
func dates(_ text: String, dct: String?, dayFirst: Bool = true) throws -> [String] {
    let tokenizer = try Tokenizer()
    let bytes = Array(text.utf8)
    let layer = try tokenizer.analyze(bytes)
    let recognizer = DateRecognizer(dayFirst: dayFirst)
    let mentions = bytes.withUnsafeBufferPointer {
        recognizer.recognize(layer, text: $0, vocabulary: tokenizer.vocabulary, documentDate: dct.flatMap(CalendarDay.parseDocumentDate))
    }
    return mentions.map { m in
        let s = Int(layer.tokens[m.firstToken].start), e = Int(layer.tokens[m.endToken - 1].end)
        return "\(String(decoding: bytes[s..<e], as: UTF8.self))=\(m.value ?? "nil")"
    }
}

/// Dates of `text` as `PipelineWorker.entities(in:date:)` finds them, the way `gazette extract`
/// does: through a worker whose tokenizer starts from the pipeline's frozen vocabulary.
/// "text=value" in text order.
func pipelineDates(_ text: String, dct: String?, dayFirst: Bool = true) throws -> [String] {
    let pipeline = try sharedPipeline()
    let worker = try pipeline.makeWorker()
    worker.dateRecognizer.dayFirst = dayFirst
    let bytes = Array(text.utf8)
    let extraction = try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in
        try worker.entities(in: buffer, date: dct.flatMap(CalendarDay.parseDocumentDate))
    }
    return extraction.dates.map { m in
        let s = Int(worker.layer.tokens[m.firstToken].start), e = Int(worker.layer.tokens[m.endToken - 1].end)
        return "\(String(decoding: bytes[s..<e], as: UTF8.self))=\(m.value ?? "nil")"
    }
}

@Suite("Dates")
struct DateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var dct: String?
        var expected: [String]
        var testDescription: String { "\(text) @ \(dct ?? "no date")" }
    }

    static let cases: [Case] = [
        // Absolute forms.
        Case(text: "They met on 28 May 2025.", dct: nil, expected: ["28 May 2025=2025-05-28"]),
        Case(text: "They met on May 28, 2025.", dct: nil, expected: ["May 28, 2025=2025-05-28"]),
        Case(text: "on the 28th of May 2025", dct: nil, expected: ["28th of May 2025=2025-05-28"]),
        Case(text: "signed on 2025-05-28 in Tokyo", dct: nil, expected: ["2025-05-28=2025-05-28"]),
        Case(text: "signed on 28/05/2025 in Tokyo", dct: nil, expected: ["28/05/2025=2025-05-28"]),
        Case(text: "in May 2025 and in 2023", dct: nil, expected: ["May 2025=2025-05", "2023=2023"]),
        Case(text: "since the 1990s", dct: nil, expected: ["1990s=199X"]),
        // Without a year: nearest the document date, leaning to the past.
        Case(text: "a meeting on 28 May between them", dct: "2025-05-29", expected: ["28 May=2025-05-28"]),
        Case(text: "on Nov. 1 and on Sept. 21", dct: "2025-11-20", expected: ["Nov. 1=2025-11-01", "Sept. 21=2025-09-21"]),
        Case(text: "talks in April", dct: "2025-05-29", expected: ["April=2025-04"]),
        Case(text: "talks in December", dct: "2025-01-10", expected: ["December=2024-12"]),
        // Ranges: ISO 8601 intervals.
        Case(text: "Oct. 28-31 talks", dct: "2025-11-03", expected: ["Oct. 28-31=2025-10-28/2025-10-31"]),
        Case(text: "talks from April 25 to May 9", dct: "2025-05-20", expected: ["from April 25 to May 9=2025-04-25/2025-05-09"]),
        Case(text: "the summit on 22nd – 24th March 2018", dct: nil, expected: ["22nd – 24th March 2018=2018-03-22/2018-03-24"]),
        // Year boundaries, both ways.
        Case(text: "on Dec. 30 they met", dct: "2026-01-02", expected: ["Dec. 30=2025-12-30"]),
        Case(text: "on Jan. 3 they will meet", dct: "2025-12-29", expected: ["Jan. 3=2026-01-03"]),
        Case(text: "on Jan. 14 they meet", dct: "2000-01-05", expected: ["Jan. 14=2000-01-14"]),
        // Leap days.
        Case(text: "on Feb. 29 they met", dct: "2024-03-10", expected: ["Feb. 29=2024-02-29"]),
        // No 29 February in 2023: the month is all that stands.
        Case(text: "on 29 February 2023", dct: nil, expected: ["February 2023=2023-02"]),
        Case(text: "yesterday", dct: "2024-03-01", expected: ["yesterday=2024-02-29"]),
        // Weekdays: the day itself, else the last one; after a future cue, the next one.
        Case(text: "They met on Wednesday.", dct: "2025-05-31", expected: ["Wednesday=2025-05-28"]),
        Case(text: "They met on Saturday.", dct: "2025-05-31", expected: ["Saturday=2025-05-31"]),
        Case(text: "They will meet on Wednesday.", dct: "2025-05-31", expected: ["Wednesday=2025-06-04"]),
        // Relative units.
        Case(text: "today, yesterday and tomorrow", dct: "2025-05-29", expected: ["today=2025-05-29", "yesterday=2025-05-28", "tomorrow=2025-05-30"]),
        Case(text: "last week, this month and next month", dct: "2025-05-29",
             expected: ["last week=2025-W21", "this month=2025-05", "next month=2025-06"]),
        Case(text: "this year and last year", dct: "2025-05-29", expected: ["this year=2025", "last year=2024"]),
        // A month or a day with "last year", "this year" or "next year" after it: one date, the
        // year counted from the document's.
        Case(text: "in February last year, on 7 May this year, on May 8 of next year", dct: "2021-05-05",
             expected: ["February last year=2020-02", "7 May this year=2021-05-07", "May 8 of next year=2022-05-08"]),
        Case(text: "in April, last year was hard", dct: "2021-05-05", expected: ["April=2021-04", "last year=2020"]),
        Case(text: "two days ago and three years ago", dct: "2025-05-29", expected: ["two days ago=2025-05-27", "three years ago=2022"]),
        Case(text: "earlier this month", dct: "2025-05-29", expected: ["earlier this month=2025-05"]),
        Case(text: "We meet next month. We met in November.", dct: "2026-01-10", expected: ["next month=2026-02", "November=2025-11"]),
        // A month alone leans to the past twice as much as a day: October, seen from late May,
        // is last October (the next is nearer, but not half as near).
        Case(text: "She visited Lima in October.", dct: "2025-05-29", expected: ["October=2024-10"]),
        // The nearest wins when the other side is much farther: January, seen from mid-December.
        Case(text: "They meet in January.", dct: "2025-12-15", expected: ["January=2026-01"]),
        // Quarters, seasons, references.
        Case(text: "in the third quarter", dct: "1989-11-02", expected: ["the third quarter=1989-Q3"]),
        Case(text: "profit in the quarter rose from a year earlier", dct: "1989-11-02", expected: ["the quarter=1989-Q3", "a year earlier=1988-Q3"]),
        Case(text: "last fall", dct: "1998-03-01", expected: ["last fall=1997-FA"]),
        Case(text: "It is now clear; recently it was not; in the future", dct: "2025-05-29",
             expected: ["now=PRESENT_REF", "recently=PAST_REF", "the future=FUTURE_REF"]),
        // Without a document date, relative dates keep their text and get no value.
        Case(text: "They met on Wednesday and last year.", dct: nil, expected: ["Wednesday=nil", "last year=nil"]),
        // Not dates.
        Case(text: "you may go; ASEAN Now reported; 1,500 troops", dct: "2025-05-29", expected: []),
        // Every abbreviated month and weekday, with its period, as wire copy writes them.
        Case(text: "The attacks on Aug. 7 killed many.", dct: "2025-09-01", expected: ["Aug. 7=2025-08-07"]),
        Case(text: "from Jan. 2, Feb. 3, Mar. 4 and Apr. 5", dct: "2025-04-30",
             expected: ["Jan. 2=2025-01-02", "Feb. 3=2025-02-03", "Mar. 4=2025-03-04", "Apr. 5=2025-04-05"]),
        Case(text: "on Jun. 6 and Jul. 7", dct: "2025-07-31", expected: ["Jun. 6=2025-06-06", "Jul. 7=2025-07-07"]),
        Case(text: "on Sep. 8, Oct. 9 and Dec. 10", dct: "2025-12-31", expected: ["Sep. 8=2025-09-08", "Oct. 9=2025-10-09", "Dec. 10=2025-12-10"]),
        Case(text: "Talks were held Mon. and ended Tues.; others came Wed., Thu., Thurs., Fri., Sat. and Sun.", dct: "2025-05-31",
             expected: ["Mon.=2025-05-26", "Tues.=2025-05-27", "Wed.=2025-05-28", "Thu.=2025-05-29", "Thurs.=2025-05-29", "Fri.=2025-05-30",
                        "Sat.=2025-05-31", "Sun.=2025-05-25"]),
        Case(text: "They met on Aug 7 and on Sept 21, 2024.", dct: "2025-09-01", expected: ["Aug 7=2025-08-07", "Sept 21, 2024=2024-09-21"]),
        // A weekday before the date it names: one mention, of the date's value (here not the
        // last Friday before the document's date).
        Case(text: "They met on Friday, November 30.", dct: "2018-12-10", expected: ["Friday, November 30=2018-11-30"]),
        Case(text: "They met on Saturday 17 March 2018.", dct: "2018-03-19", expected: ["Saturday 17 March 2018=2018-03-17"]),
        Case(text: "They met on Friday, and again later.", dct: "2018-12-10", expected: ["Friday=2018-12-07"]),
        // A document dated by its month only: what needs its day has no value; a day or a month
        // of that month is of that month's year.
        Case(text: "They met on Friday, yesterday and last week; on November 30; next month.", dct: "2018-11",
             expected: ["Friday=nil", "yesterday=nil", "last week=nil", "November 30=2018-11-30", "next month=2018-12"]),
        // By its year only: months and days are of that year, whatever their distance.
        Case(text: "They met in December and on January 3; this month.", dct: "1998",
             expected: ["December=1998-12", "January 3=1998-01-03", "this month=nil"]),
    ]

    @Test(arguments: cases)
    func recognizes(_ c: Case) throws {
        let got = try dates(c.text, dct: c.dct)
        #expect(got == c.expected, "\(got)")
    }

    /// The same table through a pipeline's worker, the path `gazette extract` and `gazette
    /// eval-dates` take: its tokenizer knows only the words frozen into the pipeline's
    /// vocabulary, so a date word missing there is lost on this path alone.
    @Test(arguments: cases)
    func recognizesThroughThePipeline(_ c: Case) throws {
        let got = try pipelineDates(c.text, dct: c.dct)
        #expect(got == c.expected, "\(got)")
    }

    /// Every date word that is one token's key in text is a frozen key of the pipeline's
    /// vocabulary, so the recognizer's table covers it.
    @Test func everyDateWordIsFrozen() throws {
        let pipeline = try sharedPipeline()
        let vocabulary = pipeline.lexicon.vocabulary
        let tokenizer = try Tokenizer()
        for key in DateRecognizer.vocabularyWords {
            let layer = try tokenizer.analyze(Array(CompiledLexicon.surface(forKey: key).utf8))
            guard layer.tokens.count == 1 else { continue }  // "'ll" or "twenty-one" is no one token's key
            let id = vocabulary.keyID(forKey: key)
            #expect(id.map { Int($0) < vocabulary.frozenKeyCount } == true, "\(key)")
        }
        // The abbreviations with their period among them, which the check above reaches only
        // through their capitalized surfaces.
        for key in ["aug.", "sept.", "nov.", "tues.", "thurs."] {
            #expect(vocabulary.keyID(forKey: key) != nil, "\(key)")
        }
    }

    @Test func monthFirst() throws {
        #expect(try dates("on 05/06/2025", dct: nil) == ["05/06/2025=2025-06-05"])
        #expect(try pipelineDates("on 05/06/2025", dct: nil, dayFirst: false) == ["05/06/2025=2025-05-06"])
        #expect(try dates("on 05/06/2025", dct: nil, dayFirst: false) == ["05/06/2025=2025-05-06"])
        // A day over 12 decides the order whatever the option.
        #expect(try dates("on 28/05/2025", dct: nil, dayFirst: false) == ["28/05/2025=2025-05-28"])
    }

    @Test(arguments: [
        ("2025-05-29", "2025-05-29"), ("2025-05-29T16:05:45Z", "2025-05-29"), ("2023-09", "2023-09-01"), ("2023", "2023-01-01"),
        ("May 29, 2025", "2025-05-29"), ("29 May 2025", "2025-05-29"),
        // A month or a day of one digit, as people type a document's date.
        ("2025-5-29", "2025-05-29"), ("2025-3-1", "2025-03-01"), ("2025-3", "2025-03-01"),
    ])
    func documentDates(_ text: String, _ iso: String) {
        #expect(CalendarDay.parseDocumentDate(text)?.iso == iso)
    }

    /// The one reader of ISO dates: fixed widths, a valid day, a time after a day ignored.
    @Test(arguments: [
        ("2025", "2025"), ("2025-05", "2025-05"), ("2025-05-29", "2025-05-29"), ("2025-05-29T16:05:45Z", "2025-05-29"),
        ("2024-02-29", "2024-02-29"), ("2025-5-29", nil), ("2025-W21", nil), ("2025-13", nil), ("2025-02-29", nil),
        ("2025-05T10", nil), ("202", nil), ("+2025", nil), ("", nil),
    ] as [(String, String?)])
    func isoDates(_ text: String, _ value: String?) {
        #expect(CalendarDay(iso: text)?.isoAtPrecision == value)
    }

    @Test func documentDatePrecision() {
        #expect(CalendarDay.parseDocumentDate("2023-09-14")?.precision == .day)
        #expect(CalendarDay.parseDocumentDate("2023-09")?.isoAtPrecision == "2023-09")
        #expect(CalendarDay.parseDocumentDate("2023")?.isoAtPrecision == "2023")
        #expect(CalendarDay.parseDocumentDate("May 29, 2025")?.precision == .day)
        #expect(CalendarDay.parseDocumentDate("2025-3")?.isoAtPrecision == "2025-03")
        #expect(CalendarDay.parseDocumentDate("2025-2-30") == nil)
    }

    /// A month given as the document's date takes its day from a dateline within it; a dateline
    /// of another month does not change it.
    @Test func partialDocumentDateTakesTheDatelineDay() throws {
        let worker = try sharedPipeline().makeWorker()
        for (given, expected) in [("2018-11", "2018-11-30"), ("2018", "2018-11-30"), ("2018-10", "2018-10"), ("2018-11-29", "2018-11-29")] {
            let bytes = Array("BUENOS AIRES, November 30, 2018 — Ministers met on Friday.".utf8)
            let x = try bytes.withUnsafeBufferPointer { (b) throws(TextError) in try worker.entities(in: b, date: CalendarDay.parseDocumentDate(given)) }
            #expect(x.documentDate?.isoAtPrecision == expected, "\(given)")
        }
    }

    @Test func documentDateFromTheText() throws {
        let tokenizer = try Tokenizer()
        for (text, expected) in [
            ("MANILA, 2025-03-14 — Ministers met on Thursday.", "2025-03-14"),
            ("Ministers met on Thursday." + String(repeating: " Words here.", count: 40) + " Adapted from PhilStar 2025-05-29", "2025-05-29"),
            ("Ministers met on Thursday.", nil),
        ] as [(String, String?)] {
            let bytes = Array(text.utf8)
            let layer = try tokenizer.analyze(bytes)
            let date = bytes.withUnsafeBufferPointer { DateRecognizer().documentDate(in: layer, text: $0, vocabulary: tokenizer.vocabulary) }
            #expect(date?.iso == expected, "\(text.prefix(30))")
        }
    }

    @Test func calendarArithmetic() {
        let d = CalendarDay(year: 2024, month: 2, day: 28)!
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(CalendarDay(year: 2025, month: 5, day: 31)!.weekday == 6)  // a Saturday
        #expect(CalendarDay(year: 2021, month: 1, day: 3)!.isoWeek == (2020, 53))
        #expect(CalendarDay(year: 1970, month: 1, day: 1)!.days == 0)
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
    }
}
