/// One row of a lexicon table: its fields and where it stands.
struct LexiconRow {
    let file: String
    let line: Int
    let fields: [String]

    /// Field `index` (0-based); `-` reads as empty.
    func field(_ index: Int) -> String { fields[index] == "-" ? "" : fields[index] }

    /// Field `index` split at commas (empty when `-`).
    func list(_ index: Int) -> [String] {
        var value = field(index)
        guard !value.isEmpty else { return [] }
        // Cut on the bytes in one loop (the generic `split` is most of the cost).
        return value.withUTF8 { bytes in
            var items: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
                items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            return items
        }
    }

    func error(_ message: String, field: Int? = nil) -> LexiconError {
        LexiconError(file: file, line: line, column: field.map { $0 + 1 }, message: message)
    }

    /// Field `index`, which must be one of `allowed`. The lists are short
    /// (`m`, `f`, `mf`): compared one by one, not hashed.
    func choice(_ index: Int, _ allowed: [String]) throws(LexiconError) -> String {
        let value = fields[index]
        guard allowed.contains(where: { $0 == value }) else {
            throw error("expected one of \(allowed.sorted().joined(separator: ", ")), found \"\(value)\"", field: index)
        }
        return value
    }
}

/// Parses the plain lexicon formats: TSV with `#` comments, or one entry a line.
enum LexiconTable {
    /// Rows of a TSV file, each with exactly `columns` fields (`columns` at
    /// least when `orMore`, for a list in the last fields).
    /// - Complexity: O(n) in bytes: fields are cut on UTF-8 tabs, not on
    ///   characters (loading the lexicons is most of `quotectl`'s start-up).
    static func rows(_ contents: String, file: String, columns: Int, orMore: Bool = false) throws(LexiconError) -> [LexiconRow] {
        let bytes = Array(contents.utf8)
        var rows: [LexiconRow] = []
        // One array of field ranges for every row, emptied for the next.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(columns)
        for (number, line) in lines(bytes) {
            ranges.removeAll(keepingCapacity: true)
            var start = line.lowerBound
            while true {
                let end = bytes[start..<line.upperBound].firstIndex(of: UInt8(ascii: "\t")) ?? line.upperBound
                ranges.append(start..<end)
                guard end < line.upperBound else { break }
                start = end + 1
            }
            guard ranges.count == columns || (orMore && ranges.count > columns) else {
                throw LexiconError(file: file, line: number, column: nil,
                                   message: "expected \(columns) tab-separated fields\(orMore ? " at least" : ""), found \(ranges.count)")
            }
            for (index, range) in ranges.enumerated() where range.isEmpty || isSpace(bytes[range.lowerBound]) || isSpace(bytes[range.upperBound - 1]) {
                throw LexiconError(file: file, line: number, column: index + 1,
                                   message: range.isEmpty ? "empty field (write - for none)" : "space around the field")
            }
            let fields = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
            rows.append(LexiconRow(file: file, line: number, fields: fields))
        }
        return rows
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Entries of a one-per-line file.
    static func entries(_ contents: String, file: String) throws(LexiconError) -> [(line: Int, value: String)] {
        var result: [(Int, String)] = []
        let bytes = Array(contents.utf8)
        for (number, range) in lines(bytes) {
            let value = String(decoding: bytes[range], as: UTF8.self).trimmingSpaces()
            guard !value.utf8.contains(UInt8(ascii: "\t")) else {
                throw LexiconError(file: file, line: number, column: nil, message: "one entry a line, no tabs")
            }
            result.append((number, value))
        }
        return result
    }

    /// Non-blank, non-comment lines with their 1-based numbers; a line may
    /// end in CRLF.
    private static func lines(_ bytes: [UInt8]) -> [(Int, Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        var number = 0
        var start = 0
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            number += 1
            var stop = end
            if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            if !bytes[start..<stop].allSatisfy(isSpace), bytes[start] != UInt8(ascii: "#") { result.append((number, start..<stop)) }
            guard end < bytes.count else { break }
            start = end + 1
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
