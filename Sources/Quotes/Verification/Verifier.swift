/// Checks the engine's output against expectations and policies and
/// returns a deterministic report: one check per expected quote and per
/// policy and document.
public final class Verifier {
    let folding: Folding

    public init() throws { folding = Folding() }

    /// One document's output, with its source for line and column.
    public struct Output: Sendable {
        public var path: String
        public var source: SourceText
        public var quotes: [ExtractedQuote]

        public init(path: String, source: SourceText, quotes: [ExtractedQuote]) {
            self.path = path
            self.source = source
            self.quotes = quotes
        }
    }

    /// Checks `outputs` (one per document of `expectations`, in order).
    /// - Parameter missing: listed documents that are not among the inputs; each fails.
    public func verify(_ expectations: Expectations, outputs: [Output], expectationsFile: String,
                       missing: [Expectations.Document] = []) -> VerificationReport {
        var checks: [VerificationReport.Check] = []
        for (document, output) in zip(expectations.documents, outputs) {
            let policies = document.policies ?? expectations.policies
            var used = Set<Int>()
            for expected in document.quotes {
                checks.append(check(expected, in: output, used: &used, file: expectationsFile))
            }
            checks += policyChecks(policies, output: output, listed: used, document: document)
        }
        // Shown at the listing in the expectations file: that is where the fix goes.
        for document in missing {
            let (line, column) = (document.place.line, document.place.column)
            let failure = VerificationReport.Failure(message: "\(document.path) is not among the inputs (check its path)", line: line, column: column)
            checks.append(.init(document: expectationsFile, name: "document \(document.path)", line: line, column: column, failures: [failure]))
        }
        return VerificationReport(checks: checks)
    }

    /// Reads and runs the engine on every input — files, folders (their `.txt`
    /// files, sorted) or `-` for standard input — in order.
    /// - Returns: the outputs, and the inputs that could not be read or decoded.
    /// - Parameter decoder: how the articles' bytes are read (by default UTF-8, or UTF-16/UTF-32 by their byte-order mark).
    public static func outputs(paths: [String], extractor: QuoteExtractor,
                               decoder: SourceDecoder = SourceDecoder()) -> (outputs: [Output], errors: [InputError]) {
        var outputs: [Output] = []
        var errors: [InputError] = []
        InputReader(format: .text).read(paths) { item in
            switch item {
            case .failure(let error): errors.append(error)
            case .success(let input):
                do {
                    let source = try decoder.decode(input.bytes)
                    outputs.append(Output(path: input.id, source: source, quotes: try extractor.extract(id: input.id, source: source).quotes))
                } catch {
                    errors.append(InputError(location: input.id, message: "\(error)"))
                }
            }
            return true
        }
        return (outputs, errors)
    }

    /// The quote an expectation points at: by offsets, else the first quote
    /// (not already taken) whose words contain the snippet.
    func find(_ expected: Expectations.Quote, in quotes: [ExtractedQuote], used: Set<Int>) -> Int? {
        if let start = expected.start, let end = expected.end {
            let matcher = SpanMatcher(overlap: 0.5)
            return quotes.indices.first { !used.contains($0) && matcher.accepts(prediction: quotes[$0].range.lowerBound.value..<quotes[$0].range.upperBound.value, gold: start..<end) }
        }
        guard let snippet = expected.text.map(Self.flat) else { return nil }
        return quotes.indices.first { !used.contains($0) && Self.flat(quotes[$0].text).contains(snippet) && (expected.kind == nil || quotes[$0].span.kind == expected.kind) }
            ?? quotes.indices.first { !used.contains($0) && Self.flat(quotes[$0].text).contains(snippet) }
    }

