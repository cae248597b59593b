/// The whole pipeline for one document:
/// Text → Spans → Cues (and indirect speech) → Mentions → Attribution →
/// Notes, returning ``ExtractedQuote`` values for the exporters.
///
/// ```swift
/// let extractor = try QuoteExtractor()
/// let result = try extractor.extract(id: "seed", source: SourceText("«Oui», a dit M. Dupont."))
/// result.quotes[0].attribution.speaker?.name   // "Dupont"
/// ```
/// Owns ICU handles: one extractor per worker; lexicons and registry are shared.
public final class QuoteExtractor {
    public let lexicon: FrenchLexicon
    public let registry: Registry
    private let analyzer: TextAnalyzer
    private let classifier: SpanClassifier
    private let cueFinder: CueFinder
    private let indirectFinder: IndirectFinder
    private let mentionFinder: MentionFinder
    private let resolver: EntityResolver
    private let engine: AttributionEngine
    private let annotator: TranslationAnnotator
    /// Whether each quote's attribution keeps every scored candidate
    /// (``Attribution/candidates``), for `explain` and model fitting. No
    /// output format prints them: the extraction run, the server and the
    /// report leave them out. The engine then scores each quote's candidates
    /// in one buffer, with no feature array per candidate
    /// (``AttributionEngine/keepsFeatures``), and no candidate is copied
    /// into the result.
    public var keepsCandidates: Bool { engine.keepsFeatures }

    /// - Parameters:
    ///   - model: the speaker model (default: the shipped one); `mode: .firstMatch` runs the ordered sieve instead.
    ///   - keepingCandidates: see ``keepsCandidates``; without them each
    ///     ``Attribution/candidates`` is empty and everything else is the same.
    public init(lexicon: FrenchLexicon? = nil, registry: Registry? = nil, calibration: Calibration? = nil,
                model: SpeakerModel? = nil, mode: AttributionEngine.Mode = .scored, keepingCandidates: Bool = true) throws {
        let lexicon = try lexicon ?? FrenchLexicon.shared()
        let registry = try registry ?? Registry.bundled()
        self.lexicon = lexicon
        self.registry = registry
        annotator = try TranslationAnnotator(lexicon: lexicon)
        analyzer = try TextAnalyzer(abbreviations: lexicon.abbreviations, tables: [lexicon.words, annotator.words])
        classifier = SpanClassifier(lexicon: lexicon)
        cueFinder = CueFinder(lexicon: lexicon)
        indirectFinder = IndirectFinder(lexicon: lexicon)
        mentionFinder = MentionFinder(lexicon: lexicon)
        let folding = Folding()
        resolver = EntityResolver(lexicon: lexicon, registry: registry, folding: folding)
        engine = AttributionEngine(calibration: try calibration ?? Calibration.bundled(),
                                   model: mode == .scored ? try model ?? SpeakerModel.bundled() : nil, mode: mode,
                                   keepingFeatures: keepingCandidates)
    }

    /// The engine that picks speakers: `scored` only when a model is loaded
    /// (without one the scored engine is the first-match sieve).
    public var engineMode: AttributionEngine.Mode { engine.model == nil ? .firstMatch : engine.mode }

    /// How many ICU transliterators this extractor has opened so far (name
    /// folding and speakers' name renderings open theirs on first need).
    var openedTransliterators: Int {
        (resolver.folding.hasOpenedTransliterator ? 1 : 0) + annotator.openedTransliterators
    }

    /// Reads a document (text layer only), for callers that need the tokens.
    public func analyze(id: String, source: SourceText) throws -> Document {
        var document = try analyzer.analyze(id: id, source: source)
        document.contentWords = document.words(in: lexicon.words)
        return document
    }

    /// Runs every stage on one document.
    public func extract(id: String, source: SourceText) throws -> DocumentResult {
        extract(try analyze(id: id, source: source))
    }

