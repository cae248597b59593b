import CICU

/// ICU's guesses at the character set of some bytes (`ucsdet_open`,
/// `ucsdet_detectAll`).
///
/// ```swift
/// let detector = try CharsetDetector()
/// try detector.matches(in: cp1252Article).first   // windows-1252, confidence 83, language "fr"
/// ```
/// ICU tells UTF-8, UTF-16 and UTF-32 (with or without a byte-order mark),
/// the CJK multi-byte sets and, by the letter sequences of about twenty
/// languages, the ISO-8859 and Windows single-byte sets. It names
/// ISO-8859-1 or windows-1252 for all Western European text, never
/// ISO-8859-15 or macintosh. One instance is not thread-safe.
public final class CharsetDetector {
    /// One guess.
    public struct Match: Sendable, Equatable {
        /// ICU's name for the character set (`ucsdet_getName`), e.g. `windows-1252`.
        public var name: String
        /// 0 to 100, higher is surer (`ucsdet_getConfidence`): a score, not a probability.
        public var confidence: Int
        /// The language ICU recognised, or "" (`ucsdet_getLanguage`).
        public var language: String
    }

    private let handle: OpaquePointer

    /// The most bytes handed to ICU (1 MB): its Int32 lengths stay safe and a large file costs no more than that.
    public static let sample = 1 << 20

    /// Wraps `ucsdet_open`.
    public init() throws(ICUError) {
        var status: Int32 = 0
        let opened = cicu_detector_open(&status)
        try ICUError.check(status, "ucsdet_open")
        guard let opened else { throw ICUError(function: "ucsdet_open", code: 1) }
        handle = opened
    }

    deinit { cicu_detector_close(handle) }

    /// ICU's guesses for `bytes`, surest first (`ucsdet_setText`,
    /// `ucsdet_detectAll`, `ucsdet_getName`, `ucsdet_getConfidence`,
    /// `ucsdet_getLanguage`). ICU reads the letter statistics from the first
    /// 8 kB; only the first ``sample`` bytes are handed over.
    /// - Complexity: O(n) in the length of `bytes`, up to ``sample``.
    public func matches(in bytes: [UInt8]) throws(ICUError) -> [Match] {
        if bytes.count > Self.sample { return try matches(in: Array(bytes.prefix(Self.sample))) }
        let capacity = 32
        var names = [UnsafePointer<CChar>?](repeating: nil, count: capacity)
        var languages = [UnsafePointer<CChar>?](repeating: nil, count: capacity)
        var confidences = [Int32](repeating: 0, count: capacity)
        var status: Int32 = 0
        let count = bytes.withUnsafeBufferPointer { text in
            cicu_detector_detect(handle, text.baseAddress, Int32(text.count), &names, &confidences, &languages, Int32(capacity), &status)
        }
        try ICUError.check(status, "ucsdet_detectAll")
        return (0..<Int(count)).compactMap { i in
            guard let name = names[i] else { return nil }
            return Match(name: String(cString: name), confidence: Int(confidences[i]), language: languages[i].map { String(cString: $0) } ?? "")
        }
    }
}
