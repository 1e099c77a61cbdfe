/// The words the date recognizer knows, by normalized key.
enum DateWords {
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, n) in names.enumerated() { m[n] = i + 1 }
        for (k, v) in [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
            m[k] = v
            m[k + "."] = v
        }
        return m
    }()

    /// The short forms of months without a period ("jan", "jun"): given names too ("Jan
    /// Kowalski"), so a date only beside a number or alone.
    static let shortMonths: Set<String> = Set(months.keys.filter { $0.count <= 4 && !$0.hasSuffix(".") && !["may", "june", "july"].contains($0) })

    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thurs.": 4, "fri.": 5, "sat.": 6, "sun.": 7,
    ]

    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
    ]

    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]

    static let seasons: [String: String] = ["spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"]

    /// Words in the sentence before a date that point to the future ("will meet on Friday").
    static let futureCues: Set<String> = ["will", "next", "plans", "planned", "scheduled", "expected", "'ll", "upcoming", "shall"]
    /// Auxiliaries of the past before a date that lean it to the past harder ("The treaty was
    /// signed by Ruiz and Dorr on April 8" in a December story: the April before).
    static let pastCues: Set<String> = ["was", "were", "had", "did"]
}
