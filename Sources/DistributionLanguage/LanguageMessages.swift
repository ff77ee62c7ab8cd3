import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import YAMLSyntax

/// Every message of lowering (YAML → IR) and reading (API JSON/XML → IR), in one place and in
/// alphabetical order. Ids: `schema.*` for the shape of the YAML, `reference.*` for ids that
/// point nowhere, `api.*` for API input.
public enum LanguageMessages {
    /// `api.unknown_member`: an API member the shape does not have.
    static func apiUnknownMember(
        _ name: String, in noun: String, candidates: [String], _ node: APINode, _ context: ReadingContext
    ) -> Diagnostic {
        let suggestion = context.suggestions.spend() ? Suggestions.closest(to: name, in: candidates) : nil
        return Diagnostic(
            id: "api.unknown_member", severity: .error, summary: "unknown member '\(name)' in \(noun)",
            hint: suggestion.map { "did you mean '\($0)'?" }, range: node.range)
    }

    /// `api.unmanaged_member`: a member of a wrapper that is not part of the config and that
    /// cfc does not manage (tags), read past with a warning.
    static func apiUnmanagedMember(_ name: String, in wrapper: String, _ node: APINode) -> Diagnostic {
        Diagnostic(
            id: "api.unmanaged_member", severity: .warning,
            summary: "\(name) in \(wrapper) is not part of the DistributionConfig: cfc reads past it and does not manage it",
            hint: "manage tags with aws cloudfront tag-resource; cfc compares and plans only the DistributionConfig",
            range: node.range)
    }

    /// `api.distribution_list`: list-distributions output, whose summaries lack members every
    /// config has (CallerReference, Logging, DefaultRootObject), so no config can be read from it.
    static func apiDistributionList(_ node: APINode) -> Diagnostic {
        var ids: [String] = []
        let items = node.member("DistributionList")?.member("Items") ?? node.member("Items")
        switch items?.value {
        case .array(let elements)?:
            for element in elements { if case .string(let id)? = element.member("Id")?.value { ids.append(id) } }
        case .object(let members)?:
            for member in members { if case .string(let id)? = member.node.member("Id")?.value { ids.append(id) } }
        default: break
        }
        let shown = ids.prefix(5).map { VisibleText.escaped($0) }.joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        return Diagnostic(
            id: "api.distribution_list", severity: .error,
            summary:
                "list-distributions output holds distribution summaries, not configs: they lack CallerReference, Logging and DefaultRootObject"
                + (ids.isEmpty ? "" : " (distributions \(shown))"),
            hint: "fetch each config with aws cloudfront get-distribution-config --id ID and import that",
            range: node.range)
    }

    /// `api.etag`: an `ETag` CloudFront could not have returned. It would be pasted into an
    /// `aws … --if-match` command, so it is refused where it enters.
    static func apiMalformedETag(_ value: String, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        Diagnostic(
            id: "api.etag", severity: .error,
            summary: "'\(value)' is not an ETag CloudFront returns (letters and digits, such as E2QWRUHAPOMQZL)",
            hint: "use the ETag that 'aws cloudfront get-distribution-config' printed, unchanged", range: node.range)
    }

    /// `api.missing_member`: a required API member is absent.
    static func apiMissingMember(_ name: String, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        Diagnostic(id: "api.missing_member", severity: .error, summary: "missing member '\(name)'", range: node.range)
    }

    /// `api.origin_type`: an origin with none of the three origin configs, which the API
    /// requires one of (API_Origin: "Use S3OriginConfig to specify an Amazon S3 bucket that is
    /// not configured with static website hosting… Use CustomOriginConfig to specify all other
    /// kinds of origins").
    static func apiOriginWithoutType(_ id: String, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        Diagnostic(
            id: "api.origin_type", severity: .error,
            summary: "origin '\(id)' has none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig, which the API requires one of",
            hint: "CloudFront never returns such an origin: the input was changed after it was fetched; fetch it again "
                + "with aws cloudfront get-distribution-config",
            range: node.range)
    }

