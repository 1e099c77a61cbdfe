import GazetteLexiconData

/// The rules that ship inside the binary (Rules/*.rules of the source tree), used unless a run
/// says otherwise (`--no-default-rules`).
public enum DefaultRules {
    /// The embedded files: name ("met.rules") and bytes.
    public static var files: [(name: String, bytes: [UInt8])] {
        (0..<Int(gazette_rules_count())).map { index in
            let name = String(cString: gazette_rules_name(Int32(index)))
            let bytes = Array(UnsafeBufferPointer(start: gazette_rules_bytes(Int32(index)), count: Int(gazette_rules_size(Int32(index)))))
            return (name, bytes)
        }
    }

    /// The default rules and classes.
    /// - Throws: `DiagnosticList` if an embedded file does not parse (the tests parse them all).
    public static func file() throws(DiagnosticList) -> RuleFile {
        var result = RuleFile()
        var diagnostics: [Diagnostic] = []
        for file in files {
            let parsed = RuleParser.parse(file.bytes, file: "(default rules)/" + file.name)
            result = result + parsed.file
            diagnostics += parsed.diagnostics
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return result
    }
}
