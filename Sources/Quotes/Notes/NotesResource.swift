import Foundation

/// Reads a text data file of the `Quotes` bundle (`fr/translation-cues.tsv`,
/// `notes/country-languages.tsv`), for the tables of the translation notes.
///
/// ```swift
/// let (text, file) = try NotesResource.text("scene-cues", folder: "notes")
/// // file == "notes/scene-cues.tsv", the name its errors print
/// ```
enum NotesResource {
    /// The text of `folder/name.tsv` and the name its errors use.
    /// - Throws: ``LexiconError`` when the file is missing from the bundle.
    static func text(_ name: String, folder: String, extension ext: String = "tsv") throws(LexiconError) -> (text: String, file: String) {
        let file = "\(folder)/\(name).\(ext)"
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: folder)
                ?? Bundle.module.url(forResource: "\(folder)/\(name)", withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LexiconError(file: file, line: 0, column: nil, message: "missing from the Quotes bundle")
        }
        return (text, file)
    }
}
