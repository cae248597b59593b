/// Carries what the text says about a speech from one quote to the same
/// speaker's other quotes: the scene of the speech.
///
/// ```text
/// C'est en polonais que la ministre s'est exprimée.   ← a scene: pl
/// «…», a-t-elle dit.                                  ← pl (carried)
/// «…», a ajouté le ministre letton.                   ← another speaker: the scene ends
/// ```
/// A cue speaks for its own quotes (``TranslationCueAssigner``). It goes on
/// to the speaker's later quotes, until someone else is quoted or the text
/// names another language, when it sets a scene: a sentence that quotes
/// nothing (its language, relay and interpreter alike), or a language stated
/// for a quote printed in French (`«…», a déclaré X en anglais`: X went on in
/// English). A relay or an interpreter stated for one quote stays with it (and
/// with the speaker's direct quote in the very next sentence, the rest of the
/// same answer), and
/// a word printed in the language named (`«Wahnsinn!», a-t-il lâché en
/// allemand`) sets no scene. A cue that describes the whole occasion (`qui
/// s'exprimait en anglais`, or a scene sentence after the quotes: `Ses propos
/// sont traduits en anglais.`) also reaches back to the speaker's earlier
/// quotes, as far as someone else's quote or a quote with a language of its
/// own. A relay or an interpreter goes only to quotes in marks, never to the
/// narrator's paraphrase, and not to a quote attributed by no cue
/// (continuity) in another paragraph: it may be someone else's.
///
/// Two facts are carried apart: the language spoken, and the translation
/// (a relay or an interpreter). A quote's own cue of one kind replaces
/// the scene's cue of that kind only.
struct TranslationScenes {
    typealias Occurrence = TranslationCueFinder.Occurrence

    /// What a cue says, for carrying: the language spoken, or how the words were translated.
    enum Fact: CaseIterable { case language, translation }

    /// Cue lists by fact: the two facts' lists side by side, where a
    /// dictionary by fact cost a table and a hash for every quote.
    struct FactLists {
        var language: [Int]? = nil
        var translation: [Int]? = nil

        subscript(fact: Fact) -> [Int]? {
            get { fact == .language ? language : translation }
            set { if fact == .language { language = newValue } else { translation = newValue } }
        }

        var isEmpty: Bool { language == nil && translation == nil }

        /// No list.
        init() {}

        /// The cues of `cues` grouped by their fact, each list in the order of `cues` (as
        /// `Dictionary(grouping:by:)` groups them); cues of no fact left out.
        init(_ cues: [Int], fact: (Int) -> Fact?) {
            for k in cues {
                switch fact(k) {
                case .language?: if language == nil { language = [k] } else { language!.append(k) }
                case .translation?: if translation == nil { translation = [k] } else { translation!.append(k) }
                case nil: break
                }
            }
        }

        /// Every cue of both lists.
        var all: [Int] { (language ?? []) + (translation ?? []) }
    }

    static func fact(of role: TranslationCues.Role) -> Fact? {
        switch role {
        case .spoken, .scene, .spokenNear, .printed, .switch: .language
        case .relay, .translated: .translation
        case .reported: nil
        }
    }

