import Foundation

/// A character trigram language model per language, trained on a few
/// sentences each (`Resources/langid/samples.tsv`): how likely a string of
/// letters is in each language. Letters are lowercased; anything else is a
/// word boundary, so `we're` reads `_we_re_`.
///
/// ```swift
/// let model = CharacterNGramModel(samples: ["en": "the cat is here", "de": "die Katze ist hier"])
/// model.logLikelihoods(of: CharacterNGramModel.letters("the hat"))   // [de, en]: en higher
/// ```
/// Probabilities interpolate trigram, bigram and letter frequencies with a
/// floor, so an unseen sequence costs much without costing infinitely: a
/// letter no sample of a language has (`ß` for English) weighs heavily.
///
/// N-grams are integer codes (21 bits per scalar) in ``CodeTable``s, and
/// counts and log-probabilities live in flat arrays with one column per
/// language: building the model from the bundled samples and scoring a
/// quote allocate no string and hash no string. A row of log-probabilities
/// is kept as `Double`s in groups of four lanes (``Lanes``), so one letter
/// adds to every language's sum in a few vector additions.
///
/// A class, immutable once built: as a struct of ten arrays, each quote's scoring copied it,
/// retaining and releasing every array.
final class CharacterNGramModel: Sendable {
    /// Languages in a fixed order.
    let languages: [String]
    /// Ids of every trigram, bigram and letter some sample has. An id is a
    /// row of the matching table (one log-probability per language), so
    /// one look-up scores a letter in every language. An unseen trigram
    /// falls back to its bigram, then its letter.
    fileprivate let trigramIDs: CodeTable
    fileprivate let bigramIDs: CodeTable
    fileprivate let letterIDs: CodeTable
    /// The trigram, bigram and letter tables one after the other, then the
    /// row of an unseen letter; the bigrams' rows start at `bigramBase`
    /// lanes, the letters' at `letterBase`.
    private let rows: [Lanes]
    private let bigramBase: Int, letterBase: Int
    /// The log-probability of a letter no sample has, in every lane.
    private let unseen: Lanes
    /// Groups of lanes per row: the languages, rounded up to four.
    private let groups: Int
    /// For a letter and the two before it, all three ASCII letters or the
    /// boundary (``ASCIISymbols``): the row ``RowAdder/add(_:_:_:)`` would
    /// find for them by hashing, in lanes from the start of ``rows``; -1
    /// for any other three. Most letters of a French quote are scored by
    /// this one look-up.
    private let asciiRowIndex: [Int32]

    /// Four languages' log-probabilities (or sums), side by side. Each lane
    /// is added on its own, so the sums are those of adding one language
    /// at a time; the lanes past the last language hold zeros.
    typealias Lanes = SIMD4<Double>

    /// The boundary symbol between words.
    static let boundary: UInt32 = 0x5F
    /// Interpolation weights and the floor.
    private static let floor: Float = 0.0005
    private static let letterWeight: Float = 0.1
    private static let bigramWeight: Float = 0.3
    private static let trigramWeight: Float = 0.6

