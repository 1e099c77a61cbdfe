import Foundation
import Gazette

/// Reads a whole input, a file path or `-` for standard input, as bytes, with POSIX calls, so
/// that every failure becomes a message naming the input and the system's reason.
enum InputSource {
    static func read(_ path: String) throws -> (name: String, bytes: [UInt8]) {
        let name = path == "-" ? "<stdin>" : path
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputFailure(message: "\(name): \(systemReason(errno))") }
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputFailure(message: "\(name): \(systemReason(errno))") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputFailure(message: "\(name): is a directory, expected a text file")
        }
        if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > Tokenizer.maximumDocumentSize {
            throw InputFailure(message: "\(name): \(info.st_size) bytes is over the limit of \(Tokenizer.maximumDocumentSize) bytes for one document")
        }
        var bytes: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputFailure(message: "\(name): cannot read: \(systemReason(errno))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > Tokenizer.maximumDocumentSize {
                throw InputFailure(message: "\(name): over the limit of \(Tokenizer.maximumDocumentSize) bytes for one document")
            }
        }
        return (name, bytes)
    }
}
