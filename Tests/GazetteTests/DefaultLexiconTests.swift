import Foundation
import Testing
@_spi(Stages) import Gazette

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

    /// Labels are the word news shortens a name to: the family name first for Chinese and
    /// Korean leaders, the surname without its Arabic article, never a name's last word that a
    /// Western order would give.
    @Test func labelsAreTheShortNamesNewsUses() throws {
        let people = Dictionary(try DefaultLexicons.entries().filter { $0.type == "person" }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(people["Xi Jinping"]?.label == "Xi")
        #expect(people["Moon Jae-in"]?.label == "Moon")
        #expect(people["Sabah Al-Khalid Al-Sabah"]?.label == "Sabah")
        #expect(people["Hani al-Mulki"]?.label == "Mulki")
        #expect(people["Shigeru Ishiba"]?.label == "Ishiba")
        // Officials listed by name only carry their country; no "Kim Un" short form is made.
        #expect(people["Ayman al-Safadi"]?.country == "JOR")
        #expect(people.values.allSatisfy { !$0.aliases.contains { $0.text == "Kim Un" } })
    }

    /// A person is one entry however the sources spell them: a General Debate speaker written
    /// with a middle name is the curated or Wikidata entry of the same first and last name, and
    /// the years a minister spoke join into one term.
    @Test func onePersonOneEntry() throws {
        let people = try DefaultLexicons.entries().filter { $0.type == "person" }
        for name in ["Madeleine Albright", "Sergey Lavrov", "Retno Marsudi", "Mike Pompeo", "Hillary Clinton"] {
            let holders = people.filter { $0.name == name || $0.aliases.contains { $0.text == name } }
            #expect(holders.count == 1, "\(name): \(holders.map(\.id))")
        }
        let straw = try #require(people.first { $0.name == "Jack Straw" })
        #expect(straw.roles.contains { $0.country == "GBR" && $0.start == day("2001") && $0.end == day("2005") }, "\(straw.roles)")
    }

    /// A Korean or Chinese given name joined by a hyphen is written as two words as often: both
    /// spellings find the one entry, and its surname then refers to it ("Yoon Suk Yeol ... Yoon
    /// said"). A Thai surname with a hyphen gets no such alias.
    @Test func hyphenatedGivenNamesAlsoSpaced() throws {
        let people = try DefaultLexicons.entries().filter { $0.type == "person" }
        for (name, spaced) in [("Moon Jae-in", "Moon Jae In"), ("Yoon Suk-yeol", "Yoon Suk Yeol"), ("Tsai Ing-wen", "Tsai Ing Wen")] {
            let entry = try #require(people.first { $0.name == name }, "\(name)")
            #expect(entry.aliases.contains { $0.text == spaced }, "\(name): \(entry.aliases.map(\.text))")
        }
        let prayut = try #require(people.first { $0.name == "Prayut Chan-ocha" })
        #expect(!prayut.aliases.contains { $0.text == "Prayut Chan Ocha" })
        let pipeline = try Pipeline.load(lexiconPaths: [])
        let worker = try pipeline.makeWorker()
        let bytes = Array("President Yoon Suk Yeol met reporters in Seoul. Yoon said the talks went well.".utf8)
        let extraction = try bytes.withUnsafeBufferPointer { try worker.entities(in: $0) }
        let people2 = Set(extraction.mentions.compactMap { $0.entity }.filter { extraction.entities[$0].type == "person" })
        #expect(people2.count == 1 && people2.allSatisfy { extraction.entities[$0].name == "Yoon Suk-yeol" },
                "\(people2.map { extraction.entities[$0].name })")
    }

    /// "Al" is the given name of a lexicon person ("Al Gore") and as often the article of an
    /// Arabic surname: "Al-Sisi" is the Egyptian president, not a new person named Al.
    @Test func alIsNoGivenNameCue() throws {
        let pipeline = try Pipeline.load(lexiconPaths: [])
        let worker = try pipeline.makeWorker()
        let text = "Egyptian President Abdel Fattah el-Sisi received Kenyan President William Ruto in Cairo. Al-Sisi opened the meeting. Al Gore spoke later."
        let bytes = Array(text.utf8)
        let extraction = try bytes.withUnsafeBufferPointer { try worker.entities(in: $0) }
        let names = Set(extraction.mentions.compactMap { $0.entity.map { extraction.entities[$0].name } })
        #expect(!names.contains("Al-Sisi"), "\(names)")
        #expect(names.contains("Al Gore"), "\(names)")
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

    @Test func everyGoldEntityIsFoundAndChinaIsNot() throws {
        let pipeline = try Pipeline.load(lexiconPaths: [])
        let worker = try pipeline.makeWorker()
        let bytes = [UInt8](try Data(contentsOf: sharedFolder.appendingPathComponent("samples/seed-article.txt")))
        let extraction = try bytes.withUnsafeBufferPointer { try worker.entities(in: $0) }
        let mentions = extraction.mentions
        let found = Set(mentions.compactMap { $0.entity.map { "\(extraction.entities[$0].type):\(extraction.entities[$0].name)" } })
        let gold = try String(contentsOf: sharedFolder.appendingPathComponent("samples/seed-article.gold.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(GoldLine.self, from: Data($0.utf8)) }
        let expected = gold.filter { $0.kind == "entity" }
        #expect(expected.count == 16)
        for line in expected {
            #expect(found.contains("\(line.type ?? ""):\(line.name ?? "")"), "\(line.type ?? "") \(line.name ?? "") not found")
        }
        for line in gold where line.kind == "not_entity" {
            let texts = mentions.map { String(decoding: bytes[$0.byteStart..<$0.byteEnd], as: UTF8.self) }
            #expect(!texts.contains(line.text ?? ""), "\(line.text ?? "") must not be tagged")
        }
        // Every mention is resolved: nothing in this article is ambiguous.
        #expect(mentions.allSatisfy { $0.entity != nil })
        // Offices from the titles, with their countries.
        func person(_ name: String) -> DocumentEntity? { extraction.entities.first { $0.name == name } }
        #expect(person("Enrique Manalo")?.office == "Secretary of Foreign Affairs")
        #expect(person("Enrique Manalo")?.country == "PHL")
        #expect(person("Takeshi Iwaya")?.office == "Minister for Foreign Affairs")
        #expect(person("Takeshi Iwaya")?.country == "JPN")
        #expect(person("Ferdinand Marcos Jr.")?.office == "President")
        #expect(person("Ferdinand Marcos Jr.")?.label == "Marcos")
        #expect(person("Shigeru Ishiba")?.office == "Prime Minister")
    }
}
