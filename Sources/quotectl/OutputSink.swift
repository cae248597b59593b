import Foundation
import Quotes

/// Where output goes: standard output, or a file written through a
/// temporary file renamed into place on success, so a failed run never
/// leaves a half-written file. A closed pipe (`| head`) ends the run quietly.
final class OutputSink {
    private let path: String?
    private let temporary: String?
    private let stream: UnsafeMutablePointer<FILE>

    init(path: String?) throws {
        self.path = path
        if let path {
            let url = URL(fileURLWithPath: path)
            let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
            guard let file = fopen(temp, "w") else {
                throw ValidationErrorMessage("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            temporary = temp
            stream = file
        } else {
            temporary = nil
            stream = fdopen(STDOUT_FILENO, "w")!
        }
    }

    /// Writes UTF-8 `bytes`; false once the reader has gone away.
    func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stream) } == bytes.count
    }

    /// Flushes and, for a file, renames the temporary file into place.
    func commit() throws {
        guard fflush(stream) == 0 else {
            if errno == EPIPE { return }
            abandon()
            throw ValidationErrorMessage("cannot write output: \(String(cString: strerror(errno)))")
        }
        guard let temporary, let path else { return }
        fclose(stream)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ValidationErrorMessage("cannot move output into \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Drops a partial file.
    func abandon() {
        guard let temporary else { return }
        fclose(stream)
        unlink(temporary)
    }
}

/// An error whose message is the whole story.
struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("quotectl: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("quotectl: \(message)\n".utf8))
    }

    /// `extract --summary`: the run's counts as one line a program can read (`quotectl: summary {…}`).
    static func summary(_ summary: ExtractionRun.Summary) {
        let counts = JSONValue.object([("documents", .int(summary.documents)), ("failures", .int(summary.failures)),
                                       ("quotes", .int(summary.quotes))])
        note("summary \(counts.serialized())")
    }
}
