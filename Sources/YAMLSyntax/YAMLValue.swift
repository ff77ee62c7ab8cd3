/// A YAML value to write, as `cfc import` and `cfc fmt` produce it and the language reference
/// shows defaults: plain data, independent of libyaml.
public indirect enum YAMLValue: Hashable, Sendable {
    /// A string; the writer quotes it when the plain form would read as something else.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// A boolean.
    case boolean(Bool)
    /// A sequence.
    case sequence([YAMLValue])
    /// A mapping, in order.
    case mapping([YAMLPair])
    /// A plain scalar written exactly as given (`0x1F`, `~`, `.inf`), for `cfc fmt`, which
    /// keeps how a value was spelt.
    case verbatim(String)
    /// A comment line, as an item of a sequence (the writer prints it as `# text`).
    case comment(String)

    /// The value in YAML flow style on one line, such as `[GET, HEAD]` or `{enabled: false}`.
    public var flowText: String {
        switch self {
        case .string(let text): YAMLScalarStyle.needsQuotes(text) ? YAMLScalarStyle.doubleQuoted(text) : text
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .sequence(let items): "[" + items.filter(\.isValue).map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let pairs): "{" + pairs.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        case .verbatim(let text): text
        case .comment: ""
        }
    }
}

extension YAMLValue {
    /// `null`: a member left unset (`cfc import` writes it for a member the API document leaves
    /// out where cfc would send one by default).
    ///
    /// Computed, not stored: a stored enum with a payload keeps its case in the pointer's spare
    /// bits, which LeakSanitizer does not recognise as a reference, so the fuzzer reported the
    /// global's box as leaked at exit.
    public static var null: YAMLValue { .verbatim("null") }

    /// Whether this is a value rather than a comment.
    public var isValue: Bool {
        if case .comment = self { return false }
        return true
    }
}

/// A key and value of a `YAMLValue.mapping`, with an optional comment written above the key.
public struct YAMLPair: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLValue
    /// A comment for the line above the key (without `#`), or nil.
    public var comment: String?

    /// Creates a pair.
    public init(_ key: String, _ value: YAMLValue, comment: String? = nil) {
        self.key = key
        self.value = value
        self.comment = comment
    }
}

/// When a string can be written plain, and how to quote it when it cannot.
public enum YAMLScalarStyle {
    /// Whether `text`, written plain, would not read back as the same string under the core
    /// schema (it would be a number, boolean or null, or is not a valid plain scalar).
    public static func needsQuotes(_ text: String) -> Bool {
        if text.isEmpty { return true }
        if CoreSchema.resolvePlain(text) != .string { return true }
        if CoreSchema.yaml11Boolean(text) != nil { return true }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return true }
        if "-?:,[]{}#&*!|>'\"%@`<=".unicodeScalars.contains(first) { return true }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value > 0x7E {
            return true
        }
        return text.contains(": ") || text.contains(" #") || text.contains(",") || text.contains("[")
            || text.contains("]") || text.contains("{") || text.contains("}") || text.hasSuffix(":")
    }

    /// `text` as a double-quoted YAML scalar, escaped.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
