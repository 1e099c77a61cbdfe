import Foundation
@_spi(Stages) import Gazette
import GazetteBatch

/// The progress line on standard error (documents, MB, MB/s, ETA when the input's size is
/// known) and the run's summary.
final class ProgressMeter {
    let enabled: Bool
    /// On a terminal the line is rewritten in place; elsewhere each update is a line.
    let live: Bool
    let reader: InputReader
    let started = Date()
    private var shown = false

    init(enabled: Bool, live: Bool, reader: InputReader) {
        self.enabled = enabled
        self.live = live
        self.reader = reader
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    func show(_ summary: BatchRunner.Summary) {
        guard enabled else { return }
        let seconds = max(elapsed, 0.001)
        let mb = Double(summary.textBytes) / 1e6
        var line = "\(Self.counted(summary.documentsRead, "document")), \(String(format: "%.1f", mb)) MB, \(String(format: "%.1f", mb / seconds)) MB/s"
        if summary.documentsFailed > 0 { line += ", \(Self.grouped(summary.documentsFailed)) failed" }
        if let total = reader.totalBytes, total > 0, reader.bytesRead > 0 {
            let fraction = min(1, Double(reader.bytesRead) / Double(total))
            let left = seconds / fraction * (1 - fraction)
            line += String(format: ", %.0f%%, ETA %d:%02d", fraction * 100, Int(left) / 60, Int(left) % 60)
        }
        FileHandle.standardError.write(Data((live ? "\r\u{1B}[K" : "") .utf8 + Array("gazette: \(line)".utf8) + (live ? [] : [0x0A])))
        shown = live
    }

    /// Clears a live line before other output on standard error.
    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }

    static func summaryLine(_ s: BatchRunner.Summary, elapsed: Double) -> String {
        var line = "\(counted(s.documentsRead, "document")) read, \(grouped(s.documentsExtracted)) extracted, \(grouped(s.documentsFailed)) failed; "
        line += "\(counted(s.recordsWritten, "record")) written; \(String(format: "%.1f", elapsed)) s"
        if s.stopped { line += "; stopped at the first failure (--strict)" }
        return line
    }

    static func summaryJSON(_ s: BatchRunner.Summary, elapsed: Double, inputBytes: Int, jobs: Int) -> String {
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.key("documents_read"); json.int(s.documentsRead)
        json.key("documents_extracted"); json.int(s.documentsExtracted)
        json.key("documents_failed"); json.int(s.documentsFailed)
        json.key("records_written"); json.int(s.recordsWritten)
        json.key("input_bytes"); json.int(inputBytes)
        json.key("text_bytes"); json.int(s.textBytes)
        json.key("elapsed_seconds"); json.raw(Array(String(format: "%.3f", elapsed).utf8))
        json.key("jobs"); json.int(jobs)
        json.key("stopped"); json.raw(Array((s.stopped ? "true" : "false").utf8))
        json.endObject()
        json.newline()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// "1 document", "12,345 documents".
    static func counted(_ n: Int, _ noun: String) -> String { "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// 12345 as "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
