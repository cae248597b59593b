import Foundation

/// Turns a rule's decision into a confidence that means "right this often":
/// per rule, the share of its attributions that were right on the Corpus dev
/// split, smoothed as (right + 1) / (total + 2). The table is measured, not
/// set by hand: `quotectl eval --split dev --write-calibration FILE` writes it.
public struct Calibration: Sendable {
    public struct Entry: Sendable, Equatable {
        public var correct: Int
        public var total: Int
        public var confidence: Confidence { Confidence(Double(correct + 1) / Double(total + 2)) }
    }

    public var entries: [RuleID: Entry]

    public init(entries: [RuleID: Entry] = [:]) { self.entries = entries }

    public func confidence(for rule: RuleID) -> Confidence {
        entries[rule]?.confidence ?? Confidence(0.5)
    }

    /// The table shipped with the library (`Resources/calibration/calibration.tsv`).
    public static func bundled() throws -> Calibration {
        guard let url = Bundle.module.url(forResource: "calibration", withExtension: "tsv", subdirectory: "calibration")
                ?? Bundle.module.url(forResource: "calibration/calibration", withExtension: "tsv") else { return Calibration() }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Calibration() }
        return try parse(text, file: "calibration.tsv")
    }

    /// Parses `rule<TAB>correct<TAB>total` lines.
    public static func parse(_ text: String, file: String) throws(LexiconError) -> Calibration {
        var entries: [RuleID: Entry] = [:]
        for row in try LexiconTable.rows(text, file: file, columns: 3) {
            guard let correct = Int(row.fields[1]), let total = Int(row.fields[2]), correct >= 0, total >= correct else {
                throw row.error("expected two counts with correct ≤ total", field: 1)
            }
            entries[RuleID(rawValue: row.fields[0])] = Entry(correct: correct, total: total)
        }
        return Calibration(entries: entries)
    }

    /// The table as written to disk.
    public func serialized() -> String {
        var out = "# rule\tcorrect\ttotal — measured by `quotectl eval --split dev --write-calibration`\n"
        for (rule, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out += "\(rule.rawValue)\t\(entry.correct)\t\(entry.total)\n"
        }
        return out
    }
}
