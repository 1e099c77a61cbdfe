import Foundation

/// A day of the proleptic Gregorian calendar, with the arithmetic date normalization needs, in
/// plain integers (days since 1970-01-01; the civil-from-days algorithm of H. Hinnant).
public struct CalendarDay: Sendable, Hashable, Comparable {
    /// The year (2025).
    public let year: Int
    /// The month, 1 (January) to 12.
    public let month: Int
    /// The day of the month, from 1 to the month's length.
    public let day: Int
    /// How much of the day is known: a document dated "2023-09" is of some day of September
    /// 2023 (kept as its first day, with precision `.month`). Relative dates that need the day
    /// ("yesterday", "on Friday", "last week") have no value against a month or a year.
    public private(set) var precision: Precision = .day

    /// How much of a `CalendarDay` a source gave.
    public enum Precision: Int, Sendable, Comparable {
        /// The year only ("2023"), the year and month ("2023-09"), or the day ("2023-09-14");
        /// `year` < `month` < `day`.
        case year, month, day
        /// Whether `a` knows less of a day than `b`.
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// A valid day, or nil ("2025-02-30").
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var days: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    public var weekday: Int { ((days % 7 + 7) % 7 + 3) % 7 + 1 }

    /// The day `n` days after this one (before it, for a negative `n`), at day precision.
    public func adding(days n: Int) -> CalendarDay { CalendarDay(days: days + n) }

    /// ISO 8601 week-numbering year and week ("1998-W32").
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.days - jan1.days) / 7 + 1)
    }

    /// The day as ISO 8601, "2025-05-29", whatever the precision (`isoAtPrecision` keeps it).
    public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// The ISO form at the precision known: "2023-09-14", "2023-09", "2023".
    public var isoAtPrecision: String {
        switch precision {
        case .day: iso
        case .month: "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case .year: Self.pad(year, 4)
        }
    }

    /// This day when its day is known, else nil: what "yesterday" or "on Friday" count from.
    public var dayIfKnown: CalendarDay? { precision == .day ? self : nil }

    /// This date when its month is known, else nil: what "last month" counts from.
    public var monthIfKnown: CalendarDay? { precision >= .month ? self : nil }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether day `a` comes before day `b` (a month or a year compares as its first day).
    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.days < b.days }

    /// Parses a document date at the precision given: "2025-05-29", "2025-05-29T16:05:45Z",
    /// "2023-09", "2023" (a month or a year is kept as its first day, with its `precision`),
    /// the same with a month or day of one digit as people type them ("2025-5-29"), "May 29,
    /// 2025", "29 May 2025".
    public static func parseDocumentDate(_ text: String) -> CalendarDay? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDay(iso: t) { return day }
        // A month or day of one digit ("2025-5-29", "2025-3"): a date a user types for a
        // document, not the ISO form of data files, which `init(iso:)` alone reads.
        let parts = t.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        if parts[0].count == 4, let y = Int(parts[0]) {
            let m = parts.count > 1 ? Int(parts[1]) : 1
            let d = parts.count > 2 ? Int(parts[2]) : 1
            guard let m, let d, var day = CalendarDay(year: y, month: m, day: d) else { return nil }
            day.precision = parts.count > 2 ? .day : (parts.count > 1 ? .month : .year)
            return day
        }
        // "May 29, 2025" / "29 May 2025"
        let words = t.replacingOccurrences(of: ",", with: " ").split(separator: " ").map { $0.lowercased() }
        guard words.count == 3 else { return nil }
        if let m = DateWords.months[words[0]], let d = Int(words[1]), let y = Int(words[2]) { return CalendarDay(year: y, month: m, day: d) }
        if let d = Int(words[0]), let m = DateWords.months[words[1]], let y = Int(words[2]) { return CalendarDay(year: y, month: m, day: d) }
        return nil
    }

    /// The last day this date covers: itself at a day's precision, the last day of its month or
    /// of its year at theirs.
    public var lastDay: CalendarDay {
        switch precision {
        case .day: self
        case .month: CalendarDay(year: year, month: month, day: Self.daysIn(month: month, year: year))!
        case .year: CalendarDay(year: year, month: 12, day: 31)!
        }
    }
}

extension CalendarDay {
    /// Reads an ISO 8601 date at the precision it gives: "2025" (`.year`), "2025-05" (`.month`),
    /// "2025-05-29" (`.day`); a month or a year is kept as its first day. Four digits, then "-"
    /// and two digits once or twice: nil for "2025-5-29", "2025-W21", a month past 12 or a day
    /// its month lacks. After a whole day anything is ignored, a time as in
    /// "2025-05-29T16:05:45Z" or anything else. The one reader of ISO dates: document, lexicon,
    /// fixture and gold dates all come through it (`parseDocumentDate` also takes the
    /// one-digit forms users type).
    public init?(iso text: String) {
        // On the UTF-8 bytes, in place for a native string (role dates are read per mention:
        // no array is made for them).
        var text = text
        guard let day = text.withUTF8({ CalendarDay(iso: $0) }) else { return nil }
        self = day
    }

    /// `init(iso:)` over UTF-8 bytes.
    init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for i in range {
                guard bytes[i] &- 0x30 < 10 else { return nil }
                n = n * 10 + Int(bytes[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4) else { return nil }
        switch bytes.count {
        case 4:
            self.init(year: year, month: 1, day: 1)!
            precision = .year
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return nil }
            self.init(year: year, month: month, day: 1)!
            precision = .month
        case 10...:
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let month = number(5..<7), let day = number(8..<10),
                  let date = CalendarDay(year: year, month: month, day: day) else { return nil }
            self = date
        default:
            return nil
        }
    }
}
