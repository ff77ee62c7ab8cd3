import CFCCompiler
import CFCTestSupport
import DistributionIR
import Testing

/// Which origin domain names are S3 REST endpoints (an S3 origin) and which are S3 website
/// endpoints (a custom origin that speaks HTTP only), across S3's documented endpoint forms.
@Suite struct OriginDomainsTests {
    static let restEndpoints = [
        "amzn-s3-demo-bucket.s3.amazonaws.com",
        "amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com",
        "AMZN-S3-DEMO-BUCKET.S3.US-WEST-2.AMAZONAWS.COM",
        "www.example.com.s3.eu-central-1.amazonaws.com",
        "assets.v2.example.org.s3.amazonaws.com",
        "bucket.s3-eu-west-1.amazonaws.com",
        "bucket.s3-external-1.amazonaws.com",
        "bucket.s3.dualstack.ap-southeast-2.amazonaws.com",
        "bucket.s3.cn-north-1.amazonaws.com.cn",
        "bucket.s3.dualstack.cn-northwest-1.amazonaws.com.cn",
        "bucket.s3.us-gov-west-1.amazonaws.com",
        "s3.s3.amazonaws.com",
    ]

    static let notRESTEndpoints = [
        "s3.amazonaws.com",
        "s3.us-west-2.amazonaws.com",
        ".s3.amazonaws.com",
        "a..b.s3.amazonaws.com",
        "bucket.s3-website-us-east-1.amazonaws.com",
        "bucket.s3-website.eu-central-1.amazonaws.com",
        "bucket.s3-accelerate.amazonaws.com",
        "bucket.s3.example.com",
        "bucket.execute-api.us-east-1.amazonaws.com",
        "my-alb-123.eu-west-1.elb.amazonaws.com",
        "bucket.s3.notaregion.amazonaws.com",
        "bücket.s3.amazonaws.com",
    ]

    @Test(arguments: restEndpoints)
    func restEndpointsAreS3Origins(_ domain: String) {
        #expect(OriginDomains.isS3RESTEndpoint(domain))
        #expect(!OriginDomains.isS3WebsiteEndpoint(domain))
    }

    @Test(arguments: notRESTEndpoints)
    func otherNamesAreNot(_ domain: String) {
        #expect(!OriginDomains.isS3RESTEndpoint(domain))
    }

    @Test func bucketNamesKeepTheirDots() {
        #expect(OriginDomains.s3RESTBucketLabelCount("www.example.com.s3.eu-central-1.amazonaws.com") == 3)
        #expect(OriginDomains.s3RESTBucketLabelCount("bucket.s3.dualstack.us-east-1.amazonaws.com") == 1)
    }

    @Test(arguments: [
        "bucket.s3-website-us-east-1.amazonaws.com", "www.example.com.s3-website.eu-central-1.amazonaws.com",
        "bucket.s3-website.cn-north-1.amazonaws.com.cn",
    ])
    func websiteEndpoints(_ domain: String) {
        #expect(OriginDomains.isS3WebsiteEndpoint(domain))
    }

    /// A dotted bucket name is an S3 origin without saying so, not "an origin without a type".
    @Test(arguments: [
        "www.example.com.s3.eu-central-1.amazonaws.com", "bucket.s3.dualstack.us-east-1.amazonaws.com",
        "bucket.s3.cn-north-1.amazonaws.com.cn",
    ])
    func compilesAsAnS3Origin(_ domain: String) {
        let result = TestCompiler.compile(
            """
            version: 1
            distributions:
              site:
                origins:
                  files: {domain-name: \(domain)}
                default-cache-behavior: {target-origin-id: files, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

            """)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(result.model?.distributions.first?.config.origins.first?.s3OriginConfig != nil)
    }
}
