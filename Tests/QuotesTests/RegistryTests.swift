import Foundation
import Testing
@testable import Quotes

@Suite struct RegistryTests {
    static func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a user's registry adds a speaker id and merges over the bundled one")
    func merge() throws {
        let path = try Self.write(#"{"speakers": [{"id": "agnes-varga", "name": "Ágnes Varga", "aliases": ["Agnes Varga"], "gender": "f", "language": "hu"}]}"#)
        let registry = try Registry.bundled(merging: path)
        let extractor = try QuoteExtractor(registry: registry)
        let result = try extractor.extract(id: "t", source: SourceText("«Nous verrons», a déclaré Agnes Varga."))
        #expect(result.quotes.first?.attribution.speaker?.id == "agnes-varga")
        // The bundled entries are still there.
        #expect(registry.entries.contains { $0.id == "sergey-lavrov" })
    }

    @Test("a speaker not in any registry is still attributed, without an id")
    func unknown() throws {
        let quote = try #require(try Support.quotes("«Nous verrons», a déclaré Jonas Lindqvist.").first)
        #expect(quote.attribution.speaker?.name == "Jonas Lindqvist")
        #expect(quote.attribution.speaker?.id == nil)
    }

    @Test("a malformed registry names the file and the problem", arguments: [
        (#"{"speakers": [{"name": "X"}]}"#, "missing \"id\" at .speakers[0]"),
        (#"{"speakers": [{"id": "", "name": "X"}]}"#, "speaker 1 needs a non-empty id and name"),
    ])
    func malformed(json: String, message: String) throws {
        let path = try Self.write(json)
        #expect(throws: RegistryError.self) { try Registry.load(URL(fileURLWithPath: path)) }
        do { _ = try Registry.load(URL(fileURLWithPath: path)) } catch let error as RegistryError {
            #expect(error.description == "\(path): \(message)")
        }
    }
}
