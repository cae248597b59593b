import Foundation
import Testing

/// Inputs that exist but cannot be read: a clear error naming them, exit 1,
/// the other documents still processed — never a crash.
@Suite struct ReadErrorTests {
    static func folder() throws -> URL {
        let url = Support.scratch.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `quotectl` with standard input read from `stdin` (a path).
    static func run(_ arguments: [String], stdin: String) throws -> Support.Run {
        let process = Process()
        process.executableURL = try Support.binary()
        process.arguments = arguments
        process.currentDirectoryURL = Support.root
        process.standardInput = try #require(FileHandle(forReadingAtPath: stdin))
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Support.Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                           stderr: String(decoding: errors, as: UTF8.self))
    }

    // Foundation's readDataToEndOfFile() traps on EISDIR: this crashed with signal 4.
    @Test("standard input that is a folder is an error record, not a crash", arguments: ["text", "jsonl"])
    func standardInputFolder(input: String) throws {
        let run = try Self.run(["extract", "--input", input, "--format", "jsonl", "-"], stdin: try Self.folder().path)
        #expect(run.status == 1)
        #expect(run.stdout == "{\"doc\":\"-\",\"error\":\"read failed: Is a directory\"}\n")
        #expect(run.stderr.hasPrefix("quotectl: error: -: read failed: Is a directory\n"))
    }

    @Test("a path that exists but cannot be opened (a socket, even for root) names the reason")
    func socketPath() throws {
        let path = try Self.folder().appendingPathComponent("s").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let run = try Support.run(["extract", "--format", "jsonl", path, "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("{\"doc\":\"\(path)\",\"error\":\"cannot be read: No such device or address\"}\n"))
        #expect(run.stdout.contains("\"doc\":\"Corpus/articles/sotchi-2020-12.txt\""))
        #expect(run.stderr.contains("quotectl: error: \(path): cannot be read: No such device or address\n"))
    }
}
