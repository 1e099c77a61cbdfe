import ArgumentParser
@_spi(Stages) import Gazette

/// `gazette tokenize`: the text layer as JSON Lines, for debugging tokenization and sentences.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the tokens (or sentences) of one text as JSON Lines.",
        discussion: """
            The whole input is one document. Each token record holds: i (token index), text, key \
            (the normalized match key), kind (word, number, punctuation, symbol), shape \
            (capitalized, all_caps, has_digits, abbreviation, list_mark), sentence (index), start and end \
            (Unicode code point offsets: Python's text[start:end] is the token) and byte_start and \
            byte_end (UTF-8 byte offsets into the input). Invalid UTF-8 is read as U+FFFD (one per \
            ill-formed sequence): start and end count code points of that repaired text, \
            byte_start and byte_end the original bytes. With --sentences each record holds \
            sentence (index), text, first_token and end_token (token indexes, end exclusive) and \
            the same offsets.
            """
    )

    @Argument(help: ArgumentHelp("The text file to read, or - for standard input.", valueName: "file"))
    var file: String = "-"

    @Flag(help: "Print one record per sentence (index, text, token range, offsets) instead of per token.")
    var sentences = false

    @Option(help: ArgumentHelp("Add this document id to every record as \"doc\".", valueName: "id"))
    var doc: String?

    @OptionGroup var tokenLimit: TokenLimitOptions

    func run() throws {
        let input = try InputSource.read(file)
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer() } catch { throw ConfigurationFailure(message: error.message) }
        tokenizer.maximumTokens = tokenLimit.maxDocumentTokens
        var json = JSONWriter()
        try input.bytes.withUnsafeBufferPointer { text in
            var layer = TextLayer()
            do {
                try tokenizer.analyze(text, into: &layer)
            } catch let error as TextError {
                throw InputFailure(message: "\(input.name): \(error.message)")
            }
            if sentences {
                try layer.writeSentenceRecords(text: text, document: doc, into: &json, afterRecord: StandardOutput.flushIfFull)
            } else {
                try layer.writeTokenRecords(text: text, vocabulary: tokenizer.vocabulary, document: doc, into: &json,
                                            afterRecord: StandardOutput.flushIfFull)
            }
        }
        try StandardOutput.write(json.bytes)
    }
}
