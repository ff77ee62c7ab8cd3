import APIDocument
import CFCDiagnostics
import DistributionIR

/// A distribution read from API JSON or XML, with the `ETag` when the input was the output of
/// `aws cloudfront get-distribution-config`.
public struct ReadDistribution: Sendable, Equatable {
    /// The distribution, named as the caller asked.
    public var distribution: Distribution
    /// The `ETag` to pass as `--if-match` on update, if the input carried one.
    public var etag: String?
    /// What CloudFront says of the distribution beside its config (get-, create- and
    /// update-distribution output): its id, ARN and domain name, each when present and well
    /// formed.
    public var identity: DistributionIdentity = DistributionIdentity()
}

/// The members of a `Distribution` that say which distribution a config belongs to.
public struct DistributionIdentity: Sendable, Equatable {
    /// `Id`.
    public var id: String?
    /// `ARN`.
    public var arn: String?
    /// `DomainName`.
    public var domainName: String?

    /// Creates an identity.
    public init(id: String? = nil, arn: String? = nil, domainName: String? = nil) {
        self.id = id
        self.arn = arn
        self.domainName = domainName
    }

    /// The identity in a `Distribution` node, keeping only values of the forms CloudFront gives.
    public init(_ node: APINode) {
        func text(_ name: String) -> String? {
            if case .string(let value)? = node.member(name)?.value { return value }
            return nil
        }
        id = text("Id").flatMap { CloudFrontIdentifier.isDistributionID($0) ? $0 : nil }
        arn = text("ARN").flatMap { $0.hasPrefix("arn:") && $0.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } ? $0 : nil }
        domainName = text("DomainName").flatMap { value in
            value.hasSuffix(".cloudfront.net") || value.hasSuffix(".cloudfront.cn") ? value : nil
        }
    }
}

/// Reads a `DistributionConfig` from API JSON: the bare config, or any document of the aws CLI
/// that carries one whole (see `APIWrapper`): `get-distribution-config` output
/// (`{"ETag": …, "DistributionConfig": {…}}`), `get-distribution`, `create-distribution` and
/// `update-distribution` output (`{"ETag": …, "Distribution": {"Id": …, "DistributionConfig":
/// {…}, …}}`, with `Location` after a create), and a `create-distribution-with-tags` input
/// (`{"DistributionConfigWithTags": {"DistributionConfig": {…}, "Tags": …}}`).
///
/// - Parameters:
///   - node: the parsed JSON.
///   - name: the name to give the distribution.
///   - sink: receives every problem, at its line and column.
/// - Returns: the distribution, or nil when the input is not a distribution config.
public func readDistributionConfigJSON(_ node: APINode, name: String, sink: any DiagnosticSink) -> ReadDistribution? {
    var context = ReadingContext(sink: sink)
    guard let wrapper = APIWrapper.all.first(where: { node.member($0.member) != nil }) else {
        return readConfig(node, name: name, etag: nil, &context)
    }
    if wrapper.member == "DistributionList" {
        context.emit(LanguageMessages.apiDistributionList(node))
        return nil
    }
    for member in node.members where member.name != wrapper.member {
        if wrapper.unmanagedSiblings.contains(member.name) {
            context.emit(LanguageMessages.apiUnmanagedMember(member.name, in: wrapper.output, member.node))
        } else if !wrapper.siblings.contains(member.name) {
            context.emit(
                LanguageMessages.apiUnknownMember(
                    member.name, in: wrapper.output,
                    candidates: wrapper.siblings + wrapper.unmanagedSiblings + [wrapper.member],
                    member.node, context))
        }
    }
    var etag: String? = nil
    if let etagNode = node.member("ETag") {
        // Read as any string and then held to the ETag's form, so that a bad one gets the
        // ETag's message whatever is wrong with it.
        if case .string(let text) = etagNode.value {
            etag = text
        } else {
            context.emit(LanguageMessages.apiWrongType(expected: "a string", etagNode, context))
        }
        if let read = etag, !CloudFrontIdentifier.isETag(read) {
            context.emit(LanguageMessages.apiMalformedETag(read, etagNode, context))
            etag = nil
        }
    }
    guard let inner = node.member(wrapper.member) else { return nil }
    guard let config = wrapper.innerMembers == nil ? inner : readWrapped(inner, wrapper, &context) else { return nil }
    var read = readConfig(config, name: name, etag: etag, &context)
    if wrapper.member == "Distribution" { read?.identity = DistributionIdentity(inner) }
    return read
}

