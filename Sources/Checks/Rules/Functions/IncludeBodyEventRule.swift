import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `include-body` on a Lambda@Edge response event, where there is no request body.
struct IncludeBodyEventRule: Rule {
    static let description = RuleDescription(
        id: "functions.include_body_event", name: "Include Body on a Response Event", category: .functions, severity: .warning,
        summary: "include-body is set on a viewer-response or origin-response Lambda@Edge association.",
        fix: "Remove include-body, or move the function to viewer-request or origin-request, the events that can read the body.",
        rationale: "IncludeBody exposes the request body to the function, and applies only to viewer-request and origin-request events.",
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-include-body-access.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    lambda-function-associations:
                      - {event-type: origin-request, include-body: true, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:auth:7"}
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
                    lambda-function-associations:
                      - {event-type: origin-response, include-body: ↓true, lambda-function-arn: "arn:aws:lambda:us-east-1:111122223333:function:auth:7"}
                """)
        ])

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            for (index, association) in behavior.behavior.lambdaFunctionAssociations.enumerated()
            where association.includeBody && (association.eventType == .viewerResponse || association.eventType == .originResponse) {
                context.report(
                    "include-body has no effect on \(association.eventType.rawValue)",
                    at: behavior.path.appending("lambda-function-associations").appending(index: index).appending("include-body"),
                    hint: "remove include-body, or run the function on a request event")
            }
        }
    }
}
