/// A JSON value with ordered object keys, so every output is byte-for-byte
/// deterministic and follows the documented key order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already formatted (confidences print with three decimals).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Compact JSON text.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends compact JSON text to `out`.
    public func write(to out: inout String) {
        var bytes: [UInt8] = []
        write(into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends compact JSON as UTF-8 to `out`, with no intermediate strings.
    /// (The JSONL and JSON writers skip the tree altogether: see
    /// ``QuoteRecord/write(_:doc:into:)``.)
    public func write(into out: inout [UInt8]) {
        var sink = ByteSink(capacity: 256)
        write(into: &sink)
        sink.append(to: &out)
    }

    func write(into out: inout ByteSink) {
        switch self {
        case .null: out.append("null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .int(let value): JSONValue.writeInt(value, into: &out)
        case .number(let text):
            var text = text
            text.withUTF8 { out.append($0) }
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `value` in decimal, as `String(value)` spells it, without
    /// making that String.
    ///
    /// ```swift
    /// var out = ByteSink(capacity: 8)
    /// JSONValue.writeInt(-120, into: &out)   // the bytes of "-120"
    /// ```
    static func writeInt(_ value: Int, into out: inout ByteSink) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits from the last, into a stack buffer (20 digits hold UInt64.max).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Appends ASCII text known at compile time (keys with their quotes and
    /// separators) as it stands.
    @inline(__always)
    static func writeRaw(_ text: StaticString, into out: inout ByteSink) {
        out.append(text)
    }

    /// Writes `text` as a JSON string: quotes, backslashes and control
    /// characters escaped (and U+2028, U+2029, which some readers take for
    /// line ends); everything else as UTF-8.
    ///
    /// ```swift
    /// var out = ByteSink(capacity: 16)
    /// JSONValue.writeString("«Oui»\n", into: &out)   // the bytes of "«Oui»\\n" in quotes
    /// ```
    /// - Complexity: O(n); runs that need no escape are copied in one append.
    static func writeString(_ text: String, into out: inout ByteSink) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                // Eight bytes at a time while none of them needs a look: no byte below the
                // space, no double quote, backslash or 0xE2 (bit tricks on one 64-bit word);
                // otherwise straight to the first byte that does.
                if i + 8 <= n {
                    let flags = bytesToLookAt(ByteWord.load(bytes, at: i))
                    guard flags != 0 else {
                        i += 8
                        continue
                    }
                    i += flags.trailingZeroBitCount / 8
                }
                let byte = bytes[i]
                // Most bytes need no escape: above the backslash, all but the
                // lead byte of U+2028/U+2029; below it, from the space on but
                // the double quote.
                if byte > 0x5C ? byte != 0xE2 : (byte >= 0x20 && byte != 0x22 && byte != 0x5C) {
                    i += 1
                    continue
                }
                var width = 1
                let escape: StaticString
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20: escape = ""
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    escape = ""
                    width = 3
                default:
                    i += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    out.append(escape)
                } else {
                    let value: UInt32 = width == 3 ? (bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(byte)
                    writeUnicodeEscape(value, into: &out)
                }
                i += width
                runStart = i
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ``writeString(_:into:)`` for the string of `scalars`, encoded as it
    /// is written: the same bytes, with no string between (a quote's text
    /// read out of its document's ``SourceText``).
    static func writeString(scalars: UnsafeBufferPointer<Unicode.Scalar>, into out: inout ByteSink) {
        out.append(UInt8(ascii: "\""))
        // In slices, so that what is set aside for the worst case (six bytes
        // a scalar, as `\u2028`) stays small whatever the text's length.
        var start = 0
        while start < scalars.count {
            let end = min(start + 4096, scalars.count)
            out.write(atMost: (end - start) * 6) { target in writeEscaped(scalars, start..<end, to: target) }
            start = end
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Writes `scalars[range]` as UTF-8 from `target`, escaped as
    /// ``writeString(_:into:)`` escapes; returns the bytes written (at most six a scalar).
    private static func writeEscaped(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
                                     to target: UnsafeMutablePointer<UInt8>) -> Int {
        let raw = UnsafeRawPointer(scalars.baseAddress!)
        var at = 0, i = range.lowerBound
        let end = range.upperBound
        @inline(__always) func put(_ byte: UInt8) {
            target[at] = byte
            at &+= 1
        }
        @inline(__always) func escape(_ text: StaticString) {
            for k in 0..<text.utf8CodeUnitCount { put(text.utf8Start[k]) }
        }
        while i < end {
            // Eight scalars at a time, narrowed to bytes and stored as one word, of which the
            // run up to the first scalar that is not ASCII or needs an escape is kept.
            if i + 8 <= end {
                let offset = i &* 4
                let w0 = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                let w1 = raw.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)
                let w2 = raw.loadUnaligned(fromByteOffset: offset &+ 16, as: UInt64.self)
                let w3 = raw.loadUnaligned(fromByteOffset: offset &+ 24, as: UInt64.self)
                // Two scalars a word, the first in the low half.
                let high: UInt64 = 0xFFFF_FF80_FFFF_FF80, lowHigh: UInt64 = 0xFFFF_FF80
                var clean = 8
                if (w0 | w1 | w2 | w3) & high != 0 {
                    if w0 & high != 0 { clean = w0 & lowHigh != 0 ? 0 : 1 }
                    else if w1 & high != 0 { clean = w1 & lowHigh != 0 ? 2 : 3 }
                    else if w2 & high != 0 { clean = w2 & lowHigh != 0 ? 4 : 5 }
                    else { clean = w3 & lowHigh != 0 ? 6 : 7 }
                }
                if clean > 0 {
                    let narrow = SIMD8<UInt8>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
                    let word = unsafeBitCast(narrow, to: UInt64.self)
                    let flags = bytesToLookAt(UInt64(littleEndian: word))
                    if flags != 0 { clean = min(clean, flags.trailingZeroBitCount / 8) }
                    // All eight bytes are stored (room for six a scalar is set aside); the next write covers the rest.
                    UnsafeMutableRawPointer(target + at).storeBytes(of: word, as: UInt64.self)
                    at &+= clean
                    i &+= clean
                    if clean == 8 { continue }
                }
            }
            let v = scalars[i].value
            i &+= 1
            if v >= 0x80, v < 0x800 {
                put(0xC0 | UInt8(truncatingIfNeeded: v >> 6))
                put(0x80 | UInt8(truncatingIfNeeded: v) & 0x3F)
                continue
            }
            switch v {
            case 0x22: escape("\\\"")
            case 0x5C: escape("\\\\")
            case 0x0A: escape("\\n")
            case 0x0D: escape("\\r")
            case 0x09: escape("\\t")
            case 0..<0x20, 0x2028, 0x2029:
                at += unicodeEscape(v, to: target + at)
            case 0..<0x80:
                put(UInt8(truncatingIfNeeded: v))
            case 0x800..<0x10000:
                put(0xE0 | UInt8(truncatingIfNeeded: v >> 12))
                put(0x80 | UInt8(truncatingIfNeeded: v >> 6) & 0x3F)
                put(0x80 | UInt8(truncatingIfNeeded: v) & 0x3F)
            default:
                put(0xF0 | UInt8(truncatingIfNeeded: v >> 18))
                put(0x80 | UInt8(truncatingIfNeeded: v >> 12) & 0x3F)
                put(0x80 | UInt8(truncatingIfNeeded: v >> 6) & 0x3F)
                put(0x80 | UInt8(truncatingIfNeeded: v) & 0x3F)
            }
        }
        return at
    }

    /// The high bit of each byte of `word` that is below 0x20, or is 0x22, 0x5C or 0xE2 (``ByteWord``).
    @inline(__always)
    private static func bytesToLookAt(_ word: UInt64) -> UInt64 {
        ByteWord.below(word, 0x20) | ByteWord.equal(word, 0x22) | ByteWord.equal(word, 0x5C) | ByteWord.equal(word, 0xE2)
    }

    /// `\\u` and four lowercase hex digits.
    private static func writeUnicodeEscape(_ value: UInt32, into out: inout ByteSink) {
        out.write(atMost: 6) { unicodeEscape(value, to: $0) }
    }

    /// Writes `\\u` and the four lowercase hex digits of `value` from `target`; returns 6.
    @inline(__always)
    private static func unicodeEscape(_ value: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target[0] = UInt8(ascii: "\\")
        target[1] = UInt8(ascii: "u")
        for (k, shift) in stride(from: 12, through: 0, by: -4).enumerated() {
            let digit = UInt8(truncatingIfNeeded: value >> UInt32(shift)) & 0xF
            target[2 + k] = digit < 10 ? UInt8(ascii: "0") &+ digit : UInt8(ascii: "a") &+ digit &- 10
        }
        return 6
    }
}
