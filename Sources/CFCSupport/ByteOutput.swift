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
        var writer = ByteWriter(capacity: 20)
        writer.appendDecimal(value)
        writer.copy(to: &self)
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
    /// One escaper for every document: `ByteWriter`'s, which the printers use.
    public mutating func appendJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        var writer = ByteWriter(capacity: bytes.count * 6 + 2)
        writer.appendJSONString(bytes)
        writer.copy(to: &self)
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
        var writer = ByteWriter(capacity: bytes.count * 6)
        writer.appendXMLEscaped(bytes)
        writer.copy(to: &self)
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
        // Nearly every string is printable ASCII or ordinary UTF-8: bytes from U+0020 up, tab,
        // line feed and carriage return, and no 0xEF lead byte (which U+FFFE and U+FFFF need;
        // surrogates cannot occur in a Swift string). Those need no scalar-by-scalar look.
        var text = value
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { byte in byte >= 0x20 ? byte != 0xEF : byte == 0x09 || byte == 0x0A || byte == 0x0D }
        }
        if plain { return nil }
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
