import Foundation

/// The patterns by which French news text says how words were translated
/// (`Resources/fr/translation-cues.tsv`), matched against token keys.
///
/// ```swift
/// let cues = try TranslationCues.bundled()
/// // keys of "selon une traduction en russe de ses propos"
/// cues.match(keys, at: 0, end: keys.count, languages: names)
/// // → (role: .relay, language: "ru", length: 8)
/// ```
/// `<lang>` in a pattern stands for one language name of `languages.tsv`
/// (`turc`, `anglaise`, `russe`). Longer patterns are tried first, so
/// `selon une traduction en <lang>` wins over `selon une traduction`.
public struct TranslationCues: Sendable {
    /// What a cue says about the quote of its attribution.
    public enum Role: String, Sendable, CaseIterable {
        /// The speaker used `<lang>` (`s'exprimant en turc`).
        case spoken
        /// The speaker used `<lang>` for the whole occasion (`qui s'exprimait en anglais`,
        /// `lors d'une conférence de presse donnée en polonais`): it also speaks for the
        /// speaker's earlier quotes of the same run.
        case scene
        /// The same, but only right by the speech verb or the speaker
        /// (`a déclaré en turc`; not `un cours en anglais`).
        case spokenNear = "spoken-near"
        /// The quote is printed in `<lang>`, as spoken (`en anglais dans le texte`).
        case printed
        /// The words went through a `<lang>` translation (`selon une traduction en russe`).
        case relay
        /// A translation or an interpreter, language not said (`par un interprète`).
        case translated
        /// An intermediary reported the words (`cité par l'agence`); no language by itself.
        case reported
        /// The speaker goes over to `<lang>` (`puis en français`, `avant de repasser à l'italien`):
        /// it speaks for the quotes after it, not for those before.
        case `switch`

        /// Whether the pattern must name a language.
        var needsLanguage: Bool { [.spoken, .scene, .spokenNear, .printed, .relay, .switch].contains(self) }

        /// Whether the cue says which language was spoken (and so gives `original`).
        var namesSpokenLanguage: Bool { [.spoken, .scene, .spokenNear, .printed, .switch].contains(self) }
    }

    /// One pattern: its keys (`<lang>` for the language slot) and role.
    public struct Pattern: Sendable, Equatable {
        public var keys: [String]
        public var role: Role
    }

    /// A match: the role, the language named (if any), and how many keys it covers.
    public struct Match: Sendable, Equatable {
        public var role: Role
        public var language: String?
        public var length: Int
    }

    /// The placeholder for a language name.
    public static let languageSlot = "<lang>"

    /// Patterns by their first key, longest first.
    let byFirst: [String: [Pattern]]
    /// The patterns in file order.
    let patterns: [Pattern]

    /// Parses the TSV text of `file` (`pattern<TAB>role`).
    /// - Throws: ``LexiconError`` naming `file:line:field` for an unknown role or
    ///   placeholder, a missing or extra `<lang>`, or a pattern listed twice.
    public init(_ text: String, file: String = "translation-cues.tsv") throws(LexiconError) {
        try self.init(files: [(text, file)])
    }

