/// A lexicon file that does not follow its format, with where and what.
///
/// Prints as `speech-verbs.tsv:12:2: class must be speech or attitude, found "spech"`.
public struct LexiconError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// 1-based column (field number for TSV files), or nil for the whole line.
    public let column: Int?
    public let message: String

    public var description: String {
        if let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}
