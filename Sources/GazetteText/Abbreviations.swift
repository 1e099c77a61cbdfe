/// English abbreviations that keep their final period as part of the token, and what each
/// tells the sentence splitter.
enum AbbreviationClass: UInt8 {
    /// A title before a name ("Mr.", "Gen.", "Sen."): a sentence does not end after it when a
    /// capitalized word or a number follows.
    case title
    /// A month ("Sept.", "Nov."): a sentence does not end after it when a number follows.
    case month
    /// Initials and dotted acronyms ("W.", "U.S.", "U.N."): a sentence does not end after it when
    /// an institution or office word follows ("U.S. President", "U.N. Security Council"), or,
    /// after one initial, a capitalized word ("George W. Bush").
    case initialism
    /// Two or more capital initials of a name, not a country's or a body's dotted acronym ("V.K.
    /// Singh", "J.R. Jayewardene"): a sentence does not end after them when a capitalized word
    /// that does not usually start a sentence follows, and no article nor preposition comes
    /// before them ("addressed the O.A.S. Ivo Dorr met her" ends after "O.A.S.").
    case nameInitials
    /// "a.m." and "p.m.": a sentence does not end after them when a day, a month or a time zone
    /// follows ("3 p.m. Tuesday", "9 a.m. EST").
    case time
    /// Everything else ("Jr.", "Inc.", "etc."): ICU's sentence rules decide, which already keep
    /// a sentence going when a lower-case word or a number follows.
    case other
}

enum Abbreviations {
    static let titles = [
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
        "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Pres",
        "Rev", "Hon", "Amb", "Sec", "Supt", "Insp", "Atty", "Fr", "St", "Mt", "Ft", "No", "Nos",
        "Vol", "Art", "Sect", "Fig", "Ch",
        // Styles of address before a name: His (or Her) Excellency, Highness, Royal Highness, Majesty.
        "H.E", "H.H", "H.R.H", "H.M",
    ]
    static let months = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    static let others = [
        "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "vs", "etc", "approx", "est", "cf", "al", "viz", "ca", "incl",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
        "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
        "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    ]
    static let times = ["a.m", "p.m", "A.M", "P.M"]
    /// Dotted acronyms of countries, cities and bodies, which may end a sentence before a
    /// capitalized word ("... in the U.S. Officials said"): initialisms, no initials of a name.
    static let acronyms = ["U.S", "U.K", "U.N", "E.U", "U.S.A", "U.A.E", "D.C", "U.S.S.R", "P.R.C", "R.O.K", "D.P.R.K", "N.Y", "N.Z", "S.A"]
    /// Words that usually start a sentence: after an abbreviation, they end the sentence anyway
    /// ("Plan B. The rest failed", "on Main St. The house"). Keys, in lower case.
    static let sentenceStarters = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
        "but", "and", "or", "so", "then", "there", "here", "his", "her", "their", "our", "my", "what", "who", "why",
        "how", "however", "meanwhile", "also", "still", "yet", "now", "today", "yesterday", "if", "when", "while",
        "after", "before", "in", "on", "at", "for", "with", "as", "no", "yes", "some", "many", "most", "all",
    ]
    /// Articles and prepositions (keys): dotted capitals after one are a body's acronym ("the
    /// O.A.S.", "in the D.R.C."), no name's initials.
    static let functionWords = [
        "the", "a", "an", "of", "in", "at", "to", "from", "for", "by", "with", "on", "into", "than", "via",
        "its", "their", "our", "his", "her",
    ]
    /// Days and months (keys): after "a.m."/"p.m." they continue the sentence.
    static let calendarWords = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    /// Capitalized words after which a dotted acronym does not end a sentence.
    static let institutionWords = [
        "President", "Vice", "Secretary", "Ambassador", "Embassy", "Envoy", "State", "Senate",
        "Senator", "Congress", "Congressman", "Congresswoman", "House", "Representative", "Navy",
        "Army", "Air", "Marine", "Marines", "Coast", "Forces", "Force", "Defense", "Defence",
        "Treasury", "Department", "Trade", "Government", "Military", "Special", "Supreme", "Court",
        "Federal", "Central", "Command", "Security", "Council", "General", "Assembly", "Chamber",
        "Mission", "Attorney", "Justice", "Commerce", "Agency", "Office", "National", "Consulate",
        "Foreign", "Prime", "Minister", "Deputy", "Chief", "Joint", "Pacific", "Indo-Pacific",
        "Open", "Dollar", "Treasuries", "Bank",
    ]

