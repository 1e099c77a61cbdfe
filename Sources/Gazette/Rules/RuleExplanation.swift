@_spi(Stages) import GazetteText

/// Why a rule did or did not give a fact in a text (`gazette explain`).
package struct RuleExplanation: Sendable {
    package enum Status: Sendable {
        /// It matched and its match stood (it gave facts, or for a negative rule, suppressed).
        case fired
        /// Every match of it was suppressed by a negative rule, or lost an overlap.
        case suppressed(by: String)
        case overlapped(by: String)
        /// Its first element matches nowhere in the text.
        case neverStarted
        /// The furthest it got: the tokens it matched, what it expected next, and the token it
        /// found there (nil at a sentence's end).
        case stopped(matched: String, expected: [String], found: String?)
    }
    package var rule: String
    package var status: Status
}

extension PipelineWorker {
    /// For each rule, whether it fired on the text `extract` last ran, and if not, how far its
    /// pattern got. Runs the rules again with tracing: for explaining, not for bulk work.
    package func explainRules(_ text: UnsafeBufferPointer<UInt8>, extraction: Extraction) -> [RuleExplanation] {
        let rules = pipeline.rules.rules
        func surface(_ range: Range<Int>) -> String {
            String(decoding: text[Int(layer.tokens[range.lowerBound].start)..<Int(layer.tokens[range.upperBound - 1].end)], as: UTF8.self)
        }
        var out: [RuleExplanation] = []
        ruleMatcher.prepareTracing(layer, extraction: extraction)
        for (index, rule) in rules.enumerated() {
            let matches = extraction.matches.filter { $0.rule.rawValue == index }
            if matches.contains(where: { $0.outcome == .kept }) {
                out.append(RuleExplanation(rule: rule.id, status: .fired))
                continue
            }
            if let m = matches.first {
                switch m.outcome {
                case .suppressed(let by): out.append(RuleExplanation(rule: rule.id, status: .suppressed(by: rules[extraction.matches[by].rule].id)))
                case .overlapped(let by): out.append(RuleExplanation(rule: rule.id, status: .overlapped(by: rules[extraction.matches[by].rule].id)))
                case .kept: break
                }
                continue
            }
            guard let attempt = ruleMatcher.furthestAttempt(rule: index, layer: layer) else {
                out.append(RuleExplanation(rule: rule.id, status: .neverStarted))
                continue
            }
            let found = attempt.furthest < attempt.sentenceEnd ? surface(attempt.furthest..<(attempt.furthest + 1)) : nil
            out.append(RuleExplanation(rule: rule.id, status: .stopped(matched: surface(attempt.start..<attempt.furthest),
                                                                        expected: attempt.expected, found: found)))
        }
        return out
    }
}