    /// Parses several TSV files as one table (`fr/translation-cues.tsv` and
    /// `notes/scene-cues.tsv`); a pattern listed in two of them is an error.
    public init(files: [(text: String, file: String)]) throws(LexiconError) {
        var patterns: [Pattern] = []
        var seen: Set<[String]> = []
        let roles = Role.allCases.map(\.rawValue)
        for (text, file) in files {
            for row in try LexiconTable.rows(text, file: file, columns: 2) {
                let keys = PhraseTable<Int>.split(row.fields[0])
                let role = Role(rawValue: try row.choice(1, roles))!
                if let unknown = keys.first(where: { $0.hasPrefix("<") && $0 != Self.languageSlot }) {
                    throw row.error("unknown placeholder \(unknown); only \(Self.languageSlot) is known", field: 0)
                }
                let slots = keys.filter { $0 == Self.languageSlot }.count
                if role.needsLanguage, slots != 1 {
                    throw row.error("a \(role.rawValue) cue names the language once with \(Self.languageSlot), found \(slots)", field: 0)
                }
                if !role.needsLanguage, slots != 0 {
                    throw row.error("a \(role.rawValue) cue names no language; remove \(Self.languageSlot)", field: 0)
                }
                guard keys.first != Self.languageSlot else { throw row.error("a pattern starts with a word, not \(Self.languageSlot)", field: 0) }
                guard seen.insert(keys).inserted else { throw row.error("pattern \"\(row.fields[0])\" is listed twice", field: 0) }
                patterns.append(Pattern(keys: keys, role: role))
            }
        }
        self.patterns = patterns
        byFirst = Dictionary(grouping: patterns.sorted { $0.keys.count > $1.keys.count }, by: { $0.keys[0] })
    }

    /// The patterns shipped with the library, read once per process and
    /// shared (they are immutable).
    public static func bundled() throws(LexiconError) -> TranslationCues {
        try cached.get()
    }

    private static let cached = Result { () throws(LexiconError) -> TranslationCues in
        try TranslationCues(files: [try NotesResource.text("translation-cues", folder: "fr"),
                                    try NotesResource.text("scene-cues", folder: "notes")])
    }

    /// Every word of the patterns (`<lang>` left out), in file order, for
    /// numbering them in a ``WordTable``.
    public var words: [String] { patterns.flatMap(\.keys).filter { $0 != Self.languageSlot } }

    /// The longest pattern matching `keys` at `start`, not reaching past `end`.
    /// - Parameter languages: language names (``FrenchLexicon/languageCodes``
    ///   as a phrase table, so `créole haïtien` fills one slot).
    public func match<Keys: RandomAccessCollection<String>>(_ keys: Keys, at start: Int, end: Int, languages: PhraseTable<String>) -> Match? where Keys.Index == Int {
        guard start < end, let patterns = byFirst[keys[start]] else { return nil }
        return Self.first(patterns: patterns.count, { (patterns[$0].keys, patterns[$0].role) }, in: keys, at: start, end: end,
                          slot: Self.languageSlot) { languages.match(keys, at: $0) }
    }

    /// The first of the `count` patterns `pattern(p)` hands out (in order, longest
    /// first) that reads at `start` of `elements` before `end`, `slot` standing for a
    /// language name that `language(j)` reads at j. The patterns are those filed
    /// under the element at `start`: a first element that is not the slot is that
    /// element, and is not compared again.
    @inline(__always)
    static func first<Element: Equatable, Pattern: Collection<Element>, Elements: RandomAccessCollection<Element>>(
        patterns count: Int, _ pattern: (Int) -> (words: Pattern, role: Role), in elements: Elements, at start: Int, end: Int,
        slot: Element, language name: (Int) -> (value: String, length: Int)?
    ) -> Match? where Elements.Index == Int {
        for p in 0..<count {
            let (words, role) = pattern(p)
            guard start + words.count <= end else { continue }
            var language: String? = nil
            let skipsFirst = words.first.map { $0 != slot } ?? false
            var j = skipsFirst ? start + 1 : start
            var ok = true
            for element in words.dropFirst(skipsFirst ? 1 : 0) {
                guard j < end else { ok = false; break }
                if element == slot {
                    guard let found = name(j), j + found.length <= end else { ok = false; break }
                    language = found.value
                    j += found.length
                } else if element == elements[j] {
                    j += 1
                } else {
                    ok = false
                    break
                }
            }
            if ok { return Match(role: role, language: language, length: j - start) }
        }
        return nil
    }

