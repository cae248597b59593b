import Foundation

/// Starts loading the read-only resources that every ``QuoteExtractor``
/// shares — the lexicons, the language identifier's model and the
/// translation cues — on background threads, so that a process can parse
/// its arguments and open its inputs meanwhile.
///
/// Each resource is loaded once per process: a later
/// `FrenchLexicon.shared()` waits for the load in progress instead of
/// starting another, and a load that fails reports its error there, as if
/// nothing had been started.
///
/// ```swift
/// Preload.start()                         // returns at once
/// let extractor = try QuoteExtractor()    // waits for what is still loading
/// ```
public enum Preload {
    public static func start() {
        Thread.detachNewThread { _ = try? FrenchLexicon.shared() }
        Thread.detachNewThread {
            _ = try? LanguageIdentifier.bundled()
            _ = try? TranslationCues.bundled()
            _ = try? CountryLanguages.bundled()
            _ = try? LanguagePeriphrases.bundled()
            _ = try? Registry.bundled()
        }
    }
}
