@_spi(Stages) import Gazette
import CZlib
import Foundation

/// One unit of input, in input order: a whole text file, a line of a JSON Lines file, or a
/// problem that stands for one or more documents that cannot be read.
public struct InputItem: Sendable {
    /// What an item is: a document, or a failure standing for one.
    public enum Kind: Sendable, Equatable {
        /// A text file: one document.
        case text
        /// A line of a JSON Lines file: one document (blank lines are not items).
        case jsonLine
        /// An input that cannot be read (a missing file, a truncated gzip stream): one failed
        /// document, with why.
        case failure(DocumentFailure)
    }
    /// What the item is.
    public var kind: Kind
    /// The item's bytes, decompressed: a text file's whole content, or a JSON line without its
    /// line break; empty for a failure.
    public var bytes: [UInt8]
    /// The input's name as given ("<stdin>" for standard input); a file found in a folder is
    /// named by the folder as given and its path below it ("dump/2025/a.jsonl").
    public var file: String
    /// For a JSON line, its 1-based line number; 0 for a whole file.
    public var line: Int

    /// `file:line`, or `file` for a whole file.
    public var place: String { line > 0 ? "\(file):\(line)" : file }
}

/// How inputs are read.
public struct InputOptions: Sendable {
    /// How an input's content is read: one text document, or JSON Lines.
    public enum Format: String, Sendable, CaseIterable {
        /// JSON Lines for names ending in .jsonl or .ndjson (before .gz), else text; on standard
        /// input, JSON Lines when the first line is a JSON object.
        case auto
        /// Every input is one text document.
        case text
        /// Every input is JSON Lines: one document per line that is not blank.
        case jsonl
    }
    /// How inputs are read: `auto` unless set.
    public var format: Format = .auto

    /// Options that read inputs as `format` says.
    public init(format: Format = .auto) { self.format = format }
}

/// Reads files, folders (recursively, in name order, leaving out names that start with ".") and
/// standard input, plain or gzip'd (detected by their first bytes), as a stream of `InputItem`s.
/// Memory is bounded by the longest line or text file, not by an input's size: JSON Lines are
/// read a chunk at a time and split at newlines.
public final class InputReader {
    static let chunkSize = 1 << 20

    private var pending: [(path: String, name: String)]
    private let options: InputOptions
    private var source: ByteSource?
    private var sourceName = ""
    private var sourceIsJSONL = false
    private var lineNumber = 0
    /// Decoded bytes not yet handed out, from `bufferStart`.
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var queued: [InputItem] = []

    /// The bytes read from the inputs so far, as stored (compressed, for a gzip'd input): for
    /// progress.
    public private(set) var bytesRead = 0
    /// The size in bytes of all the files to read, as stored, when the reader was made; nil
    /// when standard input is among them.
    public private(set) var totalBytes: Int?

