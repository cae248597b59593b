import Foundation

/// Says how each quote reached the page: the language the speaker used
/// (from a cue such as `en turc`, the words as printed, the registry, or the
/// speaker's role), the relay languages the text states (`selon une
/// traduction en russe de ses propos`), the language printed, and whether
/// the words are verbatim.
///
/// ```swift
/// let annotator = try TranslationAnnotator(lexicon: lexicon)
/// let notes = annotator.notes(for: quotes, decisions: decisions, context: context)
/// notes[8]?.note   // "Said in Turkish (text), relayed through a Russian translation (text), printed in French (identified): not verbatim."
/// ```
/// A cue counts for the quotes of its own attribution
/// (``TranslationCueAssigner``) and, when it sets the scene, for the
/// speaker's later quotes (``TranslationScenes``). `original` comes, by
/// precedence, from a cue; from the words themselves when printed in
/// another language with no translation stated (`«Non abbiamo paura»`); from
/// the registry when it lists one language; from the speaker's role or
/// nationality (`le président polonais`, ``CountryLanguages``). The last two
/// are guesses, never French, and never give a relay. A quote gets no note
/// (nil) when nothing is known: it is `nonspeech`, or nothing speaks for it
/// and it is printed in the article's language (or too short to tell).
///
/// Owns ICU transliterators for speakers' names, opened on first use (a
/// Latin-script name needs none): one annotator per worker. The language
/// identifier is built once per process and shared.
public final class TranslationAnnotator {
    let lexicon: FrenchLexicon
    let identifier: LanguageIdentifier
    let countries: CountryLanguages
    private let finder: TranslationCueFinder
    private let assigner = TranslationCueAssigner()
    private let names: SpeakerNameRenderer
    /// Note sentences by what they say: few combinations recur, and each
    /// sentence costs ICU language names and string building.
    private var sentences: [SentenceKey: String] = [:]
    /// ISO codes of the French country names entities carry (`Pologne` → `PL`).
    private var isoCodes: [String: String?] = [:]

    private struct SentenceKey: Hashable {
        var original: String?
        var source: TranslationNote.Source?
        var via: [String]
        var printed: String?
        var printedSource: TranslationNote.PrintedSource
        var verbatim: Bool?
        var translated: Bool
        var reported: Bool
    }
    /// The language the articles are written in.
    public let documentLanguage = "fr"

    public init(lexicon: FrenchLexicon, cues: TranslationCues? = nil, identifier: LanguageIdentifier? = nil,
                countries: CountryLanguages? = nil, periphrases: LanguagePeriphrases? = nil) throws {
        self.lexicon = lexicon
        // The bundled spellings, read on the first registry speaker. A table
        // that cannot be read (the tests hold it to ICU) leaves every name to ICU.
        names = SpeakerNameRenderer(known: { try? SpeakerRenderings.bundled() })
        self.identifier = try identifier ?? LanguageIdentifier.bundled()
        self.countries = try countries ?? CountryLanguages.bundled()
        finder = TranslationCueFinder(cues: try cues ?? TranslationCues.bundled(), lexicon: lexicon,
                                      periphrases: try periphrases ?? LanguagePeriphrases.bundled())
    }

    /// The words its cue finder numbers (see ``TextAnalyzer/init(abbreviations:tables:)``).
    var words: WordTable { finder.words }

    /// How many ICU transliterators this annotator has opened so far.
    var openedTransliterators: Int { names.openedTransliterators }

    /// One note per quote (same order as `quotes` and `context.quotes`).
    public func notes(for quotes: [ExtractedQuote], decisions: [Candidate?], context: AttributionContext) -> [TranslationNote?] {
        let found = finder.find(in: context.document, quotes: context.quotes)
        let assignment = assigner.assign(found, decisions: decisions, context: context)
        let cues = TranslationScenes.cues(found: found, assignment: assignment, decisions: decisions, context: context) { i, language in
            context.document.source.withScalars(in: quotes[i].range) { words in
                language == self.identifier.choose(scalars: words, among: [language, self.documentLanguage])
            }
        }
        // Only each quote's kind and range are handed on: a quote passed whole is copied (its
        // fields retained and released), even from the array's own storage.
        return quotes.withUnsafeBufferPointer { quotes in
            quotes.indices.map { i in
                note(kind: quotes[i].span.kind, words: quotes[i].range, speaker: decisions[i]?.entity,
                     cues: cues[i].map { found[$0] }, context: context)
            }
        }
    }

