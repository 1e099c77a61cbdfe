/// A problem found in an input the user wrote (a lexicon, a rule file): where it is and what is
/// wrong. Loaders collect every diagnostic of a file and report them together; only the CLI turns
/// them into text and exit codes.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the loader was given it: a path, or "(default rules)/met.rules" for a file
    /// built into the binary.
    public var file: String
    /// 1-based line, or 0 when the problem is the file as a whole (it cannot be read).
    public var line: Int
    /// 1-based column in Unicode code points, or nil when the whole line is meant.
    public var column: Int?
    /// What is wrong, or what was expected there ("expected '=' after 'define MEET'").
    public var message: String

    /// A problem at `line` of `file`, and at `column` when given.
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
    /// Every problem found, in the order found.
    public var diagnostics: [Diagnostic]
    /// A list of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// Each diagnostic as `file:line:column: message`, one a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
