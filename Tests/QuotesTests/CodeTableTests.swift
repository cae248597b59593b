import Testing
@testable import Quotes

/// Integer codes → dense ids, for the character n-gram model.
@Suite struct CodeTableTests {
    @Test("ids in the order codes first come, whatever the count", arguments: [0, 1, 7, 8, 9, 1_000, 50_000])
    func intern(count: Int) {
        var table = CodeTable()
        // Codes as the model packs them: 21 bits per scalar.
        let codes: [UInt64] = (0..<count).map { i in
            let a = UInt64(i % 300 + 0x41), b = UInt64(i / 300 + 0x41)
            return a << 42 | b << 21 | 0x5F
        }
        for (i, code) in codes.enumerated() { #expect(table.intern(code) == Int32(i)) }
        #expect(table.count == count)
        for (i, code) in codes.enumerated() {
            #expect(table.intern(code) == Int32(i))
            #expect(table[code] == Int32(i))
        }
        #expect(table[0x7A] == nil)
        #expect(table.count == count)
    }
}
