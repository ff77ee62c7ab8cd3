import CFCCompiler
import CFCTestSupport
import DistributionIR
import Foundation
import Routing
import Testing

/// Which hosts a distribution's alternate domain names (aliases) serve.
///
/// AWS, "Use wildcards in alternate domain names"
/// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html):
/// "with an alternate domain name of *.example.com, you can use any domain name that ends with
/// example.com in your URLs, such as www.example.com, product-name.example.com,
/// marketing.product-name.example.com, and so on", and "A wildcard alternate domain name, such
/// as *.example.com, can include another alternate domain name that's in use, such as
/// example.com": the wildcard serves every depth below it, and the apex is an alias of its own.
/// The "one level" of the alias rule is the certificate's (a TLS wildcard name covers one label),
/// which the simulator reports as a note rather than as a routing difference.
struct HostCase: CustomTestStringConvertible, Sendable {
    var host: String
    var served: Bool
    var testDescription: String { "\(host) \(served ? "served" : "not served")" }
}

private func simulator(aliases: [String]) -> RouteSimulator {
    var config = DistributionConfig()
    config.aliases = aliases
    return RouteSimulator(Distribution(name: "site", config: config))
}

@Suite struct AliasRoutingTests {
    @Test(arguments: [
        HostCase(host: "www.example.com", served: true),  // AWS's first example
        HostCase(host: "product-name.example.com", served: true),
        HostCase(host: "marketing.product-name.example.com", served: true),  // two levels: AWS's third example
        HostCase(host: "a.b.c.d.example.com", served: true),
        HostCase(host: "example.com", served: false),  // the apex needs its own alias
        HostCase(host: "wwwexample.com", served: false),  // not a subdomain
        HostCase(host: "www.example.com.evil.org", served: false),
        HostCase(host: "www.example.org", served: false),
        HostCase(host: ".example.com", served: false),  // an empty label is no name
        HostCase(host: "a..example.com", served: false),
        HostCase(host: "d111111abcdef8.cloudfront.net", served: true),  // the distribution's own domain
        HostCase(host: "cloudfront.net", served: false),
        HostCase(host: ".cloudfront.net", served: false),
        HostCase(host: "a.b.cloudfront.net", served: false),  // CloudFront's domains are one label deep
    ])
    func wildcardAliasesServeEveryDepthButNotTheApex(_ testCase: HostCase) {
        #expect(simulator(aliases: ["*.example.com"]).serves(host: testCase.host) == testCase.served)
    }

    @Test func anExactAliasServesOnlyItself() {
        let site = simulator(aliases: ["example.com", "static.example.org"])
        #expect(site.serves(host: "example.com"))
        #expect(site.serves(host: "static.example.org"))
        #expect(!site.serves(host: "www.example.com"))
        #expect(!site.serves(host: "cdn.static.example.org"))
    }

    /// AWS, "Restrictions on using alternate domain names"
    /// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html#alternate-domain-names-restrictions):
    /// "CloudFront sends the request to the distribution with the more specific name match ...
    /// marketing.domain.com is more specific than *.domain.com".
    @Test func theMostSpecificAliasWins() {
        let aliases = ["*.example.com", "*.shop.example.com", "www.shop.example.com"]
        #expect(RouteSimulator.mostSpecificAlias(covering: "www.shop.example.com", in: aliases) == "www.shop.example.com")
        #expect(RouteSimulator.mostSpecificAlias(covering: "img.shop.example.com", in: aliases) == "*.shop.example.com")
        #expect(RouteSimulator.mostSpecificAlias(covering: "a.img.shop.example.com", in: aliases) == "*.shop.example.com")
        #expect(RouteSimulator.mostSpecificAlias(covering: "shop.example.com", in: aliases) == "*.example.com")
        #expect(RouteSimulator.mostSpecificAlias(covering: "example.com", in: aliases) == nil)
        #expect(simulator(aliases: aliases).hostMatch("img.shop.example.com") == .wildcardAlias("*.shop.example.com"))
        #expect(simulator(aliases: aliases).hostMatch("www.shop.example.com") == .alias("www.shop.example.com"))
        #expect(simulator(aliases: aliases).hostMatch("d111111abcdef8.cloudfront.net") == .cloudFrontDomain)
    }

    /// Routing reaches any depth, but a certificate's wildcard name covers one label (RFC 6125
    /// §6.4.3), so an HTTPS request two levels down gets a note about the certificate; an HTTP
    /// request, or one level down, does not.
    @Test func deepWildcardHostsOverHTTPSGetACertificateNote() throws {
        let site = simulator(aliases: ["*.example.com"])
        func notes(_ url: String) throws -> [String] { site.route(try SimulatedRequest(method: "GET", url: url)).notes }
        let deep = try notes("https://marketing.product-name.example.com/images/image.jpg")
        #expect(deep.contains("marketing.product-name.example.com is served through the wildcard alias *.example.com"))
        #expect(
            deep.contains(
                "the certificate name *.example.com covers one level only: HTTPS viewers of marketing.product-name.example.com need a certificate that names it (or *.product-name.example.com)"
            ))
        #expect(!(try notes("https://www.example.com/images/image.jpg")).contains { $0.contains("covers one level only") })
        #expect(
            !(try notes("http://marketing.product-name.example.com/images/image.jpg")).contains { $0.contains("covers one level only") })
    }

    /// With several distributions in one file, `cfc route` picks the one whose alias matches
    /// the host most specifically, as CloudFront does; each distribution here has an origin
    /// named after it, so the answer's origin shows which one was chosen.
    @Test func routeChoosesTheDistributionWithTheMostSpecificAlias() throws {
        func body(_ name: String) -> String {
            """
                viewer-certificate: {acm-certificate-arn: "arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555", ssl-support-method: sni-only}
                origins: {\(name)-web: {domain-name: web.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: \(name)-web, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
            """
        }
        let config = """
            version: 1
            distributions:
              wild:
                aliases: ["*.example.com"]
            \(body("wild"))
              shop:
                aliases: [shop.example.com, "*.shop.example.com"]
            \(body("shop"))

            """
        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("two.yaml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        func origin(for host: String) throws -> String? {
            let outcome = RouteCommand.run(
                path: file.path, distribution: nil,
                requests: [.init(method: "GET", url: "https://\(host)/", httpVersion: .http1_1)],
                format: .json, batch: false)
            guard !outcome.failed else { return nil }
            let object = try JSONSerialization.jsonObject(with: Data(outcome.output)) as? [String: Any]
            return object?["origin"] as? String
        }
        #expect(try origin(for: "shop.example.com") == "shop-web")  // exact beats *.example.com
        #expect(try origin(for: "a.shop.example.com") == "shop-web")  // *.shop.example.com beats *.example.com
        #expect(try origin(for: "a.b.shop.example.com") == "shop-web")
        #expect(try origin(for: "www.example.com") == "wild-web")
        #expect(try origin(for: "a.b.example.com") == "wild-web")
        #expect(try origin(for: "example.com") == nil)  // no alias covers the apex
    }
}
