/// Groups mentions into entities: names by folded full name or surname
/// (`M. Lavrov` = `Sergueï Lavrov`), appositions in both orders
/// (`Le ministre …, Mevlut Cavusoglu,` and `Sergueï Lavrov, chef de …`),
/// a role next to a name (`le président Vladimir Poutine`), roles reused
/// later (`le responsable russe` → the Russian already introduced),
/// organisations by name, and registry facts.
///
/// Not thread-safe (it folds names with an ICU transliterator): one per worker.
public final class EntityResolver {
    let lexicon: FrenchLexicon
    let registry: Registry
    let folding: Folding

    public init(lexicon: FrenchLexicon, registry: Registry, folding: Folding) {
        self.lexicon = lexicon
        self.registry = registry
        self.folding = folding
    }

    /// Lookups built while resolving, so that each mention costs about the same
    /// whatever the length of the document.
    struct Lookups {
        var organisations: [String: Int] = [:]
        var personNames: [String: Int] = [:]
        var surnames: [String: [Int]] = [:]
        var words: [String: [Int]] = [:]
        var registryIDs: [String: Int] = [:]
        /// Entity indices, most recently mentioned last (bounded): read from the end,
        /// most recent first. Kept in this order, a mention of the entity just
        /// mentioned, or of one mentioned lately, moves few indices.
        var recent: [Int] = []

        /// Empties the tables for the next document, keeping their room
        /// (a worker resolves document after document: the tables need not
        /// grow again from nothing each time), unless a document made them
        /// large, so that one long document does not hold memory for the rest.
        mutating func reset() {
            let keep = organisations.count + personNames.count + surnames.count + words.count + registryIDs.count <= 4096
            organisations.removeAll(keepingCapacity: keep)
            personNames.removeAll(keepingCapacity: keep)
            surnames.removeAll(keepingCapacity: keep)
            words.removeAll(keepingCapacity: keep)
            registryIDs.removeAll(keepingCapacity: keep)
            recent.removeAll(keepingCapacity: true)
        }

        mutating func touch(_ e: Int) {
            // Mentioned again straight away (a name and its apposed role): already the most recent.
            if recent.last == e { return }
            if let at = recent.lastIndex(of: e) { recent.remove(at: at) }
            recent.append(e)
            if recent.count > 64 { recent.removeFirst() }
        }
    }

    private var lookups = Lookups()

