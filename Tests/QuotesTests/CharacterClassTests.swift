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

    /// The spaces, listed once here: ASCII is answered before the switch,
    /// which must give the same set over every scalar.
    static let spaces: Set<UInt32> = [0x00, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x2000, 0x2001, 0x2002, 0x2003,
                                      0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x3000, 0xFEFF]

    @Test func spacesAreTheListedOnes() {
        var wrong: [UInt32] = []
        for value in UInt32(0)..<0x11000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if CharacterClass.isSpace(scalar) != Self.spaces.contains(value) { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "first: \(wrong.prefix(5).map { String($0, radix: 16) })")
    }
}
