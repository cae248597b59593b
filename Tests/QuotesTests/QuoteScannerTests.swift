import Testing
@testable import Quotes

/// One row per quote-mark phenomenon: the texts of the top-level quotes found.
@Suite struct QuoteScannerTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let quotes: [String]
        var flags: [Set<QuoteFlag>]? = nil
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "guillemets without spaces", text: "Il a dit «nous partirons» hier.", quotes: ["nous partirons"]),
        Row(name: "guillemets with spaces", text: "Il a dit « nous partirons » hier.", quotes: ["nous partirons"]),
        Row(name: "guillemets with U+202F", text: "Il a dit «\u{202F}nous partirons\u{202F}» hier.", quotes: ["nous partirons"]),
        Row(name: "guillemets with U+00A0", text: "Elle a répondu :\u{00A0}«\u{00A0}Jamais.\u{00A0}»", quotes: ["Jamais."]),
        Row(name: "single guillemets", text: "Il a lancé ‹ assez › à la foule.", quotes: ["assez"]),
        Row(name: "curly English quotes", text: "Le juge a tranché : “Le dossier est clos.”", quotes: ["Le dossier est clos."]),
        Row(name: "German low quotes", text: "Die Zeitung schrieb „Wir schaffen das“ gestern.", quotes: ["Wir schaffen das"]),
        Row(name: "straight quotes paired by context", text: "Le maire a dit \"on verra\" puis \"pas maintenant\".", quotes: ["on verra", "pas maintenant"]),
        Row(name: "a lone straight mark is ignored", text: "Un écran de 27\" et «un vrai bureau».", quotes: ["un vrai bureau"]),
        Row(name: "apostrophes inside a quote", text: "Il a dit «l'Otan n'a pas d'avenir» à Paris.", quotes: ["l'Otan n'a pas d'avenir"]),
        Row(name: "typographic apostrophes are not quotes", text: "L’armée d’Ankara a dit «c’est fini».", quotes: ["c’est fini"]),
        Row(name: "single quotes where unambiguous", text: "On l'appelle 'le patron' au club.", quotes: ["le patron"]),
        Row(name: "nested curly inside guillemets", text: "Il a raconté «Il m'a dit “non” au téléphone».", quotes: ["Il m'a dit “non” au téléphone"],
            flags: [[.containsNested]]),
        Row(name: "nested guillemets three deep", text: "«Un «deux «trois» deux» un» fin.", quotes: ["Un «deux «trois» deux» un"], flags: [[.containsNested]]),
        Row(name: "multi-paragraph quote reopened with «", text: "«Nous irons loin.\n\n«Et nous gagnerons», a-t-il dit.",
            quotes: ["Nous irons loin.\n\n«Et nous gagnerons"], flags: [[.multiParagraph]]),
        Row(name: "multi-paragraph quote reopened with »", text: "«Nous irons loin.\n\n» Et nous gagnerons», a-t-il dit.",
            quotes: ["Nous irons loin.\n\n» Et nous gagnerons"], flags: [[.multiParagraph]]),
        Row(name: "unclosed quote closes at paragraph end", text: "Il a dit «nous partirons demain.\n\nLa suite est calme.",
            quotes: ["nous partirons demain."], flags: [[.unclosed]]),
        Row(name: "unclosed quote does not swallow the next quote", text: "«Sans fin.\n\nPuis «une autre» ici.",
            quotes: ["Sans fin.", "une autre"], flags: [[.unclosed], []]),
        Row(name: "a stray closing mark is ignored", text: "Texte » puis «vrai» ici.", quotes: ["vrai"]),
        Row(name: "empty quotes are not quotes", text: "Il a dit «» puis « ».", quotes: []),
        Row(name: "empty input", text: "", quotes: []),
        Row(name: "no marks at all", text: "Rien à signaler aujourd'hui.", quotes: []),
    ]

    @Test(arguments: rows)
    func scan(row: Row) throws {
        let quotes = try Support.quotes(row.text)
        #expect(quotes.map(\.text) == row.quotes)
        if let flags = row.flags {
            #expect(quotes.map(\.span.flags) == flags)
        }
        for quote in quotes {
            #expect(row.text.scalars(quote.range.lowerBound.value, quote.range.upperBound.value) == quote.text)
        }
    }

    @Test("100 000 unbalanced « end in one flagged quote, in linear time")
    func manyOpeners() throws {
        let text = String(repeating: "« mot ", count: 100_000)
        let quotes = try Support.quotes(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.span.flags == [.unclosed])
    }

    @Test("quotes nested 10 000 deep give one quote")
    func deepNesting() throws {
        let text = String(repeating: "«a ", count: 10_000) + String(repeating: "b» ", count: 10_000)
        let quotes = try Support.quotes(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.span.flags == [.containsNested])
    }
}

@Suite struct SpanClassifierTests {
    @Test("kinds", arguments: [
        ("«Nous partirons demain», a déclaré la ministre.", QuoteKind.direct),
        ("La ministre a déclaré : «nous partirons».", .direct),
        ("La ministre a déclaré que «les négociations sont rompues», a-t-elle dit.", .direct),
        ("Le syndicat a dénoncé une «trahison» du patronat.", .mixed),
        ("Elle veut «tourner la page» sans tarder.", .mixed),
        ("Il a salué «un partenariat mûr» avec Rome.", .mixed),
        ("Le rapport «Tendances mondiales» paraît lundi.", .nonspeech),
        ("Un film intitulé «la nuit claire» sort en mars.", .nonspeech),
        ("L'opération «Retour digne» a commencé.", .nonspeech),
        ("Le rapport a dénoncé «des failles graves».", .mixed),
        ("Le maire a lancé «Nous ne céderons pas», devant la foule.", .direct),
        ("Les «Gilets jaunes» ont défilé.", .mixed),
        ("Le prix est allé à «La Nuit des renards», de Paula Ortiz.", .nonspeech),
        ("Le groupe «Les Enfants du port» a lancé une pétition.", .nonspeech),
        ("Dans le cadre du programme franco-italien «Alpi-Clima», les relevés continuent.", .nonspeech),
        ("Il a appelé la mairie à «ouvrir enfin le dialogue».", .mixed),
        ("Elle a qualifié d'«inacceptable» la décision.", .mixed),
        ("Le budget sera voté, «sauf surprise de dernière minute».", .mixed),
        ("Il a tranché, «Nous ne céderons pas».", .direct),
    ])
    func kind(text: String, kind: QuoteKind) throws {
        let quotes = try Support.quotes(text)
        #expect(quotes.first?.span.kind == kind)
    }
}
