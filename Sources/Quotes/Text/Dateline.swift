/// Finds a dateline or metadata prefix at the start of an article, so the
/// lede is read as a sentence of its own.
///
/// Recognised: a metadata field (` date 2020-12 La Russie…`,
/// `date: 2021-03-04 …`) and agency datelines (`LYON, 12 mars (AFP) - `,
/// `BRUXELLES — `, `MOSCOU (Reuters) – `).
enum Dateline {
    /// The working index where the body starts (0 when there is no prefix).
    static func bodyStart(in scalars: [Unicode.Scalar]) -> Int {
        let limit = min(scalars.count, 160)
        var i = 0
        while i < limit, CharacterClass.isSpace(scalars[i]) { i += 1 }
        if let end = metadataField(scalars, from: i, limit: limit) { return end }
        if let end = agencyDateline(scalars, from: i, limit: limit) { return end }
        return 0
    }

    /// `word[:] 2020-12[-31] ` — a lowercase key then a date.
    private static func metadataField(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        var i = start
        while i < limit, s[i].value >= 0x61, s[i].value <= 0x7A { i += 1 }
        guard i > start, i < limit else { return nil }
        if s[i] == ":" || s[i] == "=" { i += 1 }
        guard i < limit, s[i] == " " || s[i] == "\t" else { return nil }
        while i < limit, s[i] == " " || s[i] == "\t" { i += 1 }
        let dateStart = i
        var digits = 0, separators = 0
        while i < limit, CharacterClass.isDigit(s[i]) || s[i] == "-" || s[i] == "/" || s[i] == "." {
            if CharacterClass.isDigit(s[i]) { digits += 1 } else { separators += 1 }
            i += 1
        }
        guard digits >= 4, separators >= 1, i > dateStart, i < limit, CharacterClass.isSpace(s[i]) else { return nil }
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        return i
    }

    /// An uppercase place name, optional `, date` and `(AGENCY)`, then a dash.
    private static func agencyDateline(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        var i = start
        var letters = 0
        while i < limit, CharacterClass.isUppercase(s[i]) || s[i] == " " || s[i] == "-" || CharacterClass.isApostrophe(s[i]) {
            if CharacterClass.isUppercase(s[i]) { letters += 1 }
            i += 1
        }
        guard letters >= 2 else { return nil }
        // After the place: optional ", 12 mars" and "(AFP)" before a dash.
        var j = i
        while j < limit, !CharacterClass.isLineBreak(s[j]) {
            if CharacterClass.isDash(s[j]), j > start, CharacterClass.isSpace(s[j - 1]) || s[j - 1] == ")" {
                guard j + 1 < s.count, CharacterClass.isSpace(s[j + 1]) else { return nil }
                var k = j + 1
                while k < s.count, CharacterClass.isSpace(s[k]) { k += 1 }
                return k
            }
            // A dateline is short and holds no sentence punctuation.
            if s[j] == "." || s[j] == "«" || s[j] == "»" || s[j] == "\"" || j - i > 60 { return nil }
            j += 1
        }
        return nil
    }
}
