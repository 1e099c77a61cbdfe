import Foundation
import Testing
@_spi(Stages) import Gazette

@Suite("Default rules and their fixtures")
struct DefaultRuleTests {
    static let fixtureFolder = projectRoot.appendingPathComponent("Rules/fixtures")

    static var fixtures: [RuleFixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".fixtures") }.sorted().flatMap { name in
            (try? RuleFixture.load(path: fixtureFolder.appendingPathComponent(name).path)) ?? []
        }
    }

    @Test func embeddedFilesAreTheFilesOfRules() throws {
        let folder = projectRoot.appendingPathComponent("Rules")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".rules") }.sorted()
        let embedded = DefaultRules.files
        #expect(embedded.map(\.name) == onDisk, "run Scripts/build-lexicons --embed-only after adding or removing a rule file")
        for file in embedded {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file.name)))
            #expect(file.bytes == bytes, "the embedded \(file.name) is not the file: run Scripts/build-lexicons --embed-only, then build again")
        }
    }

    @Test func fixtureFilesParse() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtureFolder.path).filter { $0.hasSuffix(".fixtures") }
        #expect(names.count >= 5)
        for name in names {
            _ = try RuleFixture.load(path: Self.fixtureFolder.appendingPathComponent(name).path)
        }
    }

    /// Every rule has at least two cases where it fires and one where it stays silent.
    @Test func everyRuleHasFixtures() throws {
        let fixtures = Self.fixtures
        for rule in try sharedPipeline().rules.rules {
            let fires = fixtures.filter { $0.rule == rule.id && $0.fires }.count
            let silent = fixtures.filter { $0.rule == rule.id && !$0.fires }.count
            #expect(fires >= 2, "\(rule.id): \(fires) cases where it fires")
            #expect(silent >= 1, "\(rule.id): \(silent) cases where it stays silent")
        }
        let ids = Set(try sharedPipeline().rules.rules.map(\.id))
        for fixture in fixtures { #expect(ids.contains(fixture.rule), "\(fixture.file):\(fixture.line): no rule \(fixture.rule)") }
    }

    @Test(arguments: DefaultRuleTests.fixtures)
    func fixture(_ fixture: RuleFixture) throws {
        let worker = try sharedPipeline().makeWorker()
        let outcome = try fixture.run(worker)
        let got = outcome.triples.map { "(\($0.subject.name) | \($0.predicate) | \($0.object.name) | \($0.date?.value ?? "-"))" }
        #expect(outcome.passed, "\(fixture.file):\(fixture.line) \(fixture.rule): \(outcome.failures.joined(separator: "; ")); got \(got)")
    }
}
