/// A problem found in an input the user wrote (a lexicon, a rule file): where it is and what is
/// wrong. Loaders collect every diagnostic of a file and report them together; only the CLI turns
/// them into text and exit codes.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or 0 when the problem is the file as a whole (it cannot be read).
    public var line: Int
    /// 1-based column in Unicode code points, or nil when the whole line is meant.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, as compilers print it (`file: message` for a whole file).
    public var description: String {
        if line == 0 { return "\(file): \(message)" }
        if let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// One or more diagnostics that stop a load.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
