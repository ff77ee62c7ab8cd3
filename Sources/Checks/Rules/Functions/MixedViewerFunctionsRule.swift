import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior with both a CloudFront Function and a Lambda@Edge function on viewer events.
struct MixedViewerFunctionsRule: Rule {
    static let description = RuleDescription(
        id: "functions.mixed_viewer_functions", name: "CloudFront Functions With Viewer Lambda@Edge", category: .functions,
        severity: .error,
        summary: "A behavior has a CloudFront Function and a Lambda@Edge function on viewer events.",
        fix: "Use one kind of function on viewer events: move the logic into one CloudFront Function or one Lambda@Edge function.",
        rationale: """
            CloudFront Functions and Lambda@Edge cannot be combined on viewer events: a behavior with \
            any CloudFront Function cannot have a Lambda@Edge function on viewer-request or \
            viewer-response. Lambda@Edge on origin events may sit beside CloudFront Functions.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-function-restrictions-all.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    function-associations:
                      - {event-type: viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/a"}
                    lambda-function-associations:
                      - {event-type: origin-request, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:auth:7"}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    function-associations:
                      - {event-type: viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/a"}
                    lambda-function-associations:
                      - {event-type: ↓viewer-response, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:auth:7"}
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors where !behavior.behavior.functionAssociations.isEmpty {
            for (index, association) in behavior.behavior.lambdaFunctionAssociations.enumerated()
            where association.eventType == .viewerRequest || association.eventType == .viewerResponse {
                context.report(
                    "\(behavior.displayName) cannot run a Lambda@Edge function on \(association.eventType.rawValue) beside CloudFront Functions",
                    at: behavior.path.appending("lambda-function-associations").appending(index: index).appending("event-type"),
                    hint: "move the logic into one kind of function, or run the Lambda@Edge function on an origin event")
            }
        }
    }
}
