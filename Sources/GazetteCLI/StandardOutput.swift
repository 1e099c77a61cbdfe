import Foundation
@_spi(Stages) import Gazette

/// Buffered writes to file descriptor 1 that stop quietly when the reader has gone away.
struct StandardOutput {
    /// Standard output was closed by its reader (EPIPE): the run ends quietly with exit code 0.
    struct Closed: Error {}

    /// How much output is gathered before it is written.
    static let flushSize = 1 << 16

    /// Writes out and empties `json` once it holds `flushSize` bytes or more.
    static func flushIfFull(_ json: inout JSONWriter) throws {
        if json.bytes.count >= flushSize {
            try write(json.bytes)
            json.reset()
        }
    }

    /// Writes all of `bytes` to standard output.
    static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw Closed() }
                    throw InputFailure(message: "cannot write to standard output: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }
}
