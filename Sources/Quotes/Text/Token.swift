/// What a token is, as the later stages need it. The raw values are the
/// cases' own numbers (0 to 4, in order), which ``TokenList`` stores as a byte.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, punctuation, quoteMark, space
}

/// A token of the working text: a range of working scalar indices and a kind.
///
/// Twelve bytes: a long document holds millions of tokens, so the bounds
/// are stored as 32-bit indices (a document's scalar offsets already are,
/// in ``NormalizedText``) and read as `Int`.
public struct Token: Sendable, Equatable {
    private var lower: Int32
    private var upper: Int32
    public var kind: TokenKind
    /// The first scalar is an uppercase letter.
    public var isCapitalized: Bool

    public init(start: Int, end: Int, kind: TokenKind, isCapitalized: Bool) {
        lower = Int32(start)
        upper = Int32(end)
        self.kind = kind
        self.isCapitalized = isCapitalized
    }

    public var start: Int {
        @inline(__always) get { Int(lower) }
        set { lower = Int32(newValue) }
    }

    public var end: Int {
        @inline(__always) get { Int(upper) }
        set { upper = Int32(newValue) }
    }

    public var range: Range<Int> { start..<end }
}

/// A document's tokens, five bytes each: tokens follow one another with no
/// gap (spaces are tokens too), so each is stored as its start, the next
/// one's start is its end, and one byte holds its kind and capitalisation.
public struct TokenList: RandomAccessCollection, Sendable {
    /// Where each token starts, then where the last one ends.
    private var bounds: [Int32] = [0]
    /// Each token's kind, with ``capitalized`` set for a capitalized word.
    private var flags: [UInt8] = []
    private static let capitalized: UInt8 = 0x80

    public var startIndex: Int { 0 }
    public var endIndex: Int { flags.count }

    @inline(__always)
    public subscript(t: Int) -> Token {
        let flag = flags[t]
        // The kind's byte is its raw value (the cases are numbered from 0 in order).
        return Token(start: Int(bounds[t]), end: Int(bounds[t + 1]),
                     kind: unsafeBitCast(flag & ~Self.capitalized, to: TokenKind.self), isCapitalized: flag & Self.capitalized != 0)
    }

    /// The kind of token `t`, read alone.
    @inline(__always)
    public func kind(_ t: Int) -> TokenKind { unsafeBitCast(flags[t] & ~Self.capitalized, to: TokenKind.self) }

    /// Whether token `t` is a capitalized word, read alone.
    @inline(__always)
    public func isCapitalized(_ t: Int) -> Bool { flags[t] & Self.capitalized != 0 }