    public func resolve(_ mentions: [Mention], in document: Document) -> EntityTable {
        // Worked on as a local (moved out and back, no copy): a variable
        // property of a class is checked for exclusive access at every use.
        var lookups = Lookups()
        swap(&lookups, &self.lookups)
        defer { swap(&lookups, &self.lookups) }
        lookups.reset()
        // The tables grow with the distinct names, not with the mentions: a
        // long document names the same people again and again (sized by its
        // name mentions, they took 6 MB of a 10 MB single-line document).
        var entities: [Entity] = []
        var entityOf = [Int?](repeating: nil, count: mentions.count)
        // The complement of each role phrase, computed once when first asked (`l'avocate de la victime` → `la victime`).
        var complements = Complements(count: mentions.count)

        func link(_ k: Int, _ e: Int) {
            entityOf[k] = e
            // A new entity's first mention: an array made for it, not an empty one grown.
            if entities[e].mentions.isEmpty { entities[e].mentions = [k] } else { entities[e].mentions.append(k) }
            lookups.touch(e)
            // Fields read in place: a copy of a mention retains and releases each of its fields.
            if !mentions[k].roles.isEmpty { entities[e].addRoles(mentions[k].roles) }
            if entities[e].country == nil { entities[e].country = mentions[k].country }
            if entities[e].gender == .unknown { entities[e].gender = mentions[k].gender }
            if mentions[k].kind == .name, !mentions[k].isWeak { entities[e].isWeak = false }
            if mentions[k].kind == .role { entities[e].isWeak = false }
        }

        /// Whether mention k stands alone in parentheses.
        func isParenthesised(_ k: Int) -> Bool {
            let keys = document.contentKeys
            let before = mentions[k].content.lowerBound - 1, after = mentions[k].content.upperBound
            return before >= 0 && after < keys.count && keys[before].equalsASCII("(") && keys[after].equalsASCII(")")
        }

        /// Whether mentions a and b are in apposition: adjacent, or separated
        /// by one comma, past a parenthesis (`… de la santé (OMS), Ingrid Solberg`),
        /// on one line (a headline's role is not the next paragraph's subject).
        func apposed(_ a: Int, _ b: Int) -> Bool {
            let keys = document.contentKeys
            let gap = mentions[a].range.upperBound..<max(mentions[a].range.upperBound, mentions[b].range.lowerBound)
            if document.text.scalars[gap].contains(where: CharacterClass.isLineBreak) { return false }
            var i = mentions[a].content.upperBound
            let end = mentions[b].content.lowerBound
            if i < end, keys[i].equalsASCII("(") {
                while i < end, !keys[i].equalsASCII(")"), i - mentions[a].content.upperBound < 6 { i += 1 }
                guard i < end, keys[i].equalsASCII(")") else { return false }
                i += 1
            }
            if i == end { return true }
            return i + 1 == end && keys[i].equalsASCII(",")
        }

        /// Whether mention k is the object of a preposition ("de Draguignan", "à Nogent").
        func governed(_ k: Int) -> Bool {
            let before = mentions[k].content.lowerBound - 1
            guard before >= 0 else { return false }
            return lexicon.isFunction(lexicon.word(before, of: document), .preposition)
                || KeyList.contractedPrepositions.contains(document.contentKeys[before])
        }

        for k in mentions.indices {
            // Fields read in place: a copy of a mention retains and releases each of its fields.
            switch mentions[k].kind {
            case .pronoun:
                continue
            case .name:
                let e = entityForName(k, mentions, &entities, &lookups)
                link(k, e)
                // Roles just before, in a chain of appositions ("le président Vladimir Poutine",
                // "La présidente du jury, la comédienne britannique Harriet Colley").
                var r = k - 1
                var next = k
                // Skip a mention in parentheses: "… de la santé (OMS), Ingrid Solberg".
                if r >= 1, isParenthesised(r) { r -= 1 }
                while r >= 0, mentions[r].kind == .role, entityOf[r] == nil || isProvisional(r, entities, entityOf),
                      apposed(r, next), !mentions[r].insideQuote || mentions[k].insideQuote {
                    reassign(r, to: e, &entities, &entityOf, mentions)
                    next = r
                    r -= 1
                }
            case .role:
                // A name right after, possibly past another role: the name's entity (assigned when the name comes).
                if k + 1 < mentions.count, mentions[k + 1].kind == .name || mentions[k + 1].kind == .role, apposed(k, k + 1) {
                    entities.append(provisional(k, mentions))
                    link(k, entities.count - 1)
                    continue
                }
                // A role right after a name: "Sergueï Lavrov, chef de la diplomatie russe".
                // Not after a place governed by a preposition: "Tribunal de Draguignan, juge unique".
                if k > 0, mentions[k - 1].kind == .name, apposed(k - 1, k), let e = entityOf[k - 1], !governed(k - 1) {
                    link(k, e)
                    continue
                }
                if let e = antecedent(for: k, entities, mentions, complements: &complements, lookups) {
                    link(k, e)
                } else {
                    entities.append(provisional(k, mentions))
                    link(k, entities.count - 1)
                }
            case .organisation:
                let key = Self.withoutArticle(folding.key(mentions[k].text))
                if let e = lookups.organisations[key] {
                    link(k, e)
                } else if let e = organisationAntecedent(for: k, entities, mentions, lookups) {
                    // "L'organisation appelle …" after "le Bureau européen des consommateurs".
                    link(k, e)
                } else {
                    entities.append(Entity(kind: .organisation, display: mentions[k].text, displayWeight: 0, gender: mentions[k].gender,
                                           number: mentions[k].number, roles: Entity.distinct(mentions[k].roles), country: mentions[k].country, registry: nil,
                                           surname: nil, names: [key], mentions: [], isWeak: false))
                    lookups.organisations[key] = entities.count - 1
                    link(k, entities.count - 1)
                }
            case .unnamed:
                entities.append(Entity(kind: .unnamed, display: mentions[k].text, displayWeight: 0, gender: mentions[k].gender,
                                       number: mentions[k].number, roles: Entity.distinct(mentions[k].roles), country: mentions[k].country, registry: nil,
                                       surname: nil, names: [], mentions: [], isWeak: false))
                link(k, entities.count - 1)
            }
        }
        headlineRoles(mentions, in: document, &entities, &entityOf)
        return EntityTable(entities: entities, entityOf: entityOf)
    }

