import Foundation
import Quotes

/// Runs arbitrary bytes through the whole pipeline — strict and lossy
/// decoding, every stage, every output format — and checks what must hold
/// for any input: offsets inside the text, `text == original[start..<end]`,
/// quotes in order, and JSONL that parses back. The fuzzer
/// (`scripts/fuzz`) and the reliability tests share it, so a crash the
/// fuzzer finds replays in a test as it happened.
///
/// Every input is also decoded in each of ``encodings``, strictly and
/// lossily, and checked: a strict success equals the lossy reading and
/// replaced nothing; a strict failure names a byte inside the input, whose
/// bytes it shows, and the lossy reading then replaced something; a
/// single-byte set gives one character a byte; only `auto` may refuse, and
/// then both ways. The pipeline then runs again on the lossy reading in the
/// encoding the input's first byte picks (`auto` included) when it is not
/// UTF-8, so the fuzzer reaches the stages through every decoder.
///
/// ```swift
/// let probe = try PipelineProbe()
/// let quotes = try probe.check(Array("«Oui», a dit M. Dupont.".utf8))   // 1
/// ```
public final class PipelineProbe {
    let extractor: QuoteExtractor

    /// The encodings every input is decoded in.
    public static let encodings: [InputEncoding] = [
        .standard, .auto, .named("windows-1252"), .named("ISO-8859-15"), .named("macintosh"),
        .named("UTF-16LE"), .named("UTF-16BE"), .named("UTF-32"), .named("Shift_JIS"), .named("GB18030"),
    ]
    private static let singleByte: Set<String> = ["windows-1252", "ISO-8859-15", "macintosh"]

    /// A strict and a lossy decoder for each of ``encodings`` (kept: they own ICU handles).
    private let decoders: [(strict: SourceDecoder, lossy: SourceDecoder)]

    public init() throws {
        extractor = try QuoteExtractor()
        decoders = Self.encodings.map { (SourceDecoder(encoding: $0), SourceDecoder(encoding: $0, lossy: true)) }
    }

    /// What broke, with the document's id.
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks `bytes` as one text document and, when it starts with `{`,
    /// as JSONL lines too.
    /// - Returns: how many quotes the text reading found.
    @discardableResult
    public func check(_ bytes: [UInt8]) throws -> Int {
        let source: SourceText
        do {
            source = try SourceText(utf8: bytes)
        } catch {
            guard error.byteOffset >= 0, error.byteOffset < bytes.count else {
                throw Violation(description: "invalid UTF-8 reported at byte \(error.byteOffset) of \(bytes.count)")
            }
            source = try SourceText(utf8: bytes, lossy: true)
            guard source.hadInvalidBytes else { throw Violation(description: "lossy decoding saw no invalid byte where strict failed") }
        }
        let count = try checkDocument(id: "fuzz", source: source)
        let readings = try checkDecodings(bytes)
        // One more run of the stages, on the reading the first byte picks (not UTF-8 again).
        let picked = Int(bytes.first ?? 0) % Self.encodings.count
        if let other = readings[picked], other.decoding.charset != "UTF-8" { try checkDocument(id: "fuzz-\(Self.encodings[picked])", source: other) }
        if bytes.first == UInt8(ascii: "{") {
            // Through a file, as `--input jsonl` reads it.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-probe-\(getpid()).jsonl")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            var failure: Violation?
            _ = JSONLReader.read(handle: handle, path: "fuzz.jsonl") { item in
                guard case .success(let document) = item, let text = document.text else { return true }
                do { try checkDocument(id: document.id, source: SourceText(text)) } catch {
                    failure = error as? Violation ?? Violation(description: "\(error)")
                    return false
                }
                return true
            }
            if let failure { throw failure }
        }
        return count
    }