    /// The compiled table: abbreviation surface (without its period) to class.
    struct Table: Sendable {
        var surfaces = ByteStringTable(capacity: 256)
        var classes: [AbbreviationClass] = []
        var institutions = ByteStringTable(capacity: 128)
        var starters = ByteStringTable(capacity: 128)
        var calendar = ByteStringTable(capacity: 64)
        var function = ByteStringTable(capacity: 64)

        init() {
            func add(_ words: [String], _ cls: AbbreviationClass) {
                for w in words {
                    let (_, inserted) = Array(w.utf8).withUnsafeBufferPointer { surfaces.intern($0) }
                    if inserted { classes.append(cls) }
                }
            }
            add(titles, .title)
            add(months, .month)
            add(others, .other)
            add(times, .time)
            add(acronyms, .initialism)
            for w in institutionWords { _ = Array(w.utf8).withUnsafeBufferPointer { institutions.intern($0) } }
            for w in sentenceStarters { _ = Array(w.utf8).withUnsafeBufferPointer { starters.intern($0) } }
            for w in calendarWords { _ = Array(w.utf8).withUnsafeBufferPointer { calendar.intern($0) } }
            for w in functionWords { _ = Array(w.utf8).withUnsafeBufferPointer { function.intern($0) } }
        }

        /// Whether `key` (a normalized key) usually starts a sentence.
        func isSentenceStarter(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            starters.find(key, hash: ByteStringTable.hash(key)) != nil
        }

        /// Whether `key` (a normalized key) is an article or a preposition (`functionWords`).
        func isFunctionWord(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            function.find(key, hash: ByteStringTable.hash(key)) != nil
        }

        /// Whether `key` (a normalized key) is a day or a month.
        func isCalendarWord(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            calendar.find(key, hash: ByteStringTable.hash(key)) != nil
        }

        /// The class of the word `bytes` when followed directly by a period, or nil when that
        /// period ends the word rather than abbreviating it.
        func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> AbbreviationClass? {
            if let id = surfaces.find(bytes, hash: ByteStringTable.hash(bytes)) { return classes[Int(id)] }
            // A single capital letter: an initial ("George W. Bush"); not the pronoun "I".
            if bytes.count == 1 { return isASCIIUpper(bytes[0]) && bytes[0] != UInt8(ascii: "I") ? .initialism : nil }
            // Groups of one or two letters separated by periods: "U.S", "U.N", "e.g", "U.S.A",
            // "Ph.D" (ICU keeps these whole).
            var groups = 1, run = 0
            for b in bytes {
                if b == UInt8(ascii: ".") {
                    guard run > 0 else { return nil }
                    groups += 1
                    run = 0
                } else {
                    guard isASCIILetter(b), run < 2 else { return upperCaseVariant(bytes) }
                    run += 1
                }
            }
            if groups >= 2 && run > 0 {
                // Every group one capital letter ("V.K"): a name's initials.
                let initials = bytes.count == 2 * groups - 1 && bytes.enumerated().allSatisfy { $0.offset % 2 == 1 || isASCIIUpper($0.element) }
                return initials ? .nameInitials : .initialism
            }
            return upperCaseVariant(bytes)
        }

        /// The class of an all-capitals word written in the table with an initial capital:
        /// "MR" as "Mr", "SEPT" as "Sept".
        private func upperCaseVariant(_ bytes: UnsafeBufferPointer<UInt8>) -> AbbreviationClass? {
            guard bytes.count >= 2, bytes.count <= 8, bytes.allSatisfy(isASCIIUpper) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { word in
                for i in 0..<bytes.count { word[i] = i == 0 ? bytes[i] : bytes[i] | 0x20 }
                let variant = UnsafeBufferPointer(rebasing: word[0..<bytes.count])
                return surfaces.find(variant, hash: ByteStringTable.hash(variant)).map { classes[Int($0)] }
            }
        }

        func isInstitutionWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            institutions.find(bytes, hash: ByteStringTable.hash(bytes)) != nil
        }
    }
}

@inline(__always) func isASCIIUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
@inline(__always) func isASCIILower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
@inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
