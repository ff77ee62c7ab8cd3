import CFCDiagnostics
import CFCSupport
import DistributionIR
import YAMLSyntax

/// Lowers the companion resources a file declares (`cache-policies:`, `origin-access-controls:`,
/// …), in file order by kind, each named by its key. The top level's own checks (that these keys
/// are known, that the file is a mapping) are `lowerTopLevel`'s.
///
/// A function's code is read from `configDirectory`, by default the config's own directory. A
/// companion that names another (a function its key value store) gets the other's id from
/// `companionIDs` once it exists, as a distribution does; one the file does not declare is an
/// error here, where every declaration is known.
public func lowerCompanions(
    _ document: YAMLDocument, configDirectory: String? = nil, companionIDs: CompanionIDs = CompanionIDs(), sink: any DiagnosticSink
) -> [Companion] {
    guard let root = document.root, root.kind == .mapping else { return [] }
    var context = LoweringContext(sink: sink)
    context.configDirectory =
        configDirectory
        ?? FileIO.directoryName(document.source.path == "<stdin>" ? FileIO.standardInputPath : document.source.path)
    context.companionIDs = companionIDs
    var companions: [Companion] = []
    for kind in CompanionKind.allCases {
        guard let node = root.value(forKey: kind.key), !(node.kind == .scalar && node.isNull) else { continue }
        guard node.kind == .mapping else {
            context.within(.key(kind.key)) {
                $0.emit(LanguageMessages.wrongType(expected: "a mapping from name to \(kind.noun)", found: node, $0))
            }
            continue
        }
        for (key, value) in node.pairs {
            guard key.kind == .scalar else {
                context.emit(LanguageMessages.nonScalarKey(key, context))
                continue
            }
            let name = key.text
            if let problem = kind.isKnownByName ? FunctionNames.problem(with: name) : DistributionNames.problem(with: name) {
                context.emit(LanguageMessages.badCompanionName(name, kind: kind, reason: problem, at: key))
                continue
            }
            if CompanionNames.looksLikeID(name, kind: kind) {
                context.emit(
                    LanguageMessages.badCompanionName(
                        name, kind: kind, reason: "it reads as an id where the \(kind.noun) is named", at: key))
                continue
            }
            if CompanionNames.isManagedPolicyName(name, kind: kind) {
                context.emit(LanguageMessages.companionNamedLikeManaged(name, kind: kind, at: key))
                continue
            }
            context.companionReferences = []
            var companion: Companion? = context.within(.key(kind.key)) { context in
                context.within(.key(name), key: key) { context in lower(kind, name: name, value, &context) }
            }
            companion?.companionReferences = context.companionReferences
            if let companion { companions.append(companion) }
        }
    }
    var declared: [CompanionKind: [String]] = [:]
    for companion in companions { declared[companion.kind, default: []].append(companion.name) }
    let locator = YAMLSourceLocator(document: document)
    for companion in companions {
        for reference in companion.companionReferences where !(declared[reference.kind] ?? []).contains(reference.name) {
            sink.emit(
                LanguageMessages.unknownCompanion(
                    reference, declared: declared[reference.kind] ?? [],
                    at: locator.valueRange(of: reference.path)))
        }
    }
    return companions
}

/// Lowers one companion of `kind`.
private func lower(_ kind: CompanionKind, name: String, _ node: YAMLNode, _ context: inout LoweringContext) -> Companion? {
    func structure<Value: CatalogStructure>(_ type: Value.Type, _ named: (inout Value) -> Void) -> Value? {
        guard var value = StructureCodec<Value>().lower(node, &context) else { return nil }
        named(&value)
        Value.applyContextualDefaults(&value)
        return value
    }
    switch kind {
    case .cachePolicy: return structure(CachePolicyConfig.self) { $0.name = name }.map(Companion.cachePolicy)
    case .originRequestPolicy: return structure(OriginRequestPolicyConfig.self) { $0.name = name }.map(Companion.originRequestPolicy)
    case .responseHeadersPolicy:
        return structure(ResponseHeadersPolicyConfig.self) { $0.name = name }.map(Companion.responseHeadersPolicy)
    case .originAccessControl: return structure(OriginAccessControlConfig.self) { $0.name = name }.map(Companion.originAccessControl)
    case .publicKey:
        return structure(PublicKeyConfig.self) { key in
            key.name = name
            if key.callerReference.isEmpty { key.callerReference = "cfc-\(name)" }
        }.map(Companion.publicKey)
    case .keyGroup: return structure(KeyGroupConfig.self) { $0.name = name }.map(Companion.keyGroup)
    case .keyValueStore: return structure(KeyValueStoreConfig.self) { $0.name = name }.map(Companion.keyValueStore)
    case .function: return structure(FunctionConfig.self) { $0.name = name }.map(Companion.function)
    case .continuousDeploymentPolicy:
        return structure(ContinuousDeploymentPolicyConfig.self) { $0.name = name }.map(Companion.continuousDeploymentPolicy)
    }
}

/// What names a companion may take.
public enum CompanionNames {
    /// Whether `name` is an AWS managed policy's of the same kind (with or without `Managed-`):
    /// `cache-policy: NAME` could then mean either.
    public static func isManagedPolicyName(_ name: String, kind: CompanionKind) -> Bool {
        switch kind {
        case .cachePolicy: ManagedPolicies.cachePolicy(named: name) != nil
        case .originRequestPolicy: ManagedPolicies.originRequestPolicy(named: name) != nil
        case .responseHeadersPolicy: ManagedPolicies.responseHeadersPolicy(named: name) != nil
        case .originAccessControl, .publicKey, .keyGroup, .keyValueStore, .function, .continuousDeploymentPolicy: false
        }
    }

    /// Whether `text`, written where an id or a declared companion's name may go (a key group's
    /// public keys, a behavior's trusted key groups), is an id: a public key's is capital
    /// letters and digits, a key group's a UUID. A companion may not be named so.
    public static func looksLikeID(_ text: String, kind: CompanionKind) -> Bool {
        switch kind {
        case .publicKey: CloudFrontIdentifier.isDistributionID(text)
        case .keyGroup: ManagedPolicies.isWellFormedID(text)
        default: false
        }
    }
}

extension CompanionKind {
    /// The catalog's description of one companion of this kind, for the reference, the schema
    /// and `cfc fmt`.
    public var structureShape: StructureShape {
        switch self {
        case .cachePolicy: CachePolicyConfig.describe()
        case .originRequestPolicy: OriginRequestPolicyConfig.describe()
        case .responseHeadersPolicy: ResponseHeadersPolicyConfig.describe()
        case .originAccessControl: OriginAccessControlConfig.describe()
        case .publicKey: PublicKeyConfig.describe()
        case .keyGroup: KeyGroupConfig.describe()
        case .keyValueStore: KeyValueStoreConfig.describe()
        case .function: FunctionConfig.describe()
        case .continuousDeploymentPolicy: ContinuousDeploymentPolicyConfig.describe()
        }
    }

    /// The top-level key's description.
    public var summary: String {
        "A mapping from name (which names the output files, NAME.\(fileWord).json, and the API's Name) to \(noun) config (API: \(apiRoot)); behaviors and origins refer to it by name."
    }
}
