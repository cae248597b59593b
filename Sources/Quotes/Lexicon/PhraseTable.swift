/// Multiword lexicon entries matched against token keys, longest first.
///
/// Entries are split into keys the way the text layer splits words:
/// at spaces, around hyphens and periods, after an elided article (`d'`).
public struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(rest: [String], value: Value)]] = [:]
    /// The same entries over word ids (see ``compile(_:)``): for each id,
    /// its bucket in `compiled`, or -1.
    private var heads: [Int32] = []
    private var compiled: [[(rest: [WordID], value: Value)]] = []

    public init() {}

    /// Makes room for entries under `count` first words, so that filling the table does not rehash it as it grows.
    public mutating func reserveCapacity(_ count: Int) { byFirst.reserveCapacity(count) }

    public mutating func insert(_ phrase: String, _ value: Value) {
        let keys = PhraseTable.split(phrase)
        guard let first = keys.first else { return }
        let rest = Array(keys.dropFirst())
        // Longest first, and in insertion order among equals: after the last
        // entry at least as long (a stable sort, without sorting each time).
        // The bucket is changed in place: one hash of the key.
        func place(in bucket: inout [(rest: [String], value: Value)]) {
            let position = bucket.lastIndex { $0.rest.count >= rest.count }.map { $0 + 1 } ?? 0
            bucket.insert((rest, value), at: position)
        }
        place(in: &byFirst[first, default: []])
        if !heads.isEmpty {   // compiled: no longer
            heads = []
            compiled = []
        }
    }

    /// Every key of every entry, for numbering them in a ``WordTable``.
    public var words: [String] { byFirst.flatMap { first, bucket in [first] + bucket.flatMap(\.rest) } }

    /// Prepares ``match(words:at:)`` over the ids of `table`, which must
    /// number every key of every entry.
    public mutating func compile(_ table: WordTable) {
        heads = [Int32](repeating: -1, count: table.count)
        compiled = []
        for (first, bucket) in byFirst {
            let id = table.id(first)
            precondition(id.isKnown, "compile: the word table lacks \"\(first)\"")
            heads[Int(id.raw)] = Int32(compiled.count)
            compiled.append(bucket.map { (rest: $0.rest.map(table.id), value: $0.value) })
        }
    }

    /// Whether the word `id` begins any entry (after ``compile(_:)``).
    @inline(__always)
    public func startsEntry(_ id: WordID) -> Bool { id.isKnown && heads[Int(id.raw)] >= 0 }

    /// ``match(_:at:)`` over word ids, after ``compile(_:)``: no string is hashed.
    public func match<Words: RandomAccessCollection<WordID>>(words ids: Words, at start: Int) -> (value: Value, length: Int)? where Words.Index == Int {
        guard start < ids.count, ids[start].isKnown else { return nil }
        let head = heads[Int(ids[start].raw)]
        guard head >= 0 else { return nil }
        return Self.first(of: compiled[Int(head)], in: ids, at: start)
    }

    /// The first of `candidates` (longest first) whose other elements follow `start` in `elements`.
    @inline(__always)
    private static func first<Element: Equatable, Elements: RandomAccessCollection<Element>>(of candidates: [(rest: [Element], value: Value)], in elements: Elements,
                                                  at start: Int) -> (value: Value, length: Int)? where Elements.Index == Int {
        for candidate in candidates {
            let end = start + 1 + candidate.rest.count
            guard end <= elements.count else { continue }
            var ok = true
            for (offset, element) in candidate.rest.enumerated() where elements[start + 1 + offset] != element { ok = false; break }
            if ok { return (candidate.value, 1 + candidate.rest.count) }
        }
        return nil
    }

    public var isEmpty: Bool { byFirst.isEmpty }

    /// Whether `key` begins any entry.
    public func startsEntry(_ key: String) -> Bool { byFirst[key] != nil }

    /// The longest entry starting at word key index `start` of `keys`
    /// (spaces already removed): its value and how many keys it covers.
    public func match<Keys: RandomAccessCollection<String>>(_ keys: Keys, at start: Int) -> (value: Value, length: Int)? where Keys.Index == Int {
        guard start < keys.count, let candidates = byFirst[keys[start]] else { return nil }
        return Self.first(of: candidates, in: keys, at: start)
    }

    /// Splits a lexicon phrase into lowercase keys as the tokenizer would.
    /// - Complexity: O(n); each key is lowercased once (``ScalarString/key(_:)``).
    public static func split(_ phrase: String) -> [String] {
        withScalars(phrase) { scalars in
            var keys: [String] = []
            var start = 0
            func flush(_ end: Int) { if end > start { keys.append(key(scalars, start..<end)) } }
            for i in scalars.indices {
                let s = Folding.unifyApostrophe(scalars[i])
                if CharacterClass.isSpace(s) {
                    flush(i)
                    start = i + 1
                } else if CharacterClass.isDash(s) || s == "." || s == "," {
                    flush(i)
                    keys.append(String(s))
                    start = i + 1
                } else if s == "'", i > start, isElided(scalars, start..<i) {
                    flush(i + 1)
                    start = i + 1
                }
            }
            flush(scalars.count)
            return keys
        }
    }

    /// The first key ``split(_:)`` gives, found without splitting the rest.
    public static func firstKey(_ phrase: String) -> String? {
        withScalars(phrase) { scalars in
            var start = 0
            for i in scalars.indices {
                let s = Folding.unifyApostrophe(scalars[i])
                if CharacterClass.isSpace(s) {
                    if i > start { return key(scalars, start..<i) }
                    start = i + 1
                } else if CharacterClass.isDash(s) || s == "." || s == "," {
                    return i > start ? key(scalars, start..<i) : String(s)
                } else if s == "'", i > start, isElided(scalars, start..<i) {
                    return key(scalars, start..<(i + 1))
                }
            }
            return scalars.count > start ? key(scalars, start..<scalars.count) : nil
        }
    }

    /// Calls `body` with the scalars of `phrase` in a temporary buffer (a
    /// phrase is split at every start and for roles in documents: no array
    /// is made for its scalars).
    private static func withScalars<R>(_ phrase: String, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
        phrase.withScalars { read in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: read.byteCount) { buffer in
                let count = read.readAll(into: buffer)
                return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// ``ScalarString/key(_:)`` of `scalars[range]`.
    private static func key(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> String {
        ScalarString.withKey(scalars, range) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the key of `scalars[range]` is an elided word (`l`, `qu`, `jusqu`), read without making it.
    private static func isElided(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        ScalarString.withKey(scalars, range) { elisions.id(utf8: $0).isKnown }
    }
}

/// The words an apostrophe elides in a phrase (`l'`, `qu'`), as the tokenizer reads them.
private let elisions = WordTable(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"])
