import ArgumentParser
import Foundation
import Quotes

/// `quotectl explain`: what the engine saw in one article — entities,
/// mentions and cues — to understand an attribution.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the entities, mentions and cues the engine found in an article."
    )

    @Option(help: ArgumentHelp("Encoding of the article: a name ICU knows (windows-1252, ISO-8859-15…) or auto. Default: UTF-8, or UTF-16/UTF-32 by their byte-order mark.", valueName: "name|auto"))
    var encoding: String?

    @Argument(help: "An article file, or - for standard input.")
    var file: String

    func validate() throws {
        _ = try inputEncoding()
    }

    private func inputEncoding() throws -> InputEncoding {
        guard let encoding else { return .standard }
        do { return try InputEncoding(argument: encoding) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let data = file == "-" ? try FileHandle.standardInput.readToEnd() ?? Data() : try Data(contentsOf: URL(fileURLWithPath: file))
        let source = try SourceDecoder(encoding: try inputEncoding()).decode([UInt8](data))
        for line in try QuoteExtractor().explain(id: file, source: source) { print(line) }
    }
}