    init(samples: [String: String]) {
        languages = samples.keys.sorted()
        let width = languages.count
        // Counts, one column per language, one row per id.
        var letterIDs = CodeTable(), bigramIDs = CodeTable(), trigramIDs = CodeTable()
        var letterCounts: [Float] = [], bigramCounts: [Float] = [], trigramCounts: [Float] = []
        /// How often each letter and bigram stands before another letter.
        var letterContexts: [Float] = [], bigramContexts: [Float] = []
        var totals = [Float](repeating: 0, count: width)
        // For each bigram id bc: the ids of b and c. For each trigram id abc:
        // the ids of ab (its context), bc and c.
        var bigramParts: [(first: Int32, letter: Int32)] = []
        var trigramParts: [(context: Int32, bigram: Int32, letter: Int32)] = []
        for (column, code) in languages.enumerated() {
            let letters = Self.letters(samples[code]!)
            var previousLetter: Int32 = -1, previousBigram: Int32 = -1
            for (i, c) in letters.enumerated() {
                let letter = letterIDs.intern(UInt64(c))
                if Int(letter) * width == letterCounts.count {
                    letterCounts.append(contentsOf: repeatElement(0, count: width))
                    letterContexts.append(contentsOf: repeatElement(0, count: width))
                }
                letterCounts[Int(letter) * width + column] += 1
                totals[column] += 1
                guard i >= 1 else { previousLetter = letter; continue }
                let bigram = bigramIDs.intern(Self.key(letters[i - 1], c))
                if Int(bigram) * width == bigramCounts.count {
                    bigramCounts.append(contentsOf: repeatElement(0, count: width))
                    bigramContexts.append(contentsOf: repeatElement(0, count: width))
                    bigramParts.append((previousLetter, letter))
                }
                bigramCounts[Int(bigram) * width + column] += 1
                letterContexts[Int(previousLetter) * width + column] += 1
                if i >= 2 {
                    let trigram = trigramIDs.intern(Self.key(letters[i - 2], letters[i - 1], c))
                    if Int(trigram) * width == trigramCounts.count {
                        trigramCounts.append(contentsOf: repeatElement(0, count: width))
                        trigramParts.append((previousBigram, bigram, letter))
                    }
                    trigramCounts[Int(trigram) * width + column] += 1
                    bigramContexts[Int(previousBigram) * width + column] += 1
                }
                previousLetter = letter
                previousBigram = bigram
            }
        }

        // Log-probabilities, one row per id. A count or context a language
        // never saw is 0, and a term over a context of 0 is 0.
        func letterTerm(_ letter: Int32, _ column: Int) -> Float {
            Self.floor + Self.letterWeight * letterCounts[Int(letter) * width + column] / totals[column]
        }
        func bigramTerm(_ bigram: Int32, _ first: Int32, _ column: Int) -> Float {
            let context = letterContexts[Int(first) * width + column]
            guard context != 0 else { return 0 }
            return Self.bigramWeight * bigramCounts[Int(bigram) * width + column] / context
        }
        var letterTable = [Float](repeating: 0, count: letterCounts.count)
        for letter in 0..<Int32(letterIDs.count) {
            for column in 0..<width { letterTable[Int(letter) * width + column] = log(letterTerm(letter, column)) }
        }
        var bigramTable = [Float](repeating: 0, count: bigramCounts.count)
        for (bigram, parts) in bigramParts.enumerated() {
            for column in 0..<width {
                bigramTable[bigram * width + column] = log(letterTerm(parts.letter, column) + bigramTerm(Int32(bigram), parts.first, column))
            }
        }
        var trigramTable = [Float](repeating: 0, count: trigramCounts.count)
        for (trigram, parts) in trigramParts.enumerated() {
            let middle = bigramParts[Int(parts.bigram)].first
            for column in 0..<width {
                let context = bigramContexts[Int(parts.context) * width + column]
                let term = context != 0 ? Self.trigramWeight * trigramCounts[trigram * width + column] / context : 0
                trigramTable[trigram * width + column] =
                    log(letterTerm(parts.letter, column) + bigramTerm(parts.bigram, middle, column) + term)
            }
        }
        self.letterIDs = letterIDs
        self.bigramIDs = bigramIDs
        self.trigramIDs = trigramIDs
        // Each Float widened to a Double as it is (exactly), four languages a group.
        let groups = (width + 3) / 4
        func lanes(_ table: [Float]) -> [Lanes] {
            var rows = [Lanes](repeating: .zero, count: table.count / max(width, 1) * groups)
            for (i, value) in table.enumerated() { rows[i / width * groups + i % width / 4][i % width % 4] = Double(value) }
            return rows
        }
        self.groups = groups
        let unseen = Lanes(repeating: Double(log(Self.floor)))
        self.unseen = unseen
        rows = lanes(trigramTable) + lanes(bigramTable) + lanes(letterTable) + repeatElement(unseen, count: groups)
        bigramBase = trigramIDs.count * groups
        letterBase = bigramBase + bigramIDs.count * groups
        asciiRowIndex = Self.asciiRowIndex(trigramIDs: trigramIDs, bigramIDs: bigramIDs, letterIDs: letterIDs, groups: groups)
    }

