import CFCDiagnostics
import CFCSupport
import YAMLSyntax

/// The diagnostics of parameters and environments (`parameters.*`, `environments.*`).
enum ExpansionMessages {
    /// `parameters.declaration`: `parameters:` or a declaration that is not a mapping.
    static func notMapping(_ what: String, expected: String, _ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.declaration", severity: .error,
            summary: "expected \(expected) for '\(what)', found a \(node.kind.name)", range: node.range)
    }

    /// `parameters.declaration`: a name that cannot name a parameter or environment.
    static func badName(_ name: String, noun: String, reason: String, at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.declaration", severity: .error,
            summary: "'\(name)' cannot name \(noun == "environment" ? "an" : "a") \(noun): \(reason)",
            hint: "use letters, digits, '-' and '_', starting with a letter", range: node.range)
    }

    /// `parameters.declaration`: a `type:` cfc does not know.
    static func badType(_ written: String, at node: YAMLNode) -> Diagnostic {
        let allowed = ParameterType.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: written, in: allowed)
        return Diagnostic(
            id: "parameters.declaration", severity: .error,
            summary: "unknown parameter type '\(written)'",
            hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "a parameter is one of: \(allowed.joined(separator: ", "))",
            range: node.range)
    }

    /// `parameters.declaration`: `sensitive:` that is not a boolean.
    static func notBoolean(_ key: String, _ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.declaration", severity: .error, summary: "expected true or false for '\(key)'", range: node.range)
    }

    /// `parameters.declaration`: a key a declaration does not take.
    static func unknownDeclarationKey(_ key: String, at node: YAMLNode) -> Diagnostic {
        let known = ["type", "default", "value", "sensitive", "description"]
        let suggestion = Suggestions.closest(to: key, in: known)
        return Diagnostic(
            id: "parameters.declaration", severity: .error, summary: "unknown key '\(key)' in a parameter's declaration",
            hint: suggestion.map { "did you mean '\($0)'?" } ?? "a declaration takes \(known.joined(separator: ", "))",
            range: node.range)
    }

    /// `parameters.declaration`: both `default:` and `value:`.
    static func defaultAndValue(_ name: String, defaultValue: YAMLNode, fixedValue: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.declaration", severity: .error,
            summary: "parameter '\(name)' has both a default and a fixed value",
            hint: "'default' is used where an environment sets no value; 'value' is the value everywhere. Keep one",
            range: fixedValue.range, notes: [DiagnosticNote("the default is here", at: defaultValue.range)])
    }

    /// `environments.unknown`: `--env` names an environment the file does not declare.
    static func unknownEnvironment(_ name: String, declared: [String], at key: YAMLNode) -> Diagnostic {
        let suggestion = Suggestions.closest(to: name, in: declared)
        return Diagnostic(
            id: "environments.unknown", severity: .error,
            summary: "no environment '\(name)' in this file",
            hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "the file declares \(list(declared))",
            range: key.range)
    }

    /// `environments.unknown`: `--env` given for a file without environments.
    static func noEnvironments(_ name: String, file: SourceFile) -> Diagnostic {
        Diagnostic(
            id: "environments.unknown", severity: .error,
            summary: "no environment '\(name)': the file declares no environments",
            hint: "declare it under 'environments:', or leave out --env", range: file.startRange)
    }

    /// `environments.required`: a file with environments compiled without `--env`.
    static func environmentRequired(_ declared: [String], at key: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "environments.required", severity: .error,
            summary: "the file declares environments \(list(declared)): choose one with --env",
            hint: "for example --env \(declared[0]); 'cfc check' without --env checks every environment", range: key.range)
    }

    /// `parameters.unknown`: `${name}` or an environment's value for an undeclared parameter.
    static func unknownParameter(
        _ name: String, declared: [String], at range: SourceRange, parametersKey: YAMLNode?, inEnvironment: Bool
    ) -> Diagnostic {
        let suggestion = Suggestions.closest(to: name, in: declared)
        var hint = suggestion.map { "did you mean '\($0)'?" }
        if hint == nil {
            hint = declared.isEmpty ? "declare it under 'parameters:'" : "declare it under 'parameters:' (declared: \(list(declared)))"
        }
        return Diagnostic(
            id: "parameters.unknown", severity: .error,
            summary: inEnvironment ? "the environment sets '\(name)', which is not a declared parameter" : "unknown parameter '\(name)'",
            hint: hint, range: range,
            notes: parametersKey.map { [DiagnosticNote("parameters are declared here", at: $0.range)] } ?? [])
    }

    /// `parameters.fixed_value`: an environment sets a parameter declared with `value:`.
    static func setsFixedValue(_ name: String, environment: String, at key: YAMLNode, fixed: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.fixed_value", severity: .error,
            summary: "environment '\(environment)' sets '\(name)', whose value is fixed",
            hint: "declare it with 'default:' instead of 'value:' to let environments set it", range: key.range,
            notes: [DiagnosticNote("the fixed value is here", at: fixed.range)])
    }

    /// `parameters.missing_value`: a parameter without a default that an environment (or a
    /// file without environments) gives no value.
    static func missingValue(_ name: String, environment: (name: String, at: YAMLNode)?, declaration: YAMLNode) -> Diagnostic {
        guard let environment else {
            return Diagnostic(
                id: "parameters.missing_value", severity: .error,
                summary: "parameter '\(name)' has no value",
                hint: "give it a 'default:', or declare environments that set it", range: declaration.range)
        }
        return Diagnostic(
            id: "parameters.missing_value", severity: .error,
            summary: "environment '\(environment.name)' gives no value for parameter '\(name)', which has no default",
            hint: "set '\(name)' in environment '\(environment.name)', or give the parameter a 'default:'",
            range: environment.at.range, notes: [DiagnosticNote("'\(name)' is declared here", at: declaration.range)])
    }

    /// `parameters.type`: a value of the wrong type for its declaration.
    static func wrongValueType(
        _ declaration: ParameterDeclaration, environment: String?, found node: YAMLNode, text: String? = nil
    ) -> Diagnostic {
        let whose = environment.map { "environment '\($0)' gives" } ?? "the declaration gives"
        let found: String
        if node.kind != .scalar {
            found = "a \(node.kind.name)"
        } else if node.isNull {
            found = "null"
        } else if let text, declaration.type != .string {
            found = "'\(text)'"
        } else {
            found = describe(node.resolvedType)
        }
        var hint: String? = nil
        if node.kind == .scalar, node.resolvedType == .string, node.style != .plain,
            declaration.type == .integer || declaration.type == .boolean
        {
            hint = "remove the quotes: a quoted value is a string"
        } else if declaration.type == .string, node.kind == .scalar, !node.isNull {
            hint = "quote it to make it a string: \"\(node.text)\""
        }
        return Diagnostic(
            id: "parameters.type", severity: .error,
            summary: "parameter '\(declaration.name)' is \(declaration.type.noun), but \(whose) it \(found)",
            hint: hint, range: node.range,
            notes: [DiagnosticNote("'\(declaration.name)' is declared \(declaration.type.rawValue) here", at: declaration.key.range)])
    }

    /// `parameters.type`: a list parameter with an item that is not a scalar.
    static func listItemNotScalar(_ declaration: ParameterDeclaration, environment: String?, item: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.type", severity: .error,
            summary: "an item of list parameter '\(declaration.name)' is \(item.kind == .scalar ? "null" : "a \(item.kind.name)")",
            hint: "a list parameter holds strings, numbers or booleans", range: item.range,
            notes: [DiagnosticNote("'\(declaration.name)' is declared here", at: declaration.key.range)])
    }

    /// `parameters.type`: a list parameter inside a longer string.
    static func listInText(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "parameters.type", severity: .error,
            summary: "list parameter '\(name)' is used inside text",
            hint: "a list stands alone as a value: 'aliases: ${\(name)}'", range: range)
    }

    /// `parameters.reference`: a malformed `${…}`.
    static func badReference(_ problem: Interpolation.SyntaxProblem, at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.reference", severity: .error, summary: "cannot read '\(problem.text)': \(problem.reason)",
            hint: "write ${name}, ${env:NAME} or ${file:path}; write $${ for a literal '${'", range: node.range)
    }

    /// `parameters.reference`: a parameter's value that uses another parameter.
    static func parameterInValue(_ used: String, of name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "parameters.reference", severity: .error,
            summary: "the value of parameter '\(name)' uses parameter '\(used)'",
            hint: "a parameter's value may read ${env:NAME} or ${file:path}, not another parameter", range: range)
    }

    /// `parameters.unset_variable`: `${env:NAME}` with NAME unset.
    static func unsetVariable(_ name: String, at range: SourceRange, severity: Severity) -> Diagnostic {
        Diagnostic(
            id: "parameters.unset_variable", severity: severity,
            summary: severity == .error
                ? "environment variable \(name) is not set"
                : "environment variable \(name) is not set; checked with a placeholder in its place",
            hint: "set \(name) in the environment cfc runs in", range: range)
    }

    /// `parameters.file`: a file a config reads values from that cannot be read.
    static func unreadableFile(_ path: String, reason: String, at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.file", severity: .error, summary: "cannot read '\(path)': \(reason)",
            hint: "name a file beneath the config's directory, as a relative path", range: node.range)
    }

    /// `parameters.too_large`: substitution beyond the byte budget.
    static func tooLarge(limit: Int, file: SourceFile) -> Diagnostic {
        Diagnostic(
            id: "parameters.too_large", severity: .error,
            summary: "substituting parameters makes the config larger than \(limit) bytes",
            hint: "a long value used in many places multiplies; use it in fewer places or shorten it", range: file.startRange)
    }

    /// `parameters.unused`: a declared parameter nothing uses.
    static func unused(_ name: String, at key: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "parameters.unused", severity: .warning, summary: "parameter '\(name)' is declared but never used",
            hint: "use it as ${\(name)}, or remove the declaration", range: key.range)
    }

    private static func describe(_ type: ResolvedType) -> String {
        switch type {
        case .null: "null"
        case .boolean: "a boolean"
        case .integer: "an integer"
        case .float: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    private static func list(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
}
