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
}

/// Reads a `DistributionConfig` from API JSON: what `get-distribution-config` prints
/// (`{"ETag": …, "DistributionConfig": {…}}`), what `get-distribution` prints
/// (`{"ETag": …, "Distribution": {"Id": …, "DistributionConfig": {…}, …}}`), or the bare config.
///
/// - Parameters:
///   - node: the parsed JSON.
///   - name: the name to give the distribution.
///   - sink: receives every problem, at its line and column.
/// - Returns: the distribution, or nil when the input is not a distribution config.
public func readDistributionConfigJSON(_ node: APINode, name: String, sink: any DiagnosticSink) -> ReadDistribution? {
    var context = ReadingContext(sink: sink)
    // The two outputs of the aws CLI that carry a config: the member that wraps it, and what
    // the output is called in messages.
    let wrapper: (member: String, output: String)?
    if node.member("Distribution") != nil {
        wrapper = ("Distribution", "get-distribution output")
    } else if node.member("DistributionConfig") != nil {
        wrapper = ("DistributionConfig", "get-distribution-config output")
    } else {
        wrapper = nil
    }
    guard let wrapper else { return readConfig(node, name: name, etag: nil, &context) }
    for member in node.members where member.name != wrapper.member && member.name != "ETag" {
        context.emit(LanguageMessages.apiUnknownMember(member.name, in: wrapper.output,
                                                       candidates: ["ETag", wrapper.member], member.node, context))
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
    // `get-distribution` puts members CloudFront sets (its id, status, domain name, …) beside
    // the config; they are not part of what is sent.
    if let distribution = node.member("Distribution") {
        for member in distribution.members where !distributionReadOnlyMembers.contains(member.name) && member.name != "DistributionConfig" {
            context.emit(LanguageMessages.apiUnknownMember(member.name, in: "Distribution (get-distribution output)",
                                                           candidates: distributionReadOnlyMembers + ["DistributionConfig"], member.node, context))
        }
        guard distribution.member("DistributionConfig") != nil else {
            context.emit(LanguageMessages.apiMissingMember("DistributionConfig", distribution, context))
            return nil
        }
    }
    return readConfig(distributionConfigNode(in: node), name: name, etag: etag, &context)
}

/// The `DistributionConfig` object in API JSON as `readDistributionConfigJSON` finds it: inside
/// a `get-distribution` or `get-distribution-config` output, or the node itself.
public func distributionConfigNode(in node: APINode) -> APINode {
    node.member("Distribution")?.member("DistributionConfig") ?? node.member("DistributionConfig") ?? node
}

/// The members of the API's `Distribution` that CloudFront sets and `get-distribution` returns
/// beside the `DistributionConfig` (botocore's model, shape `Distribution`).
let distributionReadOnlyMembers = ["Id", "ARN", "Status", "LastModifiedTime", "InProgressInvalidationBatches", "DomainName",
                                   "ActiveTrustedSigners", "ActiveTrustedKeyGroups", "AliasICPRecordals"]

/// Reads a `DistributionConfig` from API XML (the root element must be `DistributionConfig`).
public func readDistributionConfigXML(
    rootName: String, _ node: APINode, name: String, sink: any DiagnosticSink
) -> ReadDistribution? {
    var context = ReadingContext(sink: sink, scalarsAreText: true)
    guard rootName == "DistributionConfig" else {
        context.emit(Diagnostic(
            id: "api.type", severity: .error, summary: "expected a <DistributionConfig> document, found <\(rootName)>",
            range: node.range))
        return nil
    }
    return readConfig(node, name: name, etag: nil, &context)
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
    guard valid else { return nil }
    distribution.name = name
    Distribution.applyContextualDefaults(&distribution)
    return ReadDistribution(distribution: distribution, etag: etag)
}
