import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Streams documents from paths: files, folders (their `.txt` files, or
/// `.jsonl` with JSONL input, sorted by path), and `-` for standard input.
/// Each document or error is handed over as soon as it is read, so memory
/// does not grow with the number of documents.
public struct InputReader: Sendable {
    public var format: InputFormat

    public init(format: InputFormat) { self.format = format }

    /// Calls `body` with each document or error, in order. Stops early when
    /// `body` returns false. `body` owns the document: once it has decoded
    /// the bytes it can let them go (``ExtractionRun`` does), as nothing
    /// here holds them while it runs.
    public func read(_ paths: [String], _ body: (consuming Result<InputDocument, InputError>) -> Bool) {
        for path in paths {
            if path == "-" {
                // JSONL on standard input streams like a file; a text article is read whole.
                if format == .jsonl {
                    if !JSONLReader.read(handle: FileHandle.standardInput, path: "-", body) { return }
                    continue
                }
                // `try` reading: Foundation's readDataToEndOfFile() traps when standard input is a folder.
                let item: Result<InputDocument, InputError>
                do { item = .success(InputDocument(id: "-", bytes: [UInt8](try FileHandle.standardInput.readToEnd() ?? Data()))) } catch {
                    item = .failure(InputError(location: "-", message: "read failed: \(Self.reason(error))"))
                }
                if !body(item) { return }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if !body(.failure(InputError(location: path, message: "no such file or directory"))) { return }
                continue
            }
            if isDirectory.boolValue {
                let files = Self.files(in: path, extension: format == .jsonl ? "jsonl" : "txt")
                if files.isEmpty {
                    if !body(.failure(InputError(location: path, message: "folder holds no .\(format == .jsonl ? "jsonl" : "txt") file"))) { return }
                }
                for file in files {
                    if !readFile(file, body) { return }
                }
            } else if !readFile(path, body) {
                return
            }
        }
    }

    private func readFile(_ path: String, _ body: (consuming Result<InputDocument, InputError>) -> Bool) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return body(.failure(InputError(location: path, message: "cannot be read: \(String(cString: strerror(errno)))")))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        if format == .jsonl {
            return JSONLReader.read(handle: handle, path: path, body)
        }
        let bytes: [UInt8]
        switch Self.readAll(descriptor) {
        case .success(let read): bytes = read
        case .failure(let error): return body(.failure(InputError(location: path, message: "read failed: \(error)")))
        }
        // Handed over, not lent: the only reference to the bytes is the document's.
        return body(.success(InputDocument(id: path, bytes: consume bytes)))
    }

    /// Every byte of an open file, read straight into one array sized by
    /// `fstat` (a file read into `Data` and then copied held its text twice
    /// while the document was processed), or the `errno` of a failed read.
    static func readAll(_ descriptor: Int32) -> Result<[UInt8], SystemError> {
        var info = stat()
        var capacity = 1 << 16
        if fstat(descriptor, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(SystemError(code: errno))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// The system's words for a failed read (`Is a directory`, `Input/output error`).
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        return error.localizedDescription
    }

    /// Regular files below `folder` with `extension`, sorted by path.
    static func files(in folder: String, extension ext: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix("." + ext) else { continue }
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            if isFile(path) { result.append(path) }
        }
        return result.sorted()
    }

    /// Whether `path` names a file (following links), not a folder.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// How many documents `paths` hold when that is known before reading:
    /// text files named one by one (a folder, standard input or a JSONL
    /// file may hold any number).
    public func documentCount(_ paths: [String]) -> Int? {
        guard format == .text, !paths.isEmpty, paths.allSatisfy({ $0 != "-" && Self.isFile($0) }) else { return nil }
        return paths.count
    }
}

/// A failed system call, by its `errno`; described as the system words it.
struct SystemError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
}
