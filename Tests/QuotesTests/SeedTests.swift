import Foundation
import Testing
@testable import Quotes

/// The founding example: the ten guillemet spans of the seed, with exact offsets.
@Suite struct SeedTests {
    static let seed = Support.corpus.appendingPathComponent("articles/sotchi-2020-12.txt")

    @Test("the seed's ten guillemet spans, offsets and kinds")
    func seedSpans() throws {
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        let marked = try Support.quotes(text).filter { $0.span.open != nil }
        let expected: [(String, QuoteKind)] = [
            ("Nous avons confirmé avec la Turquie notre objectif mutuel de développer notre coopération technique militaire", .direct),
            ("poursuivre la coopération dans ce domaine, malgré la pression illégitime de Washington", .mixed),
            ("ces sanctions sont une attaque contre nos droits de souveraineté", .direct),
            ("Tout le monde doit savoir que ces sanctions ne feront pas reculer la Turquie d'un iota", .direct),
            ("souveraineté", .mixed),
            ("Nous ne renonçons pas à nos actions à cause de sanctions. Notre accord sur la livraison des S-400 est intervenu avant cette décision", .direct),
            ("Quel que soit le sujet, y compris le S-400, nous préférons régler les problèmes par le dialogue. Les Etats-Unis ont dit après les sanctions qu'ils étaient pour un dialogue", .direct),
            ("Aucun pays, personne, y compris Haftar, n'ont le droit d'affirmer que la Turquie doit s'en aller", .direct),
            ("sanctions occidentales", .mixed),
            ("guidés par leurs intérêts nationaux", .mixed),
        ]
        #expect(marked.count == expected.count)
        for (quote, (words, kind)) in zip(marked, expected) {
            #expect(quote.text == words)
            #expect(quote.span.kind == kind, "\(words)")
            // Offsets: the text found at the reported place of the original.
            #expect(text.scalars(quote.range.lowerBound.value, quote.range.upperBound.value) == words)
        }
        // Independent check of two offsets against a Python-style search.
        let scalars = Array(text.unicodeScalars)
        let first = try #require(marked.first)
        #expect(scalars[first.range.lowerBound.value - 1] == "«")
        #expect(scalars[first.range.upperBound.value] == "»")
    }

    @Test("every span of every corpus article reads back from the original")
    func corpusOffsets() throws {
        let extractor = try Support.extractor()
        for url in try Support.articles() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let text = String(decoding: bytes, as: UTF8.self)
            let result = try extractor.extract(id: url.lastPathComponent, source: SourceText(utf8: bytes))
            for quote in result.quotes {
                #expect(text.scalars(quote.range.lowerBound.value, quote.range.upperBound.value) == quote.text,
                        "\(url.lastPathComponent) quote \(quote.index)")
                if let cue = quote.cueRange, let cueText = quote.cueText {
                    #expect(text.scalars(cue.lowerBound.value, cue.upperBound.value) == cueText)
                }
                if let mention = quote.mentionRange, let mentionText = quote.mentionText {
                    #expect(text.scalars(mention.lowerBound.value, mention.upperBound.value) == mentionText)
                }
            }
        }
    }
}

/// The seed, attributed: every item of the founding example.
@Suite struct SeedAttributionTests {
    static func quotes() throws -> [ExtractedQuote] {
        try Support.quotes(try String(contentsOf: SeedTests.seed, encoding: .utf8))
    }

    @Test("each seed quote has its speaker", arguments: [
        ("La Russie et la Turquie vont poursuivre leur coopération militaire", QuoteKind.indirect, "Sergueï Lavrov", "sergey-lavrov"),
        ("Nous avons confirmé avec la Turquie", .direct, "Sergueï Lavrov", "sergey-lavrov"),
        ("poursuivre la coopération dans ce domaine", .mixed, "Sergueï Lavrov", "sergey-lavrov"),
        ("ces sanctions sont une attaque", .direct, "Mevlut Cavusoglu", "mevlut-cavusoglu"),
        ("Tout le monde doit savoir", .direct, "Mevlut Cavusoglu", "mevlut-cavusoglu"),
        ("souveraineté", .mixed, "Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Nous ne renonçons pas", .direct, "Mevlut Cavusoglu", "mevlut-cavusoglu"),
        ("Quel que soit le sujet", .direct, "Mevlut Cavusoglu", "mevlut-cavusoglu"),
        ("Aucun pays, personne, y compris Haftar", .direct, "Mevlut Cavusoglu", "mevlut-cavusoglu"),
        ("sanctions occidentales", .mixed, "Sergueï Lavrov", "sergey-lavrov"),
        ("guidés par leurs intérêts nationaux", .mixed, "Sergueï Lavrov", "sergey-lavrov"),
    ])
    func speaker(prefix: String, kind: QuoteKind, speaker: String, id: String) throws {
        let quote = try #require(try Self.quotes().first { $0.text.hasPrefix(prefix) && $0.span.kind == kind })
        #expect(quote.attribution.speaker?.name == speaker)
        #expect(quote.attribution.speaker?.id == id)
        #expect(quote.attribution.rule != nil)
        #expect(quote.attribution.confidence != nil)
    }

    @Test("«souveraineté» comes from an attitude cue, with lower confidence than a speech verb")
    func attitude() throws {
        let quotes = try Self.quotes()
        let erdogan = try #require(quotes.first { $0.text == "souveraineté" })
        let lavrov = try #require(quotes.first { $0.text.hasPrefix("Nous avons confirmé") })
        #expect(erdogan.cueText == "y a vu")
        #expect(erdogan.attribution.rule?.rawValue == "attitude")
        #expect(try #require(erdogan.attribution.confidence) < (try #require(lavrov.attribution.confidence)))
    }

    @Test("la Turquie a fait savoir qu'elle …: indirect, la Turquie")
    func turkey() throws {
        let quote = try #require(try Self.quotes().first { $0.text.hasPrefix("elle allait utiliser le système S-400") })
        #expect(quote.span.kind == .indirect)
        #expect(quote.attribution.speaker?.name == "la Turquie")
        #expect(quote.text.hasSuffix("de l'Otan"))
    }

    @Test("a speech verb with a plain object gives no quote")
    func plainObjects() throws {
        let quotes = try Self.quotes()
        #expect(!quotes.contains { $0.text.contains("des sanctions contre la Turquie, interdisant") })
        #expect(!quotes.contains { $0.text.contains("le soutien de la Turquie à la Libye") })
    }
}
