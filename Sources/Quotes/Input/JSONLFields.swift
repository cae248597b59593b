/// The common shape of a JSONL line read in one pass over its bytes: one
/// object whose values are all strings, with a `text` and perhaps an `id`
/// (`{"id": "a1", "text": "«Oui», dit-il."}`), at most 16 keys, no key twice,
/// no escaped key, no control character, every `\u` escape a scalar other
/// than U+0000.
///
/// Anything else gives nil and ``JSONLReader`` hands the line to
/// Foundation's parser, which makes the same document or names the error;
/// for a line in this shape both give the same id and text, so the shape is a
/// matter of speed only (Foundation's parser costs about 60 instructions
/// a byte, building a dictionary of `Any`; this reads each byte once).
///
/// ```swift
/// JSONLFields(Array(#"{"id":"a","text":"\u00abOui\u00bb"}"#.utf8)[...])   // id "a", text "«Oui»"
/// JSONLFields(Array(#"{"id":7,"text":"x"}"#.utf8)[...])                 // nil: id is a number
/// ```
struct JSONLFields {
    /// The `id` value, nil when the line has none.
    let id: String?
    /// The `text` value, decoded straight from the line's bytes (no string between).
    let text: SourceText

    /// The fields of `line`, or nil when the line is not in the shape above.
    init?(_ line: ArraySlice<UInt8>) {
        guard let fields = line.withContiguousStorageIfAvailable({ JSONLFields.read($0) }) ?? nil else { return nil }
        self = fields
    }

    private init(id: String?, text: SourceText) {
        self.id = id
        self.text = text
    }

    /// The most keys a line of the usual shape has here (`id`, `text` and a few more).
    static let maxKeys = 16

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONLFields? {
        var reader = Reader(bytes: bytes)
        var keys: [String] = []
        var id: String?
        var text: SourceText?
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        if !reader.take(UInt8(ascii: "}")) {
            while true {
                // A key twice goes to Foundation; so does a line of many keys, which
                // this linear check for a repeated key would read in quadratic time.
                guard keys.count < maxKeys, let key = reader.key(), !keys.contains(key) else { return nil }
                keys.append(key)
                reader.skipSpace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipSpace()
                // Each value is checked to be UTF-8 (a line with bytes that are not goes to
                // Foundation, which names it); the text becomes scalars as it is checked.
                if key == "text" {
                    guard let value = reader.string(SourceText.init(validUTF8:)) else { return nil }
                    text = value
                } else {
                    guard let value = reader.string({ String(validating: $0, as: UTF8.self) }) else { return nil }
                    if key == "id" { id = value }
                }
                reader.skipSpace()
                if reader.take(UInt8(ascii: ",")) { reader.skipSpace(); continue }
                guard reader.take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        reader.skipSpace()
        guard reader.atEnd, let text else { return nil }
        return JSONLFields(id: id, text: text)
    }

    /// A cursor over the line's bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        var atEnd: Bool { at == bytes.count }

        /// Skips JSON white space (space, tab, line feed, carriage return).
        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// A key: a string without escapes.
        mutating func key() -> String? {
            let start = at
            guard let key = string({ String(validating: $0, as: UTF8.self) }), !bytes[start..<at].contains(UInt8(ascii: "\\")) else { return nil }
            return key
        }

        /// A JSON string at the cursor, its escapes decoded, as `make` makes
        /// it from its UTF-8; nil when `make` declines (bytes that are not
        /// well-formed UTF-8) or the string holds a control character, a lone
        /// surrogate or `\u0000`.
        mutating func string<T>(_ make: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var decoded: [UInt8] = []
            var runStart = at
            while at < bytes.count {
                at = plainRun(from: at)
                guard at < bytes.count else { break }
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<at])
                    at += 1
                    if decoded.isEmpty { return make(run) }
                    decoded.append(contentsOf: run)
                    return decoded.withUnsafeBufferPointer(make)
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<at]))
                    at += 1
                    guard at < bytes.count, let scalar = escape() else { return nil }
                    UTF8.encode(scalar) { decoded.append($0) }
                    runStart = at
                    continue
                }
            }
            return nil
        }

        /// The index of the first byte at or after `start` that ends a run
        /// of plain string bytes: a quote, a backslash or a control character.
        private func plainRun(from start: Int) -> Int {
            guard let base = bytes.baseAddress else { return start }
            var i = start
            let count = bytes.count
            // Eight bytes at a time while none of them ends the run.
            while i + 8 <= count {
                let word = ByteWord.load(bytes, at: i)
                let flags = ByteWord.below(word, 0x20) | ByteWord.equal(word, UInt8(ascii: "\"")) | ByteWord.equal(word, UInt8(ascii: "\\"))
                if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
                i += 8
            }
            while i < count {
                let byte = base[i]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                i += 1
            }
            return i
        }

        /// The scalar of the escape after a backslash, the cursor past it.
        private mutating func escape() -> Unicode.Scalar? {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard let unit = hex4(), unit != 0 else { return nil }
                if (0xDC00...0xDFFF).contains(unit) { return nil }
                guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) }
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            default: return nil
            }
        }

        /// Four hexadecimal digits.
        private mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                at += 1
            }
            return value
        }
    }
}
