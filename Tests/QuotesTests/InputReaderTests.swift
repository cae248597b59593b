import Foundation
import Testing
@testable import Quotes

/// When the reader knows how many documents its inputs hold before reading
/// them (so a run starts no more workers than documents).
@Suite struct InputReaderTests {
    @Test("documents known before reading", arguments: [
        (InputFormat.text, ["a.txt"], Optional(1)),
        (.text, ["a.txt", "b.txt", "a.txt"], 3),
        (.text, ["folder"], nil),
        (.text, ["a.txt", "folder"], nil),
        (.text, ["-"], nil),
        (.text, ["missing.txt"], nil),
        (.text, [], nil),
        (.jsonl, ["a.txt"], nil),
    ])
    func documentCount(format: InputFormat, names: [String], expected: Int?) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("input-count-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt"] { FileManager.default.createFile(atPath: root + "/" + name, contents: Data("Texte.".utf8)) }
        let paths = names.map { $0 == "-" ? $0 : root + "/" + $0 }
        #expect(InputReader(format: format).documentCount(paths) == expected)
    }
}
