/// Says how each attributed quote reached the page: the language the
/// speaker used (from a cue such as `en turc`, else the registry), the
/// relay languages the text states (`selon une traduction en russe de ses
/// propos`), the language printed, and whether the words are verbatim.
///
/// A cue counts only in the sentence of the quote's own attribution (the
/// cue's sentence and the quote's), never inside the quoted words; a bare
/// `en anglais` counts only right by the cue or the speaker.
///
/// Owns ICU transliterators: one per worker.
public final class TranslationAnnotator {
    let lexicon: FrenchLexicon
    let identifier: LanguageIdentifier
    private let toLatin: Transliterator
    private let toASCII: Transliterator
    private let russianBGN: Transliterator?
    /// The language the articles are written in.
    public let documentLanguage = "fr"

    public init(lexicon: FrenchLexicon) throws {
        self.lexicon = lexicon
        identifier = try LanguageIdentifier.bundled()
        toLatin = try Transliterator("Any-Latin")
        toASCII = try Transliterator("Any-Latin; Latin-ASCII")
        russianBGN = try? Transliterator("Russian-Latin/BGN")
    }

    /// A cue found in the attribution's sentence.
    struct Found {
        var role: FrenchLexicon.TranslationRole
        var language: String?
        var content: Range<Int>
    }

    public func note(for quote: ExtractedQuote, decision: Candidate?, context: AttributionContext) -> TranslationNote? {
        guard quote.span.kind != .nonspeech else { return nil }
        let document = context.document
        let found = cues(for: quote, decision: decision, context: context)
        let entity = decision.map { context.entities.entities[$0.entity] }
        let registry = entity?.registry

        var original: String? = nil
        var source: TranslationNote.Source? = nil
        var via: [String] = []
        var printed: String? = nil
        var translated = false
        var evidence: [Range<Int>] = []
        for cue in found {
            switch cue.role {
            case .spoken, .spokenNear:
                if original == nil, let language = cue.language { original = language; source = .cue; evidence.append(cue.content) }
            case .printed:
                if let language = cue.language { original = language; source = .cue; printed = language; evidence.append(cue.content) }
            case .relay:
                if let language = cue.language, !via.contains(language) { via.append(language); evidence.append(cue.content) }
                translated = true
            case .translated:
                translated = true
                evidence.append(cue.content)
            }
        }
        if original == nil, let language = registry?.language { original = language; source = .registry }

        var quotedIn = printed ?? identifier.identify(quote.text, prior: documentLanguage)
        // A fragment inside the narrator's French clause is French unless it clearly is not.
        if quotedIn == "unknown", quote.span.kind == .mixed || quote.span.kind == .indirect { quotedIn = documentLanguage }
        // A relay into the language printed is a plain translation, not a relay.
        via.removeAll { $0 == quotedIn || $0 == original }

        let names = registry.map(speakerNames) ?? []
        // Nothing known: no language for the speaker, no cue, printed in French.
        if original == nil, via.isEmpty, !translated, quotedIn == documentLanguage || quotedIn == "unknown" { return nil }

        let printedLanguage = quotedIn == "unknown" ? nil : quotedIn
        var verbatim: Bool? = nil
        if let original, let printedLanguage { verbatim = original == printedLanguage && via.isEmpty }
        if translated, verbatim == true { verbatim = false }

        var cueEvidence: TranslationNote.Evidence? = nil
        if let first = evidence.min(by: { $0.lowerBound < $1.lowerBound }), let last = evidence.max(by: { $0.upperBound < $1.upperBound }) {
            let range = document.sourceRange(document.workingRange(content: first.lowerBound, through: last.upperBound - 1))
            cueEvidence = .init(text: document.source.text(range), start: range.lowerBound.value, end: range.upperBound.value)
        }
        return TranslationNote(original: original, originalSource: source, via: via, quotedIn: quotedIn, verbatim: verbatim,
                               evidence: cueEvidence,
                               note: sentence(original: original, via: via, printed: printedLanguage, verbatim: verbatim, translated: translated),
                               speakerNames: names)
    }

