/// Multiword lexicon entries matched against token keys, longest first.
///
/// Entries are split into keys the way the text layer splits words:
/// at spaces, around hyphens and periods, after an elided article (`d'`).
public struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(rest: [String], value: Value)]] = [:]

    public init() {}

    public mutating func insert(_ phrase: String, _ value: Value) {
        let keys = PhraseTable.split(phrase)
        guard let first = keys.first else { return }
        let rest = Array(keys.dropFirst())
        // Longest first, and in insertion order among equals: after the last
        // entry at least as long (a stable sort, without sorting each time).
        var bucket = byFirst.removeValue(forKey: first) ?? []
        let position = bucket.lastIndex { $0.rest.count >= rest.count }.map { $0 + 1 } ?? 0
        bucket.insert((rest, value), at: position)
        byFirst[first] = bucket
    }

    public var isEmpty: Bool { byFirst.isEmpty }

    /// Whether `key` begins any entry.
    public func startsEntry(_ key: String) -> Bool { byFirst[key] != nil }

    /// The longest entry starting at word key index `start` of `keys`
    /// (spaces already removed): its value and how many keys it covers.
    public func match(_ keys: [String], at start: Int) -> (value: Value, length: Int)? {
        guard start < keys.count, let candidates = byFirst[keys[start]] else { return nil }
        for candidate in candidates {
            let end = start + 1 + candidate.rest.count
            guard end <= keys.count else { continue }
            var ok = true
            for (offset, key) in candidate.rest.enumerated() where keys[start + 1 + offset] != key { ok = false; break }
            if ok { return (candidate.value, 1 + candidate.rest.count) }
        }
        return nil
    }

    /// Splits a lexicon phrase into lowercase keys as the tokenizer would.
    public static func split(_ phrase: String) -> [String] {
        var keys: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { keys.append(current); current = "" } }
        for scalar in phrase.lowercased().unicodeScalars {
            let s = Folding.unifyApostrophe(scalar)
            if CharacterClass.isSpace(s) { flush(); continue }
            if CharacterClass.isDash(s) || s == "." || s == "," {
                flush(); keys.append(String(s)); continue
            }
            if s == "'" && elisionSet.contains(current) {
                current.unicodeScalars.append(s); flush(); continue
            }
            current.unicodeScalars.append(s)
        }
        flush()
        return keys
    }
}

/// Words that take an elided article or pronoun (l' d' qu' jusqu' …), built
/// once: a set literal inside ``PhraseTable/split(_:)`` was rebuilt per phrase.
private let elisionSet: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
