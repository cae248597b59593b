/// Says how each quote reached the page: the language the speaker used
/// (from a cue such as `en turc`, else the registry), the relay languages
/// the text states (`selon une traduction en russe de ses propos`), the
/// language printed, and whether the words are verbatim.
///
/// ```swift
/// let annotator = try TranslationAnnotator(lexicon: lexicon)
/// let notes = annotator.notes(for: quotes, decisions: decisions, context: context)
/// notes[8]?.note   // "Said in Turkish, relayed through a Russian translation, printed in French: not verbatim."
/// ```
/// A cue counts only for the quotes of its own attribution
/// (``TranslationCueAssigner``). A quote gets no note (nil) when nothing is
/// known: it is `nonspeech`, or no cue speaks for it, its speaker has no
/// language in the registry, and it is printed in the article's language
/// (or too short to tell).
///
/// Owns ICU transliterators for speakers' names, opened on first use (a
/// Latin-script name needs none): one annotator per worker. The language
/// identifier is built once per process and shared.
public final class TranslationAnnotator {
    let lexicon: FrenchLexicon
    let identifier: LanguageIdentifier
    private let finder: TranslationCueFinder
    private let assigner = TranslationCueAssigner()
    private let names = SpeakerNameRenderer()
    /// Note sentences by what they say: few combinations recur, and each
    /// sentence costs ICU language names and string building.
    private var sentences: [SentenceKey: String] = [:]

    private struct SentenceKey: Hashable {
        var original: String?
        var via: [String]
        var printed: String?
        var verbatim: Bool?
        var translated: Bool
        var reported: Bool
    }
    /// The language the articles are written in.
    public let documentLanguage = "fr"

    public init(lexicon: FrenchLexicon, cues: TranslationCues? = nil, identifier: LanguageIdentifier? = nil) throws {
        self.lexicon = lexicon
        self.identifier = try identifier ?? LanguageIdentifier.bundled()
        finder = TranslationCueFinder(cues: try cues ?? TranslationCues.bundled(), lexicon: lexicon)
    }

    /// How many ICU transliterators this annotator has opened so far.
    var openedTransliterators: Int { names.openedTransliterators }

    /// One note per quote (same order as `quotes` and `context.quotes`).
    public func notes(for quotes: [ExtractedQuote], decisions: [Candidate?], context: AttributionContext) -> [TranslationNote?] {
        let found = finder.find(in: context.document, quotes: context.quotes)
        let owned = assigner.assign(found, decisions: decisions, context: context)
        return quotes.indices.map { i in
            note(for: quotes[i], decision: decisions[i], cues: owned[i].map { found[$0] }, context: context)
        }
    }

    /// The note of one quote from the cues that speak for it.
    func note(for quote: ExtractedQuote, decision: Candidate?, cues: [TranslationCueFinder.Occurrence],
              context: AttributionContext) -> TranslationNote? {
        guard quote.span.kind != .nonspeech else { return nil }
        let registry = decision.flatMap { context.entities.entities[$0.entity].registry }

        var original: String? = nil
        var source: TranslationNote.Source? = nil
        var printed: String? = nil
        var via: [String] = []
        var translated = false
        var reported = false
        for cue in cues {
            switch cue.role {
            case .printed:
                printed = printed ?? cue.language
                original = cue.language
                source = .cue
            case .spoken, .spokenNear:
                if original == nil { original = cue.language; source = .cue }
            case .relay:
                if let language = cue.language, !via.contains(language) { via.append(language) }
                translated = true
            case .translated:
                translated = true
            case .reported:
                reported = true
            }
        }
        if original == nil, let language = registry?.language {
            original = language
            source = .registry
        }

        let quotedIn = printedLanguage(of: quote, printed: printed, original: original)
        // A translation into the language printed, or from the one spoken, is no relay.
        via.removeAll { $0 == quotedIn || $0 == original }
        if cues.isEmpty, registry?.language == nil, quotedIn == documentLanguage || quotedIn == "unknown" { return nil }

        let known = quotedIn == "unknown" ? nil : quotedIn
        var verbatim: Bool? = nil
        if translated { verbatim = false } else if let original, let known { verbatim = original == known }
        return TranslationNote(original: original, originalSource: source, via: via, quotedIn: quotedIn, verbatim: verbatim,
                               evidence: evidence(cues, document: context.document),
                               note: sentence(SentenceKey(original: original, via: via, printed: known, verbatim: verbatim,
                                                          translated: translated, reported: reported)),
                               speakerNames: registry.map(names.render) ?? [])
    }

    /// ``TranslationNote/sentence(original:via:printed:verbatim:translated:reported:)``, remembered.
    private func sentence(_ key: SentenceKey) -> String {
        if let known = sentences[key] { return known }
        let text = TranslationNote.sentence(original: key.original, via: key.via, printed: key.printed, verbatim: key.verbatim,
                                            translated: key.translated, reported: key.reported)
        sentences[key] = text
        return text
    }

    /// The language of the words as printed. Indirect speech is the
    /// narrator's own; a quote in marks is identified, and when the text or
    /// the registry gives the spoken language, a quote too short to identify
    /// is weighed between that language and the article's; a fragment in
    /// the narrator's clause that stays unclear is the article's language.
    func printedLanguage(of quote: ExtractedQuote, printed: String?, original: String?) -> String {
        if let printed { return printed }
        guard quote.span.kind != .indirect else { return documentLanguage }
        var language = identifier.identify(quote.text, prior: documentLanguage)
        if language == "unknown", let original, original != documentLanguage {
            language = identifier.choose(quote.text, among: [original, documentLanguage]) ?? "unknown"
        }
        if language == "unknown", quote.span.kind == .mixed { language = documentLanguage }
        return language
    }

    /// The cue text and its original offsets: the cue that says most (a
    /// relay over a spoken language over the rest), with the cues that
    /// follow or precede it closely (`ses propos étant traduits en anglais par
    /// un interprète`).
    func evidence(_ cues: [TranslationCueFinder.Occurrence], document: Document) -> TranslationNote.Evidence? {
        func weight(_ role: TranslationCues.Role) -> Int {
            switch role {
            case .relay: 4
            case .spoken, .printed: 3
            case .spokenNear: 2
            case .translated: 1
            case .reported: 0
            }
        }
        guard let main = cues.max(by: { weight($0.role) < weight($1.role) }) else { return nil }
        var first = main.content.lowerBound, last = main.content.upperBound
        let sorted = cues.filter { $0.sentence == main.sentence }.sorted { $0.content.lowerBound < $1.content.lowerBound }
        for cue in sorted.reversed() where cue.content.upperBound <= first && first - cue.content.upperBound <= 3 { first = cue.content.lowerBound }
        for cue in sorted where cue.content.lowerBound >= last && cue.content.lowerBound - last <= 3 { last = cue.content.upperBound }
        let range = document.sourceRange(document.workingRange(content: first, through: last - 1))
        return .init(text: document.source.text(range), start: range.lowerBound.value, end: range.upperBound.value)
    }
}
