/// The colours that tell speakers apart in a report.
///
/// Paul Tol's "light" scheme (https://personal.sron.nl/~pault/, 2021): eight
/// pale colours made to fill cells that carry dark text, that stay distinct
/// for the common forms of colour blindness and in grey print. Pale grey,
/// the scheme's ninth colour, is kept for what has no speaker (titles and
/// names in marks, unattributed quotes). Past eight speakers the colours come
/// round again; every quote also carries its speaker's number, so colour is
/// never the only clue.
public enum SpeakerPalette {
    /// Fills in the order speakers get them: light blue, orange, light
    /// yellow, pink, light cyan, mint, pear, olive.
    public static let fills = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"]
    /// The fill of quotes without a speaker.
    public static let neutral = "#DDDDDD"

    /// The CSS class of the `n`th speaker (0-based), or of no speaker.
    static func colourClass(_ n: Int?) -> String {
        guard let n else { return "cn" }
        return "c\(n % fills.count)"
    }

    /// One CSS rule per colour, for the page's style sheet.
    static var rules: [ColourRule] {
        fills.enumerated().map { ColourRule(className: colourClass($0.offset), fill: $0.element) }
            + [ColourRule(className: colourClass(nil), fill: neutral)]
    }

    struct ColourRule: Sendable {
        let className: String
        let fill: String
    }
}
