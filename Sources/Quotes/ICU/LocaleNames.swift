import CICU

/// Language names from ICU's locale data (`uloc_getDisplayLanguage`).
///
/// ```swift
/// LocaleNames.language("tr", in: "en")   // "Turkish"
/// LocaleNames.language("ru", in: "fr")   // "russe"
/// ```
public enum LocaleNames {
    /// The name of language `code` in `displayLocale`, or the code itself
    /// when ICU has no name for it.
    public static func language(_ code: String, in displayLocale: String) -> String {
        var buffer = [UInt16](repeating: 0, count: 64)
        var status: Int32 = 0
        let length = buffer.withUnsafeMutableBufferPointer { cicu_language_name(code, displayLocale, $0.baseAddress, 64, &status) }
        guard (try? ICUError.check(status, "uloc_getDisplayLanguage")) != nil, length > 0, length <= 64 else { return code }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
}
