import Testing
@testable import Quotes

/// Token keys and texts built straight to UTF-8 must equal what the
/// standard library builds scalar by scalar.
@Suite struct ScalarStringTests {
    /// The reference: apostrophes unified, then `String.lowercased()`.
    static func referenceKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(Folding.unifyApostrophe(scalar)) }
        return String(view).lowercased()
    }

    @Test("keys", arguments: ["Otan", "L’Otan", "ÉTÉ", "Œdipe", "İstanbul", "ΣΟΦΙΑ", "Straße", "ǅemal", "×÷ÞÀ", "`Quoi´", "𝒜bc", "", "Лавров"])
    func key(word: String) {
        let scalars = Array(word.unicodeScalars)[...]
        #expect(ScalarString.key(scalars) == Self.referenceKey(scalars))
        #expect(ScalarString.make(scalars) == word)
        #expect(Self.bytesKey(scalars) == Self.referenceKey(scalars))
    }

    /// ``ScalarString/withKey(_:_:_:)``'s bytes, as a string; the word is
    /// placed inside other scalars so that only its range is read.
    static func bytesKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let padded: [Unicode.Scalar] = ["X", "’"] + scalars + ["É", "Ж"]
        return padded.withUnsafeBufferPointer { buffer in
            ScalarString.withKey(buffer, 2..<(2 + scalars.count)) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `make` reads eight ASCII scalars at a time: ASCII runs of every
    /// length, and a scalar of each UTF-8 width (and of each bit above the
    /// seventh) at every place among them, read whole and as slices that
    /// start and end inside the array, spell what the standard library spells.
    @Test("make: eight ASCII scalars at a time, any scalar among them",
          arguments: ["\u{7F}", "\u{80}", "é", "\u{100}", "’", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}"] as [Unicode.Scalar])
    func makeRuns(scalar: Unicode.Scalar) {
        let ascii = (0..<40).map { Unicode.Scalar(UInt8(0x20 + ($0 * 7) % 0x5F)) }
        for length in 0...ascii.count {
            let run = ascii[..<length]
            #expect(ScalarString.make(run) == String(String.UnicodeScalarView(run)), "\(length)")
        }
        for place in 0..<17 {
            var scalars = Array(ascii[..<17])
            scalars.insert(scalar, at: place)
            for slice in [scalars[...], scalars[1...], scalars[3..<15], scalars[place...]] {
                #expect(ScalarString.make(slice) == String(String.UnicodeScalarView(slice)), "\(place) \(slice.indices)")
            }
        }
    }

    @Test("every scalar keys and encodes like the standard library", arguments: [0x0..<0x10000, 0x10000..<0x30000, 0xE0000..<0xE0080])
    func everyScalar(range: Range<UInt32>) {
        var mismatches: [UInt32] = []
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let one = [scalar, "A"][...]
            let reference = Self.referenceKey(one)
            if ScalarString.key(one) != reference || Self.bytesKey(one) != reference
                || ScalarString.make(one) != String(String.UnicodeScalarView(one)) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("every scalar lowercases like the standard library, alone and among others", arguments: [0x0..<0x10000, 0x10000..<0x30000, 0xE0000..<0xE0080])
    func everyScalarLowercased(range: Range<UInt32>) {
        var mismatches: [UInt32] = []
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "Éa\(scalar)Ö", "x\(scalar)\(scalar)"] where ScalarString.lowercased(text) != text.lowercased() {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    /// `isAllASCII` answers as the UTF-8 view's `allSatisfy`, for native
    /// strings and for a substring's copy, short (inline) and long.
    @Test("isAllASCII answers as utf8.allSatisfy", arguments: [
        "", "a", "Lavrov", "jean-luc melenchon", "é", "Mevlüt Çavuşoğlu", "Лавров", "x\u{7F}", "x\u{80}",
        String(repeating: "abc ", count: 20), String(repeating: "abc ", count: 20) + "’", "𝒜",
    ])
    func isAllASCII(text: String) {
        let expected = text.utf8.allSatisfy { $0 < 0x80 }
        #expect(text.isAllASCII == expected)
        #expect(String(text.dropFirst(0)).isAllASCII == expected)
        #expect(String(Substring(text)).isAllASCII == expected)
    }

    /// Keys tested against ASCII literals on the hot path answer as `==` does.
    @Test("equalsASCII answers as ==", arguments: [
        ("de", "de"), ("de", "d"), ("d", "de"), ("", ""), ("", "a"), ("qu'", "qu'"), ("qu’", "qu'"),
        ("été", "ete"), ("e\u{301}", "e"), ("ce", "cette"), ("celles", "celles"),
        (String(repeating: "x", count: 40), String(repeating: "x", count: 40)),
        (String(repeating: "x", count: 40) + "é", String(repeating: "x", count: 41)),
    ])
    func equalsASCII(key: String, literal: String) {
        // StaticString needs a literal: go through the table of the literals used above.
        let answer: Bool
        switch literal {
        case "de": answer = key.equalsASCII("de")
        case "d": answer = key.equalsASCII("d")
        case "": answer = key.equalsASCII("")
        case "a": answer = key.equalsASCII("a")
        case "qu'": answer = key.equalsASCII("qu'")
        case "ete": answer = key.equalsASCII("ete")
        case "e": answer = key.equalsASCII("e")
        case "cette": answer = key.equalsASCII("cette")
        case "celles": answer = key.equalsASCII("celles")
        case String(repeating: "x", count: 40): answer = key.equalsASCII("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
        case String(repeating: "x", count: 41): answer = key.equalsASCII("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
        default: Issue.record("no literal for \(literal)"); return
        }
        #expect(answer == (key == literal))
    }
}
