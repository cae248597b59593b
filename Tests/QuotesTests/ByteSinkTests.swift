import Testing
@testable import Quotes

/// The writers' output buffer: whatever is appended, in whatever sizes, comes back in order,
/// across every growth of its storage.
@Suite struct ByteSinkTests {
    @Test("appends across growth", arguments: [1, 64, 100, 5000])
    func appendsAcrossGrowth(capacity: Int) {
        var sink = ByteSink(capacity: capacity)
        var expected: [UInt8] = []
        var seed: UInt64 = 42
        for step in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            switch step % 4 {
            case 0:
                let byte = UInt8(truncatingIfNeeded: seed >> 33)
                sink.append(byte)
                expected.append(byte)
            case 1:
                sink.append(",\"speaker\":")
                expected += Array(",\"speaker\":".utf8)
            case 2:
                // Runs of 0 to 511 bytes: some longer than the storage doubled.
                let run = (0..<Int(seed >> 55)).map { UInt8(truncatingIfNeeded: $0 &+ step) }
                run.withUnsafeBufferPointer { sink.append($0) }
                expected += run
            default:
                sink.append(UnsafeBufferPointer(start: nil, count: 0))
            }
            #expect(sink.count == expected.count)
        }
        var out: [UInt8] = [7]
        sink.append(to: &out)
        #expect(out == [7] + expected)
        #expect(sink.bytes() == expected)
    }
}
