import CICU

/// An ICU call that failed, with ICU's own name for the status code.
///
/// Every status code returned by CICU goes through ``ICUError/check(_:_:)``,
/// the one place where ICU failures become Swift errors.
public struct ICUError: Error, Equatable, CustomStringConvertible {
    /// The ICU function that failed, e.g. `ubrk_open`.
    public let function: String
    /// ICU's `UErrorCode` value.
    public let code: Int32

    public var name: String { String(cString: cicu_error_name(code)) }

    public var description: String { "ICU \(function) failed: \(name) (\(code))" }

    /// Throws when `status` is an ICU failure (> 0); warnings pass.
    @inline(__always)
    static func check(_ status: Int32, _ function: String) throws(ICUError) {
        if status > 0 { throw ICUError(function: function, code: status) }
    }

    /// `U_BUFFER_OVERFLOW_ERROR`: the caller retries with the needed capacity.
    static let bufferOverflow: Int32 = 15

    /// `U_INDEX_OUTOFBOUNDS_ERROR`: more than ICU's Int32 lengths can hold.
    static let indexOutOfBounds: Int32 = 8

    /// The version of the ICU library linked in (`u_getVersion`).
    public static var libraryVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 32) { cicu_version($0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
