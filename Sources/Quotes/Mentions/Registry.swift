import Foundation

/// Known speakers: stable ids, canonical names, aliases (native spellings
/// included), gender, roles, country and native language.
///
/// The registry only adds facts: speakers come from the text, and a person
/// not in any registry is still attributed under the fullest name the
/// article gives. Names meet through ICU folding and transliteration, so
/// `Çavuşoğlu`, `Cavusoglu` and a Cyrillic spelling find the same entry.
///
/// ```swift
/// let registry = try Registry.bundled()
/// registry.lookup(fullName: "Mevlüt Çavuşoğlu", folding: fold)?.id   // "mevlut-cavusoglu"
/// registry.lookup(fullName: "Сергей Лавров", folding: fold)?.id      // "sergey-lavrov"
/// ```
/// Names written in Latin letters are indexed when the registry is loaded
/// (through ``Folding``, which needs no transliterator for them). Names in
/// another script (the `native` spellings in Cyrillic, Greek, Arabic…) are
/// indexed on the first look-up whose own name needed the transliterator,
/// so a run over Latin-script articles never opens one (unless a Latin
/// name of the registry has a letter ``Folding`` leaves to the
/// transliterator, such as `ŋ`: that name is folded at load). Such a look-up
/// answers from every name, as the registry always did; a look-up by a
/// Latin spelling answers from the Latin names only, so it no longer
/// reaches an entry through the transliteration of its native spelling
/// alone (`Sergej Lavrov` finds Lavrov because it is one of his aliases).
///
/// Shared by the worker threads: the index built late is guarded by a lock.
public struct Registry: Sendable {
    /// One known person. Old files (`"language": "ru"`, roles as plain
    /// strings) read as before; schema 2 adds `languages`, dated roles
    /// (`{"title": "chancelier", "from": "2021", "to": "2025"}`) and
    /// `native_reading` (a kana reading for a Japanese name).
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var aliases: [String]?
        public var native: String?
        /// How `native` reads, in a script ICU romanizes (kana for a name in kanji).
        public var nativeReading: String?
        public var gender: String?
        /// Role titles (`ministre des Affaires étrangères`), dated or not.
        public var roles: [String]?
        /// The roles with their dates, when the file gives them.
        public var positions: [Position]?
        /// ISO 3166 alpha-2.
        public var country: String?
        /// BCP 47 codes of the languages the person speaks in public, the usual one first.
        public var languages: [String]?

        /// A role held, with its dates when known (`2021`, `2021-12`, `2021-12-08`);
        /// no `to` when still held or when the end is not recorded.
        public struct Position: Sendable, Codable, Equatable {
            public var title: String
            public var from: String?
            public var to: String?

            public init(title: String, from: String? = nil, to: String? = nil) {
                self.title = title
                self.from = from
                self.to = to
            }
        }

        public init(id: String, name: String, aliases: [String]? = nil, native: String? = nil, nativeReading: String? = nil,
                    gender: String? = nil, roles: [String]? = nil, positions: [Position]? = nil, country: String? = nil,
                    language: String? = nil, languages: [String]? = nil) {
            self.id = id
            self.name = name
            self.aliases = aliases
            self.native = native
            self.nativeReading = nativeReading
            self.gender = gender
            self.positions = positions
            self.roles = roles ?? positions.map { $0.map(\.title) }
            self.country = country
            self.languages = languages ?? language.map { [$0] }
        }

        /// The usual public language (the first of ``languages``).
        public var language: String? { languages?.first }

        /// The language the person certainly speaks in public: set only when
        /// the entry lists exactly one. A person who speaks several in public
        /// (`["nl", "fr"]`) gives no guess, as the country table does for Belgium.
        public var onlyLanguage: String? {
            guard let languages, languages.count == 1 else { return nil }
            return languages[0]
        }

