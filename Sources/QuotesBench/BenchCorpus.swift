import Foundation
import Quotes

/// A large JSONL corpus for the benchmark, written to a file from a few
/// articles: each copy keeps an article's first paragraph (its lede and
/// dateline) and shuffles the others with a seeded generator, so no two
/// documents are alike yet every run builds the same bytes.
///
/// ```swift
/// let corpus = try BenchCorpus.write(articles: texts, megabytes: 100, to: "/tmp/bench.jsonl")
/// corpus.documents   // ≈ 60 000 for the 41 Corpus articles
/// ```
public struct BenchCorpus: Sendable {
    /// The JSONL file: one `{"id", "text"}` a line.
    public let path: String
    public let documents: Int
    /// UTF-8 bytes of the article texts (not of the JSON around them): the
    /// measure every MB/s figure divides.
    public let textBytes: Int
    /// Size of the JSONL file.
    public let fileBytes: Int

    /// Writes copies of `articles` until their texts reach `megabytes` (10⁶ bytes).
    /// - Complexity: O(size); the file is streamed, not held in memory.
    public static func write(articles: [String], megabytes: Int, to path: String) throws -> BenchCorpus {
        guard !articles.isEmpty else { throw BenchError("no article to build the corpus from") }
        guard let file = fopen(path, "w") else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        let target = megabytes * 1_000_000
        var texts = BenchDocuments(articles: articles)
        var documents = 0, textBytes = 0, fileBytes = 0
        while textBytes < target {
            let text = texts.next()
            let line = JSONValue.object([("id", .string("bench-\(documents)")), ("text", .string(text))]).serialized() + "\n"
            let written = line.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) } ?? 0
            guard written == line.utf8.count else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
            documents += 1
            textBytes += text.utf8.count
            fileBytes += written
        }
        return BenchCorpus(path: path, documents: documents, textBytes: textBytes, fileBytes: fileBytes)
    }
}

/// A folder of one `.txt` file per document, the same documents as the
/// start of a ``BenchCorpus``: how an archive of separate files is read.
public struct BenchFolder: Sendable {
    public let path: String
    public let files: Int
    public let textBytes: Int

    /// Writes `files` documents to the new folder `path`.
    public static func write(articles: [String], files: Int, to path: String) throws -> BenchFolder {
        guard !articles.isEmpty else { throw BenchError("no article to build the folder from") }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var texts = BenchDocuments(articles: articles)
        var textBytes = 0
        for index in 0..<files {
            let text = texts.next()
            let file = path + "/" + String(format: "bench-%07d.txt", index)
            guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else { throw BenchError("cannot write \(file)") }
            textBytes += text.utf8.count
        }
        return BenchFolder(path: path, files: files, textBytes: textBytes)
    }
}

/// The benchmark's documents in order: each a copy of the next article
/// with its first paragraph kept and the others shuffled by a seeded
/// generator.
struct BenchDocuments {
    private let paragraphs: [[String]]
    private var random = SplitMix(seed: 0x51_7CC1_B727_220A)
    private var count = 0

    init(articles: [String]) { paragraphs = articles.map { $0.components(separatedBy: "\n\n") } }

    mutating func next() -> String {
        let article = paragraphs[count % paragraphs.count]
        count += 1
        var body = Array(article.dropFirst())
        for i in body.indices.reversed() where i > 0 {
            body.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        return ([article[0]] + body).joined(separator: "\n\n")
    }
}

/// SplitMix64: a small seeded generator, so the corpus is the same on every
/// run (and the tests' random texts the same on every test run).
public struct SplitMix {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A benchmark that cannot run, with the reason.
public struct BenchError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