/// An aws CLI or API document that carries a whole `DistributionConfig` inside one member.
struct APIWrapper: Sendable {
    /// The member (JSON) or root element (XML) that wraps the config.
    var member: String
    /// What the document is called in messages.
    var output: String
    /// Members allowed beside the wrapper at the top (JSON only).
    var siblings: [String]
    /// Members beside the wrapper that are read past with a warning, since cfc does not manage
    /// them (the `Tags` of a `--distribution-config-with-tags` file).
    var unmanagedSiblings: [String] = []
    /// For wrappers that hold more than the config: the members allowed beside
    /// `DistributionConfig` inside the wrapper, and those of them cfc reads but does not manage.
    var innerMembers: (allowed: [String], unmanaged: [String])?

    /// Every wrapper cfc reads.
    static let all = [
        APIWrapper(
            member: "Distribution", output: "a Distribution (get-distribution, create-distribution or update-distribution output)",
            siblings: ["ETag", "Location"], innerMembers: (distributionReadOnlyMembers, [])),
        APIWrapper(
            member: "DistributionConfig", output: "get-distribution-config output (or a DistributionConfigWithTags file)",
            siblings: ["ETag"], unmanagedSiblings: ["Tags"], innerMembers: nil),
        APIWrapper(
            member: "DistributionConfigWithTags", output: "a DistributionConfigWithTags (create-distribution-with-tags input)",
            siblings: [], innerMembers: (["Tags"], ["Tags"])),
        // Read only to say why it cannot be imported (see `LanguageMessages.apiDistributionList`).
        APIWrapper(member: "DistributionList", output: "list-distributions output", siblings: ["NextToken"], innerMembers: nil),
    ]
}

/// The `DistributionConfig` inside `inner`, after checking what sits beside it: members
/// CloudFront sets (read-only), or members cfc does not manage (tags, with a warning).
private func readWrapped(_ inner: APINode, _ wrapper: APIWrapper, _ context: inout ReadingContext) -> APINode? {
    guard let allowed = wrapper.innerMembers else { return inner }
    for member in inner.members where member.name != "DistributionConfig" {
        if !allowed.allowed.contains(member.name) {
            context.emit(
                LanguageMessages.apiUnknownMember(
                    member.name, in: "\(wrapper.member) (\(wrapper.output))",
                    candidates: allowed.allowed + ["DistributionConfig"], member.node, context))
        } else if allowed.unmanaged.contains(member.name) {
            context.emit(LanguageMessages.apiUnmanagedMember(member.name, in: wrapper.member, member.node))
        }
    }
    guard let config = inner.member("DistributionConfig") else {
        context.emit(LanguageMessages.apiMissingMember("DistributionConfig", inner, context))
        return nil
    }
    return config
}

/// The `DistributionConfig` in an API document as the readers find it: inside one of the
/// wrappers of `APIWrapper.all` (a JSON member, or an XML root element whose children are the
/// wrapper's members), or the node itself.
public func distributionConfigNode(in node: APINode) -> APINode {
    for wrapper in ["Distribution", "DistributionConfigWithTags"] {
        if let config = node.member(wrapper)?.member("DistributionConfig") { return config }
    }
    return node.member("DistributionConfig") ?? node
}

/// The members of the API's `Distribution` that CloudFront sets and `get-distribution` returns
/// beside the `DistributionConfig` (botocore's model, shape `Distribution`).
let distributionReadOnlyMembers = [
    "Id", "ARN", "Status", "LastModifiedTime", "InProgressInvalidationBatches", "DomainName",
    "ActiveTrustedSigners", "ActiveTrustedKeyGroups", "AliasICPRecordals",
]

