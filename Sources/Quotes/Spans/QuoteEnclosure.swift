/// Which quote holds which. A quote in marks inside an indirect clause
/// (`Le maire a estimé que le projet était «mal ficelé»`) is a record of its
/// own, and says which record encloses it, so that counting utterances does
/// not count those words twice.
///
/// A clause does not end inside quotation marks: an indirect span that
/// stops within a quote it opened before is stretched to that quote's
/// closing mark (the sentence splitter may cut inside the marks).
///
/// ```swift
/// var spans = [indirect 10..<40, mixed with marks at 29 and 52]
/// QuoteEnclosure.resolve(&spans)   // [nil, 0]; spans[0].content == 10..<53
/// ```
/// - Complexity: O(n) in the number of spans.
public enum QuoteEnclosure {
    /// For each of `spans` (sorted by start), the index of the innermost
    /// other span whose extent contains its extent, or nil; indirect spans
    /// cut inside a quote are stretched first.
    public static func resolve(_ spans: inout [QuoteSpan]) -> [Int?] {
        var enclosedBy = [Int?](repeating: nil, count: spans.count)
        var holders: [Int] = []   // spans that may still hold the next ones, innermost last
        for i in spans.indices {
            let extent = spans[i].extent
            while let top = holders.last, spans[top].extent.upperBound <= extent.lowerBound { holders.removeLast() }
            if let top = holders.last, spans[top].open == nil, spans[i].open != nil,
               spans[top].content.lowerBound <= extent.lowerBound, spans[top].content.upperBound < extent.upperBound {
                spans[top].content = spans[top].content.lowerBound..<extent.upperBound
            }
            if let top = holders.last, spans[top].extent.lowerBound <= extent.lowerBound, extent.upperBound <= spans[top].extent.upperBound {
                enclosedBy[i] = top
            }
            holders.append(i)
        }
        return enclosedBy
    }
}
