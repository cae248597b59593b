import Foundation
import Quotes

/// An input built to find a step that is not linear: the benchmark runs it
/// at a scale and at ten times that scale, and a linear pipeline takes
/// about ten times longer.
///
/// ```swift
/// let nested = Pathology.standard(articles: texts)[2]   // quotes nested 1 000, then 10 000 deep
/// let input = nested.make(nested.scale)                  // «a «a «a … » » », a dit M. Dupont.
/// ```
public struct Pathology: Sendable {
    public let name: String
    /// The smaller scale; the benchmark also runs ten times it.
    public let scale: Int
    /// What the scale counts.
    public let unit: String
    /// A single-line document goes through JSONL (the line reader is part of the test).
    public let input: InputFormat
    /// The document at a scale.
    public let make: @Sendable (Int) -> String

    /// The set the issue asks for: a 100 MB single-line document, 100 000
    /// unbalanced «, quotes nested 10 000 deep, a million quote marks,
    /// 30 000 quotes with pronoun incises in one paragraph and very long
    /// names — each at a tenth of that too.
    public static func standard(articles: [String]) -> [Pathology] {
        let flat = articles.joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
        return [
            Pathology(name: "single-line document", scale: 10, unit: "MB", input: .jsonl) { megabytes in
                var text = ""
                text.reserveCapacity(megabytes * 1_000_000 + flat.utf8.count)
                while text.utf8.count < megabytes * 1_000_000 { text += flat; text += " " }
                return JSONValue.object([("id", .string("single-line")), ("text", .string(text))]).serialized() + "\n"
            },
            Pathology(name: "unbalanced «", scale: 10_000, unit: "marks", input: .text) { count in
                String(repeating: "«Non, a-t-il dit ", count: count)
            },
            Pathology(name: "nested quotes", scale: 1_000, unit: "levels", input: .text) { depth in
                String(repeating: "«a ", count: depth) + "b" + String(repeating: " »", count: depth) + ", a dit M. Dupont."
            },
            Pathology(name: "quote marks", scale: 100_000, unit: "marks", input: .text) { marks in
                let pairs = ["«a» ", "“b” ", "\"c\" ", "‹d› "]
                return (0..<marks / 2).map { pairs[$0 % pairs.count] }.joined() + "a dit M. Dupont."
            },
            Pathology(name: "pronoun incises", scale: 3_000, unit: "quotes", input: .text) { quotes in
                // One paragraph: each pronoun looks back for its antecedent, and "il" finds none.
                "Mme Dupont est arrivée. " + (0..<quotes).map { $0 % 2 == 0 ? "«Nous irons», a-t-elle ajouté. " : "«Encore», a-t-il dit. " }.joined()
            },
            Pathology(name: "long name", scale: 1_000, unit: "words", input: .text) { words in
                let parts = ["Jean", "Van", "Der", "Kowalczyk", "Émile", "Ó", "Nguyen", "Al-Rashid"]
                let name = (0..<words).map { parts[$0 % parts.count] }.joined(separator: " ")
                return "«Oui», a dit M. \(name). «Non», a répondu \(name)."
            },
        ]
    }

    /// One measurement: the input size and how long the pipeline took.
    public struct Timing: Sendable {
        public var scale: Int
        public var bytes: Int
        public var seconds: Double
        public var quotes: Int
    }

    /// Runs the whole pipeline (reading, every stage, JSONL rendering) on one
    /// thread over the document at `scale`, written to a file in `folder`.
    public func measure(scale: Int, in folder: String) throws -> Timing {
        let path = folder + "/pathology-\(name.filter { $0.isLetter })-\(scale)." + (input == .jsonl ? "jsonl" : "txt")
        let text = make(scale)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let run = ExtractionRun(options: .init(input: input))
        let clock = ContinuousClock()
        let start = clock.now
        var failure: InputError?
        let summary = try run.run(paths: [path], format: .jsonl, jobs: 1, output: { _ in true }, report: { failure = $0 })
        let elapsed = clock.now - start
        if let failure { throw BenchError("\(name): \(failure)") }
        return Timing(scale: scale, bytes: text.utf8.count, seconds: elapsed.seconds, quotes: summary.quotes)
    }
}
