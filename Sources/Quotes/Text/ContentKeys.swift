/// The key of each content token of a document (lowercase, ’ read as '),
/// stored once per distinct key: a long document repeats a few thousand
/// words millions of times, so it keeps a 4-byte number per token and one
/// `String` per word, and a lexicon numbers each word once, not each token.
///
/// ```swift
/// let keys = document.contentKeys       // "le", "ministre", "a", "dit", "le", …
/// keys.vocabulary                       // ["le", "ministre", "a", "dit", …]
/// keys[4] == keys[0]                    // true: one string, numbered 0
/// document.words(in: lexicon.words)    // the lexicon's id of each token
/// ```
public struct ContentKeys: RandomAccessCollection, Sendable {
    /// Each distinct key, in the order of its first token.
    public let vocabulary: [String]
    /// For each content token, the index of its key in ``vocabulary``.
    public let numbers: [Int32]
    public init(vocabulary: [String], numbers: [Int32]) {
        self.vocabulary = vocabulary
        self.numbers = numbers
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { numbers.count }

    @inline(__always)
    public subscript(c: Int) -> String { vocabulary[Int(numbers[c])] }

}

/// The ids of a vocabulary's words in the word tables its analyzer was
/// given, and the vocabulary by its bytes for any other table.
struct VocabularyIDs: Sendable {
    /// The vocabulary by its UTF-8 bytes, numbered as ``ContentKeys/vocabulary``.
    let numbering: WordTable
    /// The tables the analyzer numbered the vocabulary in, and the ids in each.
    let tables: [WordTable.Identity]
    let ids: [[WordID]]

    /// The id in `table` of each word of the vocabulary.
    /// - Complexity: O(1) for a table the analyzer numbers its words in
    ///   (the lexicon's, the translation cues'); otherwise one look-up per
    ///   word of the vocabulary.
    func ids(in table: WordTable) -> [WordID] {
        if let t = tables.firstIndex(where: { $0 === table.identity }) { return ids[t] }
        return table.ids(of: numbering)
    }
}

/// A ``WordTable`` id for each content token of a document, read through
/// the number of its key (see ``ContentKeys``).
public struct ContentWords: RandomAccessCollection, Sendable {
    /// The id of each key of the vocabulary.
    let byKey: [WordID]
    let numbers: [Int32]

    init(byKey: [WordID], numbers: [Int32]) {
        self.byKey = byKey
        self.numbers = numbers
    }

    /// No ids: a document no lexicon has numbered yet.
    static let none = ContentWords(byKey: [], numbers: [])

    public var startIndex: Int { 0 }
    public var endIndex: Int { numbers.count }

    @inline(__always)
    public subscript(c: Int) -> WordID { byKey[Int(numbers[c])] }

    /// The first content position in `range` whose word is known and marked in
    /// `marked` (indexed by word id), or `range.upperBound`: one scan over the
    /// arrays in place, for the loops that pass over most words.
    func first(markedIn marked: [Bool], in range: Range<Int>) -> Int {
        byKey.withUnsafeBufferPointer { byKey in
            numbers.withUnsafeBufferPointer { numbers in
                marked.withUnsafeBufferPointer { marked in
                    for c in range {
                        let id = byKey[Int(numbers[c])]
                        if id.isKnown, marked[Int(id.raw)] { return c }
                    }
                    return range.upperBound
                }
            }
        }
    }
}

/// The keys a text analyzer has met, numbered across the documents it
/// reads (up to `limit` words, then it starts again): a worker makes a
/// `String` and asks the lexicons once per word, not once per document.
///
/// Each document keeps the vocabulary as it was when it was read (a
/// copy-on-write snapshot: no copy while documents are read one after the
/// other, as workers do).
struct Vocabulary: Sendable {
    /// The most words kept before the next document starts afresh.
    let limit: Int

    private(set) var numbering = WordTable(capacity: 1 << 12)
    private(set) var strings: [String] = []
    /// The tables every word is looked up in as it arrives, and its id in each.
    private let tables: [WordTable]
    private let identities: [WordTable.Identity]
    private var ids: [[WordID]]

    init(tables: [WordTable], limit: Int = 1 << 20) {
        self.limit = limit
        self.tables = tables
        identities = tables.map(\.identity)
        ids = tables.map { _ in [] }
    }

    /// A vocabulary that numbers nothing yet, standing in while a table holds the analyzer's.
    static let empty = Vocabulary(tables: [])

    /// Starts afresh when full; called between documents.
    mutating func prepare() {
        if strings.count >= limit { self = Vocabulary(tables: tables, limit: limit) }
    }

    /// The number of the key of `scalars[range]` (``ScalarString/key(_:)``).
    @inline(__always)
    mutating func number(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Int32 {
        ScalarString.withKey(scalars, range) { key in
            let (word, isNew) = numbering.insert(key)
            if isNew {
                strings.append(String(decoding: key, as: UTF8.self))
                for t in tables.indices { ids[t].append(tables[t].id(utf8: key)) }
            }
            return word.raw
        }
    }

    /// The keys of a document whose content tokens have `numbers`.
    func keys(_ numbers: [Int32]) -> ContentKeys { ContentKeys(vocabulary: strings, numbers: numbers) }

    /// The ids of the words met so far in the analyzer's tables.
    var wordIDs: VocabularyIDs { VocabularyIDs(numbering: numbering, tables: identities, ids: ids) }
}