    /// The index of the token that contains `position` (or the first token
    /// after it; ``endIndex`` past the last).
    /// - Complexity: O(log n).
    public func index(containing position: Int) -> Int {
        bounds.withUnsafeBufferPointer { ends in
            // Token t ends at bounds[t + 1]: the first t whose end is after `position`.
            var low = 0, high = flags.count
            while low < high {
                let mid = (low + high) / 2
                if Int(ends[mid + 1]) <= position { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    mutating func reserveCapacity(_ count: Int) {
        bounds.reserveCapacity(count + 1)
        flags.reserveCapacity(count)
    }

    /// Adds the token after the last one.
    @inline(__always)
    mutating func append(_ range: Range<Int>, kind: TokenKind, isCapitalized: Bool) {
        precondition(range.lowerBound == Int(bounds[bounds.count - 1]), "tokens must follow one another")
        bounds.append(Int32(range.upperBound))
        flags.append(Self.flag(kind, isCapitalized: isCapitalized))
    }

    /// Whether a token of flag byte `flag` is a content token (not a space).
    @inline(__always)
    static func isContent(flag: UInt8) -> Bool { flag & ~capitalized != TokenKind.space.rawValue }

    /// The flag bytes, one per token, read in place.
    func withFlags<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try flags.withUnsafeBufferPointer(body)
    }

    /// The byte a token's kind and capitalisation are stored as.
    @inline(__always)
    static func flag(_ kind: TokenKind, isCapitalized: Bool) -> UInt8 {
        unsafeBitCast(kind, to: UInt8.self) | (isCapitalized ? capitalized : 0)
    }

    /// Adds tokens after the last one: `ends[i]` where token i ends (each
    /// starting where the one before it ends) and `flags[i]` its byte
    /// (``flag(_:isCapitalized:)``).
    mutating func append(ends: UnsafeBufferPointer<Int32>, flags: UnsafeBufferPointer<UInt8>) {
        precondition(ends.count == flags.count, "one flag per token")
        bounds.append(contentsOf: ends)
        self.flags.append(contentsOf: flags)
    }
}

/// Tokens on their way into a ``TokenTable``, a batch at a time: the table
/// writes each token here through pointers and hands a full batch to its
/// arrays at once. An array checks that its storage is not shared at each
/// append (a call into the runtime); a batch costs one check per array
/// where each token cost two or three. One per worker, kept from one
/// document to the next.
final class TokenStaging {
    /// Tokens a batch holds (and keys: a batch has no more keys than tokens).
    static let capacity = 1024
    let buffers = Buffers(ends: .allocate(capacity: capacity), flags: .allocate(capacity: capacity),
                          keys: .allocate(capacity: capacity))

    /// The batch's memory, valid as long as the staging is. A table holds
    /// these pointers, not the staging: a class reference read at each
    /// token was retained and released at each token.
    struct Buffers {
        let ends: UnsafeMutablePointer<Int32>
        let flags: UnsafeMutablePointer<UInt8>
        let keys: UnsafeMutablePointer<Int32>
    }

    deinit {
        buffers.ends.deallocate()
        buffers.flags.deallocate()
        buffers.keys.deallocate()
    }
}

/// The indices of a document's content tokens (not spaces), stored as
/// 32-bit numbers and read as `Int`.
public struct ContentTokens: RandomAccessCollection, Sendable {
    let tokens: [Int32]

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokens.count }

    @inline(__always)
    public subscript(c: Int) -> Int { Int(tokens[c]) }
}

/// For each token of a document, the index in ``Document/content`` of the
/// token or, for a space, of the next content token: the number of content
/// tokens before it. Kept as one bit per token and a count every 64 tokens
/// (about 0.2 bytes per token instead of 4), read with a population count.
public struct ContentIndex: RandomAccessCollection, Sendable {
    /// Bit `t & 63` of word `t >> 6`: token t is a content token.
    private var bits: [UInt64] = []
    /// The content tokens before each word of `bits`.
    private var before: [Int32] = []
    private var tokenCount = 0

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokenCount }

    /// Past the last token (up to the end of its 64-token word) the answer
    /// is the number of content tokens, as for a trailing space.
    @inline(__always)
    public subscript(t: Int) -> Int32 {
        let word = t >> 6
        return before[word] &+ Int32((bits[word] & ((1 << UInt64(t & 63)) &- 1)).nonzeroBitCount)
    }

    /// An empty index, before any token.
    init() {}

    /// The index of every token of `tokens` and the indices of its content
    /// tokens in order, in one pass over the tokens' flags: each token's
    /// index is written at the next content position, which moves on only
    /// for a content token (no branch per token).
    /// - Precondition: `tokens` has `contentCount` content tokens (one per key).
    static func build(_ tokens: TokenList, contentCount: Int) -> (index: ContentIndex, content: [Int32]) {
        let n = tokens.count
        let words = (n + 63) / 64
        var index = ContentIndex()
        index.tokenCount = n
        index.bits = .filled(0, count: words)
        index.before = .filled(0, count: words)
        var c = 0
        // Room for one 64-token word past `contentCount`: a word's writes are checked after it.
        let content = [Int32](unsafeUninitializedCapacity: contentCount + 64) { out, initialized in
            c = tokens.withFlags { flags in
                index.bits.withUnsafeMutableBufferPointer { bits in
                    index.before.withUnsafeMutableBufferPointer { before in
                        scan(flags, into: out, room: contentCount, bits: bits, before: before)
                    }
                }
            }
            initialized = c
        }
        precondition(c == contentCount, "a key without a content token")
        return (index, content)
    }

    /// ``build(_:contentCount:)``'s loop, on pointers and locals only: returns the number of content tokens.
    private static func scan(_ flags: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Int32>, room: Int,
                             bits: UnsafeMutableBufferPointer<UInt64>, before: UnsafeMutableBufferPointer<Int32>) -> Int {
        let n = flags.count
        var c = 0
        var w = 0, start = 0
        while start < n {
            before[w] = Int32(truncatingIfNeeded: c)
            let end = Swift.min(start &+ 64, n)
            var word: UInt64 = 0
            var t = start
            while t < end {
                let isContent: UInt64 = TokenList.isContent(flag: flags[t]) ? 1 : 0
                out[c] = Int32(truncatingIfNeeded: t)
                c &+= Int(isContent)
                word |= isContent &<< UInt64(truncatingIfNeeded: t &- start)
                t &+= 1
            }
            bits[w] = word
            precondition(c <= room, "a content token without a key")
            w &+= 1
            start = end
        }
        return c
    }
}

/// The tokens of a document as the text layer builds them: each token and
/// the key of each content token (not a space) as they come, then, in one
/// pass once every token is in (``finish()``), the two maps between tokens
/// and content tokens. Each token is written through pointers into the
/// worker's batch (``TokenStaging``), which joins the arrays a batch at a time.
struct TokenTable {
    var tokens = TokenList()
    /// Indices of the tokens that are not spaces (from ``finish()``).
    private var contentTokens: [Int32] = []
    var content: ContentTokens { ContentTokens(tokens: contentTokens) }
    /// For each token, its index in `content` (or that of the next content
    /// token); from ``finish()``.
    private(set) var contentIndex = ContentIndex()
    /// The worker's vocabulary while the table is built, and for each
    /// content token the number of its key in it.
    var vocabulary = Vocabulary.empty
    private var keyNumbers: [Int32] = []
    /// Where tokens wait until a batch is full or the table is finished
    /// (nil once it is): `staged` tokens and `stagedKeys` keys, the last
    /// token ending at `end`.
    private var staging: TokenStaging.Buffers?
    private var staged = 0, stagedKeys = 0
    private var end = 0

