/// Renders a registry speaker's name as a fact-checker searches for it: the
/// native spelling, then ICU transliterations — the BGN/PCGN romanization
/// of the speaker's language when ICU has one (`ru-ru_Latn/BGN`,
/// `uk-uk_Latn/BGN`, `ka-ka_Latn/BGN`, `ar-ar_Latn/BGN`…), the scholarly
/// `Any-Latin`, and plain ASCII — then the registry's display name. A
/// rendering that leaves letters unromanized is dropped.
///
/// ```swift
/// let names = SpeakerNameRenderer()
/// names.render(lavrov)      // ["Сергей Лавров", "Sergey Lavrov", "Sergej Lavrov", "Sergueï Lavrov"]
/// names.render(cavusoglu)   // ["Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"]
/// ```
/// Latin names with diacritics get their ASCII spelling from normalization
/// (``Folding/asciiWithoutTransliterator(_:)``), so a renderer opens ICU
/// transliterators only for names that need them, on first use: one
/// renderer per worker. The bundled speakers whose names need them are
/// rendered ahead of time (``SpeakerRenderings``), so the translation notes
/// open none for those.
final class SpeakerNameRenderer {
    /// Transliterators by ICU id, opened on first use (nil when ICU has none).
    private var opened: [String: Transliterator?] = [:]
    /// Renderings by registry id, with the entry they are for: a speaker is
    /// usually quoted several times, and rendering is string work (ICU calls,
    /// folding) that gives the same names every time.
    private var rendered: [String: (entry: Registry.Entry, names: [String])] = [:]
    /// Spellings rendered ahead of time for the bundled speakers that need
    /// ICU (``SpeakerRenderings``): a renderer given them opens no
    /// transliterator for those speakers. Read on the first rendering, so
    /// a run that meets no registry speaker does not read them.
    private lazy var known: SpeakerRenderings? = loadKnown()
    private let loadKnown: () -> SpeakerRenderings?

    /// - Parameter known: gives the spellings rendered ahead of time, nil
    ///   for none (every name through ICU); called once, on first need.
    init(known: @escaping () -> SpeakerRenderings? = { nil }) {
        loadKnown = known
    }

    /// How many transliterators this renderer has opened.
    var openedTransliterators: Int { opened.values.filter { $0 != nil }.count }

    /// The spellings of `entry`, native first, without repeats.
    /// - Complexity: a dictionary look-up once `entry` has been rendered.
    func render(_ entry: Registry.Entry) -> [String] {
        if let cached = rendered[entry.id], cached.entry == entry { return cached.names }
        let names = known?.spellings(of: entry) ?? spellings(entry)
        rendered[entry.id] = (entry, names)
        return names
    }

    /// The spellings of `entry` through ICU (and ``Folding``), whatever ``known`` holds.
    func spellings(_ entry: Registry.Entry) -> [String] {
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, !names.contains(name) else { return }
            names.append(name)
        }
        let native = entry.native ?? entry.name
        add(native)
        let isLatin = Self.isLatin(native)
        // A name in kanji is romanized from its kana reading (ICU reads kanji as Chinese).
        let reading = entry.nativeReading ?? native
        if !isLatin, let language = entry.language, let bgn = bgn(for: language) { add(latin(try? bgn.apply(reading))) }
        if !isLatin { add(latin(try? transliterator("Any-Latin")?.apply(reading))) }
        add(latin(Folding.asciiWithoutTransliterator(native) ?? (try? transliterator("Any-Latin; Latin-ASCII")?.apply(native))))
        add(entry.name)
        return names
    }

    /// A rendering kept only when every letter is Latin (ICU leaves letters
    /// it cannot romanize, as in unvocalized Arabic); capitalized when the
    /// source script has no case (Georgian `ნინო` → `nino` → `Nino`).
    private func latin(_ rendering: String?) -> String? {
        guard let rendering, Self.isLatin(rendering) else { return nil }
        guard !rendering.unicodeScalars.contains(where: CharacterClass.isUppercase) else { return rendering }
        return try? transliterator("Any-Title")?.apply(rendering)
    }

    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x0250 || (0x1E00...0x1EFF).contains($0.value) || (0x02B0...0x02FF).contains($0.value) || !CharacterClass.isLetter($0) }
    }

    /// `xx-xx_Latn/BGN` for language `xx`, when ICU 72 ships it.
    private func bgn(for language: String) -> Transliterator? {
        transliterator("\(language)-\(language)_Latn/BGN")
    }

    /// The transliterator `id`, opened on first use; nil when ICU has none.
    private func transliterator(_ id: String) -> Transliterator? {
        if let cached = opened[id] { return cached }
        let transliterator = try? Transliterator(id)
        opened[id] = transliterator
        return transliterator
    }
}
