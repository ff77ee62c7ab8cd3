/// Scalar resolution by the YAML 1.2 core schema.
///
/// YAML 1.1 read `yes`, `no`, `on` and `off` as booleans and `010` as octal; YAML 1.2 does not,
/// and neither does cfc: a country code `NO` stays the string "NO".
public enum CoreSchema {
    /// The type of a plain scalar from its bytes. Most scalars of a config are strings that
    /// start with a letter, which is decided without building a `String`.
    ///
    /// The parser resolves every plain scalar of the file on its one thread, so the common
    /// cases are decided on bytes: words, nulls, booleans, decimal integers, and identifiers
    /// that start like numbers. The rest (floats, `0x`/`0o` integers, `.inf`) takes the
    /// `String` path, which is the definition; a test holds the two to agreeing.
    public static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedType {
        guard let first = bytes.first else { return .null }
        func isOne(of lower: StaticString, _ capitalized: StaticString, _ upper: StaticString) -> Bool {
            func equals(_ spelling: StaticString) -> Bool { spelling.withUTF8Buffer { $0.elementsEqual(bytes) } }
            return equals(lower) || equals(capitalized) || equals(upper)
        }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOne(of: "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOne(of: "true", "True", "TRUE") ? .boolean : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOne(of: "false", "False", "FALSE") ? .boolean : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            break
        default:
            return .string
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        // `[-+]?[0-9]+` is a decimal integer.
        let unsigned = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
        if !unsigned.isEmpty && unsigned.allSatisfy(isDigit) { return .integer }
        // Identifiers that start like numbers (a UUID, a hex id) are strings: in every numeric
        // form a sign comes first or right after an exponent's `e`, and a number that starts
        // with a digit has no letter but `e` unless it starts `0x` or `0o`.
        let radixPrefixed =
            bytes.count > 1 && first == UInt8(ascii: "0")
            && (bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o"))
        for index in 1..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                if bytes[index - 1] != UInt8(ascii: "e") && bytes[index - 1] != UInt8(ascii: "E") { return .string }
            } else if isDigit(first), !radixPrefixed, !isDigit(byte), byte != UInt8(ascii: "."),
                byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E")
            {
                return .string
            }
        }
        return resolvePlain(String(decoding: bytes, as: UTF8.self))
    }

    /// The type of a plain (unquoted, untagged) scalar.
    public static func resolvePlain(_ text: String) -> ResolvedType {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .boolean
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            ".nan", ".NaN", ".NAN":
            return .float
        default: break
        }
        if parseInteger(text) != nil || isIntegerSyntax(text) { return .integer }
        if isFloatSyntax(text) { return .float }
        return .string
    }

    /// The boolean a core-schema boolean scalar means.
    public static func parseBoolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Whether `text` is one of YAML 1.1's booleans that YAML 1.2 reads as a string, and which
    /// boolean its author probably meant.
    public static func yaml11Boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "on": true
        case "no", "n", "off": false
        default: nil
        }
    }

    /// Parses a core-schema integer (`[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`), or returns
    /// nil if the text is not one or does not fit in 64 bits.
    public static func parseInteger(_ text: String) -> Int64? {
        var digits = Substring(text)
        var negative = false
        var radix = 10
        if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
        // Accumulate as a negative number so that Int64.min, whose magnitude does not fit in
        // Int64, parses too; every step is overflow-checked.
        var value: Int64 = 0
        for byte in digits.utf8 {
            let digit = Int64(digitValue(byte))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: Int64(radix))
            let (next, overflow2) = shifted.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    /// Whether `text` has the form of a core-schema integer, whatever its size (so that a
    /// 2^64 literal is reported as "out of range", not as "not an integer").
    public static func isIntegerSyntax(_ text: String) -> Bool {
        var digits = Substring(text)
        var radix = 10
        if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if let sign = digits.first, sign == "-" || sign == "+" {
            digits = digits.dropFirst()
        }
        return !digits.isEmpty && digits.utf8.allSatisfy { isDigit($0, radix: radix) }
    }

    /// Whether `text` matches the core schema's float form `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func isFloatSyntax(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix { isDigit($0, radix: 10) }.count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix { isDigit($0, radix: 10) }.count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0, !(integerDigits == 0 && !hasPoint) else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix { isDigit($0, radix: 10) }.count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): true
        case UInt8(ascii: "8")...UInt8(ascii: "9"): radix >= 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): radix == 16
        default: false
        }
    }

    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        default: Int(byte - UInt8(ascii: "A")) + 10
        }
    }
}
