import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a default root object with a leading `/`, or too long, or with characters CloudFront
/// does not accept.
struct DefaultRootObjectRule: Rule {
    static let description = RuleDescription(
        id: "config.default_root_object", name: "Default Root Object", category: .config, severity: .error,
        summary: "default-root-object starts with '/', is longer than 255 characters, or has a character CloudFront does not accept.",
        fix: "Write the object's name without a leading '/' (index.html), at most 255 characters of the characters CloudFront accepts.",
        rationale: """
            The default root object is an object name such as index.html, without a leading slash; \
            at most 255 characters of A-Z, a-z, 0-9, _ - . * $ / ~ " ' and &.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html"],
        passingExamples: [
            RuleExample.with(
                """
                default-root-object: index.html
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                default-root-object: ↓/index.html
                """)
        ],
        rejectedByAPI: true)

    static let allowed = Set("_-.*$/~\"'&".unicodeScalars)

    func check(_ context: CheckContext) {
        let value = context.config.defaultRootObject
        guard !value.isEmpty else { return }
        let path = context.distribution.path.appending("default-root-object")
        if value.hasPrefix("/") {
            context.report("default-root-object must not start with '/'", at: path, hint: "write '\(value.drop { $0 == "/" })'")
        } else if value.count > 255 {
            context.report("default-root-object is longer than 255 characters", at: path)
        } else if let bad = value.unicodeScalars.first(where: {
            !(("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || Self.allowed.contains($0))
        }) {
            context.report("default-root-object contains '\(bad.escaped(asASCII: false))', which CloudFront does not accept", at: path)
        }
    }
}
