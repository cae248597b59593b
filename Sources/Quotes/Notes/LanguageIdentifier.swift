import Foundation

/// Tells the language a short quotation is printed in, without any
/// dependency: the script first (Cyrillic, Greek, Arabic, Hebrew, Georgian,
/// Armenian, CJK…), then for Latin letters a character trigram model per
/// language (``CharacterNGramModel``, trained on `Resources/langid/samples.tsv`)
/// plus a bonus for frequent words (`Resources/langid/stopwords.tsv`).
///
/// ```swift
/// let id = try LanguageIdentifier.bundled()
/// id.identify("We are not against Europe.")            // "en"
/// id.identify("Nous ne céderons pas.", prior: "fr")     // "fr"
/// id.identify("Da")                                     // "unknown"
/// id.choose("Wahnsinn!", among: ["de", "fr"])           // "de"
/// ```
/// Latin-script languages: French, English, German, Spanish, Italian,
/// Portuguese, Dutch, Polish, Hungarian, Turkish and Russian in Latin
/// letters (reported as `ru`). "unknown" when the quote is too short or the
/// evidence too thin to tell.
public struct LanguageIdentifier: Sendable {
    let model: CharacterNGramModel
    /// The BCP 47 code of each language, in the model's order (its columns).
    let codes: [String]
    /// Frequent words → the columns of the languages they are frequent in.
    let words: StopwordTable
    /// Bonus, in nats, for each word frequent in a language.
    static let wordBonus = 2.5
    /// How far the best language must lead the second one.
    static let margin = 4.0
    /// How close the surrounding language may trail the best one and still win.
    static let priorSlack = 4.0
    /// How far one of two stated languages must lead the other (``choose(_:among:)``).
    static let choiceMargin = 2.0

    /// - Parameter words: word → the codes of the languages it is frequent
    ///   in, each one a language of `model`.
    init(words: [String: [String]], model: CharacterNGramModel) {
        self.model = model
        codes = model.languages.map { $0 == "ru-Latn" ? "ru" : $0 }
        let column = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.words = StopwordTable(words.mapValues { $0.compactMap { column[$0] } })
    }

    /// The identifier built from the bundled stop words and samples, built
    /// once per process and shared (it is immutable).
    public static func bundled() throws(LexiconError) -> LanguageIdentifier {
        try cached.get()
    }

    private static let cached = Result { () throws(LexiconError) -> LanguageIdentifier in
        try LanguageIdentifier(stopwords: read("stopwords"), samples: read("samples"))
    }

