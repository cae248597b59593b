import Foundation
import Testing

/// One French article (written for these tests) and the same text in the
/// character sets of press archives, encoded by Python's codecs — not by
/// ICU, which decodes them — so a test compares two independent readings.
enum EncodedArticle {
    /// The article: « » with no-break spaces, é è à ç ê ë î ô û, É À, œ and €,
    /// which windows-1252, ISO-8859-15 and Mac Roman all hold (at different
    /// bytes: œ is 9C, BD and CF), and straight apostrophes (ISO-8859-15 has no ’).
    static let text = """
        Quimperlé, le 3 mars. La municipalité a présenté mardi son budget pour l'année à venir, marqué par une hausse de 4 % des dépenses d'entretien des écoles.

        «\u{A0}Nous avons fait le choix de l'éducation, même si cela coûte cher\u{A0}», a déclaré la maire, Hélène Dufresne, devant le conseil municipal. Selon elle, la rénovation du groupe scolaire Jules-Ferry, estimée à 2,4 millions d'euros, «\u{A0}ne pouvait plus attendre\u{A0}».

        L'opposition a critiqué un projet qu'elle juge mal financé. «\u{A0}On nous présente une œuvre inachevée, sans plan précis pour les cinq prochaines années\u{A0}», a regretté Yves Le Bihan, conseiller d'opposition. Il a ajouté que la commune devrait «\u{A0}d'abord réparer la piscine, fermée depuis l'été dernier\u{A0}».

        Le premier adjoint, François Kerhervé, a répondu que les travaux de la piscine commenceraient en septembre. «\u{A0}Le chantier coûtera 800\u{A0}000\u{A0}€, et l'État en paiera le tiers\u{A0}», a-t-il précisé.

        À la sortie de la séance, quelques parents d'élèves se disaient soulagés. «\u{A0}C'est un vœu que nous formulions depuis des années\u{A0}», a confié Maëlle Guéguen, présidente de l'association des parents. «\u{A0}Nos enfants étudieront enfin dans des salles chauffées\u{A0}», a-t-elle ajouté, le cœur léger.

        Le budget a été adopté par vingt-trois voix contre six.

        """

    /// A way of writing the article: ICU's name for the character set,
    /// Python's codec, and whether a byte-order mark comes first.
    struct Form: Sendable, CustomStringConvertible {
        var charset: String
        var codec: String
        var byteOrderMark = false
        var description: String { charset + (byteOrderMark ? " with BOM" : "") }
        /// A file name that says the form.
        var fileName: String { "article-\(charset.lowercased())\(byteOrderMark ? "-bom" : "").txt" }
    }

    /// The forms the issue asks for.
    static let forms: [Form] = [
        Form(charset: "UTF-8", codec: "utf-8"),
        Form(charset: "windows-1252", codec: "cp1252"),
        Form(charset: "ISO-8859-15", codec: "iso8859_15"),
        Form(charset: "UTF-16LE", codec: "utf-16-le", byteOrderMark: true),
        Form(charset: "UTF-16BE", codec: "utf-16-be", byteOrderMark: true),
        Form(charset: "macintosh", codec: "mac_roman"),
    ]

    /// `texts[i]` encoded with `codecs[i]` by Python (a BOM is the text's own
    /// U+FEFF), in one run of `python3`.
    static func encode(_ texts: [String], _ codecs: [String]) throws -> [[UInt8]] {
        let request = try JSONSerialization.data(withJSONObject: zip(texts, codecs).map { [$0, $1] })
        let answer = try python("""
            import base64, json, sys
            pairs = json.load(sys.stdin)
            json.dump([base64.b64encode(text.encode(codec)).decode() for text, codec in pairs], sys.stdout)
            """, input: request)
        let encoded = try #require(try JSONSerialization.jsonObject(with: answer) as? [String])
        return try encoded.map { try #require(Data(base64Encoded: $0)).map { $0 } }
    }

    /// The article's bytes in `form`.
    static func bytes(_ form: Form) throws -> [UInt8] {
        try encode([(form.byteOrderMark ? "\u{FEFF}" : "") + text], [form.codec])[0]
    }

    /// Each file's bytes decoded by Python with `codecs[i]`, the text sliced
    /// at scalar offsets: Python's `bytes.decode(codec)[start:end]`.
    static func pythonSlices(_ files: [(bytes: [UInt8], codec: String, ranges: [Range<Int>])]) throws -> [[String]] {
        let request = try JSONSerialization.data(withJSONObject: files.map {
            [Data($0.bytes).base64EncodedString(), $0.codec, $0.ranges.map { [$0.lowerBound, $0.upperBound] }] as [Any]
        })
        let answer = try python("""
            import base64, json, sys
            out = []
            for data, codec, ranges in json.load(sys.stdin):
                text = base64.b64decode(data).decode(codec)
                out.append([text[start:end] for start, end in ranges])
            json.dump(out, sys.stdout)
            """, input: request)
        return try #require(try JSONSerialization.jsonObject(with: answer) as? [[String]])
    }

    /// Runs a Python program with `input` on its standard input; its standard output.
    static func python(_ program: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Write from another thread: a large answer must not block on a full pipe.
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed")
        return data
    }

    /// `text` in UTF-16LE without a byte-order mark.
    static func utf16LE(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }

    /// A fresh temporary folder.
    static func folder(_ name: String) throws -> URL {
        let folder = Support.scratch.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
