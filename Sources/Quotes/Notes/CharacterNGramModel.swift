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
/// quote allocate no string and hash no string.
struct CharacterNGramModel: Sendable {
    /// Languages in a fixed order.
    let languages: [String]
    /// Ids of every trigram, bigram and letter some sample has. An id is a
    /// row of the matching table (one log-probability per language), so
    /// one look-up scores a letter in every language. An unseen trigram
    /// falls back to its bigram, then its letter.
    private let trigramIDs: CodeTable
    private let bigramIDs: CodeTable
    private let letterIDs: CodeTable
    private let trigramTable: [Float]
    private let bigramTable: [Float]
    private let letterTable: [Float]
    /// The log-probability of a letter no sample has.
    private let unseen: Float

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
        self.letterTable = letterTable
        self.bigramTable = bigramTable
        self.trigramTable = trigramTable
        unseen = log(Self.floor)
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

    /// Appends the lowercase form of `scalar`, as `String.lowercased()`
    /// gives it (one scalar or more), without building a string for ASCII
    /// and the Latin letters up to U+024F.
    @inline(__always)
    static func appendLowercase(_ scalar: Unicode.Scalar, to out: inout [UInt32]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            return
        }
        if v < 0x250 {
            let lower = latinLowercase[Int(v) - 0x80]
            if lower != 0 { out.append(lower); return }
        }
        out.append(contentsOf: String(scalar).lowercased().unicodeScalars.map(\.value))
    }

    /// `String.lowercased()` of each scalar U+0080…U+024F when it is one
    /// scalar (0 when it is more, as for `İ`).
    private static let latinLowercase: [UInt32] = (0x80..<0x250).map { value in
        let lower = String(Unicode.Scalar(UInt32(value))!).lowercased().unicodeScalars
        return lower.count == 1 ? lower.first!.value : 0
    }

    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    /// Natural log of the probability of the letters of `text` (as
    /// ``letters(_:)`` reads them) in each language, in ``languages`` order:
    /// each letter given the two before it, interpolated with its bigram and
    /// letter frequencies and a floor.
    /// - Complexity: O(n) hash look-ups, one per letter mostly.
    func logLikelihoods(ofText text: String) -> [Double] {
        var scorer = Scorer(self, capacity: text.utf8.count)
        for scalar in text.unicodeScalars where scorer.read(scalar, isLetter: CharacterClass.isLetter(scalar)) {
            scorer.scoreBlock(self)
        }
        return scorer.finish(self)
    }

    /// The sums of ``logLikelihoods(ofText:)``, fed one scalar at a time,
    /// so a caller that reads the text for something else too reads it once.
    ///
    /// The letters are scored a few thousand at a time: a quote of megabytes
    /// needs no array of all its letters. Each block keeps the last two
    /// letters of the one before, so every letter is scored with the same
    /// two before it, in the same order.
    struct Scorer {
        private var sums: [Double]
        private var letters: [UInt32] = [CharacterNGramModel.boundary]
        private var start = 1

        /// - Parameter capacity: the text's length in UTF-8 bytes (an upper
        ///   bound of its letters), so a short quote reserves little.
        init(_ model: CharacterNGramModel, capacity: Int) {
            sums = [Double](repeating: 0, count: model.languages.count)
            letters.reserveCapacity(min(capacity, CharacterNGramModel.block) + 8)
        }

        /// Reads one scalar of the text; `isLetter` is ``CharacterClass/isLetter(_:)``
        /// of it. True when a block is full: ``scoreBlock(_:)`` must be called then.
        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar, isLetter: Bool) -> Bool {
            if isLetter {
                CharacterNGramModel.appendLowercase(scalar, to: &letters)
            } else if letters.last != CharacterNGramModel.boundary {
                letters.append(CharacterNGramModel.boundary)
            }
            return letters.count >= CharacterNGramModel.block
        }

        /// Scores the letters read so far but the last two.
        mutating func scoreBlock(_ model: CharacterNGramModel) {
            model.accumulate(letters, from: start, into: &sums)
            letters.removeFirst(letters.count - 2)
            start = 2
        }

        /// The sums, once the whole text has been read.
        mutating func finish(_ model: CharacterNGramModel) -> [Double] {
            if letters.last != CharacterNGramModel.boundary { letters.append(CharacterNGramModel.boundary) }
            model.accumulate(letters, from: start, into: &sums)
            return sums
        }
    }

    /// Letters scored per block by ``logLikelihoods(ofText:)``.
    static let block = 4096

    /// The same as ``logLikelihoods(ofText:)``, over letters already read.
    func logLikelihoods(of letters: [UInt32]) -> [Double] {
        var sums = [Double](repeating: 0, count: languages.count)
        accumulate(letters, from: 1, into: &sums)
        return sums
    }

    /// Adds the score of `letters[i]` given the letters before it, for each
    /// `i` from `start` on (a trigram from `i` = 2).
    private func accumulate(_ letters: [UInt32], from start: Int, into sums: inout [Double]) {
        let width = languages.count
        guard start < letters.count else { return }
        let unseen = Double(self.unseen)
        // The tables are opened once per block, not once per letter.
        trigramTable.withUnsafeBufferPointer { trigrams in
        bigramTable.withUnsafeBufferPointer { bigrams in
        letterTable.withUnsafeBufferPointer { letterRows in
        letters.withUnsafeBufferPointer { letters in
        sums.withUnsafeMutableBufferPointer { sums in
            for i in start..<letters.count {
                let c = letters[i], b = letters[i - 1]
                // The row of the longest n-gram some sample has (a found id
                // means its table is not empty).
                let row: UnsafePointer<Float>
                if i >= 2, let id = trigramIDs[Self.key(letters[i - 2], b, c)] {
                    row = trigrams.baseAddress! + Int(id) * width
                } else if let id = bigramIDs[Self.key(b, c)] {
                    row = bigrams.baseAddress! + Int(id) * width
                } else if let id = letterIDs[UInt64(c)] {
                    row = letterRows.baseAddress! + Int(id) * width
                } else {
                    for l in 0..<width { sums[l] += unseen }
                    continue
                }
                for l in 0..<width { sums[l] += Double(row[l]) }
            }
        }
        }
        }
        }
        }
    }
}
