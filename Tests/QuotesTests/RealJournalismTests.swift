import Testing
@testable import Quotes

/// The constructions of real journalism (Corpus 2 families), one row each,
/// in sentences written for these tests: incises whatever their verb,
/// headline attribution, bare surnames, role periphrases, pronoun chains,
/// relays, institutions and anonymous sources.
@Suite struct RealJournalismTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// A snippet of the quote under test.
        let quote: String
        let speaker: String?
        var rule: String? = nil
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "incise with an unlisted inverted verb", text: "Le maire, Paul Garnier, a parlé. « Rien ne bougera », tempête-t-il.",
            quote: "Rien ne bougera", speaker: "Paul Garnier", rule: "incise-pronoun"),
        Row(name: "reflexive unlisted incise", text: "La ministre Claire Aubry était en visite. « Assez de ces lenteurs », s'agace-t-elle.",
            quote: "Assez de ces lenteurs", speaker: "Claire Aubry", rule: "incise-pronoun"),
        Row(name: "auxiliary, inverted subject and an unlisted participle", text: "Le sélectionneur Marc Lenoir était furieux. « On a joué petit bras », a-t-il ronchonné.",
            quote: "On a joué petit bras", speaker: "Marc Lenoir", rule: "incise-pronoun"),
        Row(name: "unlisted verb before its subject", text: "« Vous mentez », tance la présidente du tribunal.",
            quote: "Vous mentez", speaker: "la présidente du tribunal", rule: "incise-name"),
        Row(name: "uninverted incise", text: "Le maire Paul Garnier a réuni le conseil. « Nous ne céderons rien », il insiste.",
            quote: "Nous ne céderons rien", speaker: "Paul Garnier", rule: "incise-uninverted"),
        Row(name: "a new clause after the quote is no incise", text: "« Le pont rouvrira », a promis le maire Paul Garnier. Il a ensuite visité la caserne et les écoles du quartier.",
            quote: "Le pont rouvrira", speaker: "Paul Garnier", rule: "incise-name"),
        Row(name: "incise with a role inside the marks", text: "La directrice de l'école, Anne Morel, a reçu les parents. « Nous avons fermé la cantine, raconte la directrice. Il le fallait. »",
            quote: "Nous avons fermé la cantine", speaker: "Anne Morel", rule: "incise-inside"),
        Row(name: "headline with a surname before the colon", text: "Ferrand : « Nous tiendrons la ligne »\n\nLe maire de Lorient, Yann Ferrand, a présenté mardi son budget.",
            quote: "Nous tiendrons la ligne", speaker: "Yann Ferrand", rule: "headline"),
        Row(name: "headline with a topic between name and colon", text: "Aurélie Kessler, sur la réforme : « Nous irons au bout »\n\nLa députée a défendu son texte.",
            quote: "Nous irons au bout", speaker: "Aurélie Kessler", rule: "headline"),
        Row(name: "a topic before the colon is not the speaker", text: "La sénatrice Aurélie Kessler a répondu aux questions.\n\nSur le rapport Morin : « Il dort dans un tiroir. »",
            quote: "Il dort dans un tiroir", speaker: "Aurélie Kessler"),
        Row(name: "a bare surname opening its sentence", text: "Le chef du gouvernement espagnol, Pedro Sanz, était à Bruxelles. Sanz a estimé que le pacte restait fragile.",
            quote: "le pacte restait fragile", speaker: "Pedro Sanz", rule: "que-clause"),
        Row(name: "a surname right before a speech verb", text: "Le porte-parole a été interrogé lundi. Kowalczyk a déclaré que les négociations étaient suspendues.",
            quote: "les négociations étaient suspendues", speaker: "Kowalczyk", rule: "que-clause"),
        Row(name: "a role met once joins the person named", text: "La mairesse de Valcourt, Nathalie Ricard, a convoqué la presse. « C'est inacceptable », a tonné la mairesse.",
            quote: "C'est inacceptable", speaker: "Nathalie Ricard"),
        Row(name: "a role before an apposed name keeps its words", text: "Le directeur des travaux publics, Marc Tessier, a parlé. « Nos équipes ont travaillé toute la nuit », a assuré le directeur.",
            quote: "Nos équipes", speaker: "Marc Tessier"),
        Row(name: "a role never joins a person named only inside a quote", text: "Marie Lenoir en visite : « Ce n'est pas un conte de Jules Verne »\n\nLa cheffe de l'État a dressé un bilan. « Nous avons avancé », a déclaré la présidente.",
            quote: "Nous avons avancé", speaker: "Marie Lenoir"),
        Row(name: "a pronoun after a long quote of several sentences", text: "Face aux sanctions, le chef de la diplomatie turque a parlé longuement.\n\n« Nous pouvons surmonter la crise. Pas besoin de tensions, ce n'est pas un film », a-t-il lancé.",
            quote: "Nous pouvons surmonter", speaker: "le chef de la diplomatie turque", rule: "incise-pronoun"),
        Row(name: "a date between the verb and the speaker", text: "« Nous avons avancé », a déclaré mercredi 25 avril Emmanuel Bruel devant la presse.",
            quote: "Nous avons avancé", speaker: "Emmanuel Bruel", rule: "incise-name"),
        Row(name: "a relayed speaker speaks, the source relays", text: "Selon l'agence Belga, le bourgmestre Paul Dumont a déclaré : « Nous rouvrirons le pont en mai. »",
            quote: "Nous rouvrirons le pont", speaker: "Paul Dumont"),
        Row(name: "a speaker's noun phrase ends at the line break after a headline",
            text: "Bretagne : une grève «historique», selon la presse\n\nLes journaux régionaux ont tous ouvert sur le mouvement des marins, soulignant qu'ils ont bloqué trois ports.",
            quote: "ils ont bloqué trois ports", speaker: "Les journaux régionaux", rule: "que-clause"),
        Row(name: "a name in parentheses closing a headline, past the rest of its clause",
            text: "Pêche : les armateurs «ne désarmeront pas» malgré les quotas (Léa Morvan)\n\nLa présidente du comité des pêches, Léa Morvan, a répondu mardi.",
            quote: "ne désarmeront pas", speaker: "Léa Morvan", rule: "name-after-quote"),
        Row(name: "an agency in parentheses closing a headline is not the speaker",
            text: "Pêche : les chalutiers «resteront à quai», selon les armateurs (AFP)\n\nLes armateurs bretons ont publié un communiqué mardi.",
            quote: "resteront à quai", speaker: "les armateurs", rule: "selon"),
        Row(name: "a name in parentheses past a speech verb is not the speaker",
            text: "Le port restera «fermé», a annoncé la préfète, Anne Roux, devant le quai (Yves Le Gall)\n\nLes dockers ont quitté les lieux.",
            quote: "fermé", speaker: "Anne Roux"),
        Row(name: "a role in the headline is the person the article names next with that title",
            text: "Port fermé : «La saison est perdue», soupire le maire\n\nAlors que les quais restent bloqués, le maire de Lorient, Yann Ferrand, a réuni les pêcheurs.",
            quote: "La saison est perdue", speaker: "Yann Ferrand", rule: "incise-name"),
        Row(name: "a headline's maire is the bourgmestre named below",
            text: "«Nous rouvrirons le pont», promet le maire\n\nLe bourgmestre de Dinant, Luc Servais, a présenté son plan mardi.",
            quote: "Nous rouvrirons le pont", speaker: "Luc Servais", rule: "incise-name"),
        Row(name: "a headline role is not a person named below with another title",
            text: "«Le budget est bouclé», assure la ministre\n\nLa maire de Brest, Anne Kerjean, a salué l'accord.",
            quote: "Le budget est bouclé", speaker: "la ministre", rule: "incise-name"),
        Row(name: "a title shortened by the press is the same person",
            text: "Le procureur de la République de Nantes, Paul Ravel, a ouvert une enquête. Le suspect, Marc T., a été placé en garde à vue. Les faits «sont d'une grande gravité», a déclaré le procureur de la République.",
            quote: "sont d'une grande gravité", speaker: "Paul Ravel", rule: "incise-name"),
        Row(name: "a title completed by the press is the same person",
            text: "Le procureur de Brest, Yann Jaouen, a tenu un point presse. « Aucune piste n'est écartée », a ajouté le procureur de la République de Brest.",
            quote: "Aucune piste", speaker: "Yann Jaouen", rule: "incise-name"),
        Row(name: "a name alone on the line under the quote signs it",
            text: "Ils ont dit\n\n«Cette réforme est une faute, et nous la combattrons jusqu'au bout.»\nClaire Dubosc, députée de la Sarthe\n\n«Nous tiendrons nos engagements.»\nMarc Olivier, ministre du Travail",
            quote: "Cette réforme est une faute", speaker: "Claire Dubosc", rule: "name-after-quote"),
        Row(name: "a generic body noun refers back to the body the narrator named, not one named in the quote",
            text: "La Ligue bretonne de handball a reporté le match de samedi. « Douze joueurs du club HBC Quimper sont malades », précise l'instance.",
            quote: "Douze joueurs", speaker: "La Ligue bretonne de handball", rule: "incise-name"),
        Row(name: "a speaker's complement keeps its adjectives (civile, autonome, publics)",
            text: "« Les bureaux ont ouvert en retard », ont relevé les observateurs de la société civile.",
            quote: "Les bureaux ont ouvert", speaker: "les observateurs de la société civile", rule: "incise-name"),
        Row(name: "a participle with its complement ends the speaker's noun phrase",
            text: "D'après la note d'inspection adressée aux élus, la digue doit être renforcée avant l'hiver.",
            quote: "la digue doit être renforcée", speaker: "la note d'inspection", rule: "selon"),
        Row(name: "an adjective in -é before a named complement stays in the noun phrase",
            text: "« On nous coupe l'eau », protestent les éleveurs du plateau boisé de Millevaches.",
            quote: "On nous coupe l'eau", speaker: "les éleveurs du plateau boisé de Millevaches", rule: "incise-name"),
        Row(name: "a present participle after an incise takes the incise's subject, not the clause's",
            text: "« Tout le monde a été évacué », a expliqué une porte-parole de la préfecture aux journalistes, ajoutant qu'un périmètre de sécurité resterait en place.",
            quote: "un périmètre de sécurité resterait en place", speaker: "une porte-parole de la préfecture", rule: "que-clause"),
        Row(name: "the same source, with no source named before, is the speaker just before",
            text: "« Tout le monde a été évacué », a expliqué une porte-parole de la préfecture aux journalistes. Deux routes restent fermées, selon la même source.",
            quote: "Deux routes restent fermées", speaker: "une porte-parole de la préfecture", rule: "selon"),
        Row(name: "a-t-on appris auprès de: the body after it speaks",
            text: "Une grange a brûlé dans la nuit à Plouigneau, a-t-on appris auprès de la préfecture du Finistère.",
            quote: "Une grange a brûlé", speaker: "la préfecture du Finistère", rule: "inverted-lede"),
        Row(name: "a nominal attribution right after the quote: signé X",
            text: "Revue de presse.\n\n«Le vélo est devenu une religion.» Un édito signé Paul Arnaud dans le Courrier du Jura, qui s'en amuse.",
            quote: "Le vélo est devenu", speaker: "Paul Arnaud", rule: "name-after-quote"),
        Row(name: "a Belgian zone de secours is a body that speaks",
            text: "Un hangar agricole a brûlé dans la nuit à Ciney, a-t-on appris auprès de la zone de secours Dinaphi.",
            quote: "Un hangar agricole a brûlé", speaker: "la zone de secours Dinaphi", rule: "inverted-lede"),
        Row(name: "a headline's maïeur is the bourgmestre named below",
            text: "«La kermesse aura lieu», assure le maïeur\n\nLe bourgmestre de Gembloux, Marc Lienard, a tranché lundi.",
            quote: "La kermesse aura lieu", speaker: "Marc Lienard", rule: "incise-name"),
        Row(name: "an institution speaks", text: "« Trois personnes ont été interpellées », a indiqué la gendarmerie.",
            quote: "Trois personnes", speaker: "la gendarmerie", rule: "incise-name"),
        Row(name: "the same source is the source named before", text: "Selon une source proche du dossier, le suspect était connu. « Il avait déjà été condamné », selon la même source.",
            quote: "Il avait déjà été condamné", speaker: "une source proche du dossier", rule: "selon"),
        Row(name: "quote first, then 'c'est en ces termes que'", text: "Le conseil a voté mardi.\n\n« Personne ne nous a consultés. » C'est en ces termes que Mme Nina Berg a répondu aux critiques.",
            quote: "Personne ne nous a consultés", speaker: "Nina Berg", rule: "next-sentence"),
        Row(name: "quote first, then a long apposition before the verb", text: "« On a tout donné à cette usine. » Paul Jourdan, 58 ans, dont trente passés sur la chaîne de montage, a lâché ces mots devant la grille.",
            quote: "On a tout donné", speaker: "Paul Jourdan", rule: "next-sentence"),
        Row(name: "quote first, then an inverted 'ainsi a conclu'", text: "« Ce public, c'est notre sixième homme. » Ainsi a conclu le capitaine nantais, Yanis Boulard, en quittant la salle.",
            quote: "Ce public", speaker: "Yanis Boulard", rule: "next-sentence"),
        Row(name: "a name in parentheses after the quote", text: "À Audierne, la mer est montée jusqu'au port. « On n'a jamais vu l'eau monter aussi vite » (Yann Le Dû, patron d'un bar du quai).",
            quote: "On n'a jamais vu", speaker: "Yann Le Dû", rule: "name-after-quote"),
        Row(name: "a name after a dash after the quote", text: "« Les rafales vont encore forcir. » — Armelle Quéré, prévisionniste.",
            quote: "Les rafales", speaker: "Armelle Quéré", rule: "name-after-quote"),
        Row(name: "an incise inside the marks with a complement", text: "« On travaille sous des grues, ont affirmé les délégués syndicaux dans une déclaration. Personne ne les vérifie. »",
            quote: "On travaille", speaker: "les délégués syndicaux", rule: "incise-inside"),
        Row(name: "a hyphenated country after its article", text: "Le Royaume-Uni, dont le pavillon flotte sur le navire, a jugé ces arguments « irrecevables ».",
            quote: "irrecevables", speaker: "Le Royaume-Uni"),
        Row(name: "an unlisted role noun with a place, apposed to a name", text: "« C'est inacceptable », a déploré la mairesse de Valcourt, Nathalie Ricard, en point de presse.",
            quote: "C'est inacceptable", speaker: "Nathalie Ricard", rule: "incise-name"),
        Row(name: "a participle after the quote is no incise", text: "La critique Hélène Vargas a jugé la pièce « somptueuse mais lente », regrettant un deuxième acte trop long.",
            quote: "somptueuse mais lente", speaker: "Hélène Vargas"),
        Row(name: "a speaker keeps adjectives after its noun", text: "« Nous ne serons pas les oubliés du budget », ont prévenu les syndicats militaires.",
            quote: "Nous ne serons pas", speaker: "les syndicats militaires"),
        Row(name: "an anonymous source within an organisation", text: "« La centrale tourne au tiers », a confié une source au sein de l'entreprise.",
            quote: "La centrale tourne", speaker: "une source au sein de l'entreprise"),
        // Press reviews, bodies and publications.
        Row(name: "a publication, an unlisted verb and a colon", text: "Revue de presse\n\nLe Courrier du Lac titre : « La digue ne tiendra pas l'hiver ».",
            quote: "La digue ne tiendra pas", speaker: "Le Courrier du Lac", rule: "colon"),
        Row(name: "an unlisted verb after its auxiliary, right before the mark", text: "L'éditorialiste Sophie Marchand a vu « un budget de renoncement ».",
            quote: "un budget de renoncement", speaker: "Sophie Marchand"),
        Row(name: "an unlisted verb past an incidental phrase", text: "Paul Vernet, dans la Gazette des Vosges, parle de « rendez-vous manqué ».",
            quote: "rendez-vous manqué", speaker: "Paul Vernet"),
        Row(name: "a verb inside another cue's clause is not the speaker's", text: "La préfète Anne Roux a indiqué qu'une réunion se tiendrait « avant la fin du mois ».",
            quote: "avant la fin du mois", speaker: "Anne Roux"),
        Row(name: "one incise for two quotes of the clause", text: "Ce « budget sérieux » reste « trop timide », estime Luc Fabre dans l'Écho du Nord.",
            quote: "budget sérieux", speaker: "Luc Fabre", rule: "incise-name"),
        Row(name: "a publication in marks after dans is a name", text: "« Le calme est revenu », observe Luc Fabre dans « L'Écho du Nord ».",
            quote: "L'Écho du Nord", speaker: nil),
        Row(name: "a body with its article after the verb, pointing back", text: "« Trois cadres étaient présents dans l'immeuble. » C'est ce qu'a annoncé mardi le Hamas dans un communiqué où il dénonce une « frappe aveugle ».",
            quote: "Trois cadres", speaker: "le Hamas", rule: "next-sentence"),
        Row(name: "a weak name past a short complement after the verb", text: "« Le dialogue est rompu », titre en une Akhbar Tounes.",
            quote: "Le dialogue est rompu", speaker: "Akhbar Tounes", rule: "incise-name"),
        Row(name: "a reflexive unlisted incise before a name", text: "« Quel match ! », s'enthousiasme Julie Ferrand sur sa page.",
            quote: "Quel match", speaker: "Julie Ferrand", rule: "incise-name"),
        Row(name: "selon laquelle: the words of the person named in the noun phrase", text: "Le ministre Paul Arnaud a commenté la promesse de la maire Inès Calvet selon laquelle « aucune école ne fermera ».",
            quote: "aucune école ne fermera", speaker: "Inès Calvet", rule: "selon"),
        Row(name: "the speaker past a phrase between commas after the incise", text: "« Quel match ! », s'exclame, en une, le Courrier Sportif, qui consacre quatre pages à la finale.",
            quote: "Quel match", speaker: "le Courrier Sportif", rule: "incise-name"),
        Row(name: "a town hall speaks through its capitalised name", text: "Dans un avis publié lundi, la Ville de Valcourt précise que les contrevenants paieront « 500 dollars par jour ».",
            quote: "500 dollars par jour", speaker: "la Ville de Valcourt"),
        Row(name: "the press as a source", text: "Les rassemblements de samedi ont été « massifs », selon la presse locale.",
            quote: "massifs", speaker: "la presse locale", rule: "selon"),
        // Subjects and names.
        Row(name: "a participial clause opening the sentence", text: "Rappelant que les stocks étaient presque vides, le ministre Karim Haddad a déclaré : « Nous importerons du blé. »",
            quote: "les stocks étaient presque vides", speaker: "Karim Haddad"),
        Row(name: "a relative clause does not hide the subject", text: "Le porte-parole Ivan Petrov, qui a répondu aux journalistes à Moscou, a fait valoir que les frappes visaient des dépôts.",
            quote: "les frappes visaient des dépôts", speaker: "Ivan Petrov"),
        Row(name: "a name never runs across a line break", text: "Santé\n\nLe Monde Rural titre : « Les déserts médicaux gagnent du terrain ».",
            quote: "Les déserts médicaux", speaker: "Le Monde Rural"),
        Row(name: "a first name after a publication starts the person", text: "Le rédacteur en chef de Libre Ouest Jean Perrin a vu « un tournant ».",
            quote: "un tournant", speaker: "Jean Perrin"),
        Row(name: "the same title with another complement is another person", text: "L'avocate de la victime, Me Claire Dubois, a plaidé. L'avocate de la défense est venue de Lyon. Elle lance : « Il n'y a aucune preuve. »",
            quote: "Il n'y a aucune preuve", speaker: "L'avocate de la défense"),
        Row(name: "coordinated titles before a name", text: "« Un tel recul est inédit », souligne sur son blog l'économiste et essayiste Marc Olivier.",
            quote: "Un tel recul", speaker: "Marc Olivier", rule: "incise-name"),
        Row(name: "the end of a longer name joins it", text: "La romancière Leïla Ben Salem a publié son troisième livre. « J'écris la nuit, confie Ben Salem. Le jour, j'enseigne. »",
            quote: "J'écris la nuit", speaker: "Leïla Ben Salem", rule: "incise-inside"),
        Row(name: "no cue: the person the paragraph is about", text: "L'entraîneur Yves Marin est resté longtemps sur la pelouse après le match, les yeux rougis.\n\n« Je n'ai jamais vécu une soirée pareille. »",
            quote: "Je n'ai jamais vécu", speaker: "Yves Marin"),
    ]

    @Test(arguments: rows)
    func attribute(row: Row) throws {
        let quotes = try Support.quotes(row.text)
        let quote = try #require(quotes.first { $0.text.contains(row.quote) }, "no quote \(row.quote) in \(quotes.map(\.text))")
        #expect(quote.attribution.speaker?.name == row.speaker)
        if let rule = row.rule { #expect(quote.attribution.rule?.rawValue == rule) }
    }

    /// Indirect speech of relays and anonymous sources: the span holds the
    /// reported clause only, never the speaker and the verb.
    @Test("relays and anonymous sources", arguments: [
        ("Selon l'agence Tass, M. Peskov a assuré que les discussions se poursuivraient.", "les discussions se poursuivraient", "Peskov", "l'agence Tass"),
        ("D'après le quotidien Le Soir, la ministre Anne Claes a affirmé que le budget serait revu.", "le budget serait revu", "Anne Claes", "le quotidien Le Soir"),
        ("Selon l'Agence nationale d'information (ANI), le ministre de l'Énergie, Nabil Azar, a assuré que deux cargaisons étaient attendues.",
         "deux cargaisons étaient attendues", "Nabil Azar", "l'Agence nationale d'information"),
        ("De source judiciaire, on indique que le suspect sera présenté à un juge.", "le suspect sera présenté à un juge", "source judiciaire", nil),
        ("Un homme a été interpellé mardi à Lyon, a-t-on appris de source policière.", "Un homme a été interpellé mardi à Lyon", "source policière", nil),
    ] as [(String, String, String, String?)])
    func relay(text: String, clause: String, speaker: String, relay: String?) throws {
        let quotes = try Support.quotes(text)
        let quote = try #require(quotes.first { $0.span.kind == .indirect }, "no indirect quote in \(quotes.map(\.text))")
        #expect(quote.text == clause)
        #expect(quote.attribution.speaker?.name == speaker)
        #expect(quote.relayText?.replacingOccurrences(of: "’", with: "'") == relay)
    }

    /// A line under the quote that is a sentence of its own does not sign it.
    @Test("a narrative line under a quote is no signature", arguments: [
        "Le conseil s'est réuni mardi.\n\n«Nous verrons bien.»\nPaul Garnier a ensuite quitté la salle sans un mot.",
        "Le conseil s'est réuni mardi.\n\n«Nous verrons bien.»\nPaul Garnier, le maire de Lorient, était absent.",
    ])
    func noSignature(text: String) throws {
        let quotes = try Support.quotes(text)
        let quote = try #require(quotes.first { $0.text.contains("Nous verrons bien") })
        #expect(quote.attribution.rule?.rawValue != "name-after-quote")
    }

    @Test("a passive participle is no speech cue", arguments: [
        "Le conducteur a été interpellé mardi soir à la sortie du village.",
        "Les deux frères ont été condamnés à trois ans de prison.",
    ])
    func passive(text: String) throws {
        #expect(try Support.quotes(text).isEmpty)
    }
}
