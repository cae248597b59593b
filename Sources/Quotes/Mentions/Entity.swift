/// One referent of a document: the mentions that corefer, under the
/// fullest name the article gives, with what the text and the registry say
/// of it.
public struct Entity: Sendable {
    public var kind: SpeakerKind
    /// The fullest name (people), or the phrase as written (organisations, unnamed).
    public var display: String
    var displayWeight: Int
    public var gender: Gender
    public var number: GrammaticalNumber
    /// Role and nationality keys from roles, appositions and the registry.
    public var roles: Set<String>
    /// French country name.
    public var country: String?
    public var registry: Registry.Entry?
    /// Folded surname, for `M. Lavrov` = `Sergueï Lavrov`.
    var surname: String?
    /// Folded full names seen, each once. An array: an entity has one or
    /// two, and a set cost a hash table per entity.
    var names: [String]
    /// Indices of its mentions, in text order.
    public var mentions: [Int]
    /// Only ever seen as a lone capitalised word.
    public var isWeak: Bool

    /// The speaker this entity stands for.
    public var speaker: Speaker {
        Speaker(name: display, id: registry?.id, kind: kind, gender: gender, number: number)
    }
}

/// Mentions grouped into entities.
public struct EntityTable: Sendable {
    public var entities: [Entity]
    /// For each mention, its entity (nil for pronouns, resolved per use).
    public var entityOf: [Int?]
}
