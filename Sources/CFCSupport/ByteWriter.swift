#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable byte buffer written through a raw pointer, for the document printers.
///
/// The printers write 130 MB for a thousand distributions, a few bytes at a time. Appending to
/// an `[UInt8]` checks capacity and uniqueness on every call, which cost more than the bytes;
/// here a printer reserves what a step can need once (`reserve`) and then copies without
/// checks. Not copyable, so the storage has exactly one owner and is freed exactly once.
public struct ByteWriter: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    /// Creates an empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 64)
        start = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The number of bytes written.
    public var byteCount: Int { count }

    /// Makes room for `extra` more bytes, so that the unchecked appends after it stay in bounds.
    @inlinable @inline(__always)
    public mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    @usableFromInline
    mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of a static string.
    @inlinable
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends `count` spaces.
    @inlinable @inline(__always)
    public mutating func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        (start + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// Appends the decimal form of `value`.
    public mutating func appendDecimal(_ value: Int64) {
        // At most 20 bytes: a sign and 19 digits. The magnitude is taken as UInt64 so that
        // Int64.min does not overflow on negation.
        reserve(20)
        var magnitude = value.magnitude
        var length = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            length += 1
        }
        if value < 0 {
            start[count] = UInt8(ascii: "-")
            count += 1
        }
        var position = count + length - 1
        repeat {
            start[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += length
    }

    /// Appends `true` or `false`.
    public mutating func appendBoolean(_ flag: Bool) {
        append(flag ? "true" : "false")
    }

    /// Appends the UTF-8 text `bytes` as a JSON string literal, quotes included (RFC 8259
    /// escaping, plus U+2028 and U+2029, which some JavaScript-based consumers still treat as
    /// line breaks; everything else is copied as UTF-8).
    public mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Each input byte becomes at most six (`\u001f`), plus the quotes.
        reserve(bytes.count * 6 + 2)
        start[count] = UInt8(ascii: "\"")
        count += 1
        // Control characters, `"`, `\` and 0xE2 (which leads U+2028 and U+2029) stop the copy;
        // runs of anything else are copied whole.
        let special: (UInt64, UInt64, UInt64, UInt64) = (0x0000_0004_FFFF_FFFF, 0x1000_0000, 0, 0x4_0000_0000)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard Self.isMarked(byte, in: special) else {
                index += 1
                continue
            }
            copyRun(bytes, from: runStart, to: index)
            switch byte {
            case UInt8(ascii: "\""): put("\\\"")
            case UInt8(ascii: "\\"): put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            case 0x08: put("\\b")
            case 0x0C: put("\\f")
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                put(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            case 0xE2:
                start[count] = byte
                count += 1
            default:
                let hex: StaticString = "0123456789abcdef"
                put("\\u00")
                hex.withUTF8Buffer { digits in
                    start[count] = digits[Int(byte >> 4)]
                    start[count + 1] = digits[Int(byte & 0xF)]
                }
                count += 2
            }
            index += 1
            runStart = index
        }
        copyRun(bytes, from: runStart, to: bytes.count)
        start[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// Appends the UTF-8 text `bytes` as XML 1.0 character data, escaping `&`, `<`, `>`, `"`
    /// and carriage return (as `&#13;`, so that line-end normalization keeps it). The caller
    /// must have checked `XMLText.isRepresentable(_:)`.
    public mutating func appendXMLEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Each input byte becomes at most six (`&quot;`).
        reserve(bytes.count * 6)
        // Bits for CR (13), `"` (34), `&` (38), `<` (60) and `>` (62).
        let special: (UInt64, UInt64, UInt64, UInt64) = (0x5000_0044_0000_2000, 0, 0, 0)
        var runStart = 0
        for index in 0..<bytes.count where Self.isMarked(bytes[index], in: special) {
            copyRun(bytes, from: runStart, to: index)
            switch bytes[index] {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            case UInt8(ascii: "\""): put("&quot;")
            default: put("&#13;")
            }
            runStart = index + 1
        }
        copyRun(bytes, from: runStart, to: bytes.count)
    }

    /// Whether `byte`'s bit is set in a 256-bit set given as four words.
    @inline(__always)
    static func isMarked(_ byte: UInt8, in set: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = set.0
        case 1: word = set.1
        case 2: word = set.2
        default: word = set.3
        }
        return (word >> UInt64(byte & 63)) & 1 != 0
    }

    /// Copies `bytes[from..<to]` without a capacity check: the caller reserved room.
    @inline(__always)
    mutating func copyRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        guard to > from, let base = bytes.baseAddress else { return }
        (start + count).initialize(from: base + from, count: to - from)
        count += to - from
    }

    /// Copies `text` without a capacity check: the caller reserved room.
    @inline(__always)
    mutating func put(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        (start + count).initialize(from: text.utf8Start, count: length)
        count += length
    }

    /// Calls `body` with the bytes written so far (valid only during the call).
    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// Appends the bytes written so far to `output`.
    public func copy(to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes written, as an array.
    public consuming func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }
}