    /// For each quote, the cues that speak for it: its own, then those its scene carries, in text order.
    /// - Parameter printedIn: whether quote `i` is printed in language `code` (asked only for quotes with a language cue).
    static func cues(found: [Occurrence], assignment: TranslationCueAssigner.Assignment, decisions: [Candidate?],
                     context: AttributionContext, printedIn: (Int, String) -> Bool) -> [[Int]] {
        let quotes = context.quotes
        var result = assignment.owned
        guard !found.isEmpty else { return result }

        // Scenes and quotes in text order (a scene before a quote at the same place).
        enum Event { case scene(Int), quote(Int) }
        var events: [(position: Int, order: Int, event: Event)] = []
        for (s, scene) in assignment.scenes.enumerated() { events.append((scene.start, 0, .scene(s))) }
        // A speaker seen only as a lone capitalised word may be no speaker at all: it neither ends nor takes a scene.
        let entities = context.entities.entities
        for i in quotes.indices where quotes[i].kind != .nonspeech {
            guard let decision = decisions[i], !entities[decision.entity].isWeak else { continue }
            events.append((context.contentStart(i), 1, .quote(i)))
        }
        events.sort { ($0.position, $0.order) < ($1.position, $1.order) }

        func split(_ cues: [Int]) -> FactLists {
            FactLists(cues) { fact(of: found[$0].role) }
        }
        /// The cues of quote `i`'s own act that go on to the speaker's later
        /// quotes: the language of a quote printed in French. A relay or an
        /// interpreter named for one quote stays with it.
        func forward(_ cues: [Int], quote i: Int) -> [Int] {
            cues.filter { k in
                switch found[k].role {
                case .spoken, .scene, .spokenNear, .switch: !printedIn(i, found[k].language ?? "")
                case .relay, .translated, .printed, .reported: false
                }
            }
        }
        /// The cues that reach back to earlier quotes: a whole occasion, not one
        /// utterance (`qui s'exprimait en anglais`); a scene's relay too.
        func backward(_ cues: [Int], scene: Bool) -> [Int] {
            cues.filter { scene ? [.spoken, .scene, .relay, .translated].contains(found[$0].role) : found[$0].role == .scene }
        }
        let document = context.document
        func paragraph(_ position: Int) -> Int { document.sentences[context.sentence(ofContent: position)].paragraph }

        /// Whether two entities are one speaker: the same, or a bare role
        /// (`le président`) and a named person who holds it (`Xi Jinping`, président).
        func same(_ a: Int?, _ b: Int) -> Bool {
            guard let a else { return false }
            if a == b { return true }
            // Fields read in place: a copy of an entity retains and releases each of its fields.
            func bareRole(_ e: Int) -> Bool { entities[e].kind == .person && entities[e].names.isEmpty && !entities[e].roles.isEmpty }
            func within(_ x: Int, _ y: Int) -> Bool { entities[x].roles.allSatisfy { entities[y].hasRole($0) } }
            return (bareRole(a) && !bareRole(b) && within(a, b)) || (bareRole(b) && !bareRole(a) && within(b, a))
        }

        var inherited = [FactLists](repeating: FactLists(), count: quotes.count)
        for direction in [true, false] {
            var speaker: Int? = nil
            var state = FactLists()
            var lastParagraph = -1
            // A relay stated for one quote, for the speaker's direct quote in the very next sentence
            // (`«…», a-t-il ajouté, selon une traduction en anglais. «…»`): the same answer, cut in two.
            var relay: (cues: [Int], sentence: Int)? = nil
            for (position, _, event) in direction ? events : events.reversed() {
                switch event {
                case .scene(let s):
                    let scene = assignment.scenes[s]
                    relay = nil
                    if !same(speaker, scene.entity) { state = FactLists() }
                    speaker = scene.entity
                    let cues = direction ? scene.cues : backward(scene.cues, scene: true)
                    let lists = split(cues)
                    for fact in Fact.allCases { if let list = lists[fact] { state[fact] = list } }
                case .quote(let i):
                    let decision = decisions[i]!
                    if !same(speaker, decision.entity) { state = FactLists(); relay = nil }
                    speaker = decision.entity
                    // A quote attributed by no cue, in another paragraph, may be someone else's: it takes no relay.
                    let sure = decision.cue != nil || paragraph(position) == lastParagraph
                    let own = split(result[i])
                    if direction {
                        let sentences = document.sentenceIndex(at: quotes[i].extent.lowerBound)...document.sentenceIndex(at: max(quotes[i].extent.lowerBound, quotes[i].extent.upperBound - 1))
                        if own[.translation] == nil, let (cues, sentence) = relay, quotes[i].kind == .direct,
                           sentences.lowerBound <= sentence + 1, inherited[i][.translation] == nil {
                            inherited[i][.translation] = cues
                        }
                        relay = own[.translation].map { ($0, sentences.upperBound) } ?? inherited[i][.translation].flatMap { relay == nil ? nil : ($0, sentences.upperBound) }
                    }
                    for fact in Fact.allCases {
                        if let list = own[fact] {
                            let carried = direction ? forward(list, quote: i) : backward(list, scene: false)
                            if !carried.isEmpty { state[fact] = carried } else if !direction, fact == .language { state[fact] = nil }
                        } else if let list = state[fact], inherited[i][fact] == nil,
                                  // A relay or an interpreter is about words in marks, not the narrator's paraphrase.
                                  fact == .language || (sure && quotes[i].open != nil) {
                            inherited[i][fact] = list
                        }
                    }
                }
                lastParagraph = paragraph(position)
            }
        }
        for i in quotes.indices where !inherited[i].isEmpty {
            result[i] = (result[i] + inherited[i].all).sorted()
        }
        return result
    }
}
