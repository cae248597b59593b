import ArgumentParser
import Foundation

/// `quotectl serve`: runs `quotectl-serve` from the same folder, git-style,
/// so that quotectl itself neither links nor loads the HTTP server.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the engine over HTTP (runs quotectl-serve; see quotectl-serve --help).",
        discussion: """
        POST /v1/extract, POST /v1/report, GET / (paste an article, see its report), GET /healthz. \
        Options: --host 127.0.0.1, --port 8080, --body-limit, --time-limit, --workers, --log-level.
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options for quotectl-serve.")
    var arguments: [String] = []

    func run() throws {
        let program = Self.companion()
        guard FileManager.default.isExecutableFile(atPath: program) else {
            Diagnostics.error("quotectl serve runs \(program), which is missing: build it with `swift build -c release --product quotectl-serve` and keep it next to quotectl")
            throw ExitCode(1)
        }
        let argv = [program] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(program, &cArguments)
        Diagnostics.error("cannot run \(program): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }

    /// `quotectl-serve` in the folder of this executable (links resolved).
    static func companion() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("quotectl-serve").path
    }
}
