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
}
