/// The id of an attribution rule, as reported in output and evaluation.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }

    /// Equal when the names' UTF-8 bytes are: what `==` on the names answers for
    /// names in NFC (every rule's is ASCII), without the call into Swift's
    /// Unicode comparison that two different names took (the engine compares
    /// rules for every pair of candidates). Consistent with the hash: equal
    /// bytes, equal strings.
    public static func == (a: RuleID, b: RuleID) -> Bool {
        a.rawValue.utf8.count == b.rawValue.utf8.count && a.rawValue.utf8.elementsEqual(b.rawValue.utf8)
    }
}

/// A probability in 0...1 that an attribution is right (clamped).
public struct Confidence: Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: Double

    public init(_ value: Double) { self.value = value.isNaN ? 0 : min(1, max(0, value)) }

    public static func < (a: Confidence, b: Confidence) -> Bool { a.value < b.value }

    /// Three decimals, as printed in every output.
    public var description: String {
        let scaled = (value * 1000).rounded()
        let whole = Int(scaled) / 1000
        let fraction = Int(scaled) % 1000
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? "\(whole)" : "\(whole).\(digits)"
    }
}

/// What sort of speaker a quote has.
public enum SpeakerKind: String, Sendable, Codable {
    case person, organisation, unnamed
}

/// Who said it: the display name the article supports, with registry id
/// and facts when the speaker is known.
public struct Speaker: Sendable, Equatable {
    public var name: String
    public var id: String?
    public var kind: SpeakerKind
    public var gender: Gender
    public var number: GrammaticalNumber

    public init(name: String, id: String? = nil, kind: SpeakerKind, gender: Gender = .unknown, number: GrammaticalNumber = .singular) {
        self.name = name
        self.id = id
        self.kind = kind
        self.gender = gender
        self.number = number
    }
}

/// The decision of the attribution engine for one quote.
public struct Attribution: Sendable {
    /// Nil when no plausible speaker was found.
    public var speaker: Speaker?
    /// The rule that decided.
    public var rule: RuleID?
    /// The cue as written (`a-t-il ajouté`, `selon`), in working indices.
    public var cue: Range<Int>?
    /// The mention of the speaker that carries the attribution, in working indices.
    public var mention: Range<Int>?
    public var confidence: Confidence?
    /// The mention of a source that relays the speaker's words (`Selon l'agence Tass, M. Peskov a assuré …`).
    public var relay: Range<Int>? = nil
    /// Every candidate the rules proposed, the winner among them, best score first
    /// (for `quotectl explain` and for fitting the model); empty from an
    /// extractor that does not keep them (``QuoteExtractor/keepsCandidates``).
    public var candidates: [ScoredCandidate]

    public static let none = Attribution(speaker: nil, rule: nil, cue: nil, mention: nil, confidence: nil)
}

extension Attribution {
    /// Declared here, not in the type, which keeps its memberwise initialiser: the engine
    /// builds each quote's attribution through that one (with `relay:`) in place, where one
    /// declared in the type had it built aside and copied.
    public init(speaker: Speaker?, rule: RuleID?, cue: Range<Int>?, mention: Range<Int>?, confidence: Confidence?,
                candidates: [ScoredCandidate] = []) {
        self.init(speaker: speaker, rule: rule, cue: cue, mention: mention, confidence: confidence, relay: nil, candidates: candidates)
    }
}

/// One proposal for a quote, as the engine saw it: who, which rule, the
/// features and the model's score (nil when no model is loaded).
public struct ScoredCandidate: Sendable {
    public var speaker: Speaker
    public var rule: RuleID
    /// In ``SpeakerFeatures/names`` order.
    public var features: [Double]
    public var score: Double?
    /// Working ranges of the cue and the mention.
    public var cue: Range<Int>?
    public var mention: Range<Int>?
}
