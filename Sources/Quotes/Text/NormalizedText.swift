/// The text the engine reads: the original in NFC, with a map from each of
/// its scalars back to the original offsets.
///
/// Most input is already NFC; then the working scalars are the original ones
/// and the map is the identity (no extra storage). Otherwise the text is
/// normalized piecewise between NFC boundaries (`unorm2_hasBoundaryBefore`),
/// so every working scalar knows the original segment it came from.
/// Spacing variants (U+00A0, U+202F) and apostrophes (’) are not rewritten
/// here: ``CharacterClass`` reads them as spaces and apostrophes.
///
/// A text of Latin and General Punctuation scalars that are all NFC quick
/// check Yes with combining class 0 (nearly every French article) is NFC
/// as it stands: it is taken without asking ICU, and its UTF-16 copy is
/// made only if a line of it goes to ICU's break iterators
/// (``prepareUTF16()``).
public struct NormalizedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// The same text in UTF-16, as ICU reads it: only while the text layer
    /// breaks it, and once ``prepareUTF16()`` has made it (see ``droppingUTF16()``).
    private(set) var utf16: [UInt16]
    /// Whether `utf16` and `utf16ToScalar` hold the text.
    private(set) var hasUTF16: Bool
    /// For each UTF-16 unit, the working scalar index (nil when the text is all BMP).
    private(set) var utf16ToScalar: [Int32]?
    /// Original start and end offset of each working scalar (nil when identity).
    private let originStart: [Int32]?
    private let originEnd: [Int32]?
    public let originalCount: Int

    public init(_ source: SourceText) throws(ICUError) {
        let original = source.scalars
        originalCount = original.count
        if Self.isQuickNFC(original) {
            scalars = original
            utf16 = []
            hasUTF16 = false
            utf16ToScalar = nil
            originStart = nil
            originEnd = nil
            return
        }
        hasUTF16 = true
        let units = Self.utf16(of: original[...])
        if try Normalizer.nfc.isNormalized(units) {
            scalars = original
            utf16 = units
            originStart = nil
            originEnd = nil
        } else {
            var out: [Unicode.Scalar] = []
            var starts: [Int32] = []
            var ends: [Int32] = []
            out.reserveCapacity(original.count)
            var segmentStart = 0
            func flush(_ end: Int) throws(ICUError) {
                guard end > segmentStart else { return }
                let piece = Self.utf16(of: original[segmentStart..<end])
                let normalized = try Normalizer.nfc.normalize(piece)
                for scalar in String(decoding: normalized, as: UTF16.self).unicodeScalars {
                    out.append(scalar)
                    starts.append(Int32(segmentStart))
                    ends.append(Int32(end))
                }
                segmentStart = end
            }
            for i in 1..<max(original.count, 1) where Normalizer.nfcBoundary(before: original[i]) {
                try flush(i)
            }
            try flush(original.count)
            scalars = out
            utf16 = Self.utf16(of: out[...])
            originStart = starts
            originEnd = ends
        }
        utf16ToScalar = Self.scalarIndexMap(scalars, utf16Count: utf16.count)
    }

    public var count: Int { scalars.count }

    /// The text without its UTF-16 copy and map, which only ICU's break
    /// iterators read: the document keeps 2 bytes per scalar less (6 when
    /// the text has characters beyond the BMP).
    /// ``scalarIndex(utf16:)`` is no longer answered.
    func droppingUTF16() -> NormalizedText {
        var text = self
        text.utf16 = []
        text.utf16ToScalar = nil
        text.hasUTF16 = false
        return text
    }

    /// Makes the UTF-16 copy and its map, if the text has none yet.
    mutating func prepareUTF16() {
        guard !hasUTF16 else { return }
        utf16 = Self.utf16(of: scalars[...])
        utf16ToScalar = Self.scalarIndexMap(scalars, utf16Count: utf16.count)
        hasUTF16 = true
    }

    /// Whether each Latin and General Punctuation scalar is NFC quick check
    /// Yes with combining class 0 (ICU's data); no for any other scalar.
    private static let quickYes = ScalarTable(outside: false) { Normalizer.nfcQuickYes($0) }

    /// Whether every scalar of `scalars` is a Latin or General Punctuation
    /// scalar with NFC quick check Yes and combining class 0: then the text
    /// is NFC (UAX #15's quick check), with no call to ICU.
    /// - Complexity: O(n), stopping at the first other scalar.
    static func isQuickNFC(_ scalars: [Unicode.Scalar]) -> Bool {
        quickYes.withLookup { quickYes in
            scalars.withUnsafeBufferPointer { s in
                for scalar in s where !quickYes(scalar.value) { return false }
                return true
            }
        }
    }

    /// The original range of the working range `range`.
    public func sourceRange(_ range: Range<Int>) -> SourceRange {
        guard let originStart, let originEnd else { return SourceRange(range.lowerBound, range.upperBound) }
        let start = range.lowerBound < originStart.count ? Int(originStart[range.lowerBound]) : originalCount
        let end = range.isEmpty ? start : Int(originEnd[range.upperBound - 1])
        return SourceRange(start, end)
    }

    /// The working scalar index of UTF-16 offset `offset`.
    @inline(__always)
    func scalarIndex(utf16 offset: Int) -> Int {
        guard let map = utf16ToScalar else { return offset }
        return offset >= map.count ? scalars.count : Int(map[offset])
    }

    /// The UTF-16 offset of working scalar `index` (``scalars.count`` for the end).
    /// - Complexity: O(1) for text all in the BMP, else O(log n).
    func utf16Offset(scalar index: Int) -> Int {
        guard let map = utf16ToScalar else { return index }
        // The first unit whose scalar is `index` (the map never decreases).
        var low = 0, high = map.count
        while low < high {
            let mid = (low + high) / 2
            if Int(map[mid]) < index { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The working text of `range` as a string.
    public func string(_ range: Range<Int>) -> String {
        ScalarString.make(scalars[range])
    }

    /// The UTF-16 of `scalars`, counted first, then written straight into an
    /// array of the exact size.
    static func utf16(of scalars: ArraySlice<Unicode.Scalar>) -> [UInt16] {
        scalars.withUnsafeBufferPointer { scalars in
            var count = scalars.count
            for scalar in scalars where scalar.value >= 0x10000 { count += 1 }
            return [UInt16](unsafeUninitializedCapacity: count) { out, written in
                var n = 0
                for scalar in scalars {
                    let value = scalar.value
                    if value < 0x10000 {
                        out[n] = UInt16(truncatingIfNeeded: value)
                        n += 1
                    } else {
                        let v = value - 0x10000
                        out[n] = UInt16(truncatingIfNeeded: 0xD800 + (v >> 10))
                        out[n + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF))
                        n += 2
                    }
                }
                written = n
            }
        }
    }

    private static func scalarIndexMap(_ scalars: [Unicode.Scalar], utf16Count: Int) -> [Int32]? {
        guard utf16Count != scalars.count else { return nil }
        var map: [Int32] = []
        map.reserveCapacity(utf16Count)
        for (index, scalar) in scalars.enumerated() {
            map.append(Int32(index))
            if scalar.value >= 0x10000 { map.append(Int32(index)) }
        }
        return map
    }
}
