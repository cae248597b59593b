/// The article text cut into pieces of a well-nested HTML body: text runs,
/// and the opening and closing of the elements that mark quotes and their
/// evidence.
///
/// Quotes can nest (a mixed quote inside its indirect quote) and a piece of
/// evidence can lie inside a quote or straddle its end; HTML elements cannot
/// cross. A marker that would cross another is closed and opened again
/// around it, so one marker may become several elements ("fragments"); only
/// the first is ``Opening/isFirst``.
///
/// ```swift
/// let pieces = TextMarkup.pieces(count: 5, markers: [Marker(role: .quote, range: 1..<4, quotes: [0])])
/// // [.text(0..<1), .open(quote 0), .text(1..<4), .close(quote 0), .text(4..<5)]
/// ```
/// - Complexity: O((n + m log m) · d) for n scalars, m markers and at most d
///   markers over one scalar (a handful in practice).
enum TextMarkup {
    /// What a marker stands for; quotes go outside the evidence they hold.
    enum Role: Int, Comparable, Sendable {
        case quote, mention, cue, translationCue

        static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
    }

    /// A stretch of the text to mark, in Unicode scalar offsets of the original.
    struct Marker: Equatable, Sendable {
        var role: Role
        var range: Range<Int>
        /// The quotes it belongs to, in order: one for a quote, every quote a
        /// piece of evidence serves.
        var quotes: [Int]
    }

    struct Opening: Equatable, Sendable {
        var marker: Marker
        /// The marker's first element (later ones continue it).
        var isFirst: Bool
    }

    enum Piece: Equatable, Sendable {
        case text(Range<Int>)
        case open(Opening)
        case close(Marker)
    }

    /// Pieces covering `0..<count` in order; markers outside the text are
    /// clipped, empty ones dropped, and evidence markers with the same role
    /// and range merged.
    static func pieces(count: Int, markers: [Marker]) -> [Piece] {
        let markers = merged(markers.compactMap { clip($0, count) })
        // Starts and ends, so that the sweep opens and closes markers in one pass.
        var starts: [Int: [Int]] = [:]
        var boundaries = Set([0, count])
        for (k, marker) in markers.enumerated() {
            starts[marker.range.lowerBound, default: []].append(k)
            boundaries.insert(marker.range.lowerBound)
            boundaries.insert(marker.range.upperBound)
        }
        let cuts = boundaries.sorted()
        var pieces: [Piece] = []
        var open: [Int] = []        // marker indices, outermost first
        var active: [Int] = []      // markers over the current stretch, in nesting order
        var opened = Set<Int>()
        for (i, start) in cuts.dropLast().enumerated() {
            let end = cuts[i + 1]
            active.removeAll { markers[$0].range.upperBound <= start }
            for k in starts[start] ?? [] {
                let at = active.firstIndex { nests(markers[$0], inside: markers[k]) } ?? active.count
                active.insert(k, at: at)
            }
            // Keep what is already open and agrees with the new stack; close the rest.
            var common = 0
            while common < open.count, common < active.count, open[common] == active[common] { common += 1 }
            while open.count > common { pieces.append(.close(markers[open.removeLast()])) }
            for k in active[common...] {
                pieces.append(.open(Opening(marker: markers[k], isFirst: opened.insert(k).inserted)))
                open.append(k)
            }
            pieces.append(.text(start..<end))
        }
        while let k = open.popLast() { pieces.append(.close(markers[k])) }
        return pieces
    }

    /// Whether `inner` goes inside `outer` when both cover a stretch: a
    /// quote goes outside evidence; otherwise the one that starts later, then
    /// the shorter, goes inside (so a cue that holds its mention, `a-t-il
    /// dit`, stays one element), then by role and quote.
    static func nests(_ inner: Marker, inside outer: Marker) -> Bool {
        if (inner.role == .quote) != (outer.role == .quote) { return outer.role == .quote }
        if inner.range.lowerBound != outer.range.lowerBound { return inner.range.lowerBound > outer.range.lowerBound }
        if inner.range.upperBound != outer.range.upperBound { return inner.range.upperBound < outer.range.upperBound }
        if inner.role != outer.role { return inner.role > outer.role }
        return (inner.quotes.first ?? 0) > (outer.quotes.first ?? 0)
    }

    private static func clip(_ marker: Marker, _ count: Int) -> Marker? {
        let lower = max(0, min(count, marker.range.lowerBound))
        let upper = max(lower, min(count, marker.range.upperBound))
        guard upper > lower else { return nil }
        var marker = marker
        marker.range = lower..<upper
        return marker
    }

    /// One evidence marker per role and range, serving every quote that cites it.
    private static func merged(_ markers: [Marker]) -> [Marker] {
        var result: [Marker] = []
        var seen: [String: Int] = [:]
        for marker in markers {
            guard marker.role != .quote else { result.append(marker); continue }
            let key = "\(marker.role.rawValue):\(marker.range.lowerBound):\(marker.range.upperBound)"
            if let k = seen[key] {
                result[k].quotes += marker.quotes.filter { !result[k].quotes.contains($0) }
            } else {
                seen[key] = result.count
                result.append(marker)
            }
        }
        return result
    }
}
