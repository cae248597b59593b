import ArgumentParser
import Foundation
import Quotes

/// `quotectl explain`: what the engine saw in one article — entities,
/// mentions and cues — to understand an attribution.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the entities, mentions and cues the engine found in an article."
    )

    @OptionGroup var decoding: EncodingOption

    @Argument(help: "An article file, or - for standard input.")
    var file: String


    func run() throws {
        let data = file == "-" ? try FileHandle.standardInput.readToEnd() ?? Data() : try Data(contentsOf: URL(fileURLWithPath: file))
        let source = try SourceDecoder(encoding: try decoding.inputEncoding()).decode([UInt8](data))
        for line in try QuoteExtractor().explain(id: file, source: source) { print(line) }
    }
}
