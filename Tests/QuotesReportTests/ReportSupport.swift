import Foundation
import Quotes
@testable import QuotesReport

enum ReportSupport {
    /// The repository root (this file is Tests/QuotesReportTests/ReportSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = root.appendingPathComponent("Corpus/articles/sotchi-2020-12.txt")

    /// An article of the test's own, whose quotes and narration hold what
    /// an HTML page must show as text: tags, quotes, ampersands, Mustache
    /// braces, U+2028, and control characters.
    static let hostile = """
    «Nous publierons la liste <script>alert("x")</script> demain», a déclaré Mme Anne Vidal.

    Le maire a répondu : «Tout ira bien </div> & même mieux {{title}} {{{raw}}} {{> style}} ' " &amp; &#39;».
    Selon lui, le dossier est «clos»\u{2028}et la page <b>tournée</b>, a-t-il ajouté.
    Un dernier mot\u{0}de Mme Vidal\u{1}: «C'est fini\u{7F}», a-t-elle conclu.
    """ + String(String.UnicodeScalarView([Unicode.Scalar(0xFFFE)!]))

    static func article(_ text: String, id: String = "test.txt") throws -> ArticleReport {
        let source = SourceText(text)
        let result = try QuoteExtractor().extract(id: id, source: source)
        return ArticleReport(id: id, source: source, quotes: result.quotes)
    }

    static func seedArticle() throws -> ArticleReport {
        try article(String(contentsOf: seed, encoding: .utf8), id: "Corpus/articles/sotchi-2020-12.txt")
    }

    /// The markup between `<article …>` and `</article>`.
    static func articleMarkup(_ html: String) -> String? {
        guard let open = html.range(of: "<article class=\"text\""), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</article>", range: start..<html.endIndex) else { return nil }
        return String(html[html.index(after: start)..<close.lowerBound])
    }

    /// Text as a browser reads it from markup that only uses the five
    /// entities the templates write: tags removed, entities decoded.
    static func textContent(_ markup: String) -> String {
        var text = ""
        var inTag = false
        for character in markup {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { text.append(character) }
        }
        return unescape(text)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Each quote's text as marked up: the text of every `<mark data-q="k">` element, in order.
    static func markedQuotes(_ markup: String) -> [Int: String] {
        var result: [Int: String] = [:]
        var stack: [Int?] = []   // the quote of each open element, nil for evidence
        var i = markup.startIndex
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            for case let k? in stack { result[k, default: ""] += unescape(pending) }
            pending = ""
        }
        while i < markup.endIndex {
            if markup[i] == "<" {
                flush()
                let end = markup[i...].firstIndex(of: ">")!
                let tag = markup[i...end]
                if tag.hasPrefix("</") { stack.removeLast() } else {
                    var quote: Int?
                    if tag.hasPrefix("<mark"), let q = tag.range(of: "data-q=\"") {
                        quote = Int(tag[q.upperBound...].prefix { $0.isNumber })
                    }
                    stack.append(quote)
                }
                i = markup.index(after: end)
            } else {
                pending.append(markup[i])
                i = markup.index(after: i)
            }
        }
        flush()
        return result
    }
}

/// Runs the built programs (`quotectl`, `quotectl-serve`) found next to the test bundle.
enum Program {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func path(_ name: String) throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        struct Missing: Error, CustomStringConvertible { var description: String }
        throw Missing(description: "\(name) not found near \(CommandLine.arguments[0])")
    }

    /// Runs `quotectl` with `arguments` in the repository root.
    static func quotectl(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try path("quotectl")
        process.arguments = arguments
        process.currentDirectoryURL = ReportSupport.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quotectl-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
