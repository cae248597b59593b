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
        let speakers = try parse(data, path: url.path)
        var ids = Set<String>()
        for (index, entry) in speakers.enumerated() {
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
        return speakers
    }

    /// The speakers of a registry file: read by ``RegistryReader`` when it
    /// can (no tree, which matters at start-up), else with ``PositionedJSON``,
    /// so that an error says where: `FILE:12:7: …`.
    /// - Throws: ``RegistryError`` naming the JSON path, line and column of a missing or mistyped field.
    static func parse(_ data: Data, path file: String) throws(RegistryError) -> [Registry.Entry] {
        var text = String(decoding: data, as: UTF8.self)
        // A file written as the bundled ones are is read without a tree; any other, or a faulty one, below.
        if let entries = text.withUTF8(RegistryReader.entries) { return entries }
        return try parsePositioned(text, path: file)
    }

    /// ``parse(_:path:)`` through a ``PositionedJSON`` tree: every file the
    /// fast reader declines, and the place of any fault.
    static func parsePositioned(_ text: String, path file: String) throws(RegistryError) -> [Registry.Entry] {
        let root: PositionedJSON
        do { root = try PositionedJSON.parse(text) } catch {
            throw RegistryError(path: "\(file):\(error.line):\(error.column)", message: "not valid JSON: \(error.message)")
        }
        func fail(_ node: PositionedJSON, _ message: String) -> RegistryError {
            RegistryError(path: "\(file):\(node.line):\(node.column)", message: message)
        }
        guard case .object = root.node else { throw fail(root, "not a valid registry: expected an object with \"speakers\"") }
        guard let list = root["speakers"] else { throw fail(root, "missing \"speakers\" at the top level") }
        guard let speakers = list.array else { throw fail(list, "wrong type at .speakers: expected an array") }
        var entries: [Registry.Entry] = []
        entries.reserveCapacity(speakers.count)
        for (index, item) in speakers.enumerated() {
            let at = ".speakers[\(index)]"
            guard case .object = item.node else { throw fail(item, "wrong type at \(at): expected an object") }
            func string(_ key: String) throws(RegistryError) -> String? {
                guard let value = item[key], !value.isNull else { return nil }
                guard let text = value.string else { throw fail(value, "wrong type at \(at).\(key): expected a string") }
                return text
            }
            func strings(_ key: String) throws(RegistryError) -> [String]? {
                guard let value = item[key], !value.isNull else { return nil }
                guard let list = value.array else { throw fail(value, "wrong type at \(at).\(key): expected an array of strings") }
                var texts: [String] = []
                for element in list {
                    guard let text = element.string else { throw fail(element, "wrong type at \(at).\(key): expected an array of strings") }
                    texts.append(text)
                }
                return texts
            }
            guard let id = try string("id") else { throw fail(item, "missing \"id\" at \(at)") }
            guard let name = try string("name") else { throw fail(item, "missing \"name\" at \(at)") }
            var titles: [String]? = nil
            var positions: [Registry.Entry.Position] = []
            if let value = item["roles"], !value.isNull {
                guard let roles = value.array else { throw fail(value, "wrong type at \(at).roles: expected an array") }
                titles = []
                for (r, role) in roles.enumerated() {
                    if let title = role.string {
                        titles!.append(title)
                    } else if case .object = role.node {
                        guard let title = role["title"]?.string else { throw fail(role, "missing \"title\" at \(at).roles[\(r)]") }
                        var dates: [String?] = []
                        for key in ["from", "to"] {
                            guard let date = role[key], !date.isNull else { dates.append(nil); continue }
                            guard let text = date.string else { throw fail(date, "wrong type at \(at).roles[\(r)].\(key): dates are strings (\"2021\", \"2021-12\")") }
                            dates.append(text)
                        }
                        titles!.append(title)
                        positions.append(.init(title: title, from: dates[0], to: dates[1]))
                    } else {
                        throw fail(role, "wrong type at \(at).roles[\(r)]: expected a title or {\"title\", \"from\", \"to\"}")
                    }
                }
            }
            entries.append(Registry.Entry(id: id, name: name, aliases: try strings("aliases"), native: try string("native"),
                                          nativeReading: try string("native_reading"), gender: try string("gender"),
                                          roles: titles, positions: positions.isEmpty ? nil : positions,
                                          country: try string("country"), language: try string("language"),
                                          languages: try strings("languages")))
        }
        return entries
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
        // A code twice: the lists hold one to three codes, compared in place.
        if let languages = entry.languages, languages.indices.contains(where: { i in languages[..<i].contains(languages[i]) }) {
            return "languages lists a code twice"
        }
        for position in entry.positions ?? [] {
            if position.title.isEmpty { return "a role needs a title" }
            for case let date? in [position.from, position.to] where !isDate(date) {
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

    /// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits,
    /// with a month of 1–12 and a day of 1–31. Read on its bytes in place:
    /// the registry's dates are checked at every start.
    static func isDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return false }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    guard bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                }
                return value
            }
            guard digits(0..<4) != nil else { return false }
            if bytes.count >= 7 {
                guard bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7), (1...12).contains(month) else { return false }
            }
            if bytes.count == 10 {
                guard bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10), (1...31).contains(day) else { return false }
            }
            return true
        }
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
