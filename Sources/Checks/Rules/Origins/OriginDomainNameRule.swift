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
        fix:
            "Write only the host name (api.example.com): no scheme, port or path; use origin-path for a path and http-port/https-port for a port.",
        rationale: """
            DomainName is the origin's DNS name only: CloudFront rejects a scheme (https://), a port \
            (set http-port/https-port instead) and a path (set origin-path instead). The API answers \
            such values with errors like "The parameter origin name cannot contain a colon".
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesDomainName"
        ],
        passingExamples: [
            RuleExample.with(
                """

                """)
        ],
        failingExamples: [
            """
            origins:
              app:
                domain-name: ↓https://app.example.com/v1
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
            """
            origins:
              app:
                domain-name: ↓app.example.com:8443
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """,
        ],
        rejectedByAPI: true)

    /// What is wrong with `domain`, or nil; one pass over its bytes.
    static func problem(with domain: String) -> String? {
        var labelLength = 0
        var total = 0
        var sawColon = false
        var sawSlash = false
        var invalid = false
        for byte in domain.utf8 {
            total += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                labelLength += 1
                if labelLength > 63 { invalid = true }
            case UInt8(ascii: "."):
                if labelLength == 0 { invalid = true }
                labelLength = 0
            case UInt8(ascii: ":"): sawColon = true
            case UInt8(ascii: "/"): sawSlash = true
            default: invalid = true
            }
        }
        // `://` needs both a colon and a slash; the byte loop already knows whether there are any.
        if sawColon && sawSlash && domain.utf8.indices.contains(where: { domain.utf8[$0...].starts(with: "://".utf8) }) {
            return "is a URL"
        }
        if sawSlash { return "has a path" }
        if sawColon { return OriginIPAddressRule.isIPAddress(domain) ? nil : "has a port" }
        if invalid || labelLength == 0 || total > 253 {
            return OriginIPAddressRule.isIPAddress(domain) ? nil : "is not a valid DNS name"
        }
        return nil
    }

    func check(_ context: CheckContext) {
        for origin in context.config.origins {
            guard let problem = Self.problem(with: origin.domainName) else { continue }
            let hint: String
            switch problem {
            case "is a URL": hint = "write only the host name; the protocol is set by custom-origin-config"
            case "has a path": hint = "move the path to origin-path"
            case "has a port": hint = "set the port with http-port or https-port"
            default: hint = "a DNS name has labels of letters, digits, '-' and '_' separated by dots"
            }
            context.report(
                "origin domain name '\(origin.domainName)' \(problem)",
                at: context.distribution.path.appending("origins").appending(origin.id).appending("domain-name"),
                hint: hint)
        }
    }
}
