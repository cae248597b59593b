import ArgumentParser
import Foundation
import Logging
import QuotesServer

/// `quotectl-serve` (also run as `quotectl serve`): the HTTP API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotectl serve",
        abstract: "Serve the quote engine over HTTP.",
        discussion: """
        POST /v1/extract (text/plain, application/json {"id","text"}, application/x-ndjson) gives the \
        records of quotectl extract; POST /v1/report (text/plain, application/json, or an HTML form) \
        gives the HTML report; GET / is a page to paste an article into; GET /healthz. Errors are \
        JSON: {"error": "..."}. SIGTERM or SIGINT stops it after the requests in progress.
        """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed in the log).")
    var port = 8080

    @Option(name: .customLong("body-limit"), help: "Largest request body in bytes (413 beyond).")
    var bodyLimit = 1 << 20

    @Option(name: .customLong("time-limit"), help: "Seconds a request may take, waiting included (503 beyond).")
    var timeLimit = 10.0

    @Option(help: "Documents processed at once (default: the number of cores).")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("queue-limit"), help: "Requests that may wait for a worker (503 beyond).")
    var queueLimit = 64

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard bodyLimit >= 1 else { throw ValidationError("--body-limit must be at least 1") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        guard queueLimit >= 0 else { throw ValidationError("--queue-limit must be at least 0") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "quotectl-serve")
        let settings = ServerSettings(host: host, port: port, bodyLimit: bodyLimit, timeLimit: .milliseconds(Int64((timeLimit * 1000).rounded())),
                                      workers: workers, queueLimit: queueLimit)
        do {
            try await QuotesServer(settings: settings, logger: logger).run()
        } catch {
            logger.critical("cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}

/// Exit status as quotectl's: 0 success (and help), 1 when the server cannot run, 2 for usage errors.
@main
enum Main {
    static func main() async {
        do {
            let command = try Serve.parseAsRoot()
            guard let serve = command as? Serve else { return }
            try await serve.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = Serve.exitCode(for: error)
            let message = Serve.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
