import Foundation
import Quotes

/// A folder of report pages: one page per article, named after it, and an
/// `index.html` written last. Each file is written whole or not at all.
struct ReportFolder {
    let path: String
    private(set) var index = ReportIndex()
    private var taken: Set<String> = ["index"]

    /// Creates `path` (and its parents) when it does not exist.
    init(path: String) throws(ReportError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ReportError("\(path) is a file: several articles make a folder of pages, give a folder to --output") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw ReportError("cannot create \(path): \(ReportFolder.reason(error))")
            }
        }
        self.path = path
    }

    /// Writes the page of `article` and notes it for the index.
    mutating func add(_ article: ArticleReport, _ renderer: ReportRenderer) throws(ReportError) {
        let name = pageName(for: article.id)
        try Self.write(renderer.page(article, back: ("index.html", "All articles")), to: file(name))
        index.add(article, page: name)
    }

    mutating func addFailure(id: String, message: String) {
        index.addFailure(id: id, message: message)
    }

    /// Adds an article's page, or its failure to the index.
    mutating func add(_ outcome: Result<ArticleReport, InputError>, _ renderer: ReportRenderer) throws(ReportError) {
        switch outcome {
        case .success(let article): try add(article, renderer)
        case .failure(let error): addFailure(id: error.location, message: error.message)
        }
    }

    /// Writes `index.html`; returns its path.
    func finish(_ renderer: ReportRenderer) throws(ReportError) -> String {
        let target = file("index.html")
        try Self.write(renderer.index(index), to: target)
        return target
    }

    private func file(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// `a01-ankara.html` for `Corpus/articles/a01-ankara.txt`: the last part
    /// of the id without `.txt`, letters, digits, `.`, `_` and `-` kept, the
    /// rest as `-`; `-2`, `-3`… when two articles would share a name.
    mutating func pageName(for id: String) -> String {
        var base = String(id.split(separator: "/").last ?? "")
        if base.hasSuffix(".txt") { base.removeLast(4) }
        var slug = String(base.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        })
        while slug.hasPrefix(".") { slug.removeFirst() }
        if slug.isEmpty { slug = "article" }
        if slug.count > 80 { slug = String(slug.prefix(80)) }
        var name = slug
        var n = 1
        while taken.contains(name.lowercased()) {
            n += 1
            name = "\(slug)-\(n)"
        }
        taken.insert(name.lowercased())
        return name + ".html"
    }

    /// Writes `text` to a temporary file and renames it into place.
    static func write(_ text: String, to path: String) throws(ReportError) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw ReportError("cannot write \(path): \(reason(error))")
        }
    }

    /// The system's words for a failed file operation.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        return error.localizedDescription
    }
}
