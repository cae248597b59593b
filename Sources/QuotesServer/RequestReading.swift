import Hummingbird
import Quotes

/// A `Content-Type` reduced to what the API decides on: the media type,
/// lowercased, and its charset when one is given.
///
/// ```swift
/// MediaType("Text/Plain; charset=UTF-8")   // type "text/plain", charset "utf-8"
/// ```
struct MediaType: Equatable, Sendable {
    let type: String
    let charset: String?

    init(type: String, charset: String? = nil) {
        self.type = type
        self.charset = charset
    }

    init?(_ header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard let first = parts.first, first.contains("/") else { return nil }
        type = first.lowercased()
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                charset = pair[1].trimmingCharacters("\"").lowercased()
            }
        }
        self.charset = charset
    }

    static let plainText = "text/plain"
    static let json = "application/json"
    static let ndjson = "application/x-ndjson"
    static let form = "application/x-www-form-urlencoded"

    /// The accepted type this is, or a 415 that lists the accepted ones.
    func accepted(among types: [String]) throws(APIError) -> String {
        guard types.contains(type) else {
            throw APIError(.unsupportedMediaType, "Content-Type \(type) is not accepted here: send \(types.joined(separator: ", "))")
        }
        if let charset, charset != "utf-8", charset != "utf8", charset != "us-ascii" {
            throw APIError(.unsupportedMediaType, "charset \(charset) is not accepted: send UTF-8")
        }
        return type
    }

    static func of(_ request: Request, among types: [String]) throws(APIError) -> String {
        guard let header = request.headers[.contentType] else {
            throw APIError(.unsupportedMediaType, "no Content-Type: send \(types.joined(separator: ", "))")
        }
        guard let media = MediaType(header) else {
            throw APIError(.unsupportedMediaType, "Content-Type \(header) is not a media type: send \(types.joined(separator: ", "))")
        }
        return try media.accepted(among: types)
    }
}

/// An article sent as JSON or through the form: its name and its text.
struct PostedArticle: Sendable {
    let id: String
    let text: String
}

enum RequestReading {
    /// The whole body, refused with 413 past `limit` bytes (before reading
    /// when `Content-Length` says so).
    static func body(of request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the body has \(length) bytes, more than the limit of \(limit) bytes")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes")
        }
        return Array(buffer.readableBytesView)
    }

    /// The text of `bytes`, or 400 naming the byte offset of the first invalid UTF-8 sequence.
    @discardableResult
    static func requireUTF8(_ bytes: [UInt8]) throws(APIError) -> SourceText {
        do { return try SourceText(utf8: bytes) } catch {
            let hex = error.bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            throw APIError(.badRequest, "invalid UTF-8 at byte \(error.byteOffset) (bytes \(hex))")
        }
    }

    /// The article of a JSON body `{"id": …, "text": …}` (the id defaults to `-:1`, as a first JSONL line's).
    static func jsonArticle(_ bytes: [UInt8]) throws(APIError) -> PostedArticle {
        switch JSONLReader.document(line: bytes[...], location: "-:1") {
        case .success(let document)?: return PostedArticle(id: document.id, text: document.text ?? String(decoding: document.bytes, as: UTF8.self))
        case .failure(let error)?: throw APIError(.badRequest, "the JSON body: \(error.message) (expected {\"id\": \"…\", \"text\": \"…\"})")
        case nil: throw APIError(.badRequest, "the JSON body is empty (expected {\"id\": \"…\", \"text\": \"…\"})")
        }
    }

    /// The article of an HTML form's fields `text` and `id` (optional).
    static func formArticle(_ bytes: [UInt8]) throws(APIError) -> PostedArticle {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecoded(parts[0]), let value = percentDecoded(parts.count > 1 ? parts[1] : []) else {
                throw APIError(.badRequest, "the form is not valid URL-encoded UTF-8")
            }
            if fields[name] == nil { fields[name] = value }
        }
        guard let text = fields["text"] else { throw APIError(.badRequest, "the form has no text field") }
        let id = fields["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "-"
        return PostedArticle(id: id, text: text)
    }

    /// `+` as space and `%XX` as a byte; nil when a `%` is not followed by
    /// two hex digits or the bytes are not UTF-8.
    static func percentDecoded(_ field: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var i = field.startIndex
        while i < field.endIndex {
            let byte = field[i]
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard i + 2 < field.endIndex, let high = hexValue(field[i + 1]), let low = hexValue(field[i + 2]) else { return nil }
                bytes.append(high << 4 | low)
                i += 2
            } else {
                bytes.append(byte)
            }
            i += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    func trimmingCharacters(_ character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