    /// - Parameter paths: files, folders, or "-" for standard input; none means standard input.
    public init(paths: [String], options: InputOptions) {
        self.options = options
        var list: [(String, String)] = []
        var total: Int? = 0
        var problems: [InputItem] = []
        for path in paths.isEmpty ? ["-"] : paths {
            if path == "-" {
                list.append(("-", "<stdin>"))
                total = nil
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let files = Self.files(under: path)
                if files.isEmpty { problems.append(InputItem(kind: .failure(.emptyFolder), bytes: [], file: path, line: 0)) }
                for file in files {
                    list.append((file, file))
                    total = total.map { $0 + Self.size(of: file) }
                }
            } else {
                list.append((path, path))
                total = total.map { $0 + Self.size(of: path) }
            }
        }
        pending = list
        totalBytes = total
        queued = problems
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Regular files below `folder`, in name order, leaving out hidden ones.
    public static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// The next item, or nil at the end of all inputs.
    public func next() -> InputItem? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if source == nil {
                guard !pending.isEmpty else { return nil }
                let (path, name) = pending.removeFirst()
                open(path: path, name: name)
                continue
            }
            if sourceIsJSONL {
                if let item = nextLine() { return item }
            } else {
                if let item = wholeText() { return item }
            }
        }
    }

    private func open(path: String, name: String) {
        sourceName = name
        lineNumber = 0
        buffer.removeAll(keepingCapacity: true)
        bufferStart = 0
        do {
            let raw = try FileSource(path: path, name: name)
            raw.onRead = { [weak self] n in self?.bytesRead += n }
            // Sniff: gzip by its magic bytes; JSON Lines by name, or on standard input by a
            // first line that opens an object.
            let head = try raw.peek(2)
            let gzip = head.count == 2 && head[0] == 0x1F && head[1] == 0x8B
            var stripped = name
            if gzip && stripped.hasSuffix(".gz") { stripped.removeLast(3) }
            var jsonl: Bool
            switch options.format {
            case .text: jsonl = false
            case .jsonl: jsonl = true
            case .auto: jsonl = stripped.hasSuffix(".jsonl") || stripped.hasSuffix(".ndjson")
            }
            source = gzip ? GzipSource(raw) : raw
            if options.format == .auto && path == "-" && !jsonl {
                jsonl = try sniffJSONObject()
            }
            sourceIsJSONL = jsonl
        } catch {
            source = nil
            queued.append(InputItem(kind: .failure(Self.failure(error)), bytes: [], file: name, line: 0))
        }
    }

    /// Whether the first non-blank byte on standard input opens a JSON object (reading what it
    /// needs into the buffer).
    private func sniffJSONObject() throws -> Bool {
        while true {
            if let first = buffer[bufferStart...].first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                return first == UInt8(ascii: "{")
            }
            guard try fill() else { return false }
        }
    }

    /// Reads more decoded bytes into the buffer; false at the end of the source.
    private func fill() throws -> Bool {
        guard let source else { return false }
        if bufferStart > 0 && bufferStart >= buffer.count / 2 {
            buffer.removeSubrange(0..<bufferStart)
            bufferStart = 0
        }
        return try source.read(into: &buffer, upTo: Self.chunkSize)
    }

    private func closeSource() {
        source = nil
        buffer.removeAll(keepingCapacity: true)
        bufferStart = 0
    }

    /// The next non-blank line of the current JSON Lines source, or nil when it ends.
    private func nextLine() -> InputItem? {
        // How far past bufferStart the buffer has been searched for a newline.
        var scanned = 0
        while true {
            let newline = buffer.withUnsafeBufferPointer { b -> Int? in
                let from = bufferStart + scanned
                guard from < b.count else { return nil }
                let found = memchr(b.baseAddress! + from, 0x0A, b.count - from)
                return found.map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
            }
            if let newline {
                lineNumber += 1
                var end = newline
                if end > bufferStart && buffer[end - 1] == 0x0D { end -= 1 }
                let blank = buffer[bufferStart..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                let line = blank ? [] : Array(buffer[bufferStart..<end])
                bufferStart = newline + 1
                scanned = 0
                if blank { continue }
                return InputItem(kind: .jsonLine, bytes: line, file: sourceName, line: lineNumber)
            }
            scanned = buffer.count - bufferStart
            let more: Bool
            do {
                more = try fill()
            } catch {
                // The stream breaks off: what was read of the last line is lost with it.
                let partial = bufferStart < buffer.count
                closeSource()
                let failure = Self.failure(error)
                return InputItem(kind: .failure(partial ? .lineIncomplete(failure, line: lineNumber + 1) : failure),
                                 bytes: [], file: sourceName, line: 0)
            }
            if more { continue }
            // The end of the source: a last line without a newline.
            defer { closeSource() }
            guard bufferStart < buffer.count else { return nil }
            lineNumber += 1
            var line = Array(buffer[bufferStart...])
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
            return InputItem(kind: .jsonLine, bytes: line, file: sourceName, line: lineNumber)
        }
    }

    /// The whole current source as one text document.
    private func wholeText() -> InputItem? {
        do {
            while try fill() {
                if buffer.count - bufferStart > Tokenizer.maximumDocumentSize {
                    closeSource()
                    return InputItem(kind: .failure(.tooLarge(limit: Tokenizer.maximumDocumentSize)),
                                     bytes: [], file: sourceName, line: 0)
                }
            }
        } catch {
            closeSource()
            return InputItem(kind: .failure(Self.failure(error)), bytes: [], file: sourceName, line: 0)
        }
        let text = bufferStart == 0 ? buffer : Array(buffer[bufferStart...])
        closeSource()
        return InputItem(kind: .text, bytes: text, file: sourceName, line: 0)
    }
}

extension InputReader {
    /// A thrown error as a failure: the sources throw `DocumentFailure`; anything else is kept
    /// as its description.
    static func failure(_ error: any Error) -> DocumentFailure {
        (error as? DocumentFailure) ?? .pipeline(String(describing: error))
    }
}

/// A source of bytes: a file or standard input, or a gzip stream over one.
protocol ByteSource: AnyObject {
    /// Appends up to `count` more bytes to `buffer`; false at the end.
    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Bool
}

/// A file or standard input, read with POSIX calls.
final class FileSource: ByteSource {
    let fd: Int32
    let name: String
    var onRead: ((Int) -> Void)?
    private var peeked: [UInt8] = []

