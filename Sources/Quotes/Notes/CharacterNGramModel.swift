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
struct CharacterNGramModel: Sendable {
    /// Counts of one language.
    struct Profile {
        var trigrams: [UInt64: Float] = [:]
        var bigrams: [UInt64: Float] = [:]
        var letters: [UInt32: Float] = [:]
        /// How often each bigram and letter stands before another letter.
        var bigramContexts: [UInt64: Float] = [:]
        var letterContexts: [UInt32: Float] = [:]
        var total: Float = 0
    }

    /// Languages in a fixed order.
    let languages: [String]
    /// Rows of `table` (one log-probability per language) for every trigram,
    /// bigram and letter some sample has: one look-up a letter scores every
    /// language. An unseen trigram falls back to its bigram, then its letter.
    private let trigramRow: [UInt64: Int32]
    private let bigramRow: [UInt64: Int32]
    private let letterRow: [UInt32: Int32]
    private let table: [Float]
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
        let profiles = languages.map { Self.profile(Self.letters(samples[$0]!)) }
        var table: [Float] = []
        func row(_ probability: (Profile) -> Float) -> Int32 {
            table.append(contentsOf: profiles.map { log(probability($0)) })
            return Int32(table.count / profiles.count - 1)
        }
        func letterTerm(_ p: Profile, _ c: UInt32) -> Float {
            Self.floor + Self.letterWeight * (p.letters[c] ?? 0) / p.total
        }
        func bigramTerm(_ p: Profile, _ b: UInt32, _ c: UInt32) -> Float {
            guard let context = p.letterContexts[b] else { return 0 }
            return Self.bigramWeight * (p.bigrams[Self.key(b, c)] ?? 0) / context
        }
        var letterRow: [UInt32: Int32] = [:], bigramRow: [UInt64: Int32] = [:], trigramRow: [UInt64: Int32] = [:]
        for c in Set(profiles.flatMap(\.letters.keys)).sorted() {
            letterRow[c] = row { letterTerm($0, c) }
        }
        for key in Set(profiles.flatMap(\.bigrams.keys)).sorted() {
            let (b, c) = (UInt32(key >> 21), UInt32(key & 0x1F_FFFF))
            bigramRow[key] = row { letterTerm($0, c) + bigramTerm($0, b, c) }
        }
        for key in Set(profiles.flatMap(\.trigrams.keys)).sorted() {
            let (a, b, c) = (UInt32(key >> 42), UInt32((key >> 21) & 0x1F_FFFF), UInt32(key & 0x1F_FFFF))
            trigramRow[key] = row { p in
                let context = p.bigramContexts[Self.key(a, b)]
                let trigram = context.map { Self.trigramWeight * (p.trigrams[key] ?? 0) / $0 } ?? 0
                return letterTerm(p, c) + bigramTerm(p, b, c) + trigram
            }
        }
        self.table = table
        self.letterRow = letterRow
        self.bigramRow = bigramRow
        self.trigramRow = trigramRow
        unseen = log(Self.floor)
    }

    /// Lowercase letters with one boundary symbol between words, and at both ends.
    static func letters(_ text: String) -> [UInt32] {
        var out: [UInt32] = [boundary]
        for scalar in text.unicodeScalars {
            if CharacterClass.isLetter(scalar) {
                if scalar.value < 0x80 {
                    out.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value)
                } else {
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars.map(\.value))
                }
            } else if out.last != boundary {
                out.append(boundary)
            }
        }
        if out.last != boundary { out.append(boundary) }
        return out
    }

    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    private static func profile(_ letters: [UInt32]) -> Profile {
        var p = Profile()
        for (i, c) in letters.enumerated() {
            p.letters[c, default: 0] += 1
            p.total += 1
            guard i >= 1 else { continue }
            p.bigrams[key(letters[i - 1], c), default: 0] += 1
            p.letterContexts[letters[i - 1], default: 0] += 1
            guard i >= 2 else { continue }
            p.trigrams[key(letters[i - 2], letters[i - 1], c), default: 0] += 1
            p.bigramContexts[key(letters[i - 2], letters[i - 1]), default: 0] += 1
        }
        return p
    }

    /// Natural log of the probability of `letters` (from ``letters(_:)``) in
    /// each language, in ``languages`` order: each letter given the two before
    /// it, interpolated with its bigram and letter frequencies and a floor.
    /// - Complexity: O(n) dictionary look-ups, one per letter mostly.
    func logLikelihoods(of letters: [UInt32]) -> [Double] {
        let count = languages.count
        var sums = [Double](repeating: 0, count: count)
        guard letters.count > 1 else { return sums }
        table.withUnsafeBufferPointer { table in
            for i in 1..<letters.count {
                let c = letters[i], b = letters[i - 1]
                let row = (i >= 2 ? trigramRow[Self.key(letters[i - 2], b, c)] : nil) ?? bigramRow[Self.key(b, c)] ?? letterRow[c]
                guard let row else {
                    for l in 0..<count { sums[l] += Double(unseen) }
                    continue
                }
                let base = Int(row) * count
                for l in 0..<count { sums[l] += Double(table[base + l]) }
            }
        }
        return sums
    }
}
