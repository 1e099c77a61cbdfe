import Foundation
import Testing
import Gazette

/// The project's folder, and `../shared` beside it.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedFolder = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

@Suite("Default lexicons")
struct DefaultLexiconTests {
    @Test func embeddedFilesAreTheFilesOfLexicons() throws {
        let folder = projectRoot.appendingPathComponent("Lexicons")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        let embedded = DefaultLexicons.files
        #expect(embedded.map(\.name) == onDisk, "run Scripts/build-lexicons after adding or removing a lexicon file")
        for file in embedded {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file.name)))
            #expect(file.bytes == bytes, "the embedded \(file.name) is not the file: run Scripts/build-lexicons, then build again")
        }
    }

    @Test func parseWithoutDiagnosticsAndUniqueIDs() throws {
        let entries = try DefaultLexicons.entries()
        #expect(entries.count > 250)
        let ids = entries.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyUNMemberHasAnAdjective() throws {
        // ISO 3166-1 entries that the curated table covers carry adjectives; territories may not.
        let countries = try DefaultLexicons.entries().filter { $0.type == "country" }
        let members = ["AFG", "BRA", "CIV", "COD", "DEU", "FSM", "GBR", "JPN", "KOR", "MMR", "PHL", "PRK", "SSD", "TLS", "USA", "ZWE"]
        for code in members {
            let entry = try #require(countries.first { $0.id == "country:\(code)" }, "country:\(code)")
            #expect(entry.aliases.contains { $0.kind == .adjective }, "\(code) has no adjective")
        }
        #expect(countries.count >= 249)
    }
}

@Suite("Seed article entities")
struct SeedArticleEntityTests {
    struct GoldLine: Decodable { var kind: String; var type: String?; var name: String?; var text: String? }

    @Test func countriesOfTheGoldAreFoundAndChinaIsNot() throws {
        let pipeline = try Pipeline.load(lexiconPaths: [])
        let worker = try pipeline.makeWorker()
        let bytes = [UInt8](try Data(contentsOf: sharedFolder.appendingPathComponent("samples/seed-article.txt")))
        let mentions = try bytes.withUnsafeBufferPointer { try worker.entities(in: $0) }
        let found = Set(mentions.compactMap { $0.entry.map { pipeline.lexicon.entries[$0].name } })
        let gold = try String(contentsOf: sharedFolder.appendingPathComponent("samples/seed-article.gold.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(GoldLine.self, from: Data($0.utf8)) }
        for line in gold where line.kind == "entity" && line.type == "country" {
            #expect(found.contains(line.name ?? ""), "\(line.name ?? "") not found")
        }
        for line in gold where line.kind == "not_entity" {
            let texts = mentions.map { String(decoding: bytes[$0.byteStart..<$0.byteEnd], as: UTF8.self) }
            #expect(!texts.contains(line.text ?? ""), "\(line.text ?? "") must not be tagged")
        }
        // Every mention is resolved: no country alias in this article is ambiguous.
        #expect(mentions.allSatisfy { $0.entry != nil })
    }
}