    /// Letters as five-bit symbols, for the table of ASCII n-grams: the
    /// boundary is 0, `a`…`z` are 1…26, any other letter is ``other``, and
    /// ``none`` stands before the first letter of a text (no trigram then).
    /// Three symbols make a 15-bit index.
    enum ASCIISymbols {
        static let other: UInt32 = 27
        static let none: UInt32 = 31
        static let count = 1 << 15

        @inline(__always)
        static func symbol(_ c: UInt32) -> UInt32 {
            let s = c &- 0x60
            if s &- 1 < 26 { return s }
            return c == CharacterNGramModel.boundary ? 0 : other
        }

        /// The letter of a symbol from 0 to 26.
        static func letter(_ symbol: UInt32) -> UInt32 { symbol == 0 ? CharacterNGramModel.boundary : symbol + 0x60 }
    }

    /// Fills the index of ``asciiRowIndex``: for each index whose three
    /// symbols are letters (the first may be ``ASCIISymbols/none``), the
    /// row the hash tables give, counted in lanes from the start of
    /// ``rows``; -1 elsewhere. The fallbacks are those of
    /// ``RowAdder/add(_:_:_:)``, spelled again on purpose: one function for
    /// both changed the inlining of the scoring loop (+9 M instructions over
    /// the Corpus × 12). `LanguageIdentifierTests` hold the two to the same rows.
    private static func asciiRowIndex(trigramIDs: CodeTable, bigramIDs: CodeTable, letterIDs: CodeTable, groups: Int) -> [Int32] {
        var index = [Int32](repeating: -1, count: ASCIISymbols.count)
        let bigramBase = trigramIDs.count * groups, letterBase = bigramBase + bigramIDs.count * groups
        let unseenBase = letterBase + letterIDs.count * groups
        for sa in Array(UInt32(0)...26) + [ASCIISymbols.none] {
            for sb in UInt32(0)...26 {
                for sc in UInt32(0)...26 {
                    let (b, c) = (ASCIISymbols.letter(sb), ASCIISymbols.letter(sc))
                    let row: Int
                    if sa != ASCIISymbols.none, let id = trigramIDs[key(ASCIISymbols.letter(sa), b, c)] {
                        row = Int(id) * groups
                    } else if let id = bigramIDs[key(b, c)] {
                        row = bigramBase + Int(id) * groups
                    } else if let id = letterIDs[UInt64(c)] {
                        row = letterBase + Int(id) * groups
                    } else {
                        row = unseenBase
                    }
                    index[Int(sa << 10 | sb << 5 | sc)] = Int32(row)
                }
            }
        }
        return index
    }

