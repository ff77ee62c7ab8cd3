import APIDocument
import CFCSupport
import DistributionIR
import YAMLSyntax

/// One kind of policy a behavior points at by id, and the managed ones it may name instead.
struct PolicyKind: Sendable {
    /// The companion resources of this kind a file may declare and name.
    let companionKind: CompanionKind
    /// The key that names a policy (`cache-policy`).
    let nameKey: String
    /// The key that gives its id (`cache-policy-id`).
    let idKey: String
    /// What the policy is called in messages ("cache policy").
    let noun: String
    /// The managed policies' names.
    let managedNames: [String]
    /// The id of the managed policy named so (with or without `Managed-`).
    let idForName: @Sendable (String) -> String?
    /// The name of the managed policy with this id.
    let nameForID: @Sendable (String) -> String?

    static let cache = PolicyKind(
        companionKind: .cachePolicy, nameKey: "cache-policy", idKey: "cache-policy-id", noun: "cache policy",
        managedNames: ManagedPolicies.cachePolicies.map(\.name),
        idForName: { ManagedPolicies.cachePolicy(named: $0)?.id }, nameForID: { ManagedPolicies.cachePolicy(id: $0)?.name })
    static let originRequest = PolicyKind(
        companionKind: .originRequestPolicy, nameKey: "origin-request-policy", idKey: "origin-request-policy-id",
        noun: "origin request policy",
        managedNames: ManagedPolicies.originRequestPolicies.map(\.name),
        idForName: { ManagedPolicies.originRequestPolicy(named: $0)?.id }, nameForID: { ManagedPolicies.originRequestPolicy(id: $0)?.name })
    static let responseHeaders = PolicyKind(
        companionKind: .responseHeadersPolicy, nameKey: "response-headers-policy", idKey: "response-headers-policy-id",
        noun: "response headers policy",
        managedNames: ManagedPolicies.responseHeadersPolicies.map(\.name),
        idForName: { ManagedPolicies.responseHeadersPolicy(named: $0)?.id },
        nameForID: { ManagedPolicies.responseHeadersPolicy(id: $0)?.name })

    static let all = [cache, originRequest, responseHeaders]
}

extension Member {
    /// The id of a policy (`cache-policy-id`), sent as the API member. In a complete export a
    /// managed policy's id is left to the name member, so `cfc import` writes
    /// `cache-policy: CachingOptimized`, not a UUID.
    static func policyID(
        _ kind: PolicyKind, _ keyPath: any WritableKeyPath<Root, String?> & Sendable, api apiName: String, _ summary: String
    ) -> Member {
        let plain = Member.optional(kind.idKey, keyPath, api: apiName, StringCodec(), summary)
        let field = FieldAccess(keyPath)
        return Member(
            key: kind.idKey, apiName: apiName, apiNamesRead: [apiName], summary: summary, isRequired: false, acceptsNull: true,
            shapeOf: { .string },
            lowerValue: { plain.lower(into: &$0, from: $1, &$2) },
            emitValue: { plain.emit(at: $0, into: &$1) },
            readValue: { plain.read(into: &$0, from: $1, &$2) },
            exportValue: { root, style in
                guard let id = field.get(root), !CompanionReference.isPlaceholder(id) else { return nil }
                if !style.deployedOnly, kind.nameForID(id) != nil { return nil }
                return .string(id)
            },
            copyValue: { plain.copy(into: &$0, from: $1) })
    }

