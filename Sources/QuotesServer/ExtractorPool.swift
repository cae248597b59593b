import Dispatch
import Foundation
import Quotes

/// The engine's workers for the server: one thread per worker, each owning
/// a ``QuoteExtractor`` (its ICU handles are not shared), so at most
/// `workers` documents are processed at once and the server's event loops
/// never run the engine themselves.
///
/// Requests beyond the workers wait in a queue of at most `queueLimit`;
/// past that they are refused at once (``Refusal/busy``). A request that has
/// not finished within its time limit gets ``Refusal/timedOut``; a job still
/// waiting by then is dropped without running.
///
/// ```swift
/// let pool = try ExtractorPool(workers: 2, queueLimit: 64, registry: .bundled())
/// let count = try await pool.perform(timeLimit: .seconds(10)) { extractor in
///     (try? extractor.extract(id: "-", source: SourceText("«Oui», a-t-il dit.")))?.quotes.count ?? 0
/// }
/// ```
final class ExtractorPool: @unchecked Sendable {
    enum Refusal: Error, Equatable {
        case busy
        case timedOut
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [@Sendable (QuoteExtractor) -> Void] = []
    private var queueHead = 0
    private var idle = 0

    let workers: Int
    let queueLimit: Int

    init(workers: Int, queueLimit: Int, registry: Registry) throws {
        self.workers = max(1, workers)
        self.queueLimit = max(0, queueLimit)
        for _ in 0..<self.workers {
            let owned = OwnedExtractor(try QuoteExtractor(registry: registry, keepingCandidates: false))
            let thread = Thread { [self] in self.serve(owned.extractor) }
            // Deeply nested input recurses in places; give workers the main thread's room.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `work` on a worker, waiting at most `timeLimit` from now.
    func perform<T: Sendable>(timeLimit: Duration, _ work: @escaping @Sendable (QuoteExtractor) -> T) async throws(Refusal) -> T {
        let deadline = ContinuousClock.now + timeLimit
        let once = Once<T>()
        let result: Result<T, Refusal> = await withCheckedContinuation { continuation in
            once.arm(continuation)
            let accepted = enqueue { extractor in
                guard !once.isDone else { return }
                guard ContinuousClock.now < deadline else { return once.resume(.failure(.timedOut)) }
                once.resume(.success(work(extractor)))
            }
            guard accepted else { return once.resume(.failure(.busy)) }
            let timer = DispatchWorkItem { once.resume(.failure(.timedOut)) }
            once.setTimer(timer)
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.seconds(timeLimit), execute: timer)
        }
        return try result.get()
    }

    /// Workers processing a document now.
    var busy: Int {
        condition.lock()
        defer { condition.unlock() }
        return workers - idle
    }

    /// Jobs waiting for a worker now.
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count - queueHead
    }

    private func enqueue(_ job: @escaping @Sendable (QuoteExtractor) -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard queue.count - queueHead < queueLimit + idle else { return false }
        queue.append(job)
        condition.signal()
        return true
    }

    private func serve(_ extractor: QuoteExtractor) {
        while true {
            condition.lock()
            idle += 1
            while queueHead == queue.count { condition.wait() }
            idle -= 1
            let job = queue[queueHead]
            queueHead += 1
            if queueHead > 64, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            job(extractor)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// A continuation resumed exactly once, by the worker or by the timer,
/// whichever comes first.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<T, ExtractorPool.Refusal>, Never>?
    private var timer: DispatchWorkItem?
    private var done = false

    func arm(_ continuation: CheckedContinuation<Result<T, ExtractorPool.Refusal>, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func setTimer(_ timer: DispatchWorkItem) {
        let already = lock.withLock {
            if !done { self.timer = timer }
            return done
        }
        if already { timer.cancel() }
    }

    var isDone: Bool { lock.withLock { done } }

    func resume(_ result: Result<T, ExtractorPool.Refusal>) {
        let (continuation, timer) = lock.withLock { () -> (CheckedContinuation<Result<T, ExtractorPool.Refusal>, Never>?, DispatchWorkItem?) in
            guard !done else { return (nil, nil) }
            done = true
            defer { self.continuation = nil; self.timer = nil }
            return (self.continuation, self.timer)
        }
        timer?.cancel()
        continuation?.resume(returning: result)
    }
}

/// Moves an extractor to the thread that will own it.
private struct OwnedExtractor: @unchecked Sendable {
    let extractor: QuoteExtractor
    init(_ extractor: QuoteExtractor) { self.extractor = extractor }
}
