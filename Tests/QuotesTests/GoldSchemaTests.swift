import Foundation
import Testing
@testable import Quotes

/// Corpus/gold.schema.json (JSON Schema draft 2020-12) accepts every gold
/// file and refuses malformed ones, checked with Python's `jsonschema`.
@Suite struct GoldSchemaTests {
    static let schema = Support.corpus.appendingPathComponent("gold.schema.json")

    /// Validates `files` with jsonschema; returns the files it refused, or nil without python3.
    static func refused(_ files: [URL]) throws -> [String]? {
        // The first python3 on PATH, as a shell would pick it (jsonschema is installed for that one).
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let python = path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return nil }
        let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                if any(True for _ in validator.iter_errors(json.load(f))):
                    print(path)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, schema.path] + files.map(\.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }
    }

    static func files(_ folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    @Test("every gold file is valid against the schema")
    func corpus() throws {
        let files = try Self.files(Support.corpus.appendingPathComponent("gold"))
        #expect(files.count >= 41)
        guard let refused = try Self.refused(files) else {
            print("GoldSchemaTests: python3 not found, schema validation skipped")
            return
        }
        #expect(refused == [])
    }

    @Test("the schema refuses the malformed fixtures whose problem is one of shape")
    func malformed() throws {
        let folder = GoldReaderTests.folder.appendingPathComponent("gold")
        let shapeErrors = ["bad-kind", "bad-split", "bad-tag", "empty-span", "missing-kind", "missing-mentions", "nonspeech-mention",
                           "phenomena-not-array", "speaker-on-nonspeech", "start-as-string", "unknown-key"].map { $0 + ".json" }
        guard let refused = try Self.refused(shapeErrors.map { folder.appendingPathComponent($0) }) else {
            print("GoldSchemaTests: python3 not found, schema validation skipped")
            return
        }
        #expect(refused == shapeErrors)
    }

    @Test("the schema lists the same tags, kinds and splits as the library")
    func enums() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schema)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let tags = try #require((defs["phenomenon"] as? [String: Any])?["enum"] as? [String])
        #expect(tags.count == Set(tags).count && Set(tags) == GoldReader.tags)
        let quote = try #require((defs["quote"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((quote["kind"] as? [String: Any])?["enum"] as? [String] == QuoteKind.allCases.map(\.rawValue))
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect((properties["split"] as? [String: Any])?["enum"] as? [String] == GoldDocument.Split.allCases.map(\.rawValue))
        let sample = GoldDocument.Quote(start: 0, end: 1, text: "a", kind: .direct, speaker: "A", mentions: [], cue: nil,
                                        translation: nil, phenomena: [])
        #expect(Set(quote.keys) == Set(Mirror(reflecting: sample).children.compactMap(\.label)))
    }
}
