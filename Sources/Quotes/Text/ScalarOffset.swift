/// An offset into the original text of a document, counted in Unicode
/// scalars — what Python's `str` indexes — whatever normalization happened
/// inside the engine. A byte-order mark, if the input had one, is scalar 0.
///
/// Ranges of offsets are end-exclusive: `original[start..<end]`.
public struct ScalarOffset: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Int

    public init(_ value: Int) { self.value = value }

    public static func < (a: ScalarOffset, b: ScalarOffset) -> Bool { a.value < b.value }

    public var description: String { String(value) }

    public init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A range of the original text, in Unicode scalar offsets, end exclusive.
public typealias SourceRange = Range<ScalarOffset>

extension Range where Bound == ScalarOffset {
    public init(_ start: Int, _ end: Int) { self = ScalarOffset(start)..<ScalarOffset(end) }
    public var length: Int { upperBound.value - lowerBound.value }
}