    /// Decodes `bytes` in each of ``encodings``, strictly and lossily, and
    /// checks the two agree (see the type's comment).
    /// - Returns: the lossy reading in each encoding, nil where `auto` refused.
    private func checkDecodings(_ bytes: [UInt8]) throws -> [SourceText?] {
        var readings: [SourceText?] = []
        for (encoding, decoder) in zip(Self.encodings, decoders) {
            let name = "\(encoding)"
            var lossy: SourceText?
            var lossyError: DecodingError?
            do { lossy = try decoder.lossy.decode(bytes) } catch { lossyError = error }
            do {
                let strict = try decoder.strict.decode(bytes)
                guard !strict.hadInvalidBytes else { throw Violation(description: "\(name): strict decoding replaced bytes") }
                guard let lossy, lossy.scalars == strict.scalars, !lossy.hadInvalidBytes, lossy.decoding == strict.decoding else {
                    throw Violation(description: "\(name): lossy decoding differs from a strict success (\(lossyError.map { "\($0)" } ?? "other text"))")
                }
                if case .named(let charset) = encoding, Self.singleByte.contains(charset), strict.count != bytes.count {
                    throw Violation(description: "\(name): \(strict.count) characters for \(bytes.count) bytes")
                }
            } catch let error as DecodingError {
                switch error {
                case .invalidBytes(let invalid):
                    let offset = invalid.byteOffset
                    guard offset >= 0, offset < bytes.count, !invalid.bytes.isEmpty,
                          Array(bytes[offset..<min(bytes.count, offset + invalid.bytes.count)]) == invalid.bytes else {
                        throw Violation(description: "\(name): bad bytes reported at \(offset) of \(bytes.count): \(invalid.bytes)")
                    }
                    guard lossy?.hadInvalidBytes == true else { throw Violation(description: "\(name): lossy decoding replaced nothing where strict failed") }
                case .undetected:
                    guard encoding == .auto, case .undetected? = lossyError else { throw Violation(description: "\(name): refused: \(error)") }
                case .icu:
                    throw Violation(description: "\(name): \(error)")
                }
            }
            readings.append(lossy)
        }
        return readings
    }

    @discardableResult
    private func checkDocument(id: String, source: SourceText) throws -> Int {
        let result = try extractor.extract(id: id, source: source)
        var previousStart = -1
        for (position, quote) in result.quotes.enumerated() {
            let where_ = "\(id) quote \(position)"
            guard quote.index == position else { throw Violation(description: "\(where_): index \(quote.index)") }
            for (name, range) in [("quote", quote.range), ("cue", quote.cueRange), ("speaker", quote.mentionRange)] {
                guard let range else { continue }
                guard range.lowerBound.value >= 0, range.upperBound.value <= source.count else {
                    throw Violation(description: "\(where_): \(name) \(range.lowerBound)-\(range.upperBound) outside 0-\(source.count)")
                }
            }
            guard quote.text == source.text(quote.range) else { throw Violation(description: "\(where_): text differs from the original") }
            guard quote.range.lowerBound.value >= previousStart else { throw Violation(description: "\(where_): out of order") }
            previousStart = quote.range.lowerBound.value
            if let outer = quote.enclosedBy {
                guard outer < position, result.quotes[outer].range.lowerBound <= quote.range.lowerBound,
                      quote.range.upperBound <= result.quotes[outer].range.upperBound else {
                    throw Violation(description: "\(where_): enclosed by \(outer), which does not hold it")
                }
            }
            if let confidence = quote.attribution.confidence?.value, !(0...1).contains(confidence) {
                throw Violation(description: "\(where_): confidence \(confidence)")
            }
        }
        for format in OutputFormat.allCases {
            var writer = format.writer(csvOptions: .init())
            let text = writer.begin() + writer.write(result) + writer.end()
            if format == .jsonl {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                guard lines.count == result.quotes.count else { throw Violation(description: "\(id): \(lines.count) JSONL lines for \(result.quotes.count) quotes") }
                for line in lines where (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil {
                    throw Violation(description: "\(id): JSONL line does not parse: \(line.prefix(200))")
                }
            }
        }
        return result.quotes.count
    }
}
