import Foundation
import Quotes

/// The throughput benchmark behind `quotectl bench`: each method measures
/// one figure over a ``BenchCorpus`` and returns it; the caller prints.
///
/// ```swift
/// let bench = Benchmark(corpus: corpus)
/// let floor = try bench.floor()                                  // ICU alone, one thread
/// let one = try bench.pipeline(executable: quotectl, jobs: 1)   // `quotectl extract`, one worker
/// one.throughput.megabytesPerSecond / floor.megabytesPerSecond   // the pipeline/floor ratio
/// ```
/// Speed is measured here and printed, never asserted by a test.
public struct Benchmark: Sendable {
    /// Text read per unit of time. MB are 10⁶ bytes of article text (UTF-8).
    public struct Throughput: Sendable {
        public var seconds: Double
        /// CPU time spent on the work (all threads): barely moved by other
        /// programs on the machine, unlike `seconds`.
        public var cpuSeconds: Double
        public var textBytes: Int
        public var documents: Int
        public var megabytesPerCPUSecond: Double { Double(textBytes) / 1e6 / cpuSeconds }
        public var megabytesPerSecond: Double { Double(textBytes) / 1e6 / seconds }
        public var documentsPerSecond: Double { Double(documents) / seconds }
    }

    /// A run of `quotectl extract` over the whole corpus, in its own process.
    public struct ProcessRun: Sendable {
        public var jobs: Int
        public var throughput: Throughput
        public var peakRSSBytes: Int
    }

    /// Distribution of one figure over many runs, in seconds.
    public struct Distribution: Sendable {
        public var samples: Int
        public var median: Double
        public var p99: Double
        public var max: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            samples = sorted.count
            func at(_ fraction: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
            }
            median = at(0.5)
            p99 = at(0.99)
            max = sorted.last ?? 0
        }
    }

    /// The Corpus article the project started from: its speakers' names are
    /// spelled in Cyrillic in the translation notes, so its cold start is
    /// timed too.
    public static let foundingExample = "sotchi-2020-12.txt"

    /// What the issue asks of the pipeline.
    public enum Target {
        /// Pipeline throughput on one core over the ICU floor, at least.
        public static let floorRatio = 0.5
        /// Throughput with two cores over one, at least.
        public static let twoCoreSpeedup = 1.8
        /// Peak RSS while streaming, at most.
        public static let peakRSSBytes = 64_000_000
        /// `quotectl extract` on one article, start to exit, at most.
        public static let coldStartSeconds = 0.030
    }

    public let corpus: BenchCorpus

    public init(corpus: BenchCorpus) { self.corpus = corpus }

    /// The ICU floor on one thread: only the ICU work of each document is
    /// timed (reading the JSONL around it is not).
    public func floor() throws -> Throughput {
        let floor = try ICUFloor()
        var elapsed = Duration.zero
        var cpu = 0.0
        var documents = 0, bytes = 0, boundaries = 0
        var failure: Error?
        let clock = ContinuousClock()
        InputReader(format: .jsonl).read([corpus.path]) { item in
            guard case .success(let input) = item, let text = input.text else {
                failure = BenchError("the corpus has a malformed line"); return false
            }
            let start = clock.now
            let startCPU = Self.threadCPUSeconds()
            do { boundaries += try floor.read(utf8: text.utf8) } catch { failure = error; return false }
            cpu += Self.threadCPUSeconds() - startCPU
            elapsed += clock.now - start
            documents += 1
            bytes += text.utf8.count
            return true
        }
        if let failure { throw failure }
        guard boundaries > 0 else { throw BenchError("ICU found no boundary in the corpus") }
        return Throughput(seconds: elapsed.seconds, cpuSeconds: cpu, textBytes: bytes, documents: documents)
    }

    /// `quotectl extract --input jsonl --format jsonl --jobs N` over the
    /// corpus, output to /dev/null: wall time and peak RSS of that process.
    public func pipeline(executable: String, jobs: Int) throws -> ProcessRun {
        let run = try ChildProcess.run(executable, ["extract", "--input", "jsonl", "--format", "jsonl", "--jobs", String(jobs), corpus.path])
        guard run.status == 0 else { throw BenchError("quotectl extract exited with status \(run.status)") }
        return ProcessRun(jobs: jobs, throughput: Throughput(seconds: run.seconds, cpuSeconds: run.cpuSeconds, textBytes: corpus.textBytes,
                                                             documents: corpus.documents),
                          peakRSSBytes: run.peakRSSBytes)
    }

    /// `quotectl extract --format jsonl --jobs N` over a folder of files,
    /// output to /dev/null: wall time and peak RSS of that process.
    public static func pipeline(executable: String, folder: BenchFolder, jobs: Int) throws -> ProcessRun {
        let run = try ChildProcess.run(executable, ["extract", "--format", "jsonl", "--jobs", String(jobs), folder.path])
        guard run.status == 0 else { throw BenchError("quotectl extract exited with status \(run.status)") }
        return ProcessRun(jobs: jobs, throughput: Throughput(seconds: run.seconds, cpuSeconds: run.cpuSeconds, textBytes: folder.textBytes,
                                                             documents: folder.files),
                          peakRSSBytes: run.peakRSSBytes)
    }

    /// Time per article through the whole pipeline (decoding, every stage,
    /// JSONL rendering) on one thread, over the first `sample` documents.
    public func latency(sample: Int) throws -> Distribution {
        let run = ExtractionRun(options: .init(input: .jsonl))
        let extractor = try QuoteExtractor(keepingCandidates: false)
        let writer = OutputFormat.jsonl.writer()
        var times: [Double] = []
        times.reserveCapacity(sample)
        var failure: Error?
        let clock = ContinuousClock()
        InputReader(format: .jsonl).read([corpus.path]) { item in
            let start = clock.now
            let outcome = run.outcome(of: item, extractor, writer)
            times.append((clock.now - start).seconds)
            if case .failure(let error) = outcome { failure = error; return false }
            return times.count < sample
        }
        if let failure { throw failure }
        return Distribution(times)
    }

    /// Wall time of `quotectl extract --format jsonl ARTICLE`, start to
    /// exit, `runs` times (after one run to warm the file cache).
    public static func coldStart(executable: String, article: String, runs: Int) throws -> Distribution {
        let arguments = ["extract", "--format", "jsonl", article]
        _ = try ChildProcess.run(executable, arguments)
        var times: [Double] = []
        for _ in 0..<runs {
            let run = try ChildProcess.run(executable, arguments)
            guard run.status == 0 else { throw BenchError("quotectl extract \(article) exited with status \(run.status)") }
            times.append(run.seconds)
        }
        return Distribution(times)
    }

    /// Whether a process with these memory maps (the text of `/proc/PID/maps`)
    /// loaded the Swift runtime as a shared library: a build without
    /// `--static-swift-stdlib`, whose every start loads and binds it,
    /// Foundation and a dozen more.
    public static func loadsSharedSwiftRuntime(maps: String) -> Bool {
        maps.split(separator: "\n").contains { line in
            line.split(separator: " ", omittingEmptySubsequences: true).last.map { $0.hasSuffix("/libswiftCore.so") } ?? false
        }
    }

    /// ``loadsSharedSwiftRuntime(maps:)`` for this process (false where
    /// there is no `/proc`). Read to its end: the file gives its size as 0.
    public static var loadsSharedSwiftRuntime: Bool {
        guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return false }
        return loadsSharedSwiftRuntime(maps: String(decoding: maps, as: UTF8.self))
    }

    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