    /// Line breaks and runs of spaces read as one space; ’ as '.
    static func flat(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if CharacterClass.isSpace(scalar) { space = true; continue }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(Folding.unifyApostrophe(scalar))
        }
        return String(out)
    }

    func sameSpeaker(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let strip: (String) -> String = { name in
            var key = self.folding.key(name)
            for article in ["le ", "la ", "les ", "l'"] where key.hasPrefix(article) { key.removeFirst(article.count) }
            return key
        }
        return strip(a) == strip(b)
    }

    private func label(_ expected: Expectations.Quote) -> String {
        if let text = expected.text { return "«\(text.count > 40 ? String(text.prefix(39)) + "…" : text)»" }
        return "\(expected.start ?? 0)..<\(expected.end ?? 0)"
    }

    private func check(_ expected: Expectations.Quote, in output: Output, used: inout Set<Int>, file: String) -> VerificationReport.Check {
        let name = "quote \(label(expected))"
        guard let index = find(expected, in: output.quotes, used: used) else {
            return .init(document: output.path, name: name, line: nil, column: nil,
                         failures: [.init(message: "no quote found for \(label(expected)) (expected at \(file):\(expected.place))", line: nil, column: nil)])
        }
        used.insert(index)
        let quote = output.quotes[index]
        let (line, column) = output.source.lineAndColumn(of: quote.range.lowerBound)
        var messages: [String] = []
        let found = quote.attribution.speaker?.name
        if expected.speakerGiven, !sameSpeaker(expected.speaker, found) {
            messages.append("speaker: expected \(expected.speaker ?? "none"), found \(found ?? "none")")
        }
        if let kind = expected.kind, kind != quote.span.kind {
            messages.append("kind: expected \(kind.rawValue), found \(quote.span.kind.rawValue)")
        }
        if let minimum = expected.minConfidence {
            if !Self.reaches(quote.attribution.confidence, minimum) {
                messages.append("confidence: expected at least \(Confidence(minimum)), found \(quote.attribution.confidence.map(\.description) ?? "none")")
            }
        }
        if let translation = expected.translation {
            let note = quote.translation
            if let original = translation.original, note?.original != original {
                messages.append("translation.original: expected \(original), found \(note?.original ?? "none")")
            }
            if let via = translation.via, (note?.via ?? []) != via {
                messages.append("translation.via: expected [\(via.joined(separator: ", "))], found [\((note?.via ?? []).joined(separator: ", "))]")
            }
            if let verbatim = translation.verbatim, note?.verbatim != verbatim {
                messages.append("translation.verbatim: expected \(verbatim), found \(note?.verbatim.map { "\($0)" } ?? "unknown")")
            }
        }
        return .init(document: output.path, name: name, line: line, column: column,
                     failures: messages.map { .init(message: $0, line: line, column: column) })
    }

    private func policyChecks(_ policies: Expectations.Policies, output: Output, listed: Set<Int>, document: Expectations.Document) -> [VerificationReport.Check] {
        var checks: [VerificationReport.Check] = []
        func policy(_ name: String, _ offending: [(Int, String)]) {
            let first = offending.first.map { output.source.lineAndColumn(of: output.quotes[$0.0].range.lowerBound) }
            checks.append(.init(document: output.path, name: "policy \(name)", line: first?.line, column: first?.column,
                                failures: offending.map { index, message in
                                    let (line, column) = output.source.lineAndColumn(of: output.quotes[index].range.lowerBound)
                                    return .init(message: "«\(Self.clip(output.quotes[index].text))» \(message)", line: line, column: column)
                                }))
        }
        if policies.requireSpeaker {
            policy("require_speaker", output.quotes.indices.filter { output.quotes[$0].span.kind == .direct && output.quotes[$0].attribution.speaker == nil }
                .map { ($0, "has no speaker") })
        }
        if let minimum = policies.minConfidence {
            policy("min_confidence \(Confidence(minimum))", output.quotes.indices.filter {
                output.quotes[$0].attribution.speaker != nil && !Self.reaches(output.quotes[$0].attribution.confidence, minimum)
            }.map { ($0, "has confidence \(output.quotes[$0].attribution.confidence.map(\.description) ?? "none")") })
        }
        if policies.forbidUnexpected {
            policy("forbid_unexpected", output.quotes.indices.filter { !listed.contains($0) && output.quotes[$0].span.kind != .nonspeech }
                .map { ($0, "is not listed") })
        }
        if policies.requireTranslationNote {
            // The engine knows from the registry that these words were spoken in another language; the
            // reader only knows it if the article says so (a cue: "en turc", "selon une traduction…").
            // Words in marks only: reported speech is the writer's wording anyway.
            policy("require_translation_note", output.quotes.indices.compactMap { index in
                let quote = output.quotes[index]
                guard quote.span.kind == .direct || quote.span.kind == .mixed,
                      let note = quote.translation, note.verbatim == false, note.evidence == nil else { return nil }
                let facts = note.note.split(separator: ":").first.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? note.note
                return (index, "is not verbatim (\(facts)) but the article does not say it was translated")
            })
        }
        return checks
    }

    /// Confidence is compared as printed, to three decimals, so that a report
    /// never says "expected at least 0.9, found 0.9".
    static func reaches(_ confidence: Confidence?, _ minimum: Double) -> Bool {
        guard let confidence else { return false }
        return (confidence.value * 1000).rounded() >= (minimum * 1000).rounded()
    }

    static func clip(_ text: String) -> String {
        let flat = Self.flat(text)
        return flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
    }
}
