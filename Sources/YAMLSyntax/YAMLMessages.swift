import CFCDiagnostics

/// Every message the YAML front end produces, in one place and in alphabetical order.
public enum YAMLMessages {
    /// `yaml.alias_expansion`: aliases would expand the document past the budget.
    static func aliasExpansionTooLarge(limit: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.alias_expansion", severity: .error,
            summary: "aliases expand the document to more than \(limit) nodes",
            hint: "this is how a 'billion laughs' file exhausts memory; write the values out, or use fewer nested aliases",
            range: range)
    }

    /// `yaml.merge_key`: `<<` whose value is not a mapping or list of mappings.
    static func badMergeValue(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.merge_key", severity: .error,
            summary: "a merge key '<<' needs a mapping or a list of mappings",
            hint: "write '<<: *anchor' where the anchor names a mapping", range: range)
    }

    /// `yaml.duplicate_key`: a mapping sets the same key twice.
    static func duplicateKey(_ key: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.duplicate_key", severity: .error,
            summary: "duplicate key '\(key)'",
            hint: "YAML keeps only one of the values; remove one of them",
            range: range, notes: [DiagnosticNote("'\(key)' is first set here", at: first)])
    }

    /// `yaml.memory`: libyaml could not allocate.
    static func outOfMemory(file: String) -> Diagnostic {
        Diagnostic(id: "yaml.memory", severity: .error, summary: "out of memory while parsing", file: file)
    }

    /// `yaml.encoding`: libyaml could not read the bytes (invalid UTF-8, forbidden characters).
    static func readerError(_ problem: String, value: Int32, at range: SourceRange) -> Diagnostic {
        var summary = problem
        var hint: String? = nil
        if problem.contains("control characters") {
            summary = "control character U+\(hex(value)) is not allowed in YAML"
            hint = "only tab, line feed and carriage return may appear; write other characters as escapes in a double-quoted string"
        } else if problem.contains("UTF-8") || problem.contains("octet") {
            summary = "invalid UTF-8: \(problem)"
            hint = "cfc reads UTF-8; save the file as UTF-8"
        }
        return Diagnostic(id: "yaml.encoding", severity: .error, summary: summary, hint: hint, range: range)
    }

    /// `yaml.recursive_alias`: an alias inside the collection its anchor names.
    static func recursiveAlias(_ name: String, at range: SourceRange, anchor: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.recursive_alias", severity: .error,
            summary: "alias '*\(name)' refers to a collection that contains it",
            hint: "a configuration cannot be infinite; copy the part you need instead",
            range: range, notes: [DiagnosticNote("anchor '&\(name)' is defined here", at: anchor)])
    }

    /// `yaml.scalar_length`: a scalar longer than the limit.
    static func scalarTooLong(_ length: Int, limit: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.scalar_length", severity: .error,
            summary: "a scalar of \(length) bytes is longer than the limit of \(limit) bytes",
            hint: "no CloudFront setting takes a value this long", range: range)
    }

    /// `yaml.documents`: more than one YAML document in the file.
    static func severalDocuments(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.documents", severity: .error,
            summary: "a second YAML document starts here; a cfc file holds one document",
            hint: "put every distribution under one 'distributions:' mapping, or use one file per document",
            range: range)
    }

    /// `yaml.syntax`: libyaml's scanner or parser stopped.
    static func syntaxError(
        _ problem: String, at range: SourceRange, context: String?, contextRange: SourceRange?, offendingByte: UInt8?
    ) -> Diagnostic {
        var hint: String? = nil
        if context == "while scanning an alias" || context == "while scanning an anchor" {
            hint = "in YAML a value that starts with '*' or '&' is an alias or anchor; quote it, as in \"*.jpg\""
        } else if problem.contains("cannot start any token") && offendingByte == 0x09 {
            hint = "YAML indentation uses spaces; replace the tab with spaces"
        } else if problem.contains("mapping values are not allowed") {
            hint = "a value containing ': ' must be quoted, or the indentation is off"
        } else if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            hint = "check the indentation of this line against the lines above it"
        } else if problem.contains("found unexpected end of stream") {
            hint = "a quote or bracket opened earlier is never closed"
        }
        var notes: [DiagnosticNote] = []
        if let context { notes.append(DiagnosticNote(context, at: contextRange)) }
        return Diagnostic(id: "yaml.syntax", severity: .error, summary: problem, hint: hint, range: range, notes: notes)
    }

    /// `yaml.tag`: a tag that cannot apply to the node's kind.
    static func tagDoesNotFit(_ tag: String, kind: YAMLNode.Kind, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.tag", severity: .error, summary: "tag '\(tag)' cannot be used on a \(kind.name)", range: range)
    }

    /// `yaml.tag`: a tagged scalar whose text is not a value of the tag's type.
    static func tagDoesNotFitValue(_ tag: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.tag", severity: .error, summary: "the value is not a valid '\(tag)'",
            hint: "remove the tag, or write a value of that type", range: range)
    }

    /// `yaml.documents`: a stream that is not UTF-8.
    static func notUTF8(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.encoding", severity: .error, summary: "the file is UTF-16; cfc reads UTF-8",
            hint: "save the file as UTF-8", range: range)
    }

    /// `yaml.depth`: nesting deeper than the limit.
    static func tooDeep(limit: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.depth", severity: .error,
            summary: "collections are nested more than \(limit) levels deep",
            hint: "a cfc configuration nests 8 levels at most", range: range)
    }

    /// `yaml.alias`: an alias with no anchor before it.
    static func undefinedAlias(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.alias", severity: .error, summary: "alias '*\(name)' has no anchor '&\(name)' before it",
            hint: "an anchor must be defined earlier in the file than any alias to it", range: range)
    }

    /// `yaml.tag`: a tag outside the core schema.
    static func unknownTag(_ tag: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "yaml.tag", severity: .error, summary: "unknown tag '\(displayTag(tag))'",
            hint: "cfc accepts only the core schema's tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
            range: range)
    }

    private static func displayTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    private static func hex(_ value: Int32) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
