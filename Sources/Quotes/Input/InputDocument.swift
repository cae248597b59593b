import Foundation

/// One document to process, as read from a file, standard input or a JSONL line.
public struct InputDocument: Sendable {
    /// File path or JSONL id.
    public var id: String
    public var bytes: [UInt8]
    /// Already-decoded text (JSONL input), or nil to decode `bytes`.
    public var source: SourceText?

    public init(id: String, bytes: [UInt8]) {
        self.id = id
        self.bytes = bytes
        source = nil
    }

    public init(id: String, text: String) {
        self.init(id: id, source: SourceText(text))
    }

    /// A document whose text is decoded already (a JSONL line's, read
    /// straight into scalars by ``JSONLReader``).
    public init(id: String, source: SourceText) {
        self.id = id
        bytes = []
        self.source = source
    }

    /// The decoded text as a string, or nil when `bytes` are still to decode.
    public var text: String? {
        source.map { ScalarString.make($0.scalars[...]) }
    }
}

/// A document that could not be read; processing goes on with the others.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// Where: a path, `path:line` for JSONL, or `-`.
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// How inputs are given.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Each file (or standard input) is one article.
    case text
    /// Each line is `{"id": ..., "text": ...}`.
    case jsonl
}
