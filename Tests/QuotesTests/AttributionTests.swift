import Testing
@testable import Quotes

/// Attribution rules, one row per phenomenon, with sentences written for
/// these tests (not taken from the Corpus).
@Suite struct AttributionTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// A snippet of the quote under test.
        let quote: String
        let speaker: String?
        var rule: String? = nil
        var kind: QuoteKind? = nil
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "incise with a masculine pronoun", text: "Le maire de Brest, Paul Kerhervé, était en colère. «Nous ne céderons rien», a-t-il lancé.",
            quote: "Nous ne céderons rien", speaker: "Paul Kerhervé", rule: "incise-pronoun"),
        Row(name: "incise with a feminine pronoun", text: "La ministre de la Culture, Anne Delcourt, a visité le chantier. «Le calendrier sera tenu», a-t-elle assuré.",
            quote: "Le calendrier sera tenu", speaker: "Anne Delcourt", rule: "incise-pronoun"),
        Row(name: "finite incise with inversion", text: "L'avocate Inès Morel est sortie la première. «Mon client est innocent», dit-elle.",
            quote: "Mon client est innocent", speaker: "Inès Morel", rule: "incise-pronoun"),
        Row(name: "reflexive incise", text: "Le sénateur Hugo Brenner a relu le texte. «Qui paiera ?», s'est-il interrogé.",
            quote: "Qui paiera ?", speaker: "Hugo Brenner", rule: "incise-pronoun"),
        Row(name: "incise with a name and honorific", text: "«La route sera rouverte lundi», a précisé M. Dubreuil.",
            quote: "La route sera rouverte lundi", speaker: "Dubreuil", rule: "incise-name"),
        Row(name: "incise names the full name given earlier", text: "Le préfet Marc-Antoine Lebrun a réuni les élus. «Personne ne sera oublié», a promis M. Lebrun.",
            quote: "Personne ne sera oublié", speaker: "Marc-Antoine Lebrun", rule: "incise-name"),
        Row(name: "incise inside the quote", text: "Le capitaine Luis Ortega a parlé longuement. «Nous irons, a-t-il dit, jusqu'au bout.»",
            quote: "Nous irons, a-t-il dit, jusqu'au bout.", speaker: "Luis Ortega", rule: "incise-inside"),
        Row(name: "colon introduction", text: "Le syndicaliste Marc Olivier a prévenu : «La grève continuera tant qu'il le faudra.»",
            quote: "La grève continuera", speaker: "Marc Olivier", rule: "colon"),
        Row(name: "que-clause", text: "La ministre Sofia Reyes a affirmé que «rien n'est encore décidé».",
            quote: "rien n'est encore décidé", speaker: "Sofia Reyes", rule: "que-clause", kind: .direct),
        Row(name: "apposition, role first", text: "Le porte-parole de la mairie, Julien Faure, a déclaré que «les travaux commenceront en mai».",
            quote: "les travaux commenceront", speaker: "Julien Faure"),
        Row(name: "apposition, name first", text: "Clara Weiss, directrice de l'hôpital, a reconnu que «les urgences sont saturées».",
            quote: "les urgences sont saturées", speaker: "Clara Weiss"),
        Row(name: "role noun reused later", text: "Le chef de la diplomatie grecque, Nikos Petridis, est arrivé lundi. Le responsable grec a jugé la situation «préoccupante».",
            quote: "préoccupante", speaker: "Nikos Petridis", rule: "attitude", kind: .mixed),
        Row(name: "selon before the quote", text: "Selon le procureur Paul Marchetti, «l'enquête avance vite».",
            quote: "l'enquête avance vite", speaker: "Paul Marchetti", rule: "selon"),
        Row(name: "selon with a pronoun", text: "L'économiste Rachel Nguyen a présenté son étude. Selon elle, les prix «ne baisseront pas avant l'été».",
            quote: "ne baisseront pas", speaker: "Rachel Nguyen", rule: "selon"),
        Row(name: "quote before its speaker", text: "«C'est une victoire collective.» C'est ce qu'a lâché l'entraîneur Paolo Conti après le match.",
            quote: "C'est une victoire collective.", speaker: "Paolo Conti", rule: "next-sentence"),
        Row(name: "continuity without a cue", text: "«Nous partons demain», a annoncé la navigatrice Léa Bonnet. «Le vent sera avec nous.»",
            quote: "Le vent sera avec nous.", speaker: "Léa Bonnet", rule: "continuity"),
        Row(name: "two speakers alternating", text: "Le ministre Jean Lamy a dit «oui» à la réforme. La députée Claire Roux a répondu : «Jamais.» «Nous verrons bien», a-t-il ajouté.",
            quote: "Nous verrons bien", speaker: "Jean Lamy", rule: "incise-pronoun"),
        Row(name: "a name inside the quote is not the speaker", text: "«Je n'ai jamais rencontré Paul Dupont», a déclaré Mme Irène Costa.",
            quote: "Je n'ai jamais rencontré", speaker: "Irène Costa"),
        Row(name: "an organisation speaks", text: "«Aucune troupe n'a franchi la frontière», a assuré le ministère de la Défense.",
            quote: "Aucune troupe", speaker: "le ministère de la Défense", rule: "incise-name"),
        Row(name: "a capital speaks", text: "Madrid a dénoncé une «ingérence inacceptable».",
            quote: "ingérence inacceptable", speaker: "Madrid", rule: "attitude", kind: .mixed),
        Row(name: "an unnamed speaker", text: "«On a tout perdu dans la nuit», raconte un commerçant du quartier.",
            quote: "On a tout perdu", speaker: "un commerçant du quartier", rule: "incise-name"),
        Row(name: "a title in marks is never attributed", text: "Le rapport «Horizons 2030» a été publié lundi par la Cour des comptes.",
            quote: "Horizons 2030", speaker: nil, kind: .nonspeech),
        Row(name: "a late incise after the narrator's words", text: "«Nous ne reculerons pas» face à la pression, a martelé le président colombien, Andrés Vela.",
            quote: "Nous ne reculerons pas", speaker: "Andrés Vela", rule: "incise-late"),
        Row(name: "an attitude cue", text: "Le président Omar Haddad y a vu une «provocation».",
            quote: "provocation", speaker: "Omar Haddad", rule: "attitude", kind: .mixed),
        Row(name: "apposition past an acronym in parentheses", text: "La présidente de l'Autorité de sûreté nucléaire (ASN), Carla Moretti, a averti que «le parc vieillit».",
            quote: "le parc vieillit", speaker: "Carla Moretti"),
        Row(name: "a chain of appositions", text: "Le président du jury, l'acteur italien Marco Vitale, a salué «un film courageux».",
            quote: "un film courageux", speaker: "Marco Vitale", rule: "attitude"),
        Row(name: "a portfolio and a nationality noun", text: "«Le gaz restera cher», a prévenu la commissaire européenne à l'Énergie, la Danoise Freja Lund.",
            quote: "Le gaz restera cher", speaker: "Freja Lund"),
        Row(name: "a pronoun refers to the previous sentence's subject", text: "«Nous avons bien joué», a dit l'entraîneur Yves Marin. Le gardien Tom Weber, héros de la soirée, jubilait. «Je n'ai rien vu venir», a-t-il confié.",
            quote: "Je n'ai rien vu venir", speaker: "Tom Weber", rule: "incise-pronoun"),
        Row(name: "a sentence-initial subject of an unlisted verb", text: "«Le dossier est clos», a dit le greffier Paul Anton. La juge Alba Ruiz refuse de commenter. «Je ne dirai rien», a-t-elle ajouté.",
            quote: "Je ne dirai rien", speaker: "Alba Ruiz", rule: "incise-pronoun"),
        Row(name: "quote before a speaker introduced later in the next sentence", text: "«Les prix vont encore monter.» Interrogé par Reuters, l'analyste Victor Lenz estime que la hausse durera.",
            quote: "Les prix vont encore monter.", speaker: "Victor Lenz", rule: "next-sentence"),
        Row(name: "a hyphenated title", text: "«Nous tiendrons nos engagements», a déclaré le vice-président argentin, Tomás Ibáñez.",
            quote: "Nous tiendrons nos engagements", speaker: "Tomás Ibáñez"),
        Row(name: "ce dernier refers to the last person named", text: "Le juge a entendu Karim Saïdi. Ce dernier a qualifié l'accusation de «fantaisiste».",
            quote: "fantaisiste", speaker: "Karim Saïdi"),
        Row(name: "a newspaper after dans is not a person", text: "«Rien ne va plus», écrit Jeanne Lorry dans Les Échos du lundi.",
            quote: "Rien ne va plus", speaker: "Jeanne Lorry"),
        Row(name: "an unnamed speaker with a hyphenated place", text: "«Nous manquons de lits», confie une aide-soignante de la clinique Sainte-Marie.",
            quote: "Nous manquons de lits", speaker: "une aide-soignante de la clinique Sainte-Marie", rule: "incise-name"),
        Row(name: "a second quote after avant d'ajouter", text: "«Nous irons vite», a martelé la porte-parole Inès Varenne, avant d'ajouter : «Le texte sera prêt.»",
            quote: "Le texte sera prêt.", speaker: "Inès Varenne"),
        Row(name: "a newspaper speaks", text: "«Qui paiera la note ?», s'interroge le quotidien Ouest-France.",
            quote: "Qui paiera la note ?", speaker: "le quotidien Ouest-France", rule: "incise-name"),
        Row(name: "a group with an adjective before its verb", text: "Les pêcheurs bretons ont dénoncé une «mise à mort».",
            quote: "mise à mort", speaker: "Les pêcheurs bretons", rule: "attitude"),
        Row(name: "a periphrasis refers back to the title", text: "La Première ministre danoise, Karen Holm, a reçu le chef de l'opposition, Erik Dahl. «Nous ne reculerons pas», a assuré la cheffe du gouvernement.",
            quote: "Nous ne reculerons pas", speaker: "Karen Holm", rule: "incise-name"),
        Row(name: "pour X, apposed name, then the clause", text: "Pour son avocate, Me Lina Haddad, le dossier «ne tient pas debout».",
            quote: "ne tient pas debout", speaker: "Lina Haddad", rule: "selon"),
        Row(name: "a quote after a sentence whose speech verb has the speaker", text: "«Nous avons perdu», a dit l'ailier Tom Reyes. Son adversaire, le Belge Jan Peeters, a reconnu la force de l'équipe adverse. «Ils étaient plus frais que nous.»",
            quote: "Ils étaient plus frais", speaker: "Jan Peeters", rule: "previous-sentence"),
        Row(name: "a varied title refers to the person just named", text: "La Norvégienne Ingrid Solvang a remporté le sprint. Interrogée sur la suite, la skieuse de 27 ans a répondu : «Je vise le globe.»",
            quote: "Je vise le globe.", speaker: "Ingrid Solvang", rule: "colon"),
        Row(name: "a bare organisation noun refers back to the organisation named", text: "Selon la Fédération nationale des pêcheurs, la saison est perdue. L'organisation réclame «des aides immédiates».",
            quote: "des aides immédiates", speaker: "la Fédération nationale des pêcheurs"),
        Row(name: "an unnamed speaker keeps its adjective", text: "«On ne nous écoute jamais», soupire un vigneron bourguignon.",
            quote: "On ne nous écoute jamais", speaker: "un vigneron bourguignon", rule: "incise-name"),
        Row(name: "an acronym with its place", text: "«Les lits sont pleins», a averti l'ARS Bourgogne-Franche-Comté.",
            quote: "Les lits sont pleins", speaker: "l'ARS Bourgogne-Franche-Comté", rule: "incise-name"),
        Row(name: "a registry speaker by native spelling", text: "«Nous restons ouverts au dialogue», a déclaré Mevlüt Çavuşoğlu.",
            quote: "Nous restons ouverts", speaker: "Mevlüt Çavuşoğlu"),
    ]

    @Test(arguments: rows)
    func attribute(row: Row) throws {
        let quotes = try Support.quotes(row.text)
        let quote = try #require(quotes.first { $0.text.contains(row.quote) && $0.span.kind != .indirect }, "no quote \(row.quote) in \(quotes.map(\.text))")
        #expect(quote.attribution.speaker?.name == row.speaker)
        if let rule = row.rule { #expect(quote.attribution.rule?.rawValue == rule) }
        if let kind = row.kind { #expect(quote.span.kind == kind) }
        if row.speaker != nil {
            #expect(quote.attribution.confidence != nil)
            #expect(quote.cueText != nil || ["continuity", "continuity-far", "headline", "paragraph-subject", "article-speaker", "name-after-quote"].contains(quote.attribution.rule?.rawValue ?? ""))
        }
    }

    /// Reported speech without marks: span, speaker and rule.
    @Test("indirect speech", arguments: [
        ("La présidente du Sénat, Marie Delorme, a estimé que la réforme était prématurée.", "la réforme était prématurée", "Marie Delorme", "que-clause"),
        ("Les discussions reprendront lundi à Genève, a annoncé mardi le porte-parole du gouvernement, Luc Ferrier.", "Les discussions reprendront lundi à Genève", "Luc Ferrier", "inverted-lede"),
        ("Selon la procureure Nadia Benali, le suspect a reconnu les faits.", "le suspect a reconnu les faits", "Nadia Benali", "selon"),
        ("L'association Terre vive a fait savoir qu'elle porterait plainte.", "elle porterait plainte", "L'association Terre vive", "que-clause"),
        ("D'après un diplomate européen, les sanctions seront prolongées.", "les sanctions seront prolongées", "un diplomate européen", "selon"),
        ("Le témoin, un pêcheur norvégien, a assuré en norvégien, selon la traduction d'un interprète, qu'il avait vu le navire.",
         "il avait vu le navire", "un pêcheur norvégien", "que-clause"),
        ("Le syndicat a dénoncé le plan social, rappelant que l'usine était rentable.", "l'usine était rentable", "Le syndicat", "que-clause"),
        ("La préfecture a publié un bilan et a fait savoir que les routes rouvriraient jeudi.", "les routes rouvriraient jeudi", "La préfecture", "que-clause"),
        ("L'association «Vélo libre» a fait savoir qu'elle ferait appel.", "elle ferait appel", "L'association Vélo libre", "que-clause"),
        // A determiner and a noun before que, and que still opens what is said.
        ("La préfète a annoncé ce matin que le pont rouvrirait lundi.", "le pont rouvrirait lundi", "La préfète", "que-clause"),
        ("Le ministre a prévenu ses partisans que la campagne serait longue.", "la campagne serait longue", "Le ministre", "que-clause"),
        ("La syndicaliste a souligné le fait que les salaires stagnent.", "les salaires stagnent", "La syndicaliste", "que-clause"),
        ("L'avocate a exprimé l'espoir que le procès se tienne avant l'été.", "le procès se tienne avant l'été", "L'avocate", "que-clause"),
        ("Le président a dit aux journalistes que rien n'était décidé.", "rien n'était décidé", "Le président", "que-clause"),
        // The sentence before, reported by a verb that points back to it.
        ("Le pont de Térénez restera fermé jusqu'au printemps. C'est ce qu'a annoncé mardi la présidente du département, Anne Kerlan.",
         "Le pont de Térénez restera fermé jusqu'au printemps", "Anne Kerlan", "inverted-lede"),
        ("Incendie à Brest.\n\nLe feu a pris dans la nuit. Aucun blessé n'est à déplorer.\n\nC'est du moins ce qu'a assuré le maire, Paul Garnier.",
         "Aucun blessé n'est à déplorer", "Paul Garnier", "inverted-lede"),
        // The que of a conjunction is passed over.
        ("Le maire a promis, bien que les caisses soient vides, que la piscine rouvrirait en juin.", "la piscine rouvrirait en juin", "Le maire", "que-clause"),
    ])
    func indirect(text: String, clause: String, speaker: String, rule: String) throws {
        let quotes = try Support.quotes(text)
        let quote = try #require(quotes.first { $0.span.kind == .indirect })
        #expect(quote.text == clause)
        #expect(quote.attribution.speaker?.name == speaker)
        #expect(quote.attribution.rule?.rawValue == rule)
    }

    @Test("a subject then a colon and a quote is no inverted lede", arguments: [
        "Me Claire Vidal, avocate de la famille, a contesté ces conclusions : «Rien ne tient.»",
        "Le porte-parole de l'armée, le colonel Ivo Marek, a démenti ces informations, qualifiant la vidéo de «montage».",
    ])
    func noLede(text: String) throws {
        #expect(try Support.quotes(text).allSatisfy { $0.span.kind != .indirect })
    }

    @Test("a headline's verb takes no que-clause from the next paragraph", arguments: [
        "Port fermé : «La saison est perdue», soupire le maire\n\nAlors que les quais restent bloqués depuis une semaine, le maire a réuni les pêcheurs.",
        "Vote du budget : la maire «regrette»\n\nPendant que les élus débattaient, des habitants manifestaient devant la mairie.",
    ])
    func headlineVerbStaysInItsParagraph(text: String) throws {
        #expect(try Support.quotes(text).allSatisfy { $0.span.kind != .indirect })
    }

    @Test("a speech verb with a plain object is not a quote", arguments: [
        "Le gouvernement a annoncé de nouvelles mesures contre la fraude.",
        "La ministre a évoqué la question des retraites devant les députés.",
        "Le club a confirmé le départ de son entraîneur.",
        // A relative que after the verb's object: what follows is not what was said.
        "Le maire a rejeté ces accusations qu'il juge infondées.",
        "L'entraîneur commente le classement que publie la ligue.",
        // "ce qu'a dit X" is the verb's object, not a clause.
        "Le conseil municipal s'est réuni lundi soir à huis clos. Le journal local a relaté ce qu'a dit le maire.",
        // The que of a conjunction opens no reported clause.
        "La ministre a répondu alors que la séance touchait à sa fin.",
    ])
    func plainObject(text: String) throws {
        #expect(try Support.quotes(text).isEmpty)
    }

    @Test("registry speakers get their id, whatever the spelling", arguments: [
        ("«Nous restons ouverts», a déclaré Mevlüt Çavuşoğlu.", "mevlut-cavusoglu"),
        ("«Nous restons ouverts», a déclaré Mevlut Cavusoglu.", "mevlut-cavusoglu"),
        ("«Nous restons ouverts», a déclaré Сергей Лавров.", "sergey-lavrov"),
    ])
    func registry(text: String, id: String) throws {
        #expect(try Support.quotes(text).first?.attribution.speaker?.id == id)
    }
}
