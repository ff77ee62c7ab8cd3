/// `docs/managed-policies.md`: the managed policy table as a page, so that a reader sees the
/// names cfc accepts and what each policy does without leaving the repository. A golden test
/// keeps the page equal to the table.
public enum ManagedPolicyReference {
    /// The page.
    public static func markdown() -> String {
        var out = """
            # AWS managed policies

            <!-- Generated from Sources/DistributionIR/ManagedPolicyTable.swift; regenerate with
                 UPDATE_GOLDENS=1 swift test --filter ManagedPolicies -->

            A behavior names an AWS managed policy instead of writing its id:

            ```yaml
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy: CachingOptimized            # or Managed-CachingOptimized
              origin-request-policy: AllViewerExceptHostHeader
              response-headers-policy: SecurityHeadersPolicy
            ```

            cfc sends the policy's id. A name is matched with or without the `Managed-` prefix the
            console and `aws cloudfront list-cache-policies` show, and without regard to case. Give
            a policy either by name or by id (`cache-policy-id`), not both; a policy of your own
            goes in the id key. `cfc import` writes the names of the managed ids it knows.

            AWS adds managed policies from time to time and never changes what one does. This table
            was checked against AWS's documentation on \(ManagedPolicies.checked); an id it does not
            know is accepted as a policy of your own if it is a well-formed UUID.


            """
        out += "## Cache policies\n\n"
        out += "What is in the cache key (and so also sent to the origin), and the TTLs in seconds.\n\n"
        out += "| Name | Id | TTL min / default / max | Headers | Cookies | Query strings | Compressed | What it is for |\n"
        out += "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for policy in ManagedPolicies.cachePolicies {
            let compressed = [policy.gzip ? "gzip" : nil, policy.brotli ? "br" : nil].compactMap { $0 }.joined(separator: ", ")
            out += row([
                link(policy.apiName, policy.source), "`\(policy.id)`",
                "\(policy.minTTL) / \(policy.defaultTTL) / \(policy.maxTTL)",
                policy.headers.text, policy.cookies.text, policy.queryStrings.text,
                compressed.isEmpty ? "no" : compressed, policy.purpose,
            ])
        }
        out += "\nThe `Amplify-` policies other than `Amplify` are Amplify Hosting's own: \"These policies are only used by "
        out += "Amplify. We don't recommend that you use these policies for your distributions.\"\n\n"
        out += "## Origin request policies\n\n"
        out += "What is forwarded to the origin beyond the cache key.\n\n"
        out += "| Name | Id | Headers | Cookies | Query strings | What it is for |\n"
        out += "| --- | --- | --- | --- | --- | --- |\n"
        for policy in ManagedPolicies.originRequestPolicies {
            out += row([
                link(policy.apiName, policy.source), "`\(policy.id)`", policy.headers.text, policy.cookies.text,
                policy.queryStrings.text, policy.purpose,
            ])
        }
        out += "\n## Response headers policies\n\n"
        out += "The headers CloudFront adds to responses.\n\n"
        out += "| Name | Id | Headers added | What it is for |\n"
        out += "| --- | --- | --- | --- |\n"
        for policy in ManagedPolicies.responseHeadersPolicies {
            let headers = policy.headers.map { "`\($0.name): \($0.value)`" }.joined(separator: "<br>")
            out += row([link(policy.apiName, policy.source), "`\(policy.id)`", headers, policy.purpose])
        }
        return out
    }

    private static func link(_ text: String, _ url: String) -> String { "[\(text)](\(url))" }

    /// A table row; a `|` in a cell would end it early.
    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }.joined(separator: " | ")
            + " |\n"
    }
}
