import Testing
@testable import Quotes

/// Mentions and cues keep their ranges as two 32-bit bounds: every range a
/// document can hold must read back as it was given and as it was set.
@Suite struct CompactRangeTests {
    struct Held { @CompactRange var range: Range<Int> }

    @Test("ranges read back as given and as set", arguments: [
        (0..<0, 0..<0), (3..<5, 120..<138), (0..<1, 7..<7), (Int(Int32.max) - 1..<Int(Int32.max), 1_000_000..<Int(Int32.max)),
    ] as [(Range<Int>, Range<Int>)])
    func roundTrip(given: Range<Int>, set: Range<Int>) {
        var held = Held(range: given)
        #expect(held.range == given)
        held.range = set
        #expect(held.range == set)
        #expect(CompactRange(wrappedValue: given) == CompactRange(wrappedValue: given))
        #expect((CompactRange(wrappedValue: given) == CompactRange(wrappedValue: set)) == (given == set))
    }

    @Test("a mention takes 64 bytes and a cue 48")
    func sizes() {
        #expect(MemoryLayout<CompactRange>.size == 8)
        #expect(MemoryLayout<Mention>.stride <= 64)
        #expect(MemoryLayout<Cue>.stride <= 48)
    }
}
