import Foundation
import Testing
@testable import Quotes

/// `--jobs`: documents processed concurrently, written in input order.
@Suite struct ParallelExtractTests {
    @Test("--jobs 1 and --jobs 4 write the same bytes", arguments: ["jsonl", "json", "csv", "table"])
    func sameBytes(format: String) throws {
        let one = try Support.run(["extract", "--jobs", "1", "--format", format, "Corpus/articles"])
        let four = try Support.run(["extract", "--jobs", "4", "--format", format, "Corpus/articles"])
        #expect(one.status == 0)
        #expect(four.status == 0)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
    }

    @Test("failed inputs keep their place in the output and on standard error")
    func failuresInOrder() throws {
        let lines = """
        {"id": "a", "text": "«Oui», a dit M. Dupont."}
        not json
        {"id": "b", "text": "«Non», a répondu Mme Kis."}
        {"id": 3}
        {"id": "c", "text": "«Peut-être», a ajouté le ministre."}

        """
        let one = try Support.run(["extract", "--jobs", "1", "--input", "jsonl", "--format", "jsonl", "-"], stdin: Data(lines.utf8))
        let three = try Support.run(["extract", "--jobs", "3", "--input", "jsonl", "--format", "jsonl", "-"], stdin: Data(lines.utf8))
        #expect(one.status == 1)
        #expect(three.status == 1)
        #expect(one.stdout == three.stdout)
        #expect(one.stderr == three.stderr)
        let docs = three.stdout.split(separator: "\n").map { line -> String in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return object?["doc"] as? String ?? "?"
        }
        #expect(docs == ["a", "-:2", "b", "-:4", "c"])
    }

    @Test("--jobs 0 is a usage error")
    func zeroJobs() throws {
        let run = try Support.run(["extract", "--jobs", "0", "Corpus/articles"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jobs must be at least 1"))
    }

    /// Rows: workers, items, whether later items finish first (item k
    /// sleeps (20 - k % 20) × 50 µs) or every item is instant (the pool's
    /// wake-ups race the most: a lost one hangs the test, hence the limit),
    /// and the window (the collector waits for half of it, or for every
    /// item still held: with 1, 3 and 8, a run of 1, 1 and 4 results).
    @Test("the pool hands results back in submission order", .timeLimit(.minutes(1)), arguments: [
        (1, 100, true, 8), (2, 100, true, 8), (5, 100, true, 8), (2, 20_000, false, 8), (3, 20_000, false, 8), (8, 5_000, false, 8),
        (2, 5_000, false, 1), (2, 5_000, false, 3), (3, 300, true, 3), (2, 7, true, 8),
    ])
    func poolOrder(workers: Int, items: Int, sleepy: Bool, window: Int) {
        let pool = OrderedPool(states: Array(0..<workers), window: window) { (_: Int, item: Int) -> Int in
            if sleepy { usleep(UInt32((20 - item % 20) * 50)) }
            return item * 10
        }
        var results: [Int] = []
        var mostHeld = 0
        var held = 0
        for item in 0..<items {
            while !pool.hasRoom {
                results.append(pool.next(waiting: true)!)
                held -= 1
            }
            pool.submit(item)
            held += 1
            mostHeld = max(mostHeld, held)
            while let ready = pool.next(waiting: false) { results.append(ready); held -= 1 }
        }
        pool.close()
        while let ready = pool.next(waiting: true) { results.append(ready) }
        pool.join()
        #expect(results == (0..<items).map { $0 * 10 })
        #expect(mostHeld <= window)
    }

    @Test("cancelling mid-stream drops the queued items and ends the workers", .timeLimit(.minutes(1)), arguments: [1, 2, 4])
    func poolCancel(workers: Int) {
        let pool = OrderedPool(states: Array(0..<workers), window: 8) { (_: Int, item: Int) -> Int in
            usleep(200)
            return item
        }
        for item in 0..<8 { pool.submit(item) }
        #expect(pool.next(waiting: true) == 0)
        pool.cancel()
        // cancel() returns once every worker has ended; nothing is handed back after it
        // but what had already finished, in order.
        var after: [Int] = []
        while let ready = pool.next(waiting: false) { after.append(ready) }
        #expect(after == Array(after.indices.map { $0 + 1 }))
    }
}
