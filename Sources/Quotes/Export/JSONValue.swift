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

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Writes `text` as a JSON string: quotes, backslashes and control
    /// characters escaped (and U+2028, U+2029, which some readers take for
    /// line ends); everything else as UTF-8.
    ///
    /// ```swift
    /// var out = ""
    /// JSONValue.writeString("«Oui»\n", to: &out)   // out == "\"«Oui»\\n\""
    /// ```
    /// - Complexity: O(n); runs that need no escape are copied in one append.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let byte = utf8[i]
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20: escape = unicodeEscape(UInt32(byte))
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let next = utf8.index(after: i)
                if next != utf8.endIndex, utf8[next] == 0x80, utf8.index(after: next) != utf8.endIndex,
                   case let last = utf8[utf8.index(after: next)], last == 0xA8 || last == 0xA9 {
                    escape = unicodeEscape(last == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    escape = nil
                }
            default: escape = nil
            }
            guard let escape else { i = utf8.index(after: i); continue }
            // Scalar-view slices: a String slice would round to a whole
            // character and repeat the \r of a \r\n.
            out += Substring(text.unicodeScalars[runStart..<i])
            out += escape
            // Step over the whole escaped scalar (three bytes for U+2028/9).
            i = utf8.index(i, offsetBy: byte == 0xE2 ? 3 : 1)
            runStart = i
        }
        out += Substring(text.unicodeScalars[runStart..<utf8.endIndex])
        out += "\""
    }

    /// `\\u` and four lowercase hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
