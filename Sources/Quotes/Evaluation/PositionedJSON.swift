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
        var parser = Parser(scalars: text.scalarArray)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < parser.scalars.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
        }

        mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(SyntaxError) {
            guard current == c else { throw error("expected \(what)") }
            advance()
        }

        mutating func value(depth: Int = 0) throws(SyntaxError) -> PositionedJSON {
            guard depth < 512 else { throw error("nesting too deep") }
            let (l, col) = (line, column)
            guard let c = current else { throw error("unexpected end of file") }
            switch c {
            case "{":
                advance()
                var members: [(String, PositionedJSON)] = []
                skipSpace()
                if current == "}" { advance(); return PositionedJSON(node: .object([]), line: l, column: col) }
                while true {
                    skipSpace()
                    guard current == "\"" else { throw error("expected a quoted key") }
                    let key = try string()
                    skipSpace()
                    try expect(":", "':' after the key")
                    skipSpace()
                    if members.contains(where: { $0.0 == key }) { throw error("duplicate key \"\(key)\"") }
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    if current == "," { advance(); continue }
                    try expect("}", "',' or '}'")
                    return PositionedJSON(node: .object(members), line: l, column: col)
                }
            case "[":
                advance()
                var items: [PositionedJSON] = []
                skipSpace()
                if current == "]" { advance(); return PositionedJSON(node: .array([]), line: l, column: col) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if current == "," { advance(); continue }
                    try expect("]", "',' or ']'")
                    return PositionedJSON(node: .array(items), line: l, column: col)
                }
            case "\"":
                return PositionedJSON(node: .string(try string()), line: l, column: col)
            case "t": try literal("true"); return PositionedJSON(node: .bool(true), line: l, column: col)
            case "f": try literal("false"); return PositionedJSON(node: .bool(false), line: l, column: col)
            case "n": try literal("null"); return PositionedJSON(node: .null, line: l, column: col)
            default:
                if c == "-" || CharacterClass.isDigit(c) { return PositionedJSON(node: .number(try number()), line: l, column: col) }
                throw error("unexpected character '\(c)'")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            for expected in word.unicodeScalars {
                guard current == expected else { throw error("invalid literal, expected \(word)") }
                advance()
            }
        }

        mutating func number() throws(SyntaxError) -> Double {
            var text = ""
            while let c = current, c == "-" || c == "+" || c == "." || c == "e" || c == "E" || CharacterClass.isDigit(c) {
                text.unicodeScalars.append(c)
                advance()
            }
            guard let value = Double(text) else { throw error("invalid number \(text)") }
            return value
        }

        mutating func string() throws(SyntaxError) -> String {
            advance() // opening quote
            // Most strings hold no escape: find the closing quote, then make
            // the string at once (no line break can be inside, so only the
            // column moves).
            var end = index
            while end < scalars.count {
                let v = scalars[end].value
                if v == 0x22 || v == 0x5C || v < 0x20 { break }
                end += 1
            }
            if end < scalars.count, scalars[end] == "\"" {
                let text = ScalarString.make(scalars[index..<end])
                column += end - index + 1
                index = end + 1
                return text
            }
            var out = String.UnicodeScalarView()
            while true {
                guard let c = current else { throw error("unterminated string") }
                if c == "\"" { advance(); return String(out) }
                if c.value < 0x20 { throw error("control character in a string") }
                if c == "\\" {
                    advance()
                    guard let e = current else { throw error("unterminated escape") }
                    advance()
                    switch e {
                    case "\"": out.append("\""); case "\\": out.append("\\"); case "/": out.append("/")
                    case "b": out.append("\u{08}"); case "f": out.append("\u{0C}"); case "n": out.append("\n")
                    case "r": out.append("\r"); case "t": out.append("\t")
                    case "u":
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard current == "\\" else { throw error("lone surrogate in \\u escape") }
                            advance(); try expect("u", "a low surrogate escape")
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                        out.append(scalar)
                    default: throw error("invalid escape \\\(e)")
                    }
                    continue
                }
                out.append(c)
                advance()
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let c = current, let digit = UInt32(String(c), radix: 16) else { throw error("invalid \\u escape") }
                value = value * 16 + digit
                advance()
            }
            return value
        }
    }
}
