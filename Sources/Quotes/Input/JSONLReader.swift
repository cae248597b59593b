import Foundation

/// Reads `{"id": ..., "text": ...}` lines one at a time. A malformed line,
/// a missing `text` or a non-string `id` becomes an ``InputError`` for that
/// line (`path:line`); every other line is still read.
public enum JSONLReader {
    /// Reads `handle` a megabyte at a time. A line is handed over as soon as
    /// its newline arrives; only the unfinished line is kept between reads,
    /// and it is scanned once, so a line of any length costs linear time.
    public static func read(handle: FileHandle, path: String, _ body: (consuming Result<InputDocument, InputError>) -> Bool) -> Bool {
        var buffer: [UInt8] = []
        var lineStart = 0
        var scanned = 0
        var lineNumber = 0
        let chunkSize = 1 << 20
        while true {
            // `try` reading: Foundation's readData(ofLength:) traps on a read error (standard input that is a folder).
            let chunk: Data
            do { chunk = try handle.read(upToCount: chunkSize) ?? Data() } catch {
                return body(.failure(InputError(location: path, message: "read failed: \(InputReader.reason(error))")))
            }
            if chunk.isEmpty { break }
            // Drop the lines already handed over before growing the buffer.
            if lineStart > 0 {
                buffer.removeSubrange(0..<lineStart)
                scanned -= lineStart
                lineStart = 0
            }
            buffer.append(contentsOf: chunk)
            while let newline = newline(in: buffer, from: scanned) {
                lineNumber += 1
                if !emit(line: buffer[lineStart..<newline], number: lineNumber, path: path, body) { return false }
                lineStart = newline + 1
                scanned = lineStart
            }
            scanned = buffer.count
        }
        if lineStart < buffer.count {
            lineNumber += 1
            if !emit(line: buffer[lineStart...], number: lineNumber, path: path, body) { return false }
        }
        return true
    }

    /// The index of the first `\n` at or after `start` (memchr).
    private static func newline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let found = memchr(raw.baseAddress! + start, 0x0A, raw.count - start) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private static func emit(line: ArraySlice<UInt8>, number: Int, path: String, _ body: (consuming Result<InputDocument, InputError>) -> Bool) -> Bool {
        guard let item = document(line: line, location: "\(path):\(number)") else { return true }
        return body(consume item)
    }

    /// The lines of `bytes` (a whole JSONL text in memory, as a server
    /// receives it), each as ``read(handle:path:_:)`` would hand it over.
    public static func read(bytes: [UInt8], path: String, _ body: (consuming Result<InputDocument, InputError>) -> Bool) -> Bool {
        var lineStart = 0
        var number = 0
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            if !emit(line: bytes[lineStart..<end], number: number, path: path, body) { return false }
            lineStart = end + 1
        }
        return true
    }

    /// One line as a document, an error naming `location`, or nil for a blank line.
    ///
    /// ```swift
    /// JSONLReader.document(line: Array(#"{"id": "a", "text": "«Oui»"}"#.utf8)[...], location: "-:1")   // .success(a)
    /// ```
    public static func document(line: ArraySlice<UInt8>, location: String) -> Result<InputDocument, InputError>? {
        var bytes = line
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }   // blank lines are not documents
        if let fields = JSONLFields(bytes) {
            return .success(InputDocument(id: fields.id ?? location, source: fields.text))
        }
        guard isValidUTF8(bytes) else {
            return .failure(InputError(location: location, message: "line is not valid UTF-8"))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(InputError(location: location, message: "malformed JSON"))
        }
        guard let record = object as? [String: Any] else {
            return .failure(InputError(location: location, message: "expected a JSON object"))
        }
        guard let text = record["text"] as? String else {
            let message = record["text"] == nil ? "missing \"text\"" : "\"text\" must be a string"
            return .failure(InputError(location: location, message: message))
        }
        let id: String
        switch record["id"] {
        case nil: id = location
        case let value as String: id = value
        default: return .failure(InputError(location: location, message: "\"id\" must be a string"))
        }
        return .success(InputDocument(id: id, text: text))
    }

    /// Whether `bytes` is well-formed UTF-8, without building a string.
    private static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
