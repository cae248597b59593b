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
    /// Role and nationality keys from roles, appositions and the registry,
    /// each once, in the order they were met. An array: an entity has a
    /// handful, and a set cost a hash table per entity and a hash per test.
    /// Once ``addRoles(_:)`` takes them past ``indexedRoles`` keys, a set indexes them too, so that an
    /// entity given ever more titles costs no more per test (``hasRole(_:)``).
    public private(set) var roles: [String]
    /// The keys of ``roles`` once more than ``indexedRoles`` have been added
    /// (``addRoles(_:)``); nil before, when a test scans the array.
    var roleIndex: Set<String>? = nil
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

    /// How many role keys an entity holds before they are indexed in a set.
    static let indexedRoles = 16

    // The memberwise initialiser, with `roles` given each once (``distinct(_:)``): an explicit
    // one made the resolver build each entity aside and copy it into its array.

    /// Whether `key` is one of ``roles``.
    public func hasRole(_ key: String) -> Bool {
        roleIndex?.contains(key) ?? roles.contains(key)
    }

    /// Adds the keys of `keys` that ``roles`` does not have yet, in their order.
    mutating func addRoles(_ keys: [String]) {
        for key in keys where !hasRole(key) {
            roles.append(key)
            roleIndex?.insert(key)
        }
        if roleIndex == nil, roles.count > Self.indexedRoles { roleIndex = Set(roles) }
    }

    /// `keys` with each key once, in its order: the same array, not a
    /// copy, when no key repeats (as with a mention's roles, mostly).
    static func distinct(_ keys: [String]) -> [String] {
        // A few keys are compared in place; more, or any repeat, go through a set.
        if keys.count <= indexedRoles, !keys.indices.contains(where: { i in keys[..<i].contains(keys[i]) }) { return keys }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

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
