/// A JSON value that remembers where it stands in its file, so that a
/// malformed gold file is reported as `file:line:column: what is wrong`.
///
/// ```swift
/// let value = try PositionedJSON.parse(#"{"a": [1, true]}"#)
/// value.position   // (line: 1, column: 1)
/// ```
public indirect enum JSONNode: Sendable {
    case null, bool(Bool), number(Double), string(String), array([PositionedJSON]), object([(String, PositionedJSON)])
}

public struct PositionedJSON: Sendable {
    public var node: JSONNode
    /// 1-based line and column of the value's first character.
    public var line: Int
    public var column: Int

    /// The member `key` of an object.
    public subscript(key: String) -> PositionedJSON? {
        guard case .object(let members) = node else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? { if case .string(let s) = node { return s }; return nil }
    public var int: Int? { if case .number(let d) = node, d == d.rounded(), abs(d) < 1e15 { return Int(d) }; return nil }
    public var array: [PositionedJSON]? { if case .array(let a) = node { return a }; return nil }
    public var isNull: Bool { if case .null = node { return true }; return false }
    public var keys: [String] { if case .object(let m) = node { return m.map(\.0) }; return [] }

    /// A syntax error with its place.
    public struct SyntaxError: Error, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Parses JSON text (RFC 8259).
    public static func parse(_ text: String) throws(SyntaxError) -> PositionedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// Reads the UTF-8 bytes of the text (valid UTF-8: they come from a
    /// `String`). Lines and columns count scalars, as a person reading the
    /// file does: a column moves once per scalar, not per byte.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Whether `byte` continues a scalar (and so does not start one).
        @inline(__always)
        static func continues(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        /// Moves past the scalar at `index`.
        mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += 1
            while index < bytes.count, Self.continues(bytes[index]) { index += 1 }
        }

        /// The scalar at `index` (for a message).
        func scalar() -> Unicode.Scalar {
            var end = index + 1
            while end < bytes.count, Self.continues(bytes[end]) { end += 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
        }

        mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(SyntaxError) {
            guard current == UInt8(ascii: c) else { throw error("expected \(what)") }
            advance()
        }

        mutating func value(depth: Int = 0) throws(SyntaxError) -> PositionedJSON {
            guard depth < 512 else { throw error("nesting too deep") }
            let (l, col) = (line, column)
            guard let c = current else { throw error("unexpected end of file") }
            switch c {
            case UInt8(ascii: "{"):
                advance()
                var members: [(String, PositionedJSON)] = []
                skipSpace()
                if current == UInt8(ascii: "}") { advance(); return PositionedJSON(node: .object([]), line: l, column: col) }
                while true {
                    skipSpace()
                    guard current == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
                    let key = try string()
                    skipSpace()
                    try expect(":", "':' after the key")
                    skipSpace()
                    if members.contains(where: { $0.0 == key }) { throw error("duplicate key \"\(key)\"") }
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance(); continue }
                    try expect("}", "',' or '}'")
                    return PositionedJSON(node: .object(members), line: l, column: col)
                }
            case UInt8(ascii: "["):
                advance()
                var items: [PositionedJSON] = []
                skipSpace()
                if current == UInt8(ascii: "]") { advance(); return PositionedJSON(node: .array([]), line: l, column: col) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance(); continue }
                    try expect("]", "',' or ']'")
                    return PositionedJSON(node: .array(items), line: l, column: col)
                }
            case UInt8(ascii: "\""):
                return PositionedJSON(node: .string(try string()), line: l, column: col)
            case UInt8(ascii: "t"): try literal("true"); return PositionedJSON(node: .bool(true), line: l, column: col)
            case UInt8(ascii: "f"): try literal("false"); return PositionedJSON(node: .bool(false), line: l, column: col)
            case UInt8(ascii: "n"): try literal("null"); return PositionedJSON(node: .null, line: l, column: col)
            default:
                if c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) {
                    return PositionedJSON(node: .number(try number()), line: l, column: col)
                }
                throw error("unexpected character '\(scalar())'")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for byte in expected {
                guard current == byte else { throw error("invalid literal, expected \(word)") }
                advance()
            }
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            while let c = current, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: "e")
                    || c == UInt8(ascii: "E") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) {
                advance()
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let value = Double(text) else { throw error("invalid number \(text)") }
            return value
        }

        mutating func string() throws(SyntaxError) -> String {
            advance() // opening quote
            // Most strings hold no escape: find the closing quote, then make
            // the string at once (no line break can be inside, so only the
            // column moves, once per scalar).
            var end = index
            var scalars = 0
            while end < bytes.count {
                let b = bytes[end]
                if b == 0x22 || b == 0x5C || b < 0x20 { break }
                if !Self.continues(b) { scalars += 1 }
                end += 1
            }
            if end < bytes.count, bytes[end] == 0x22 {
                let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[index..<end]), as: UTF8.self) }
                column += scalars + 1
                index = end + 1
                return text
            }
            var out: [UInt8] = []
            func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: String(scalar).utf8) }
            while true {
                guard let c = current else { throw error("unterminated string") }
                if c == 0x22 { advance(); return String(decoding: out, as: UTF8.self) }
                if c < 0x20 { throw error("control character in a string") }
                if c == 0x5C {
                    advance()
                    guard let e = current else { throw error("unterminated escape") }
                    let escaped = e < 0x80 ? Unicode.Scalar(e) : scalar()
                    advance()
                    switch escaped {
                    case "\"": out.append(0x22); case "\\": out.append(0x5C); case "/": out.append(0x2F)
                    case "b": out.append(0x08); case "f": out.append(0x0C); case "n": out.append(0x0A)
                    case "r": out.append(0x0D); case "t": out.append(0x09)
                    case "u":
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard current == 0x5C else { throw error("lone surrogate in \\u escape") }
                            advance(); try expect("u", "a low surrogate escape")
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                        append(scalar)
                    default: throw error("invalid escape \\\(escaped)")
                    }
                    continue
                }
                // A scalar as it stands: its bytes.
                let from = index
                advance()
                out.append(contentsOf: bytes[from..<index])
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                let digit: UInt32
                switch current {
                case let c? where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
                case let c? where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
                case let c? where c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("invalid \\u escape")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }
    }
}
