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
        let root = Support.scratch.appendingPathComponent("input-count-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt"] { FileManager.default.createFile(atPath: root + "/" + name, contents: Data("Texte.".utf8)) }
        let paths = names.map { $0 == "-" ? $0 : root + "/" + $0 }
        #expect(InputReader(format: format).documentCount(paths) == expected)
    }

    /// A file is read whole into one array, whatever its size against the
    /// first guess (the size `fstat` gives, or 64 KiB for a pipe).
    @Test("a file is read whole, byte for byte", arguments: [0, 1, 65_535, 65_536, 65_537, 300_001])
    func readsWholeFile(size: Int) throws {
        let path = Support.scratch.appendingPathComponent("input-read-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        #expect(try InputReader.readAll(descriptor).get() == bytes)
    }

    @Test("a pipe with more than the first guess is read whole")
    func readsPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let bytes = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 % 253) }
        let writeEnd = ends[1]
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count { at += write(writeEnd, raw.baseAddress! + at, raw.count - at) }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        #expect(try InputReader.readAll(ends[0]).get() == bytes)
    }

    @Test("a folder opened as a file fails with the system's reason")
    func folderFails() {
        let descriptor = open(Support.scratch.path, O_RDONLY)
        defer { close(descriptor) }
        guard case .failure(let error) = InputReader.readAll(descriptor) else { Issue.record("a folder was read"); return }
        #expect(error.description == String(cString: strerror(EISDIR)))
    }
}
