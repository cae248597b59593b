import CICU
import Foundation

/// Language names from ICU's locale data (`uloc_getDisplayLanguage`).
///
/// ```swift
/// LocaleNames.language("tr", in: "en")   // "Turkish"
/// LocaleNames.language("ru", in: "fr")   // "russe"
/// ```
/// Names are remembered once looked up (every translation note names two
/// or three languages, and ICU's look-up costs some 15 000 instructions).
/// Thread-safe.
public enum LocaleNames {
    /// The name of language `code` in `displayLocale`, or the code itself
    /// when ICU has no name for it.
    public static func language(_ code: String, in displayLocale: String) -> String {
        let key = code + "\u{0}" + displayLocale
        if let known = names.withLock({ $0[key] }) { return known }
        var buffer = [UInt16](repeating: 0, count: 64)
        var status: Int32 = 0
        let length = buffer.withUnsafeMutableBufferPointer { cicu_language_name(code, displayLocale, $0.baseAddress, 64, &status) }
        let name = (try? ICUError.check(status, "uloc_getDisplayLanguage")) != nil && length > 0 && length <= 64
            ? String(decoding: buffer[0..<Int(length)], as: UTF16.self) : code
        names.withLock { $0[key] = name }
        return name
    }

    private static let names = Memo()

    /// Names by code and display locale, under a lock.
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var names: [String: String] = [:]

        func withLock<T>(_ body: (inout [String: String]) -> T) -> T {
            lock.withLock { body(&names) }
        }
    }
}
