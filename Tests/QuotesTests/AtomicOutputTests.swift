import Foundation
import Testing

/// `--output FILE` goes through a temporary file renamed on success: a run
/// that dies half-way leaves the previous file as it was.
@Suite struct AtomicOutputTests {
    @Test("a run killed while writing leaves the old output file untouched")
    func killed() throws {
        let directory = Support.scratch.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("quotes.jsonl")
        try Data("OLD\n".utf8).write(to: target)
        let process = Process()
        process.executableURL = try Support.binary()
        process.arguments = ["extract", "--input", "jsonl", "--format", "jsonl", "--output", target.path, "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardError = Pipe()
        try process.run()
        // More than the reader's 1 MB chunk, then the writer keeps standard input open.
        let line = #"{"id": "d", "text": "«Nous irons jusqu'au bout, et plus loin encore», a dit M. Dupont."}"# + "\n"
        input.fileHandleForWriting.write(Data(String(repeating: line, count: 15_000).utf8))
        // Wait until the temporary file holds output, so the run is caught mid-way.
        var partial = false
        for _ in 0..<600 where !partial {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            partial = try names.contains { name in
                try name.hasSuffix(".tmp") && (FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size] as? Int ?? 0) > 0
            }
            if !partial { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(partial, "no output was written to a temporary file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try String(contentsOf: target, encoding: .utf8) == "OLD\n")
    }
}
