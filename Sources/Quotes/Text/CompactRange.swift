/// A `Range<Int>` stored as two 32-bit bounds, for the values a long
/// document holds by the hundred thousand (mentions, cues): 8 bytes instead
/// of 16. Document offsets already fit in 32 bits (``TokenList``,
/// ``NormalizedText``).
///
/// ```swift
/// struct Span { @CompactRange var content: Range<Int> }
/// var span = Span(content: 3..<5)
/// span.content.upperBound   // 5
/// ```
@propertyWrapper
public struct CompactRange: Sendable, Equatable {
    private var lower: Int32
    private var upper: Int32

    public init(wrappedValue: Range<Int>) {
        lower = Int32(wrappedValue.lowerBound)
        upper = Int32(wrappedValue.upperBound)
    }

    public var wrappedValue: Range<Int> {
        get { Int(lower)..<Int(upper) }
        set { self = CompactRange(wrappedValue: newValue) }
    }
}