    /// What the stages saw in a document, for `quotectl explain`: mentions
    /// with their entity, entities, and cues, as readable lines.
    public func explain(id: String, source: SourceText) throws -> [String] {
        let document = try analyze(id: id, source: source)
        guard !document.content.isEmpty else { return [] }
        let marked = classifier.classify(QuoteScanner.scan(document), in: document)
        let cues = cueFinder.cues(in: document, quotes: marked)
        let mentions = mentionFinder.mentions(in: document, quotes: marked, cues: cues)
        let entities = resolver.resolve(mentions, in: document)
        var lines: [String] = []
        for (index, entity) in entities.entities.enumerated() {
            lines.append("entity \(index): \(entity.display) [\(entity.kind.rawValue), \(entity.gender.rawValue), \(entity.country ?? "-"), roles: \(entity.roles.sorted().joined(separator: " "))\(entity.registry.map { ", registry " + $0.id } ?? "")\(entity.isWeak ? ", weak" : "")]")
        }
        for (k, mention) in mentions.enumerated() {
            let range = document.sourceRange(mention.range)
            lines.append("mention \(range.lowerBound)-\(range.upperBound) \(mention.kind.rawValue) \"\(mention.text)\" → \(entities.entityOf[k].map(String.init) ?? "-")\(mention.insideQuote ? " (inside quote)" : "")")
        }
        for cue in cues {
            let range = document.sourceRange(cue.range)
            lines.append("cue \(range.lowerBound)-\(range.upperBound) \(cue.strength.rawValue)\(cue.isKnownVerb ? "" : " (verb by syntax)") \"\(document.source.text(range))\"\(cue.insideQuote ? " (inside quote)" : "")")
        }
        for quote in extract(document).quotes {
            let words = quote.text.count > 60 ? String(quote.text.prefix(60)) + "…" : quote.text
            let decided = quote.attribution.speaker.map { "\($0.name) (\(quote.attribution.rule?.rawValue ?? "-"), confidence \(quote.attribution.confidence?.description ?? "-"))" } ?? "no speaker"
            lines.append("quote \(quote.index) \(quote.span.kind.rawValue) \(quote.range.lowerBound.value)-\(quote.range.upperBound.value) \"\(words)\" → \(decided)")
            for candidate in quote.attribution.candidates {
                let features = zip(SpeakerFeatures.names, candidate.features).filter { $0.1 != 0 && $0.0 != "bias" }
                    .map { $0.1 == 1 ? $0.0 : "\($0.0)=\(SpeakerModel.format($0.1).replacingOccurrences(of: "0000", with: ""))" }
                lines.append("  candidate \(candidate.speaker.name) [\(candidate.rule.rawValue)] score \(candidate.score.map { SpeakerModel.format($0) } ?? "-"): \(features.joined(separator: " "))")
            }
        }
        return lines
    }

    /// Runs every stage on `document`, taken (not copied: a copy retains and releases each of its arrays).
    public func extract(_ document: consuming Document) -> DocumentResult {
        document.contentWords = lexicon.words(of: document)
        guard !document.content.isEmpty else { return DocumentResult(id: document.id, quotes: [], warnings: [], decoding: document.source.decoding) }
        let marked = classifier.classify(QuoteScanner.scan(document), in: document)
        let cues = cueFinder.cues(in: document, quotes: marked)
        let indirect = indirectFinder.find(in: document, cues: cues, marked: marked)
        // All quotes in text order, indirect ones with their cue.
        var spans: [(QuoteSpan, Int?)] = marked.map { ($0, nil) } + indirect.map { ($0.span, $0.cue) }
        spans.sort { $0.0.content.lowerBound < $1.0.content.lowerBound }
        // Indirect clauses cut inside marks stretched to the closing mark; which quote holds which.
        var enclosed = spans.map(\.0)
        let enclosedBy = QuoteEnclosure.resolve(&enclosed)
        for index in spans.indices { spans[index].0 = enclosed[index] }
        let mentions = mentionFinder.mentions(in: document, quotes: marked, cues: cues)
        let entities = resolver.resolve(mentions, in: document)
        // The document goes into the context (its last use here, so it is moved, not copied).
        let context = AttributionContext(document: document, lexicon: lexicon, quotes: spans.map(\.0), quoteCue: spans.map(\.1),
                                         mentions: mentions, entities: entities, cues: cues)
        let decisions = engine.attribute(context)

        var quotes: [ExtractedQuote] = []
        quotes.reserveCapacity(spans.count)
        // The source read from the context once, for every quote.
        let source = context.document.source
        let decodingFlag = source.decoding.recordFlag
        for (index, (var span, _)) in spans.enumerated() {
            if source.hadInvalidBytes { span.flags.insert(.lossyInput) }
            let range = context.document.sourceRange(span.content)
            let attribution = engine.attribution(decisions[index], candidates: keepsCandidates ? context.candidates[index] : [], context)
            // Closures, not `map(context.document.sourceRange)`: a method used as a function value
            // captured a copy of the document, retaining each of its arrays, at every use.
            let cueRange = attribution.cue.map { context.document.sourceRange($0) }
            let mentionRange = attribution.mention.map { context.document.sourceRange($0) }
            let relayRange = attribution.relay.map { context.document.sourceRange($0) }
            // Built in its place: appending a finished `var` copied it.
            quotes.append(ExtractedQuote(index: index, span: span, range: range, source: source, attribution: attribution,
                                         cueRange: cueRange, mentionRange: mentionRange, relayRange: relayRange,
                                         decodingFlag: decodingFlag))
        }
        for (index, note) in annotator.notes(for: quotes, decisions: decisions, context: context).enumerated() {
            quotes[index].translation = note
        }
        for (index, outer) in enclosedBy.enumerated() { quotes[index].enclosedBy = outer }
        // A French translation printed in parentheses after a foreign quote is no quote of its own.
        let glosses = annotator.glosses(quotes, context: context)
        if !glosses.isEmpty {
            var renumbered = [Int?](repeating: nil, count: quotes.count)
            quotes = quotes.indices.filter { !glosses.contains($0) }.map { quotes[$0] }
            for i in quotes.indices {
                renumbered[quotes[i].index] = i
                quotes[i].index = i
            }
            for i in quotes.indices { quotes[i].enclosedBy = quotes[i].enclosedBy.flatMap { renumbered[$0] } }
        }
        return DocumentResult(id: context.document.id, quotes: quotes, warnings: [], decoding: context.document.source.decoding)
    }
}
