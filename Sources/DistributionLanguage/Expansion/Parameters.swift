import CFCDiagnostics
import YAMLSyntax

/// The type a parameter is declared with (`type:`), which every value given for it must have.
public enum ParameterType: String, Sendable, CaseIterable {
    /// Any text.
    case string
    /// A whole number.
    case integer
    /// `true` or `false`.
    case boolean
    /// A list of scalars (`aliases: ${domains}`).
    case list

    /// The type in words, for messages.
    var noun: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .list: "a list"
        }
    }
}

/// One `parameters:` entry as declared.
struct ParameterDeclaration {
    var name: String
    var key: YAMLNode
    var type: ParameterType = .string
    /// The value used where an environment gives none.
    var defaultValue: YAMLNode?
    /// The value in every environment (`value:`), which no environment may set.
    var fixedValue: YAMLNode?
    var isSensitive = false
    var description: String?
}

/// A parameter's value in one environment, resolved: its text (or items) and where it was
/// written, which is what a note about it points at.
struct ParameterValue {
    enum Content {
        case scalar(text: String, type: ResolvedType)
        case list([(text: String, type: ResolvedType, definition: YAMLNode)])
    }
    var content: Content
    /// The node the value was written as (an environment's entry, a default, a `value:`).
    var definition: YAMLNode
    /// Which environment gave it; nil for a default or a `value:`.
    var environment: String?
    var isSensitive: Bool

    /// The value as text inside a longer string; nil for a list, which has none.
    var text: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Every text the value holds (a list's items), for the set of sensitive values.
    var texts: [String] {
        switch content {
        case .scalar(let text, _): [text]
        case .list(let items): items.map(\.text)
        }
    }
}

/// Where a value written through `${name}` came from, for the note a diagnostic about the
/// value gets.
public struct ValueOrigin: Sendable, Hashable {
    /// The parameter.
    public var parameter: String
    /// The environment that set it; nil for a default or a fixed value.
    public var environment: String?
    /// Where its value was written.
    public var definition: SourceRange

    /// The note a diagnostic at the use gets.
    public var note: DiagnosticNote {
        let whose = environment.map { "environment '\($0)' sets parameter '\(parameter)' here" }
        return DiagnosticNote(whose ?? "parameter '\(parameter)' takes its value from here", at: definition)
    }
}

/// A reference in a scalar: `${name}`, `${env:NAME}`, `${file:path}`, and `$${` for a literal
/// `${`.
enum Reference: Equatable {
    case parameter(String)
    case environmentVariable(String)
    case file(String)

    /// How the reference was written, for messages and for finding it in the source.
    var spelling: String {
        switch self {
        case .parameter(let name): "${\(name)}"
        case .environmentVariable(let name): "${env:\(name)}"
        case .file(let path): "${file:\(path)}"
        }
    }
}

/// A scalar cut into literal text and references.
enum InterpolationSegment: Equatable {
    case literal(String)
    case reference(Reference)
}

/// Splitting scalars at their references.
enum Interpolation {
    /// Whether `text` may hold a reference or an escaped `$${` (cheap: most scalars hold none).
    static func mayInterpolate(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: "$")) && text.contains("${") }

    /// The segments of `text`, or the problem with it (an unclosed `${`, an empty or malformed
    /// name).
    static func segments(_ text: String) -> Result<[InterpolationSegment], SyntaxProblem> {
        var segments: [InterpolationSegment] = []
        var literal = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            literal += rest[..<dollar]
            let afterDollar = rest.index(after: dollar)
            if rest[afterDollar...].hasPrefix("${") {
                literal += "${"
                rest = rest[rest.index(afterDollar, offsetBy: 2)...]
                continue
            }
            guard rest[afterDollar...].hasPrefix("{") else {
                literal += "$"
                rest = rest[afterDollar...]
                continue
            }
            let open = rest.index(after: afterDollar)
            guard let close = rest[open...].firstIndex(of: "}") else {
                return .failure(SyntaxProblem(text: String(rest[dollar...]), reason: "'${' is not closed by '}'"))
            }
            let body = String(rest[open..<close])
            let written = String(rest[dollar...close])
            switch reference(body) {
            case .success(let reference):
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.reference(reference))
            case .failure(let reason):
                return .failure(SyntaxProblem(text: written, reason: reason.text))
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return .success(segments)
    }

    struct SyntaxProblem: Error {
        var text: String
        var reason: String
    }

    private static func reference(_ body: String) -> Result<Reference, ReasonText> {
        if body.hasPrefix("env:") {
            let name = String(body.dropFirst(4))
            guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
                name.unicodeScalars.allSatisfy(isWordCharacter)
            else {
                return .failure(ReasonText("an environment variable's name is letters, digits and '_', not starting with a digit"))
            }
            return .success(.environmentVariable(name))
        }
        if body.hasPrefix("file:") {
            let path = String(body.dropFirst(5))
            guard !path.isEmpty else { return .failure(ReasonText("'${file:}' names no file")) }
            return .success(.file(path))
        }
        guard ParameterNames.problem(with: body) == nil else {
            return .failure(
                ReasonText(
                    body.isEmpty
                        ? "'${}' names no parameter"
                        : "'\(body)' is not a parameter's name (letters, digits, '-' and '_'), nor env:NAME or file:PATH"))
        }
        return .success(.parameter(body))
    }

    struct ReasonText: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}

/// Which names can name a parameter or an environment.
public enum ParameterNames {
    /// Why `name` cannot name a parameter or environment, or nil when it can: letters, digits,
    /// `-` and `_`, starting with a letter (an environment's name becomes part of file names).
    public static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "it is empty" }
        if name.utf8.count > 64 { return "it is longer than 64 bytes" }
        guard ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return "it must start with a letter" }
        for scalar in name.unicodeScalars where !(Interpolation.isWordCharacter(scalar) || scalar == "-") {
            return "it contains '\(scalar.escaped(asASCII: true))'"
        }
        return nil
    }
}
