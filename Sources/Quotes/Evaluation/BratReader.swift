import Foundation

/// Reads brat standoff written by ``BratWriter`` (or edited in brat) back
/// into gold documents, checking every line: problems are reported as
/// `file.ann:line:column: what is wrong`, and the result is read back by
/// ``GoldReader`` like any gold file.
///
/// ```swift
/// let imported = try BratReader.importDirectory("brat/")
/// try GoldWriter.write(imported, to: "Corpus")
/// ```
public enum BratReader {
    private struct Entity { var type: String; var start: Int; var end: Int; var line: Int }
    private struct Reference { var name: String; var target: String; var value: String?; var line: Int; var column: Int }

    /// One document from its `.ann` text; `file` names it in errors.
    public static func read(ann: String, file: String, article: SourceText, doc: String, split: GoldDocument.Split,
                            domain: String) throws(GoldError) -> GoldDocument {
        var entities: [String: Entity] = [:]
        var entityOrder: [String] = []
        var relations: [(quote: String, mention: String, line: Int, column: Int)] = []
        var attributes: [Reference] = []
        var notes: [Reference] = []
        func fail(_ line: Int, _ column: Int, _ message: String) -> GoldError { GoldError(file: file, line: line, column: column, message: message) }

        for (index, raw) in ann.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let text = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if text.isEmpty { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let id = fields[0]
            let secondColumn = id.unicodeScalars.count + 2
            let words = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
            switch id.first {
            case "T":
                guard fields.count == 3, words.count >= 3 else { throw fail(line, 1, "expected ID<TAB>TYPE START END<TAB>TEXT") }
                guard entities[id] == nil else { throw fail(line, 1, "\(id) is defined twice") }
                let type = words[0]
                guard QuoteKind.allCases.map(BratWriter.entityType).contains(type) || type == BratWriter.mentionType else {
                    throw fail(line, secondColumn, "unknown entity type \"\(type)\" (expected \((QuoteKind.allCases.map(BratWriter.entityType) + [BratWriter.mentionType]).joined(separator: ", ")))")
                }
                let offsets = words.dropFirst().joined(separator: " ")
                var ranges: [Range<Int>] = []
                for fragment in offsets.split(separator: ";") {
                    let pair = fragment.split(separator: " ").compactMap { Int($0) }
                    guard pair.count == 2, pair[0] >= 0, pair[0] < pair[1], pair[1] <= article.count else {
                        throw fail(line, secondColumn + type.unicodeScalars.count + 1,
                                   "\"\(fragment)\" is not START END within the article (\(article.count) scalars)")
                    }
                    ranges.append(pair[0]..<pair[1])
                }
                let expected = ranges.map { article.text(SourceRange($0.lowerBound, $0.upperBound)) }.joined(separator: " ")
                guard expected == fields[2] else {
                    throw fail(line, secondColumn + fields[1].unicodeScalars.count + 1,
                               "text does not match the article, which has \"\(expected)\" there")
                }
                entities[id] = Entity(type: type, start: ranges[0].lowerBound, end: ranges[ranges.count - 1].upperBound, line: line)
                entityOrder.append(id)
            case "R":
                guard fields.count == 2, words.count == 3, words[0] == BratWriter.relationType,
                      words[1].hasPrefix("Arg1:"), words[2].hasPrefix("Arg2:") else {
                    throw fail(line, 1, "expected ID<TAB>\(BratWriter.relationType) Arg1:QUOTE Arg2:MENTION")
                }
                relations.append((String(words[1].dropFirst(5)), String(words[2].dropFirst(5)), line, secondColumn))
            case "A":
                guard fields.count == 2, (2...3).contains(words.count) else { throw fail(line, 1, "expected ID<TAB>NAME TARGET [VALUE]") }
                attributes.append(Reference(name: words[0], target: words[1], value: words.count == 3 ? words[2] : nil,
                                            line: line, column: secondColumn))
            case "#":
                guard fields.count == 3, words.count == 2 else { throw fail(line, 1, "expected ID<TAB>TYPE TARGET<TAB>TEXT") }
                notes.append(Reference(name: words[0], target: words[1], value: fields[2], line: line, column: secondColumn))
            default:
                throw fail(line, 1, "unknown annotation \"\(id)\" (expected a T, R, A or # line)")
            }
        }

        /// The quote entity `target` names, or an error at `reference`'s place.
        func quote(_ target: String, _ line: Int, _ column: Int) throws(GoldError) -> Entity {
            guard let entity = entities[target] else { throw fail(line, column, "no annotation \(target)") }
            guard entity.type != BratWriter.mentionType else { throw fail(line, column, "\(target) is a mention, not a quote") }
            return entity
        }

        var quotes: [String: GoldDocument.Quote] = [:]
        var translations: [String: (original: String?, via: [Int: String], quotedIn: String?, line: Int, column: Int)] = [:]
        for id in entityOrder where entities[id]!.type != BratWriter.mentionType {
            let entity = entities[id]!
            let kind = QuoteKind.allCases.first { BratWriter.entityType($0) == entity.type }!
            quotes[id] = GoldDocument.Quote(start: entity.start, end: entity.end, text: article.text(SourceRange(entity.start, entity.end)),
                                            kind: kind, speaker: nil, mentions: [], cue: nil, translation: nil, phenomena: [])
        }
        for note in notes {
            _ = try quote(note.target, note.line, note.column + note.name.unicodeScalars.count + 1)
            switch note.name {
            case "Speaker":
                guard quotes[note.target]!.speaker == nil else { throw fail(note.line, 1, "a second Speaker for \(note.target)") }
                quotes[note.target]!.speaker = note.value
            case "Cue":
                guard quotes[note.target]!.cue == nil else { throw fail(note.line, 1, "a second Cue for \(note.target)") }
                quotes[note.target]!.cue = note.value
            case "AnnotatorNotes": continue
            default: throw fail(note.line, note.column, "unknown note type \"\(note.name)\" (expected Speaker, Cue or AnnotatorNotes)")
            }
        }
        for attribute in attributes {
            let targetColumn = attribute.column + attribute.name.unicodeScalars.count + 1
            _ = try quote(attribute.target, attribute.line, targetColumn)
            if GoldReader.tags.contains(attribute.name) {
                let tag = attribute.name
                guard attribute.value == nil else { throw fail(attribute.line, attribute.column, "\(tag) takes no value") }
                quotes[attribute.target]!.phenomena.append(tag)
                continue
            }
            guard let value = attribute.value else { throw fail(attribute.line, attribute.column, "\(attribute.name) needs a value") }
            var facts = translations[attribute.target] ?? (nil, [:], nil, attribute.line, attribute.column)
            if attribute.name == "Original" {
                facts.original = value
            } else if attribute.name == "QuotedIn" {
                facts.quotedIn = value
            } else if attribute.name.hasPrefix("Via"), let k = Int(attribute.name.dropFirst(3)), k >= 1 {
                facts.via[k] = value
            } else {
                throw fail(attribute.line, attribute.column, "unknown attribute \"\(attribute.name)\" (expected Original, Via1…, QuotedIn or a phenomenon tag)")
            }
            translations[attribute.target] = facts
        }
        for (target, facts) in translations {
            guard let quotedIn = facts.quotedIn else { throw fail(facts.line, facts.column, "translation facts on \(target) without QuotedIn") }
            guard facts.via.keys.sorted() == Array(1..<(facts.via.count + 1)) else {
                throw fail(facts.line, facts.column, "the relays of \(target) must be numbered Via1, Via2, … without gaps")
            }
            quotes[target]!.translation = .init(original: facts.original, via: facts.via.keys.sorted().map { facts.via[$0]! }, quoted_in: quotedIn)
        }
        for relation in relations {
            _ = try quote(relation.quote, relation.line, relation.column)
            guard let mention = entities[relation.mention], mention.type == BratWriter.mentionType else {
                throw fail(relation.line, relation.column, "Arg2:\(relation.mention) is not a \(BratWriter.mentionType)")
            }
            quotes[relation.quote]!.mentions.append(.init(start: mention.start, end: mention.end,
                                                          text: article.text(SourceRange(mention.start, mention.end))))
        }
        for id in entityOrder {
            guard let quote = quotes[id] else { continue }
            let line = entities[id]!.line
            if quote.kind == .nonspeech {
                guard quote.speaker == nil else { throw fail(line, 1, "\(id): a Nonspeech quote has no Speaker note") }
                guard quote.mentions.isEmpty else { throw fail(line, 1, "\(id): a Nonspeech quote has no Said relation") }
            } else if quote.speaker == nil {
                throw fail(line, 1, "\(id): a \(BratWriter.entityType(quote.kind)) quote needs a Speaker note")
            }
        }
        let ordered = entityOrder.compactMap { quotes[$0] }.enumerated()
            .sorted { ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset) }.map(\.element)
        let gold = GoldDocument(schema: "quotectl-gold/1", doc: doc, split: split, domain: domain, quotes: ordered)
        // What was built must read as a gold file; a failure here is a bug of this reader, not of the .ann file.
        _ = try GoldReader.read(GoldWriter.serialize(gold), file: file + " (as gold)", article: article, stem: doc)
        return gold
    }

    /// Every `<id>.ann` of `directory` with its `<id>.txt`, split and domain from `documents.tsv`.
    public static func importDirectory(_ directory: String) throws(GoldError) -> [(gold: GoldDocument, article: SourceText)] {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let tableFile = path("documents.tsv")
        guard let table = try? String(contentsOfFile: tableFile, encoding: .utf8) else {
            throw GoldError(file: tableFile, line: 0, column: 0, message: "cannot read the file (doc, split and domain of each document)")
        }
        var meta: [String: (split: GoldDocument.Split, domain: String)] = [:]
        do {
            for row in try LexiconTable.rows(table, file: tableFile, columns: 3) {
                guard let split = GoldDocument.Split(rawValue: row.fields[1]) else {
                    throw GoldError(file: tableFile, line: row.line, column: 2, message: "split must be dev or test")
                }
                meta[row.fields[0]] = (split, row.fields[2])
            }
        } catch let error as LexiconError {
            throw GoldError(file: error.file, line: error.line, column: error.column ?? 1, message: error.message)
        } catch let error as GoldError {
            throw error
        } catch {
            throw GoldError(file: tableFile, line: 0, column: 0, message: "\(error)")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".ann") }.sorted()
        guard !names.isEmpty else { throw GoldError(file: directory, line: 0, column: 0, message: "no .ann files") }
        var documents: [(GoldDocument, SourceText)] = []
        for name in names {
            let doc = (name as NSString).deletingPathExtension
            let annFile = path(name), textFile = path(doc + ".txt")
            guard let facts = meta[doc] else {
                throw GoldError(file: tableFile, line: 0, column: 0, message: "no row for \(doc) (doc<TAB>split<TAB>domain)")
            }
            guard let textData = FileManager.default.contents(atPath: textFile) else {
                throw GoldError(file: textFile, line: 0, column: 0, message: "missing (every .ann needs its .txt)")
            }
            let article: SourceText
            do { article = try SourceText(utf8: [UInt8](textData)) } catch {
                throw GoldError(file: textFile, line: 0, column: 0, message: error.description)
            }
            guard let annData = FileManager.default.contents(atPath: annFile) else {
                throw GoldError(file: annFile, line: 0, column: 0, message: "cannot be read")
            }
            let ann = String(decoding: annData, as: UTF8.self)
            documents.append((try read(ann: ann, file: annFile, article: article, doc: doc, split: facts.split, domain: facts.domain), article))
        }
        return documents
    }
}
