import Foundation

/// Reads a registry file written as the bundled ones are, straight into
/// entries: no JSON tree is built and torn down (at start-up the tree took
/// most of the registry's time). It declines — answers nil — at the first
/// thing it does not read exactly as ``RegistryFile/parse(_:path:)`` does:
/// an escape or a control character in a string, a number, `true` or
/// `false`, a key it does not know or that comes twice, a value of an
/// unexpected type, a missing `id` or `name`, any syntax error. The
/// positioned reader then reads the file, and says where a fault is.
///
/// ```swift
/// RegistryReader.entries(bytes)   // [Registry.Entry], or nil: read it with PositionedJSON
/// ```
enum RegistryReader {
    /// The entries of a registry file's UTF-8 text, or nil to decline.
    static func entries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Registry.Entry]? {
        var reader = Reader(bytes: bytes)
        return reader.file()
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func space() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        /// Consumes `byte` after any space.
        mutating func take(_ byte: UInt8) -> Bool {
            space()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// Whether the next value (after any space) is `null`, consumed if so.
        mutating func null() -> Bool {
            space()
            guard i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
                  bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else { return false }
            i += 4
            return true
        }

        /// The bytes between the quotes of a string without escapes or control
        /// characters, consumed; nil to decline.
        mutating func quoted() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            i += 1
            return start..<(i - 1)
        }

        /// A string without escapes or control characters; nil to decline.
        mutating func string() -> String? {
            quoted().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }

        /// A string or `null` (`.some(nil)`); nil to decline.
        mutating func optionalString() -> String?? {
            if null() { return .some(nil) }
            return string().map { .some($0) }
        }

        /// An array of strings or `null` (`.some(nil)`); nil to decline.
        mutating func optionalStrings() -> [String]?? {
            if null() { return .some(nil) }
            var items: [String] = []
            guard elements({ (reader: inout Reader) -> Bool in
                guard let item = reader.string() else { return false }
                items.append(item)
                return true
            }) else { return nil }
            return .some(items)
        }

        /// The elements of an array, each read by `element`; false to decline.
        mutating func elements(_ element: (inout Reader) -> Bool) -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard element(&self) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        /// The members of an object, keys among `keys`, each once, each read by
        /// `member` (with the key's index in `keys`); false to decline.
        mutating func members(_ keys: [StaticString], _ member: (inout Reader, Int) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            var seen: UInt32 = 0
            repeat {
                guard let key = self.key(keys), seen & (1 << key) == 0, take(UInt8(ascii: ":")) else { return false }
                seen |= 1 << key
                guard member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        /// The index in `keys` of the key that comes next; nil to decline.
        mutating func key(_ keys: [StaticString]) -> Int? {
            guard let range = quoted() else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[range])
            return keys.firstIndex { $0.utf8CodeUnitCount == key.count && memcmp($0.utf8Start, key.baseAddress!, key.count) == 0 }
        }

        mutating func file() -> [Registry.Entry]? {
            var entries: [Registry.Entry]? = nil
            guard members(["schema", "speakers"], { reader, key in
                if key == 0 { return reader.optionalString() != nil }
                entries = reader.speakers()
                return entries != nil
            }) else { return nil }
            space()
            guard i == bytes.count else { return nil }
            return entries
        }

        /// A speaker's keys; the reader reads a member by its key's index here.
        static let speakerKeys: [StaticString] = ["id", "name", "aliases", "native", "native_reading", "gender", "roles",
                                                  "country", "language", "languages"]
        static let (id, name, aliases, native, nativeReading, gender, roles, country, language, languages) = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
        static let roleKeys: [StaticString] = ["title", "from", "to"]

        mutating func speakers() -> [Registry.Entry]? {
            var entries: [Registry.Entry] = []
            guard elements({ reader in
                guard let entry = reader.speaker() else { return false }
                entries.append(entry)
                return true
            }) else { return nil }
            return entries
        }

        mutating func speaker() -> Registry.Entry? {
            var strings = [String?](repeating: nil, count: Self.speakerKeys.count)
            var lists = [[String]?](repeating: nil, count: Self.speakerKeys.count)
            var titles: [String]? = nil
            var positions: [Registry.Entry.Position] = []
            guard members(Self.speakerKeys, { reader, key in
                switch key {
                case Self.aliases, Self.languages:
                    guard let list = reader.optionalStrings() else { return false }
                    lists[key] = list
                case Self.roles:
                    if reader.null() { return true }
                    var read: [String] = []
                    guard reader.elements({ reader in
                        reader.space()
                        if reader.i < reader.bytes.count, reader.bytes[reader.i] == UInt8(ascii: "\"") {
                            guard let title = reader.string() else { return false }
                            read.append(title)
                            return true
                        }
                        guard let position = reader.position() else { return false }
                        read.append(position.title)
                        positions.append(position)
                        return true
                    }) else { return false }
                    titles = read
                default:
                    guard let value = reader.optionalString() else { return false }
                    strings[key] = value
                }
                return true
            }) else { return nil }
            guard let id = strings[Self.id], let name = strings[Self.name] else { return nil }
            return Registry.Entry(id: id, name: name, aliases: lists[Self.aliases], native: strings[Self.native],
                                  nativeReading: strings[Self.nativeReading], gender: strings[Self.gender],
                                  roles: titles, positions: positions.isEmpty ? nil : positions,
                                  country: strings[Self.country], language: strings[Self.language], languages: lists[Self.languages])
        }

        /// A role written `{"title", "from", "to"}`; nil to decline.
        mutating func position() -> Registry.Entry.Position? {
            var title: String? = nil
            var dates: [String?] = [nil, nil]
            guard members(Self.roleKeys, { reader, key in
                if key == 0 {
                    title = reader.string()
                    return title != nil
                }
                guard let date = reader.optionalString() else { return false }
                dates[key - 1] = date
                return true
            }), let title else { return nil }
            return Registry.Entry.Position(title: title, from: dates[0], to: dates[1])
        }
    }
}
