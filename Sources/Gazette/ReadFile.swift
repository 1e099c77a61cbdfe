import Foundation

/// The bytes of the file at `path`, read whole, or a diagnostic saying why not: "no such file",
/// `folder` for a folder, else "cannot read the file". Every loader of a file the user names
/// (lexicons, rules, fixtures, gold, meta, the documents `gazette eval` scores) reads through it.
/// - Parameter folder: what a folder at `path` is told ("is a directory, not a rule file").
package func readFile(_ path: String, folder: String = "is a folder, not a file") throws(DiagnosticList) -> [UInt8] {
    func failure(_ message: String) -> DiagnosticList { DiagnosticList([Diagnostic(file: path, line: 0, message: message)]) }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw failure("no such file") }
    guard !isFolder.boolValue else { throw failure(folder) }
    // Through a file handle, so that a pipe ("<(generate-gold)") reads as well as a file.
    guard let handle = FileHandle(forReadingAtPath: path) else { throw failure("cannot read the file") }
    defer { try? handle.close() }
    do {
        // Nil at once for an empty file.
        return try handle.readToEnd().map { [UInt8]($0) } ?? []
    } catch {
        throw failure("cannot read the file")
    }
}
