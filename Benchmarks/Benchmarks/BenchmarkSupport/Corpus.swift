import Foundation

/// Speeches from the UNGDC corpus (`../shared/data/corpus/` beside the project), read once.
public enum Corpus {
    /// How many megabytes of text to take from the start of the corpus (GAZETTE_BENCH_MB, default 16).
    public static let megabytes = Int(ProcessInfo.processInfo.environment["GAZETTE_BENCH_MB"] ?? "") ?? 16

    public static let path: String = {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_CORPUS"] { return path }
        // Benchmarks/Benchmarks/BenchmarkSupport/Corpus.swift -> project root -> ../shared
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/data/corpus/ungdc-1946-2024.jsonl.gz").path
    }()

    /// The texts of the first documents of the corpus, `megabytes` in all, as UTF-8 bytes.
    public static let documents: [[UInt8]] = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Take a little more than needed; the last, cut line is dropped below.
        process.arguments = ["-c", "gzip -dc \"$0\" | head -c \(megabytes * 1_100_000)", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { fatalError("cannot run gzip on \(path): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var texts: [[UInt8]] = []
        var total = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard total < megabytes * 1_000_000,
                  let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String
            else { continue }
            texts.append(Array(text.utf8))
            total += texts.last!.count
        }
        precondition(!texts.isEmpty, "no documents read from \(path)")
        return texts
    }()

    public static let byteCount = documents.reduce(0) { $0 + $1.count }
}
