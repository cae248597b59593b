/// Counts of gold quotes per phenomenon tag, kind and split: the matrix
/// in `Corpus/README.md`.
public struct PhenomenonMatrix: Sendable {
    public struct Row: Sendable, Equatable {
        public var tag: String
        public var dev: Int
        public var test: Int
        public var total: Int { dev + test }
    }

    public var rows: [Row]
    public var kinds: [(kind: QuoteKind, dev: Int, test: Int)]
    public var documents: (dev: Int, test: Int)

    public init(entries: [GoldCorpus.Entry]) {
        var counts: [String: (Int, Int)] = [:]
        var kindCounts: [QuoteKind: (Int, Int)] = [:]
        var documents = (0, 0)
        for entry in entries {
            let isDev = entry.gold.split == .dev
            if isDev { documents.0 += 1 } else { documents.1 += 1 }
            for quote in entry.gold.quotes {
                var k = kindCounts[quote.kind] ?? (0, 0)
                if isDev { k.0 += 1 } else { k.1 += 1 }
                kindCounts[quote.kind] = k
                for tag in Set(quote.phenomena) {
                    var c = counts[tag] ?? (0, 0)
                    if isDev { c.0 += 1 } else { c.1 += 1 }
                    counts[tag] = c
                }
            }
        }
        rows = GoldReader.tags.sorted().map { Row(tag: $0, dev: counts[$0]?.0 ?? 0, test: counts[$0]?.1 ?? 0) }
        kinds = QuoteKind.allCases.map { ($0, kindCounts[$0]?.0 ?? 0, kindCounts[$0]?.1 ?? 0) }
        self.documents = documents
    }

    public var totalQuotes: Int { kinds.reduce(0) { $0 + $1.dev + $1.test } }

    /// The matrix as Markdown tables.
    public func markdown() -> String {
        var out = "| phenomenon | dev | test | total |\n|---|---:|---:|---:|\n"
        for row in rows { out += "| `\(row.tag)` | \(row.dev) | \(row.test) | \(row.total) |\n" }
        out += "\n| kind | dev | test | total |\n|---|---:|---:|---:|\n"
        for k in kinds { out += "| `\(k.kind.rawValue)` | \(k.dev) | \(k.test) | \(k.dev + k.test) |\n" }
        out += "| **all quotes** | \(kinds.reduce(0) { $0 + $1.dev }) | \(kinds.reduce(0) { $0 + $1.test }) | \(totalQuotes) |\n"
        out += "| documents | \(documents.dev) | \(documents.test) | \(documents.dev + documents.test) |\n"
        return out
    }
}
