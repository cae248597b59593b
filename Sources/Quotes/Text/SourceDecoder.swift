/// Reads a document's bytes as text in the chosen character set
/// (`--encoding`), strictly or replacing bad bytes (`--lossy`).
///
/// ```swift
/// let decoder = SourceDecoder(encoding: .named("windows-1252"))
/// let source = try decoder.decode([0xAB, 0x20, 0x4F, 0x75, 0x69, 0x20, 0xBB])   // "« Oui »"
/// source.decoding.recordFlag                                                   // "decoded:windows-1252"
/// ```
/// - ``InputEncoding/standard``: UTF-8, by quotectl's own decoder (a UTF-8
///   byte-order mark stays as scalar 0); a file that starts with a UTF-16
///   or UTF-32 byte-order mark is read in that form, without the mark.
/// - ``InputEncoding/named(_:)``: that character set, by ICU's converter
///   (`UTF-16` and `UTF-32` take a byte-order mark as the byte order, and
///   big-endian without one).
/// - ``InputEncoding/auto``: the set ``EncodingDetector`` finds.
///
/// A UTF-16 or UTF-32 byte-order mark that matches the form read is not
/// part of the text, however the form was chosen, so a file's offsets do
/// not depend on how its encoding was given; a UTF-8 mark stays as scalar
/// 0, as it always has. Offsets are Unicode scalars of the decoded text:
/// what Python's `str` indexes after `bytes.decode` with the codec of the
/// same name (`utf-16` for UTF-16 with its mark, `utf-8` for UTF-8).
/// One instance is not thread-safe (it owns ICU handles); give each worker its own.
public final class SourceDecoder {
    public let encoding: InputEncoding
    /// Replace bad byte sequences with U+FFFD instead of failing.
    public let lossy: Bool
    private var converters: [String: Converter] = [:]
    private var openedDetector: EncodingDetector?

    public init(encoding: InputEncoding = .standard, lossy: Bool = false) {
        self.encoding = encoding
        self.lossy = lossy
    }

    /// The text of `bytes`.
    /// - Throws: ``DecodingError``: a bad byte sequence (with its offset in
    ///   the file), or, with `auto`, a character set that cannot be told.
    /// - Complexity: O(n); UTF-8 by default costs what ``SourceText/init(utf8:lossy:decoding:)`` costs.
    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> SourceText {
        switch encoding {
        case .standard:
            if let mark = EncodingDetector.byteOrderMark(bytes), mark.charset != "UTF-8" {
                return try decode(bytes, in: mark.charset, from: mark.length, as: .byteOrderMark(mark.charset))
            }
            return try utf8(bytes, as: .utf8)
        case .named(let name):
            if name == "UTF-8" { return try utf8(bytes, as: .named(name)) }
            // The mark of the very form named is no more text than when it chose the form.
            let skip = EncodingDetector.byteOrderMark(bytes).flatMap { $0.charset == name ? $0.length : nil } ?? 0
            return try decode(bytes, in: name, from: skip, as: .named(name))
        case .auto:
            let detection: CharsetDetection
            let detector = try detector()
            do { detection = try detector.detect(bytes) } catch { throw .undetected(error) }
            if detection.charset == "UTF-8" { return try utf8(bytes, as: .detected(detection)) }
            let skip = detection.evidence == .byteOrderMark ? EncodingDetector.byteOrderMark(bytes)?.length ?? 0 : 0
            return try decode(bytes, in: detection.charset, from: skip, as: .detected(detection))
        }
    }

    /// UTF-8 by quotectl's own decoder; a file read as UTF-8 by default
    /// that is not gets the character set it looks like in its error.
    private func utf8(_ bytes: [UInt8], as decoding: Decoding) throws(DecodingError) -> SourceText {
        do { return try SourceText(utf8: bytes, lossy: lossy, decoding: decoding) } catch {
            var looksLike: CharsetDetection?
            if decoding == .utf8, let detection = try? detector().detect(bytes), detection.charset != "UTF-8" {
                looksLike = detection
            }
            throw .invalidBytes(InvalidBytesError(decoding: decoding, byteOffset: error.byteOffset, bytes: error.bytes, looksLike: looksLike))
        }
    }

    /// `bytes[start...]` by ICU's converter for `charset`; offsets in errors count from the start of the file.
    private func decode(_ bytes: [UInt8], in charset: String, from start: Int, as decoding: Decoding) throws(DecodingError) -> SourceText {
        let output: Converter.Output
        do { output = try converter(charset).decode(start == 0 ? bytes : Array(bytes[start...]), lossy: lossy) } catch { throw .icu(error) }
        if let invalid = output.invalid, !lossy {
            let offset = start + invalid.offset
            let shown = Array(bytes[offset..<min(bytes.count, offset + 4)])
            throw .invalidBytes(InvalidBytesError(decoding: decoding, byteOffset: offset, bytes: shown, looksLike: nil))
        }
        return SourceText(utf16: output.utf16, hadInvalidBytes: output.replaced > 0, decoding: decoding)
    }

    private func converter(_ charset: String) throws(ICUError) -> Converter {
        if let open = converters[charset] { return open }
        let opened = try Converter(charset)
        converters[charset] = opened
        return opened
    }

    private func detector() throws(DecodingError) -> EncodingDetector {
        if let openedDetector { return openedDetector }
        do {
            let opened = try EncodingDetector()
            openedDetector = opened
            return opened
        } catch { throw .icu(error) }
    }
}
