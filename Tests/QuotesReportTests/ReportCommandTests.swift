import Foundation
import Testing

/// End-to-end: `quotectl report` as a person runs it.
@Suite struct ReportCommandTests {
    @Test("one article: one self-contained page on standard output")
    func oneArticle() throws {
        let run = try Program.quotectl(["report", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("<title>Corpus/articles/sotchi-2020-12.txt — quotes</title>"))
        #expect(run.stdout.components(separatedBy: "tabindex=\"0\"").count - 1 == 14)
    }

    @Test("one article to --output FILE; the same bytes as on standard output")
    func outputFile() throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/seed.html"
        let run = try Program.quotectl(["report", "--output", file, "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("wrote \(file)"))
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page == (try Program.quotectl(["report", "Corpus/articles/sotchi-2020-12.txt"])).stdout)
    }

    @Test("several articles: a folder with a page each and an index of articles and speakers")
    func folder() throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/report"
        let run = try Program.quotectl(["report", "--output", target, "Corpus/articles/sotchi-2020-12.txt", "Corpus/articles/a06-halles-quimper.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(files == ["a06-halles-quimper.html", "index.html", "sotchi-2020-12.html"])
        let index = try String(contentsOfFile: target + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"sotchi-2020-12.html\">Corpus/articles/sotchi-2020-12.txt</a></th><td class=\"n\">14</td><td class=\"n\">4</td>"))
        #expect(index.contains("<tr><th scope=\"row\">Mevlut Cavusoglu</th><td class=\"n\">5</td>"))
        let page = try String(contentsOfFile: target + "/sotchi-2020-12.html", encoding: .utf8)
        #expect(page.contains("<a class=\"back\" href=\"index.html\">"))
    }

    @Test("a folder of articles with a broken one: the others are written, the index says what failed, exit 1")
    func brokenArticle() throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("«Nous tiendrons», a dit Mme Anne Vidal.\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        try Data([0x41, 0xFF, 0x42]).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try Data("«Rien ne change», a affirmé Paul Roux.\n".utf8).write(to: URL(fileURLWithPath: folder + "/c.txt"))
        let target = folder + "/out/"
        let run = try Program.quotectl(["report", "-o", target, folder])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/b.txt: invalid UTF-8 at byte 1 (bytes FF 42)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(files == ["a.html", "c.html", "index.html"])
        let index = try String(contentsOfFile: target + "index.html", encoding: .utf8)
        #expect(index.contains("failed: invalid UTF-8 at byte 1"))
        #expect(index.contains("Anne Vidal") && index.contains("Paul Roux"))
    }

    @Test("usage errors exit 2", arguments: [
        (["report"], "give at least one file"),
        (["report", "Corpus/articles/sotchi-2020-12.txt", "Corpus/articles/a06-halles-quimper.txt"], "give --output DIR"),
        (["report", "Corpus/articles"], "give --output DIR"),
    ])
    func usage(_ row: ([String], String)) throws {
        let run = try Program.quotectl(row.0)
        #expect(run.status == 2)
        #expect(run.stderr.contains(row.1), "\(run.stderr)")
    }

    @Test("JSONL input: one page per line, named after its id")
    func jsonl() throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = #"{"id": "mairie/conseil", "text": "«Le budget est voté», a annoncé le maire."}"# + "\n" + #"{"id": "port", "text": "Le port rouvre lundi."}"# + "\n"
        let run = try Program.quotectl(["report", "--input", "jsonl", "-o", folder, "-"], stdin: Data(lines.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["conseil.html", "index.html", "port.html"])
    }
}
