import ArgumentParser
import Quotes

/// `--encoding NAME|auto`, shared by the commands that read articles.
struct EncodingOption: ParsableArguments {
    @Option(help: ArgumentHelp("Encoding of text files and standard input: a name ICU knows (windows-1252, ISO-8859-15, macintosh, UTF-16LE…) or auto to detect each file's. Default: UTF-8, or UTF-16/UTF-32 when the file starts with their byte-order mark.", valueName: "name|auto"))
    var encoding: String?

    func validate() throws {
        _ = try inputEncoding()
    }

    /// The encoding asked for; an unknown name is a usage error that suggests names ICU knows.
    func inputEncoding() throws -> InputEncoding {
        guard let encoding else { return .standard }
        do { return try InputEncoding(argument: encoding) } catch { throw ValidationError(error.description) }
    }
}
