import Foundation
import Testing
@testable import Quotes

/// The registry's fast reader gives the entries the positioned reader
/// gives, or declines; it never accepts a file the positioned reader
/// refuses.
@Suite struct RegistryReaderTests {
    static func fast(_ text: String) -> [Registry.Entry]? {
        var text = text
        return text.withUTF8(RegistryReader.entries)
    }

    static func positioned(_ text: String) -> Result<[Registry.Entry], RegistryError> {
        Result { () throws(RegistryError) in try RegistryFile.parsePositioned(text, path: "f.json") }
    }

    static let folder = Support.root.appendingPathComponent("Sources/Quotes/Resources/registry")

    @Test("every bundled file is read without a tree, to the same entries")
    func bundled() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 6)
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let fast = try #require(Self.fast(text), "\(name) was declined")
            #expect(fast == (try Self.positioned(text).get()), "\(name)")
        }
    }

    static let speaker = #"{"id": "a-b", "name": "A B", "gender": "f", "country": "FR", "languages": ["fr"], "roles": [{"title": "maire", "from": "2020"}]}"#

    /// Whole files: `read` is whether the fast reader must read it (else it may decline).
    @Test("a file is read alike or declined, never accepted when the positioned reader refuses it", arguments: [
        (#"{"schema": "quotectl-registry/2", "speakers": [\#(speaker)]}"#, true),
        (#"{"speakers": []}"#, true),
        (#" {"speakers" : [ \#(speaker) , {"id": "c", "name": "C", "roles": ["juge", {"title": "avocate", "to": null}]} ] } "#, true),
        (#"{"speakers": [{"id": "c", "name": "C", "aliases": null, "native": null, "roles": null, "languages": []}]}"#, true),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": []}]}"#, true),
        (#"{"speakers": [{"id": "c", "name": "C", "language": "de"}]}"#, true),
        ("{\"speakers\": [{\"id\": \"é\", \"name\": \"Çavuşoğlu\tMevlüt\"}]}", false),   // a tab in a string: refused
        (#"{"speakers": [{"id": "c", "name": "C\u00e9"}]}"#, false),                    // an escape: declined, read by the other
        (#"{"speakers": [{"id": "c", "name": "C", "id": "d"}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "extra": 1}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "gender": 1}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "gender": true}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "languages": "fr"}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "languages": ["fr", 2]}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": [{"from": "2020"}]}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": [{"title": null}]}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": [{"title": "x", "from": 2020}]}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": [null]}]}"#, false),
        (#"{"speakers": [{"name": "C"}]}"#, false),
        (#"{"speakers": [{"id": "c"}]}"#, false),
        (#"{"speakers": [{"id": null, "name": "C"}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C"},]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C"}] "#, false),
        (#"{"speakers": [{"id": "c", "name": "C"}]} x"#, false),
        (#"{"speakers": [{"id": "c" "name": "C"}]}"#, false),
        (#"{"speakers": null}"#, false),
        (#"{"schema": 2, "speakers": []}"#, false),
        (#"{"speakers": [], "speakers": []}"#, false),
        (#"{}"#, false),
        (#"[]"#, false),
        (#""#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "roles": ["a" "b"]}]}"#, false),
        (#"{"speakers": [{"id": "c", "name": "C", "gender": nul}]}"#, false),
    ])
    func alikeOrDeclined(text: String, read: Bool) {
        let fast = Self.fast(text)
        switch Self.positioned(text) {
        case .success(let entries):
            if let fast { #expect(fast == entries) }
            if read { #expect(fast != nil, "declined a file it reads") }
        case .failure:
            #expect(fast == nil, "accepted a file the positioned reader refuses")
            #expect(!read)
        }
    }
}
