import Foundation

/// Exports gold annotations as brat standoff, so annotators can extend the
/// corpus in brat (https://brat.nlplab.org): per document `<id>.txt` (the
/// article) and `<id>.ann`, plus `annotation.conf` and `documents.tsv`
/// (split and domain, which brat has no place for).
///
/// ```
/// T1	Direct 278 397	Nous n’avons jamais fermé la porte. …     quote span, typed by kind
/// #1	Speaker T1	Kemal Aydınoğlu                              canonical speaker (free text)
/// #2	Cue T1	a affirmé                                        cue as written
/// A1	Original T1 tr                                          translation facts:
/// A2	Via1 T1 en                                              relays in order (Via1, Via2, …)
/// A3	QuotedIn T1 fr                                          present exactly when the gold has translation facts
/// A4	incise-name T1                                          one binary attribute per phenomenon tag
/// T2	Mention 264 273	Aydınoğlu                              a mention of the speaker
/// R1	Said Arg1:T1 Arg2:T2                                    quote → mention, in the gold's order
/// ```
/// A span that crosses a line break (a multi-paragraph quote) is written as
/// brat fragments `start end;start end` split at the line breaks.
/// ``BratReader`` reads the same files back to the same gold documents.
public enum BratWriter {
    /// The entity types of quotes, by kind.
    static func entityType(_ kind: QuoteKind) -> String { kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() }
    static let mentionType = "Mention"
    static let relationType = "Said"

    /// The `.ann` text of one document.
    public static func annotations(_ gold: GoldDocument, article: SourceText) -> String {
        var out = ""
        var entity = 0, note = 0, attribute = 0, relation = 0
        var mentionIDs: [[Int]: Int] = [:]
        for quote in gold.quotes {
            entity += 1
            let quoteID = entity
            out += "T\(quoteID)\t\(entityType(quote.kind)) \(fragments(quote.start, quote.end, in: article))\n"
            if let speaker = quote.speaker { note += 1; out += "#\(note)\tSpeaker T\(quoteID)\t\(speaker)\n" }
            if let cue = quote.cue { note += 1; out += "#\(note)\tCue T\(quoteID)\t\(cue)\n" }
            if let translation = quote.translation {
                if let original = translation.original { attribute += 1; out += "A\(attribute)\tOriginal T\(quoteID) \(original)\n" }
                for (k, language) in translation.via.enumerated() { attribute += 1; out += "A\(attribute)\tVia\(k + 1) T\(quoteID) \(language)\n" }
                attribute += 1
                out += "A\(attribute)\tQuotedIn T\(quoteID) \(translation.quoted_in)\n"
            }
            for tag in quote.phenomena { attribute += 1; out += "A\(attribute)\t\(tag) T\(quoteID)\n" }
            for mention in quote.mentions {
                let id: Int
                if let known = mentionIDs[[mention.start, mention.end]] {
                    id = known
                } else {
                    entity += 1
                    id = entity
                    mentionIDs[[mention.start, mention.end]] = id
                    out += "T\(id)\t\(mentionType) \(fragments(mention.start, mention.end, in: article))\n"
                }
                relation += 1
                out += "R\(relation)\t\(relationType) Arg1:T\(quoteID) Arg2:T\(id)\n"
            }
        }
        return out
    }

    /// `start end;start end<TAB>text`: fragments between line breaks, their texts joined by a space.
    static func fragments(_ start: Int, _ end: Int, in article: SourceText) -> String {
        var ranges: [Range<Int>] = []
        var from = start
        for i in start..<end where CharacterClass.isLineBreak(article.scalars[i]) {
            if from < i { ranges.append(from..<i) }
            from = i + 1
        }
        if from < end { ranges.append(from..<end) }
        let offsets = ranges.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
        let text = ranges.map { article.text(SourceRange($0.lowerBound, $0.upperBound)) }.joined(separator: " ")
        return offsets + "\t" + text
    }

    /// `doc<TAB>split<TAB>domain` for every document.
    public static func documentsTable(_ documents: [GoldDocument]) -> String {
        var out = "# doc\tsplit\tdomain — read back by quotectl eval --import-brat\n"
        for document in documents { out += "\(document.doc)\t\(document.split.rawValue)\t\(document.domain)\n" }
        return out
    }

    /// brat's `annotation.conf`: the entity, relation and attribute types,
    /// with the languages of `documents` (and French) as attribute values.
    public static func configuration(_ documents: [GoldDocument]) -> String {
        var languages: Set<String> = ["fr"]
        var relays = 1
        for quote in documents.flatMap(\.quotes) {
            guard let translation = quote.translation else { continue }
            languages.formUnion([translation.quoted_in] + translation.via + (translation.original.map { [$0] } ?? []))
            relays = max(relays, translation.via.count)
        }
        let values = languages.sorted().joined(separator: "|")
        let quoteTypes = QuoteKind.allCases.map(entityType)
        var out = "[entities]\n" + (quoteTypes + [mentionType]).joined(separator: "\n") + "\n\n"
        out += "[relations]\n\(relationType) Arg1:\(quoteTypes.joined(separator: "|")), Arg2:\(mentionType)\n"
        // A mixed quote sits inside its indirect clause, a nested quote inside its outer one: allow any overlap.
        out += "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n"
        let quoteArgs = "Arg:" + quoteTypes.joined(separator: "|")
        out += "Original \(quoteArgs), Value:\(values)\n"
        for k in 1...relays { out += "Via\(k) \(quoteArgs), Value:\(values)\n" }
        out += "QuotedIn \(quoteArgs), Value:\(values)\n"
        for tag in GoldReader.tags.sorted() { out += "\(tag) \(quoteArgs)\n" }
        return out
    }

    /// Writes every entry's `.txt` and `.ann`, `annotation.conf` and `documents.tsv` into `directory`.
    public static func export(_ entries: [GoldCorpus.Entry], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func write(_ text: String, _ name: String) throws {
            try text.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for entry in entries {
            try write(String(String.UnicodeScalarView(entry.source.scalars)), "\(entry.gold.doc).txt")
            try write(annotations(entry.gold, article: entry.source), "\(entry.gold.doc).ann")
        }
        try write(configuration(entries.map(\.gold)), "annotation.conf")
        try write(documentsTable(entries.map(\.gold)), "documents.tsv")
    }
}
