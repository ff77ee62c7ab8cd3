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

/// Reads a `DistributionConfig` from API JSON: either what `get-distribution-config` prints
/// (`{"ETag": …, "DistributionConfig": {…}}`) or the bare config object.
///
/// - Parameters:
///   - node: the parsed JSON.
///   - name: the name to give the distribution.
///   - sink: receives every problem, at its line and column.
/// - Returns: the distribution, or nil when the input is not a distribution config.
public func readDistributionConfigJSON(_ node: APINode, name: String, sink: any DiagnosticSink) -> ReadDistribution? {
    var context = ReadingContext(sink: sink)
    var configNode = node
    var etag: String? = nil
    if let wrapped = node.member("DistributionConfig") {
        for member in node.members where member.name != "DistributionConfig" && member.name != "ETag" {
            context.emit(LanguageMessages.apiUnknownMember(member.name, in: "get-distribution-config output",
                                                           candidates: ["ETag", "DistributionConfig"], member.node, context))
        }
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
        configNode = wrapped
    }
    return readConfig(configNode, name: name, etag: etag, &context)
}

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
    distribution.name = name
    Distribution.applyContextualDefaults(&distribution)
    return ReadDistribution(distribution: distribution, etag: etag)
}
