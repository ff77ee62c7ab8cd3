import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin addressed by IP address rather than DNS name.
struct OriginIPAddressRule: Rule {
    static let description = RuleDescription(
        id: "origins.ip_address", name: "Origin IP Address", category: .origins, severity: .warning,
        summary: "An origin's domain name is an IP address.",
        fix: "Use a DNS name that resolves to the address (CloudFront does not accept IP addresses as origins).",
        rationale: """
            CloudFront expects an origin domain to be a publicly resolvable DNS name, and the API has \
            been seen to reject IP addresses ("The parameter origin name must be a domain name"). A \
            DNS name also lets the origin move without a distribution update, and lets CloudFront \
            verify the origin's certificate over HTTPS.
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
                domain-name: ↓203.0.113.10
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ])

    /// Whether `text` is an IPv4 or IPv6 address literal.
    static func isIPAddress(_ text: String) -> Bool {
        // Most domains start with a letter and end with a letter: not an address (IPv4 ends in
        // a digit, IPv6 in a hex digit or ']').
        guard let last = text.utf8.last,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(last)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(last) || last == UInt8(ascii: "]")
        else { return false }
        guard
            text.utf8.contains(where: { $0 == UInt8(ascii: ":") })
                || text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            return false
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4,
            parts.allSatisfy({ part in !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255 })
        {
            return true
        }
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        let groups = bare.split(separator: ":", omittingEmptySubsequences: false)
        return groups.count >= 3 && groups.count <= 8 && bare.contains(":")
            && groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
    }

    func check(_ context: CheckContext) {
        for origin in context.config.origins where Self.isIPAddress(origin.domainName) {
            context.report(
                "origin '\(origin.id)' is addressed by IP address \(origin.domainName)",
                at: context.distribution.path.appending("origins").appending(origin.id).appending("domain-name"),
                hint: "use a DNS name that resolves to the origin")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
