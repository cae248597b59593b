/// What a folder of pages adds up to, for its `index.html`: each article
/// with its quote count (or why it failed), and every speaker across the set
/// with their number of quotes and mean confidence.
///
/// ```swift
/// var index = ReportIndex()
/// index.add(article, page: "sotchi-2020-12.html")
/// index.addFailure(id: "broken.txt", message: "invalid UTF-8 at byte 12")
/// ```
public struct ReportIndex: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// The page's file name in the folder, or nil when the article failed.
        public var page: String?
        public var quotes: Int
        public var speakers: Int
        public var error: String?
    }

    public private(set) var entries: [Entry] = []
    private var speakerPosition: [String: Int] = [:]
    /// Speakers across the set, in the order they were first quoted.
    public private(set) var speakers: [SpeakerSummary] = []

    public init() {}

    public mutating func add(_ article: ArticleReport, page: String) {
        entries.append(Entry(id: article.id, page: page, quotes: article.quotes.count, speakers: article.speakers.count, error: nil))
        for speaker in article.speakers {
            if let k = speakerPosition[speaker.key] {
                speakers[k].merge(speaker)
            } else {
                speakerPosition[speaker.key] = speakers.count
                speakers.append(speaker)
            }
        }
    }

    public mutating func addFailure(id: String, message: String) {
        entries.append(Entry(id: id, page: nil, quotes: 0, speakers: 0, error: message))
    }

    /// Speakers with the most quotes first (then by name), as the index lists them.
    public var speakersByQuotes: [SpeakerSummary] {
        speakers.sorted { $0.quotes != $1.quotes ? $0.quotes > $1.quotes : $0.name < $1.name }
    }
}

/// What `index.mustache` renders.
struct IndexPage: Sendable {
    let indexTitle: String
    let indexSummary: String
    let articleRows: [ArticleRow]
    let peopleRows: [PersonRow]
    let hasPeople: Bool

    struct ArticleRow: Sendable {
        let articleTitle: String
        let articleHref: String?
        let articleQuotes: String
        let articleSpeakers: String
        let articleError: String?
    }

    struct PersonRow: Sendable {
        let personName: String
        let personQuotes: String
        let personConfidence: String
        let personLanguages: String
    }

    init(_ index: ReportIndex, title: String) {
        indexTitle = title
        let quotes = index.entries.reduce(0) { $0 + $1.quotes }
        let failed = index.entries.filter { $0.error != nil }.count
        indexSummary = "\(index.entries.count) article\(index.entries.count == 1 ? "" : "s"), \(quotes) quote\(quotes == 1 ? "" : "s"), "
            + "\(index.speakers.count) speaker\(index.speakers.count == 1 ? "" : "s")" + (failed > 0 ? ", \(failed) failed" : "")
        articleRows = index.entries.map { entry in
            ArticleRow(articleTitle: entry.id, articleHref: entry.page, articleQuotes: entry.error == nil ? String(entry.quotes) : "—",
                       articleSpeakers: entry.error == nil ? String(entry.speakers) : "—", articleError: entry.error)
        }
        peopleRows = index.speakersByQuotes.map { speaker in
            PersonRow(personName: speaker.name, personQuotes: String(speaker.quotes),
                      personConfidence: speaker.meanConfidence.map(ArticlePage.number) ?? "—",
                      personLanguages: speaker.languages.isEmpty ? "—" : speaker.languages.joined(separator: ", "))
        }
        hasPeople = !peopleRows.isEmpty
    }
}
