// The data of `ManagedPolicies`, as AWS documents it (checked on the date in
// `ManagedPolicies.checked`). `docs/managed-policies.md` is generated from these rows, and
// ManagedPoliciesTests holds them to the ids AWS publishes.

extension ManagedPolicies {
    private static let cachePage = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html"
    private static let originRequestPage =
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html"
    private static let responseHeadersPage =
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html"
    private static let amplifyPage = "https://docs.aws.amazon.com/amplify/latest/userguide/cache-configuration-type.html"
    private static let year: Int64 = 31_536_000

    /// Every managed cache policy.
    public static let cachePolicies: [CachePolicy] = [
        CachePolicy(
            name: "Amplify", id: "2e54312d-136d-493c-8eb9-b001f22f67d2", minTTL: 2, defaultTTL: 2, maxTTL: 600,
            headers: .only(["authorization", "cloudfront-viewer-country", "host"]), cookies: .all, queryStrings: .all,
            gzip: true, brotli: true,
            purpose: "For an origin that is an AWS Amplify web app.",
            source: cachePage + "#managed-cache-policy-amplify"),
        CachePolicy(
            name: "CachingOptimized", id: "658327ea-f89d-4fab-a63d-7e88639e58f6", minTTL: 1, defaultTTL: 86_400, maxTTL: year,
            headers: .none, cookies: .none, queryStrings: .none, gzip: true, brotli: true,
            purpose: "Caches as long as possible: the cache key is the URL path alone, and compressed objects are cached.",
            source: cachePage + "#managed-cache-caching-optimized"),
        CachePolicy(
            name: "CachingOptimizedForUncompressedObjects", id: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
            minTTL: 1, defaultTTL: 86_400, maxTTL: year,
            headers: .none, cookies: .none, queryStrings: .none, gzip: false, brotli: false,
            purpose: "As CachingOptimized, without compression support.",
            source: cachePage + "#managed-cache-caching-optimized-uncompressed"),
        CachePolicy(
            name: "CachingDisabled", id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", minTTL: 0, defaultTTL: 0, maxTTL: 0,
            headers: .none, cookies: .none, queryStrings: .none, gzip: false, brotli: false,
            purpose: "Disables caching: for dynamic content and requests that are not cacheable.",
            source: cachePage + "#managed-cache-policy-caching-disabled"),
        CachePolicy(
            name: "Elemental-MediaPackage", id: "08627262-05a9-4f76-9ded-b50ca2e3a84f", minTTL: 0, defaultTTL: 86_400, maxTTL: year,
            headers: .only(["origin"]), cookies: .none, queryStrings: .only(["aws.manifestfilter", "start", "end", "m"]),
            gzip: true, brotli: false,
            purpose: "For an AWS Elemental MediaPackage endpoint as the origin.",
            source: cachePage + "#managed-cache-policy-mediapackage"),
        CachePolicy(
            name: "UseOriginCacheControlHeaders", id: "83da9c7e-98b4-4e11-a168-04f0df8e2c65", minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["host", "origin", "x-http-method-override", "x-http-method", "x-method-override"]),
            cookies: .all, queryStrings: .none, gzip: true, brotli: true,
            purpose:
                "Caches by the origin's Cache-Control headers, for origins that return them; the cache key holds Host and all cookies.",
            source: cachePage + "#managed-cache-policy-origin-cache-headers"),
        CachePolicy(
            name: "UseOriginCacheControlHeaders-QueryStrings", id: "4cc15a8a-d715-48a4-82b8-cc0b614638fe",
            minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["host", "origin", "x-http-method-override", "x-http-method", "x-method-override"]),
            cookies: .all, queryStrings: .all, gzip: true, brotli: true,
            purpose: "As UseOriginCacheControlHeaders, with all query strings in the cache key.",
            source: cachePage + "#managed-cache-policy-origin-cache-headers-query-strings"),
        CachePolicy(
            name: "Amplify-Default", id: "4d1d2f1d-3a71-49ad-9e08-7ea5d843a556", minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["authorization", "accept", "cloudfront-viewer-country", "host"]), cookies: .all, queryStrings: .all,
            gzip: true, brotli: true, amplifyHostingOnly: true,
            purpose:
                "Amplify Hosting's default. AWS: \"These policies are only used by Amplify. We don't recommend that you use these policies for your distributions.\"",
            source: amplifyPage),
        CachePolicy(
            name: "Amplify-DefaultNoCookies", id: "a6bad946-36c3-4c33-aa98-362c74a7fb13", minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["authorization", "accept", "cloudfront-viewer-country", "host"]), cookies: .none, queryStrings: .all,
            gzip: true, brotli: true, amplifyHostingOnly: true,
            purpose: "Amplify Hosting's default without cookies (Amplify Hosting only).",
            source: amplifyPage),
        CachePolicy(
            name: "Amplify-ImageOptimization", id: "1c6db51a-a33f-469a-8245-dae26771f530", minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["authorization", "accept", "host"]), cookies: .none, queryStrings: .all,
            gzip: true, brotli: true, amplifyHostingOnly: true,
            purpose: "Amplify Hosting's image optimization (Amplify Hosting only).",
            source: amplifyPage),
        CachePolicy(
            name: "Amplify-StaticContent", id: "7e5fad67-ee98-4ad0-b05a-394999eefc1a", minTTL: 0, defaultTTL: 0, maxTTL: year,
            headers: .only(["authorization", "host"]), cookies: .none, queryStrings: .none,
            gzip: true, brotli: true, amplifyHostingOnly: true,
            purpose: "Amplify Hosting's static content (Amplify Hosting only).",
            source: amplifyPage),
    ]

    /// Every managed origin request policy.
    public static let originRequestPolicies: [OriginRequestPolicy] = [
        OriginRequestPolicy(
            name: "AllViewer", id: "216adef6-5c7f-47e4-b989-5492eafa07d3",
            headers: .all, cookies: .all, queryStrings: .all,
            purpose: "Forwards everything in the viewer's request: all headers (Host included), cookies and query strings.",
            source: originRequestPage + "#managed-origin-request-policy-all-viewer"),
        OriginRequestPolicy(
            name: "AllViewerAndCloudFrontHeaders-2022-06", id: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
            headers: .allViewerAnd(cloudFrontHeaders2022), cookies: .all, queryStrings: .all,
            purpose: "Forwards everything in the viewer's request, and the CloudFront headers (viewer location, device type, and so on).",
            source: originRequestPage + "#managed-origin-request-policy-all-viewer-and-cloudfront"),
        OriginRequestPolicy(
            name: "AllViewerExceptHostHeader", id: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
            headers: .allExcept(["host"]), cookies: .all, queryStrings: .all,
            purpose:
                "Forwards everything in the viewer's request but the Host header: for origins that find their resource by Host (S3, API Gateway, Lambda function URLs).",
            source: originRequestPage + "#managed-origin-request-policy-all-viewer-except-host-header"),
        OriginRequestPolicy(
            name: "CORS-CustomOrigin", id: "59781a5b-3903-41f3-afcb-af62929ccde1",
            headers: .only(["origin"]), cookies: .none, queryStrings: .none,
            purpose: "Forwards the Origin header for CORS, to a custom origin.",
            source: originRequestPage + "#managed-origin-request-policy-cors-custom"),
        OriginRequestPolicy(
            name: "CORS-S3Origin", id: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
            headers: .only(["origin", "access-control-request-headers", "access-control-request-method"]),
            cookies: .none, queryStrings: .none,
            purpose: "Forwards the CORS request headers, to an S3 origin.",
            source: originRequestPage + "#managed-origin-request-policy-cors-s3"),
        OriginRequestPolicy(
            name: "Elemental-MediaTailor-PersonalizedManifests", id: "775133bc-15f2-49f9-abea-afb2e0bf67d2",
            headers: .only(["origin", "access-control-request-headers", "x-forwarded-for", "access-control-request-method", "user-agent"]),
            cookies: .none, queryStrings: .all,
            purpose: "For an AWS Elemental MediaTailor origin.",
            source: originRequestPage + "#managed-origin-request-policy-mediatailor"),
        OriginRequestPolicy(
            name: "HostHeaderOnly", id: "bf0718e1-ba1e-49d1-88b1-f726733018ae",
            headers: .only(["host"]), cookies: .none, queryStrings: .none,
            purpose:
                "Forwards only the viewer's Host header. (AWS added it on 2025-08-29; its id is from AWS CDK's table, aws/aws-cdk#38236, as AWS's page could not be read in full.)",
            source: originRequestPage + "#managed-origin-request-policy-host-header-only"),
        OriginRequestPolicy(
            name: "UserAgentRefererHeaders", id: "acba4595-bd28-49b8-b9fe-13317c0390fa",
            headers: .only(["user-agent", "referer"]), cookies: .none, queryStrings: .none,
            purpose: "Forwards only the User-Agent and Referer headers.",
            source: originRequestPage + "#managed-origin-request-policy-user-agent-referer"),
    ]

    /// The CloudFront headers released through June 2022, which
    /// AllViewerAndCloudFrontHeaders-2022-06 forwards beside the viewer's own.
    private static let cloudFrontHeaders2022 = [
        "cloudfront-forwarded-proto", "cloudfront-is-android-viewer", "cloudfront-is-desktop-viewer", "cloudfront-is-ios-viewer",
        "cloudfront-is-mobile-viewer", "cloudfront-is-smarttv-viewer", "cloudfront-is-tablet-viewer", "cloudfront-viewer-address",
        "cloudfront-viewer-asn", "cloudfront-viewer-city", "cloudfront-viewer-country", "cloudfront-viewer-country-name",
        "cloudfront-viewer-country-region", "cloudfront-viewer-country-region-name", "cloudfront-viewer-http-version",
        "cloudfront-viewer-latitude", "cloudfront-viewer-longitude", "cloudfront-viewer-metro-code", "cloudfront-viewer-postal-code",
        "cloudfront-viewer-time-zone", "cloudfront-viewer-tls",
    ]

    private static let securityHeaders: [(name: String, value: String)] = [
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Strict-Transport-Security", "max-age=31536000"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("X-XSS-Protection", "1; mode=block"),
    ]
    private static let simpleCORS: [(name: String, value: String)] = [
        ("Access-Control-Allow-Origin", "*")
    ]
    private static let preflightCORS: [(name: String, value: String)] = [
        ("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"),
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Expose-Headers", "*"),
    ]

    /// Every managed response headers policy.
    public static let responseHeadersPolicies: [ResponseHeadersPolicy] = [
        ResponseHeadersPolicy(
            name: "CORS-and-SecurityHeadersPolicy", id: "e61eb60c-9c35-4d20-a928-2b84e02af89c",
            headers: simpleCORS + securityHeaders,
            purpose: "Simple CORS (any origin) and the security headers.",
            source: responseHeadersPage + "#managed-response-headers-policies-cors-security"),
        ResponseHeadersPolicy(
            name: "CORS-With-Preflight", id: "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
            headers: preflightCORS,
            purpose: "CORS for any origin, preflight requests included.",
            source: responseHeadersPage + "#managed-response-headers-policies-cors-preflight"),
        ResponseHeadersPolicy(
            name: "CORS-with-preflight-and-SecurityHeadersPolicy", id: "eaab4381-ed33-4a86-88ca-d9558dc6cd63",
            headers: preflightCORS + securityHeaders,
            purpose: "CORS with preflight, and the security headers.",
            source: responseHeadersPage + "#managed-response-headers-policies-cors-preflight-security"),
        ResponseHeadersPolicy(
            name: "SecurityHeadersPolicy", id: "67f7725c-6f97-4210-82d7-5512b31e9d03",
            headers: securityHeaders,
            purpose: "The security headers: HSTS, X-Content-Type-Options, X-Frame-Options, Referrer-Policy, X-XSS-Protection.",
            source: responseHeadersPage + "#managed-response-headers-policies-security"),
        ResponseHeadersPolicy(
            name: "SimpleCORS", id: "60669652-455b-4ae9-85a4-c4c02393f86c",
            headers: simpleCORS,
            purpose: "Simple CORS: Access-Control-Allow-Origin for any origin.",
            source: responseHeadersPage + "#managed-response-headers-policies-cors"),
    ]
}
