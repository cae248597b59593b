import Foundation
import Mustache

/// Renders report pages from the Mustache templates in `Templates/` (data,
/// not code: `page`, `index`, `paste`, and the partials `style` and
/// `script`). Every value goes in through `{{…}}`, which escapes `&`, `<`,
/// `>`, `"` and `'`; the templates use no unescaped `{{{…}}}`.
///
/// ```swift
/// let renderer = try ReportRenderer.bundled()
/// let html = renderer.page(article)    // a whole self-contained page
/// ```
public struct ReportRenderer: Sendable {
    private let library: MustacheLibrary

    /// The templates shipped in the `QuotesReport` bundle, parsed once per process.
    public static func bundled() throws(ReportError) -> ReportRenderer {
        try shared.get()
    }

    private static let shared: Result<ReportRenderer, ReportError> = {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            return .failure(ReportError("the report templates are missing: keep quotectl_QuotesReport.resources next to the program"))
        }
        return Result { () throws(ReportError) in try ReportRenderer(folder: folder) }
    }()

    /// Parses every `.mustache` file of `folder`, named after the file.
    public init(folder: URL) throws(ReportError) {
        var library = MustacheLibrary()
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted() } catch {
            throw ReportError("cannot read the report templates in \(folder.path): \(error.localizedDescription)")
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ReportError("\(url.path): \(error)")
            }
        }
        for required in ["page", "index", "paste", "style", "script"] where library.getTemplate(named: required) == nil {
            throw ReportError("the report template \(required).mustache is missing from \(folder.path)")
        }
        self.library = library
    }

    /// The page of one article; `back` links to the index of a set or to the paste form.
    public func page(_ article: ArticleReport, back: (href: String, label: String)? = nil) -> String {
        render(ArticlePage(article, back: back), "page")
    }

    /// The `index.html` of a set.
    public func index(_ index: ReportIndex, title: String = "Quotes report") -> String {
        render(IndexPage(index, title: title), "index")
    }

    /// The page where a person pastes an article (`quotectl serve`'s `GET /`).
    /// - Parameter action: where the form posts (`/v1/report`).
    public func paste(action: String, limitBytes: Int) -> String {
        render(PastePage(formAction: action, limitText: Self.size(limitBytes)), "paste")
    }

    private func render(_ value: Any, _ template: String) -> String {
        // Every name given here was checked when the library was loaded.
        library.render(value, withTemplate: template) ?? ""
    }

    /// `1 MiB`, `512 KiB`, `1000 bytes`: a body limit as people read it.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// What `paste.mustache` renders.
struct PastePage: Sendable {
    let formAction: String
    let limitText: String
}

/// A report that cannot be made: the message says why.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
