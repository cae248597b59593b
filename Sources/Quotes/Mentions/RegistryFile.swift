import Foundation

/// Reads and checks registry files (`Resources/registry/*.json`, `--speakers FILE`).
///
/// ```swift
/// try RegistryFile.load(URL(fileURLWithPath: "speakers.json"))   // [Registry.Entry]
/// // a bad entry: "speakers.json: speaker 3 (olaf-scholz): gender must be m or f, found \"x\""
/// ```
/// The checks here are the cheap ones, run at every start: ids, names,
/// gender, country and language codes, dates. That every language code is
/// one ICU names, and that native spellings match the Latin ones, is checked
/// by the tests (it needs ICU's locale data and transliterators).
enum RegistryFile {
    struct File: Decodable {
        var schema: String?
        var speakers: [Registry.Entry]
    }

    /// The entries of every `.json` file in `folder`, in file-name order.
    /// - Throws: ``RegistryError`` for a malformed file or an id listed in two files.
    static func loadFolder(_ folder: URL) throws(RegistryError) -> [Registry.Entry] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw RegistryError(path: folder.path, message: "cannot be listed")
        }
        var entries: [Registry.Entry] = []
        var seen: [String: String] = [:]
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let url = folder.appendingPathComponent(name)
            for entry in try load(url) {
                if let other = seen[entry.id] {
                    throw RegistryError(path: url.path, message: "speaker \(entry.id) is already listed in \(other)")
                }
                seen[entry.id] = name
                entries.append(entry)
            }
        }
        return entries
    }

    /// The entries of one file, checked.
    static func load(_ url: URL) throws(RegistryError) -> [Registry.Entry] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RegistryError(path: url.path, message: "cannot be read")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let Swift.DecodingError.keyNotFound(key, context) {
            throw RegistryError(path: url.path, message: "missing \"\(key.stringValue)\" at \(path(context.codingPath))")
        } catch let Swift.DecodingError.typeMismatch(_, context) {
            throw RegistryError(path: url.path, message: "wrong type at \(path(context.codingPath)): \(context.debugDescription)")
        } catch let Swift.DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw RegistryError(path: url.path, message: "\(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw RegistryError(path: url.path, message: "not a valid registry: \(error)")
        }
        var ids = Set<String>()
        for (index, entry) in file.speakers.enumerated() {
            if entry.id.isEmpty || entry.name.isEmpty {
                throw RegistryError(path: url.path, message: "speaker \(index + 1) needs a non-empty id and name")
            }
            if let problem = problem(in: entry) {
                throw RegistryError(path: url.path, message: "speaker \(index + 1) (\(entry.id)): \(problem)")
            }
            guard ids.insert(entry.id).inserted else {
                throw RegistryError(path: url.path, message: "speaker \(index + 1) (\(entry.id)): the id is listed twice")
            }
        }
        return file.speakers
    }

    /// What is wrong with `entry`, if anything.
    static func problem(in entry: Registry.Entry) -> String? {
        if let gender = entry.gender, gender != "m", gender != "f" { return "gender must be m or f, found \"\(gender)\"" }
        if let country = entry.country, !isCountryCode(country) {
            return "country must be an ISO 3166 alpha-2 code (two capital letters), found \"\(country)\""
        }
        for language in entry.languages ?? [] where !isLanguageCode(language) {
            return "\"\(language)\" is not a BCP 47 language code (two or three lowercase letters)"
        }
        if let languages = entry.languages, languages.isEmpty { return "languages is empty; leave it out when unknown" }
        if let languages = entry.languages, Set(languages).count != languages.count { return "languages lists a code twice" }
        for position in entry.positions ?? [] {
            if position.title.isEmpty { return "a role needs a title" }
            for date in [position.from, position.to].compactMap({ $0 }) where !isDate(date) {
                return "role \"\(position.title)\": date \"\(date)\" is not YYYY, YYYY-MM or YYYY-MM-DD"
            }
            if let from = position.from, let to = position.to, to.prefix(from.count) < from.prefix(to.count) {
                return "role \"\(position.title)\" ends (\(to)) before it starts (\(from))"
            }
        }
        return nil
    }

    static func isCountryCode(_ code: String) -> Bool {
        code.unicodeScalars.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    static func isLanguageCode(_ code: String) -> Bool {
        (2...3).contains(code.unicodeScalars.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        if parts.count > 1, let month = Int(parts[1]), !(1...12).contains(month) { return false }
        if parts.count > 2, let day = Int(parts[2]), !(1...31).contains(day) { return false }
        return true
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

extension Registry.Entry: Codable {
    enum CodingKeys: String, CodingKey {
        case id, name, aliases, native, nativeReading = "native_reading", gender, roles, country, language, languages
    }

    /// A role as written: a bare title (schema 1) or `{title, from, to}`.
    private enum RoleValue: Decodable {
        case title(String)
        case position(Position)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let title = try? container.decode(String.self) { self = .title(title) } else { self = .position(try container.decode(Position.self)) }
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try container.decodeIfPresent([RoleValue].self, forKey: .roles)
        let positions = values?.compactMap { value -> Position? in if case .position(let position) = value { position } else { nil } }
        self.init(id: try container.decode(String.self, forKey: .id),
                  name: try container.decode(String.self, forKey: .name),
                  aliases: try container.decodeIfPresent([String].self, forKey: .aliases),
                  native: try container.decodeIfPresent(String.self, forKey: .native),
                  nativeReading: try container.decodeIfPresent(String.self, forKey: .nativeReading),
                  gender: try container.decodeIfPresent(String.self, forKey: .gender),
                  roles: values?.map { value in
                      switch value {
                      case .title(let title): title
                      case .position(let position): position.title
                      }
                  },
                  positions: positions?.isEmpty == false ? positions : nil,
                  country: try container.decodeIfPresent(String.self, forKey: .country),
                  language: try container.decodeIfPresent(String.self, forKey: .language),
                  languages: try container.decodeIfPresent([String].self, forKey: .languages))
    }

    /// Writes schema 2: `languages`, and roles with their dates when known.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(aliases, forKey: .aliases)
        try container.encodeIfPresent(native, forKey: .native)
        try container.encodeIfPresent(nativeReading, forKey: .nativeReading)
        try container.encodeIfPresent(gender, forKey: .gender)
        if let positions, positions.map(\.title) == roles {
            try container.encode(positions, forKey: .roles)
        } else {
            try container.encodeIfPresent(roles, forKey: .roles)
        }
        try container.encodeIfPresent(country, forKey: .country)
        try container.encodeIfPresent(languages, forKey: .languages)
    }
}
