/// The closed lists of keys that cues, mentions and rules test tokens
/// against (see ``KeyList``): small words and marks of French syntax,
/// named for the question a stage asks.
extension KeyList {
    /// Marks between a closing quotation mark and an incise verb (», a-t-il dit; » — a-t-il dit).
    static let marksOrDashesBeforeIncise: KeyList = [",", "!", "?", "…", "—", "–"]
    /// Marks that end a sentence or a clause of its own.
    static let sentenceEnds: KeyList = [".", "!", "?", "…", ";"]
    /// Reflexive and negation clitics before a verb.
    static let reflexiveOrNegation: KeyList = ["s'", "se", "n'", "ne"]
    /// Clitics between a subject and its verb, objects included.
    static let cliticsBeforeVerb: KeyList = ["s'", "se", "n'", "ne", "l'", "le", "lui", "y", "en"]
    /// The reflexive clitic.
    static let reflexives: KeyList = ["s'", "se"]
    /// What opens the content of a saying: a colon or que.
    static let contentOpeners: KeyList = [":", "que", "qu'"]
    /// Clitics that stand between a subject and its verb.
    static let verbClitics: KeyList = ["s'", "se", "y", "n'", "ne"]
    /// The participle of a passive (`a été interpellé`), which reports nothing its subject said.
    static let passiveAuxiliary: KeyList = ["été"]
    /// Every clitic pronoun and negation before a verb.
    static let pronounClitics: KeyList = ["n'", "ne", "s'", "se", "y", "l'", "lui", "leur", "en", "nous", "vous", "m'", "t'"]
    /// Prepositions contracted with an article.
    static let contractedPrepositions: KeyList = ["du", "des", "au", "aux"]
    /// The relative pronoun lequel and its forms.
    static let relativeLequel: KeyList = ["lequel", "laquelle", "lesquels", "lesquelles"]
    /// Marks that may follow a closing quotation mark before an incise.
    static let marksAfterQuote: KeyList = [",", "!", "?", "…", "—", "–", "-", ")"]
    /// Marks that break off a clause.
    static let clauseBreaks: KeyList = [".", "!", "?", ";", ":", "…"]
    /// Marks that end a phrase.
    static let phraseEnds: KeyList = [".", "!", "?", ";", ",", "…"]
    /// A comma or a period.
    static let commaOrPeriod: KeyList = [",", "."]
    /// Marks that end a sentence.
    static let sentenceFinals: KeyList = [".", "!", "?", "…"]
    /// The conjunction que.
    static let que: KeyList = ["qu'", "que"]
    /// Marks that open an aside.
    static let asideOpeners: KeyList = ["(", "—", "–", "-"]
    /// Marks that end a sentence, or a colon.
    static let sentenceFinalsOrColon: KeyList = [".", "!", "?", "…", ":"]
    /// Words that join a new clause with its own subject.
    static let clauseLinks: KeyList = ["et", "puis", "mais", "avant", "après"]
    /// Marks that break off a clause (not an ellipsis).
    static let clauseBreaksWithoutEllipsis: KeyList = [".", ";", ":", "!", "?"]
    /// Contracted prepositions and sur, par.
    static let prepositionsBeforePlace: KeyList = ["au", "aux", "du", "des", "sur", "par"]
    /// Stressed personal pronouns.
    static let stressedPronouns: KeyList = ["lui", "elle", "eux", "elles"]
    /// Words that link a noun to its complement (le ministre des Affaires étrangères).
    static let complementLinks: KeyList = ["de", "du", "des", "d'"]
    /// Definite and indefinite articles.
    static let articles: KeyList = ["le", "la", "les", "l'", "un", "une"]

    // Names, noun phrases and their complements (MentionFinder).

    /// Endings of present participles and like words, not kept as adjectives (présent à Ankara).
    static let presentParticipleEndings: KeyList = ["ant", "ants", "ante", "antes", "ent", "ents", "ente", "entes"]
    /// Endings of past participles (adressée, soupçonné).
    static let pastParticipleEndings: KeyList = ["é", "ée", "és", "ées"]
    /// Endings of infinitives (d'avoir agi, de quitter).
    static let infinitiveEndings: KeyList = ["er", "ir"]
    /// Marks between a closing quotation mark and an incise verb.
    static let marksBeforeIncise: KeyList = [",", "!", "?", "…"]
    /// Marks after which a capitalised word opens a clause.
    static let clauseOpeningMarks: KeyList = [":", "—", "–", "(", ".", "!", "?", "…"]
    /// Articles after which a capitalised run names a thing or a body (du Festival d'Avignon).
    static let articlesBeforeThing: KeyList = ["le", "la", "les", "du", "des", "au", "aux", "l'"]
    /// Prepositions after which a capitalised run is a place or a title.
    static let placeOrTitlePrepositions: KeyList = ["dans", "en", "depuis", "vers", "sur"]
    /// Definite articles kept with an organisation's name (la Turquie).
    static let definiteArticles: KeyList = ["le", "la", "l'", "les"]
    /// Prefixes joined to a title by a hyphen (vice-Premier ministre, ex-ministre).
    static let titlePrefixes: KeyList = ["vice", "ex", "co", "sous", "pro"]
    /// Contracted prepositions and "par" after a participle (versé au dossier, signé par).
    static let participleLinks: KeyList = ["au", "aux", "par"]
    /// Prepositions before a portfolio (le commissaire européen au Commerce).
    static let portfolioLinks: KeyList = ["au", "aux", "à"]
    /// Articles between a portfolio's preposition and its name (à l'Économie, à la Culture).
    static let portfolioArticles: KeyList = ["la", "l'"]
    /// Words that open a second complement after "et" (de l'Économie et des Finances).
    static let coordinatedComplementOpeners: KeyList = ["de", "du", "des", "d'", "la", "le", "les", "l'"]
    /// The preposition de.
    static let de: KeyList = ["de", "d'"]
    /// Infinitives a participle's complement opens with (soupçonné d'avoir).
    static let commonInfinitives: KeyList = ["avoir", "être", "faire"]
    /// Possessives of several things owned (ses conseillers: still a role).
    static let pluralPossessives: KeyList = ["ses", "leurs"]
}
