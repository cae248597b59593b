/// Frequent words → the languages they are frequent in, looked up by a
/// token's lowercase scalars, without building a string.
///
/// ```swift
/// let table = StopwordTable(["the": [1], "der": [0]])
/// table.columns(of: Array("the".unicodeScalars.map(\.value))[...])   // [1]
/// ```
/// Words match as Swift strings do, by canonical equivalence: words are
/// kept in NFC, and a token with a scalar from U+0300 on (where
/// combining marks and every other non-NFC scalar lie) is put in NFC
/// before it is looked up.
struct StopwordTable: Sendable {
    /// Word i is `scalars[starts[i]..<starts[i + 1]]`, its languages
    /// `columns[columnStarts[i]..<columnStarts[i + 1]]`.
    private var scalars: [UInt32] = []
    private var starts: [Int] = [0]
    private var columns: [Int] = []
    private var columnStarts: [Int] = [0]
    /// Open addressing on the scalars' hash: word index + 1, 0 when empty.
    private var slots: [Int32]
    /// Words whose NFC has a scalar from U+0300 on, compared as strings.
    private var others: [String: [Int]] = [:]

    /// `words`: word → language columns.
    init(_ words: [String: [Int]]) {
        var size = 16
        while size < words.count * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        // Canonically equivalent spellings are one key of `words` already.
        for (word, languages) in words {
            var values = word.unicodeScalars.map(\.value)
            if !values.allSatisfy({ $0 < 0x300 }) {
                values = ((try? Normalizer.nfc.normalize(word)) ?? word).unicodeScalars.map(\.value)
            }
            guard values.allSatisfy({ $0 < 0x300 }) else {
                others[word] = languages
                continue
            }
            scalars.append(contentsOf: values)
            starts.append(scalars.count)
            columns.append(contentsOf: languages)
            columnStarts.append(columns.count)
            var slot = Self.hash(values[...]) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(starts.count - 1)
        }
    }

    /// The language columns of the token `token` (lowercase scalars), none
    /// when it is no frequent word.
    func columns<Token: Collection<UInt32>>(of token: Token) -> ArraySlice<Int> {
        if token.allSatisfy({ $0 < 0x300 }) {
            guard let i = index(of: token) else { return [] }
            return columns[columnStarts[i]..<columnStarts[i + 1]]
        }
        var view = String.UnicodeScalarView()
        for value in token { view.append(Unicode.Scalar(value)!) }
        let word = String(view)
        let nfc = ((try? Normalizer.nfc.normalize(word)) ?? word).unicodeScalars.map(\.value)
        if nfc.allSatisfy({ $0 < 0x300 }) {
            guard let i = index(of: nfc[...]) else { return [] }
            return columns[columnStarts[i]..<columnStarts[i + 1]]
        }
        return others[word].map { $0[...] } ?? []
    }

    /// Adds one to `counts[column]` for each language column of `token`
    /// (as ``columns(of:)`` gives them), without handing out a slice of the table.
    /// The counts are a buffer, not an array: an array written in a loop
    /// is checked for a unique reference at every write.
    @inline(__always)
    func count<Token: Collection<UInt32>>(_ token: Token, into counts: UnsafeMutableBufferPointer<Int>) {
        guard token.allSatisfy({ $0 < 0x300 }) else {
            for column in columns(of: token) { counts[column] += 1 }
            return
        }
        guard let i = index(of: token) else { return }
        for k in columnStarts[i]..<columnStarts[i + 1] { counts[columns[k]] += 1 }
    }

    /// The index of the word spelled `token`, if any.
    private func index<Token: Collection<UInt32>>(of token: Token) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(token) & mask
        let length = token.count
        return scalars.withUnsafeBufferPointer { scalars in
            while slots[slot] != 0 {
                let i = Int(slots[slot]) - 1
                // Compared in place (a slice of the table would retain it).
                if starts[i + 1] - starts[i] == length {
                    var k = starts[i]
                    var equal = true
                    for value in token where equal {
                        equal = scalars[k] == value
                        k += 1
                    }
                    if equal { return i }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// FNV-1a over the scalars.
    @inline(__always)
    private static func hash<Token: Collection<UInt32>>(_ token: Token) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in token { h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
