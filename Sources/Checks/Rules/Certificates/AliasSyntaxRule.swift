import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an alias that CloudFront does not accept: not lower-case, not a valid domain name, a
/// wildcard anywhere but a leading `*.`, a wildcard on a top-level domain, or a duplicate.
struct AliasSyntaxRule: Rule {
    static let description = RuleDescription(
        id: "certificates.alias_syntax", name: "Alias Syntax", category: .certificates, severity: .error,
        summary: "An alias is not a valid alternate domain name.",
        fix:
            "Write the alias as a lower-case domain name, with a wildcard only as the whole first label (*.example.com), and list it once.",
        rationale: """
            Alternate domain names must be lower-case domain names. A wildcard must be the whole \
            first label (*.example.com): not part of a label (*domain.example.com), not in the \
            middle (a.*.example.com), and not on a top-level domain (*.com). A wildcard alias routes \
            names at any depth under it, but the certificate's *.example.com covers exactly one \
            level, and not example.com itself, so each alias must also be covered by the certificate.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html",
        ],
        passingExamples: [
            RuleExample.with(
                """
                aliases: [www.example.com, "*.example.com", example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                aliases: [↓WWW.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """),
            RuleExample.with(
                """
                aliases: [↓"api.*.example.com", ↓"*.com", ↓"*shop.example.com"]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """),
            RuleExample.with(
                """
                aliases: [www.example.com, ↓www.example.com]
                viewer-certificate:
                  acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
                  ssl-support-method: sni-only
                """),
        ])

    /// Why `alias` is not a valid alternate domain name, or nil.
    static func problem(with alias: String) -> String? {
        isPlainlyValid(alias) ? nil : explainedProblem(with: alias)
    }

    /// Why `alias` is not valid, found label by label; nil when it is valid after all, which
    /// the tests use to hold `isPlainlyValid` to the same answer.
    static func explainedProblem(with alias: String) -> String? {
        if alias != alias.lowercased() { return "it is not lower-case" }
        var labels = alias.split(separator: ".", omittingEmptySubsequences: false)
        if labels.first == "*" {
            if labels.count <= 2 { return "a wildcard cannot stand for a whole domain under a top-level domain" }
            labels.removeFirst()
        }
        if alias.utf8.count > 253 { return "it is longer than 253 characters" }
        for label in labels {
            if label.contains("*") { return "a wildcard must be the whole first label, as in *.example.com" }
            if label.isEmpty { return "it has an empty label" }
            if label.utf8.count > 63 { return "the label '\(label)' is longer than 63 characters" }
            let valid = label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            if !valid { return "the label '\(label)' has characters a domain name cannot have" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "the label '\(label)' starts or ends with '-'" }
        }
        if labels.count < 2 { return "it is not a fully qualified domain name" }
        return nil
    }

    /// Whether `alias` is a valid name by one pass over its bytes: lower-case labels of letters,
    /// digits and inner hyphens, at most 63 bytes each, at least two, with an optional leading
    /// `*.` before at least two more. Almost every alias is; the rest get `problem`'s slower,
    /// explaining walk.
    static func isPlainlyValid(_ alias: String) -> Bool {
        alias.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count <= 253 else { return false }
            // A leading "*." is followed by at least two labels, like any other name.
            var index = bytes.count >= 2 && bytes[0] == UInt8(ascii: "*") && bytes[1] == UInt8(ascii: ".") ? 2 : 0
            var labels = 0
            var labelLength = 0
            var previous: UInt8 = UInt8(ascii: ".")
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    labelLength += 1
                case UInt8(ascii: "-"):
                    if labelLength == 0 { return false }
                    labelLength += 1
                case UInt8(ascii: "."):
                    if labelLength == 0 || previous == UInt8(ascii: "-") { return false }
                    labels += 1
                    labelLength = 0
                default:
                    return false
                }
                if labelLength > 63 { return false }
                previous = byte
                index += 1
            }
            if labelLength == 0 || previous == UInt8(ascii: "-") { return false }
            return labels + 1 >= 2
        } ?? false
    }

    func check(_ context: CheckContext) {
        var seen = Set<String>()
        for (index, alias) in context.config.aliases.enumerated() {
            var path: ConfigPath { context.distribution.path.appending("aliases").appending(index: index) }
            if let problem = Self.problem(with: alias) {
                context.report(
                    "alias '\(alias)' is not valid: \(problem)", at: path,
                    hint: alias != alias.lowercased() ? "write '\(alias.lowercased())'" : nil)
            } else if !seen.insert(alias).inserted {
                context.report("alias '\(alias)' is listed twice", at: path, hint: "remove the second one")
            }
        }
    }
}
