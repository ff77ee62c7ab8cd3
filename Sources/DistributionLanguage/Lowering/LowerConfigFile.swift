import CFCDiagnostics
import CFCSupport
import DistributionIR
import YAMLSyntax

/// Lowers a parsed cfc file into the IR: `version: 1` and a `distributions:` mapping from name
/// to distribution.
///
/// Every problem is reported, each at its own line; lowering carries on past errors so that one
/// run shows them all. The model is returned even when errors were reported (with the broken
/// values left out or at their defaults); callers check the sink before using it.
///
/// - Parameters:
///   - document: the parsed YAML.
///   - sink: receives every problem.
/// - Returns: the model, or nil when the file has no usable top level.
public func lowerConfigFile(_ document: YAMLDocument, sink: any DiagnosticSink) -> ConfigModel? {
    guard let entries = lowerTopLevel(document, sink: sink) else { return nil }
    // The distributions are independent: lowered on all cores, reported in file order.
    let locator = YAMLSourceLocator(document: document)
    let lowered = Parallel.map(entries) { lowerDistribution($0, locator: locator) }
    var model = ConfigModel()
    model.companions = lowerCompanions(document, sink: sink)
    model.distributions.reserveCapacity(lowered.count)
    for result in lowered {
        for diagnostic in result.diagnostics { sink.emit(diagnostic) }
        if let distribution = result.distribution { model.distributions.append(distribution) }
    }
    return model
}

/// Lowers the top level of a cfc file (`version`, the `distributions` mapping, the names) and
/// returns the distributions' entries in file order, for `lowerDistribution`. Nil when the
/// file has no usable top level.
public func lowerTopLevel(_ document: YAMLDocument, sink: any DiagnosticSink) -> [DistributionEntry]? {
    var context = LoweringContext(sink: sink)
    guard let root = document.root, !(root.kind == .scalar && root.isNull) else {
        sink.emit(LanguageMessages.emptyFile(document.source))
        return nil
    }
    guard root.kind == .mapping else {
        context.emit(TopLevelMessages.rootNotMapping(root))
        return nil
    }
    var versionSeen = false
    var distributionsNode: YAMLNode? = nil
    var unknownKeys: [String] = []
    for (key, value) in root.pairs {
        guard key.kind == .scalar else {
            context.emit(LanguageMessages.nonScalarKey(key, context))
            continue
        }
        switch key.text {
        case "version":
            versionSeen = true
            if value.resolvedType != .integer || CoreSchema.parseInteger(value.text) != 1 {
                context.emit(LanguageMessages.badVersion(value))
            }
        case "distributions":
            distributionsNode = value
        case _ where CompanionKind(rawValue: key.text) != nil:
            break  // lowerCompanions
        default:
            unknownKeys.append(key.text)
            context.emit(
                LanguageMessages.unknownKey(
                    key.text, in: "file",
                    candidates: ["version", "distributions", "parameters", "environments"] + CompanionKind.allCases.map(\.key),
                    excluded: false, at: key, context))
        }
    }
    // One typo, one error: a misspelt key is reported as unknown, with "did you mean", not also
    // as missing.
    func misspelt(_ key: String) -> Bool { unknownKeys.contains { Suggestions.closest(to: $0, in: [key]) != nil } }
    if !versionSeen && !misspelt("version") { context.emit(TopLevelMessages.missingTopLevelKey("version", root)) }
    guard let distributionsNode else {
        if !misspelt("distributions") { context.emit(TopLevelMessages.missingTopLevelKey("distributions", root)) }
        return nil
    }
    guard distributionsNode.kind == .mapping else {
        context.within(.key("distributions")) {
            $0.emit(LanguageMessages.wrongType(expected: "a mapping from name to distribution", found: distributionsNode, $0))
        }
        return nil
    }
    if distributionsNode.count == 0 {
        context.emit(TopLevelMessages.noDistributions(distributionsNode))
    }
    if distributionsNode.count > TopLevelMessages.distributionsPerAccount {
        context.emit(TopLevelMessages.tooManyDistributions(distributionsNode))
    }
    var entries: [DistributionEntry] = []
    entries.reserveCapacity(distributionsNode.count)
    for (key, value) in distributionsNode.pairs {
        guard key.kind == .scalar else {
            context.emit(LanguageMessages.nonScalarKey(key, context))
            continue
        }
        if let problem = DistributionNames.problem(with: key.text) {
            context.emit(LanguageMessages.badDistributionName(key.text, reason: problem, at: key))
        }
        entries.append(DistributionEntry(key: key, value: value))
    }
    return entries
}