    /// Translation cues in the quote's attribution sentences, outside its words.
    func cues(for quote: ExtractedQuote, decision: Candidate?, context: AttributionContext) -> [Found] {
        let document = context.document
        let keys = document.contentKeys
        var sentences = Set<Int>()
        let extent = quote.span.extent
        let first = document.sentenceIndex(at: extent.lowerBound)
        let last = document.sentenceIndex(at: max(extent.upperBound - 1, extent.lowerBound))
        for s in first...max(first, last) { sentences.insert(s) }
        var near: [Range<Int>] = []
        if let c = decision?.cue {
            let cue = context.cues[c]
            sentences.insert(context.sentence(ofContent: cue.content.lowerBound))
            near.append(max(0, cue.content.lowerBound - 1)..<(cue.content.upperBound + 3))
        }
        if let k = decision?.mention {
            let mention = context.mentions[k]
            near.append(max(0, mention.content.lowerBound - 3)..<(mention.content.upperBound + 3))
        }
        // The sentence just before, when it is about the same speaker and quotes
        // nothing: "X s'est exprimé en mandarin, ses propos étant traduits … Il a décrit «…»".
        if let decision, let earliest = sentences.min(), earliest > 0 {
            let previous = earliest - 1
            let quotesThere = !context.markedQuotes(inSentence: previous).isEmpty
            let speakerMentions = context.mentions(inSentence: previous).filter { context.entities.entityOf[$0] == decision.entity }
            if !quotesThere, !speakerMentions.isEmpty {
                sentences.insert(previous)
                for m in speakerMentions {
                    let mention = context.mentions[m]
                    near.append(max(0, mention.content.lowerBound - 3)..<(mention.content.upperBound + 6))
                }
            }
        }
        var found: [Found] = []
        for s in sentences.sorted() {
            let sentence = document.sentences[s]
            guard !sentence.tokens.isEmpty else { continue }
            var i = Int(document.contentIndex[sentence.tokens.lowerBound])
            let end = sentence.tokens.upperBound >= document.tokens.count ? keys.count : Int(document.contentIndex[sentence.tokens.upperBound])
            while i < end {
                // Never inside the quoted words (nor inside another quote in marks).
                if quote.span.content.contains(document.tokens[document.content[i]].start) { i += 1; continue }
                guard let cue = match(keys, at: i, end: end) else { i += 1; continue }
                let range = i..<(i + cue.length)
                if cue.role == .spokenNear, !near.contains(where: { $0.overlaps(range) }) { i += 1; continue }
                found.append(Found(role: cue.role, language: cue.language, content: range))
                i += cue.length
            }
        }
        return found
    }

    private func match(_ keys: [String], at i: Int, end: Int) -> (role: FrenchLexicon.TranslationRole, language: String?, length: Int)? {
        guard let patterns = lexicon.translationCues[keys[i]] else { return nil }
        for pattern in patterns {
            guard i + pattern.keys.count <= end else { continue }
            var language: String? = nil
            var ok = true
            for (offset, key) in pattern.keys.enumerated() {
                let word = keys[i + offset]
                if key == "<lang>" {
                    guard let code = lexicon.languageCodes[word] else { ok = false; break }
                    language = code
                } else if key != word {
                    ok = false
                    break
                }
            }
            if ok { return (pattern.role, language, pattern.keys.count) }
        }
        return nil
    }

    /// Native spelling and transliterations of a registry speaker's name.
    func speakerNames(_ entry: Registry.Entry) -> [String] {
        var names: [String] = []
        func add(_ name: String?) { if let name, !name.isEmpty, !names.contains(name) { names.append(name) } }
        let native = entry.native ?? entry.name
        add(native)
        if native.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) { add(try? russianBGN?.apply(native)) }
        add(try? toLatin.apply(native))
        add(try? toASCII.apply(native))
        add(entry.name)
        return names
    }

    /// "Said in Turkish, relayed through a Russian translation, printed in French: not verbatim."
    func sentence(original: String?, via: [String], printed: String?, verbatim: Bool?, translated: Bool) -> String {
        func name(_ code: String) -> String { LocaleNames.language(code, in: "en") }
        var parts: [String] = []
        parts.append(original.map { "Said in \(name($0))" } ?? "Language spoken not stated")
        if !via.isEmpty { parts.append("relayed through " + via.map { "a \(name($0)) translation" }.joined(separator: " then ")) }
        else if translated { parts.append("translated") }
        parts.append(printed.map { "printed in \(name($0))" } ?? "printed language unclear")
        let verdict: String
        switch verbatim {
        case true?: verdict = "verbatim"
        case false?: verdict = "not verbatim"
        case nil: verdict = "verbatim unknown"
        }
        return parts.joined(separator: ", ") + ": " + verdict + "."
    }
}
