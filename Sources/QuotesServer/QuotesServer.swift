import Hummingbird
import Logging
import Quotes
import QuotesReport
import ServiceLifecycle

/// `quotectl serve`: the engine and the report over HTTP, on Hummingbird.
/// Stops gracefully on SIGTERM or SIGINT: it stops accepting connections and
/// finishes the requests in progress.
///
/// ```swift
/// try await QuotesServer(settings: .init(port: 8080), logger: Logger(label: "quotectl-serve")).run()
/// ```
public struct QuotesServer: Sendable {
    public let settings: ServerSettings
    public let logger: Logger

    public init(settings: ServerSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Loads the engine, listens, and returns once shut down.
    public func run() async throws {
        let renderer = try ReportRenderer.bundled()
        let pool = try ExtractorPool(workers: settings.workers, queueLimit: settings.queueLimit, registry: Registry.bundled())
        let router = Router()
        router.middlewares.add(AccessLogMiddleware())
        router.middlewares.add(JSONErrorMiddleware(routes: QuotesAPI.routes, bodyLimit: settings.bodyLimit))
        QuotesAPI(settings: settings, pool: pool, renderer: renderer).add(to: router)
        let settings = settings
        let logger = logger
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "quotectl"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                logger.notice("listening on http://\(settings.host):\(port) (\(settings.workers) workers, body limit \(settings.bodyLimit) bytes, time limit \(settings.timeLimit))")
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.notice("stopped")
    }
}
