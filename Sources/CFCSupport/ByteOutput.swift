/// Appending text to a byte buffer.
///
/// Every document cfc writes (JSON, XML, diagnostics, plans) is built in one `[UInt8]` rather than
/// from many small `String` concatenations: appending bytes is cheap and keeps output
/// byte-deterministic, with `\n` line endings and no locale-dependent formatting.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text`.
    @inlinable
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    @usableFromInline
    static var sixtyFourSpaces: StaticString {
        "                                                                "
    }

    /// Appends `count` spaces.
    @inlinable
    public mutating func appendSpaces(_ count: Int) {
        // A static string's bytes, not a slice of a shared array: slicing would retain the
        // array's storage, an atomic operation every printing thread contends on; and copying a
        // run of bytes is several times faster than appending a repeated element.
        var remaining = count
        while remaining > 0 {
            let chunk = Swift.min(remaining, 64)
            Self.sixtyFourSpaces.withUTF8Buffer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<chunk])) }
            remaining -= chunk
        }
    }

    /// Appends the decimal form of `value`, without going through `String(describing:)`.
    public mutating func appendDecimal(_ value: Int64) {
        if value == 0 {
            append(UInt8(ascii: "0"))
            return
        }
        // The magnitude is taken as UInt64 so that Int64.min does not overflow on negation.
        let magnitude = value.magnitude
        if value < 0 { append(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (magnitude / divisor) % 10))
            divisor /= 10
        }
    }

    /// Appends `value` as a JSON string literal, quotes included (RFC 8259 escaping).
    ///
    /// Only the characters JSON requires are escaped, plus U+2028 and U+2029, which some
    /// JavaScript-based consumers still treat as line breaks; everything else is copied as UTF-8.
    public mutating func appendJSONString(_ value: String) {
        var value = value
        value.withUTF8 { appendJSONString(bytes: $0) }
    }

    /// Appends the UTF-8 text `bytes` as a JSON string literal (see `appendJSONString(_:)`).
    public mutating func appendJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: StaticString? = nil
                var needsUnicodeEscape = false
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00..<0x20: needsUnicodeEscape = true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: break
                }
                if escape == nil && !needsUnicodeEscape {
                    index += 1
                    continue
                }
                append(contentsOf: bytes[runStart..<index])
                if let escape {
                    escape.withUTF8Buffer { append(contentsOf: $0) }
                    index += byte == 0xE2 ? 3 : 1
                } else {
                    let hex = Array("0123456789abcdef".utf8)
                    append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                    index += 1
                }
                runStart = index
            }
            append(contentsOf: bytes[runStart..<bytes.count])
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends `value` as XML 1.0 character data, escaping `&`, `<`, `>`, and (for use inside
    /// attribute values) `"`.
    ///
    /// The caller must have checked `XMLText.isRepresentable(_:)`: control characters other than
    /// tab, line feed and carriage return cannot appear in an XML 1.0 document at all, escaped or
    /// not. A carriage return is written as `&#13;` so that an XML parser's line-end
    /// normalization does not turn it into a line feed.
    public mutating func appendXMLEscaped(_ value: String) {
        var value = value
        value.withUTF8 { appendXMLEscaped(bytes: $0) }
    }

    /// Appends the UTF-8 text `bytes` as XML character data (see `appendXMLEscaped(_:)`).
    public mutating func appendXMLEscaped(bytes: UnsafeBufferPointer<UInt8>) {
        do {
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                default: continue
                }
                append(contentsOf: bytes[runStart..<index])
                replacement.withUTF8Buffer { append(contentsOf: $0) }
                runStart = index + 1
            }
            append(contentsOf: bytes[runStart..<bytes.count])
        }
    }
}

/// What XML 1.0 can carry.
public enum XMLText {
    /// Whether every character of `value` is allowed in an XML 1.0 document (the `Char`
    /// production: tab, line feed, carriage return, and U+0020 and above except the surrogates
    /// and U+FFFE/U+FFFF).
    public static func isRepresentable(_ value: String) -> Bool {
        firstUnrepresentableScalar(in: value) == nil
    }

    /// The first character of `value` that XML 1.0 cannot carry, with its position in Unicode
    /// scalars from 0, or nil when there is none.
    public static func firstUnrepresentableScalar(in value: String) -> (scalar: Unicode.Scalar, index: Int)? {
        for (index, scalar) in value.unicodeScalars.enumerated() {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: continue
            default: return (scalar, index)
            }
        }
        return nil
    }
}