    /// Lowercase letters with one boundary symbol between words, and at both ends.
    static func letters(_ text: String) -> [UInt32] {
        var out: [UInt32] = [boundary]
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            if CharacterClass.isLetter(scalar) {
                appendLowercase(scalar, to: &out)
            } else if out.last != boundary {
                out.append(boundary)
            }
        }
        if out.last != boundary { out.append(boundary) }
        return out
    }

    /// Appends the lowercase form of `scalar` (``forEachLowercase(_:_:)``).
    @inline(__always)
    static func appendLowercase(_ scalar: Unicode.Scalar, to out: inout [UInt32]) {
        forEachLowercase(scalar) { out.append($0) }
    }

    /// Calls `body` with each scalar of the lowercase form of `scalar`, as
    /// `String.lowercased()` gives it (one scalar or more), without building
    /// a string for ASCII and the Latin letters up to U+024F.
    @inline(__always)
    static func forEachLowercase(_ scalar: Unicode.Scalar, _ body: (UInt32) -> Void) {
        let v = scalar.value
        if v < 0x80 {
            body(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
        } else if v < 0x250, case let lower = latinLowercase[Int(v) - 0x80], lower != 0 {
            body(lower)
        } else {
            for lower in String(scalar).lowercased().unicodeScalars { body(lower.value) }
        }
    }

    /// `String.lowercased()` of each scalar U+0080…U+024F when it is one
    /// scalar (0 when it is more, as for `İ`).
    private static let latinLowercase: [UInt32] = (0x80..<0x250).map { value in
        let lower = String(Unicode.Scalar(UInt32(value))!).lowercased().unicodeScalars
        return lower.count == 1 ? lower.first!.value : 0
    }

    @inline(__always)
    fileprivate static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    @inline(__always)
    fileprivate static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    /// Natural log of the probability of the letters of `text` (as
    /// ``letters(_:)`` reads them) in each language, in ``languages`` order:
    /// each letter given the two before it, interpolated with its bigram and
    /// letter frequencies and a floor.
    ///
    /// `body` sees each scalar and whether it is a letter
    /// (``CharacterClass/isLetter(_:)``), so a caller that reads the text for
    /// something else too reads it once. Each letter is scored as it is
    /// read: a quote of megabytes needs no array of its letters, and the
    /// sums get the same terms in the same order as ``logLikelihoods(of:)``
    /// over the listed letters.
    /// - Complexity: O(n) hash look-ups, one per letter mostly.
    @inline(__always)
    func logLikelihoods(ofText text: String, alsoReading body: (Unicode.Scalar, Bool) -> Void = { _, _ in }) -> [Double] {
        logLikelihoods { scorer in
            for scalar in text.unicodeScalars {
                let isLetter = CharacterClass.isLetter(scalar)
                body(scalar, isLetter)
                guard isLetter else {
                    scorer.boundary()
                    continue
                }
                Self.forEachLowercase(scalar) { scorer.letter($0) }
            }
            scorer.boundary()
        }
    }

    /// The same as ``logLikelihoods(ofText:alsoReading:)`` for a caller
    /// that reads the text itself: `read` hands each lowercase letter
    /// (``forEachLowercase(_:_:)``) and each word boundary to the scorer.
    @inline(__always)
    func logLikelihoods(_ read: (inout TextScorer) -> Void) -> [Double] {
        withSums { sums in
            withTables(sums) { adder in
                var scorer = TextScorer(adder: adder)
                read(&scorer)
            }
        }
    }

    /// Scores letters as a text is read: each letter given the one or two
    /// before it, with one boundary symbol between words.
    struct TextScorer {
        fileprivate let adder: RowAdder
        /// The letter before the next one (the opening boundary at first) and the one before it.
        private var previous = CharacterNGramModel.boundary, beforePrevious = CharacterNGramModel.boundary
        private var count = 1
        /// The symbols (``ASCIISymbols``) of `beforePrevious` and `previous`
        /// in bits 10…14 and 5…9 (none and the boundary at first).
        private var symbols = ASCIISymbols.none << 10

        fileprivate init(adder: RowAdder) { self.adder = adder }

        /// Scores one lowercase letter: by the ASCII table when it and the
        /// two before it are in it, else by the hash tables; the same row either way.
        @inline(__always)
        mutating func letter(_ c: UInt32) {
            let index = (symbols << 5 | ASCIISymbols.symbol(c)) & UInt32(ASCIISymbols.count - 1)
            let row = adder.asciiRowIndex[Int(index)]
            if row >= 0 {
                adder.add(row: adder.rows + Int(row))
            } else {
                adder.add(count >= 2 ? beforePrevious : nil, previous, c)
            }
            symbols = index
            count += 1
            beforePrevious = previous
            previous = c
        }

        /// Ends a word, if one is open (at a non-letter, and at the end of the text).
        @inline(__always)
        mutating func boundary() {
            if previous != CharacterNGramModel.boundary { letter(CharacterNGramModel.boundary) }
        }
    }

    /// The same as ``logLikelihoods(ofText:alsoReading:)``, over letters already read.
    func logLikelihoods(of letters: [UInt32]) -> [Double] {
        withSums { sums in
            withTables(sums) { scorer in
                for i in letters.indices.dropFirst() {
                    scorer.add(i >= 2 ? letters[i - 2] : nil, letters[i - 1], letters[i])
                }
            }
        }
    }

    /// Calls `body` with sums at zero, on the stack, and returns one sum per
    /// language from them once `body` has added to them.
    @inline(__always)
    private func withSums(_ body: (UnsafeMutableBufferPointer<Lanes>) -> Void) -> [Double] {
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: groups) { sums in
            sums.initialize(repeating: .zero)
            body(sums)
            return (0..<languages.count).map { sums[$0 / 4][$0 % 4] }
        }
    }

    /// Adds letters' scores to sums, with the tables opened once. It holds
    /// pointers and no reference to the model, so a scoring loop keeps it in
    /// registers.
    struct RowAdder {
        fileprivate let sums: UnsafeMutablePointer<Lanes>
        fileprivate let groups: Int
        fileprivate let unseen: Lanes
        fileprivate let trigramIDs, bigramIDs, letterIDs: CodeTable.Probe
        /// ``CharacterNGramModel/rows``, and where its bigrams and letters start.
        fileprivate let rows, bigrams, letters: UnsafePointer<Lanes>
        fileprivate let asciiRowIndex: UnsafePointer<Int32>

        /// Adds one row to the sums.
        @inline(__always)
        func add(row: UnsafePointer<Lanes>) {
            for k in 0..<groups { sums[k] += row[k] }
        }

        /// Adds the score of letter `c` after `b` (and `a` before it, when
        /// there is one): the row of the longest n-gram some sample has, or
        /// the floor of an unseen letter.
        @inline(__always)
        func add(_ a: UInt32?, _ b: UInt32, _ c: UInt32) {
            let row: UnsafePointer<Lanes>
            if let a, let id = trigramIDs[CharacterNGramModel.key(a, b, c)] {
                row = rows + Int(id) * groups
            } else if let id = bigramIDs[CharacterNGramModel.key(b, c)] {
                row = bigrams + Int(id) * groups
            } else if let id = letterIDs[UInt64(c)] {
                row = letters + Int(id) * groups
            } else {
                for k in 0..<groups { sums[k] += unseen }
                return
            }
            add(row: row)
        }
    }

    @inline(__always)
    private func withTables(_ sums: UnsafeMutableBufferPointer<Lanes>, _ body: (RowAdder) -> Void) {
        rows.withUnsafeBufferPointer { rows in
        trigramIDs.withProbe { trigramIDs in
        bigramIDs.withProbe { bigramIDs in
        letterIDs.withProbe { letterIDs in
        asciiRowIndex.withUnsafeBufferPointer { asciiRowIndex in
            let start = Self.start(rows)
            body(RowAdder(sums: Self.start(sums), groups: sums.count, unseen: unseen,
                          trigramIDs: trigramIDs, bigramIDs: bigramIDs, letterIDs: letterIDs,
                          rows: start, bigrams: start + bigramBase, letters: start + letterBase,
                          asciiRowIndex: asciiRowIndex.baseAddress!))
        }
        }
        }
        }
        }
    }

    /// The first element of `buffer`; an aligned placeholder, never read, when it is empty.
    @inline(__always)
    private static func start(_ buffer: UnsafeBufferPointer<Lanes>) -> UnsafePointer<Lanes> {
        buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Lanes>.alignment)!
    }

    @inline(__always)
    private static func start(_ buffer: UnsafeMutableBufferPointer<Lanes>) -> UnsafeMutablePointer<Lanes> {
        buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Lanes>.alignment)!
    }
}
