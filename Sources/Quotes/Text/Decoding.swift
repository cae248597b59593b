/// How a document's bytes became its text: the character set, and what
/// chose it.
///
/// ```swift
/// Decoding.utf8.charset                        // "UTF-8"
/// Decoding.named("windows-1252").recordFlag    // "decoded:windows-1252"
/// Decoding.utf8.recordFlag                     // nil
/// ```
/// Indirect: every ``SourceText`` holds one, and a UTF-8 text's copies
/// then cost nothing more than before.
public indirect enum Decoding: Sendable, Equatable, CustomStringConvertible {
    /// UTF-8: the default, or text given as a string (JSONL).
    case utf8
    /// UTF-16 or UTF-32, by the byte-order mark the file starts with.
    case byteOrderMark(String)
    /// The character set given with `--encoding NAME`.
    case named(String)
    /// The character set `--encoding auto` found.
    case detected(CharsetDetection)

    /// The name people use for the character set (`UTF-8`, `windows-1252`, `UTF-16LE`).
    public var charset: String {
        switch self {
        case .utf8: "UTF-8"
        case .byteOrderMark(let name), .named(let name): name
        case .detected(let detection): detection.charset
        }
    }

    /// The flag on the document's records when it was not UTF-8:
    /// `decoded:` and the character set in lower case (`decoded:windows-1252`,
    /// `decoded:utf-16le`); nil for UTF-8.
    public var recordFlag: String? {
        if case .utf8 = self { return nil }
        return charset.uppercased() == "UTF-8" ? nil : "decoded:" + charset.lowercased()
    }

    /// `windows-1252 (--encoding)`, `UTF-16LE (byte-order mark)`,
    /// `macintosh (detected, confidence 86: …)`.
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .byteOrderMark(let name): "\(name) (byte-order mark)"
        case .named(let name): "\(name) (--encoding)"
        case .detected(let detection): detection.description
        }
    }
}

/// A document whose bytes could not be read as text.
public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A byte sequence that is not valid in the character set.
    case invalidBytes(InvalidBytesError)
    /// `--encoding auto` could not tell the character set.
    case undetected(UndetectedEncodingError)
    /// ICU failed (not expected).
    case icu(ICUError)

    public var description: String {
        switch self {
        case .invalidBytes(let error): error.description
        case .undetected(let error): error.description
        case .icu(let error): error.description
        }
    }
}

/// Bytes that are not valid in the character set they are read in.
///
/// `invalid windows-1250 at byte 12 (bytes 81); use --lossy to replace
/// invalid sequences with U+FFFD`
public struct InvalidBytesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How the character set was chosen.
    public var decoding: Decoding
    /// Offset in bytes, from the start of the file, of the first invalid sequence.
    public var byteOffset: Int
    /// Up to four bytes from there, for the message.
    public var bytes: [UInt8]
    /// For a file read as UTF-8 by default: the character set it looks like, when detection is sure of one.
    public var looksLike: CharsetDetection?

    public var description: String {
        let hex = bytes.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        let lossy = "--lossy to replace invalid sequences with U+FFFD"
        var text = "invalid \(decoding.charset) at byte \(byteOffset) (bytes \(hex)); "
        switch decoding {
        case .utf8 where looksLike != nil:
            let other = looksLike!
            text += "the file looks like \(other.charset) (confidence \(other.confidence)): read it with --encoding \(other.charset) or --encoding auto, or use \(lossy)"
        case .utf8:
            text += "use \(lossy), or, if the file is not UTF-8, name its encoding with --encoding NAME or use --encoding auto"
        case .detected(let detection) where detection.confidence < 100:
            text += "\(detection.charset) was detected with confidence \(detection.confidence): name the encoding with --encoding NAME, or use \(lossy)"
        default:
            text += "use \(lossy)"
        }
        return text
    }
}
