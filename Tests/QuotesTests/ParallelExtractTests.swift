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

    @Test("the pool hands results back in submission order", arguments: [1, 2, 5])
    func poolOrder(workers: Int) {
        // Later items finish first: item k sleeps (20 - k % 20) × 50 µs.
        let pool = OrderedPool(states: Array(0..<workers), window: 8) { (_: Int, item: Int) -> Int in
            usleep(UInt32((20 - item % 20) * 50))
            return item * 10
        }
        var results: [Int] = []
        var mostHeld = 0
        var held = 0
        for item in 0..<100 {
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
        #expect(results == (0..<100).map { $0 * 10 })
        #expect(mostHeld <= 8)
    }
}
