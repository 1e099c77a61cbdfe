import Foundation
import Testing

/// Articles written for the project (Tests/Golden/*.txt) with their whole output committed beside
/// them: any change in what gazette extracts from them fails here, so that it shows in review.
/// After checking a change is meant, `Scripts/update-golden` writes the new expected files.
@Suite("Golden articles")
struct GoldenTests {
    static let folder = CLI.root.appendingPathComponent("Tests/Golden")

    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func thereAreGoldenArticles() {
        #expect(Self.articles.count >= 3)
    }

    @Test(arguments: GoldenTests.articles)
    func outputIsUnchanged(_ article: String) throws {
        let name = String(article.dropLast(4))
        var arguments = ["extract", "--quiet", "--emit", "all", "--doc", name]
        let dateFile = Self.folder.appendingPathComponent(name + ".date")
        if let line = try? String(contentsOf: dateFile, encoding: .utf8), let date = line.split(separator: " ").last {
            arguments += ["--date", date.trimmingCharacters(in: .whitespacesAndNewlines)]
        }
        arguments.append("Tests/Golden/" + article)
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected.jsonl"), encoding: .utf8)
        let got = String(decoding: result.stdout, as: UTF8.self)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(expectedLines.count, gotLines.count)).first { expectedLines[$0] != gotLines[$0] } ?? min(expectedLines.count, gotLines.count)
        #expect(got == expected, """
            \(article): the output changed from line \(firstDifference + 1) \
            (expected \(expectedLines.count - 1) records, got \(gotLines.count - 1)). \
            If the change is meant, run Scripts/update-golden and review git diff Tests/Golden.
            """)
    }
}
