import Foundation

/// Reads a whole input, a file path or `-` for standard input, as bytes.
enum InputSource {
    static func read(_ path: String) throws -> (name: String, bytes: [UInt8]) {
        if path == "-" {
            return ("<stdin>", [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFailure(message: "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputFailure(message: "\(path): is a directory, expected a text file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputFailure(message: "\(path): cannot open (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            return (path, [UInt8](try handle.readToEnd() ?? Data()))
        } catch {
            throw InputFailure(message: "\(path): cannot read: \(error.localizedDescription)")
        }
    }
}
