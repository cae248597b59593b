/// Tells which character set a file is in (`--encoding auto`), or says
/// it cannot: never a silent guess.
///
/// ```swift
/// let detector = try EncodingDetector()
/// try detector.detect(cp1252Article)      // windows-1252, confidence 83
/// try detector.detect(Array("Déjà".utf8)) // UTF-8 (valid UTF-8)
/// try detector.detect([0xAB, 0x4F, 0x75, 0x69, 0xBB])   // throws: too short to tell
/// ```
/// In order:
/// 1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
/// 2. valid UTF-8, pure ASCII included, is UTF-8 — unless more than one
///    byte in ten is NUL: UTF-16 or UTF-32 without a mark; and so is
///    text with more valid multi-byte UTF-8 sequences than bad ones (a
///    UTF-8 file with a stray byte, read strictly or with `--lossy`,
///    rather than `Ã©` for `é` from a single-byte set);
/// 3. ICU's guesses (``CharsetDetector``), surest first, down to
///    ``minimumConfidence``: the first whose decoding reads as text (at
///    most one character in a hundred a control character or U+FFFD) wins.
///    When ICU names ISO-8859-1 or windows-1252, as it does for all Western
///    European text, ``WesternCharsets`` picks among windows-1252,
///    ISO-8859-15, ISO-8859-1 and macintosh by the characters each makes of
///    the bytes above 0x7F.
///
/// One instance is not thread-safe (it owns ICU handles); give each worker its own.
public final class EncodingDetector {
    /// ICU's confidence below which a guess is not taken (0–100; the Corpus
    /// articles in single-byte sets get 73–87, a two-line text about 30).
    public static let minimumConfidence = 50

    private let icu: CharsetDetector
    private let western: WesternCharsets
    private var converters: [String: Converter] = [:]

    public init() throws(ICUError) {
        icu = try CharsetDetector()
        western = try WesternCharsets()
    }

    /// The character set of `bytes`.
    /// - Throws: ``UndetectedEncodingError`` with ICU's best guesses when none is sure enough.
    /// - Complexity: O(n), with a decoding of `bytes` for each guess tried.
    public func detect(_ bytes: [UInt8]) throws(UndetectedEncodingError) -> CharsetDetection {
        if let mark = Self.byteOrderMark(bytes) {
            return CharsetDetection(charset: mark.charset, confidence: 100, evidence: .byteOrderMark)
        }
        let census = UTF8Census(bytes)
        if census.invalid == 0, census.nul * 10 <= bytes.count {
            return CharsetDetection(charset: "UTF-8", confidence: 100, evidence: .validUTF8)
        }
        if census.multibyte > census.invalid {
            let confidence = 100 * census.multibyte / (census.multibyte + census.invalid)
            return CharsetDetection(charset: "UTF-8", confidence: confidence, evidence: .mostlyUTF8(badSequences: census.invalid))
        }
        let guesses: [CharsetDetector.Match]
        do { guesses = try icu.matches(in: bytes) } catch {
            throw UndetectedEncodingError(guesses: [], notText: [], failure: error)
        }
        var notText: [String] = []
        for guess in guesses where guess.confidence >= Self.minimumConfidence {
            let charset = WesternCharsets.detectorNames.contains(guess.name)
                ? western.likeliest(for: bytes, preferring: guess.name) : Converter.name(for: guess.name) ?? guess.name
            // A name ICU detects but has no converter for (IBM424_rtl) cannot be read: next guess.
            guard let text = readsAsText(bytes, in: charset) else { continue }
            if text { return CharsetDetection(charset: charset, confidence: guess.confidence, evidence: .detector(guess)) }
            notText.append(charset)
        }
        throw UndetectedEncodingError(guesses: Array(guesses.prefix(3)), notText: notText, failure: nil)
    }

