/// Why a document of the input is lost, as a value: an input that cannot be read (standing for
/// the documents it held), or a JSON Lines line that is no document. `BatchRunner` reports each
/// with the place it concerns (`DocumentReport`); `description` is the message `gazette extract`
/// prints after that place.
public indirect enum DocumentFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input cannot be opened, or its status read: the system's reason, in lower case
    /// ("no such file or directory", "permission denied").
    case cannotOpen(reason: String)
    /// Reading the input failed part way: the system's reason.
    case cannotRead(reason: String)
    /// The input is a folder where a file was expected.
    case isDirectory
    /// A folder given as input holds no files to read.
    case emptyFolder
    /// An entry of a folder input that is not a regular file or a folder ("a FIFO", "a
    /// character device"): not read, as it may never end.
    case notRegularFile(kind: String)
    /// zlib could not be set up to decompress a gzip input.
    case gzipSetup
    /// A gzip stream ends before its member does, after this many compressed bytes.
    case truncatedGzip(compressedBytes: Int)
    /// Bytes that are not gzip follow the end of a gzip stream.
    case notGzipAfterEnd
    /// A gzip stream's data is damaged after this many compressed bytes.
    case corruptGzip(afterCompressedBytes: Int)
    /// Another gzip error, as zlib describes it.
    case gzip(String)
    /// A text input or a JSON Lines line larger than one document may be
    /// (`InputOptions.maximumDocumentBytes`).
    case tooLarge(limit: Int)
    /// A failure of the stream that also cut a JSON Lines line short: that line (1-based) is
    /// lost with the rest.
    case lineIncomplete(DocumentFailure, line: Int)
    /// A JSON Lines line is not valid UTF-8 from this byte on (a 0-based offset into the line).
    case invalidUTF8(byte: Int)
    /// A JSON Lines line is not valid JSON: the column (1-based, in code points) and what is wrong.
    case malformedJSON(column: Int, message: String)
    /// A JSON Lines line is valid JSON but not an object; the column (1-based, in code points).
    case notAnObject(column: Int)
    /// A JSON Lines line has no text field of this name (or it is null).
    case missingField(String)
    /// A JSON Lines line's text field is not a string but this kind of value ("a number").
    case fieldNotString(field: String, kind: String)
    /// The pipeline refused the document, or could not be set up: its message.
    case pipeline(String)

    /// The message, as `gazette extract` prints it after the place ("no such file or directory").
    public var description: String {
        switch self {
        case .cannotOpen(let reason): reason
        case .cannotRead(let reason): "cannot read: \(reason)"
        case .isDirectory: "is a directory"
        case .emptyFolder: "no files in this folder"
        case .notRegularFile(let kind): "not a regular file (\(kind)); not read"
        case .gzipSetup: "cannot set up gzip decompression"
        case .truncatedGzip(let bytes): "truncated gzip stream (it ends after \(bytes) compressed bytes)"
        case .notGzipAfterEnd: "bytes after the end of the gzip stream are not gzip"
        case .corruptGzip(let bytes): "not a valid gzip stream (corrupt data after \(bytes) compressed bytes)"
        case .gzip(let message): "gzip: \(message)"
        case .tooLarge(let limit): "over the limit of \(limit) bytes for one document"
        case .lineIncomplete(let failure, let line): "\(failure); line \(line) is incomplete"
        case .invalidUTF8(let byte): "invalid UTF-8 at byte \(byte) of the line"
        case .malformedJSON(_, let message): "not valid JSON: \(message)"
        case .notAnObject: "not a JSON object"
        case .missingField(let field): "no \"\(field)\" field"
        case .fieldNotString(let field, let kind): "\"\(field)\" is not a string (\(kind))"
        case .pipeline(let message): message
        }
    }

    /// The column of the line where the problem stands, for JSON problems.
    public var column: Int? {
        switch self {
        case .malformedJSON(let column, _), .notAnObject(let column): column
        default: nil
        }
    }
}

/// Something noticed about a document that still runs.
public enum DocumentWarning: Sendable, Equatable, CustomStringConvertible {
    /// A text input is not valid UTF-8 from this byte on (a 0-based offset into the file);
    /// ill-formed bytes are read as U+FFFD.
    case invalidUTF8Repaired(byte: Int)
    /// The date field holds no date ("TBD", or a value of this kind): the date is read from the
    /// text instead. `value` is the field's text, or its kind and raw JSON.
    case dateNotRead(field: String, value: String)

    /// The message, as `gazette extract` prints it after the place.
    public var description: String {
        switch self {
        case .invalidUTF8Repaired(let byte): "invalid UTF-8 at byte \(byte); ill-formed bytes are read as U+FFFD"
        case .dateNotRead(let field, let value): "\"\(field)\" is not a date (\(value)); the date is read from the text"
        }
    }
}

/// A problem of one document (or of an input standing for documents), where it is: what a run
/// reports on standard error, as a value.
public struct DocumentReport: Sendable, Equatable, CustomStringConvertible {
    /// What was found: a failure (the document is lost and counted as failed) or a warning.
    public enum Problem: Sendable, Equatable {
        /// The document is lost.
        case failure(DocumentFailure)
        /// The document runs; this was noticed.
        case warning(DocumentWarning)
    }

    /// The input and, for a JSON Lines line, its 1-based number: "dump.jsonl:12", "a.txt".
    public var place: String
    /// The problem.
    public var problem: Problem

    /// A report of `problem` at `place`.
    public init(place: String, problem: Problem) {
        self.place = place
        self.problem = problem
    }

    /// Whether the document is lost.
    public var isFailure: Bool {
        if case .failure = problem { true } else { false }
    }

    /// "place: message", or "place:column: message" for a JSON problem: the line `gazette
    /// extract` prints.
    public var description: String {
        switch problem {
        case .failure(let failure):
            if let column = failure.column { "\(place):\(column): \(failure)" } else { "\(place): \(failure)" }
        case .warning(let warning):
            "\(place): \(warning)"
        }
    }
}
