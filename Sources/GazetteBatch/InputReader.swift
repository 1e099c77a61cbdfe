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
    /// The most bytes one document may have, a text input or a JSON Lines line (its JSON, before
    /// the text field is decoded): a longer one is reported as a failed document and skipped,
    /// and no more than this (and one read's chunk) is held for it. At most
    /// `Tokenizer.maximumDocumentSize`.
    public var maximumDocumentBytes = InputOptions.defaultMaximumDocumentBytes

    /// The default largest document: 256 MiB.
    public static let defaultMaximumDocumentBytes = 256 << 20

    /// Options that read inputs as `format` says.
    public init(format: Format = .auto, maximumDocumentBytes: Int = InputOptions.defaultMaximumDocumentBytes) {
        self.format = format
        self.maximumDocumentBytes = min(max(1, maximumDocumentBytes), Tokenizer.maximumDocumentSize)
    }
}

/// Reads files, folders (recursively, in name order, leaving out names that start with ".") and
/// standard input, plain or gzip'd (detected by their first bytes), as a stream of `InputItem`s.
/// Memory is bounded by the longest line or text file (and `InputOptions.maximumDocumentBytes`),
/// not by an input's size: JSON Lines are read a chunk at a time and split at newlines. In a
/// folder, only regular files are read; anything else there (a FIFO, a device) and a subfolder
/// that cannot be read are reported as failed inputs.
public final class InputReader {
    static let chunkSize = 1 << 20

    private var pending: [(path: String, name: String)]
    private let options: InputOptions
    private var source: ByteSource?
    private var sourceName = ""
    private var sourceIsJSONL = false
    private var lineNumber = 0
    /// Skipping the rest of a line over the size limit, up to its newline.
    private var skippingLine = false
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
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                let (files, skipped) = Self.walk(path)
                for (place, failure) in skipped { problems.append(InputItem(kind: .failure(failure), bytes: [], file: place, line: 0)) }
                if files.isEmpty && skipped.isEmpty { problems.append(InputItem(kind: .failure(.emptyFolder), bytes: [], file: path, line: 0)) }
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
    public static func files(under folder: String) -> [String] { walk(folder).files }

    /// Regular files below `folder` (following links, each folder once), in path order, leaving
    /// out names that start with "."; and, in path order, what was not read: a folder that
    /// cannot be opened (the system's reason), an entry whose status cannot be read, anything
    /// that is not a regular file or a folder (a FIFO would block the run, a device never ends).
    public static func walk(_ folder: String) -> (files: [String], skipped: [(path: String, failure: DocumentFailure)]) {
        var files: [String] = [], skipped: [(path: String, failure: DocumentFailure)] = []
        var seen = Set<[UInt64]>()
        func visit(_ dir: String) {
            guard let handle = opendir(dir) else {
                skipped.append((dir, .cannotOpen(reason: systemReason(errno))))
                return
            }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(handle)
            for name in names {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else {
                    skipped.append((path, .cannotOpen(reason: systemReason(errno))))
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG: files.append(path)
                case S_IFDIR: if seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted { visit(path) }
                case S_IFIFO: skipped.append((path, .notRegularFile(kind: "a FIFO")))
                case S_IFCHR: skipped.append((path, .notRegularFile(kind: "a character device")))
                case S_IFBLK: skipped.append((path, .notRegularFile(kind: "a block device")))
                case S_IFSOCK: skipped.append((path, .notRegularFile(kind: "a socket")))
                default: skipped.append((path, .notRegularFile(kind: "not a file")))
                }
            }
        }
        var info = stat()
        if stat(folder, &info) == 0 { seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]) }
        visit(folder)
        return (files.sorted(), skipped.sorted { $0.path < $1.path })
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
        while buffer.count < 3, try fill() {}
        skipByteOrderMark()
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

    /// A UTF-8 byte order mark opening the source (as editors on Windows write): not part of
    /// the first line.
    private func skipByteOrderMark() {
        if lineNumber == 0 && bufferStart == 0 && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            bufferStart = 3
        }
    }

    /// The next non-blank line of the current JSON Lines source, or nil when it ends. A line
    /// over `maximumDocumentBytes` is a failure of its own, and its bytes are passed over (not
    /// kept) up to its newline.
    private func nextLine() -> InputItem? {
        // How far past bufferStart the buffer has been searched for a newline.
        var scanned = 0
        let limit = options.maximumDocumentBytes
        while true {
            let newline = buffer.withUnsafeBufferPointer { b -> Int? in
                let from = bufferStart + scanned
                guard from < b.count else { return nil }
                let found = memchr(b.baseAddress! + from, 0x0A, b.count - from)
                return found.map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
            }
            if let newline, skippingLine {
                bufferStart = newline + 1
                scanned = 0
                skippingLine = false
                continue
            }
            if let newline {
                skipByteOrderMark()
                lineNumber += 1
                var end = newline
                if end > bufferStart && buffer[end - 1] == 0x0D { end -= 1 }
                if end - bufferStart > limit {
                    bufferStart = newline + 1
                    scanned = 0
                    return tooLarge(line: lineNumber)
                }
                let blank = buffer[bufferStart..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                let line = blank ? [] : Array(buffer[bufferStart..<end])
                bufferStart = newline + 1
                scanned = 0
                if blank { continue }
                return InputItem(kind: .jsonLine, bytes: line, file: sourceName, line: lineNumber)
            }
            if skippingLine {
                bufferStart = buffer.count
                scanned = 0
            } else if buffer.count - bufferStart > limit {
                // Over the limit with no newline yet: the line is lost; its rest is passed over.
                lineNumber += 1
                bufferStart = buffer.count
                scanned = 0
                skippingLine = true
                return tooLarge(line: lineNumber)
            } else {
                scanned = buffer.count - bufferStart
            }
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
            skipByteOrderMark()
            guard bufferStart < buffer.count, !skippingLine else { return nil }
            lineNumber += 1
            var line = Array(buffer[bufferStart...])
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
            if line.count > limit { return tooLarge(line: lineNumber) }
            return InputItem(kind: .jsonLine, bytes: line, file: sourceName, line: lineNumber)
        }
    }

    /// The failure of a document over `maximumDocumentBytes`: line `line` of the current source
    /// (0: the whole source, a text document).
    private func tooLarge(line: Int) -> InputItem {
        InputItem(kind: .failure(.tooLarge(limit: options.maximumDocumentBytes)), bytes: [], file: sourceName, line: line)
    }

    /// The whole current source as one text document.
    private func wholeText() -> InputItem? {
        do {
            while try fill() {
                if buffer.count - bufferStart > options.maximumDocumentBytes {
                    closeSource()
                    return tooLarge(line: 0)
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
package protocol ByteSource: AnyObject {
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
        // (Appending grows the buffer geometrically; reserving exactly the next chunk would copy
        // the whole buffer on every read of a long line.)
        let start = buffer.count
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
package final class GzipSource: ByteSource {
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

    package init(_ inner: ByteSource) {
        self.inner = inner
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    deinit {
        if opened { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    package func read(into buffer: inout [UInt8], upTo count: Int) throws -> Bool {
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
