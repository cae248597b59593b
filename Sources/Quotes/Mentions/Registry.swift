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
/// ```
public struct Registry: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var aliases: [String]?
        public var native: String?
        public var gender: String?
        public var roles: [String]?
        /// ISO 3166 alpha-2.
        public var country: String?
        /// BCP 47 code of the language the person speaks in public.
        public var language: String?

        public var genderValue: Gender { Gender(lexicon: gender ?? "-") }
    }

    struct File: Codable {
        var schema: String?
        var speakers: [Entry]
    }

    public private(set) var entries: [Entry]
    /// Folded full names and aliases → entry index.
    private var byName: [String: Int] = [:]
    /// Folded surnames → entry indices.
    private var bySurname: [String: [Int]] = [:]

    public init(entries: [Entry]) {
        self.entries = []
        merge(entries)
    }

    /// The registry shipped with the library.
    public static func bundled() throws -> Registry {
        guard let url = Bundle.module.url(forResource: "registry/speakers", withExtension: "json")
                ?? Bundle.module.url(forResource: "speakers", withExtension: "json", subdirectory: "registry") else {
            throw RegistryError(path: "registry/speakers.json", message: "missing from the Quotes bundle")
        }
        return try load(url)
    }

    /// The bundled registry with the user's file at `path` merged over it
    /// (an entry with the same id replaces the bundled one).
    public static func bundled(merging path: String) throws -> Registry {
        var registry = try bundled()
        registry.merge(try load(URL(fileURLWithPath: path)).entries)
        return registry
    }

    /// Reads a registry file (`{"speakers": [...]}`).
    public static func load(_ url: URL) throws -> Registry {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RegistryError(path: url.path, message: "cannot be read")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            for (index, entry) in file.speakers.enumerated() where entry.id.isEmpty || entry.name.isEmpty {
                throw RegistryError(path: url.path, message: "speaker \(index + 1) needs a non-empty id and name")
            }
            return Registry(entries: file.speakers)
        } catch let error as RegistryError {
            throw error
        } catch let Swift.DecodingError.keyNotFound(key, context) {
            throw RegistryError(path: url.path, message: "missing \"\(key.stringValue)\" at \(Self.path(context.codingPath))")
        } catch let Swift.DecodingError.typeMismatch(_, context) {
            throw RegistryError(path: url.path, message: "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw RegistryError(path: url.path, message: "not a valid registry: \(error)")
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// Adds `more`; an entry with an id already present replaces it.
    public mutating func merge(_ more: [Entry]) {
        for entry in more {
            if let existing = entries.firstIndex(where: { $0.id == entry.id }) { entries[existing] = entry } else { entries.append(entry) }
        }
        reindex()
    }

    private mutating func reindex() {
        byName = [:]
        bySurname = [:]
        let folding = Folding()
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + (entry.aliases ?? []) + [entry.native].compactMap({ $0 }) {
                let key = folding.key(name)
                byName[key] = index
                if let surname = key.split(separator: " ").last.map(String.init) {
                    if !(bySurname[surname]?.contains(index) ?? false) { bySurname[surname, default: []].append(index) }
                }
            }
        }
    }

    /// The entry whose name or alias folds to the same key as `name`.
    public func lookup(fullName name: String, folding: Folding) -> Entry? {
        byName[folding.key(name)].map { entries[$0] }
    }

    /// The one entry with this surname, if exactly one has it.
    public func lookup(surname: String, folding: Folding) -> Entry? {
        guard let candidates = bySurname[folding.key(surname)], candidates.count == 1 else { return nil }
        return entries[candidates[0]]
    }
}

/// A registry file that cannot be used.
public struct RegistryError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