/// Reads a `DistributionConfig` from API XML (the root element must be `DistributionConfig`).
public func readDistributionConfigXML(
    rootName: String, _ node: APINode, name: String, sink: any DiagnosticSink
) -> ReadDistribution? {
    var context = ReadingContext(sink: sink, scalarsAreText: true)
    if rootName == "DistributionConfig" { return readConfig(node, name: name, etag: nil, &context) }
    // The API's own response bodies: GetDistribution (and Create/Update) answer with a
    // <Distribution>, CreateDistributionWithTags takes a <DistributionConfigWithTags>.
    guard let wrapper = APIWrapper.all.first(where: { $0.member == rootName && $0.innerMembers != nil }),
        let config = readWrapped(node, wrapper, &context)
    else {
        if rootName == "DistributionList" {
            context.emit(LanguageMessages.apiDistributionList(node))
            return nil
        }
        context.emit(
            Diagnostic(
                id: "api.type", severity: .error,
                summary: "expected a <DistributionConfig>, <Distribution> or <DistributionConfigWithTags> document, found <\(rootName)>",
                range: node.range))
        return nil
    }
    var read = readConfig(config, name: name, etag: nil, &context)
    if rootName == "Distribution" { read?.identity = DistributionIdentity(node) }
    return read
}

private func readConfig(_ node: APINode, name: String, etag: String?, _ context: inout ReadingContext) -> ReadDistribution? {
    let read = context.within("DistributionConfig") { StructureCodec<Distribution>().read(node, &$0) }
    guard var distribution = read else { return nil }
    // What CloudFront never returns is the input's fault, said with the API rule it breaks,
    // not found later as a difference cfc cannot explain.
    // Items is an array in JSON and an element of repeated <Origin> elements in XML.
    let originItems = node.member("Origins")?.member("Items")
    let originNodes: [APINode]
    switch originItems?.value {
    case .array(let elements)?: originNodes = elements
    case .object(let members)?: originNodes = members.map(\.node)
    default: originNodes = []
    }
    var valid = true
    // Asked of the input, not of what was read: reading fills in an S3OriginConfig for an S3
    // REST endpoint, as lowering does for YAML, and CloudFront always returns one.
    for origin in originNodes where ["S3OriginConfig", "CustomOriginConfig", "VpcOriginConfig"].allSatisfy({ origin.member($0) == nil }) {
        var id = "?"
        if case .string(let text)? = origin.member("Id")?.value { id = text }
        context.emit(LanguageMessages.apiOriginWithoutType(id, origin, context))
        valid = false
    }
    // "A CacheBehavior must include either a CachePolicyId or ForwardedValues" (one, not both:
    // CloudFront refuses a behavior with both), so CloudFront never returns either.
    var behaviorNodes: [(String, APINode)] = node.member("DefaultCacheBehavior").map { [("DefaultCacheBehavior", $0)] } ?? []
    switch node.member("CacheBehaviors")?.member("Items")?.value {
    case .array(let elements)?: behaviorNodes += elements.enumerated().map { ("CacheBehaviors.Items[\($0.offset)]", $0.element) }
    case .object(let members)?: behaviorNodes += members.enumerated().map { ("CacheBehaviors.Items[\($0.offset)]", $0.element.node) }
    default: break
    }
    for (place, behavior) in behaviorNodes {
        let hasPolicy: Bool
        if case .string(let id)? = behavior.member("CachePolicyId")?.value { hasPolicy = !id.isEmpty } else { hasPolicy = false }
        let hasForwarded = behavior.member("ForwardedValues") != nil
        if hasPolicy == hasForwarded {
            context.emit(LanguageMessages.apiCacheSettings(place, both: hasPolicy, behavior))
            valid = false
        }
    }
    guard valid else { return nil }
    distribution.name = name
    Distribution.applyContextualDefaults(&distribution)
    return ReadDistribution(distribution: distribution, etag: etag)
}