    /// `api.cache_settings`: a behavior with both a cache policy and legacy forwarded values, or
    /// with neither, which CloudFront refuses and never returns (API_CacheBehavior: "A
    /// CacheBehavior must include either a CachePolicyId or ForwardedValues").
    static func apiCacheSettings(_ behavior: String, both: Bool, _ node: APINode) -> Diagnostic {
        Diagnostic(
            id: "api.cache_settings", severity: .error,
            summary: both
                ? "\(behavior) has both CachePolicyId and ForwardedValues; the API takes one or the other"
                : "\(behavior) has neither CachePolicyId nor ForwardedValues; the API requires one of them",
            hint: "CloudFront never returns such a behavior: the input was changed after it was fetched; fetch it again "
                + "with aws cloudfront get-distribution-config",
            range: node.range)
    }

    /// `api.quantity`: a `Quantity` that does not count the `Items`.
    static func apiQuantityMismatch(quantity: Int, items: Int, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        Diagnostic(
            id: "api.quantity", severity: .error,
            summary: "Quantity is \(quantity) but there are \(items) items", range: node.range)
    }

    /// `api.type`: an API value of the wrong type.
    static func apiWrongType(expected: String, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        var hint: String? = nil
        if case .string = node.value, !context.scalarsAreText {
            hint =
                "write it without quotes: the API's JSON takes a number or a boolean as such, and botocore's "
                + "validation rejects a string here before any request is sent"
        }
        return Diagnostic(
            id: "api.type", severity: .error, summary: "expected \(expected), found \(node.kindName)", hint: hint, range: node.range)
    }

