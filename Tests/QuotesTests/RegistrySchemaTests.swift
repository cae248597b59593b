import Foundation
import Testing
@testable import Quotes

/// The bundled registry (`Resources/registry/*.json`) against its schema,
/// ICU's language names and ICU's transliteration of native spellings; and
/// the schema's reading of old and new files.
@Suite struct RegistrySchemaTests {
    static let entries: [Registry.Entry] = (try? Registry.bundled().entries) ?? []

    @Test("the bundled registry holds at least 400 people, ids unique")
    func size() throws {
        #expect(Self.entries.count >= 400)
        #expect(Set(Self.entries.map(\.id)).count == Self.entries.count)
    }

    @Test("every entry follows the schema")
    func schema() {
        for entry in Self.entries {
            #expect(RegistryFile.problem(in: entry) == nil, "\(entry.id): \(RegistryFile.problem(in: entry) ?? "")")
            #expect(entry.id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(entry.id)")
            #expect(entry.gender != nil && entry.country != nil && entry.languages != nil, "\(entry.id) lacks gender, country or languages")
        }
    }

    @Test("every language code is one ICU names")
    func languagesNamedByICU() {
        for entry in Self.entries {
            for code in entry.languages ?? [] {
                let name = LocaleNames.language(code, in: "en")
                #expect(name != code && !name.isEmpty, "\(entry.id): ICU has no name for \"\(code)\"")
            }
        }
    }

    /// The Latin letters of a folded name, without spaces and signs, with the
    /// spellings French and English romanizations differ in made one
    /// (`ph`/`f`, `ch`/`sh`, `ou`/`u`, `dj`/`j`, `q`/`k`).
    static func letters(_ key: String) -> [Character] {
        var text = String(key.unicodeScalars.filter { ("a"..."z").contains($0) || $0 == " " })
        for (from, to) in [("ph", "f"), ("ch", "sh"), ("ou", "u"), ("dj", "j"), ("q", "k")] { text = text.replacingOccurrences(of: from, with: to) }
        return Array(text)
    }