    private static func read(_ name: String) throws(LexiconError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "langid")
                ?? Bundle.module.url(forResource: "langid/\(name)", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LexiconError(file: "langid/\(name).tsv", line: 0, column: nil, message: "missing from the Quotes bundle")
        }
        return text
    }

    /// Parses the two data files (`code<TAB>words` and `code<TAB>text`).
    public init(stopwords: String, samples: String) throws(LexiconError) {
        var words: [String: [String]] = [:]
        for row in try LexiconTable.rows(stopwords, file: "stopwords.tsv", columns: 2) {
            let code = try Self.code(row)
            // The word splitter spells words of up to its capacity only: a longer one would never count.
            if let long = row.list(1).first(where: { $0.lowercased().unicodeScalars.count > WordSplitter.capacity }) {
                throw row.error("\"\(long.prefix(16))…\" is longer than \(WordSplitter.capacity) letters, the longest word the identifier reads", field: 1)
            }
            for word in row.list(1) where !(words[word]?.contains(code) ?? false) { words[word, default: []].append(code) }
        }
        var texts: [String: String] = [:]
        for row in try LexiconTable.rows(samples, file: "samples.tsv", columns: 2) {
            texts[try Self.code(row), default: ""] += " " + row.fields[1]
        }
        for code in Set(words.values.joined()) where texts[code] == nil {
            throw LexiconError(file: "samples.tsv", line: 0, column: nil, message: "no sample for \(code), which stopwords.tsv lists")
        }
        self.init(words: words, model: CharacterNGramModel(samples: texts))
    }

    private static func code(_ row: LexiconRow) throws(LexiconError) -> String {
        let code = row.fields[0]
        guard code.allSatisfy({ $0.isLetter || $0 == "-" }), code.first?.isLowercase == true else {
            throw row.error("expected a BCP 47 code such as fr or ru-Latn, found \"\(code)\"", field: 0)
        }
        return code == "ru-Latn" ? "ru" : code
    }

    /// The BCP 47 code of the language `text` is printed in, or `unknown`.
    /// - Parameter prior: the language of the surrounding text; it wins when
    ///   it trails the best language by less than ``priorSlack`` and the quote
    ///   has two words at least.
    /// - Complexity: O(n) for n scalars, times the number of languages.
    public func identify(_ text: String, prior: String? = nil) -> String {
        text.withScalars { scalars in identify(reading: scalars, prior: prior) { Self.script(of: text) } }
    }

    /// ``identify(_:prior:)`` for the text of `scalars`, read in place (a
    /// quote's words in its document's ``SourceText``), with no string made.
    func identify(scalars: UnsafeBufferPointer<Unicode.Scalar>, prior: String? = nil) -> String {
        identify(reading: scalars.makeIterator(), prior: prior) {
            var again = scalars.makeIterator()
            return Self.script(reading: &again)
        }
    }

    private func identify<Scalars: IteratorProtocol<Unicode.Scalar>>(reading scalars: Scalars, prior: String?,
                                                                    script: () -> Script) -> String {
        // One pass scores the text and counts its letters: a text whose letters are all Latin
        // (nearly every quote in French news) is not read a second time for its script; one with
        // a letter of another script is weighed by `script(of:)`, and its scores are dropped
        // unless it is Latin after all.
        var letters = LetterCounts()
        let (scores, wordCount) = self.scores(reading: scalars, counting: &letters)
        switch letters.otherScript ? script() : letters.script {
        case .none: return "unknown"
        case .other(let code, let letters): return letters >= 4 ? code : "unknown"
        case .latin(let letters):
            guard letters >= 4 else { return "unknown" }
            guard let (best, second) = ranked(scores) else { return "unknown" }
            if let prior, wordCount >= 2, let column = codes.firstIndex(of: prior), scores[column] >= scores[best] - Self.priorSlack {
                return prior
            }
            guard wordCount >= 2, let second, scores[best] - scores[second] >= Self.margin else { return "unknown" }
            return codes[best]
        }
    }

    /// The columns of the best language and the runner-up: the highest
    /// score, the smaller code on a tie.
    private func ranked(_ scores: [Double]) -> (Int, Int?)? {
        func precedes(_ i: Int, _ j: Int) -> Bool { scores[i] != scores[j] ? scores[i] > scores[j] : codes[i] < codes[j] }
        guard !scores.isEmpty else { return nil }
        var best = 0
        for i in scores.indices where precedes(i, best) { best = i }
        var second: Int? = nil
        for i in scores.indices where i != best && (second.map { precedes(i, $0) } ?? true) { second = i }
        return (best, second)
    }

    /// Which of `candidates` the text is printed in, when one clearly leads:
    /// for a quote whose spoken language is known, is it printed in that
    /// language or in the article's? Works on a single word; nil when unsure.
    public func choose(_ text: String, among candidates: [String]) -> String? {
        choose(script: Self.script(of: text), among: candidates) { self.scores(text).scores }
    }

    /// ``choose(_:among:)`` for the text of `scalars`, read in place.
    func choose(scalars: UnsafeBufferPointer<Unicode.Scalar>, among candidates: [String]) -> String? {
        var reader = scalars.makeIterator()
        return choose(script: Self.script(reading: &reader), among: candidates) {
            var letters = LetterCounts()
            return self.scores(reading: scalars.makeIterator(), counting: &letters).scores
        }
    }

    private func choose(script: Script, among candidates: [String], scores: () -> [Double]) -> String? {
        switch script {
        case .none: return nil
        case .other(let code, _): return candidates.contains(code) ? code : nil
        case .latin(let letters):
            guard letters >= 4 else { return nil }
            let scores = scores()
            // A language without a profile cannot be weighed against the others.
            let columns = candidates.map { codes.firstIndex(of: $0) }
            guard columns.allSatisfy({ $0 != nil }) else { return nil }
            let ranked = zip(candidates, columns).map { ($0, scores[$1!]) }.sorted { $0.1 > $1.1 }
            guard let best = ranked.first else { return nil }
            if ranked.count > 1, best.1 - ranked[1].1 < Self.choiceMargin { return nil }
            return best.0
        }
    }

    /// The letters of a text as ``script(of:)`` counts them, while it is scored: the letters of
    /// the Latin ranges, and whether any letter is of another script.
    struct LetterCounts {
        var latin = 0
        var otherScript = false

        /// What ``script(of:)`` answers for a text with no letter of another script.
        var script: Script { latin > 0 ? .latin(letters: latin) : .none }

        /// Whether a letter from U+0080 on is in the ranges ``script(of:)`` counts as Latin.
        @inline(__always)
        static func isLatin(_ v: UInt32) -> Bool { v <= 0x024F || (v >= 0x1E00 && v <= 0x1EFF) }
    }

    /// Log-likelihood plus the frequent-word bonus, per language (in ``codes`` order).
    /// One pass over the text feeds both the letter model and the words.
    func scores(_ text: String) -> (scores: [Double], words: Int) {
        var letters = LetterCounts()
        return scores(text, counting: &letters)
    }

    /// ``scores(_:)``, counting the text's letters into `counts` in the same pass.
    func scores(_ text: String, counting counts: inout LetterCounts) -> (scores: [Double], words: Int) {
        text.withScalars { scalars in scores(reading: scalars, counting: &counts) }
    }

    /// ``scores(_:counting:)`` for the text `scalars` hands out.
    @inline(__always)
    private func scores<Scalars: IteratorProtocol<Unicode.Scalar>>(reading scalars: Scalars,
                                                                  counting counts: inout LetterCounts) -> (scores: [Double], words: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: WordSplitter.capacity) { buffer in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: codes.count) { bonuses in
            var splitter = WordSplitter(buffer)
            // Each frequent word adds the same bonus to its languages: counted
            // first, then added one by one, the sums are those of adding them
            // word by word.
            bonuses.initialize(repeating: 0)
            let words = self.words   // so the closure does not copy the whole identifier
            var scores = model.logLikelihoods { scorer in
                Self.read(scalars, into: &scorer, splitting: &splitter, counting: &counts, words: words, bonuses: bonuses)
                scorer.boundary()
            }
            if splitter.finish(), let word = splitter.word {
                words.count(word, into: bonuses)
            }
            for (column, times) in bonuses.enumerated() {
                for _ in 0..<times { scores[column] += Self.wordBonus }
            }
            return (scores, splitter.count)
        }
        }
    }

    /// Feeds the text `scalars` hands out to the letter model and the word
    /// splitter, counting its letters: a function of its own (not inlined),
    /// in which the scorer's steps are inlined, whichever text it reads.
    @inline(never)
    private static func read<Scalars: IteratorProtocol<Unicode.Scalar>>(
        _ scalars: Scalars, into scorer: inout CharacterNGramModel.TextScorer, splitting splitter: inout WordSplitter,
        counting counts: inout LetterCounts, words: StopwordTable, bonuses: UnsafeMutableBufferPointer<Int>
    ) {
        // Local copies, written back at the end: the loop keeps their state in registers.
        var scalars = scalars
        var letters = scorer, split = splitter
        var latin = counts.latin, other = counts.otherScript
        defer { scorer = letters; splitter = split; counts.latin = latin; counts.otherScript = other }
        while let scalar = scalars.next() {
            let v = scalar.value
            // An ASCII letter (most of them) is its own lowercase
            // with the case bit set, for the model and the words alike.
            if v < 0x80, (v | 0x20) &- 0x61 < 26 {
                letters.letter(v | 0x20)
                split.readLowercaseASCII(v | 0x20)
                latin &+= 1
                continue
            }
            let isLetter = CharacterClass.isLetter(scalar)
            if isLetter, v >= 0x80 {
                if LetterCounts.isLatin(v) { latin &+= 1 } else { other = true }
            }
            if split.read(scalar, isLetter: isLetter), let word = split.word {
                words.count(word, into: bonuses)
            }
            if isLetter {
                CharacterNGramModel.forEachLowercase(scalar) { letters.letter($0) }
            } else {
                letters.boundary()
            }
        }
    }

    /// The lowercase words of a text fed one scalar at a time; an elided
    /// French article or pronoun counts on its own (`n'ont` → `n'`, `ont`),
    /// other apostrophes stay inside (`it's`). Holds one word at a time, in
    /// a buffer of ``capacity`` scalars its caller lends: a longer word is
    /// counted but not spelled (no frequent word or elision is that long).
    struct WordSplitter {
        /// The scalars a word may have and still be handed out (``word``).
        static let capacity = 64
        private let letters: UnsafeMutableBufferPointer<UInt32>
        /// The scalars of the current word, even past the buffer's end.
        private var length = 0
        /// The current word's last scalar (0 when it has none).
        private var last: UInt32 = 0
        /// Whether the current word is a word handed out, to drop at the next read.
        private var ended = false
        /// Words ended so far.
        private(set) var count = 0

        /// - Parameter letters: at least ``capacity`` scalars, for as long as the splitter is used.
        init(_ letters: UnsafeMutableBufferPointer<UInt32>) {
            precondition(letters.count >= Self.capacity, "WordSplitter: a buffer of \(Self.capacity) scalars at least")
            self.letters = letters
        }

        /// The word the last ``read(_:isLetter:)`` or ``finish()`` that
        /// returned true ended; nil when it is longer than ``capacity``.
        var word: UnsafeBufferPointer<UInt32>? {
            length <= Self.capacity ? UnsafeBufferPointer(rebasing: letters[..<length]) : nil
        }

        /// Reads one scalar; `isLetter` is ``CharacterClass/isLetter(_:)``
        /// of it. True when it ends a word, then in ``word``.
        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar, isLetter: Bool) -> Bool {
            if ended { clear() }
            let s = Folding.unifyApostrophe(scalar)
            // The apostrophes unified to ' are no letters once unified (ʼ is one before).
            if s == scalar ? isLetter : CharacterClass.isLetter(s) {
                CharacterNGramModel.forEachLowercase(s) { append($0) }
                return false
            }
            if s == "'", length > 0 {
                // An elided French word stands alone with its apostrophe; others keep it inside.
                let elided = word.map(LanguageIdentifier.isElision) ?? false
                append(0x27)
                return elided && end()
            }
            dropTrailingApostrophe()
            return end()
        }

        /// Reads an ASCII letter already lowercased: what ``read(_:isLetter:)``
        /// does with one, which never ends a word.
        @inline(__always)
        mutating func readLowercaseASCII(_ letter: UInt32) {
            if ended { clear() }
            append(letter)
        }

        /// Ends the text: true when it ends a last word, then in ``word``.
        mutating func finish() -> Bool {
            if ended { clear() }
            dropTrailingApostrophe()
            return end()
        }

        @inline(__always)
        private mutating func append(_ value: UInt32) {
            if length < Self.capacity { letters[length] = value }
            length += 1
            last = value
        }

        @inline(__always)
        private mutating func clear() {
            length = 0
            last = 0
            ended = false
        }

        @inline(__always)
        private mutating func end() -> Bool {
            guard length > 0 else { return false }
            count += 1
            ended = true
            return true
        }

        /// Drops a closing apostrophe (`the end'` → `end`), one, as the word
        /// ends (``last`` is read again only after the next word starts).
        @inline(__always)
        private mutating func dropTrailingApostrophe() {
            if last == 0x27 { length -= 1 }
        }
    }

    fileprivate static func isElision(_ word: UnsafeBufferPointer<UInt32>) -> Bool {
        elisions.contains { $0.elementsEqual(word) }
    }

    private static let elisions: [[UInt32]] = ["l", "d", "n", "qu", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"]
        .map { $0.unicodeScalars.map(\.value) }

    enum Script: Equatable {
        case none
        case latin(letters: Int)
        /// A script that names its language (or its main one), and how many letters it has.
        case other(String, letters: Int)
    }

    /// The script most letters are in. Cyrillic is Russian unless letters
    /// proper to Ukrainian (і ї є ґ) or Serbian (ђ ћ џ ј) appear; Arabic
    /// script is Persian with پ چ ژ گ; Han with kana is Japanese.
    static func script(of text: String) -> Script {
        text.withScalars { scalars in script(reading: &scalars) }
    }

    /// ``script(of:)`` for the text `scalars` hands out.
    static func script<Scalars: IteratorProtocol<Unicode.Scalar>>(reading scalars: inout Scalars) -> Script {
        var counts: [String: Int] = [:]
        var latin = 0, total = 0
        var hints = Set<String>()
        do {
            while let scalar = scalars.next() {
                let v = scalar.value
                if v < 0x80 {
                    if (v | 0x20) &- 0x61 < 26 { total += 1; latin += 1 }
                    continue
                }
                guard CharacterClass.isLetter(scalar) else { continue }
                total += 1
                if LetterCounts.isLatin(v) {
                    latin += 1
                    continue
                }
                switch v {
                case 0x0400...0x04FF:
                    counts["ru", default: 0] += 1
                    if [0x0456, 0x0457, 0x0454, 0x0491, 0x0406, 0x0407, 0x0404, 0x0490].contains(v) { hints.insert("uk") }
                    if [0x0452, 0x045B, 0x045F, 0x0458, 0x0402, 0x040B, 0x040F, 0x0408].contains(v) { hints.insert("sr") }
                case 0x0370...0x03FF, 0x1F00...0x1FFF: counts["el", default: 0] += 1
                case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                    counts["ar", default: 0] += 1
                    if [0x067E, 0x0686, 0x0698, 0x06AF].contains(v) { hints.insert("fa") }
                case 0x0590...0x05FF: counts["he", default: 0] += 1
                case 0x10A0...0x10FF, 0x1C90...0x1CBF: counts["ka", default: 0] += 1
                case 0x0530...0x058F: counts["hy", default: 0] += 1
                case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: counts["ko", default: 0] += 1
                case 0x3040...0x30FF: counts["ja", default: 0] += 1
                case 0x4E00...0x9FFF, 0x3400...0x4DBF: counts["zh", default: 0] += 1
                case 0x0900...0x097F: counts["hi", default: 0] += 1
                case 0x0E00...0x0E7F: counts["th", default: 0] += 1
                default: break
                }
            }
        }
        guard total > 0 else { return .none }
        if latin * 2 > total { return .latin(letters: latin) }
        // Japanese mixes Han and kana; kana alone tells it.
        if counts["ja", default: 0] > 0 { counts["ja", default: 0] += counts["zh", default: 0]; counts["zh"] = nil }
        guard let (code, letters) = counts.max(by: { $0.value < $1.value }), letters * 2 > total else { return .latin(letters: latin) }
        // CJK characters carry a word each: two are enough.
        let weight = ["ja", "zh", "ko"].contains(code) ? 2 : 1
        switch code {
        case "ru" where hints.contains("uk"): return .other("uk", letters: letters)
        case "ru" where hints.contains("sr"): return .other("sr", letters: letters)
        case "ar" where hints.contains("fa"): return .other("fa", letters: letters)
        default: return .other(code, letters: letters * weight)
        }
    }
}
