import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags two edge functions on the same event type of one behavior.
struct OneFunctionPerEventRule: Rule {
    static let description = RuleDescription(
        id: "functions.one_per_event", name: "One Function per Event", category: .functions, severity: .error,
        summary: "A behavior has two edge functions on the same event type.",
        fix: "Keep one function per event type and behavior; combine their logic into one function.",
        rationale:
            "Each event type (viewer request, origin request, origin response, viewer response) can have only one edge function association per cache behavior.",
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
                      - {event-type: viewer-response, function-arn: "arn:aws:cloudfront::111122223333:function/b"}
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
                      - {event-type: ↓viewer-request, function-arn: "arn:aws:cloudfront::111122223333:function/b"}
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            var seen: [EventType: ConfigPath] = [:]
            let lambdas = behavior.behavior.lambdaFunctionAssociations.enumerated().map {
                ($0.element.eventType, behavior.path.appending("lambda-function-associations").appending(index: $0.offset))
            }
            let functions = behavior.behavior.functionAssociations.enumerated().map {
                ($0.element.eventType, behavior.path.appending("function-associations").appending(index: $0.offset))
            }
            for (event, path) in lambdas + functions {
                if let first = seen[event] {
                    context.report(
                        "\(behavior.displayName) has a second function on \(event.rawValue)", at: path.appending("event-type"),
                        hint: "combine the two functions into one", notes: [.init("the first is here", at: first)])
                } else {
                    seen[event] = path
                }
            }
        }
    }
}
