/// English abbreviations that keep their final period as part of the token, and what each
/// tells the sentence splitter.
enum AbbreviationClass: UInt8 {
    /// A title before a name ("Mr.", "Gen.", "Sen."): a sentence does not end after it when a
    /// capitalized word or a number follows.
    case title
    /// A month ("Sept.", "Nov."): a sentence does not end after it when a number follows.
    case month
    /// Initials and dotted acronyms ("W.", "U.S.", "U.N."): a sentence does not end after it when
    /// an institution or office word follows ("U.S. President", "U.N. Security Council").
    case initialism
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
            for w in institutionWords {
                _ = Array(w.utf8).withUnsafeBufferPointer { institutions.intern($0) }
            }
        }

        /// The class of the word `bytes` when followed directly by a period, or nil when that
        /// period ends the word rather than abbreviating it.
        func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> AbbreviationClass? {
            if let id = surfaces.find(bytes, hash: ByteStringTable.hash(bytes)) { return classes[Int(id)] }
            // A single capital letter: an initial ("George W. Bush").
            if bytes.count == 1 { return isASCIIUpper(bytes[0]) ? .initialism : nil }
            // Letters separated by periods: "U.S", "U.N", "e.g", "U.S.A" (ICU keeps these whole).
            if bytes.count >= 3 && bytes.count % 2 == 1 {
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    if i % 2 == 0 ? !isASCIILetter(b) : b != UInt8(ascii: ".") { return nil }
                }
                return .initialism
            }
            return nil
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
