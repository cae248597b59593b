import Foundation
import Testing
@testable import Quotes

/// Bad input keeps working and loses nothing: every case gives correct
/// output or a clear error, and the other documents are still processed.
@Suite struct BadInputTests {
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = Support.scratch.appendingPathComponent("bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("invalid UTF-8: file and byte offset, exit 1, the other documents still processed")
    func invalidUTF8() throws {
        let bad = try Self.temporary("bad.txt", Array("Il a dit «oui».".utf8) + [0xC3, 0x28] + Array(" Fin.".utf8))
        let run = try Support.run(["extract", "--format", "jsonl", bad, "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad): invalid UTF-8 at byte 17 (bytes C3 28"), "\(run.stderr)")
        #expect(run.stdout.contains("{\"doc\":\"\(bad)\",\"error\":\"invalid UTF-8 at byte 17"))
        #expect(run.stdout.contains("\"doc\":\"Corpus/articles/sotchi-2020-12.txt\""))
    }

    @Test("--lossy replaces bad bytes and flags the document's quotes")
    func lossy() throws {
        let bad = try Self.temporary("bad.txt", Array("«Nous partons»,".utf8) + [0xFF] + Array(" a dit M. Kis.".utf8))
        let run = try Support.run(["extract", "--format", "jsonl", "--lossy", bad])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"flags\":[\"lossy-input\"]"))
    }

    /// ASCII is decoded eight bytes at a time: a bad byte after an ASCII run
    /// of any length is still named at its own offset, and good text after
    /// such a run reads as Swift reads it.
    @Test("a bad byte after an ASCII run of every length", arguments: 0..<20)
    func afterASCIIRun(length: Int) {
        let run = Array(repeating: UInt8(ascii: "a"), count: length)
        let bad = run + [0xC3, 0x28] + Array(repeating: UInt8(ascii: "b"), count: 10)
        do { _ = try SourceText(utf8: bad); Issue.record("no error") } catch { #expect(error.byteOffset == length) }
        let good = run + Array("é".utf8) + Array(repeating: UInt8(ascii: "b"), count: length)
        #expect(try! SourceText(utf8: good).scalars == Array(String(decoding: good, as: UTF8.self).unicodeScalars))
    }

    @Test("decoding table", arguments: [
        ([0x41, 0xC0, 0x80], 1),              // overlong NUL
        ([0x41, 0xED, 0xA0, 0x80], 1),        // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),        // above U+10FFFF
        ([0x41, 0x42, 0xE2, 0x82], 2),        // truncated at the end
    ])
    func decoding(bytes: [UInt8], offset: Int) {
        #expect(throws: InvalidUTF8Error.self) { try SourceText(utf8: bytes) }
        do { _ = try SourceText(utf8: bytes) } catch { #expect(error.byteOffset == offset) }
        #expect(try! SourceText(utf8: bytes, lossy: true).hadInvalidBytes)
    }

    @Test("JSONL: one error record per bad line, with its number; every other line processed")
    func jsonl() throws {
        let lines = [
            #"{"id": "a", "text": "«Oui», a dit M. Kis."}"#,
            #"not json"#,
            #"{"id": 3, "text": "x"}"#,
            #"{"id": "b"}"#,
            #"{"id": "c", "text": "«Non», a dit Mme Varga."}"#,
        ]
        let path = try Self.temporary("in.jsonl", Array(lines.joined(separator: "\n").utf8))
        let run = try Support.run(["extract", "--input", "jsonl", "--format", "jsonl", path])
        #expect(run.status == 1)
        let records = run.stdout.split(separator: "\n")
        let errors = records.filter { $0.contains("\"error\"") }
        #expect(errors.map { String($0) } == [
            "{\"doc\":\"\(path):2\",\"error\":\"malformed JSON\"}",
            "{\"doc\":\"\(path):3\",\"error\":\"\\\"id\\\" must be a string\"}",
            "{\"doc\":\"\(path):4\",\"error\":\"missing \\\"text\\\"\"}",
        ])
        // Documents in = documents answered (quotes or an error record).
        let answered = Set(records.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["doc"] as? String
        })
        #expect(answered.count == lines.count)
        #expect(run.stderr.contains("\(path):2: malformed JSON"))
    }

    @Test("odd but valid input gives correct output", arguments: [
        ("NUL inside", "Il a dit\u{0}«oui»."),
        ("BOM", "\u{FEFF}«Oui», a dit M. Kis."),
        ("CRLF", "Un.\r\n\r\n«Oui», a dit M. Kis.\r\n"),
        ("lone CR", "Un.\r\r«Oui», a dit M. Kis.\r"),
        ("only marks", "«»«»«"),
        ("quote at the very end", "Il a dit «oui»"),
        ("a paragraph of only «", "«\n\n«\n\n«"),
        ("a very long name", "«Oui», a dit M. " + String(repeating: "Abcdefgh-", count: 300) + "Fin."),
    ])
    func odd(name: String, text: String) throws {
        let quotes = try Support.quotes(text)
        for quote in quotes {
            #expect(text.scalars(quote.range.lowerBound.value, quote.range.upperBound.value) == quote.text)
        }
    }

    @Test("an empty file, a folder without articles, an unreadable path")
    func paths() throws {
        let empty = try Self.temporary("empty.txt", [])
        let run = try Support.run(["extract", "--format", "jsonl", empty])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let folder = URL(fileURLWithPath: empty).deletingLastPathComponent().appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let noArticles = try Support.run(["extract", "--format", "jsonl", folder])
        #expect(noArticles.status == 1)
        #expect(noArticles.stderr.contains("\(folder): folder holds no .txt file"))
        let locked = try Self.temporary("locked.txt", Array("«Oui»".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked) }
        if getuid() != 0 {   // root reads anything
            let unreadable = try Support.run(["extract", "--format", "jsonl", locked])
            #expect(unreadable.status == 1)
            #expect(unreadable.stderr.contains(locked))
        }
    }

    @Test("a long single-line document and 100 000 quote marks are read whole")
    func large() throws {
        // Kept small for debug builds; the benchmark's pathological set has the 100 MB cases.
        let line = String(repeating: "Le maire a dit «oui» puis «non», a-t-il précisé. ", count: 4_000)   // ~200 kB, one line
        let quotes = try Support.quotes(line)
        #expect(quotes.count == 8_000)
        // 50 000 marks nested in 50 000 more: one quote holding the others.
        let marks = String(repeating: "«a", count: 50_000) + String(repeating: "»", count: 50_000)
        let nested = try Support.quotes(marks)
        #expect(nested.count == 1)
        #expect(nested.first?.span.flags == [.containsNested])
    }

    @Test("--output writes nothing partial when the run fails to start, and closes quietly on | head")
    func output() throws {
        let directory = Support.scratch.appendingPathComponent("out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("quotes.jsonl").path
        let ok = try Support.run(["extract", "--format", "jsonl", "--output", target, "Corpus/articles/sotchi-2020-12.txt"])
        #expect(ok.status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["quotes.jsonl"])   // no temporary left
        let bad = try Support.run(["extract", "--format", "jsonl", "--output", directory.appendingPathComponent("missing/dir/q.jsonl").path, "Corpus/articles"])
        #expect(bad.status != 0)
        #expect(!bad.stderr.isEmpty)
        // A reader that goes away: the shell's `| head -c 10`.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(try Support.binary().path)' extract --format jsonl Corpus/articles | head -c 10 > /dev/null; echo ${PIPESTATUS:-0}"]
        shell.currentDirectoryURL = Support.root
        let err = Pipe()
        shell.standardError = err
        shell.standardOutput = Pipe()
        try shell.run()
        shell.waitUntilExit()
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).isEmpty)
    }
}
