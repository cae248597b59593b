/// A value for each scalar of Latin (U+0000–U+024F) and General
/// Punctuation (U+2000–U+206F), kept in one flat array, and one value for
/// every other scalar: what the text layer reads once from ICU's character
/// data (word and sentence classes, NFC quick check) and then looks up on
/// its hot paths without calling ICU.
///
/// ```swift
/// let quick = ScalarTable(outside: false) { Normalizer.nfcQuickYes($0) }
/// quick["é"]          // true
/// quick["\u{301}"]    // false: outside the table
/// ```
struct ScalarTable<Value: Sendable>: Sendable {
    private var values: [Value]
    private let outside: Value

    /// The end of the Latin blocks, and General Punctuation.
    fileprivate static var latinEnd: UInt32 { 0x250 }
    fileprivate static var punctuation: Range<UInt32> { 0x2000..<0x2070 }

    /// Every scalar the table holds, in the order of its array.
    static var scalars: [Unicode.Scalar] {
        (Array(0..<latinEnd) + Array(punctuation)).map { Unicode.Scalar($0)! }
    }

    /// - Parameters:
    ///   - outside: the value of every scalar outside the table.
    ///   - value: the value of each scalar inside it.
    init(outside: Value, _ value: (Unicode.Scalar) -> Value) {
        values = Self.scalars.map(value)
        self.outside = outside
    }

    subscript(scalar: Unicode.Scalar) -> Value {
        get { withLookup { $0(scalar.value) } }
        set {
            precondition(Self.index(scalar.value) != nil, "ScalarTable: U+\(String(scalar.value, radix: 16)) is outside the table")
            values[Self.index(scalar.value)!] = newValue
        }
    }

    @inline(__always)
    private static func index(_ v: UInt32) -> Int? {
        if v < latinEnd { return Int(v) }
        if punctuation.contains(v) { return Int(latinEnd + v - punctuation.lowerBound) }
        return nil
    }

    /// Calls `body` with a look-up that reads the table through a pointer.
    @inline(__always)
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        values.withUnsafeBufferPointer { body(Lookup(values: $0, outside: outside)) }
    }

    /// The table read through a pointer, for a loop over many scalars.
    struct Lookup {
        let values: UnsafeBufferPointer<Value>
        let outside: Value

        /// `index(_:)` spelled out: going through its optional cost the
        /// segmenters' loops about 10 M instructions over the Corpus × 12.
        @inline(__always)
        func callAsFunction(_ v: UInt32) -> Value {
            if v < ScalarTable.latinEnd { return values[Int(v)] }
            if ScalarTable.punctuation.contains(v) { return values[Int(ScalarTable.latinEnd + v - ScalarTable.punctuation.lowerBound)] }
            return outside
        }
    }
}
