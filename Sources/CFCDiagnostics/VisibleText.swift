/// Making text from an input file safe to print on a terminal.
///
/// Messages quote keys, names and values from the user's file, and snippets copy its lines. A
/// file may hold any bytes: an ESC sequence would retitle or clear the terminal that shows the
/// error, a line break inside a key would start a forged `file:line:col: error:` line, and a
/// zero-width space would read as nothing at all. Every such character is shown as the escape
/// YAML's double-quoted strings use for it (`\e`, `\n`, `\u200B`), so what the user sees can be
/// pasted back into a quoted YAML string.
public enum VisibleText {
    /// `text` with every invisible or control character replaced by its YAML escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Multi-line `text` (a report's lines) with every invisible or control character inside a
    /// line escaped, and the line feeds between lines kept: the one pass every text report for
    /// a terminal (plan, diff, route, fmt) makes before it is printed.
    public static func escapedLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// Whether `scalar` must not reach a terminal as it is: C0 and C1 controls, DEL, the line
    /// and paragraph separators, and format characters (zero-width spaces, joiners, bidi
    /// overrides, the byte order mark), which are invisible or reorder the text around them.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0x20 || (value >= 0x7F && value <= 0x9F) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate, .privateUse, .unassigned: return true
        default: return value == 0xA0
        }
    }

    /// The YAML escape for `scalar`: a named one where YAML has it, else `\xXX`, `\uXXXX` or
    /// `\UXXXXXXXX`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        case let value where value <= 0xFF: return "\\x" + hex(value, digits: 2)
        case let value where value <= 0xFFFF: return "\\u" + hex(value, digits: 4)
        case let value: return "\\U" + hex(value, digits: 8)
        }
    }

    /// `U+XXXX`, the way Unicode names a character, for messages about one that cannot be
    /// shown (a zero-width space) or looks like another (a no-break space).
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "U+" + hex(scalar.value, digits: 4)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(digits - text.count, 0)) + text
    }
}
