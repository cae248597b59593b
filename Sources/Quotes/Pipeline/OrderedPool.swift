import Foundation

/// Runs one job per item on worker threads and hands the results back in
/// the order the items were submitted, holding at most `window` items at a
/// time, so memory stays constant however long the stream is.
///
/// Each worker owns a state (a ``QuoteExtractor`` with its ICU handles) that
/// only its own thread touches. The submitting thread is also the one that
/// collects results: it never waits for anything but the oldest result.
///
/// ```swift
/// let pool = OrderedPool(states: [1, 2], window: 8) { (state: Int, item: String) in item.uppercased() }
/// pool.submit("a"); pool.submit("b")
/// pool.close()
/// while let out = pool.next(waiting: true) { print(out) }   // "A", then "B"
/// ```
final class OrderedPool<State, Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [(sequence: Int, input: Input)] = []
    private var queueHead = 0
    private var done: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closed = false
    private var cancelled = false
    private var running = 0
    /// How many results in a row, from the oldest, the waiting collector
    /// wants before it is woken; 0 while it is not waiting.
    private var wanted = 0

    /// Items submitted and not yet handed back.
    let window: Int

    /// Starts one thread per state.
    /// - Parameters:
    ///   - states: one per worker; each moves to its thread and stays there.
    ///   - window: the most items held at once (waiting, running or done but not yet handed back).
    ///   - work: the job, called on a worker thread with that worker's state.
    init(states: [State], window: Int, work: @escaping @Sendable (State, Input) -> Output) {
        self.window = max(window, 1)
        running = states.count
        for state in states {
            let owned = Owned(state)
            let thread = Thread { [self] in
                self.serve(owned.value, work)
            }
            // Deeply nested input recurses in places; give workers the main thread's room.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Whether another item fits in the window.
    var hasRoom: Bool {
        condition.lock()
        defer { condition.unlock() }
        return submitted - delivered < window
    }

    /// Queues `input`. The caller keeps within the window (see ``hasRoom``).
    ///
    /// Wakes one thread, not all: the only threads that wait while an item
    /// is submitted are idle workers (the submitting thread is the one that
    /// collects), and one item needs one of them.
    func submit(_ input: Input) {
        condition.lock()
        queue.append((submitted, input))
        submitted += 1
        condition.signal()
        condition.unlock()
    }

    /// The oldest result not yet handed back: waits for it when `waiting`,
    /// else returns nil if it is not ready. Nil also once every submitted
    /// item has been handed back.
    ///
    /// A collector that has to wait sleeps until half the window (or every
    /// item still held) is done in a row from the oldest, so that it wakes
    /// about once per half window and hands back those results in one go,
    /// instead of sleeping and waking once per item.
    func next(waiting: Bool) -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while delivered < submitted {
            // Nothing waits for a result to be handed back (workers wait for
            // items, the collector for results), so no thread is woken here.
            if let output = done.removeValue(forKey: delivered) {
                delivered += 1
                return output
            }
            guard waiting else { return nil }
            wanted = min(max(window / 2, 1), submitted - delivered)
            while doneInARow() < wanted { condition.wait() }
            wanted = 0
        }
        return nil
    }

    /// How many results are done in a row from the oldest (under the lock).
    private func doneInARow() -> Int {
        var count = 0
        while done[delivered + count] != nil { count += 1 }
        return count
    }

    /// No more items: workers stop once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops early: drops the queued items and waits for the workers to end.
    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        queue.removeAll()
        queueHead = 0
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Waits for the workers to end (after ``close()``).
    func join() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func serve(_ state: State, _ work: @Sendable (State, Input) -> Output) {
        while let (sequence, input) = take() {
            let output = work(state, input)
            condition.lock()
            if !cancelled { done[sequence] = output }
            // The collector is woken only when the run of results it waits
            // for is complete (see next(waiting:)): one wake-up per half
            // window instead of one per document.
            if wanted > 0, sequence >= delivered, sequence < delivered + wanted, doneInARow() >= wanted { condition.broadcast() }
            condition.unlock()
        }
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next queued item, or nil once the pool is closed and drained.
    private func take() -> (Int, Input)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if cancelled { return nil }
            if queueHead < queue.count {
                let item = queue[queueHead]
                queueHead += 1
                // Drop consumed slots now and then so the queue does not grow.
                if queueHead > 64, queueHead * 2 > queue.count {
                    queue.removeFirst(queueHead)
                    queueHead = 0
                }
                return item
            }
            if closed { return nil }
            condition.wait()
        }
    }
}

/// Hands a non-Sendable value to the one thread that will use it from then on.
private struct Owned<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
