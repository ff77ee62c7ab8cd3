import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a Lambda@Edge ARN that is not a numbered version of a function in us-east-1.
struct LambdaARNRule: Rule {
    static let description = RuleDescription(
        id: "functions.lambda_arn", name: "Lambda@Edge Function ARN", category: .functions, severity: .error,
        summary: "A Lambda@Edge ARN is not a numbered function version in us-east-1.",
        fix: "Use the ARN of a published, numbered version of a function in us-east-1 (arn:aws:lambda:us-east-1:ACCOUNT:function:NAME:3).",
        rationale: """
            Lambda@Edge replicates a specific, published version of a function from US East (N. \
            Virginia): the ARN must end in a version number, not $LATEST and not an alias, and the \
            function must be in us-east-1.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
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
                    lambda-function-associations:
                      - {event-type: origin-request, lambda-function-arn: ↓"arn:aws:lambda:us-east-1:111122223333:function:auth:$LATEST"}
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    lambda-function-associations:
                      - {event-type: origin-request, lambda-function-arn: ↓"arn:aws:lambda:eu-west-1:111122223333:function:auth:7"}
                """),
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            for (index, association) in behavior.behavior.lambdaFunctionAssociations.enumerated() {
                let path = behavior.path.appending("lambda-function-associations").appending(index: index).appending("lambda-function-arn")
                let arn = association.lambdaFunctionARN
                let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function" else {
                    context.report(
                        "'\(arn)' is not a Lambda function ARN", at: path,
                        hint: "the form is arn:aws:lambda:us-east-1:ACCOUNT:function:NAME:VERSION")
                    continue
                }
                if parts[3] != "us-east-1" {
                    context.report(
                        "Lambda@Edge functions must be in us-east-1, not \(parts[3])", at: path,
                        hint: "create the function in us-east-1; Lambda@Edge replicates it to the edge")
                } else if parts.count != 8 || UInt64(parts[7]) == nil {
                    let qualifier = parts.count == 8 ? "'\(parts[7])'" : "no version"
                    context.report(
                        "Lambda@Edge needs a numbered function version; the ARN has \(qualifier)", at: path,
                        hint: "publish a version and use its ARN, ending in :VERSION")
                }
            }
        }
    }
}
