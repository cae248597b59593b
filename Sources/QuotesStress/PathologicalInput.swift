/// Hostile documents that grow with a count, for the reliability tests and
/// the benchmark's pathological set: each case repeats one unit `count`
/// times, so ten times the count is about ten times the bytes, and the time
/// should follow (the engine is meant to be linear on all of them).
///
/// ```swift
/// let bytes = PathologicalInput.unbalancedOpenings.document(count: 100_000)   // 100 000 «
/// let deep = PathologicalInput.nestedQuotes.document(count: 10_000)           // 10 000 levels
/// ```
public enum PathologicalInput: String, CaseIterable, Sendable {
    /// `«mot ` repeated: one paragraph of marks that never close.
    case unbalancedOpenings = "unbalanced-openings"
    /// `«a ` … `fin` … ` »`: quotes nested `count` deep.
    case nestedQuotes = "nested-quotes"
    /// Every kind of quotation mark, one per unit, with a space every few.
    case quoteMarks = "quote-marks"
    /// A short report (quote, incise, name, pronoun, indirect speech) repeated on one line.
    case longLine = "long-line"
    /// One speaker whose name has `count` hyphenated parts.
    case longHyphenatedName = "long-hyphenated-name"
    /// One speaker whose name has `count` capitalised words.
    case longSpacedName = "long-spaced-name"
    /// A quote by a different speaker each time, in one paragraph.
    case manySpeakers = "many-speakers"
    /// A different speaker each time, introduced by a role, with indirect speech and `selon`.
    case manyRoles = "many-roles"
    /// Quotes with no cue after one speaker (continuity), and pronoun incises.
    case dialogue
    /// One sentence that never ends: names, pronouns and quotes between commas.
    case endlessSentence = "endless-sentence"
    /// Paragraphs that hold only an opening «.
    case openingParagraphs = "opening-paragraphs"
    /// A report with lone CR line ends.
    case crLineEnds = "cr-line-ends"
    /// A report with NUL bytes inside words and quotes.
    case nulBytes = "nul-bytes"

    /// The document, as UTF-8 bytes.
    /// - Complexity: O(count).
    public func document(count: Int) -> [UInt8] {
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        switch self {
        case .unbalancedOpenings:
            for _ in 0..<count { add("«mot ") }
        case .nestedQuotes:
            for _ in 0..<count { add("«a ") }
            add("fin")
            for _ in 0..<count { add(" »") }
        case .quoteMarks:
            let marks = ["«", "»", "‹", "›", "„", "“", "”", "‟", "\"", "'", "‘", "’", "‚"]
            for i in 0..<count { add(marks[i % marks.count]); if i % 5 == 4 { add(" ") } }
        case .longLine:
            for i in 0..<count {
                add("«Nous irons jusqu'au bout», a déclaré M. \(Self.surname(i % 50)). Il a ajouté que la France tiendrait, selon lui. ")
            }
        case .longHyphenatedName:
            add("«Oui», a dit M. ")
            for i in 0..<count { add(Self.surname(i)); add("-") }
            add("Dupont.")
        case .longSpacedName:
            add("«Oui», a dit ")
            for i in 0..<count { add(Self.surname(i)); add(" ") }
            add("Dupont.")
        case .manySpeakers:
            for i in 0..<count { add("«Nous irons», a dit M. \(Self.surname(i)). ") }
        case .manyRoles:
            for i in 0..<count {
                add("Le ministre \(Self.surname(i)) a affirmé que l'État tiendrait. Selon la ministre \(Self.surname(i + count)), «rien n'est fait». Le ministre a insisté. ")
            }
        case .dialogue:
            add("Mme Dupont est arrivée. ")
            for i in 0..<count { add(i % 3 == 0 ? "«Nous irons», a-t-elle ajouté. " : "«Encore une phrase.» ") }
        case .endlessSentence:
            for i in 0..<count { add("M. \(Self.surname(i)), il a dit «oui» et elle, ce dernier, ") }
        case .openingParagraphs:
            for _ in 0..<count { add("«\n\n") }
        case .crLineEnds:
            for i in 0..<count { add("«Nous irons», a dit M. \(Self.surname(i % 20)).\r\r") }
        case .nulBytes:
            for i in 0..<count { add("«Nous\0 irons», a dit\0 M. \(Self.surname(i % 20)).\n\n") }
        }
        return out
    }

    /// A distinct capitalised surname for each `i` (Bafe, Cafe, …).
    public static func surname(_ i: Int) -> String {
        let consonants = Array("bcdfglmnprstvz"), vowels = Array("aeiou")
        var name = ""
        var n = i + consonants.count * vowels.count
        while n > 0 {
            name.append(consonants[n % consonants.count])
            name.append(vowels[(n / consonants.count) % vowels.count])
            n /= consonants.count * vowels.count
        }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