    /// How many paragraphs after the headline the person a headline role
    /// stands for must be named in.
    static let headlineReach = 3

    /// A role in the headline names someone the article names only later:
    /// `«La saison est perdue», soupire le maire` then `le maire de Lorient,
    /// Yann Ferrand`. A person entity known only by roles whose first mention
    /// is in the first paragraph joins the first named person, introduced in
    /// the next ``headlineReach`` paragraphs, who carries the same title and
    /// agrees in gender and number.
    private func headlineRoles(_ mentions: [Mention], in document: Document, _ entities: inout [Entity], _ entityOf: inout [Int?]) {
        // A headline is short: this bounds the work whatever the document.
        guard document.paragraphs.count > 1, document.paragraphs[0].range.count <= 400 else { return }
        func paragraph(_ k: Int) -> Int { document.paragraphIndex(at: mentions[k].range.lowerBound) }
        for k in mentions.indices where mentions[k].kind == .role && !mentions[k].insideQuote {
            guard paragraph(k) == 0 else { break }
            guard let p = entityOf[k], entities[p].names.isEmpty, entities[p].kind == .person, entities[p].mentions.first == k,
                  let head = mentions[k].roles.first, !lexicon.genericRoles.contains(head) else { continue }
            var target: Int? = nil
            for j in (k + 1)..<mentions.count {
                let here = paragraph(j)
                if here > Self.headlineReach { break }
                guard here > 0, mentions[j].kind == .name, !mentions[j].insideQuote, let e = entityOf[j], e != p else { continue }
                let entity = entities[e]
                guard entity.kind == .person, !entity.names.isEmpty, !entity.isWeak, entity.mentions.first.map({ paragraph($0) > 0 }) ?? false else { continue }
                if entity.hasRole(head), entity.gender.agrees(with: entities[p].gender), entity.number == entities[p].number {
                    target = e
                }
                // The first person named after the headline decides: another title, another person.
                if target != nil || entity.roles.contains(where: { lexicon.personNouns.startsEntry($0) && !lexicon.genericRoles.contains($0) }) { break }
            }
            guard let e = target else { continue }
            for m in entities[p].mentions { entityOf[m] = e }
            entities[e].mentions = (entities[e].mentions + entities[p].mentions).sorted()
            entities[e].addRoles(entities[p].roles)
            entities[p].mentions = []
        }
    }

    /// An entity made from a role alone, displayed as the role phrase.
    /// (Mentions are passed with an index, here and below: a mention passed whole is copied
    /// out of its array first, retaining and releasing each of its fields.)
    private func provisional(_ k: Int, _ mentions: [Mention]) -> Entity {
        Entity(kind: .person, display: mentions[k].text, displayWeight: 0, gender: mentions[k].gender, number: mentions[k].number,
               roles: Entity.distinct(mentions[k].roles), country: mentions[k].country, registry: nil, surname: nil, names: [],
               mentions: [], isWeak: false)
    }