        public var genderValue: Gender { Gender(lexicon: gender ?? "-") }
    }

    /// The schema this version writes; `quotectl-registry/1` files still read.
    public static let schema = "quotectl-registry/2"

    public private(set) var entries: [Entry]
    /// The names and aliases written in Latin letters.
    private var latin = NameIndex()
    /// Every name, native spellings included, built on first need.
    private var complete = LateIndex()

    public init(entries: [Entry]) {
        self.entries = []
        merge(entries)
    }

    /// The registry shipped with the library: every `.json` file of the
    /// bundle's `registry` folder, read once per process and shared.
    public static func bundled() throws -> Registry {
        try cached.get()
    }

    private static let cached = Result { () throws(RegistryError) -> Registry in
        guard let folder = Bundle.module.url(forResource: "registry", withExtension: nil) else {
            throw RegistryError(path: "registry", message: "missing from the Quotes bundle")
        }
        return Registry(entries: try RegistryFile.loadFolder(folder))
    }

    /// The bundled registry with the user's file at `path` merged over it
    /// (an entry with the same id replaces the bundled one).
    public static func bundled(merging path: String) throws -> Registry {
        var registry = try bundled()
        registry.merge(try load(URL(fileURLWithPath: path)).entries)
        return registry
    }

    /// Reads a registry file (`{"speakers": [...]}`).
    /// - Throws: ``RegistryError`` naming the file, and the speaker and field
    ///   when one is malformed.
    public static func load(_ url: URL) throws -> Registry {
        Registry(entries: try RegistryFile.load(url))
    }

    /// Adds `more`; an entry with an id already present replaces it.
    public mutating func merge(_ more: [Entry]) {
        var position = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        position.reserveCapacity(entries.count + more.count)
        for entry in more {
            if let existing = position[entry.id] {
                entries[existing] = entry
            } else {
                position[entry.id] = entries.count
                entries.append(entry)
            }
        }
        reindex()
    }

    private mutating func reindex() {
        latin = NameIndex(capacity: entries.count * 2)
        var deferred = false
        // Opened only for a Latin name with a letter Folding leaves to the transliterator (ŋ, ƒ…).
        var folding: Folding? = nil
        for (index, entry) in entries.enumerated() {
            for name in Self.names(of: entry) {
                if let key = Folding.keyWithoutTransliterator(name) {
                    latin.add(key, index)
                } else if Self.isLatinScript(name) {
                    if folding == nil { folding = Folding() }
                    latin.add(folding!.key(name), index)
                } else {
                    deferred = true
                }
            }
        }
        complete = LateIndex(needed: deferred)
    }

    /// The full name, the aliases, then the native spelling, in the order
    /// they are indexed (a later name with the same key wins).
    private static func names(of entry: Entry) -> [String] {
        [entry.name] + (entry.aliases ?? []) + [entry.native].compactMap { $0 }
    }

    /// Whether every letter of `name` is a Latin one.
    static func isLatinScript(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return v < 0x0250 || (0x02B0...0x02FF).contains(v) || (0x1E00...0x1EFF).contains(v) || (0x2C60...0x2C7F).contains(v)
                || (0xA720...0xA7FF).contains(v) || !CharacterClass.isLetter(scalar)
        }
    }

    /// The index that answers a name folded as `folded`: every name when
    /// the name itself needed the transliterator, the Latin names otherwise.
    private func index(for folded: Folding.Folded, _ folding: Folding) -> NameIndex {
        guard folded.transliterated, complete.needed else { return latin }
        return complete.get {
            var index = NameIndex()
            for (i, entry) in entries.enumerated() {
                for name in Self.names(of: entry) { index.add(folding.key(name), i) }
            }
            return index
        }
    }

    /// Whether the names in other scripts have been indexed (after a
    /// look-up by a name that needed the transliterator).
    var nativeNamesIndexed: Bool { complete.isBuilt }

    /// The entry whose name or alias folds to the same key as `name`.
    public func lookup(fullName name: String, folding: Folding) -> Entry? {
        lookup(fullName: folding.fold(name), folding: folding)
    }

    /// The same, for a name already folded (`folding.fold(name)`).
    func lookup(fullName folded: Folding.Folded, folding: Folding) -> Entry? {
        index(for: folded, folding).byName[folded.key].map { entries[$0] }
    }

    /// The one entry with this surname, if exactly one has it.
    public func lookup(surname: String, folding: Folding) -> Entry? {
        lookup(surname: folding.fold(surname), folding: folding)
    }

    /// The same, for a surname already folded (`folding.fold(surname)`).
    func lookup(surname folded: Folding.Folded, folding: Folding) -> Entry? {
        guard let candidates = index(for: folded, folding).bySurname[folded.key], candidates.count == 1 else { return nil }
        return entries[candidates[0]]
    }
}

extension Registry {
    /// Folded names → entries.
    struct NameIndex: Sendable {
        /// Folded full names and aliases → entry index.
        var byName: [String: Int] = [:]
        /// Folded surnames → entry indices.
        var bySurname: [String: [Int]] = [:]

        init() {}

        /// An index with room for about `capacity` names, filled without rehashing.
        init(capacity: Int) {
            byName.reserveCapacity(capacity)
            bySurname.reserveCapacity(capacity)
        }

        mutating func add(_ key: String, _ index: Int) {
            byName[key] = index
            if let surname = Self.lastWord(key).map(String.init) {
                if !(bySurname[surname]?.contains(index) ?? false) { bySurname[surname, default: []].append(index) }
            }
        }

        /// The last word of `key` between spaces (`key.split(separator: " ").last`),
        /// found on the bytes of an ASCII key.
        static func lastWord(_ key: String) -> Substring? {
            guard key.isAllASCII else { return key.split(separator: " ").last }
            let utf8 = key.utf8
            guard let last = utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
            let start = utf8[..<last].lastIndex(of: UInt8(ascii: " ")).map { utf8.index(after: $0) } ?? utf8.startIndex
            return key[start...last]
        }
    }

    /// An index built once, by whichever thread needs it first. A registry
    /// that is merged into gets a new one, so copies never share a stale index.
    /// (`NSLock` rather than `Mutex`: the package still supports macOS 13.)
    final class LateIndex: @unchecked Sendable {
        /// Whether there are names the Latin index lacks.
        let needed: Bool
        private let lock = NSLock()
        // Guarded by `lock`.
        private var built: NameIndex?

        init(needed: Bool = false) { self.needed = needed }

        var isBuilt: Bool { lock.withLock { built != nil } }

        func get(_ build: () -> NameIndex) -> NameIndex {
            lock.withLock {
                if let built { return built }
                let index = build()
                built = index
                return index
            }
        }
    }
}

/// A registry file that cannot be used.
public struct RegistryError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
