import CICU

/// Unicode normalization from ICU (`unorm2_getNFCInstance`,
/// `unorm2_getNFKCCasefoldInstance`, `unorm2_getNFDInstance`).
///
/// ```swift
/// Normalizer.nfc.normalize("e\u{301}")        // "é"
/// Normalizer.nfkcCasefold.normalize("Ǆ")     // "dž"
/// Normalizer.nfd.normalize("é")              // "e\u{301}"
/// ```
/// The ICU normalizer instances are shared and thread-safe.
public struct Normalizer: Sendable {
    public enum Form: Sendable {
        case nfc, nfkcCasefold, nfd
        var raw: Int32 {
            switch self {
            case .nfc: Int32(CICU_NFC)
            case .nfkcCasefold: Int32(CICU_NFKC_CASEFOLD)
            case .nfd: Int32(CICU_NFD)
            }
        }
    }

    public let form: Form

    public static let nfc = Normalizer(form: .nfc)
    public static let nfkcCasefold = Normalizer(form: .nfkcCasefold)
    public static let nfd = Normalizer(form: .nfd)

    /// Whether UTF-16 `text` is already in this form (`unorm2_isNormalized`).
    public func isNormalized(_ text: [UInt16]) throws(ICUError) -> Bool {
        var status: Int32 = 0
        let result = text.withUnsafeBufferPointer { cicu_is_normalized(form.raw, $0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status, "unorm2_isNormalized")
        return result != 0
    }

    /// The normalized form of UTF-16 `text` (`unorm2_normalize`).
    public func normalize(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        var capacity = text.count + text.count / 4 + 8
        while true {
            var status: Int32 = 0
            var output = [UInt16](repeating: 0, count: capacity)
            let needed = text.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { dest in
                    cicu_normalize(form.raw, source.baseAddress, Int32(source.count), dest.baseAddress, Int32(capacity), &status)
                }
            }
            if status == ICUError.bufferOverflow { capacity = Int(needed); continue }
            try ICUError.check(status, "unorm2_normalize")
            output.removeSubrange(Int(needed)...)
            return output
        }
    }

    /// The normalized form of `string`.
    public func normalize(_ string: String) throws(ICUError) -> String {
        String(decoding: try normalize(Array(string.utf16)), as: UTF16.self)
    }

    /// Whether NFC can normalize text piecewise before `scalar`
    /// (`unorm2_hasBoundaryBefore`).
    public static func nfcBoundary(before scalar: Unicode.Scalar) -> Bool {
        cicu_nfc_boundary_before(scalar.value) != 0
    }

    /// Whether `scalar` has NFC_Quick_Check=Yes and canonical combining
    /// class 0: a text made only of such scalars is in NFC.
    public static func nfcQuickYes(_ scalar: Unicode.Scalar) -> Bool {
        cicu_nfc_quick_yes(scalar.value) != 0
    }
}
