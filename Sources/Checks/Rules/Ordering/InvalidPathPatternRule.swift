import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a path pattern CloudFront would reject: empty, longer than 255 characters, or with a
/// character outside the documented set. `require-https` patterns are held to the same rules,
/// since they describe the same paths.
struct InvalidPathPatternRule: Rule {
    static let description = RuleDescription(
        id: "ordering.invalid_path_pattern", name: "Invalid Path Pattern", category: .ordering, severity: .error,
        summary: "A path pattern is empty, too long, or has a character CloudFront does not accept.",
        fix: "Use only A-Z, a-z, 0-9, * ? and _ - . $ / ~ \" ' @ : + &, at most 255 characters; do not URL-encode.",
        rationale: """
            CloudFront accepts path patterns of at most 255 characters made of A-Z, a-z, 0-9, the \
            wildcards * and ?, and _ - . $ / ~ " ' @ : + and &. The API rejects anything else when \
            the distribution is created or updated; cfc reports it at its line instead.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*.jpg, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: ~user/@me:+1$, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: ↓"/search results/*", target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: ↓/a%20b, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
            RuleExample.with(
                """
                require-https: [↓"/caf\\u00e9/*"]
                """),
        ],
        rejectedByAPI: true)

    static let allowedPunctuation = Set("_-.*$/~\"'@:+&?".unicodeScalars)

    /// For each ASCII byte, whether a pattern may contain it.
    static let allowedASCII: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || allowedPunctuation.contains(scalar)
    }

    /// Why `pattern` is invalid, or nil.
    static func problem(with pattern: String) -> String? {
        if pattern.isEmpty { return "it is empty" }
        // The common case, decided on bytes: every byte an allowed ASCII character (so the
        // byte count is the character count).
        if pattern.utf8.count <= 255, pattern.utf8.allSatisfy({ $0 < 128 && allowedASCII[Int($0)] }) { return nil }
        if pattern.unicodeScalars.count > 255 { return "it is \(pattern.unicodeScalars.count) characters long; the limit is 255" }
        for scalar in pattern.unicodeScalars {
            let isAlphanumeric = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            if !isAlphanumeric && !allowedPunctuation.contains(scalar) {
                let code = VisibleText.codePoint(scalar)
                let shown =
                    scalar == " "
                    ? "a space"
                    : scalar.isASCII
                        ? "'\(VisibleText.escaped(String(scalar)))'"
                        : VisibleText.needsEscape(scalar) || scalar.properties.generalCategory == .spaceSeparator
                            ? "the invisible character \(code)" : "'\(scalar)' (\(code))"
                return "it contains \(shown)"
            }
        }
        return nil
    }

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors where !behavior.isDefault {
            if let problem = Self.problem(with: behavior.behavior.pathPattern) {
                context.report(
                    "path pattern '\(behavior.behavior.pathPattern)' is not valid: \(problem)",
                    at: behavior.path.appending("path-pattern"),
                    hint:
                        "CloudFront accepts A-Z, a-z, 0-9, * ? and _ - . $ / ~ \" ' @ : + &; URL-encoding (%20) is not decoded in patterns")
            }
        }
        for (index, pattern) in context.distribution.policy.requireHTTPS.enumerated() {
            if let problem = Self.problem(with: pattern) {
                context.report(
                    "require-https pattern '\(pattern)' is not valid: \(problem)",
                    at: context.distribution.path.appending("require-https").appending(index: index))
            }
        }
    }
}