    /// A policy named instead of its id: an AWS managed one (`cache-policy: CachingOptimized`,
    /// also `Managed-CachingOptimized` as the console shows it), or one the file declares
    /// (`cache-policy: static`, under `cache-policies:`). cfc's own key, lowered into the same
    /// id the `…-id` key sets (a declared policy's from the state file), and never sent itself.
    /// Whether a declared policy of that name exists is settled once the whole file is known.
    static func policyName(_ kind: PolicyKind, _ keyPath: any WritableKeyPath<Root, String?> & Sendable, _ summary: String) -> Member {
        let field = FieldAccess(keyPath)
        return Member(
            key: kind.nameKey, apiName: nil, apiNamesRead: [], summary: summary, isRequired: false, acceptsNull: true,
            shapeOf: { .string },
            lowerValue: { root, node, context in
                if node.isNull, node.kind == .scalar {
                    field.set(&root, nil)
                    return
                }
                guard let name = StringCodec().lower(node, &context) else { return }
                if let id = kind.idForName(name) {
                    field.set(&root, id)
                } else if ManagedPolicies.isWellFormedID(name) || DistributionNames.problem(with: name) != nil {
                    context.emit(LanguageMessages.unknownManagedPolicy(name, kind: kind, declared: [], at: node.range, path: nil))
                } else {
                    field.set(&root, context.referToCompanion(kind.companionKind, named: name))
                }
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { root, style in
                guard !style.deployedOnly, let id = field.get(root), let name = kind.nameForID(id) else { return nil }
                return .string(name)
            },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// A companion's name from `node`, held to the rules of the names that kind has (`problem`
    /// says what is wrong with one), and turned into what the member sets: the id or ARN the
    /// state file gives, or a placeholder until it has one. Nil when the name was reported.
    private static func lowerCompanionName(
        _ kind: CompanionKind, _ node: YAMLNode, _ context: inout LoweringContext, problem: (String) -> String?
    ) -> String? {
        guard let name = StringCodec().lower(node, &context) else { return nil }
        if let reason = problem(name) {
            context.emit(LanguageMessages.badCompanionReference(name, kind: kind, reason: reason, at: node.range))
            return nil
        }
        return context.referToCompanion(kind, named: name)
    }

    /// A companion known by name in CloudFront (a function, a key value store) named instead of
    /// its ARN (`function: rewrite-index`, under `functions:`), lowered into the ARN member from
    /// the state file once it exists; never sent itself. The `…-arn` key gives any one's ARN
    /// instead; one or the other is required (the structure's `validate`).
    static func companionReference(
        _ kind: CompanionKind, key: String, _ keyPath: any WritableKeyPath<Root, String> & Sendable, _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        return Member(
            key: key, apiName: nil, apiNamesRead: [], summary: summary, isRequired: false,
            shapeOf: { .string },
            lowerValue: { root, node, context in
                if let reference = lowerCompanionName(kind, node, &context, problem: FunctionNames.problem(with:)) {
                    field.set(&root, reference)
                }
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { _, _ in nil },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// A companion that only the file can declare, named instead of its id
    /// (`origin-access-control: site-oac`, under `origin-access-controls:`): lowered into the
    /// member the id key (`idKey`) sets, from the state file's id once it exists; never sent
    /// itself. Whether the file declares it is settled once the whole file is known.
    static func companionName(
        _ kind: CompanionKind, key: String, _ keyPath: any WritableKeyPath<Root, String?> & Sendable, _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        return Member(
            key: key, apiName: nil, apiNamesRead: [], summary: summary, isRequired: false, acceptsNull: true,
            shapeOf: { .string },
            lowerValue: { root, node, context in
                if node.isNull, node.kind == .scalar {
                    field.set(&root, nil)
                    return
                }
                if let reference = lowerCompanionName(kind, node, &context, problem: DistributionNames.problem(with:)) {
                    field.set(&root, reference)
                }
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { _, _ in nil },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }
}

extension Member where Root == CacheBehavior {
    /// `trusted-key-group-names: [signers]`: key groups the file declares, by name, appended to
    /// the ids `trusted-key-groups` gives (after it: catalog order is lowering order). A
    /// separate key rather than names mixed into `trusted-key-groups`, whose items have always
    /// been taken as written: a name there would read as an id.
    static func trustedKeyGroupNames(_ summary: String) -> Member {
        Member(
            key: "trusted-key-group-names", apiName: nil, apiNamesRead: [], summary: summary, isRequired: false,
            shapeOf: { .list(.string) },
            lowerValue: { root, node, context in
                guard node.kind == .sequence else {
                    context.emit(LanguageMessages.wrongType(expected: "a list of key group names", found: node, context))
                    return
                }
                var ids = root.sentTrustedKeyGroups ?? []
                for (index, item) in node.items.enumerated() {
                    context.within(.index(index)) { context in
                        guard let name = StringCodec().lower(item, &context) else { return }
                        if let problem = DistributionNames.problem(with: name) {
                            context.emit(LanguageMessages.badCompanionReference(name, kind: .keyGroup, reason: problem, at: item.range))
                        } else {
                            ids.append(context.referToCompanion(.keyGroup, named: name))
                        }
                    }
                }
                root.sentTrustedKeyGroups = ids
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { _, _ in nil },
            copyValue: { _, _ in })
    }
}
