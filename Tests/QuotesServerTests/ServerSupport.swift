import Foundation

/// A `quotectl-serve` process on a free loopback port, for one test; its
/// log (standard error) is collected as it comes.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    private let output = LogBuffer()

    /// What the server has written to standard error so far. The reader thread holds this, not
    /// the process: so the last release of a `ServerProcess` (and `stop()` in `deinit`) happens
    /// on the test's thread, and no weak reference is formed (a weak reference's side table is
    /// pointed to only through the object's encoded reference count, which LeakSanitizer cannot
    /// follow: a process held for the whole run showed it as a leak).
    private final class LogBuffer: @unchecked Sendable {
        let condition = NSCondition()
        var text = ""
        var closed = false
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts the server (through `quotectl serve` when `viaQuotectl`) and waits until it listens.
    init(_ arguments: [String] = [], viaQuotectl: Bool = false) throws {
        process.executableURL = try Self.program(viaQuotectl ? "quotectl" : "quotectl-serve")
        process.arguments = (viaQuotectl ? ["serve"] : []) + ["--port", "0"] + arguments
        process.currentDirectoryURL = Self.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        // Under AddressSanitizer, freed memory is not held back, so that resident memory means what it says.
        var environment = ProcessInfo.processInfo.environment
        environment["ASAN_OPTIONS"] = [environment["ASAN_OPTIONS"], "quarantine_size_mb=0"].compactMap { $0 }.joined(separator: ":")
        process.environment = environment
        try process.run()
        Self.started(process.processIdentifier)
        let handle = err.fileHandleForReading
        let output = output
        Thread.detachNewThread {
            while true {
                let data = handle.availableData
                output.condition.lock()
                if data.isEmpty { output.closed = true } else { output.text += String(decoding: data, as: UTF8.self) }
                output.condition.broadcast()
                output.condition.unlock()
                if data.isEmpty { return }
            }
        }
        let line = try waitForLog("listening on http://127.0.0.1:")
        port = Int(line.split(separator: ":").last?.prefix { $0.isNumber } ?? "") ?? 0
    }

    deinit { stop() }

    /// The log so far.
    var log: String {
        output.condition.lock()
        defer { output.condition.unlock() }
        return output.text
    }

    /// Waits (at most `seconds`) for a log line containing `text`, and returns that line.
    @discardableResult
    func waitForLog(_ text: String, seconds: Double = 120) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        output.condition.lock()
        defer { output.condition.unlock() }
        while true {
            let logText = output.text
            if let range = logText.range(of: text) {
                let end = logText[range.upperBound...].firstIndex(of: "\n") ?? logText.endIndex
                return String(logText[range.lowerBound..<end])
            }
            if output.closed || !output.condition.wait(until: deadline) {
                throw Failure(description: "no \"\(text)\" in the server's log:\n\(output.text)")
            }
        }
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        Self.stopped(process.processIdentifier)
        return process.terminationStatus
    }

    func request(_ method: String, _ path: String, type: String? = nil, body: [UInt8] = [], headers: [(String, String)] = []) throws -> HTTPReply {
        try HTTPReply.send(port: port, method: method, path: path, type: type, body: body, headers: headers)
    }

    static func program(_ name: String) throws -> URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL,
                          Bundle.main.bundleURL.deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw Failure(description: "\(name) not found near \(CommandLine.arguments[0])")
    }

    // Servers still running when the test process exits are stopped then.
    nonisolated(unsafe) private static var running: Set<pid_t> = []
    private static let lock = NSLock()
    private static let cleanup: Void = { atexit { ServerProcess.lock.withLock { for pid in ServerProcess.running { kill(pid, SIGKILL) } } } }()

    private static func started(_ pid: pid_t) {
        _ = cleanup
        lock.withLock { _ = running.insert(pid) }
    }

    private static func stopped(_ pid: pid_t) {
        lock.withLock { _ = running.remove(pid) }
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
}

/// An HTTP/1.1 exchange over a plain socket (`Connection: close`), so tests
/// control every byte sent and see every byte received.
struct HTTPReply: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `error` of a JSON error body.
    var error: String? {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["error"] as? String
    }

    static func send(port: Int, method: String, path: String, type: String?, body: [UInt8], headers: [(String, String)]) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let type { head += "Content-Type: \(type)\r\n" }
        if !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
            head += "Content-Length: \(body.count)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let bytes = Array((head + "\r\n").utf8) + body
        let received = try exchange(port: port, bytes)
        return try parse(received)
    }

    /// Connects to 127.0.0.1:`port`, sends `bytes` and reads until the server closes.
    static func exchange(port: Int, _ bytes: [UInt8]) throws -> [UInt8] {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))") }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer (413) and close before reading the whole body.
            if n <= 0 { break }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return received
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPReply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "no HTTP answer (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if let length = headers["content-length"].flatMap(Int.init), body.count > length { body = Array(body[0..<length]) }
        return HTTPReply(status: status, headers: headers, body: body)
    }
}

enum Fixture {
    static let seedPath = "Corpus/articles/sotchi-2020-12.txt"
    static var seed: [UInt8] { get throws { Array(try Data(contentsOf: ServerProcess.root.appendingPathComponent(seedPath))) } }

    /// Runs `quotectl` with `arguments` and `stdin`; its standard output.
    static func quotectl(_ arguments: [String], stdin: [UInt8]) throws -> (status: Int32, stdout: [UInt8]) {
        let process = Process()
        process.executableURL = try ServerProcess.program("quotectl")
        process.arguments = arguments
        process.currentDirectoryURL = ServerProcess.root
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        let data = Data(stdin)
        Thread.detachNewThread { input.fileHandleForWriting.write(data); try? input.fileHandleForWriting.close() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(output))
    }

    /// A long article of the test's own: `paragraphs` paragraphs, each with a quote.
    static func longArticle(paragraphs: Int) -> [UInt8] {
        var text = ""
        for n in 0..<paragraphs {
            text += "«Le chantier numéro \(n) avance bien, nous tiendrons les délais», a assuré Mme Anne Vidal, maire de la commune. "
            text += "Le conseil municipal a voté le budget du port mardi soir, après trois heures de débat.\n\n"
        }
        return Array(text.utf8)
    }
}
