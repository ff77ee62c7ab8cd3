import APIDocument
import DistributionIR

/// Emits the `DistributionConfig` document CloudFront's API takes for `distribution`.
///
/// Members appear in the service model's order. Values CloudFront forces are emitted as it will
/// hold them (see `applyForcedValues`), so reading the distribution back shows no difference.
///
/// - Parameter distribution: a lowered (or read) distribution.
/// - Returns: the document, ready for `DocumentFormat.print`.
public func emitDistributionConfig(_ distribution: Distribution) -> APIDocument {
    var forced = distribution
    applyForcedValues(&forced.config)
    var document = APIDocument(rootName: "DistributionConfig")
    // About 60 steps and 1 kB of strings per behavior, 30 and 300 per origin, as the examples
    // and workloads have them: enough that the document rarely grows.
    let behaviors = distribution.config.cacheBehaviors.count + 1
    let origins = distribution.config.origins.count
    document.reserveCapacity(steps: behaviors * 60 + origins * 30 + 200, stringBytes: behaviors * 1024 + origins * 300 + 1024)
    StructureCodec<Distribution>().emitMembers(forced, into: &document)
    return document
}

/// Emits the `DistributionConfig` of `distribution` straight into `printer`'s JSON and/or
/// XML, recording nothing: the same bytes as printing `emitDistributionConfig(_:)`'s document.
public func emitDistributionConfig(_ distribution: Distribution, printingTo printer: StreamPrinter) {
    var forced = distribution
    applyForcedValues(&forced.config)
    var document = APIDocument(rootName: "DistributionConfig", printingTo: printer)
    StructureCodec<Distribution>().emitMembers(forced, into: &document)
    document.finish()
}

/// Sets the values CloudFront imposes whatever is requested: with the CloudFront default
/// certificate the minimum protocol version is always `TLSv1`. Only members that are sent are
/// changed: a `ViewerCertificate`, `CloudFrontDefaultCertificate` or `MinimumProtocolVersion`
/// that is not sent stays unsent, so a live config without one compiles back without it.
public func applyForcedValues(_ config: inout DistributionConfig) {
    guard var certificate = config.sentViewerCertificate else { return }
    if certificate.usesCloudFrontDefault, certificate.sentCloudFrontDefaultCertificate == true,
       certificate.sentMinimumProtocolVersion != nil {
        certificate.minimumProtocolVersion = .tlsV1
        config.sentViewerCertificate = certificate
    }
}
