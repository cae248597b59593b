/// Article text made fit for an HTML text node, one scalar for one scalar
/// (so offsets still line up); the template escapes it afterwards.
enum ReportText {
    /// `scalars` as a string, with every code point that HTML forbids in
    /// text — NUL and the other control characters but tab, line feed, form
    /// feed and carriage return, DEL, the C1 controls, and the
    /// noncharacters — replaced by U+FFFD, as a browser would show them.
    ///
    /// ```swift
    /// ReportText.displayable("a\u{0}b".unicodeScalars[...])   // "a\u{FFFD}b"
    /// ```
    static func displayable<S: Collection>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(scalars.count)
        for scalar in scalars {
            view.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(view)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFDD0...0xFDEF: return false
        case let v where v & 0xFFFE == 0xFFFE: return false   // U+FFFE, U+FFFF, U+1FFFE, …
        default: return true
        }
    }

    /// `text` cut to `limit` characters, with `…` when cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
