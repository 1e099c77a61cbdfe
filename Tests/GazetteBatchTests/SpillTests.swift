import Foundation
import Gazette
import GazetteBatch
import Testing

/// A document with many records (or kept fields copied into each) is written out as it goes,
/// not held whole: the records a worker holds are handed over once its batch is the next to
/// write, and the output is the same, byte for byte, whatever the threads.
@Suite("Records written as they are made")
struct SpillTests {
    /// Runs `lines` through the default pipeline with `jobs` threads and records spilled past
    /// `spillBytes`; the output and the size of each write.
    func run(_ lines: [String], jobs: Int, spillBytes: Int, keep: [String] = []) throws -> (output: [UInt8], writes: [Int], summary: BatchRunner.Summary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dump)
        var options = BatchRunner.Options()
        options.jobs = jobs
        options.spillBytes = spillBytes
        options.batchDocuments = 2
        options.document.emit = .all
        options.document.keepFields = keep
        var output: [UInt8] = [], writes: [Int] = []
        let summary = try BatchRunner(pipeline: try Pipeline.load(), options: options)
            .run(InputReader(paths: [dump.path], options: InputOptions()), write: { output += $0; writes.append($0.count) }, report: { _ in })
        return (output, writes, summary)
    }

    func lines() -> [String] {
        let sentence = "Japanese Foreign Minister Takeshi Iwaya met Enrique Manalo in Manila on Tuesday, 27 May 2025. "
        return (0..<7).map { i in
            let text = String(repeating: sentence, count: i == 3 ? 400 : 3)
            return #"{"id":"d\#(i)","text":"\#(text)","date":"2025-05-29"}"#
        }
    }

    @Test func spilledRecordsAreTheSameBytesInTheSameOrder() throws {
        let whole = try run(lines(), jobs: 1, spillBytes: Int.max)
        #expect(whole.summary.documentsExtracted == 7)
        #expect(whole.output.count > 200_000)
        for jobs in [1, 3] {
            let spilled = try run(lines(), jobs: jobs, spillBytes: 4096)
            #expect(spilled.output == whole.output, "jobs \(jobs)")
            #expect(spilled.summary == whole.summary)
            // The long document's records came out in many writes, none past the limit by more
            // than the record that crossed it.
            let longestRecord = whole.output.split(separator: 0x0A).map(\.count).max()! + 1
            #expect(spilled.writes.count > 20)
            #expect(spilled.writes.allSatisfy { $0 < 4096 + longestRecord })
        }
    }

    /// Kept fields are copied into each record; spilling bounds what is held at once.
    @Test func keptFieldsAreWrittenAsTheyGo() throws {
        let whole = try run(lines(), jobs: 2, spillBytes: Int.max, keep: ["text"])
        let spilled = try run(lines(), jobs: 2, spillBytes: 1 << 16, keep: ["text"])
        #expect(spilled.output == whole.output)
        #expect(whole.writes.max()! > 4 << 20)
        #expect(spilled.writes.max()! < 1 << 17)
    }
}