    /// The note of one quote from the cues that speak for it.
    /// - Parameters:
    ///   - kind: the quote's kind (its span's); `words`, its range in the document's original text.
    ///   - speaker: the entity the quote is attributed to, if any.
    func note(kind: QuoteKind, words: SourceRange, speaker entity: Int?, cues: [TranslationCueFinder.Occurrence],
              context: AttributionContext) -> TranslationNote? {
        guard kind != .nonspeech else { return nil }
        // The entity's fields read in place, each where it is needed: a copy of the entity, or of
        // its registry entry, retains and releases each of its fields (the entry has ten).
        let country = entity.flatMap { context.entities.entities[$0].country }

        var original: String? = nil
        var source: TranslationNote.Source? = nil
        var printed: String? = nil
        var via: [String] = []
        var translated = false
        var reported = false
        var switched = false
        for cue in cues {
            switch cue.role {
            case .printed:
                printed = printed ?? cue.language
                if !switched { original = cue.language }
                source = .cue
            case .switch:
                // The speaker went over to this language for the quotes after the cue.
                original = cue.language
                source = .cue
                switched = true
            case .spoken, .scene, .spokenNear:
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
        // The guesses: the registry, then the speaker's role or nationality; never French.
        var guess: (language: String, source: TranslationNote.Source)? = nil
        if let language = entity.flatMap({ context.entities.entities[$0].registry?.onlyLanguage }) {
            guess = (language, .registry)
        } else if entity.map({ context.entities.entities[$0].registry?.languages == nil }) ?? true,
                  let language = country.flatMap(roleLanguage) {
            guess = (language, .role)
        }
        if guess?.language == documentLanguage { guess = nil }

        let quotedIn = printedLanguage(kind: kind, words: words, in: context.document.source, printed: printed, original: original ?? guess?.language)
        // A translation into the language printed, or from the one spoken, is no relay.
        via.removeAll { $0 == quotedIn || $0 == original }
        if original == nil, !translated, quotedIn != documentLanguage, quotedIn != "unknown" {
            // Printed in another language with no translation stated: the words as spoken.
            original = quotedIn
            source = .quote
        }
        if original == nil, let guess {
            original = guess.language
            source = guess.source
        }
        if cues.isEmpty, original == nil, quotedIn == documentLanguage || quotedIn == "unknown" { return nil }

        let known = quotedIn == "unknown" ? nil : quotedIn
        var verbatim: Bool? = nil
        if translated { verbatim = false } else if let original, let known { verbatim = original == known }
        let printedSource: TranslationNote.PrintedSource = printed != nil ? .cue : kind == .indirect ? .narrator : .identified
        return TranslationNote(original: original, originalSource: original == nil ? nil : source, via: via, quotedIn: quotedIn,
                               verbatim: verbatim, evidence: evidence(cues, document: context.document),
                               note: sentence(SentenceKey(original: original, source: original == nil ? nil : source, via: via, printed: known,
                                                          printedSource: printedSource, verbatim: verbatim,
                                                          translated: translated, reported: reported)),
                               speakerNames: entity.flatMap { context.entities.entities[$0].registry }.map(names.render) ?? [])
    }

    /// The quotes that only translate the quote before them, printed in
    /// parentheses right after it: in `«Non abbiamo paura» («Nous n'avons pas
    /// peur»)` the second is the article's translation of the first, not an
    /// utterance of its own.
    /// - Parameter quotes: the document's quotes with their notes.
    public func glosses(_ quotes: [ExtractedQuote], context: AttributionContext) -> Set<Int> {
        var found = Set<Int>()
        let document = context.document
        for j in quotes.indices.dropFirst() {
            let (first, second) = (quotes[j - 1], quotes[j])
            guard let close = first.span.close, let open = second.span.open, let end = second.span.close, close < open,
                  let printed = first.translation?.quotedIn, printed != documentLanguage, printed != "unknown" else { continue }
            let after = end + 1 < document.text.scalars.count ? document.originalText((end + 1)..<(end + 2)) : ""
            guard after == ")", Self.isOnly("(", inWhiteSpace: document.originalText((close + 1)..<open)) else { continue }
            guard document.source.withScalars(in: second.range, { identifier.identify(scalars: $0, prior: documentLanguage) }) != printed else { continue }
            found.insert(j)
        }
        return found
    }

    /// Whether `text` is `symbol` with white space around it: what
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines) == String(symbol)`
    /// answers, in one pass that stops at the first other scalar (the text
    /// between two quotes can be paragraphs long). Foundation's set is
    /// Unicode's White_Space (spaces, line breaks, no-break spaces) and the
    /// zero-width space.
    static func isOnly(_ symbol: Unicode.Scalar, inWhiteSpace text: String) -> Bool {
        text.withScalars { scalars in
            var seen = false
            while let scalar = scalars.next() {
                if scalar.properties.isWhitespace || scalar.value == 0x200B { continue }
                guard scalar == symbol, !seen else { return false }
                seen = true
            }
            return seen
        }
    }

    /// The language to guess for a speaker whose roles or appositions name
    /// `country` (a French country name: `Pologne`), from ``CountryLanguages``.
    func roleLanguage(_ country: String) -> String? {
        if let known = isoCodes[country] { return known.flatMap(countries.language(iso:)) }
        let keys = PhraseTable<Int>.split(country)
        var iso: String? = nil
        if let (match, length) = lexicon.countries.match(keys, at: 0), length == keys.count { iso = match.iso }
        isoCodes[country] = iso
        return iso.flatMap(countries.language(iso:))
    }

    /// ``TranslationNote/sentence(original:source:via:printed:printedSource:verbatim:translated:reported:)``, remembered.
    private func sentence(_ key: SentenceKey) -> String {
        if let known = sentences[key] { return known }
        let text = TranslationNote.sentence(original: key.original, source: key.source, via: key.via, printed: key.printed,
                                            printedSource: key.printedSource, verbatim: key.verbatim,
                                            translated: key.translated, reported: key.reported)
        sentences[key] = text
        return text
    }

    /// The language of the words as printed. Indirect speech is the
    /// narrator's own; a quote in marks is identified, and when the text or
    /// the registry gives the spoken language, a quote too short to identify
    /// is weighed between that language and the article's; a fragment in
    /// the narrator's clause that stays unclear is the article's language.
    /// - Parameter words: the quote's range in `source`, the document's original text (read in place).
    func printedLanguage(kind: QuoteKind, words: SourceRange, in source: SourceText, printed: String?, original: String?) -> String {
        if let printed { return printed }
        guard kind != .indirect else { return documentLanguage }
        var language = source.withScalars(in: words) { identifier.identify(scalars: $0, prior: documentLanguage) }
        if language == "unknown", let original, original != documentLanguage {
            language = source.withScalars(in: words) { identifier.choose(scalars: $0, among: [original, documentLanguage]) } ?? "unknown"
        }
        if language == "unknown", kind == .mixed { language = documentLanguage }
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
            case .spoken, .scene, .printed, .switch: 3
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
