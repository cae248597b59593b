import ArgumentParser
import Foundation
import Quotes
import QuotesBench

/// `quotectl bench`: throughput against the bare-ICU floor, parallel
/// speed-up, peak memory, latency per article and cold start, in one run;
/// or, with `--pathological`, inputs built to expose non-linear steps.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput, memory and latency over a large corpus built from the Corpus articles.",
        discussion: """
        Builds a JSONL corpus of --megabytes MB of article text (copies of the articles with \
        their paragraphs shuffled) in a temporary folder, then prints: the ICU floor (UTF-8 to \
        UTF-16, NFC, French word and sentence breaks); the full pipeline in MB/s with one job, \
        with --jobs, and over a folder of --files separate article files; the pipeline/floor \
        ratio, peak RSS, latency per article and the cold start of `quotectl extract` on one \
        article (and on the founding example, when the folder has it). Use a release build \
        (`swift build -c release --static-swift-stdlib`).
        """
    )

    @Option(help: "Megabytes (10^6 bytes) of article text in the generated corpus.")
    var megabytes = 100

    @Option(help: "Folder of .txt articles the corpus is built from.")
    var articles = "Corpus/articles"

    @Option(help: "Jobs for the parallel run (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Articles timed one by one for the latency figures.")
    var latencySample = 5_000

    @Option(help: "Files in the folder read as a directory of separate articles.")
    var files = 10_000

    @Option(help: "Runs of `quotectl extract` on one article for the cold start.")
    var coldRuns = 20

    @Flag(help: "Run the pathological inputs (each at a scale and at ten times it) instead.")
    var pathological = false

    func validate() throws {
        if megabytes < 1 { throw ValidationError("--megabytes must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if files < 1 { throw ValidationError("--files must be at least 1") }
        if latencySample < 1 || coldRuns < 1 { throw ValidationError("--latency-sample and --cold-runs must be at least 1") }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articles, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--articles \(articles): no such folder (run from the repository root, or pass --articles DIR)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try files.map { name in
            let path = articles + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path): cannot be read")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw ValidationError("\(path): not UTF-8 text (the bench articles must be UTF-8)")
            }
            return text
        }
        guard let firstArticle = files.first else { throw ValidationError("\(articles) holds no .txt article") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quotectl-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        line("machine: \(Machine.current.summary); load average \(Machine.loadAverage.map { fixed($0, 2) } ?? "?")")
        if let load = Machine.loadAverage, load > 0.5 {
            line("note: other programs are using the cores; wall-clock figures will be low")
        }
        if pathological {
            try runPathologies(texts, folder)
        } else {
            try runThroughput(texts, article: articles + "/" + firstArticle, folder)
        }
    }

    private func runThroughput(_ texts: [String], article: String, _ folder: String) throws {
        let executable = try selfPath()
        let corpus = try BenchCorpus.write(articles: texts, megabytes: megabytes, to: folder + "/corpus.jsonl")
        line("corpus: \(corpus.documents) documents, \(mb(corpus.textBytes)) MB of text (\(mb(corpus.fileBytes)) MB of JSONL) from \(texts.count) articles")
        let bench = Benchmark(corpus: corpus)

        let floor = try bench.floor()
        line("ICU floor, 1 thread (UTF-8→UTF-16, NFC, fr word + sentence breaks): \(rate(floor))")
        let one = try bench.pipeline(executable: executable, jobs: 1)
        let ratio = one.throughput.megabytesPerSecond / floor.megabytesPerSecond
        line("pipeline, --jobs 1: \(rate(one.throughput)), peak RSS \(mb(one.peakRSSBytes)) MB")
        let cores = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let all = try bench.pipeline(executable: executable, jobs: cores)
        let speedup = all.throughput.megabytesPerSecond / one.throughput.megabytesPerSecond
        line("pipeline, --jobs \(cores): \(rate(all.throughput)), peak RSS \(mb(all.peakRSSBytes)) MB")
        let cpuRatio = one.throughput.megabytesPerCPUSecond / floor.megabytesPerCPUSecond
        line("ratio pipeline/floor (1 job): \(fixed(ratio, 3)) by wall time, \(fixed(cpuRatio, 3)) by CPU time (target ≥ \(Benchmark.Target.floorRatio): \(verdict(ratio >= Benchmark.Target.floorRatio)))")
        line("speed-up with \(cores) jobs: \(fixed(speedup, 2))× (target ≥ \(Benchmark.Target.twoCoreSpeedup)× with 2 cores: \(verdict(speedup >= Benchmark.Target.twoCoreSpeedup)))")
        let folderCorpus = try BenchFolder.write(articles: texts, files: files, to: folder + "/files")
        let fromFiles = try Benchmark.pipeline(executable: executable, folder: folderCorpus, jobs: cores)
        line("pipeline over a folder of \(folderCorpus.files) files (\(mb(folderCorpus.textBytes)) MB), --jobs \(cores): \(rate(fromFiles.throughput)), peak RSS \(mb(fromFiles.peakRSSBytes)) MB")
        let peak = max(one.peakRSSBytes, all.peakRSSBytes, fromFiles.peakRSSBytes)
        line("peak RSS while streaming: \(mb(peak)) MB (target ≤ \(mb(Benchmark.Target.peakRSSBytes)) MB: \(verdict(peak <= Benchmark.Target.peakRSSBytes)))")
        let latency = try bench.latency(sample: latencySample)
        line("latency per article, 1 thread, \(latency.samples) articles: median \(ms(latency.median)) ms, p99 \(ms(latency.p99)) ms, max \(ms(latency.max)) ms")
        try coldStart(executable, article)
        // The founding example quotes speakers whose names the notes spell from Cyrillic.
        let seed = articles + "/" + Benchmark.foundingExample
        if FileManager.default.fileExists(atPath: seed) { try coldStart(executable, seed, note: " (speakers named in Cyrillic)") }
        if Benchmark.loadsSharedSwiftRuntime {
            line("note: this quotectl loads the Swift runtime and Foundation as shared libraries at each start (3 to 7 ms of a cold start on the project's machine); `swift build -c release --static-swift-stdlib` links them in")
        }
    }

    /// Times `quotectl extract` on `article` from spawn to exit and prints the line.
    private func coldStart(_ executable: String, _ article: String, note: String = "") throws {
        let cold = try Benchmark.coldStart(executable: executable, article: article, runs: coldRuns)
        line("cold start, quotectl extract \(article)\(note), \(cold.samples) runs: median \(ms(cold.median)) ms, p99 \(ms(cold.p99)) ms (target ≤ \(ms(Benchmark.Target.coldStartSeconds)) ms: \(verdict(cold.median <= Benchmark.Target.coldStartSeconds)))")
    }

    private func runPathologies(_ texts: [String], _ folder: String) throws {
        line("pathological inputs, whole pipeline on one thread; a linear pipeline takes about 10× longer at 10× the scale")
        for pathology in Pathology.standard(articles: texts) {
            let small = try pathology.measure(scale: pathology.scale, in: folder)
            let large = try pathology.measure(scale: pathology.scale * 10, in: folder)
            line("\(pathology.name): \(small.scale) \(pathology.unit) (\(mb(small.bytes)) MB) \(fixed(small.seconds, 3)) s, "
                 + "\(large.scale) \(pathology.unit) (\(mb(large.bytes)) MB) \(fixed(large.seconds, 3)) s, "
                 + "time ×\(fixed(large.seconds / small.seconds, 1)) for input ×\(fixed(Double(large.bytes) / Double(small.bytes), 1)); \(large.quotes) quotes")
        }
    }

    /// This executable, to run `quotectl extract` as a separate process.
    private func selfPath() throws -> String {
        guard let path = Bundle.main.executablePath else { throw ValidationError("cannot find the quotectl executable") }
        return path
    }

    private func line(_ text: String) {
        print(text)
        fflush(nil)
    }

    private func rate(_ t: Benchmark.Throughput) -> String {
        "\(fixed(t.megabytesPerSecond, 2)) MB/s, \(fixed(t.documentsPerSecond, 0)) docs/s (\(fixed(t.seconds, 2)) s; CPU \(fixed(t.cpuSeconds, 2)) s, \(fixed(t.megabytesPerCPUSecond, 2)) MB per CPU second)"
    }
    private func mb(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) }
    private func ms(_ seconds: Double) -> String { fixed(seconds * 1000, 2) }
    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func verdict(_ met: Bool) -> String { met ? "met" : "not met" }
}
