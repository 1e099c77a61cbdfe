// Prints the triples of every text file in a folder, one line each, with their dates:
//
//     folder-triples <folder>
//
// Each NAME.txt is a document; a NAME.date file beside it, if any, gives its date ("2025-07-05",
// or "date: 2025-07-05"), against which "on Tuesday" resolves. Files are read in name order.
import Foundation
import Gazette

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: folder-triples <folder>\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)

do {
    let pipeline = try Pipeline.load()      // the default lexicons and rules, compiled once
    let worker = try pipeline.makeWorker()  // one per thread
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "txt" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    for file in files {
        let name = file.deletingPathExtension().lastPathComponent
        let text = try String(contentsOf: file, encoding: .utf8)
        // The document's date, when a NAME.date file gives one.
        let dateFile = file.deletingPathExtension().appendingPathExtension("date")
        var date: CalendarDay?
        if let line = try? String(contentsOf: dateFile, encoding: .utf8) {
            var value = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.hasPrefix("date:") { value = String(value.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
            date = CalendarDay.parseDocumentDate(value)
        }
        for triple in try worker.triples(in: text, document: name, date: date) {
            print(name, triple.subject.name, triple.predicate, triple.object.name, triple.date?.value ?? "-", separator: "\t")
        }
    }
} catch {
    FileHandle.standardError.write(Data("folder-triples: \(error)\n".utf8))
    exit(1)
}
