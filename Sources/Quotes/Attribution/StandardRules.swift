/// The standard order of attribution rules, most specific first: the first
/// rule that proposes a speaker decides (a sieve, after CoreNLP's quote
/// attribution, but with rules as values over an immutable context).
///
/// 1. `incise` — a cue right after the quote: `«…», a-t-il dit`, `«…», dit M. X`.
/// 2. `incise-inside` — `«A, a-t-il dit, B»`.
/// 3. `colon` — `X a déclaré : «…»`.
/// 4. `inverted-lede` — `…, a affirmé hier le ministre, X.` (indirect).
/// 5. `selon` — `selon X`, `d'après X`, `pour X,`.
/// 6. `cue-before` / `que-clause` / `attitude` — a cue earlier in the sentence; its subject.
/// 7. `next-sentence` — the speaker opens the next sentence with a speech verb.
/// 8. `previous-sentence` — no cue: the subject of the previous sentence's speech verb.
/// 9. `continuity` — no cue: the previous speaker goes on (`continuity-far` past a paragraph).
/// 10. `paragraph-subject` / `article-speaker` — no cue: whom the paragraph is about, or the article's main speaker.
public enum StandardRules {
    public static let all: [any AttributionRule] = [
        InciseRule(),
        InnerInciseRule(),
        ColonRule(),
        InvertedLedeRule(),
        PrepositionRule(),
        CueBeforeRule(),
        NextSentenceRule(),
        NameAfterQuoteRule(),
        PreviousSentenceRule(),
        ContinuityRule(),
        ParagraphSubjectRule(),
    ]
}