    /// `schema.cached_methods_without_allowed_methods`: `cached-methods` written beside an
    /// `allowed-methods: null`, where the API has nowhere to put it.
    static func cachedMethodsWithoutAllowedMethods(at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.cached_methods_without_allowed_methods", severity: .error,
            summary: "'cached-methods' cannot be sent when 'allowed-methods' is null",
            hint: "the API nests CachedMethods inside AllowedMethods: write allowed-methods, or remove cached-methods",
            range: node.range)
    }

    /// `schema.distribution_name`: a name that cannot name output files.
    static func badDistributionName(_ name: String, reason: String, at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.distribution_name", severity: .error,
            summary: "distribution name '\(name)' cannot name an output file: \(reason)",
            hint: "use letters, digits, '-', '_' and '.', starting with a letter or digit", range: node.range)
    }

    /// `schema.version`: a `version:` other than 1.
    static func badVersion(_ node: YAMLNode) -> Diagnostic {
        if node.resolvedType == .string {
            return Diagnostic(
                id: "schema.version", severity: .error,
                summary: "expected the number 1 for 'version', found the string '\(node.text)'",
                hint: "write 'version: 1', without quotes", range: node.range)
        }
        if node.resolvedType != .integer {
            return Diagnostic(
                id: "schema.version", severity: .error,
                summary: "expected the number 1 for 'version', found \(describe(node.resolvedType))",
                hint: "write 'version: 1'", range: node.range)
        }
        return Diagnostic(
            id: "schema.version", severity: .error,
            summary: "unsupported version '\(node.text)'; this cfc reads version 1",
            hint: "a newer cfc may read it; see 'cfc --version'", range: node.range)
    }

    /// `schema.empty_file`: a file without a document.
    static func emptyFile(_ source: SourceFile) -> Diagnostic {
        Diagnostic(
            id: "schema.empty_file", severity: .error, summary: "the file holds no configuration",
            hint: "a cfc file starts with 'version: 1' and a 'distributions:' mapping", range: source.startRange)
    }

    /// `schema.enum`: a value outside an enumeration.
    static func invalidEnumValue(_ value: String, allowed: [String], at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        let suggestion = EnumSuggestion.suggestion(for: value, in: allowed)
        var fixIts: [FixIt] = []
        if let suggestion { fixIts.append(FixIt("replace with '\(suggestion)'", range: node.range, replacement: suggestion)) }
        return Diagnostic(
            id: "schema.enum", severity: .error,
            summary: "invalid value '\(value)' for '\(context.currentKey)'",
            hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "expected one of: " + allowed.joined(separator: ", "),
            range: node.range, fixIts: fixIts)
    }

    /// `schema.missing_key`: a required key is not written.
    static func missingKey(_ key: String, in noun: String, at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.missing_key", severity: .error, summary: "missing required key '\(key)' in \(noun)",
            range: node.range)
    }

    /// `schema.type`: a mapping key that is not a scalar.
    static func nonScalarKey(_ key: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.type", severity: .error, summary: "a key must be a string, not a \(key.kind.name)",
            range: key.range)
    }

    /// `schema.type`: null where a value is needed.
    static func nullValue(_ node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.type", severity: .error, summary: "'\(context.currentKey)' has no value",
            hint: "write a value, or \"\" for an empty string, or remove the key", range: node.range)
    }

    /// `schema.range`: an integer outside the member's range.
    static func outOfRange(_ text: String, range: ClosedRange<Int64>, at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.range", severity: .error,
            summary: "\(text) is out of range for '\(context.currentKey)'",
            hint: "the value must be between \(range.lowerBound) and \(range.upperBound)", range: node.range)
    }

    /// `schema.range`: a decimal outside its range (or not finite).
    static func decimalOutOfRange(_ text: String, range: ClosedRange<Double>, at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.range", severity: .error,
            summary: "\(VisibleText.escaped(text)) is out of range for '\(context.currentKey)'",
            hint: "the value must be a number between \(range.lowerBound) and \(range.upperBound)", range: node.range)
    }

    /// `schema.missing_origin_type`: an origin that is neither S3 nor custom nor VPC.
    static func missingOriginType(at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.missing_origin_type", severity: .error,
            summary: "the origin needs one of 's3-origin-config', 'custom-origin-config' or 'vpc-origin-config'",
            hint:
                "only S3 REST endpoints (bucket.s3.region.amazonaws.com) are recognized without one; for a web server write custom-origin-config: {origin-protocol-policy: https-only}",
            range: node.range)
    }

    /// `schema.origin_type`: an origin with two origin types.
    static func severalOriginTypes(_ keys: [String], at node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.origin_type", severity: .error,
            summary: "an origin takes only one of " + keys.map { "'\($0)'" }.joined(separator: " and "),
            range: node.range)
    }

    /// `reference.unknown_origin`: a target or member that names no origin.
    static func unknownOrigin(_ id: String, known: [String], at range: SourceRange?, path: String) -> Diagnostic {
        let suggestion = Suggestions.closest(to: id, in: known)
        var hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
        hint += known.isEmpty ? "the distribution defines no origins" : "defined: " + known.joined(separator: ", ")
        return Diagnostic(
            id: "reference.unknown_origin", severity: .error, summary: "'\(id)' is not an origin or origin group of this distribution",
            hint: hint, range: range, configPath: path)
    }

    /// `reference.unknown_policy`: a policy name that is neither a managed policy of its kind
    /// nor one the file declares (`declared`).
    static func unknownManagedPolicy(
        _ name: String, kind: PolicyKind, declared: [String], at range: SourceRange?, path: String?
    ) -> Diagnostic {
        let bare = ManagedPolicies.bareName(name)
        let suggestion = Suggestions.closest(to: name, in: declared) ?? Suggestions.closest(to: bare, in: kind.managedNames)
        var fixIts: [FixIt] = []
        if let suggestion, let range { fixIts.append(FixIt("replace with '\(suggestion)'", range: range, replacement: suggestion)) }
        let looksLikeID = ManagedPolicies.isWellFormedID(name)
        let declaredText = declared.isEmpty ? "" : "; declared under '\(kind.companionKind.key)': " + declared.joined(separator: ", ")
        return Diagnostic(
            id: "reference.unknown_policy", severity: .error,
            summary:
                "'\(VisibleText.escaped(name))' is neither an AWS managed \(kind.noun) nor one declared under '\(kind.companionKind.key)'",
            hint: looksLikeID
                ? "an id goes in '\(kind.idKey)'"
                : (suggestion.map { "did you mean '\($0)'? " } ?? "") + "managed \(kind.noun) names: "
                    + kind.managedNames.joined(separator: ", ")
                    + declaredText + "; a policy of your own that cfc does not declare goes in '\(kind.idKey)' by id",
            range: range, configPath: path, fixIts: fixIts)
    }

    /// `reference.unknown_policy` for a companion reference the file's declarations do not
    /// have, settled once the whole file is known.
    public static func unknownCompanion(_ reference: CompanionReference, declared: [String], at range: SourceRange?) -> Diagnostic {
        if let kind = PolicyKind.all.first(where: { $0.companionKind == reference.kind }) {
            return unknownManagedPolicy(reference.name, kind: kind, declared: declared, at: range, path: reference.path.description)
        }
        let suggestion = Suggestions.closest(to: reference.name, in: declared)
        var fixIts: [FixIt] = []
        if let suggestion, let range { fixIts.append(FixIt("replace with '\(suggestion)'", range: range, replacement: suggestion)) }
        // An origin access control's id is 13 or 14 capital letters and digits.
        let looksLikeID = reference.name.utf8.count >= 13 && CloudFrontIdentifier.isDistributionID(reference.name)
        let idHint = looksLikeID ? "an id goes in '\(reference.kind.fileWord)-id'; " : ""
        return Diagnostic(
            id: "reference.unknown_policy", severity: .error,
            summary: "'\(VisibleText.escaped(reference.name))' is no \(reference.kind.noun) declared under '\(reference.kind.key)'",
            hint: idHint + (suggestion.map { "did you mean '\($0)'? " } ?? "")
                + (declared.isEmpty ? "declare it under '\(reference.kind.key)'" : "declared: " + declared.joined(separator: ", ")),
            range: range, configPath: reference.path.description, fixIts: fixIts)
    }

    /// `schema.policy_keys`: a policy given both by name and by id.
    static func policyNamedTwice(_ kind: PolicyKind, name: YAMLNode, id: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.policy_keys", severity: .error,
            summary: "the \(kind.noun) is given twice: '\(kind.nameKey)' and '\(kind.idKey)'",
            hint: "keep one: '\(kind.nameKey)' names a managed or declared policy, '\(kind.idKey)' gives any policy's id",
            range: id.range, notes: [DiagnosticNote("also given here", at: name.range)])
    }

    /// `schema.policy_keys`: a companion given both by name and by id.
    static func namedTwice(noun: String, nameKey: String, idKey: String, name: YAMLNode, id: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.policy_keys", severity: .error,
            summary: "the \(noun) is given twice: '\(nameKey)' and '\(idKey)'",
            hint: "keep one: '\(nameKey)' names one the file declares, '\(idKey)' gives any one's id",
            range: id.range, notes: [DiagnosticNote("also given here", at: name.range)])
    }

    /// `reference.unknown_policy`: a name that cannot name a companion at all.
    static func badCompanionReference(_ name: String, kind: CompanionKind, reason: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "reference.unknown_policy", severity: .error,
            summary: "'\(VisibleText.escaped(name))' cannot name a \(kind.noun): \(reason)",
            hint: name.hasPrefix("arn:") && kind.isKnownByName
                ? "an ARN goes in '\(kind.fileWord)-arn'" : "name one declared under '\(kind.key)'",
            range: range)
    }

    /// `schema.companion_name`: a companion name that cannot name an output file.
    static func badCompanionName(_ name: String, kind: CompanionKind, reason: String, at key: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.companion_name", severity: .error,
            summary: "'\(VisibleText.escaped(name))' cannot name a \(kind.noun): \(reason)",
            hint: kind.isKnownByName
                ? "use letters, digits, '-' and '_', starting with a letter or digit, at most 64 (CloudFront's rule for \(kind.noun) names)"
                : "use letters, digits, '-', '_' and '.', starting with a letter or digit (it names NAME.\(kind.fileWord).json)",
            range: key.range)
    }

    /// `schema.companion_name`: a declared policy named like an AWS managed one.
    static func companionNamedLikeManaged(_ name: String, kind: CompanionKind, at key: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.companion_name", severity: .error,
            summary: "'\(VisibleText.escaped(name))' is the name of an AWS managed \(kind.noun)",
            hint: "choose another name: a behavior's '\(kind.fileWord): \(ManagedPolicies.bareName(name))' would mean either",
            range: key.range)
    }

    /// `reference.origin_group_member`: an origin group member that is not an origin.
    static func unknownGroupMember(_ id: String, known: [String], at range: SourceRange?, path: String) -> Diagnostic {
        let suggestion = Suggestions.closest(to: id, in: known)
        return Diagnostic(
            id: "reference.unknown_origin", severity: .error, summary: "origin group member '\(id)' is not an origin of this distribution",
            hint: suggestion.map { "did you mean '\($0)'?" }, range: range, configPath: path)
    }

    /// `schema.unknown_key`: a key the structure does not have.
    static func unknownKey(
        _ key: String, in noun: String, candidates: [String], excluded: Bool, at node: YAMLNode, _ context: LoweringContext
    ) -> Diagnostic {
        if excluded {
            return Diagnostic(
                id: "schema.unknown_key", severity: .error, summary: "'\(key)' cannot be set on the \(noun)",
                hint: key == "path-pattern" ? "the default cache behavior serves every request no cache behavior matches" : nil,
                range: node.range)
        }
        // No candidates: the context has made its suggestions (`SuggestionAllowance`).
        var suggestion = candidates.isEmpty ? nil : Suggestions.closest(to: key, in: candidates)
        // PascalCase API names are a common slip: `ViewerProtocolPolicy` for `viewer-protocol-policy`.
        if !candidates.isEmpty {
            let kebab = KebabCase.from(apiName: key)
            if candidates.contains(kebab) { suggestion = kebab }
        }
        var fixIts: [FixIt] = []
        if let suggestion { fixIts.append(FixIt("rename to '\(suggestion)'", range: node.range, replacement: suggestion)) }
        return Diagnostic(
            id: "schema.unknown_key", severity: .error, summary: "unknown key '\(key)' in \(noun)",
            hint: suggestion.map { "did you mean '\($0)'?" }, range: node.range, fixIts: fixIts)
    }

    /// `schema.xml_character`: a string with a character XML 1.0 cannot carry.
    static func unrepresentableCharacter(_ scalar: Unicode.Scalar, at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.xml_character", severity: .error,
            summary: "the value contains \(VisibleText.codePoint(scalar)), which the CloudFront API (XML 1.0) cannot carry",
            hint: "remove the control character", range: node.range)
    }

    /// `api.xml_character`: an API string with a character XML 1.0 cannot carry.
    static func apiUnrepresentableCharacter(_ scalar: Unicode.Scalar, _ node: APINode, _ context: ReadingContext) -> Diagnostic {
        Diagnostic(
            id: "api.xml_character", severity: .error,
            summary:
                "the value contains \(VisibleText.codePoint(scalar)), which the CloudFront API (XML 1.0) cannot carry, so CloudFront never returns it",
            hint: "the input was changed after CloudFront returned it; fetch it again with aws cloudfront get-distribution-config",
            range: node.range)
    }

    /// `schema.type`: a value of the wrong type.
    static func wrongType(expected: String, found node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        var hint: String? = nil
        let found = node.resolvedType
        if found == .string, node.style != .plain, expected.contains("integer") || expected.contains("boolean") {
            hint = "remove the quotes: a quoted value is a string"
        } else if found == .float, expected.contains("integer") {
            hint = "write a whole number"
        } else if expected == "a list", node.kind == .scalar {
            hint = "write a list, such as [\(node.text)]"
        }
        return Diagnostic(
            id: "schema.type", severity: .error,
            summary: "expected \(expected) for '\(context.currentKey)', found \(describe(found))",
            hint: hint, range: node.range)
    }

    /// `schema.yaml11_boolean`: `yes`/`no`/`on`/`off` where a boolean is expected.
    static func yaml11Boolean(_ text: String, meant: Bool, at node: YAMLNode, _ context: LoweringContext) -> Diagnostic {
        Diagnostic(
            id: "schema.yaml11_boolean", severity: .error,
            summary: "'\(text)' is not a boolean in YAML 1.2",
            hint: "YAML 1.2 has only true and false; write '\(meant)'", range: node.range,
            fixIts: [FixIt("replace with '\(meant)'", range: node.range, replacement: String(meant))])
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
}

/// The kebab-case spelling of API member names, which is how cfc's keys are formed:
/// `ViewerProtocolPolicy` → `viewer-protocol-policy`, `IsIPV6Enabled` → `is-ipv6-enabled`,
/// `HTTPSPort` → `https-port`, `MinTTL` → `min-ttl`.
public enum KebabCase {
    /// The kebab-case form of a PascalCase API name. A new word starts at a capital that follows
    /// a lower-case letter or digit, or at the last capital of a run of capitals that is
    /// followed by a lower-case letter (`HTTPSPort` → `HTTPS`, `Port`).
    public static func from(apiName: String) -> String {
        let characters = Array(apiName)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false))
                if startsWord { result.append("-") }
            }
            result += character.lowercased()
        }
        return result
    }
}
