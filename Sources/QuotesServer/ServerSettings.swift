import Foundation

/// How `quotectl-serve` listens and what it allows one request.
public struct ServerSettings: Sendable {
    public var host: String
    /// 0 asks the system for a free port (the log says which).
    public var port: Int
    /// Largest request body, in bytes; larger ones get 413.
    public var bodyLimit: Int
    /// Longest a request may wait for a worker and be processed; then 503.
    public var timeLimit: Duration
    /// Documents processed at once (each worker owns an engine).
    public var workers: Int
    /// Requests that may wait for a worker; more get 503 at once.
    public var queueLimit: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 1 << 20, timeLimit: Duration = .seconds(10),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int = 64) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.timeLimit = timeLimit
        self.workers = workers
        self.queueLimit = queueLimit
    }
}
