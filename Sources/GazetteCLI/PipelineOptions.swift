import ArgumentParser
@_spi(Stages) import Gazette

/// The flags that choose lexicons and rules, shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file to use as well (docs/rules.md); repeatable.", valueName: "path"))
    var rules: [String] = []

    @Flag(help: "Do not use the default rules built into gazette.")
    var noDefaultRules = false

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file (JSON Lines) to use as well; repeatable.", valueName: "path"))
    var lexicons: [String] = []

    @Flag(help: "Do not use the default lexicons built into gazette.")
    var noDefaultLexicons = false

    /// The pipeline these flags ask for; a malformed file is a configuration error (exit 2).
    func load() throws -> Pipeline {
        do {
            return try Pipeline.load(lexiconPaths: lexicons, defaults: !noDefaultLexicons, rulePaths: rules, defaultRules: !noDefaultRules)
        } catch let list as DiagnosticList {
            throw ConfigurationFailure(message: list.description)
        } catch let error as TextError {
            throw ConfigurationFailure(message: error.message)
        }
    }
}

/// `--max-document-tokens`, shared by the commands that tokenize documents (`extract`, `tokenize`).
struct TokenLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The most tokens one document may have, which bounds its memory; one with more is reported and skipped.", valueName: "tokens"))
    var maxDocumentTokens = Tokenizer.defaultMaximumTokens

    func validate() throws {
        if maxDocumentTokens < 1 { throw ValidationError("--max-document-tokens must be 1 or more; got \(maxDocumentTokens)") }
    }
}
