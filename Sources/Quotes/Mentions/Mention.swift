/// What a mention is.
public enum MentionKind: String, Sendable, Codable {
    /// A personal name: `Sergueï Lavrov`, `M. Lavrov`, `Cavusoglu`.
    case name
    /// A definite role or title: `le chef de la diplomatie russe`, `son homologue turc`.
    case role
    /// A subject or tonic pronoun: `il`, `elle` (`a-t-elle dit`), `lui` (`selon lui`).
    case pronoun
    /// An organisation, country, institution or capital used as a speaker.
    case organisation
    /// An indefinite person or group: `un diplomate européen`, `les manifestants`.
    case unnamed
}

/// A phrase that can denote a speaker, with its grammatical features.
///
/// Its two ranges are kept as 32-bit bounds (``CompactRange``) and its
/// one-byte fields last, so that a mention takes 64 bytes instead of 96 (a
/// long document holds hundreds of thousands of them).
public struct Mention: Sendable, Equatable {
    /// Content-token indices (see ``Document/content``), inclusive start, exclusive end.
    @CompactRange public var content: Range<Int>
    /// Working scalar range, honorific excluded.
    @CompactRange public var range: Range<Int>
    /// The words as they stand (without an honorific).
    public var text: String
    /// Role and nationality keys that describe the referent (`ministre`, `russe`).
    public var roles: [String]
    /// Country name from a nationality, a country or a capital, when known.
    public var country: String?
    public var kind: MentionKind
    public var gender: Gender
    public var number: GrammaticalNumber
    /// Preceded by an honorific (`M.`, `Mme`).
    public var hasHonorific: Bool
    /// Inside the words of a quote in marks: never that quote's speaker.
    public var insideQuote: Bool
    /// A one-word capitalised name with no other sign of being a person.
    public var isWeak: Bool

    // The finder uses the memberwise initialiser (fields in their declared order): through the
    // one below, declared in the type, each mention was built aside and copied where it went,
    // its text, roles and country retained, then released.
}

extension Mention {
    /// A mention from its fields (the library's public way to make one).
    public init(kind: MentionKind, content: Range<Int>, range: Range<Int>, gender: Gender, number: GrammaticalNumber,
                text: String, roles: [String], country: String?, hasHonorific: Bool, insideQuote: Bool, isWeak: Bool) {
        self.init(content: content, range: range, text: text, roles: roles, country: country, kind: kind, gender: gender,
                  number: number, hasHonorific: hasHonorific, insideQuote: insideQuote, isWeak: isWeak)
    }
}
