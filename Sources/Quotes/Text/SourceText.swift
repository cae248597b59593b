/// A document's original text, decoded and kept as it was read: every
/// offset the engine reports points into ``scalars``. UTF-8 is decoded
/// here; other character sets by ``SourceDecoder``.
public struct SourceText: Sendable {
    /// The original Unicode scalars (a UTF-8 BOM, CR and NUL included as read).
    public let scalars: [Unicode.Scalar]
    /// Whether invalid bytes were replaced by U+FFFD (only with `lossy`).
    public let hadInvalidBytes: Bool
    /// The character set the text was read in, and how it was chosen.
    public let decoding: Decoding

    public init(_ string: String) {
        // One pass over the string's UTF-8 (which Swift keeps valid).
        scalars = string.scalarArray
        hadInvalidBytes = false
        decoding = .utf8
    }

    /// Text decoded by an ICU converter, as UTF-16.
    init(utf16 units: [UInt16], hadInvalidBytes: Bool, decoding: Decoding) {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        reading: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(scalar)
            case .emptyInput: break reading
            // ICU writes well-formed UTF-16; a lone surrogate would still not end the text.
            case .error: result.append("\u{FFFD}")
            }
        }
        scalars = result
        self.hadInvalidBytes = hadInvalidBytes
        self.decoding = decoding
    }

    /// Decodes UTF-8 `bytes`.
    /// - Parameters:
    ///   - lossy: replace each invalid sequence by U+FFFD instead of failing.
    ///   - decoding: how UTF-8 was chosen (by default, or named or detected).
    /// - Throws: ``InvalidUTF8Error`` naming the byte offset of the first invalid sequence.
    /// - Complexity: O(n).
    public init(utf8 bytes: [UInt8], lossy: Bool = false, decoding: Decoding = .utf8) throws(InvalidUTF8Error) {
        let (result, invalid, failure) = bytes.withUnsafeBufferPointer { Self.decode($0, lossy: lossy) }
        if let failure { throw failure }
        scalars = result
        hadInvalidBytes = invalid
        self.decoding = decoding
    }

    /// Decodes `bytes` when they are well-formed UTF-8, or nil: what
    /// `SourceText(String(validating: bytes, as: UTF8.self)!)` gives, in one
    /// pass and with no string between (a JSONL line's text, ``JSONLFields``).
    init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let (result, _, failure) = Self.decode(bytes, lossy: false)
        guard failure == nil else { return nil }
        scalars = result
        hadInvalidBytes = false
        decoding = .utf8
    }

    /// The scalars of `bytes`; whether an invalid sequence was replaced
    /// (`lossy`), or the first one (not `lossy`, the scalars then partial).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, lossy: Bool)
        -> (scalars: [Unicode.Scalar], invalid: Bool, failure: InvalidUTF8Error?) {
        var invalid = false
        var failure: InvalidUTF8Error? = nil
        let n = bytes.count
        // One scalar per byte at most: written in place, with no append (and
        // its check for a shared array) per scalar.
        let result = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            var i = 0, c = 0
            defer { count = c }
            while i < n {
                // Eight ASCII bytes at a time while none has its high bit.
                if i + 8 <= n {
                    let word = ByteWord.load(bytes, at: i)
                    if word & ByteWord.highs == 0 {
                        ByteWord.storeScalars(word, to: out.baseAddress! + c)
                        c += 8
                        i += 8
                        continue
                    }
                }
                let b0 = bytes[i]
                if b0 < 0x80 {
                    out[c] = Unicode.Scalar(b0)
                    c += 1
                    i += 1
                    continue
                }
                if let (scalar, width) = Self.decodeMultibyte(bytes, at: i) {
                    out[c] = scalar
                    c += 1
                    i += width
                    continue
                }
                if !lossy {
                    failure = InvalidUTF8Error(byteOffset: i, bytes: Array(bytes[i..<min(n, i + 4)]))
                    return
                }
                invalid = true
                out[c] = "\u{FFFD}"
                c += 1
                // Skip the lead byte and any continuation bytes that follow it.
                i += 1
                while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        return (result, invalid, failure)
    }

    /// A well-formed 2-, 3- or 4-byte sequence at `i` (no overlongs, no
    /// surrogates, nothing above U+10FFFF), or nil.
    @inline(__always)
    private static func decodeMultibyte<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, at i: Int) -> (Unicode.Scalar, Int)?
    where Bytes.Index == Int {
        let n = b.count
        let b0 = b[i]
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return nil }
            return Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1).map { ($0, 2) }
        case 0xE0...0xEF:
            guard let c1 = cont(1), let c2 = cont(2) else { return nil }
            let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
            return Unicode.Scalar(v).map { ($0, 3) }
        case 0xF0...0xF4:
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
            let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            guard v >= 0x10000, v <= 0x10FFFF else { return nil }
            return Unicode.Scalar(v).map { ($0, 4) }
        default:
            return nil
        }
    }

    /// The original text of `range`, as a string.
    public func text(_ range: SourceRange) -> String {
        ScalarString.make(scalars[range.lowerBound.value..<range.upperBound.value])
    }

    /// Calls `body` with the scalars of `range`, in place: no string made (a
    /// quote's words for the language identifier and the JSON writers).
    @inline(__always)
    func withScalars<R>(in range: SourceRange, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
        scalars.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[range.lowerBound.value..<range.upperBound.value]))
        }
    }

    public var count: Int { scalars.count }

    /// 1-based line and column (in scalars) of `offset`, for messages.
    public func lineAndColumn(of offset: ScalarOffset) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset.value, scalars.count)
        while i < end {
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return (line, column)
    }
}

/// Input that is not valid UTF-8.
public struct InvalidUTF8Error: Error, Equatable, CustomStringConvertible {
    /// Offset in bytes of the first invalid sequence.
    public let byteOffset: Int
    /// Up to four bytes from there, for the message.
    public let bytes: [UInt8]

    public var description: String {
        let hex = bytes.map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined(separator: " ")
        return "invalid UTF-8 at byte \(byteOffset) (bytes \(hex)); use --lossy to replace invalid sequences with U+FFFD"
    }
}
