import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a CloudFront Function on an origin event.
struct CloudFrontFunctionEventRule: Rule {
    static let description = RuleDescription(
        id: "functions.cloudfront_function_event", name: "CloudFront Function Event", category: .functions, severity: .error,
        summary: "A CloudFront Function is associated with an origin event.",
        fix: "Associate the CloudFront Function with viewer-request or viewer-response, or use a Lambda@Edge function for origin events.",
        rationale: "CloudFront Functions run only on viewer-request and viewer-response; origin events need Lambda@Edge.",
        sources: [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-functionassociation.html"
        ],
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
                      - {event-type: ↓origin-request, function-arn: "arn:aws:cloudfront::111122223333:function/a"}
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            for (index, association) in behavior.behavior.functionAssociations.enumerated()
            where association.eventType == .originRequest || association.eventType == .originResponse {
                context.report(
                    "CloudFront Functions cannot run on \(association.eventType.rawValue)",
                    at: behavior.path.appending("function-associations").appending(index: index).appending("event-type"),
                    hint: "use viewer-request or viewer-response, or a Lambda@Edge function for origin events")
            }
        }
    }
}
