import ArgumentParser
import Foundation
@_spi(Stages) import Gazette

/// `gazette eval-dates`: scores the date recognizer against TimeML files.
struct EvalDates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-dates",
        abstract: "Score date recognition and normalization against TimeML files.",
        discussion: """
            Reads every .tml file under the folder: the document creation time (the TIMEX3 with \
            functionInDocument="CREATION_TIME") and the TIMEX3 tags of type DATE in <TEXT>, with \
            their values. Runs the text with the tags removed through the pipeline gazette \
            extract runs (the same lexicons and rules, so the same dates as extract --emit \
            entities with --date set to that creation time), and prints recall (gold DATE \
            expressions that some recognized date overlaps) and value accuracy (of those found, \
            the share whose value equals the gold value).
            """
    )

    @Argument(help: ArgumentHelp("A folder of TimeML (.tml) files, searched recursively.", valueName: "dir"))
    var directory: String

    @Flag(help: "List each missed expression and each wrong value.")
    var verbose = false

    @OptionGroup var pipelineOptions: PipelineOptions

    struct Gold { var start: Int; var end: Int; var value: String; var text: String }

    func run() throws {
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw InputFailure(message: "\(directory): cannot list the folder")
        }
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }.sorted()
        guard !files.isEmpty else { throw InputFailure(message: "\(directory): no .tml files") }
        let worker: PipelineWorker
        do { worker = try pipelineOptions.load().makeWorker() } catch let error as TextError { throw ConfigurationFailure(message: error.message) }
        var total = 0, found = 0, correct = 0
        var report: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw InputFailure(message: "\(path): cannot read as UTF-8")
            }
            let (dct, text, gold): (CalendarDay, [UInt8], [Gold])
            switch Self.parse(content) {
            case .success(let parsed): (dct, text, gold) = parsed
            case .failure(let problem): throw InputFailure(message: "\(path): \(problem.message)")
            }
            let mentions: [DateMention]
            do {
                mentions = try text.withUnsafeBufferPointer { (buffer) throws(TextError) in try worker.entities(in: buffer, date: dct).dates }
            } catch {
                throw InputFailure(message: "\(path): \(error.message)")
            }
            let layer = worker.layer
            let spans = mentions.map { (Int(layer.tokens[$0.firstToken].start), Int(layer.tokens[$0.endToken - 1].end), $0.value) }
            for g in gold {
                total += 1
                guard let hit = spans.first(where: { $0.0 < g.end && g.start < $0.1 }) else {
                    if verbose { report.append("\(file): missed \"\(g.text)\" (\(g.value))") }
                    continue
                }
                found += 1
                if hit.2 == g.value {
                    correct += 1
                } else if verbose {
                    let got = String(decoding: text[hit.0..<hit.1], as: UTF8.self)
                    report.append("\(file): \"\(g.text)\" is \(g.value); got \"\(got)\" = \(hit.2 ?? "nil")")
                }
            }
        }
        func percent(_ a: Int, _ b: Int) -> String { b == 0 ? "n/a" : String(format: "%.1f%%", 100 * Double(a) / Double(b)) }
        var out = report.map { $0 + "\n" }.joined()
        out += "documents: \(files.count)\n"
        out += "DATE expressions: \(total)\n"
        out += "found (relaxed, any overlap): \(found) (recall \(percent(found, total)))\n"
        out += "value correct: \(correct) of \(found) found (accuracy \(percent(correct, found)))\n"
        try StandardOutput.write(Array(out.utf8))
    }

    /// The creation date, the text of <TEXT> with tags removed (as UTF-8), and its DATE TIMEX3s.
    struct Problem: Error { var message: String }

    /// The creation date, the text of <TEXT> with tags removed (as UTF-8), and its DATE TIMEX3s;
    /// or what stops the file from being scored.
    static func parse(_ content: String) -> Result<(CalendarDay, [UInt8], [Gold]), Problem> {
        guard let dctTag = content.range(of: #"<TIMEX3[^>]*functionInDocument=["']CREATION_TIME["'][^>]*>"#, options: .regularExpression) else {
            return .failure(Problem(message: "no creation time (a TIMEX3 with functionInDocument=\"CREATION_TIME\")"))
        }
        let dctValue = attribute("value", in: String(content[dctTag])) ?? ""
        guard let dct = CalendarDay.parseDocumentDate(String(dctValue.prefix(10))) else {
            return .failure(Problem(message: "the creation time \"\(dctValue)\" is not a date"))
        }
        guard let open = content.range(of: "<TEXT>"), let close = content.range(of: "</TEXT>", range: open.upperBound..<content.endIndex) else {
            return .failure(Problem(message: "no <TEXT> ... </TEXT>"))
        }
        let body = Array(content[open.upperBound..<close.lowerBound].utf8)
        var text: [UInt8] = []
        var gold: [Gold] = []
        var stack: [(start: Int, type: String?, value: String?)] = []
        var i = 0
        // The first ">" at or after `i`, or `body.count` when none is left: found once for all
        // the "<" before it (text with many "<" and no ">" is read in linear time).
        var nextClose = -1
        while i < body.count {
            let b = body[i]
            if b == UInt8(ascii: "<") && nextClose < i { nextClose = body[i...].firstIndex(of: UInt8(ascii: ">")) ?? body.count }
            if b == UInt8(ascii: "<"), nextClose < body.count {
                let close = nextClose
                let tag = String(decoding: body[(i + 1)..<close], as: UTF8.self)
                if tag.hasPrefix("TIMEX3") {
                    stack.append((text.count, attribute("type", in: tag), attribute("value", in: tag)))
                } else if tag.hasPrefix("/TIMEX3"), let t = stack.popLast(), t.type == "DATE", let v = t.value {
                    gold.append(Gold(start: t.start, end: text.count, value: v, text: String(decoding: text[t.start...], as: UTF8.self)))
                }
                i = close + 1
                continue
            }
            if b == UInt8(ascii: "&"), let semi = body[i...].prefix(8).firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: body[(i + 1)..<semi], as: UTF8.self)
                let map = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
                if let c = map[entity] {
                    text += Array(c.utf8)
                    i = semi + 1
                    continue
                }
            }
            text.append(b)
            i += 1
        }
        if !stack.isEmpty {
            return .failure(Problem(message: "a <TIMEX3> in <TEXT> is never closed (at byte \(stack[0].start) of the text without tags)"))
        }
        return .success((dct, text, gold))
    }

    /// The value of attribute `name` of `tag`, in double or single quotes.
    static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            guard let r = tag.range(of: "\(name)=\(quote)") else { continue }
            let rest = tag[r.upperBound...]
            return rest.firstIndex(of: Character(quote)).map { String(rest[..<$0]) }
        }
        return nil
    }
}
