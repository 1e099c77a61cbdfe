import Foundation
import Testing
import Gazette

/// The typed indices by which an extraction's layers point into each other: each reference lands
/// on an element that agrees with it (a fact's entity is one its mention names, a match's
/// captures lie inside the match, a suppressing match is a negative rule's of the same sentence),
/// over the golden articles.
@Suite("Typed layer indices")
struct LayerIndexTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func articles() throws -> [(name: String, text: String, date: CalendarDay?)] {
        let golden = root.appendingPathComponent("Tests/Golden")
        var out: [(String, String, CalendarDay?)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
            let dateFile = golden.appendingPathComponent(String(name.dropLast(4)) + ".date")
            let date = (try? String(contentsOf: dateFile, encoding: .utf8)).flatMap {
                CalendarDay.parseDocumentDate($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            out.append((name, text, date ?? CalendarDay.parseDocumentDate("2025-05-29")))
        }
        return out
    }

    @Test func indexSubscriptsItsOwnLayer() {
        let names = ["a", "b", "c"]
        let i = LayerIndex<String>(2)
        #expect(names[i] == "c")
        var copy = names
        copy[LayerIndex<String>(0)] = "z"
        #expect(copy == ["z", "b", "c"])
        #expect(LayerIndex<String>(1) < i && [LayerIndex<String>(2), 0, 1].sorted() == [0, 1, 2])
        #expect("\(i)" == "2")
    }

    @Test func everyReferenceAgreesWithWhatItPointsTo() throws {
        let pipeline = try sharedPipeline()
        let worker = try pipeline.makeWorker()
        let rules = pipeline.rules.rules
        var facts = 0, captures = 0
        for article in try Self.articles() {
            let x = try worker.extract(article.text, date: article.date)
            let layer = worker.layer, name = article.name
            for entity in x.entities {
                if let entry = entity.lexiconEntry { #expect(pipeline.lexicon.entries[entry].id == entity.id, "\(name): \(entity.id)") }
            }
            let bytes = Array(article.text.utf8)
            var countryMentions = 0
            for mention in x.mentions {
                #expect(mention.candidates.allSatisfy { $0.rawValue < x.entities.count }, "\(name)")
                // A country named by an alias names the entity whose lexicon entry has that alias.
                guard mention.source == .lexicon, let e = mention.entity, x.entities[e].type == .country,
                      let entry = x.entities[e].lexiconEntry else { continue }
                countryMentions += 1
                let surface = worker.tokenizer.key(of: String(decoding: bytes[mention.byteStart..<mention.byteEnd], as: UTF8.self))
                #expect(pipeline.lexicon.entries[entry].aliases.contains { worker.tokenizer.key(of: $0.text) == surface },
                        "\(name): \(surface) is no alias of \(x.entities[e].id)")
            }
            #expect(countryMentions > 0, "\(name)")
            for (n, match) in x.matches.enumerated() {
                let sentence = x.matches[MatchIndex(n)].sentence
                #expect(x.matches[MatchIndex(n)] == match)
                #expect(layer.sentences[sentence].tokenRange.contains(match.firstToken)
                        && match.endToken <= layer.sentences[sentence].tokenRange.upperBound, "\(name)")
                for case let capture? in match.captures {
                    captures += 1
                    switch capture {
                    case .mention(let m):
                        let mention = x.mentions[m]
                        // (Captured from its name, its title or the start of its phrase; with its "'s" as a possessor.)
                        let starts = [mention.firstToken, mention.titleStart, mention.phraseStart].compactMap { $0 }
                        #expect(starts.contains { $0 >= match.firstToken } && mention.endToken <= match.endToken, "\(name): \(rules[match.rule].id)")
                    case .date(let d):
                        #expect(x.dates[d].firstToken >= match.firstToken && x.dates[d].endToken <= match.endToken, "\(name)")
                    case .title(let t):
                        #expect(x.titles[t].firstToken >= match.firstToken && x.titles[t].endToken <= match.endToken, "\(name)")
                    }
                }
                switch match.outcome {
                case .kept: break
                case .suppressed(let by):
                    #expect(rules[x.matches[by].rule].isNegative && x.matches[by].sentence == sentence, "\(name)")
                case .overlapped(let by):
                    #expect(rules[x.matches[by].rule].predicate == rules[match.rule].predicate && x.matches[by].sentence == sentence, "\(name)")
                }
            }
            for fact in x.facts {
                facts += 1
                #expect(!fact.evidence.isEmpty && fact.evidence == fact.evidence.sorted(), "\(name)")
                for e in fact.evidence { #expect(x.matches[e].outcome == .kept && !rules[x.matches[e].rule].isNegative, "\(name)") }
                if let d = fact.date { #expect(x.dates[d].value != nil, "\(name)") }
                for argument in [fact.subject, fact.object] + (fact.place.map { [$0] } ?? []) {
                    guard let m = argument.mention else { continue }
                    let mention = x.mentions[m]
                    #expect(mention.candidates.contains(argument.entity) || mention.groupMembers?.contains(argument.entity) == true,
                            "\(name): \(x.entities[argument.entity].id) not named by its mention")
                }
            }
        }
        // The articles exercise every kind of reference.
        #expect(facts >= 20 && captures >= 40)
    }
}
