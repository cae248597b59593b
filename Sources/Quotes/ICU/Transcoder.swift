import CICU

/// UTF-8 to UTF-16 by ICU (`u_strFromUTF8`): how ICU itself gets text
/// ready for its services, the first step of the benchmark's ICU floor.
///
/// ```swift
/// try Transcoder.utf16(utf8: Array("«Oui»".utf8))   // [0xAB, 0x4F, 0x75, 0x69, 0xBB]
/// ```
public enum Transcoder {
    /// The UTF-16 form of UTF-8 `bytes`; invalid UTF-8 is an error.
    /// - Complexity: O(n).
    public static func utf16<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) throws(ICUError) -> [UInt16] {
        // UTF-16 never needs more units than UTF-8 has bytes.
        let capacity = bytes.count
        var status: Int32 = 0
        var length = 0
        let result = [UInt16](unsafeUninitializedCapacity: max(capacity, 1)) { units, count in
            let converted: Int32? = bytes.withContiguousStorageIfAvailable { source in
                cicu_utf8_to_utf16(source.baseAddress, Int32(source.count), units.baseAddress, Int32(capacity), &status)
            } ?? Array(bytes).withUnsafeBufferPointer { source in
                cicu_utf8_to_utf16(source.baseAddress, Int32(source.count), units.baseAddress, Int32(capacity), &status)
            }
            length = Int(converted ?? 0)
            count = status > 0 ? 0 : length
        }
        try ICUError.check(status, "u_strFromUTF8")
        return result
    }
}
