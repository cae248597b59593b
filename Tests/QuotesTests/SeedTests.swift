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
