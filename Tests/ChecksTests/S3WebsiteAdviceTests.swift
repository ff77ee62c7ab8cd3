import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Testing

/// S3 website endpoints speak HTTP only: no finding on one may advise https-only for it, under
/// any combination of viewer policies and require-origin-https.
@Suite struct S3WebsiteAdviceTests {
    @Test(arguments: [false, true], ["allow-all", "redirect-to-https", "https-only"])
    func noFindingAdvisesHTTPSToAWebsiteEndpoint(requireOriginHTTPS: Bool, viewerPolicy: String) {
        let result = TestCompiler.compile(
            """
            version: 1
            distributions:
              site:
                require-origin-https: \(requireOriginHTTPS)
                origins:
                  website:
                    domain-name: www.example.com.s3-website-eu-west-1.amazonaws.com
                    custom-origin-config: {origin-protocol-policy: http-only}
                default-cache-behavior: {target-origin-id: website, viewer-protocol-policy: \(viewerPolicy), cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

            """)
        let advice = result.diagnostics.filter { $0.configPath?.contains("origins.website") == true }
        for finding in advice {
            #expect(!(finding.hint ?? "").contains("use https-only"), "\(finding.id.rawValue): \(finding.hint ?? "")")
            #expect(!(finding.hint ?? "").contains("and use https-only"), "\(finding.id.rawValue): \(finding.hint ?? "")")
        }
    }
}
