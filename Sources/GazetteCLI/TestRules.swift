import ArgumentParser
import Foundation
@_spi(Stages) import Gazette
import GazetteBatch

/// `gazette test`: runs rule fixtures (docs/rules.md, "Fixtures") and reports each failing case.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule fixtures: the triples each case must and must not give.",
        discussion: """
            Reads fixture files (*.fixtures; folders are searched for them, in name order), \
            Rules/fixtures/ of the current folder when none is given. Each case is run through \
            the pipeline with the default rules and lexicons and the ones given with --rules and \
            --lexicon, as gazette extract would. A failing case is printed with what was expected \
            against what the text gave; the run ends with "N passed, M failed" and exit code 1 \
            when any case failed (2 when a fixture or rule file is malformed). --junit writes \
            JUnit XML for CI.
            """
    )

    @Argument(help: ArgumentHelp("Fixture files or folders (default: Rules/fixtures).", valueName: "path"))
    var paths: [String] = []




    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: ArgumentHelp("Write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Print every case, not only the failing ones.")
    var verbose = false

    func run() throws {
        let pipeline = try pipelineOptions.load()
        let files = try fixtureFiles()
        var fixtures: [(file: String, cases: [RuleFixture])] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            do { fixtures.append((file, try RuleFixture.load(path: file))) } catch { diagnostics += error.diagnostics }
        }
        if !diagnostics.isEmpty { throw ConfigurationFailure(message: DiagnosticList(diagnostics).description) }
        let worker: PipelineWorker
        do { worker = try pipeline.makeWorker() } catch { throw ConfigurationFailure(message: error.message) }

        var out = ""
        var passed = 0, failed = 0
        var suites: [(file: String, outcomes: [RuleFixture.Outcome], seconds: Double)] = []
        for (file, cases) in fixtures {
            var outcomes: [RuleFixture.Outcome] = []
            let started = Date()
            for fixture in cases {
                let outcome = try fixture.run(worker)
                outcomes.append(outcome)
                if outcome.passed {
                    passed += 1
                    if verbose { out += "ok   \(Self.name(fixture)) (\(fixture.file):\(fixture.line))\n" }
                    continue
                }
                failed += 1
                out += "FAIL \(Self.name(fixture)) (\(fixture.file):\(fixture.line))\n"
                // (A text of several lines as the case wrote it: "text:", then "line:" each.)
                for (n, line) in fixture.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    out += (n == 0 ? "  text: " : "  line: ") + line + "\n"
                }
                for failure in outcome.failures { out += "  \(failure)\n" }
                out += outcome.triples.isEmpty ? "  got: no triples\n" : "  got:\n"
                for t in outcome.triples { out += "    \(Self.describe(t))\n" }
            }
            suites.append((file, outcomes, Date().timeIntervalSince(started)))
        }
        out += "\(passed) passed, \(failed) failed\n"
        try StandardOutput.write(Array(out.utf8))
        if let junit {
            guard FileManager.default.createFile(atPath: junit, contents: Data(Self.junitXML(suites).utf8)) else {
                throw InputFailure(message: "\(junit): cannot write the JUnit file")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The fixture files of the paths given (folders searched for *.fixtures), in order.
    func fixtureFiles() throws -> [String] {
        let given = paths.isEmpty ? ["Rules/fixtures"] : paths
        var files: [String] = []
        for path in given {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ConfigurationFailure(message: paths.isEmpty
                    ? "Rules/fixtures: no such folder here; name the fixture files or folders to run"
                    : "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let found = InputReader.files(under: path).filter { $0.hasSuffix(".fixtures") }
                if found.isEmpty { throw ConfigurationFailure(message: "\(path): no .fixtures files in this folder") }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func name(_ f: RuleFixture) -> String {
        "\(f.rule) \(f.fires ? "fires" : "silent"): \(f.title)"
    }

    /// A triple as fixtures write it, with its rule.
    static func describe(_ t: Triple) -> String {
        "(\(t.subject.name) | \(t.predicate) | \(t.object.name) | \(t.date?.value ?? "-")) by \(t.rule)"
    }

    static func junitXML(_ suites: [(file: String, outcomes: [RuleFixture.Outcome], seconds: Double)]) -> String {
        func escape(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\n": out += "&#10;"
                default: out.unicodeScalars.append(c.value < 0x20 && c != "\t" ? "\u{FFFD}" : c)
                }
            }
            return out
        }
        let tests = suites.reduce(0) { $0 + $1.outcomes.count }
        let failures = suites.reduce(0) { $0 + $1.outcomes.filter { !$0.passed }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"gazette test\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for suite in suites {
            let failed = suite.outcomes.filter { !$0.passed }.count
            xml += "  <testsuite name=\"\(escape(suite.file))\" tests=\"\(suite.outcomes.count)\" failures=\"\(failed)\" time=\"\(String(format: "%.3f", suite.seconds))\">\n"
            for o in suite.outcomes {
                let f = o.fixture
                xml += "    <testcase classname=\"\(escape(f.rule))\" name=\"\(escape(name(f)))\" file=\"\(escape(f.file))\" line=\"\(f.line)\""
                if o.passed {
                    xml += "/>\n"
                } else {
                    let got = o.triples.map(describe).joined(separator: "\n")
                    xml += ">\n      <failure message=\"\(escape(o.failures.joined(separator: "; ")))\">\(escape("text: \(f.text)\ngot:\n\(got)"))</failure>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}