/// One entry of the `distributions:` mapping: the name's node and the distribution's.
public struct DistributionEntry: Sendable {
    /// The name, as written.
    public var key: YAMLNode
    /// The distribution (in a file parsed with detaching, possibly a placeholder; see
    /// `YAMLDocument.isDetached`).
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// Lowers one distribution and checks its references, with diagnostics of its own (so that
/// distributions can be lowered in parallel and reported in file order). A companion it names
/// takes its id from `companionIDs`; whether the file declares it is settled by the caller,
/// which knows the whole file.
public func lowerDistribution(
    _ entry: DistributionEntry, locator: YAMLSourceLocator, companionIDs: CompanionIDs = CompanionIDs()
) -> (distribution: Distribution?, diagnostics: [Diagnostic]) {
    let sink = DiagnosticCollector()
    var context = LoweringContext(sink: sink)
    context.companionIDs = companionIDs
    // Only a file with anchors can share a value between distributions; without any, the note
    // "takes this value from an anchor" was wrong wherever a finding pointed at a name.
    if locator.mayShareValues { context.distribution = (entry.key, entry.value.range) }
    let name = entry.key.text
    let lowered = context.within(.key("distributions")) { context in
        context.within(.key(name), key: entry.key) { StructureCodec<Distribution>().lower(entry.value, &$0) }
    }
    guard var distribution = lowered else { return (nil, sink.diagnostics) }
    distribution.name = name
    distribution.companionReferences = context.companionReferences
    Distribution.applyContextualDefaults(&distribution)
    checkReferences(distribution, locator: locator, sink: sink)
    return (distribution, sink.diagnostics)
}

/// Reports every target and group member that names no origin of its distribution.
func checkReferences(_ distribution: Distribution, locator: any SourceLocator, sink: any DiagnosticSink) {
    let config = distribution.config
    // Without origins every reference would be reported; the missing 'origins' key already is.
    guard !config.origins.isEmpty else { return }
    let originIDs = config.origins.map(\.id)
    let targets = Set(originIDs + config.originGroups.map(\.id))
    let known = originIDs + config.originGroups.map(\.id)
    let base = distribution.path
    // Paths are built only for a reference that is reported: this runs for every behavior.
    func checkTarget(_ target: String, _ path: @autoclosure () -> ConfigPath) {
        guard !target.isEmpty, !targets.contains(target) else { return }
        let targetPath = path().appending("target-origin-id")
        sink.emit(
            LanguageMessages.unknownOrigin(
                target, known: known,
                at: locator.valueRange(of: targetPath), path: targetPath.description))
    }
    checkTarget(config.defaultCacheBehavior.targetOriginId, base.appending("default-cache-behavior"))
    config.cacheBehaviors.withUnsafeBufferPointer { behaviors in
        // Read in place: `config.cacheBehaviors[index]` copies the whole behavior.
        for index in behaviors.indices {
            checkTarget(behaviors[index].targetOriginId, base.appending("cache-behaviors").appending(index: index))
        }
    }
    let origins = Set(originIDs)
    for group in config.originGroups {
        for (index, member) in group.members.enumerated() where !origins.contains(member) {
            let memberPath = base.appending("origin-groups").appending(group.id).appending("members").appending(index: index)
            sink.emit(
                LanguageMessages.unknownGroupMember(
                    member, known: originIDs,
                    at: locator.valueRange(of: memberPath), path: memberPath.description))
        }
    }
}

/// Which distribution names can name output files.
public enum DistributionNames {
    /// Why `name` cannot name `NAME.distribution.json`, or nil when it can.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf8.count > 128 { return "it is longer than 128 bytes" }
        if name == "." || name == ".." { return "it names a directory" }
        if name.contains("/") || name.contains("\\") { return "it contains a path separator" }
        guard let first = name.unicodeScalars.first, isAlphanumeric(first) else { return "it must start with a letter or digit" }
        for scalar in name.unicodeScalars where !(isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || scalar == ".") {
            return "it contains '\(scalar.escaped(asASCII: true))'"
        }
        return nil
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

/// Messages about the file's top level.
enum TopLevelMessages {
    /// `schema.missing_key`: `version` or `distributions` is missing.
    static func missingTopLevelKey(_ key: String, _ root: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.missing_key", severity: .error, summary: "missing required key '\(key)' at the top of the file",
            hint: "a cfc file starts with 'version: 1' and a 'distributions:' mapping", range: root.range)
    }

    /// `schema.empty_file`: `distributions: {}`.
    /// CloudFront's quota of distributions per AWS account (adjustable), from the Quotas page.
    static let distributionsPerAccount = 500

    /// `config.quota`: one file alone holds more distributions than an account may have.
    static func tooManyDistributions(_ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "config.quota", severity: .warning,
            summary: "\(node.count) distributions exceed the quota of \(distributionsPerAccount) distributions per AWS account",
            hint: "request a quota increase in Service Quotas before applying, or split the distributions across accounts",
            range: node.range)
    }

    static func noDistributions(_ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.empty_file", severity: .error, summary: "'distributions' is empty",
            hint: "add a distribution: a name followed by its configuration", range: node.range)
    }

    /// `schema.type`: the document is a scalar or a list.
    static func rootNotMapping(_ root: YAMLNode) -> Diagnostic {
        Diagnostic(
            id: "schema.type", severity: .error,
            summary: "expected a mapping with 'version' and 'distributions' at the top of the file, found a \(root.kind.name)",
            range: root.range)
    }
}
