/// UTF-8 output written through a pointer into storage that doubles when full: the JSONL and
/// JSON writers put twenty-odd keys, numbers and strings into it per quote, and an append to
/// `[UInt8]` (a uniqueness check, a capacity check and a generic copy each time) cost more than
/// the bytes it copied.
///
/// ```swift
/// var sink = ByteSink(capacity: 256)
/// sink.append("{\"doc\":")
/// JSONValue.writeString("a.txt", into: &sink)
/// let bytes = sink.bytes()   // the bytes of {"doc":"a.txt"
/// ```
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array.
    consuming func bytes() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Appends the bytes written to `out`.
    func append(to out: inout [UInt8]) { out.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        let n = bytes.count
        if count + n > capacity { grow(toHold: count + n) }
        let target = base + count
        if n >= 8 && n <= 32 {
            // Keys and short strings in words of eight bytes, the last one overlapping: a call
            // to `memmove` costs more than the copy at these sizes.
            var i = 0
            while i + 8 < n {
                Self.copyWord(from: start + i, to: target + i)
                i += 8
            }
            Self.copyWord(from: start + n - 8, to: target + n - 8)
        } else {
            target.update(from: start, count: n)
        }
        count += n
    }

    @inline(__always)
    private static func copyWord(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(target).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
    }

    /// ASCII known at compile time (keys with their quotes and separators).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Lets `body` write up to `maxCount` bytes straight into the storage,
    /// through the pointer it is given; `body` returns how many it wrote.
    @inline(__always)
    mutating func write(atMost maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maxCount > capacity { grow(toHold: count + maxCount) }
        count += body(base + count)
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