    /// The character set a byte-order mark at the start of `bytes` stands
    /// for, and the mark's length: UTF-8, UTF-16LE/BE, UTF-32LE/BE (FF FE
    /// 00 00 is UTF-32LE, not UTF-16LE followed by U+0000).
    /// - Complexity: O(1); the default UTF-8 reading asks it of every file.
    public static func byteOrderMark(_ bytes: [UInt8]) -> (charset: String, length: Int)? {
        guard bytes.count >= 2 else { return nil }
        let b0 = bytes[0], b1 = bytes[1]
        let b2: UInt8? = bytes.count > 2 ? bytes[2] : nil, b3: UInt8? = bytes.count > 3 ? bytes[3] : nil
        switch (b0, b1) {
        case (0x00, 0x00) where b2 == 0xFE && b3 == 0xFF: return ("UTF-32BE", 4)
        case (0xFF, 0xFE) where b2 == 0x00 && b3 == 0x00: return ("UTF-32LE", 4)
        case (0xEF, 0xBB) where b2 == 0xBF: return ("UTF-8", 3)
        case (0xFE, 0xFF): return ("UTF-16BE", 2)
        case (0xFF, 0xFE): return ("UTF-16LE", 2)
        default: return nil
        }
    }

    /// How `bytes` reads as UTF-8: multi-byte sequences, bad sequences and NUL bytes.
    struct UTF8Census {
        var multibyte = 0
        var invalid = 0
        var nul = 0

        init(_ bytes: [UInt8]) {
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar.value >= 0x80 { multibyte += 1 } else if scalar.value == 0 { nul += 1 }
                case .emptyInput: return
                case .error: invalid += 1
                }
            }
        }
    }

    /// Whether `bytes` read in `charset` is text: at most one character in
    /// a hundred a control character (but tab, line feed, form feed and
    /// carriage return) or an unreadable sequence.
    /// - Returns: nil when ICU has no converter for `charset`.
    private func readsAsText(_ bytes: [UInt8], in charset: String) -> Bool? {
        guard let converter = converter(charset), let output = try? converter.decode(bytes, lossy: true) else { return nil }
        var odd = 0
        for unit in output.utf16 {
            switch unit {
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: odd += 1
            default: continue
            }
        }
        return odd * 100 <= output.utf16.count
    }

    private func converter(_ charset: String) -> Converter? {
        if let open = converters[charset] { return open }
        let opened = try? Converter(charset)
        converters[charset] = opened
        return opened
    }
}

/// The character set `--encoding auto` found for a file, and why.
public struct CharsetDetection: Sendable, Equatable, CustomStringConvertible {
    public enum Evidence: Sendable, Equatable {
        case byteOrderMark
        /// Valid UTF-8 (pure ASCII included).
        case validUTF8
        /// More valid multi-byte UTF-8 sequences than bad ones: UTF-8 with a few bad bytes.
        case mostlyUTF8(badSequences: Int)
        /// ICU's guess; its name differs from ``CharsetDetection/charset`` when the Western European sets were compared.
        case detector(CharsetDetector.Match)
    }

    /// The name people use for it (`windows-1252`, `UTF-16LE`).
    public var charset: String
    /// 0–100: ICU's confidence, 100 for a byte-order mark or valid UTF-8.
    public var confidence: Int
    public var evidence: Evidence

    /// `windows-1252 (detected, confidence 83)`.
    public var description: String {
        switch evidence {
        case .byteOrderMark: "\(charset) (byte-order mark)"
        case .validUTF8: "\(charset) (valid UTF-8)"
        case .mostlyUTF8(let bad): "\(charset) (detected, confidence \(confidence): UTF-8 but for \(bad) bad sequence\(bad == 1 ? "" : "s"))"
        case .detector(let guess) where guess.name != charset:
            "\(charset) (detected, confidence \(confidence): ICU's \(guess.name), told from the other Western European sets by its letters)"
        case .detector: "\(charset) (detected, confidence \(confidence))"
        }
    }
}

/// `--encoding auto` could not tell a file's character set.
public struct UndetectedEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's best guesses, surest first.
    public var guesses: [CharsetDetector.Match]
    /// Guesses sure enough whose decoding was not text (control characters).
    public var notText: [String]
    /// ICU failed (not expected).
    public var failure: ICUError?

    public var description: String {
        if let failure { return "cannot detect the encoding: \(failure)" }
        var text = "cannot tell the encoding"
        if guesses.isEmpty {
            text += " (ICU has no guess)"
        } else {
            let listed = guesses.map { "\($0.name) \($0.confidence)" }.joined(separator: ", ")
            text += ": ICU's best guesses are \(listed) (confidence out of 100; \(EncodingDetector.minimumConfidence) needed)"
        }
        if !notText.isEmpty { text += "; read as \(notText.joined(separator: " or ")) it holds control characters" }
        return text + "; name it with --encoding NAME"
    }
}
