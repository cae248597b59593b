import Foundation

/// A character trigram language model per language, trained on a few
/// sentences each (`Resources/langid/samples.tsv`): how likely a string of
/// letters is in each language. Letters are lowercased; anything else is a
/// word boundary, so `we're` reads `_we_re_`.
///
/// ```swift
/// let model = CharacterNGramModel(samples: ["en": "the cat is here", "de": "die Katze ist hier"])
/// model.logLikelihood(of: model.letters("the hat"), in: "en")   // higher than in "de"
/// ```
/// Probabilities interpolate trigram, bigram and letter frequencies with a
/// floor, so an unseen sequence costs much without costing infinitely: a
/// letter no sample of a language has (`ß` for English) weighs heavily.
struct CharacterNGramModel: Sendable {
    /// Counts of one language.
    struct Profile: Sendable {
        var trigrams: [UInt64: Float] = [:]
        var bigrams: [UInt64: Float] = [:]
        var letters: [UInt32: Float] = [:]
        /// How often each bigram and letter stands before another letter.
        var bigramContexts: [UInt64: Float] = [:]
        var letterContexts: [UInt32: Float] = [:]
        var total: Float = 0
    }

    /// Languages in a fixed order, and their profiles.
    let languages: [String]
    private let profiles: [Profile]

    /// The boundary symbol between words.
    static let boundary: UInt32 = 0x5F

    init(samples: [String: String]) {
        languages = samples.keys.sorted()
        profiles = languages.map { Self.profile(Self.letters(samples[$0]!)) }
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

    func letters(_ text: String) -> [UInt32] { Self.letters(text) }

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
    /// `language`, each letter given the two before it; nil for a language
    /// without a profile.
    /// - Complexity: O(n) dictionary look-ups.
    func logLikelihood(of letters: [UInt32], in language: String) -> Double? {
        guard let index = languages.firstIndex(of: language) else { return nil }
        return logLikelihood(of: letters, profile: profiles[index])
    }

    /// The log-likelihood of `letters` in every language, in ``languages`` order.
    func logLikelihoods(of letters: [UInt32]) -> [Double] {
        profiles.map { logLikelihood(of: letters, profile: $0) }
    }

    private func logLikelihood(of letters: [UInt32], profile p: Profile) -> Double {
        var sum = 0.0
        guard letters.count > 1 else { return 0 }
        for i in 1..<letters.count {
            let c = letters[i]
            let previous = letters[i - 1]
            var probability: Float = 0.0005
            probability += 0.1 * (p.letters[c] ?? 0) / p.total
            if let context = p.letterContexts[previous] {
                probability += 0.3 * (p.bigrams[Self.key(previous, c)] ?? 0) / context
            }
            if i >= 2, let context = p.bigramContexts[Self.key(letters[i - 2], previous)] {
                probability += 0.6 * (p.trigrams[Self.key(letters[i - 2], previous, c)] ?? 0) / context
            }
            sum += Double(log(probability))
        }
        return sum
    }
}
