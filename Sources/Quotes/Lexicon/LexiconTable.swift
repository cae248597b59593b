/// One row of a lexicon table: its fields and where it stands.
struct LexiconRow {
    let file: String
    let line: Int
    /// Its fields, read in place in the table's one array of fields.
    let fields: LexiconFields

    init(file: String, line: Int, fields: [String]) {
        self.init(file: file, line: line, fields: LexiconFields(storage: fields, start: 0, count: fields.count))
    }

    init(file: String, line: Int, fields: LexiconFields) {
        self.file = file
        self.line = line
        self.fields = fields
    }

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

/// The fields of a ``LexiconRow``, numbered from 0: a run of the array that
/// holds every field of its table (a table's rows share one array instead
/// of making one each).
struct LexiconFields: RandomAccessCollection {
    let storage: [String]
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> String {
        precondition(index >= 0 && index < count, "field \(index) of a row of \(count)")
        return storage[start + index]
    }

    /// The fields from `index` on, as an array (a list spread over the last
    /// fields), cut from the table's array.
    func from(_ index: Int) -> [String] {
        precondition(index >= 0 && index <= count, "fields from \(index) of a row of \(count)")
        return Array(storage[(start + index)..<(start + count)])
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
        let numbered = lines(bytes)
        // Every field of the table in one array, each row's a run of it (the rows are made once it
        // is complete: a row made earlier would share it, and the next field would copy it whole).
        var fields: [String] = []
        fields.reserveCapacity(numbered.count * columns)
        var runs: [(line: Int, start: Int)] = []
        runs.reserveCapacity(numbered.count)
        // One array of field ranges for every row, emptied for the next.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(columns)
        for (number, line) in numbered {
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
            runs.append((number, fields.count))
            for range in ranges { fields.append(String(decoding: bytes[range], as: UTF8.self)) }
        }
        var rows: [LexiconRow] = []
        rows.reserveCapacity(runs.count)
        for (n, run) in runs.enumerated() {
            let end = n + 1 < runs.count ? runs[n + 1].start : fields.count
            rows.append(LexiconRow(file: file, line: run.line, fields: LexiconFields(storage: fields, start: run.start, count: end - run.start)))
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
