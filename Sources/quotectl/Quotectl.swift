import ArgumentParser
import Foundation
import Quotes

/// `quotectl`: finds quotations in French news text and says who said them.
struct Quotectl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotectl",
        abstract: "Find quotations in French news text, attribute them, and note how they were translated.",
        version: "0.1.0",
        subcommands: [Extract.self, Report.self, Serve.self, Verify.self, Eval.self, Explain.self, Bench.self],
        defaultSubcommand: Extract.self
    )
}

@main
enum Main {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // The lexicons load on other cores while the arguments are parsed (not for help or version alone,
        // nor for serve, which runs another program).
        if let first = CommandLine.arguments.dropFirst().first, !["-h", "--help", "help", "--version", "serve"].contains(first) { Preload.start() }
        do {
            var command = try Quotectl.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            // Usage errors exit 2, as documented; help and version exit 0.
            let code = Quotectl.exitCode(for: error)
            let message = Quotectl.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
