import Foundation
import Testing
@testable import Quotes
import QuotesBench

/// The benchmark's inputs: the JSONL corpus and the folder of files hold
/// the same documents, in the same order, on every run.
@Suite struct BenchCorpusTests {
    @Test("the folder holds the first documents of the JSONL corpus, and both are the same on every run")
    func sameDocuments() throws {
        let articles = ["Lede un.\n\nA.\n\nB.\n\nC.", "Lede deux.\n\nD.\n\nE."]
        let folder = Support.scratch.appendingPathComponent("bench-corpus-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let corpus = try BenchCorpus.write(articles: articles, megabytes: 1, to: folder + "/a.jsonl")
        let again = try BenchCorpus.write(articles: articles, megabytes: 1, to: folder + "/b.jsonl")
        #expect(FileManager.default.contents(atPath: corpus.path) == FileManager.default.contents(atPath: again.path))
        #expect(corpus.textBytes >= 1_000_000)
        let files = try BenchFolder.write(articles: articles, files: 5, to: folder + "/files")
        let names = try FileManager.default.contentsOfDirectory(atPath: files.path).sorted()
        #expect(names.count == 5)
        let lines = try String(contentsOfFile: corpus.path, encoding: .utf8).split(separator: "\n").prefix(5)
        var bytes = 0
        for (name, line) in zip(names, lines) {
            let text = try String(contentsOfFile: files.path + "/" + name, encoding: .utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object["text"] == text)
            #expect(text.hasPrefix("Lede"))
            bytes += text.utf8.count
        }
        #expect(files.textBytes == bytes)
    }

    /// `bench` reads its articles before it measures anything: a folder it cannot use is a usage
    /// error that names the folder or the file, not a Foundation error dump.
    static let badFolders: [(setUp: String, message: String)] = [
        ("missing", "no such folder"),
        ("file", "no such folder"),
        ("empty", "holds no .txt article"),
        ("latin1", "not UTF-8 text"),
    ]

    @Test("a bad --articles folder exits 2 and says what is wrong with which path", arguments: badFolders)
    func badArticles(setUp: String, message: String) throws {
        let root = Support.scratch.appendingPathComponent("bench-articles-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var path = root + "/articles"
        var named = path
        switch setUp {
        case "file":
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        case "empty":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        case "latin1":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            named = path + "/a.txt"
            try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: named))
        default:
            path = root + "/nowhere"
            named = path
        }
        let run = try Support.run(["bench", "--megabytes", "1", "--articles", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(named))
        #expect(run.stderr.contains(message))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }
}

/// `bench` says when the cold start it measured includes loading the Swift
/// runtime as shared libraries: read from the process's memory maps.
@Suite struct SharedRuntimeTests {
    static let maps: [(maps: String, shared: Bool)] = [
        ("7f00-7f10 r-xp 00000000 08:01 42  /opt/swift/usr/lib/swift/linux/libswiftCore.so\n", true),
        ("55aa-55ab r-xp 00000000 08:01 7   /work/.build/release/quotectl\n7f00-7f10 r--p 00000000 08:01 9 /usr/lib/x86_64-linux-gnu/libswiftCore.so", true),
        ("55aa-55ab r-xp 00000000 08:01 7   /work/.build/release/quotectl\n7f00-7f10 r-xp 00000000 08:01 9 /usr/lib/x86_64-linux-gnu/libc.so.6\n", false),
        // Another library whose name merely contains the runtime's.
        ("7f00-7f10 r-xp 00000000 08:01 9 /opt/lib/libswiftCore.so.backup\n", false),
        ("", false),
    ]

    @Test("the runtime counts as shared when a mapping is libswiftCore.so", arguments: maps.indices)
    func shared(_ row: Int) {
        #expect(Benchmark.loadsSharedSwiftRuntime(maps: Self.maps[row].maps) == Self.maps[row].shared)
    }
}
