import Foundation

/// Runs the built `gazette` executable, as a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var lines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// The `gazette` binary built beside the test bundle (GAZETTE_BIN overrides).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gazette")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        fatalError("cannot find the gazette executable beside the tests; set GAZETTE_BIN")
    }()

    /// The project's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        let errURL = testScratch.appendingPathComponent("gazette-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errURL)
        return Result(status: process.terminationStatus, stdout: data, stderr: stderr)
    }

    /// A new temporary file holding `bytes`.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".txt") throws -> URL {
        let url = testScratch.appendingPathComponent("gazette-test-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}

func jsonObjects(_ result: CLI.Result) throws -> [[String: Any]] {
    try result.lines.map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}

/// A folder of this test process's own for its temporary files, removed when the process exits,
/// so that a run leaves nothing behind in the system's temporary folder even where a test does
/// not remove what it made (or fails before it can).
let testScratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: testScratch) }
    return url
}()
