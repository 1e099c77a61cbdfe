import Foundation

/// The bytes of the file at `path`, read whole, or a diagnostic saying why not: "no such file",
/// `folder` for a folder, else "cannot read the file: " and the system's reason ("permission
/// denied"). Every loader of a file the user names (lexicons, rules, fixtures, gold, meta, the
/// documents `gazette eval` scores) reads through it. It reads to the end of what the file gives,
/// so a pipe (`--rules <(generate-rules)`) reads as a file does.
/// - Parameter folder: what a folder at `path` is told ("is a directory, not a rule file").
package func readFile(_ path: String, folder: String = "is a folder, not a file") throws(DiagnosticList) -> [UInt8] {
    func failure(_ message: String) -> DiagnosticList { DiagnosticList([Diagnostic(file: path, line: 0, message: message)]) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        let code = errno
        throw failure(code == ENOENT ? "no such file" : code == EISDIR ? folder : "cannot read the file: \(systemReason(code))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure("cannot read the file: \(systemReason(errno))") }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(folder) }
    // A regular file's size is a first guess; a pipe's is none. Reads go on to the end.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
        if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16))) }
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw failure("cannot read the file: \(systemReason(errno))")
        }
        if n == 0 { break }
        count += n
    }
    bytes.removeSubrange(count...)
    return bytes
}

/// The system's words for error `code` ("No such file or directory"), in lower case as a clause:
/// what every file reader of the project (this one, the batch reader's, the CLI's) says after a
/// file's name.
package func systemReason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}