    /// The consonant skeleton (scripts without written vowels, and romanizations that differ in vowels).
    static func skeleton(_ letters: [Character]) -> [Character] { letters.filter { !"aeiouyhwj ".contains($0) } }

    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }

    /// How close the ICU transliteration of `native` (or of its reading) comes to the nearest Latin spelling.
    static func closeness(native: String, reading: String?, latin: [String], folding: Folding) -> Double {
        // Words in either order (a Japanese or Hungarian name puts the family name first).
        func orders(_ name: String) -> [[Character]] {
            let words = letters(folding.key(name)).split(separator: " ").map(Array.init)
            return [Array(words.joined()), Array(words.reversed().joined())]
        }
        let romanized = orders(reading ?? native)[0]
        return latin.flatMap(orders).map { target in
            max(similarity(romanized, target), similarity(skeleton(romanized), skeleton(target)))
        }.max() ?? 0
    }

    static let threshold = 0.6

    @Test("each native spelling, transliterated by ICU and folded, is close to one of its Latin names")
    func nativeSpellings() {
        let folding = Folding()
        for entry in Self.entries {
            guard let native = entry.native else { continue }
            let latin = [entry.name] + (entry.aliases ?? [])
            let score = Self.closeness(native: native, reading: entry.nativeReading, latin: latin, folding: folding)
            #expect(score >= Self.threshold, "\(entry.id): \(native) → \(folding.key(entry.nativeReading ?? native)) is \(score) from \(latin)")
        }
    }

    @Test("the check catches another person's native spelling", arguments: [
        ("Сергей Лавров", ["Vladimir Poutine", "Vladimir Putin"]),
        ("יאיר לפיד", ["Benyamin Netanyahou", "Benjamin Netanyahu"]),
        ("李克强", ["Xi Jinping"]),
        ("محمود عباس", ["Bachar al-Assad", "Bashar al-Assad"]),
        ("Κυριάκος Μητσοτάκης", ["Alexis Tsipras"]),
        ("მიხეილ სააკაშვილი", ["Irakli Kobakhidze"]),
        ("윤석열", ["Moon Jae-in"]),
    ])
    func wrongNative(native: String, latin: [String]) {
        #expect(Self.closeness(native: native, reading: nil, latin: latin, folding: Folding()) < Self.threshold)
    }

    @Test("a Japanese name in kanji is checked through its kana reading")
    func reading() {
        let folding = Folding()
        #expect(Self.closeness(native: "岸田文雄", reading: "きしだ ふみお", latin: ["Fumio Kishida"], folding: folding) >= Self.threshold)
        #expect(Self.closeness(native: "岸田文雄", reading: "あべ しんぞう", latin: ["Fumio Kishida"], folding: folding) < Self.threshold)
    }

    @Test("an old file (one language, roles as strings) and a new one (languages, dated roles) read alike")
    func schemas() throws {
        let old = try RegistryTests.write(#"{"schema": "quotectl-registry/1", "speakers": [{"id": "a", "name": "Ana Vidal", "gender": "f", "roles": ["ministre"], "country": "ES", "language": "es"}]}"#)
        let new = try RegistryTests.write(#"{"schema": "quotectl-registry/2", "speakers": [{"id": "a", "name": "Ana Vidal", "gender": "f", "roles": [{"title": "ministre", "from": "2019", "to": "2023-06"}], "country": "ES", "languages": ["es", "ca"]}]}"#)
        let a = try #require(try Registry.load(URL(fileURLWithPath: old)).entries.first)
        let b = try #require(try Registry.load(URL(fileURLWithPath: new)).entries.first)
        #expect(a.roles == ["ministre"] && b.roles == ["ministre"])
        #expect(a.language == "es" && b.language == "es")
        #expect(a.onlyLanguage == "es" && b.onlyLanguage == nil)
        #expect(b.positions == [.init(title: "ministre", from: "2019", to: "2023-06")])
        // Written back, a new entry reads the same.
        let data = try JSONEncoder().encode(b)
        #expect(try JSONDecoder().decode(Registry.Entry.self, from: data) == b)
    }

    @Test("a malformed entry names the file, the speaker and the field", arguments: [
        (#"{"speakers": [{"id": "a", "name": "A", "gender": "x"}]}"#, #"speaker 1 (a): gender must be m or f, found "x""#),
        (#"{"speakers": [{"id": "a", "name": "A", "country": "Pologne"}]}"#, #"speaker 1 (a): country must be an ISO 3166 alpha-2 code (two capital letters), found "Pologne""#),
        (#"{"speakers": [{"id": "a", "name": "A", "languages": ["polish"]}]}"#, #"speaker 1 (a): "polish" is not a BCP 47 language code (two or three lowercase letters)"#),
        (#"{"speakers": [{"id": "a", "name": "A", "roles": [{"title": "ministre", "from": "2019", "to": "2017"}]}]}"#, #"speaker 1 (a): role "ministre" ends (2017) before it starts (2019)"#),
        (#"{"speakers": [{"id": "a", "name": "A", "roles": [{"title": "ministre", "from": "mai 2019"}]}]}"#, #"speaker 1 (a): role "ministre": date "mai 2019" is not YYYY, YYYY-MM or YYYY-MM-DD"#),
        (#"{"speakers": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}"#, "speaker 2 (a): the id is listed twice"),
    ])
    func malformed(json: String, message: String) throws {
        let path = try RegistryTests.write(json)
        do {
            _ = try Registry.load(URL(fileURLWithPath: path))
            Issue.record("\(json) was accepted")
        } catch let error as RegistryError {
            #expect(error.description == "\(path): \(message)")
        }
    }

    @Test("a role's date is YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, with a real month and day", arguments: [
        ("2019", true), ("2019-05", true), ("2019-05-31", true), ("2019-12-01", true), ("0999-01", true),
        ("2019-13", false), ("2019-00", false), ("2019-05-32", false), ("2019-05-00", false),
        ("19-05", false), ("2019-5", false), ("2019-05-1", false), ("2019-05-01-02", false),
        ("", false), ("2019-", false), ("-2019", false), ("abcd", false), ("mai 2019", false),
        ("\u{FF12}\u{FF10}\u{FF11}\u{FF19}", false),   // fullwidth digits are numbers, not ASCII
        ("٢٠١٩", false), ("2019-0\u{663}", false),
        ("2019x05", false), ("2019-05x01", false), ("201a", false), ("2019-1a", false), ("20190-05", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect(RegistryFile.isDate(text) == valid)
    }
}
