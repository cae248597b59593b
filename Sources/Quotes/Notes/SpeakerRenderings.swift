import Foundation

/// The spellings of the bundled registry's speakers whose names need an
/// ICU transliterator (a native name in another script, or a Latin letter
/// such as `ł` that does not decompose), as ``SpeakerNameRenderer`` renders
/// them with ICU, shipped in `notes/speaker-renderings.tsv`.
///
/// Opening the first transliterator of a process sets up ICU's whole
/// transliterator registry: about 140 M instructions, 10 ms, a third of
/// the cold start on an article that quotes Sergueï Lavrov. With the
/// table, such a speaker costs a look-up. A row serves only the entry it
/// was made for (same id, native spelling, reading, language and name): a
/// speaker a user's `--speakers` file changes is rendered by ICU.
/// `SpeakerRenderingsTests` hold the file to what ICU gives, and write it
/// again with `QUOTECTL_WRITE_RENDERINGS=1`.
///
/// ```swift
/// let table = try SpeakerRenderings.bundled()
/// table.spellings(of: lavrov)   // ["Сергей Лавров", "Sergey Lavrov", "Sergej Lavrov", "Sergueï Lavrov"]
/// ```
struct SpeakerRenderings: Sendable {
    /// What a rendering is made from, and what it gives.
    struct Row: Sendable, Equatable {
        var id: String
        var native: String?
        var reading: String?
        var language: String?
        var name: String
        var spellings: [String]

        /// The row for `entry`, rendered as `spellings`.
        init(_ entry: Registry.Entry, spellings: [String]) {
            self.init(id: entry.id, native: entry.native, reading: entry.nativeReading, language: entry.language,
                      name: entry.name, spellings: spellings)
        }

        init(id: String, native: String?, reading: String?, language: String?, name: String, spellings: [String]) {
            self.id = id
            self.native = native
            self.reading = reading
            self.language = language
            self.name = name
            self.spellings = spellings
        }

        /// Whether the row was made from `entry`'s fields, the only ones a rendering reads.
        func isMade(from entry: Registry.Entry) -> Bool {
            id == entry.id && native == entry.native && reading == entry.nativeReading && language == entry.language && name == entry.name
        }
    }

    /// The rows in file order.
    let rows: [Row]
    private let byID: [String: Int]

    /// The file's columns before the spellings.
    static let header = "id\tnative\tnative_reading\tlanguage\tname\tspellings…"

    init(rows: [Row]) {
        self.rows = rows
        byID = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Parses the file (``LexiconTable``'s TSV: `#` comments, `-` for none),
    /// the spellings in the fields after the name (one at least).
    init(_ text: String, file: String) throws(LexiconError) {
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in try LexiconTable.rows(text, file: file, columns: 6, orMore: true) {
            if let first = seen[row.fields[0]] { throw row.error("\(row.fields[0]) is already on line \(first)", field: 0) }
            seen[row.fields[0]] = row.line
            func optional(_ index: Int) -> String? { row.fields[index] == "-" ? nil : row.fields[index] }
            rows.append(Row(id: row.fields[0], native: optional(1), reading: optional(2), language: optional(3),
                            name: row.fields[4], spellings: row.fields.from(5)))
        }
        self.init(rows: rows)
    }

    /// The table shipped with the library, read once per process and shared.
    static func bundled() throws(LexiconError) -> SpeakerRenderings { try cached.get() }

    private static let cached = Result { () throws(LexiconError) -> SpeakerRenderings in
        let (text, file) = try NotesResource.text("speaker-renderings", folder: "notes")
        return try SpeakerRenderings(text, file: file)
    }

    /// The shipped spellings of `entry`, when a row was made from it.
    func spellings(of entry: Registry.Entry) -> [String]? {
        guard let i = byID[entry.id], rows[i].isMade(from: entry) else { return nil }
        return rows[i].spellings
    }

    /// The file's text for `rows`, with its header.
    static func text(_ rows: [Row]) -> String {
        var out = """
        # The spellings of the bundled registry's speakers whose names need an ICU transliterator,
        # as SpeakerNameRenderer renders them (ICU's BGN romanization, Any-Latin, ASCII, the
        # registry's name). Generated from the registry: QUOTECTL_WRITE_RENDERINGS=1 swift test
        # --filter SpeakerRenderingsTests writes it again; that test fails when it is stale.
        # \(header)

        """
        for row in rows {
            let fields = [row.id, row.native ?? "-", row.reading ?? "-", row.language ?? "-", row.name] + row.spellings
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }
}
