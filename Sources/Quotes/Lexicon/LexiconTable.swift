/// One row of a lexicon table: its fields and where it stands.
struct LexiconRow {
    let file: String
    let line: Int
    let fields: [String]

    /// Field `index` (0-based); `-` reads as empty.
    func field(_ index: Int) -> String { fields[index] == "-" ? "" : fields[index] }

    /// Field `index` split at commas (empty when `-`).
    func list(_ index: Int) -> [String] {
        let value = field(index)
        return value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    func error(_ message: String, field: Int? = nil) -> LexiconError {
        LexiconError(file: file, line: line, column: field.map { $0 + 1 }, message: message)
    }

    /// Field `index`, which must be one of `allowed`.
    func choice(_ index: Int, _ allowed: Set<String>) throws(LexiconError) -> String {
        let value = fields[index]
        guard allowed.contains(value) else {
            throw error("expected one of \(allowed.sorted().joined(separator: ", ")), found \"\(value)\"", field: index)
        }
        return value
    }
}

/// Parses the plain lexicon formats: TSV with `#` comments, or one entry a line.
enum LexiconTable {
    /// Rows of a TSV file, each with exactly `columns` fields.
    /// - Complexity: O(n) in bytes: fields are cut on UTF-8 tabs, not on
    ///   characters (loading the lexicons is most of `quotectl`'s start-up).
    static func rows(_ contents: String, file: String, columns: Int) throws(LexiconError) -> [LexiconRow] {
        var rows: [LexiconRow] = []
        for (number, rawLine) in lines(contents) {
            let fields = rawLine.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == columns else {
                throw LexiconError(file: file, line: number, column: nil,
                                   message: "expected \(columns) tab-separated fields, found \(fields.count)")
            }
            for (index, field) in fields.enumerated() where field.isEmpty || isSpace(field.first!) || isSpace(field.last!) {
                throw LexiconError(file: file, line: number, column: index + 1,
                                   message: field.isEmpty ? "empty field (write - for none)" : "space around the field")
            }
            rows.append(LexiconRow(file: file, line: number, fields: fields.map { String(Substring($0)) }))
        }
        return rows
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Entries of a one-per-line file.
    static func entries(_ contents: String, file: String) throws(LexiconError) -> [(line: Int, value: String)] {
        var result: [(Int, String)] = []
        for (number, line) in lines(contents) {
            let value = line.trimmingSpaces()
            guard !value.contains("\t") else {
                throw LexiconError(file: file, line: number, column: nil, message: "one entry a line, no tabs")
            }
            result.append((number, value))
        }
        return result
    }

    /// Non-blank, non-comment lines with their 1-based numbers; a line may
    /// end in CRLF.
    private static func lines(_ contents: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var number = 0
        for line in contents.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var text = line
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            if text.allSatisfy(isSpace) || text.first == UInt8(ascii: "#") { continue }
            result.append((number, String(Substring(text))))
        }
        return result
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
