import Testing
@testable import Quotes

/// The letter and uppercase tests answer as Unicode's properties for every
/// scalar below U+0250, where they skip the property lookup (ASCII, Latin-1,
/// Latin Extended-A), and past it, where they use it.
@Suite struct CharacterClassTests {
    @Test func sameAsUnicodeProperties() {
        for value in UInt32(0)..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(CharacterClass.isLetter(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(CharacterClass.isUppercase(scalar) == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
        }
    }
}
