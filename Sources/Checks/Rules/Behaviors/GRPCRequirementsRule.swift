import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags gRPC on a behavior or distribution that cannot carry it.
struct GRPCRequirementsRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.grpc", name: "gRPC Requirements", category: .behaviors, severity: .error,
        summary: "A behavior enables gRPC without HTTP/2 on the distribution or without POST among its allowed methods.",
        fix: "Set http-version to http2 or http2and3, allow all seven methods, and reach the origin over HTTPS.",
        rationale: """
            "To enable your distribution to handle gRPC requests, you must include HTTP/2 as one of \
            the supported HTTP versions and allow HTTP methods, including POST" (GrpcConfig); since \
            AllowedMethods with POST means all seven methods, the behavior must allow them all (the \
            API answers "The parameter gRPC only supports the POST method" otherwise). gRPC is \
            end-to-end HTTPS only, so an http-only origin cannot serve it.
            """,
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GrpcConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-using-grpc.html",
        ],
        passingExamples: [
            RuleExample.withOrigin(
                """
                http-version: http2and3
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
                  cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  grpc-config: {enabled: true}
                """)
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                http-version: ↓http1.1
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  allowed-methods: ↓[GET, HEAD, OPTIONS]
                  cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  grpc-config: {enabled: true}
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let grpc = context.routing.behaviors.filter { $0.behavior.grpcConfig?.enabled == true }
        guard let first = grpc.first else { return }
        let version = context.config.httpVersion
        if version != .http2 && version != .http2and3 {
            context.report(
                "gRPC needs HTTP/2, but http-version is \(version.rawValue)",
                at: context.distribution.path.appending("http-version"),
                hint: "use http2 or http2and3",
                notes: [CheckContext.Note("gRPC is enabled here", at: first.path.appending("grpc-config"))])
        }
        for routed in grpc {
            if Set(routed.behavior.allowedMethods) != Set(HTTPMethod.allCases) {
                context.report(
                    "\(context.describe(routed)) enables gRPC but does not allow POST (all seven methods)",
                    at: routed.path.appending("allowed-methods"),
                    hint: "allow GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE")
            }
            if let origin = context.config.origin(withID: routed.behavior.targetOriginId),
                origin.customOriginConfig?.originProtocolPolicy == .httpOnly
            {
                context.report(
                    "\(context.describe(routed)) enables gRPC, but origin '\(origin.id)' is reached over HTTP only",
                    at: context.distribution.path.appending("origins").appending(origin.id).appending("custom-origin-config")
                        .appending("origin-protocol-policy"),
                    hint: "gRPC is end-to-end HTTPS: use https-only")
            }
        }
    }
}
