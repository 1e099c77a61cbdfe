import GazetteLexiconData

/// The lexicons that ship inside the binary (Lexicons/*.jsonl of the source tree), used unless
/// a run says otherwise (`--no-default-lexicons`).
public enum DefaultLexicons {
    /// The embedded files: name ("countries.jsonl") and bytes.
    public static var files: [(name: String, bytes: [UInt8])] {
        (0..<Int(gazette_lexicon_count())).map { index in
            let name = String(cString: gazette_lexicon_name(Int32(index)))
            let bytes = Array(UnsafeBufferPointer(start: gazette_lexicon_bytes(Int32(index)), count: Int(gazette_lexicon_size(Int32(index)))))
            return (name, bytes)
        }
    }

    /// Every entry of the default lexicons.
    /// - Throws: `DiagnosticList` if an embedded file does not parse (a build from edited
    ///   lexicons that were not checked; the tests parse them all).
    public static func entries() throws(DiagnosticList) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let parsed = LexiconParser.parse(file.bytes, file: "(default lexicons)/" + file.name)
            entries += parsed.entries
            diagnostics += parsed.diagnostics
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return entries
    }
}
