import Foundation
import Quotes

/// What ICU alone costs to read a document, with no quote logic: UTF-8 to
/// UTF-16, the NFC check (and NFC when needed), French word breaks and
/// French sentence breaks. The pipeline cannot be faster than this; the
/// benchmark reports how close it gets.
///
/// ```swift
/// let floor = try ICUFloor()
/// let boundaries = try floor.read(utf8: Array("Il a dit «oui».".utf8))
/// ```
/// Owns ICU break iterators: one per thread.
public final class ICUFloor {
    private let words: BreakIterator
    private let sentences: BreakIterator

    public init() throws(ICUError) {
        words = try BreakIterator(.word, locale: "fr")
        sentences = try BreakIterator(.sentence, locale: "fr")
    }

    /// Reads one document; returns the number of word and sentence
    /// boundaries (so the work cannot be optimised away).
    /// - Complexity: O(n).
    public func read<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) throws(ICUError) -> Int {
        var units = try Transcoder.utf16(utf8: bytes)
        if try !Normalizer.nfc.isNormalized(units) {
            units = try Normalizer.nfc.normalize(units)
        }
        return try words.count(in: units) + sentences.count(in: units)
    }
}
