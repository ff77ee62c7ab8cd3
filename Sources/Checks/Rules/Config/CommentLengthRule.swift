import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a comment longer than 128 characters.
struct CommentLengthRule: Rule {
    static let description = RuleDescription(
        id: "config.comment_length", name: "Comment Length", category: .config, severity: .error,
        summary: "The distribution's comment is longer than 128 characters.",
        fix: "Shorten the comment to 128 characters; keep longer notes as YAML comments, which are not sent.",
        rationale: "CloudFront accepts a comment of at most 128 characters and rejects longer ones.",
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html"],
        passingExamples: [
            RuleExample.with(
                """
                comment: Product documentation
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                comment: ↓xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let count = context.config.comment.count
        guard count > 128 else { return }
        context.report(
            "the comment is \(count) characters long; CloudFront accepts 128",
            at: context.distribution.path.appending("comment"), hint: "shorten it; longer notes belong in YAML comments")
    }
}
