import Foundation

/// Reads `{"id": ..., "text": ...}` lines one at a time. A malformed line,
/// a missing `text` or a non-string `id` becomes an ``InputError`` for that
/// line (`path:line`); every other line is still read.
enum JSONLReader {
    static func read(handle: FileHandle, path: String, _ body: (Result<InputDocument, InputError>) -> Bool) -> Bool {
        var pending = Data()
        var lineNumber = 0
        let chunkSize = 1 << 20
        while true {
            let chunk = handle.readData(ofLength: chunkSize)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var cursor = pending.startIndex
            while let newline = pending[cursor...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if !emit(line: Data(pending[cursor..<newline]), number: lineNumber, path: path, body) { return false }
                cursor = newline + 1
            }
            pending = Data(pending[cursor...])
        }
        if !pending.isEmpty {
            lineNumber += 1
            if !emit(line: pending, number: lineNumber, path: path, body) { return false }
        }
        return true
    }

    static func read(data: Data, path: String, _ body: (Result<InputDocument, InputError>) -> Bool) -> Bool {
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if !emit(line: Data(line), number: lineNumber, path: path, body) { return false }
        }
        return true
    }

    private static func emit(line: Data, number: Int, path: String, _ body: (Result<InputDocument, InputError>) -> Bool) -> Bool {
        var bytes = line
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }   // blank lines are not documents
        let location = "\(path):\(number)"
        guard String(data: bytes, encoding: .utf8) != nil else {
            return body(.failure(InputError(location: location, message: "line is not valid UTF-8")))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            return body(.failure(InputError(location: location, message: "malformed JSON")))
        }
        guard let record = object as? [String: Any] else {
            return body(.failure(InputError(location: location, message: "expected a JSON object")))
        }
        guard let text = record["text"] as? String else {
            let message = record["text"] == nil ? "missing \"text\"" : "\"text\" must be a string"
            return body(.failure(InputError(location: location, message: message)))
        }
        let id: String
        switch record["id"] {
        case nil: id = location
        case let value as String: id = value
        default: return body(.failure(InputError(location: location, message: "\"id\" must be a string")))
        }
        return body(.success(InputDocument(id: id, text: text)))
    }
}
