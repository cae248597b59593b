import Foundation
import Quotes
import Testing
@testable import QuotesReport

@Suite struct ArticlePageTests {
    @Test("article text is escaped: tags, quotes, ampersands and Mustache braces render as text")
    func escaping() throws {
        let article = try ReportSupport.article(ReportSupport.hostile)
        let html = try ReportRenderer.bundled().page(article)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("</div> &"))
        #expect(!html.contains("<b>tournée"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("{{title}} {{{raw}}} {{&gt; style}}"))
        #expect(html.contains("&amp;amp; &amp;#39;"))
        let markup = try #require(ReportSupport.articleMarkup(html))
        #expect(ReportSupport.textContent(markup) == ReportText.displayable(article.source.scalars))
    }

    /// Rows: a piece of article text, and what the page shows for it.
    static let displayed: [(String, String)] = [
        ("<script>", "<script>"), ("</div>", "</div>"), ("\"", "\""), ("&amp;", "&amp;"), ("{{x}}", "{{x}}"),
        ("a\u{2028}b", "a\u{2028}b"), ("a\u{0}b", "a\u{FFFD}b"), ("a\u{7}b\u{7F}c\u{85}d", "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
        (scalars(0xFDD0, 0xFFFF, 0x1FFFE), "\u{FFFD}\u{FFFD}\u{FFFD}"), ("tab\tline\ncr\r", "tab\tline\ncr\r"), ("é\u{301}🇫🇷", "é\u{301}🇫🇷"),
    ]

    /// A string of code points that Swift literals refuse (noncharacters).
    static func scalars(_ values: UInt32...) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    @Test("text a page cannot hold as it is becomes U+FFFD, one scalar for one", arguments: displayed)
    func displayable(_ row: (String, String)) {
        #expect(ReportText.displayable(row.0.unicodeScalars) == row.1)
        #expect(ReportText.displayable(row.0.unicodeScalars).unicodeScalars.count == row.0.unicodeScalars.count)
    }

    @Test("every quote of the seed is one marked element with its own words and speaker")
    func seedQuotes() throws {
        let article = try ReportSupport.seedArticle()
        let html = try ReportRenderer.bundled().page(article)
        let markup = try #require(ReportSupport.articleMarkup(html))
        let marked = ReportSupport.markedQuotes(markup)
        #expect(marked.count == article.quotes.count)
        for (k, quote) in article.quotes.enumerated() {
            #expect(marked[k] == quote.text, "quote \(k)")
            if let speaker = quote.attribution.speaker {
                #expect(markup.contains("data-q=\"\(k)\" id=\"q\(k)\" tabindex=\"0\" aria-describedby=\"quote-\(k)\" data-speaker=\"\(speaker.name)\""))
            }
        }
        #expect(ReportSupport.textContent(markup) == ReportText.displayable(article.source.scalars))
        // The relayed quote: its note in the list, its languages on the quote.
        #expect(html.contains("Said in Turkish, relayed through a Russian translation, printed in French: not verbatim."))
        #expect(html.contains("data-tr=\"tr→ru→fr\""))
    }

    @Test("a speaker's mention and cue are marked where the evidence says, for the quotes they serve")
    func evidence() throws {
        let article = try ReportSupport.article("«Nous irons jusqu'au bout», a affirmé Mme Anne Vidal.\n")
        let html = try ReportRenderer.bundled().page(article)
        #expect(html.contains("<span class=\"ev cue c0\" data-for=\"0\" title=\"cue of quote #0\">a affirmé</span>"))
        #expect(html.contains("<span class=\"ev mention c0\" data-for=\"0\" title=\"speaker of quote #0\">Anne Vidal</span>")
                || html.contains("title=\"speaker of quote #0\">Mme Anne Vidal</span>"))
    }

    /// Rows: an article of two sentences, and the classes its first quote must have.
    static let styleRows: [(String, [String])] = [
        ("«Nous irons jusqu'au bout», a affirmé Mme Anne Vidal.", ["q", "k-direct", "c0"]),
        ("Anne Vidal a affirmé que la commune irait jusqu'au bout.", ["q", "k-indirect", "c0"]),
        ("Il a lu «Le Petit Prince» hier soir.", ["q", "k-nonspeech", "cn"]),
        ("«Personne ne sait rien.»", ["q", "k-direct", "cn", "shaky"]),
    ]

    @Test("kind and shakiness are classes of the quote's element", arguments: styleRows)
    func styles(_ row: (String, [String])) throws {
        let article = try ReportSupport.article(row.0)
        let page = ArticlePage(article, back: nil)
        let first = try #require(page.pieces.compactMap(\.opening).first { $0.markQuote == "0" })
        let classes = Set(first.classList.split(separator: " ").map(String.init))
        #expect(Set(row.1).isSubset(of: classes), "\(first.classList)")
        #expect(classes.contains("shaky") == row.1.contains("shaky"))
    }

    @Test("the side table counts each speaker's quotes, mean confidence and languages")
    func speakers() throws {
        let article = try ReportSupport.seedArticle()
        let page = ArticlePage(article, back: nil)
        #expect(page.speakerRows.map(\.speakerName) == article.speakers.map(\.name))
        for (row, speaker) in zip(page.speakerRows, article.speakers) {
            let mine = article.quotes.filter { $0.attribution.speaker.map(SpeakerSummary.key(of:)) == speaker.key }
            let confidences = mine.compactMap { $0.attribution.confidence?.value }
            #expect(row.speakerQuotes == String(mine.count))
            #expect(row.speakerConfidence == ArticlePage.number(confidences.reduce(0, +) / Double(confidences.count)))
            let languages = Set(mine.compactMap { $0.translation?.original }).sorted()
            #expect(row.speakerLanguages == (languages.isEmpty ? "—" : languages.joined(separator: ", ")))
        }
        #expect(page.speakerRows.first { $0.speakerName == "Mevlut Cavusoglu" }?.speakerLanguages == "tr")
    }

    @Test("speakers get the palette's colours in order, then again; the number tells them apart")
    func palette() throws {
        let names = ["Anne Vidal", "Paul Roux", "Marc Petit", "Luc Morel", "Eva Blanc", "Jean Gaillard", "Yves Caron", "Rose Faure", "Hugo Barbier", "Lise Collet"]
        let text = names.map { "«Nous irons jusqu'au bout», a affirmé \($0)." }.joined(separator: "\n\n")
        let article = try ReportSupport.article(text)
        #expect(article.speakers.map(\.name) == names)
        let page = ArticlePage(article, back: nil)
        let openings = page.pieces.compactMap(\.opening).filter { $0.markAnchor != nil }
        #expect(openings.map(\.markBadge) == (1...10).map { String($0) })
        #expect(openings.map { $0.classList.split(separator: " ")[2] } == ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c0", "c1"])
        #expect(Set(SpeakerPalette.fills).count == 8 && !SpeakerPalette.fills.contains(SpeakerPalette.neutral))
        let html = try ReportRenderer.bundled().page(article)
        for rule in SpeakerPalette.rules { #expect(html.contains(".\(rule.className){--c:\(rule.fill)}")) }
    }

    @Test("the page needs nothing from the network")
    func offline() throws {
        let html = try ReportRenderer.bundled().page(try ReportSupport.seedArticle())
        for reference in ["http://", "https://", "src=", "<link", "@import", "url("] { #expect(!html.contains(reference), "\(reference)") }
        #expect(html.contains("default-src 'none'"))
    }

    @Test("an article without quotes still makes a page")
    func noQuotes() throws {
        let html = try ReportRenderer.bundled().page(try ReportSupport.article("Il pleut sur Brest depuis lundi.\n"))
        #expect(html.contains("No quotation found in this article."))
        #expect(html.contains("No speaker found."))
        #expect(html.contains(">Il pleut sur Brest depuis lundi.\n</article>"))
    }
}
