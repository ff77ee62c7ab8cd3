import APIDocument
import DistributionIR

/// Emits the `DistributionConfig` document CloudFront's API takes for `distribution`.
///
/// Members appear in the service model's order, with the values written (or read): a value
/// CloudFront ignores, such as a security policy beside its own certificate, is sent as the
/// config has it, since CloudFront returns it as sent; comparisons treat it as ignored
/// (`applyIgnoredValues`).
///
/// - Parameter distribution: a lowered (or read) distribution.
/// - Returns: the document, ready for `DocumentFormat.print`.
public func emitDistributionConfig(_ distribution: Distribution) -> APIDocument {
    var document = APIDocument(rootName: "DistributionConfig")
    // About 60 steps and 1 kB of strings per behavior, 30 and 300 per origin, as the examples
    // and workloads have them: enough that the document rarely grows.
    let behaviors = distribution.config.cacheBehaviors.count + 1
    let origins = distribution.config.origins.count
    document.reserveCapacity(steps: behaviors * 60 + origins * 30 + 200, stringBytes: behaviors * 1024 + origins * 300 + 1024)
    StructureCodec<Distribution>().emitMembers(distribution, into: &document)
    return document
}

/// Emits the `DistributionConfig` of `distribution` straight into `printer`'s JSON and/or
/// XML, recording nothing: the same bytes as printing `emitDistributionConfig(_:)`'s document.
public func emitDistributionConfig(_ distribution: Distribution, printingTo printer: StreamPrinter) {
    var document = APIDocument(rootName: "DistributionConfig", printingTo: printer)
    StructureCodec<Distribution>().emitMembers(distribution, into: &document)
    document.finish()
}

/// Sets the values CloudFront ignores to what it applies instead, for comparing configs: with
/// the CloudFront default certificate the security policy is `TLSv1` whatever the config says
/// (live configs carry `SSLv3` or `TLSv1.2_2021` there, as they were sent). Only members that
/// are sent are changed.
public func applyIgnoredValues(_ config: inout DistributionConfig) {
    guard var certificate = config.sentViewerCertificate else { return }
    if certificate.usesCloudFrontDefault, certificate.sentCloudFrontDefaultCertificate == true,
        certificate.sentMinimumProtocolVersion != nil
    {
        certificate.minimumProtocolVersion = .tlsV1
        config.sentViewerCertificate = certificate
    }
}

/// Emits a companion's API document (`CachePolicyConfig`, `OriginAccessControlConfig`, …),
/// members in the service model's order.
public func emitCompanion(_ companion: Companion) -> APIDocument {
    var document = APIDocument(rootName: companion.kind.apiRoot)
    emitMembers(of: companion, into: &document)
    return document
}

/// Emits a companion's API document straight into `printer`: the same bytes as printing
/// `emitCompanion(_:)`'s document.
public func emitCompanion(_ companion: Companion, printingTo printer: StreamPrinter) {
    var document = APIDocument(rootName: companion.kind.apiRoot, printingTo: printer)
    emitMembers(of: companion, into: &document)
    document.finish()
}

private func emitMembers(of companion: Companion, into document: inout APIDocument) {
    switch companion {
    case .cachePolicy(let config): StructureCodec<CachePolicyConfig>().emitMembers(config, into: &document)
    case .originRequestPolicy(let config): StructureCodec<OriginRequestPolicyConfig>().emitMembers(config, into: &document)
    case .responseHeadersPolicy(let config): StructureCodec<ResponseHeadersPolicyConfig>().emitMembers(config, into: &document)
    case .originAccessControl(let config): StructureCodec<OriginAccessControlConfig>().emitMembers(config, into: &document)
    case .publicKey(let config): StructureCodec<PublicKeyConfig>().emitMembers(config, into: &document)
    case .keyGroup(let config): StructureCodec<KeyGroupConfig>().emitMembers(config, into: &document)
    case .keyValueStore(let config): StructureCodec<KeyValueStoreConfig>().emitMembers(config, into: &document)
    case .function(let definition): StructureCodec<FunctionConfig>().emitMembers(definition, into: &document)
    case .continuousDeploymentPolicy(let config): StructureCodec<ContinuousDeploymentPolicyConfig>().emitMembers(config, into: &document)
    }
}
