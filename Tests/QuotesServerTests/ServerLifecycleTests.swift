import Foundation
import Testing

/// `quotectl serve` under load and when it stops: each test has its own server.
@Suite struct ServerLifecycleTests {
    /// An article of about 120 kB: long enough to keep a worker busy while the test looks.
    static let long = Fixture.longArticle(paragraphs: 600)

    /// Sends `body` on another thread; the reply arrives in the returned box.
    final class Pending: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<HTTPReply, Error>?

        init(_ server: ServerProcess, _ body: [UInt8]) {
            let port = server.port
            Thread.detachNewThread { [self] in
                result = Result { try HTTPReply.send(port: port, method: "POST", path: "/v1/extract", type: "text/plain", body: body, headers: []) }
                done.signal()
            }
        }

        func reply() throws -> HTTPReply {
            done.wait()
            return try result!.get()
        }
    }

    /// Waits until `/healthz` reports `busy` workers (at most two minutes).
    func waitUntilBusy(_ server: ServerProcess, _ busy: Int) throws {
        for _ in 0..<1200 {
            let health = try server.request("GET", "/healthz")
            if let object = try JSONSerialization.jsonObject(with: Data(health.body)) as? [String: Any], object["busy"] as? Int == busy { return }
            usleep(100_000)
        }
        throw Failure(description: "the server never had \(busy) busy workers")
    }

    @Test("SIGTERM: the request in progress is answered in full, then the server exits 0")
    func gracefulShutdown() throws {
        let server = try ServerProcess(["--workers", "1", "--time-limit", "600"])
        let pending = Pending(server, Self.long)
        try waitUntilBusy(server, 1)
        kill(server.process.processIdentifier, SIGTERM)
        let reply = try pending.reply()
        #expect(reply.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
        #expect((object["quotes"] as? [Any])?.count == 600)
        #expect(server.stop() == 0)
        #expect(server.log.contains("stopped"))
        #expect(throws: Failure.self) { try server.request("GET", "/healthz") }
    }

    @Test("all workers busy and no room to wait: 503 at once, with Retry-After")
    func busy() throws {
        let server = try ServerProcess(["--workers", "1", "--queue-limit", "0", "--time-limit", "600"])
        let pending = Pending(server, Self.long)
        try waitUntilBusy(server, 1)
        let refused = try server.request("POST", "/v1/extract", type: "text/plain", body: Array("«Oui», a dit Mme Anne Vidal.".utf8))
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect(refused.error?.contains("all 1 workers are busy and 0 requests wait") == true)
        #expect(try pending.reply().status == 200)
    }

    @Test("a request past its time limit gets 503; the server goes on")
    func timeLimit() throws {
        let server = try ServerProcess(["--workers", "1", "--time-limit", "0.05"])
        let reply = try server.request("POST", "/v1/extract", type: "text/plain", body: Self.long)
        #expect(reply.status == 503)
        #expect(reply.error?.contains("took longer than the time limit") == true)
        #expect(try server.request("GET", "/healthz").status == 200)
    }

    @Test("memory does not grow from request to request")
    func noGrowth() throws {
        let server = try ServerProcess(["--workers", "1", "--log-level", "notice"])
        let articles = try FileManager.default.contentsOfDirectory(atPath: ServerProcess.root.appendingPathComponent("Corpus/articles").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { try Array(Data(contentsOf: ServerProcess.root.appendingPathComponent("Corpus/articles/" + $0))) }
        func round() throws {
            for article in articles {
                #expect(try server.request("POST", "/v1/extract", type: "text/plain", body: article).status == 200)
                #expect(try server.request("POST", "/v1/report", type: "text/plain", body: article).status == 200)
            }
        }
        try round()   // caches and the allocator settle
        let before = try Self.residentKilobytes(server.process.processIdentifier)
        for _ in 0..<2 { try round() }
        let after = try Self.residentKilobytes(server.process.processIdentifier)
        if Self.sanitized {
            // Under AddressSanitizer resident memory holds the sanitizer's own bookkeeping; its leak
            // checker, run when the server exits, says whether any request's memory was lost.
            #expect(server.stop() == 0)
            #expect(!server.log.contains("LeakSanitizer"), "\(server.log.suffix(2000))")
        } else {
            // 164 requests: a leak of 6 kB each (three times the text of an article) would pass 1 MB.
            #expect(after - before < 1_000, "resident memory grew from \(before) kB to \(after) kB")
        }
    }

    /// Whether these tests (and so the programs built with them) run under AddressSanitizer.
    static let sanitized = dlsym(dlopen(nil, RTLD_NOW), "__asan_init") != nil

    @Test("quotectl serve runs quotectl-serve, which answers")
    func throughQuotectl() throws {
        let server = try ServerProcess(viaQuotectl: true)
        #expect(try server.request("GET", "/healthz").status == 200)
        #expect(server.stop() == 0)
    }

    @Test("a port already taken: exit 1, and the log names it")
    func portTaken() throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try Self.runToEnd(["--port", String(port)])
        #expect(run.status == 1)
        #expect(run.log.contains("cannot serve on 127.0.0.1:\(port)"))
        #expect(run.log.contains("Address already in use"))
    }

    @Test("usage errors exit 2", arguments: [["--port", "http"], ["--workers", "0"], ["--time-limit", "-1"], ["--log-level", "loud"], ["--bogus"]])
    func usage(_ arguments: [String]) throws {
        let run = try Self.runToEnd(arguments)
        #expect(run.status == 2)
        #expect(run.log.contains("Usage: quotectl serve"))
    }

    /// Runs quotectl-serve with `arguments` until it exits by itself (within a minute).
    static func runToEnd(_ arguments: [String]) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = try ServerProcess.program("quotectl-serve")
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: killer)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        return (process.terminationStatus, log)
    }

    static func residentKilobytes(_ pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { throw Failure(description: "no VmRSS for \(pid)") }
        return kilobytes
    }
}
