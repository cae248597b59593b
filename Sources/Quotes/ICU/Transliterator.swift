import CICU

/// An ICU transform such as `Any-Latin; Latin-ASCII` (`utrans_openU`,
/// `utrans_transUChars`).
///
/// ```swift
/// let ascii = try Transliterator("Any-Latin; Latin-ASCII")
/// try ascii.apply("Çavuşoğlu")   // "Cavusoglu"
/// try ascii.apply("Лавров")      // "Lavrov"
/// ```
/// One instance is not thread-safe; give each worker its own.
public final class Transliterator {
    private let handle: OpaquePointer
    public let id: String

    public init(_ id: String) throws(ICUError) {
        var status: Int32 = 0
        let units = Array(id.utf16)
        let opened = units.withUnsafeBufferPointer { cicu_transliterator_open($0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status, "utrans_openU")
        guard let opened else { throw ICUError(function: "utrans_openU", code: 1) }
        handle = opened
        self.id = id
    }

    deinit { cicu_transliterator_close(handle) }

    /// `string` transformed by this transliterator.
    public func apply(_ string: String) throws(ICUError) -> String {
        let source = Array(string.utf16)
        var capacity = source.count * 2 + 16
        while true {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                cicu_transliterate(handle, $0.baseAddress, Int32(source.count), Int32(capacity), &status)
            }
            if status == ICUError.bufferOverflow || Int(length) > capacity { capacity = Int(length) * 2 + 16; continue }
            try ICUError.check(status, "utrans_transUChars")
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }
}