    private func isProvisional(_ k: Int, _ entities: [Entity], _ entityOf: [Int?]) -> Bool {
        guard let e = entityOf[k] else { return true }
        return entities[e].names.isEmpty && entities[e].kind == .person && entities[e].mentions == [k]
    }

    /// Moves role mention `k` from its provisional entity to `e`.
    private func reassign(_ k: Int, to e: Int, _ entities: inout [Entity], _ entityOf: inout [Int?], _ mentions: [Mention]) {
        if let old = entityOf[k] { entities[old].mentions.removeAll { $0 == k } }
        entityOf[k] = e
        entities[e].mentions.insert(k, at: 0)
        entities[e].isWeak = false   // a role in apposition: a person
        entities[e].addRoles(mentions[k].roles)
        if entities[e].country == nil { entities[e].country = mentions[k].country }
        if entities[e].gender == .unknown { entities[e].gender = mentions[k].gender }
    }

    private func entityForName(_ k: Int, _ mentions: [Mention], _ entities: inout [Entity], _ lookups: inout Lookups) -> Int {
        let text = mentions[k].text
        let folded = folding.fold(text)
        let full = folded.key
        let words = Self.pieces(of: full, hyphens: false)
        let surname = words.last ?? full
        let weight = words.count
        // Same full name, or same surname with compatible first names.
        // `remember` runs only for a full name not met before (see below): it is set, not tested.
        func remember(_ e: Int) {
            lookups.personNames[full] = e
            let hyphenated = full.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "-")) }
                ?? full.utf8.contains(UInt8(ascii: "-"))
            let parts = hyphenated ? Self.pieces(of: full, hyphens: true) : words
            for word in parts {
                Self.appendOnce(e, to: &lookups.words[word, default: []])
            }
        }
        func agreeing(_ candidates: [Int]?, _ entities: [Entity]) -> Int? {
            candidates?.last { entities[$0].gender.agrees(with: mentions[k].gender) }
        }
        // The same full name met before: nothing to add. `remember` then put the name among the
        // entity's names and the entity under each of its words, after the display took this
        // name's weight if it was more (a display's weight never goes down).
        if let e = lookups.personNames[full] { return e }
        // The end of a longer name already met, whatever its first word suggests: "Ben Amor" in "Yasmine Ben Amor".
        let sameSurname = lookups.surnames[surname]
        let tail = words.count >= 2 ? sameSurname?.last(where: { e in entities[e].names.contains { $0.hasSuffix(" " + full) } }) : nil
        if let e = tail ?? agreeing(sameSurname, entities)
            ?? (words.count == 1 ? agreeing(lookups.words[full], entities) : nil) {
            if weight > entities[e].displayWeight {
                entities[e].display = text
                entities[e].displayWeight = weight
            }
            Self.appendOnce(full, to: &entities[e].names)
            remember(e)
            return e
        }
        let entry = registry.lookup(fullName: folded, folding: folding)
            ?? (words.count == 1 ? registry.lookup(surname: folded, folding: folding) : nil)
        if let entry, let e = lookups.registryIDs[entry.id] {
            Self.appendOnce(full, to: &entities[e].names)
            if weight > entities[e].displayWeight { entities[e].display = text; entities[e].displayWeight = weight }
            remember(e)
            return e
        }
        var gender = mentions[k].gender
        if gender == .unknown, let entry { gender = entry.genderValue }
        if gender == .unknown, words.count >= 2, let first = lexicon.firstNames[words[0]] { gender = first }
        let roles = Entity.distinct((entry?.roles ?? []).flatMap { PhraseTable<Int>.split($0) })
        let country = entry?.country.flatMap { lexicon.countryNames[$0] }
        entities.append(Entity(kind: .person, display: text, displayWeight: weight, gender: gender, number: .singular,
                               roles: roles, country: country, registry: entry, surname: surname, names: [full],
                               mentions: [], isWeak: mentions[k].isWeak && entry == nil))
        let e = entities.count - 1
        lookups.surnames[surname, default: []].append(e)
        if let entry { lookups.registryIDs[entry.id] = e }
        remember(e)
        return e
    }

    /// The earlier entity a definite role refers to. Evidence: the same
    /// nationality, or a role already attached; a different title of its
    /// own counts against (`le président turc` is not the Turkish minister).
    /// A generic role (`le responsable`, `l'élu`, `le technicien`) with no
    /// such evidence refers to the most recent named person of its gender.
    /// People named only inside quotes (`«un conte de Charles Perrault»`) are never antecedents of a role outside them.
    private func antecedent(for k: Int, _ entities: [Entity], _ mentions: [Mention], complements: inout Complements, _ lookups: Lookups) -> Int? {
        let mention = mentions[k]
        var best: (score: Int, recency: Int, index: Int)? = nil
        guard let head = mention.roles.first else { return nil }
        let generic = lexicon.genericRoles.contains(head)
        func quotedOnly(_ e: Int) -> Bool { !mention.insideQuote && entities[e].mentions.allSatisfy { mentions[$0].insideQuote } }
        // The same title with another complement is someone else: "l'avocate de la victime" / "l'avocate du prévenu".
        let own = complements.of(k, mentions)
        func otherComplement(_ e: Int) -> Bool {
            guard let own else { return false }
            // Its introduction is among its first mentions; a bounded look keeps long documents linear.
            return entities[e].mentions.prefix(32).contains {
                mentions[$0].roles.first == head && complements.of($0, mentions).map { !Self.sameComplement($0, own) } ?? false
            }
        }
        for index in lookups.recent.reversed() where entities[index].kind != .organisation && !quotedOnly(index) {
            guard entities[index].gender.agrees(with: mention.gender), entities[index].number == mention.number else { continue }
            var score = 0
            if let country = mention.country, entities[index].country == country { score += 3 }
            if entities[index].hasRole(head) { score += 3 }
            if otherComplement(index) { score -= 6 }
            if mention.country != nil, entities[index].country != nil, entities[index].country != mention.country { score -= 5 }
            if !generic, !entities[index].hasRole(head), entities[index].roles.contains(where: { lexicon.personNouns.startsEntry($0) && !lexicon.genericRoles.contains($0) }) {
                score -= 2
            }
            guard score >= 3 else { continue }
            let recency = entities[index].mentions.last ?? -1
            if best == nil || score > best!.score || (score == best!.score && recency > best!.recency) {
                best = (score, recency, index)
            }
        }
        if let best { return best.index }
        // The most recent named person of a compatible gender (and the same
        // country when the role names one); for a specific title, one with no
        // other title of its own first, else the most recent titled one
        // (the press varies: "la Tchèque", "la championne", "la joueuse").
        var untitled: (recency: Int, index: Int)? = nil
        var titled: (recency: Int, index: Int)? = nil
        for index in lookups.recent.reversed() where entities[index].kind == .person && !entities[index].names.isEmpty && !entities[index].isWeak
            && !quotedOnly(index) && !otherComplement(index) {
            guard entities[index].gender.agrees(with: mention.gender), entities[index].number == mention.number,
                  mention.country == nil || entities[index].country == nil || entities[index].country == mention.country else { continue }
            let recency = entities[index].mentions.last ?? -1
            let hasOtherTitle = !generic && entities[index].roles.contains { $0 != head && lexicon.personNouns.startsEntry($0) && !lexicon.genericRoles.contains($0) }
            if hasOtherTitle {
                // A titled person only under the same country, when the role names one.
                guard mention.country == nil || entities[index].country == mention.country else { continue }
                if titled == nil || recency > titled!.recency { titled = (recency, index) }
            } else if untitled == nil || recency > untitled!.recency {
                untitled = (recency, index)
            }
        }
        return (untitled ?? titled)?.index
    }

    /// The complement of each role mention of a document (``complement(of:)``),
    /// worked out the first time a role is weighed against another: most roles
    /// join their entity by apposition and are never asked.
    struct Complements {
        /// Per mention: nil until asked, then its complement (nil for none).
        private var known: [String??]

        init(count: Int) { known = Array(repeating: nil, count: count) }

        /// The complement of mention `k` (nil for a mention that is no role, or a role without one).
        mutating func of(_ k: Int, _ mentions: [Mention]) -> String? {
            if let answer = known[k] { return answer }
            let answer = mentions[k].kind == .role ? EntityResolver.complement(of: mentions[k].text) : nil
            known[k] = .some(answer)
            return answer
        }
    }

    /// The articles before a bare organisation noun that refers back.
    static let definiteArticles: KeyList = ["le", "la", "l'", "les"]
    /// Org nouns that can refer back to any organisation already named.
    static let genericOrganisations: Set<String> = ["organisation", "institution", "instance", "structure", "entité", "association", "ong", "agence", "organisme"]

    /// A bare definite organisation noun ("l'organisation", "le syndicat") refers
    /// back to the most recent organisation with that head noun, or to any
    /// organisation for a generic noun ("l'instance"), never to one named
    /// only inside quotes.
    private func organisationAntecedent(for k: Int, _ entities: [Entity], _ mentions: [Mention], _ lookups: Lookups) -> Int? {
        guard mentions[k].content.count == 2, let head = mentions[k].roles.first,
              let article = PhraseTable<Int>.firstKey(mentions[k].text), Self.definiteArticles.contains(article) else { return nil }
        let generic = Self.genericOrganisations.contains(head)
        var best: (recency: Int, index: Int)? = nil
        // Fields read in place: a copy of an entity retains and releases each of its fields.
        for index in lookups.recent.reversed() where entities[index].kind == .organisation && !entities[index].mentions.isEmpty {
            // Bodies named only inside quotes are not what the narrator refers back to.
            if !mentions[k].insideQuote, entities[index].mentions.allSatisfy({ mentions[$0].insideQuote }) { continue }
            guard entities[index].number == mentions[k].number else { continue }
            guard entities[index].hasRole(head) || generic else { continue }
            // A name of several words or with a sign in it (a space is one). A
            // lone word such as "Otan" could be what the noun names in general.
            guard entities[index].names.contains(where: { $0.unicodeScalars.contains { !CharacterClass.isLetter($0) } })
                    || entities[index].hasRole(head) else { continue }
            let recency = entities[index].mentions.last ?? -1
            if best == nil || recency > best!.recency { best = (recency, index) }
        }
        return best?.index
    }

    /// The words of folded name `key`, split at spaces (and at hyphens when
    /// `hyphens`), empty pieces left out: what `split(whereSeparator:)`
    /// gives, found on UTF-8 bytes when the key is ASCII (folded Latin names
    /// are), so that no grapheme breaking is done.
    ///
    /// ```swift
    /// EntityResolver.pieces(of: "jean-luc  melenchon", hyphens: true)   // ["jean", "luc", "melenchon"]
    /// ```
    static func pieces(of key: String, hyphens: Bool) -> [String] {
        let utf8 = key.utf8
        guard key.isAllASCII else {
            return key.split(whereSeparator: { $0 == " " || (hyphens && $0 == "-") }).map(String.init)
        }
        func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
            func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || (hyphens && byte == UInt8(ascii: "-")) }
            var words: [String] = []
            words.reserveCapacity(bytes.count(where: isSeparator) + 1)
            var start = 0
            for i in bytes.indices where isSeparator(bytes[i]) {
                if start != i { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            if start != bytes.count { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
        return utf8.withContiguousStorageIfAvailable(cut) ?? Array(utf8).withUnsafeBufferPointer(cut)
    }

    /// Appends `e` to `list` unless it is there (one dictionary access for the caller).
    private static func appendOnce<T: Equatable>(_ e: T, to list: inout [T]) {
        if !list.contains(e) { list.append(e) }
    }

    /// Whether two complements of one title can name the same thing: equal,
    /// or the words of one (articles and `de` left out) all in the other, as
    /// when the press shortens or completes a title (`de la République` and
    /// `de la République de Paris`, `de Paris` and `de la République de
    /// Paris`); `la victime` and `la défense` differ.
    static func sameComplement(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let small: Set<Substring> = ["le", "la", "les", "l", "de", "du", "des", "d", "et"]
        func words(_ text: String) -> Set<Substring> {
            Set(text.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "’" || $0 == "-" }).filter { !small.contains($0) })
        }
        let x = words(a), y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x.isSubset(of: y) || y.isSubset(of: x)
    }

    /// The complement of a role phrase, from its first `de`, `du`, `des` or
    /// `d'` on: `l'avocate de la victime` → `la victime`; nil without one.
    /// Read on UTF-8 bytes, one allocation for the answer.
    static func complement(of text: String) -> String? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        var previousWasSpace = false
        while i != utf8.endIndex {
            let byte = utf8[i]
            if previousWasSpace, byte == UInt8(ascii: "d") || byte == UInt8(ascii: "D") {
                var j = utf8.index(after: i)
                var skip: String.UTF8View.Index? = nil
                if j != utf8.endIndex, utf8[j] == UInt8(ascii: "'") {
                    skip = utf8.index(after: j)
                } else if j != utf8.endIndex, utf8[j] == 0xE2, utf8.distance(from: j, to: utf8.endIndex) >= 3,
                          utf8[utf8.index(j, offsetBy: 1)] == 0x80, utf8[utf8.index(j, offsetBy: 2)] == 0x99 {
                    skip = utf8.index(j, offsetBy: 3)   // d’
                } else {
                    // de, du, des, then a space
                    func at(_ k: String.UTF8View.Index, _ ascii: Unicode.Scalar) -> Bool { k != utf8.endIndex && utf8[k] == UInt8(ascii: ascii) }
                    if at(j, "e") || at(j, "u") {
                        let e = at(j, "e")
                        j = utf8.index(after: j)
                        if e, at(j, "s") { j = utf8.index(after: j) }
                        if at(j, " ") { skip = utf8.index(after: j) }
                    }
                }
                if let skip {
                    let rest = String(text[skip...])
                    return rest.isEmpty ? nil : ScalarString.lowercased(rest)
                }
            }
            previousWasSpace = byte == UInt8(ascii: " ")
            i = utf8.index(after: i)
        }
        return nil
    }

    /// `key` without a leading definite article (`le `, `la `, `les `,
    /// `l'`), as `hasPrefix` and `dropFirst` on characters give it. The
    /// articles are ASCII, so their bytes decide, unless the byte after
    /// one could start a mark that joins its last character (from U+0300
    /// on, lead byte 0xCC or more): then the characters are compared.
    static func withoutArticle(_ key: String) -> String {
        enum Cut { case none, bytes(Int), characters }
        let cut: Cut = key.utf8.withContiguousStorageIfAvailable { bytes in
            for article in articleBytes where bytes.starts(with: article) {
                return bytes.count > article.count && bytes[article.count] >= 0xCC ? .characters : .bytes(article.count)
            }
            return .none
        } ?? .characters
        switch cut {
        case .none:
            return key
        case .bytes(let count):
            return String(decoding: key.utf8.dropFirst(count), as: UTF8.self)
        case .characters:
            for article in articles where key.hasPrefix(article) {
                return String(key.dropFirst(article.count))
            }
            return key
        }
    }

    private static let articles = ["le ", "la ", "les ", "l'"]
    private static let articleBytes = articles.map { Array($0.utf8) }
}
