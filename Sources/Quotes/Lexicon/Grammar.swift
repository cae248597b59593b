/// Grammatical gender of a mention, a role or a name.
public enum Gender: String, Sendable, Codable {
    case masculine, feminine, unknown

    /// From a lexicon field: `m`, `f`, `mf` (either).
    init(lexicon value: String) {
        switch value {
        case "m": self = .masculine
        case "f": self = .feminine
        default: self = .unknown
        }
    }

    /// Whether two genders can denote the same referent.
    public func agrees(with other: Gender) -> Bool {
        self == .unknown || other == .unknown || self == other
    }
}

/// Grammatical number.
public enum GrammaticalNumber: String, Sendable, Codable {
    case singular, plural

    init(lexicon value: String) { self = value == "pl" ? .plural : .singular }
}

/// How strongly a cue says that someone spoke: a reporting verb (`a dit`)
/// or an evaluative one (`a salué`, `y a vu`).
public enum CueStrength: String, Sendable, Codable {
    case speech, attitude
}