    /// The patterns over the word ids of one ``WordTable``: ``match(_:at:end:languages:)``
    /// without hashing a string, the same matches in the same order.
    ///
    /// ```swift
    /// let table = WordTable(cues.words + languages.words)
    /// languages.compile(table)
    /// let byWord = cues.compiled(table)
    /// byWord.match(table.ids(keys), at: 0, end: keys.count, languages: languages)
    /// ```
    public struct Compiled: Sendable {
        /// Stands for `<lang>`; no token has this id.
        static let slot = WordID(raw: -2)
        /// For each word id, its bucket in `buckets`, or -1.
        let heads: [Int32]
        /// For each word id, whether it begins a pattern (`heads` ≥ 0), for
        /// ``ContentWords/first(markedIn:in:)``.
        private let starts: [Bool]
        /// The patterns by their first word, in the order of ``TranslationCues/byFirst``, one
        /// after the other in flat arrays: bucket b's patterns are
        /// `patterns[bucketStarts[b]..<bucketStarts[b + 1]]`, and each pattern's words are
        /// `words[start..<(start + count)]` (read in place, no array per pattern retained).
        private let words: [WordID]
        private let patterns: [(start: Int32, count: Int32, role: Role)]
        private let bucketStarts: [Int32]

        init(_ cues: TranslationCues, table: WordTable) {
            var heads = [Int32](repeating: -1, count: table.count)
            var words: [WordID] = []
            var patterns: [(start: Int32, count: Int32, role: Role)] = []
            var bucketStarts: [Int32] = [0]
            for (first, bucket) in cues.byFirst {
                let id = table.id(first)
                precondition(id.isKnown, "TranslationCues.compiled: the word table lacks \"\(first)\"")
                heads[Int(id.raw)] = Int32(bucketStarts.count - 1)
                for pattern in bucket {
                    patterns.append((Int32(words.count), Int32(pattern.keys.count), pattern.role))
                    words.append(contentsOf: pattern.keys.map { $0 == TranslationCues.languageSlot ? Self.slot : table.id($0) })
                }
                bucketStarts.append(Int32(patterns.count))
            }
            self.heads = heads
            starts = heads.map { $0 >= 0 }
            self.words = words
            self.patterns = patterns
            self.bucketStarts = bucketStarts
        }

        /// Whether the word `id` begins any pattern.
        @inline(__always)
        public func startsPattern(_ id: WordID) -> Bool { id.isKnown && heads[Int(id.raw)] >= 0 }

        /// The first content position in `range` whose word begins a pattern
        /// (``startsPattern(_:)``), read over the arrays in place: most words begin none.
        func firstPatternStart(_ ids: ContentWords, in range: Range<Int>) -> Int? {
            let first = ids.first(markedIn: starts, in: range)
            return first < range.upperBound ? first : nil
        }

        /// ``TranslationCues/match(_:at:end:languages:)`` over the ids of the
        /// content tokens; `languages` compiled over the same table.
        /// - Complexity: one array read for a token that starts no pattern.
        public func match<Words: RandomAccessCollection<WordID>>(_ ids: Words, at start: Int, end: Int, languages: PhraseTable<String>) -> Match? where Words.Index == Int {
            guard start < end, startsPattern(ids[start]) else { return nil }
            let head = Int(heads[Int(ids[start].raw)])
            guard head >= 0 else { return nil }
            // The bucket's patterns read in place in the flat arrays.
            let bucket = Int(bucketStarts[head])
            return words.withUnsafeBufferPointer { words in
                patterns.withUnsafeBufferPointer { patterns in
                    TranslationCues.first(patterns: Int(bucketStarts[head + 1]) - bucket, { p in
                        let pattern = patterns[bucket + p]
                        return (UnsafeBufferPointer(rebasing: words[Int(pattern.start)..<Int(pattern.start + pattern.count)]), pattern.role)
                    }, in: ids, at: start, end: end, slot: Self.slot) { languages.match(words: ids, at: $0) }
                }
            }
        }
    }

    /// The patterns over the ids of `table`, which must number every word of
    /// every pattern (``words``).
    public func compiled(_ table: WordTable) -> Compiled { Compiled(self, table: table) }
}
