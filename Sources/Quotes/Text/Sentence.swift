/// A sentence: its working scalar range and its tokens.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public var tokens: Range<Int>
    public var paragraph: Int
}

/// A paragraph (blank-line separated): its working range, tokens and sentences.
public struct Paragraph: Sendable, Equatable {
    public var range: Range<Int>
    public var tokens: Range<Int>
    public var sentences: Range<Int>
}
