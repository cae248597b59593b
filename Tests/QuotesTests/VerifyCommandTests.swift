import Foundation
import Testing

/// End-to-end: `quotectl verify` as CI runs it.
@Suite struct VerifyCommandTests {
    static let fixtures = "Tests/QuotesTests/Fixtures/verify/"

    @Test("the seed's expectations pass (the project's own CI check)")
    func seedPasses() throws {
        let run = try Support.run(["verify", "--expect", "Corpus/expectations/sotchi-2020-12.yml"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("17 checks: 17 passed, 0 failed\n"))
    }

    @Test("the seed passes with its article given, as the project's CI runs it")
    func seedWithArticle() throws {
        let run = try Support.run(["verify", "--expect", "Corpus/expectations/sotchi-2020-12.yml", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    static let folder = Support.fixtures.appendingPathComponent("verify/folder")

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: Support.fixtures.appendingPathComponent("verify/\(name)"), encoding: .utf8)
    }

    @Test("a folder of articles: every article is read, each listed one checked")
    func folderOfArticles() throws {
        let run = try Support.run(["verify", "--expect", "expectations.yml", "articles"], in: Self.folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "9 checks: 9 passed, 0 failed\n")
    }

    @Test("a listed article missing from the inputs fails at its listing, never passes")
    func mistypedPath() throws {
        let run = try Support.run(["verify", "--expect", "mistyped.yml", "--github", "articles"], in: Self.folder)
        #expect(run.status == 1)
        #expect(run.stdout == (try Self.golden("mistypedPath.txt")))
    }

    @Test("policies alone, without an expectations file")
    func policiesOnly() throws {
        let run = try Support.run(["verify", "--policy", "min_confidence=0.9", "--policy", "require_speaker", "articles"], in: Self.folder)
        #expect(run.status == 1)
        #expect(run.stdout == (try Self.golden("policiesOnly.txt")))
    }

    @Test("each policy fails on exactly the quotes that break it", arguments: [
        ("require_speaker", "FAIL policies.txt:1:2 policy require_speaker\n  «Une visite attendue depuis longtemps.» has no speaker\n"),
        // Confidences come from the speaker model (Resources/model): refitting it moves them.
        ("min_confidence=0.933", "FAIL policies.txt:7:37 policy min_confidence 0.933\n  «Nos deux peuples sont frères.» has confidence 0.932\n"),
        ("forbid_unexpected", "FAIL policies.txt:7:37 policy forbid_unexpected\n  «Nos deux peuples sont frères.» is not listed\n"),
        // «Nos deux peuples…» passes: "S'exprimant en turc" says it; «Nous resterons unis» is translated silently.
        ("require_translation_note", "FAIL policies.txt:5:2 policy require_translation_note\n"
            + "  «Nous resterons unis» is not verbatim (said in Turkish (registry), printed in French (identified)) but the article does not say it was translated\n"),
    ])
    func policy(name: String, failure: String) throws {
        let run = try Support.run(["verify", "--expect", "policies.yml", "--policy", name, "policies.txt"], in: Support.fixtures.appendingPathComponent("verify"))
        #expect(run.status == 1)
        #expect(run.stdout == failure + "3 checks: 2 passed, 1 failed\n")
    }

    @Test("nothing to verify, or nothing to read, is a usage error", arguments: [
        (["verify", "articles"], "nothing to verify: give --expect FILE or --policy"),
        (["verify", "--policy", "require_speaker"], "give the articles to check (files or folders)"),
        (["verify", "--policy", "require_speaker", "nope"], "nope: no such file or directory"),
        (["verify", "--record", "--policy", "require_speaker", "articles"], "--record writes the file given with --expect"),
    ])
    func usage(arguments: [String], message: String) throws {
        let run = try Support.run(arguments, in: Self.folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("failures exit 1 with document, line:column, expected and found (golden)")
    func failing() throws {
        let run = try Support.run(["verify", "--expect", Self.fixtures + "failing.yml"])
        #expect(run.status == 1)
        let golden = try String(contentsOfFile: Support.root.path + "/" + Self.fixtures + "failing.txt", encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test("GitHub annotations (golden)")
    func github() throws {
        let run = try Support.run(["verify", "--expect", Self.fixtures + "failing.yml", "--github"])
        #expect(run.status == 1)
        let golden = try String(contentsOfFile: Support.root.path + "/" + Self.fixtures + "failing.github.txt", encoding: .utf8)
        #expect(run.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }.joined(separator: "\n") + "\n" == golden)
        #expect(golden.hasPrefix("::error file=Corpus/articles/sotchi-2020-12.txt,line=5,col=2,"))
    }

    @Test("the same input gives the same report, byte for byte")
    func deterministic() throws {
        let first = try Support.run(["verify", "--expect", Self.fixtures + "failing.yml", "--github"])
        let second = try Support.run(["verify", "--expect", Self.fixtures + "failing.yml", "--github"])
        #expect(first.stdout == second.stdout)
    }

    @Test("malformed or empty expectations never pass: exit 2 with file:line:column", arguments: [
        ("unknown-key.yml", "unknown-key.yml:6:9: unknown key \"speeker\" in a quote"),
        ("bad-syntax.yml", "bad-syntax.yml:7:1: not valid YAML"),
        ("empty.yml", "empty.yml:1:1: the file is empty: it lists no expectation"),
    ])
    func malformed(file: String, message: String) throws {
        let run = try Support.run(["verify", "--expect", Self.fixtures + file])
        #expect(run.status == 2)
        #expect(run.stderr.contains(Self.fixtures + message), "\(run.stderr)")
    }

    @Test("JSON expectations are accepted")
    func json() throws {
        let run = try Support.run(["verify", "--expect", Self.fixtures + "passing.json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("policies on the command line fail the run")
    func policies() throws {
        let run = try Support.run(["verify", "--expect", Self.fixtures + "passing.json", "--policy", "forbid_unexpected", "--policy", "min_confidence=0.9"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("policy forbid_unexpected"))
        #expect(run.stdout.contains("policy min_confidence 0.9"))
        let bad = try Support.run(["verify", "--expect", Self.fixtures + "passing.json", "--policy", "be_nice"])
        #expect(bad.status == 2)
    }

    @Test("JUnit XML validates against the JUnit schema with xmllint, and counts the checks")
    func junit() throws {
        let output = Support.scratch.appendingPathComponent("verify-\(UUID().uuidString).xml").path
        let run = try Support.run(["verify", "--expect", Self.fixtures + "failing.yml", "--junit", output])
        #expect(run.status == 1)
        let lint = try Self.xmllint(["--noout", "--schema", Support.root.path + "/" + Self.fixtures + "junit.xsd", output])
        #expect(lint.status == 0, "xmllint (install libxml2-utils: scripts/ensure-tools): \(lint.stderr)")
        let xml = try String(contentsOfFile: output, encoding: .utf8)
        #expect(xml.contains("<testsuites name=\"quotectl verify\" tests=\"4\" failures=\"4\" errors=\"0\">"))
    }

    /// Runs xmllint (libxml2-utils; `scripts/ensure-tools` installs it).
    static func xmllint(_ arguments: [String]) throws -> Support.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Support.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("JUnit XML read back by xmllint: valid, a test case per check, escaped names intact, the same bytes every run")
    func junitReadBack() throws {
        let directory = Support.fixtures.appendingPathComponent("verify")
        let files = (0..<2).map { Support.scratch.appendingPathComponent("junit-\($0)-\(UUID().uuidString).xml").path }
        for file in files {
            let run = try Support.run(["verify", "--expect", "junitReadBack.yml", "--junit", file, "policies.txt"], in: directory)
            #expect(run.status == 1)
        }
        let bytes = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(bytes[0] == bytes[1])
        #expect(try Self.xmllint(["--noout", "--schema", directory.appendingPathComponent("junit.xsd").path, files[0]]).status == 0)
        func query(_ xpath: String) throws -> String {
            try Self.xmllint(["--xpath", xpath, files[0]]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try query("count(//testsuite)") == "1")
        #expect(try query("count(//testcase)") == "3")
        #expect(try query("count(//testcase/failure)") == "2")
        // & < > " come back as written; U+0001, which XML cannot hold, is left out.
        #expect(try query("string(//testcase[2]/@name)") == "quote «R&D <b> \"x\" »")
        #expect(try query("string(//testcase[3]/failure)") == "policies.txt:1:2: «Une visite attendue depuis longtemps.» has no speaker")
    }

    @Test("--record writes a snapshot that passes, and re-recording says what changed")
    func record() throws {
        let directory = Support.scratch.appendingPathComponent("record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let article = directory.appendingPathComponent("a.txt").path
        try "«Nous partirons demain», a déclaré la maire Anne Vidal.".write(toFile: article, atomically: true, encoding: .utf8)
        let file = directory.appendingPathComponent("a.yml").path
        let recorded = try Support.run(["verify", "--record", "--expect", file, article])
        #expect(recorded.status == 0)
        #expect(try Support.run(["verify", "--expect", file]).status == 0)
        try "«Nous partirons demain», a déclaré la maire Anne Vidal. «Et vite», a ajouté le préfet Marc Roy.".write(toFile: article, atomically: true, encoding: .utf8)
        // The new quote is unexpected now …
        #expect(try Support.run(["verify", "--expect", file]).status == 1)
        // … and re-recording lists it.
        let again = try Support.run(["verify", "--record", "--expect", file])
        #expect(again.stdout.contains("+ «Et vite» Marc Roy"), "\(again.stdout)")
    }
}
