import Foundation
import Testing
@testable import Quotes

/// `quotectl extract --encoding`: the real binary over files in every form.
@Suite struct EncodingCommandTests {
    /// The records of a JSONL run, by document.
    static func records(_ stdout: String) throws -> [String: [[String: Any]]] {
        var byDoc: [String: [[String: Any]]] = [:]
        for line in stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byDoc[object["doc"] as! String, default: []].append(object)
        }
        return byDoc
    }

    /// What a record says apart from its document and flags.
    static func essence(_ record: [String: Any]) -> String {
        "\(record["start"]!)-\(record["end"]!) \(record["kind"]!) \(record["speaker"] as? String ?? "-") \(record["text"]!)"
    }

    @Test("a folder mixing every form, and UTF-16 without a mark, with --encoding auto")
    func mixedFolder() throws {
        let folder = try EncodedArticle.folder("mixed")
        var forms = EncodedArticle.forms
        forms.append(.init(charset: "UTF-16LE", codec: "utf-16-le"))
        var files: [(path: String, form: EncodedArticle.Form, bytes: [UInt8])] = []
        for form in forms {
            let bytes = try EncodedArticle.bytes(form)
            let path = folder.appendingPathComponent(form.fileName).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            files.append((path, form, bytes))
        }
        let run = try Support.run(["extract", "--encoding", "auto", "--verbose", "--format", "jsonl", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let byDoc = try Self.records(run.stdout)
        let reference = try #require(byDoc[folder.appendingPathComponent("article-utf-8.txt").path])
        #expect(reference.count >= 8)
        var slices: [(bytes: [UInt8], codec: String, ranges: [Range<Int>])] = []
        for file in files {
            let records = try #require(byDoc[file.path], "\(file.form)")
            #expect(records.map(Self.essence) == reference.map(Self.essence), "\(file.form)")
            let flag = file.form.charset == "UTF-8" ? [] : ["decoded:" + file.form.charset.lowercased()]
            #expect(records.allSatisfy { $0["flags"] as? [String] == flag }, "\(file.form)")
            #expect(run.stderr.contains("quotectl: \(file.path): \(file.form.charset) ("), "\(run.stderr)")
            slices.append((file.bytes, file.form.byteOrderMark ? "utf-16" : file.form.codec,
                           records.map { ($0["start"] as! Int)..<($0["end"] as! Int) }))
        }
        // `text` is what Python reads at [start:end] of the decoded file.
        let python = try EncodedArticle.pythonSlices(slices)
        for (file, texts) in zip(files, python) {
            #expect(byDoc[file.path]!.map { $0["text"] as! String } == texts, "\(file.form)")
        }
    }

    @Test("a folder of windows-1252 files takes one flag")
    func oneFlag() throws {
        let folder = try EncodedArticle.folder("cp1252")
        let paragraphs = EncodedArticle.text.components(separatedBy: "\n\n").filter { $0.contains("«") }
        let encoded = try EncodedArticle.encode(paragraphs.map { $0 + " Ce n'était qu'un début, a-t-on appris. " + "’œ" }, paragraphs.map { _ in "cp1252" })
        for (i, bytes) in encoded.enumerated() { try Data(bytes).write(to: folder.appendingPathComponent("p\(i).txt")) }
        let without = try Support.run(["extract", "--format", "jsonl", folder.path])
        #expect(without.status == 1)
        #expect(without.stderr.contains("read it with --encoding windows-1252 or --encoding auto"), "\(without.stderr)")
        for flag in [["--encoding", "windows-1252"], ["--encoding", "auto"]] {
            let run = try Support.run(["extract", "--format", "jsonl"] + flag + [folder.path])
            #expect(run.status == 0, "\(run.stderr)")
            let byDoc = try Self.records(run.stdout)
            #expect(byDoc.count == encoded.count)
            #expect(byDoc.values.joined().contains { ($0["text"] as? String)?.contains("œuvre") == true })
        }
    }

    @Test("standard input in another set")
    func standardInput() throws {
        let form = try #require(EncodedArticle.forms.first { $0.charset == "macintosh" })
        let run = try Support.run(["extract", "--encoding", "macintosh", "--format", "jsonl", "-"], stdin: Data(try EncodedArticle.bytes(form)))
        #expect(run.status == 0)
        #expect(try Self.records(run.stdout)["-"]?.first?["flags"] as? [String] == ["decoded:macintosh"])
    }

    @Test("a table says once what a document was read as")
    func table() throws {
        let folder = try EncodedArticle.folder("table")
        let form = try #require(EncodedArticle.forms.first { $0.charset == "ISO-8859-15" })
        let path = folder.appendingPathComponent(form.fileName).path
        try Data(try EncodedArticle.bytes(form)).write(to: URL(fileURLWithPath: path))
        let run = try Support.run(["extract", "--encoding", "auto", "--format", "table", path])
        #expect(run.stdout.hasPrefix("\(path) — \(Self.referenceCount) quotes, read as ISO-8859-15\n"), "\(run.stdout.prefix(200))")
        #expect(!run.stdout.contains("decoded:"))
    }

    static var referenceCount: Int { SourceDecoderTests.reference.count }

    @Test("usage errors: an unknown name, --encoding with JSONL", arguments: [
        (["--encoding", "windos-1252", "x.txt"], "unknown encoding 'windos-1252' (did you mean windows-1252"),
        (["--encoding", "latin9", "--input", "jsonl", "x.jsonl"], "--encoding applies to text input; JSONL input is always UTF-8"),
    ])
    func usage(arguments: [String], message: String) throws {
        let run = try Support.run(["extract"] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("bad bytes fail their file only; --lossy reads them")
    func badBytes() throws {
        let folder = try EncodedArticle.folder("bad")
        let good = folder.appendingPathComponent("a.txt").path, bad = folder.appendingPathComponent("b.txt").path
        let quote = EncodedArticle.utf16LE("«\u{A0}Oui\u{A0}», a dit M. Kis.")
        try Data(quote).write(to: URL(fileURLWithPath: good))
        try Data(quote + [0x41]).write(to: URL(fileURLWithPath: bad))   // an odd byte at the end
        let run = try Support.run(["extract", "--encoding", "UTF-16LE", "--format", "jsonl", good, bad])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad): invalid UTF-16LE at byte \(quote.count) (bytes 41); use --lossy"), "\(run.stderr)")
        #expect(try Self.records(run.stdout)[good]?.count == 1)
        let lossy = try Support.run(["extract", "--encoding", "UTF-16LE", "--lossy", "--format", "jsonl", bad])
        #expect(lossy.status == 0)
        #expect(try Self.records(lossy.stdout)[bad]?.first?["flags"] as? [String] == ["decoded:utf-16le", "lossy-input"])
    }

    @Test("explain and verify read other encodings too")
    func otherCommands() throws {
        let folder = try EncodedArticle.folder("commands")
        let form = try #require(EncodedArticle.forms.first { $0.charset == "windows-1252" })
        let path = folder.appendingPathComponent(form.fileName).path
        try Data(try EncodedArticle.bytes(form)).write(to: URL(fileURLWithPath: path))
        let explain = try Support.run(["explain", "--encoding", "auto", path])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Hélène Dufresne"), "\(explain.stdout.prefix(300))")
        let unread = try Support.run(["verify", "--policy", "min_confidence=0.1", path])
        #expect(unread.status == 2)
        #expect(unread.stderr.contains("\(path): invalid UTF-8 at byte"))
        let verified = try Support.run(["verify", "--policy", "min_confidence=0.1", "--encoding", "windows-1252", path])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test("a file auto cannot tell fails with ICU's best guesses; the others are read")
    func undetected() throws {
        let folder = try EncodedArticle.folder("short")
        let short = folder.appendingPathComponent("short.txt").path
        try Data(try EncodedArticle.encode(["«\u{A0}Oui\u{A0}»"], ["cp1252"])[0]).write(to: URL(fileURLWithPath: short))
        try Data(EncodedArticle.text.utf8).write(to: folder.appendingPathComponent("long.txt"))
        let run = try Support.run(["extract", "--encoding", "auto", "--format", "jsonl", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(short): cannot tell the encoding"), "\(run.stderr)")
        #expect(run.stderr.contains("name it with --encoding NAME"))
        #expect(try Self.records(run.stdout)[folder.appendingPathComponent("long.txt").path]?.count == Self.referenceCount)
    }
}