    /// Room for the tokens of a text of `scalars` scalars. French news
    /// prose has about 0.38 tokens per scalar, 0.21 of them content
    /// tokens: reserving 0.4 and 0.25 spares a long document the copy of
    /// its biggest arrays as they grow (each growth briefly holds the old
    /// array and one twice its size).
    /// - Parameter staging: the worker's batch, used by one table at a
    ///   time; it must outlive the table's appends (its owner keeps it).
    init(scalars: Int, staging: TokenStaging) {
        tokens.reserveCapacity(scalars / 5 * 2 + 16)
        keyNumbers.reserveCapacity(scalars / 4 + 16)
        self.staging = staging.buffers
    }

    /// The keys of the content tokens.
    var contentKeys: ContentKeys { vocabulary.keys(keyNumbers) }

    /// The key of every token (empty for a space), as ``Document/keys`` reads them.
    var keys: TokenKeys { TokenKeys(tokens: tokens, contentKeys: contentKeys, contentIndex: contentIndex) }

    @inline(__always)
    mutating func append(_ range: Range<Int>, _ kind: TokenKind, _ s: UnsafeBufferPointer<Unicode.Scalar>) {
        guard let staging else { preconditionFailure("a token appended to a finished table") }
        precondition(range.lowerBound == end, "tokens must follow one another")
        if staged == TokenStaging.capacity { flush(staging) }
        if kind != .space {
            staging.keys[stagedKeys] = vocabulary.number(s, range)
            stagedKeys &+= 1
        }
        staging.ends[staged] = Int32(range.upperBound)
        staging.flags[staged] = TokenList.flag(kind, isCapitalized: kind == .word && CharacterClass.isUppercase(s[range.lowerBound]))
        staged &+= 1
        end = range.upperBound
    }

    /// Moves the staged tokens and keys into the arrays.
    private mutating func flush(_ staging: TokenStaging.Buffers) {
        tokens.append(ends: UnsafeBufferPointer(start: staging.ends, count: staged),
                      flags: UnsafeBufferPointer(start: staging.flags, count: staged))
        keyNumbers.append(contentsOf: UnsafeBufferPointer(start: staging.keys, count: stagedKeys))
        staged = 0
        stagedKeys = 0
    }

    /// Builds the content tokens and the content index, once every token is in.
    mutating func finish() {
        if let staging { flush(staging) }
        staging = nil
        let built = ContentIndex.build(tokens, contentCount: keyNumbers.count)
        contentIndex = built.index
        contentTokens = built.content
    }
}

extension CharacterClass {
    /// Scalars that can mark a quotation: « » ‹ › “ ” „ ‟ " and the single
    /// quotes ‘ ’ ‚ ' (which are also apostrophes; the span scanner decides).
    @inline(__always)
    public static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAB, 0xBB, 0x2039, 0x203A, 0x201C, 0x201D, 0x201E, 0x201F, 0x22, 0x2018, 0x2019, 0x201A, 0x27: return true
        default: return false
        }
    }
}
