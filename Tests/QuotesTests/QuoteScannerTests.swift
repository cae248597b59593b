import Testing
@testable import Quotes

/// One row per quote-mark phenomenon: the texts of the top-level quotes found.
@Suite struct QuoteScannerTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let quotes: [String]
        var flags: [QuoteFlags]? = nil
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
        Row(name: "unclosed quote closes at paragraph end, before its final punctuation", text: "Il a dit «nous partirons demain.\n\nLa suite est calme.",
            quotes: ["nous partirons demain"], flags: [[.unclosed]]),
        Row(name: "unclosed quote does not swallow the next quote", text: "«Sans fin.\n\nPuis «une autre» ici.",
            quotes: ["Sans fin", "une autre"], flags: [[.unclosed], []]),
        Row(name: "a stray closing mark is ignored", text: "Texte » puis «vrai» ici.", quotes: ["vrai"]),
        Row(name: "empty quotes are not quotes", text: "Il a dit «» puis « ».", quotes: []),
        Row(name: "empty input", text: "", quotes: []),
        Row(name: "no marks at all", text: "Rien à signaler aujourd'hui.", quotes: []),
    ]

    /// Marks as real pages type them: styles that do not match, straight
    /// quotes with spaces inside, a quote that runs on without reopening.
    /// The rows that must not change sit at the end.
    static let realMarks: [Row] = [
        Row(name: "« closed by “ after a space", text: "Le maire a promis : « Nous rouvrirons la piscine en juin “. Le conseil a suivi.",
            quotes: ["Nous rouvrirons la piscine en juin"], flags: [[.mismatchedMarks]]),
        Row(name: "« closed by “ glued to the word", text: "Elle a lancé «On ne lâchera rien“, puis elle est partie.",
            quotes: ["On ne lâchera rien"], flags: [[.mismatchedMarks]]),
        Row(name: "“ closed by »", text: "“Le budget tiendra », assure la trésorière.", quotes: ["Le budget tiendra"], flags: [[.mismatchedMarks]]),
        Row(name: "“ closed by \"", text: "“La saison a été rude\", reconnaît l'éleveur.", quotes: ["La saison a été rude"], flags: [[.mismatchedMarks]]),
        Row(name: "« closed by \"", text: "Le club a indiqué qu'« il attendait encore les résultats\".",
            quotes: ["il attendait encore les résultats"], flags: [[.mismatchedMarks]]),
        Row(name: "\" closed by »", text: "\"Nous reviendrons plus forts », a juré la capitaine.",
            quotes: ["Nous reviendrons plus forts"], flags: [[.mismatchedMarks]]),
        Row(name: "spaced \" closed by »", text: "\" Rien n'est joué », a tempéré l'entraîneur.",
            quotes: ["Rien n'est joué"], flags: [[.mismatchedMarks]]),
        Row(name: "“ … “ used twice", text: "Le guide répète “Restez groupés“ à chaque halte.", quotes: ["Restez groupés"], flags: [[.mismatchedMarks]]),
        Row(name: "a mismatched pair does not swallow the next paragraph", text: "«Nous verrons bien“\n\n«Une autre affaire», dit-elle.",
            quotes: ["Nous verrons bien", "Une autre affaire"], flags: [[.mismatchedMarks], []]),
        Row(name: "two mismatched paragraphs stay apart", text: "“Premier point», a-t-il noté.\n\n“Second point”, a-t-il ajouté.",
            quotes: ["Premier point", "Second point"], flags: [[.mismatchedMarks], []]),
        Row(name: "a stray mark of another style before the right closer stays inside", text: "«Le mot ” de trop», a-t-il glissé.",
            quotes: ["Le mot ” de trop"], flags: [[]]),
        Row(name: "» opening a paragraph, glued to its word", text: "»Les travaux commencent lundi », a précisé l'architecte.",
            quotes: ["Les travaux commencent lundi"], flags: [[.mismatchedMarks]]),
        Row(name: "a quote closed in the next paragraph without a reopening mark",
            text: "Le coach : « Mes joueurs ont tout donné.\n\nNous avons manqué de réussite, voilà tout »\n\nLa suite.",
            quotes: ["Mes joueurs ont tout donné.\n\nNous avons manqué de réussite, voilà tout"], flags: [[.multiParagraph]]),
        Row(name: "unclosed before ! and spaces", text: "La foule criait «dehors ! \n\nLe calme revint.", quotes: ["dehors"], flags: [[.unclosed]]),
        Row(name: "unclosed at the end of the text", text: "Le juge a conclu : « La séance est levée…", quotes: ["La séance est levée"], flags: [[.unclosed]]),
        Row(name: "straight quotes with spaces inside", text: "\" Nous tiendrons nos promesses \", déclare la préfète.",
            quotes: ["Nous tiendrons nos promesses"], flags: [[]]),
        Row(name: "two spaced straight quotes in one paragraph",
            text: "\" Le pont sera rouvert \", annonce-t-il, et \" la circulation reprendra \".",
            quotes: ["Le pont sera rouvert", "la circulation reprendra"]),
        Row(name: "a spaced straight quote after que", text: "Le ministre prévient que \" la rentrée sera difficile \".",
            quotes: ["la rentrée sera difficile"]),
        Row(name: "spaced straight quotes inside guillemets", text: "«Il a répété \" jamais \" deux fois», note-t-elle.",
            quotes: ["Il a répété \" jamais \" deux fois"], flags: [[.containsNested]]),
        Row(name: "an unpaired straight mark does not hide the quote after it", text: "La note \"confidentielle du préfet dit «tout va bien».",
            quotes: ["tout va bien"], flags: [[]]),
        Row(name: "a mismatched closer waits for a closer of its own style only until another quote opens",
            text: "Il a jugé l'équipe “prête pour la finale ». Puis il a vanté le “nouveau souffle” du club.",
            quotes: ["prête pour la finale", "nouveau souffle"], flags: [[.mismatchedMarks], []]),
        // Must not change.
        Row(name: "straight quotes ending with a number", text: "Le projet, baptisé \"Cap 2030\", sera revu. Le chantier doit finir \"avant 2027\", dit-on.",
            quotes: ["Cap 2030", "avant 2027"]),
        Row(name: "seconds and inches are not quotes", text: "Il court en 3'58\" et vise «mieux encore».", quotes: ["mieux encore"]),
        Row(name: "two inch signs do not pair up", text: "Un écran de 27\" et un de 32\" pour «travailler mieux».", quotes: ["travailler mieux"]),
        Row(name: "a quoted year in straight quotes", text: "Le slogan \"2030\" a fait long feu.", quotes: ["2030"]),
        Row(name: "nesting of other styles is not a mismatch", text: "«Elle m'a écrit “à demain” puis plus rien», confie-t-il.",
            quotes: ["Elle m'a écrit “à demain” puis plus rien"], flags: [[.containsNested]]),
        Row(name: "French apostrophes around the marks", text: "L’adjointe s’est dite «prête à l’affronter» aujourd’hui.", quotes: ["prête à l’affronter"], flags: [[]]),
        Row(name: "a multi-paragraph quote reopened with « still joins",
            text: "«Le chantier a pris du retard.\n\n«Il sera fini en mai», promet l'élu.",
            quotes: ["Le chantier a pris du retard.\n\n«Il sera fini en mai"], flags: [[.multiParagraph]]),
        Row(name: "single quotes still pair up", text: "Ses voisins disent 'le vieux Paul' depuis toujours.", quotes: ["le vieux Paul"]),
        Row(name: "a closing mark after a space with nothing open is ignored", text: "Fin » du débat, puis «la suite».", quotes: ["la suite"]),
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

    @Test(arguments: realMarks)
    func scanRealMarks(row: Row) throws {
        try scan(row: row)
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
