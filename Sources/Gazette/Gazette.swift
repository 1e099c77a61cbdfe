// The Gazette library: the extraction pipeline over the text layer of `GazetteText`, whose
// types (`Tokenizer`, `Token`, `TextLayer`, `Vocabulary` ...) it re-exports.
@_exported import GazetteText
