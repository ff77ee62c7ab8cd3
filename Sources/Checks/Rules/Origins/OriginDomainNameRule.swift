import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin domain name that is not a plain DNS name: a URL with a scheme, a port, a
/// path, or characters a domain name cannot have.
struct OriginDomainNameRule: Rule {
    static let description = RuleDescription(
        id: "origins.domain_name", name: "Origin Domain Name", category: .origins, severity: .error,
        summary: "An origin's domain name is a URL, has a port or a path, or is not a valid DNS name.",
        rationale: """
            DomainName is the origin's DNS name only: CloudFront rejects a scheme (https://), a port \
            (set http-port/https-port instead) and a path (set origin-path instead). The API answers \
            such values with errors like "The parameter origin name cannot contain a colon".
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesDomainName"],
        passingExamples: [RuleExample.with("")],
        failingExamples: [
            "origins:\n  app:\n    domain-name: ↓https://app.example.com/v1\n    custom-origin-config: {origin-protocol-policy: https-only}\n" + RuleExample.defaultBehavior,
            "origins:\n  app:\n    domain-name: ↓app.example.com:8443\n    custom-origin-config: {origin-protocol-policy: https-only}\n" + RuleExample.defaultBehavior,
        ])

    func check(_ context: CheckContext) {
        for origin in context.config.origins {
            let domain = origin.domainName
            let path = context.distribution.path.appending("origins").appending(origin.id).appending("domain-name")
            if domain.contains("://") {
                context.report("origin domain name '\(domain)' is a URL", at: path,
                               hint: "write only the host name; the protocol is set by custom-origin-config")
            } else if domain.contains("/") {
                context.report("origin domain name '\(domain)' has a path", at: path,
                               hint: "move the path to origin-path")
            } else if domain.contains(":") && !OriginIPAddressRule.isIPAddress(domain) {
                context.report("origin domain name '\(domain)' has a port", at: path,
                               hint: "set the port with http-port or https-port")
            } else if !OriginIPAddressRule.isIPAddress(domain) {
                let valid = !domain.isEmpty && domain.utf8.count <= 253 && domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                    !label.isEmpty && label.utf8.count <= 63
                        && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
                }
                if !valid {
                    context.report("origin domain name '\(domain)' is not a valid DNS name", at: path,
                                   hint: "a DNS name has labels of letters, digits, '-' and '_' separated by dots")
                }
            }
        }
    }
}
