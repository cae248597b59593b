import Foundation
import Testing
@testable import Quotes

/// Language names from ICU, remembered once looked up.
@Suite struct LocaleNamesTests {
    @Test(arguments: [
        ("tr", "en", "Turkish"),
        ("ru", "fr", "russe"),
        ("de", "en", "German"),
        ("ka", "en", "Georgian"),
        ("qqq", "en", "qqq"),
    ])
    func language(code: String, locale: String, name: String) {
        #expect(LocaleNames.language(code, in: locale) == name)
        // The second answer comes from memory and is the same.
        #expect(LocaleNames.language(code, in: locale) == name)
    }

    @Test("threads asking at once get the same names")
    func concurrent() {
        let wrong = LockedCount()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let (code, name) = [("es", "Spanish"), ("it", "Italian"), ("pl", "Polish"), ("hu", "Hungarian")][i % 4]
            if LocaleNames.language(code, in: "en") != name { wrong.add() }
        }
        #expect(wrong.value == 0)
    }
}