    init(path: String, name: String) throws {
        if path == "-" {
            fd = 0
        } else {
            fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw DocumentFailure.cannotOpen(reason: systemReason(errno)) }
        }
        self.name = name
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DocumentFailure.cannotOpen(reason: systemReason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DocumentFailure.isDirectory }
    }

    deinit { if fd != 0 { close(fd) } }

    /// The first `count` bytes, which later reads still return.
    func peek(_ count: Int) throws -> [UInt8] {
        while peeked.count < count {
            var more: [UInt8] = []
            guard try rawRead(into: &more, upTo: count - peeked.count) else { break }
            peeked += more
        }
        return Array(peeked.prefix(count))
    }

    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Bool {
        if !peeked.isEmpty {
            buffer += peeked
            peeked = []
            return true
        }
        return try rawRead(into: &buffer, upTo: count)
    }

    private func rawRead(into buffer: inout [UInt8], upTo count: Int) throws -> Bool {
        let start = buffer.count
        buffer.reserveCapacity(start + count)
        buffer.append(contentsOf: repeatElement(0, count: count))
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + start, count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.removeSubrange(start...)
                throw DocumentFailure.cannotRead(reason: systemReason(code))
            }
            buffer.removeSubrange((start + n)...)
            onRead?(n)
            return n > 0
        }
    }
}

/// A gzip stream (one member or several, as `cat a.gz b.gz` makes) over another source, inflated
/// by the system zlib. zlib checks each member's header and its CRC-32 and size trailer, and says
/// where a member ends (`Z_STREAM_END`); the next bytes must then open another member. Bytes a
/// call inflated before a damaged trailer are handed out first, and the damage is reported on the
/// next call, so every complete line before it is read.
final class GzipSource: ByteSource {
    let inner: ByteSource
    /// zlib's state, at one address for the stream's life (zlib checks that each call passes the
    /// stream it opened, by address).
    private let stream: UnsafeMutablePointer<z_stream>
    private var opened = false
    /// The compressed bytes read from `inner` and not yet inflated: `input[inputOffset...]`.
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var compressedRead = 0
    private var innerEnded = false
    /// The current member's end was seen.
    private var memberEnded = false
    /// A failure found after the bytes a call handed out, reported on the next call.
    private var pending: DocumentFailure?

    init(_ inner: ByteSource) {
        self.inner = inner
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    deinit {
        if opened { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Bool {
        if let pending { throw pending }
        if !opened {
            guard czlib_inflate_init_gzip(stream) == Z_OK else { throw DocumentFailure.gzipSetup }
            opened = true
        }
        while true {
            if inputOffset == input.count && !innerEnded {
                input.removeAll(keepingCapacity: true)
                inputOffset = 0
                if try inner.read(into: &input, upTo: 1 << 18) { compressedRead += input.count } else { innerEnded = true }
            }
            if inputOffset == input.count && innerEnded {
                // The end of the compressed bytes: the member must have ended with them.
                if memberEnded || compressedRead == 0 { return false }
                throw DocumentFailure.truncatedGzip(compressedBytes: compressedRead)
            }
            if memberEnded {
                // Another member follows ("cat a.gz b.gz"), or trailing bytes that are not one.
                guard input.count - inputOffset < 2 || (input[inputOffset] == 0x1F && input[inputOffset + 1] == 0x8B) else {
                    throw DocumentFailure.notGzipAfterEnd
                }
                inflateReset(stream)
                memberEnded = false
            }
            let room = max(count, 1 << 16)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: room))
            let available = input.count - inputOffset
            var status: Int32 = Z_OK
            var consumed = 0, produced = 0
            input.withUnsafeMutableBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    stream.pointee.next_in = source.baseAddress! + inputOffset
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = target.baseAddress! + start
                    stream.pointee.avail_out = UInt32(room)
                    status = inflate(stream, Z_NO_FLUSH)
                    consumed = available - Int(stream.pointee.avail_in)
                    produced = room - Int(stream.pointee.avail_out)
                    // (zlib keeps no pointer into either buffer between calls.)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                }
            }
            buffer.removeSubrange((start + produced)...)
            inputOffset += consumed
            var failure: DocumentFailure?
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break  // more input (or more room) needed
            case Z_DATA_ERROR: failure = .corruptGzip(afterCompressedBytes: compressedRead - (input.count - inputOffset))
            case Z_MEM_ERROR: failure = .gzip("out of memory")
            default: failure = .gzip(stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
            if let failure {
                guard produced > 0 else { throw failure }
                pending = failure
            }
            if produced > 0 { return true }
        }
    }
}
