import CICU

/// Bytes in a character set to Unicode, by one of ICU's converters
/// (`ucnv_open`, `ucnv_toUnicode`).
///
/// ```swift
/// let cp1252 = try Converter("windows-1252")
/// cp1252.name                                                  // "windows-1252"
/// try cp1252.decode([0xAB, 0x4F, 0x75, 0x69, 0xBB], lossy: false).utf16   // «Oui»
/// Converter.name(for: "latin9")                                // "ISO-8859-15"
/// ```
/// One instance is not thread-safe; give each worker its own.
public final class Converter {
    private let handle: OpaquePointer
    /// The name people use for the character set: its MIME name, else its
    /// IANA name, else ICU's own (`windows-1252`, `ISO-8859-15`, `UTF-16LE`).
    public let name: String

    /// Opens the converter ICU knows by `name` or one of its aliases, with
    /// ICU's loose matching (case, `-` and `_` do not count)
    /// (`ucnv_open`). An unknown name fails with `U_FILE_ACCESS_ERROR`.
    public init(_ name: String) throws(ICUError) {
        var status: Int32 = 0
        let opened = cicu_converter_open(name, &status)
        try ICUError.check(status, "ucnv_open")
        guard let opened else { throw ICUError(function: "ucnv_open", code: 1) }
        handle = opened
        self.name = Self.name(for: name) ?? name
    }

    deinit { cicu_converter_close(handle) }

    /// What a decoding gave.
    public struct Output: Sendable, Equatable {
        /// The text in UTF-16: up to the first bad sequence when strict, all of it when lossy.
        public var utf16: [UInt16]
        /// The first byte sequence that is illegal, unassigned or cut short in this character set.
        public var invalid: InvalidBytes?
        /// How many bad sequences became U+FFFD (lossy only).
        public var replaced: Int
    }

    /// A byte sequence a converter could not read.
    public struct InvalidBytes: Sendable, Equatable {
        /// Offset of its first byte in the input.
        public var offset: Int
        /// Its first bytes (up to eight).
        public var bytes: [UInt8]
    }

    /// `bytes` decoded to UTF-16 (`ucnv_resetToUnicode`, `ucnv_toUnicode`).
    /// Strict decoding stops at the first bad sequence and names it in
    /// ``Output/invalid``; `lossy` replaces each one with U+FFFD.
    /// - Complexity: O(n).
    public func decode(_ bytes: [UInt8], lossy: Bool) throws(ICUError) -> Output {
        // Two units a byte covers every converter (UTF-32 needs half a unit, U+FFFD one).
        var capacity = 2 * bytes.count + 16
        while true {
            // ICU counts in Int32: a text of a gigabyte or more is refused (U_INDEX_OUTOFBOUNDS_ERROR).
            guard capacity <= Int(Int32.max) else { throw ICUError(function: "ucnv_toUnicode", code: ICUError.indexOutOfBounds) }
            var status: Int32 = 0
            var invalid = cicu_invalid_bytes()
            var replaced: Int32 = 0
            var length = 0
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                length = Int(bytes.withUnsafeBufferPointer { source in
                    cicu_converter_decode(handle, source.baseAddress, Int32(source.count), buffer.baseAddress, Int32(capacity),
                                          lossy ? 1 : 0, &invalid, &replaced, &status)
                })
                count = min(length, capacity)
            }
            if status == ICUError.bufferOverflow { capacity *= 2; continue }
            var bad: InvalidBytes?
            if invalid.offset >= 0 {
                let kept = Int(min(invalid.length, 8))
                let first = withUnsafeBytes(of: invalid.bytes) { Array($0.prefix(kept)) }
                bad = InvalidBytes(offset: Int(invalid.offset), bytes: first)
            }
            if bad == nil || lossy { try ICUError.check(status, "ucnv_toUnicode") }
            return Output(utf16: units, invalid: bad, replaced: Int(replaced))
        }
    }

    /// The name people use for the character set ICU knows as `name` (its
    /// MIME name, else its IANA name, else ICU's canonical name), or nil
    /// when ICU knows no such name (`ucnv_getStandardName`, `ucnv_getAlias`).
    public static func name(for name: String) -> String? {
        guard !name.isEmpty else { return nil }
        var status: Int32 = 0
        for standard in ["MIME", "IANA"] {
            if let found = cicu_converter_standard_name(name, standard, &status) { return String(cString: found) }
        }
        status = 0
        guard let canonical = cicu_converter_alias(name, 0, &status), status <= 0 else { return nil }
        return String(cString: canonical)
    }

    /// Every name and alias ICU knows a converter by (`ucnv_countAvailable`,
    /// `ucnv_getAvailableName`, `ucnv_countAliases`, `ucnv_getAlias`), for
    /// suggestions when a name is mistyped.
    public static var knownNames: [String] {
        var names: [String] = []
        for index in 0..<cicu_converter_count() {
            guard let available = cicu_converter_available_name(index) else { continue }
            var status: Int32 = 0
            let count = cicu_converter_alias_count(available, &status)
            guard status <= 0, count > 0 else { names.append(String(cString: available)); continue }
            for alias in 0..<count {
                if let name = cicu_converter_alias(available, alias, &status), status <= 0 { names.append(String(cString: name)) }
            }
        }
        return names
    }
}
