import ArgumentParser
import Foundation

/// `gazette`: the command-line front end. Each subcommand lives in its own file and stays thin:
/// it turns flags into library calls and library errors into messages and exit codes.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Extract who did what with whom, and when, from news text.",
        discussion: """
            Reads UTF-8 text and writes JSON Lines, one record a line, to standard output.
            Diagnostics go to standard error.

            Exit codes: 0 success; 1 some input could not be processed; 2 usage or configuration error.
            """,
        version: "0.1.0",
        subcommands: [Extract.self, TestRules.self, Diff.self, Explain.self, Tokenize.self, Eval.self, EvalDates.self]
    )

    /// Runs the command, with the project's exit codes: usage errors exit 2 (not 64), and a
    /// closed standard output (`gazette ... | head`) ends quietly.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as InputFailure {
            Diagnostics.error(failure.message)
            Foundation.exit(1)
        } catch let failure as ConfigurationFailure {
            Diagnostics.error(failure.message)
            Foundation.exit(2)
        } catch is StandardOutput.Closed {
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }
            // Usage and configuration errors: ArgumentParser's message, then exit 2.
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// An input that could not be read or processed: reported on stderr, exit code 1.
struct InputFailure: Error {
    var message: String
}

/// A lexicon or other configuration that cannot be used: reported on stderr, exit code 2.
struct ConfigurationFailure: Error {
    var message: String
}

enum Diagnostics {
    /// A problem, on standard error: each line of it with the prefix, so that several problems
    /// (a rule file's diagnostics) read one per line, each as grep and editors expect.
    static func error(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { "gazette: \($0)\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }

    /// A line of information (the run's summary), not a problem.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("gazette: \(message)\n".utf8))
    }
}
