import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// The managed policy table, and the language's names for its policies.
@Suite struct ManagedPoliciesTests {
    /// The ids AWS publishes, transcribed separately from the table (from the AWS pages the
    /// table's rows cite), so that a slip in one is caught by the other.
    static let publishedIDs: [String: String] = [
        "Amplify": "2e54312d-136d-493c-8eb9-b001f22f67d2",
        "CachingDisabled": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        "CachingOptimized": "658327ea-f89d-4fab-a63d-7e88639e58f6",
        "CachingOptimizedForUncompressedObjects": "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
        "Elemental-MediaPackage": "08627262-05a9-4f76-9ded-b50ca2e3a84f",
        "UseOriginCacheControlHeaders": "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
        "UseOriginCacheControlHeaders-QueryStrings": "4cc15a8a-d715-48a4-82b8-cc0b614638fe",
        "Amplify-Default": "4d1d2f1d-3a71-49ad-9e08-7ea5d843a556",
        "Amplify-DefaultNoCookies": "a6bad946-36c3-4c33-aa98-362c74a7fb13",
        "Amplify-ImageOptimization": "1c6db51a-a33f-469a-8245-dae26771f530",
        "Amplify-StaticContent": "7e5fad67-ee98-4ad0-b05a-394999eefc1a",
        "AllViewer": "216adef6-5c7f-47e4-b989-5492eafa07d3",
        "AllViewerAndCloudFrontHeaders-2022-06": "33f36d7e-f396-46d9-90e0-52428a34d9dc",
        "AllViewerExceptHostHeader": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
        "CORS-CustomOrigin": "59781a5b-3903-41f3-afcb-af62929ccde1",
        "CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
        "Elemental-MediaTailor-PersonalizedManifests": "775133bc-15f2-49f9-abea-afb2e0bf67d2",
        "HostHeaderOnly": "bf0718e1-ba1e-49d1-88b1-f726733018ae",
        "UserAgentRefererHeaders": "acba4595-bd28-49b8-b9fe-13317c0390fa",
        "CORS-and-SecurityHeadersPolicy": "e61eb60c-9c35-4d20-a928-2b84e02af89c",
        "CORS-With-Preflight": "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
        "CORS-with-preflight-and-SecurityHeadersPolicy": "eaab4381-ed33-4a86-88ca-d9558dc6cd63",
        "SecurityHeadersPolicy": "67f7725c-6f97-4210-82d7-5512b31e9d03",
        "SimpleCORS": "60669652-455b-4ae9-85a4-c4c02393f86c",
    ]

    static var tableRows: [(name: String, id: String, source: String)] {
        ManagedPolicies.cachePolicies.map { ($0.name, $0.id, $0.source) }
            + ManagedPolicies.originRequestPolicies.map { ($0.name, $0.id, $0.source) }
            + ManagedPolicies.responseHeadersPolicies.map { ($0.name, $0.id, $0.source) }
    }

    @Test func theTableHoldsExactlyThePublishedPolicies() {
        let table = Dictionary(uniqueKeysWithValues: Self.tableRows.map { ($0.name, $0.id) })
        #expect(table == Self.publishedIDs)
        #expect(Self.tableRows.count == 24)
    }

    @Test func everyRowIsWellFormedAndCitesAWS() {
        let rows = Self.tableRows
        #expect(Set(rows.map { $0.name.lowercased() }).count == rows.count, "names are unique without regard to case")
        #expect(Set(rows.map(\.id)).count == rows.count)
        for row in rows {
            #expect(ManagedPolicies.isWellFormedID(row.id) && row.id == row.id.lowercased(), "\(row.name)")
            #expect(row.source.hasPrefix("https://docs.aws.amazon.com/"), "\(row.name)")
        }
    }

    @Test func whatThePoliciesDo() throws {
        let optimized = try #require(ManagedPolicies.cachePolicy(named: "CachingOptimized"))
        #expect((optimized.minTTL, optimized.defaultTTL, optimized.maxTTL) == (1, 86_400, 31_536_000))
        #expect(optimized.headers == .none && optimized.gzip && optimized.brotli)
        let disabled = try #require(ManagedPolicies.cachePolicy(named: "CachingDisabled"))
        #expect((disabled.minTTL, disabled.defaultTTL, disabled.maxTTL) == (0, 0, 0))
        #expect(ManagedPolicies.cachePolicy(named: "Elemental-MediaPackage").map { ($0.gzip, $0.brotli) } ?? (false, true) == (true, false))
        #expect(ManagedPolicies.cachePolicy(named: "UseOriginCacheControlHeaders")?.headers.includes("Host", caseInsensitive: true) == true)
        #expect(
            ManagedPolicies.cachePolicies.filter(\.amplifyHostingOnly).map(\.name)
                == ["Amplify-Default", "Amplify-DefaultNoCookies", "Amplify-ImageOptimization", "Amplify-StaticContent"])

        #expect(ManagedPolicies.originRequestPolicy(named: "AllViewer")?.forwardsHost == true)
        #expect(ManagedPolicies.originRequestPolicy(named: "AllViewerAndCloudFrontHeaders-2022-06")?.forwardsHost == true)
        #expect(ManagedPolicies.originRequestPolicy(named: "AllViewerExceptHostHeader")?.forwardsHost == false)
        #expect(ManagedPolicies.originRequestPolicy(named: "HostHeaderOnly")?.forwardsHost == true)
        #expect(ManagedPolicies.originRequestPolicy(named: "CORS-S3Origin")?.forwardsHost == false)
        if case .allViewerAnd(let headers) = ManagedPolicies.originRequestPolicy(named: "AllViewerAndCloudFrontHeaders-2022-06")?.headers {
            #expect(headers.count == 21 && headers.contains("cloudfront-viewer-country"))
        } else {
            Issue.record("AllViewerAndCloudFrontHeaders-2022-06 forwards all viewer headers and CloudFront's")
        }

        let withHSTS = ManagedPolicies.responseHeadersPolicies.filter(\.setsHSTS).map(\.name)
        #expect(withHSTS == ["CORS-and-SecurityHeadersPolicy", "CORS-with-preflight-and-SecurityHeadersPolicy", "SecurityHeadersPolicy"])
        let security = try #require(ManagedPolicies.responseHeadersPolicy(named: "SecurityHeadersPolicy"))
        #expect(security.headers.first { $0.name == "Strict-Transport-Security" }?.value == "max-age=31536000")
    }

    @Test func namesAreFoundWithOrWithoutThePrefixAndInAnyCase() {
        let id = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        for name in ["CachingOptimized", "Managed-CachingOptimized", "cachingoptimized", "managed-CACHINGOPTIMIZED"] {
            #expect(ManagedPolicies.cachePolicy(named: name)?.id == id, "\(name)")
        }
        #expect(ManagedPolicies.cachePolicy(named: "CachingOptimised") == nil)
        #expect(ManagedPolicies.cachePolicy(named: "Managed-") == nil)
        #expect(ManagedPolicies.cachePolicy(id: id)?.name == "CachingOptimized")
        #expect(ManagedPolicies.cachePolicy(id: id.uppercased()) == nil, "ids are matched as CloudFront returns them")
        #expect(
            ManagedPolicies.originRequestPolicy(named: "Managed-AllViewerExceptHostHeader")?.id == "b689b0a8-53d0-40ab-baf2-68738e2966ac")
        #expect(ManagedPolicies.responseHeadersPolicy(named: "cors-with-preflight")?.name == "CORS-With-Preflight")
        // Policies of one kind are not found as another.
        #expect(ManagedPolicies.cachePolicy(named: "AllViewer") == nil)
    }

    @Test func theAPINameHasThePrefixButForTheTwoAWSNamedWithout() {
        #expect(ManagedPolicies.cachePolicy(named: "CachingOptimized")?.apiName == "Managed-CachingOptimized")
        #expect(ManagedPolicies.cachePolicy(named: "UseOriginCacheControlHeaders")?.apiName == "UseOriginCacheControlHeaders")
        #expect(
            ManagedPolicies.cachePolicy(named: "UseOriginCacheControlHeaders-QueryStrings")?.apiName
                == "UseOriginCacheControlHeaders-QueryStrings")
        #expect(ManagedPolicies.originRequestPolicy(named: "HostHeaderOnly")?.apiName == "Managed-HostHeaderOnly")
        #expect(ManagedPolicies.responseHeadersPolicy(named: "SimpleCORS")?.apiName == "Managed-SimpleCORS")
    }

    @Test(arguments: [
        ("658327ea-f89d-4fab-a63d-7e88639e58f6", true),
        ("658327EA-F89D-4FAB-A63D-7E88639E58F6", true),
        ("00000000-0000-0000-0000-000000000000", true),
        ("658327ea-f89d-4fab-a63d-7e88639e58f", false),
        ("658327ea-f89d-4fab-a63d-7e88639e58f6a", false),
        ("658327eaf-89d-4fab-a63d-7e88639e58f6", false),
        ("658327ea_f89d_4fab_a63d_7e88639e58f6", false),
        ("g58327ea-f89d-4fab-a63d-7e88639e58f6", false),
        ("CachingOptimized", false),
        ("", false),
        ("658327ea-f89d-4fab-a63d-7e88639e58é", false),
    ])
    func theFormOfAnID(_ text: String, _ wellFormed: Bool) {
        #expect(ManagedPolicies.isWellFormedID(text) == wellFormed)
    }

    @Test(
        arguments: [
            ("abc123defg.execute-api.eu-west-1.amazonaws.com", "Amazon API Gateway"),
            ("ABC123DEFG.Execute-API.us-gov-west-1.amazonaws.com", "Amazon API Gateway"),
            ("abcdefghijklmnop.lambda-url.us-east-1.on.aws", "a Lambda function URL"),
            ("api.example.com", nil),
            ("execute-api.eu-west-1.amazonaws.com", nil),
            ("a.b.execute-api.eu-west-1.amazonaws.com", nil),
            ("abc.execute-api.amazonaws.com", nil),
            ("bucket.s3.eu-west-1.amazonaws.com", nil),
            ("abc.lambda-url.us-east-1.on.aws.example.com", nil),
        ] as [(String, String?)])
    func awsOriginsThatExpectTheirOwnHost(_ domain: String, _ service: String?) {
        #expect(OriginDomains.hostRoutedService(domain) == service)
    }

    @Test func docsManagedPoliciesMatchesTheTable() {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/managed-policies.md")
        if let failure = Golden.compare(Array(ManagedPolicyReference.markdown().utf8), with: url) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}

/// `cache-policy: NAME` and its kin in the language.
@Suite struct ManagedPolicyNameTests {
    private func config(_ behavior: String) -> String {
        """
        version: 1
        distributions:
          www:
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
        \(behavior.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))

        """
    }

    private func sentMembers(_ yaml: String) throws -> [String: Any] {
        let result = TestCompiler.compile(yaml)
        #expect(!result.hasErrors, "\(TestCompiler.renderedDiagnostics(result))")
        let document = try #require(result.documents.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
        return try #require(json["DefaultCacheBehavior"] as? [String: Any])
    }

    @Test func aNameSendsTheManagedPolicysID() throws {
        let behavior = try sentMembers(
            config(
                """
                cache-policy: CachingOptimized
                origin-request-policy: Managed-AllViewerExceptHostHeader
                response-headers-policy: securityheaderspolicy
                """))
        #expect(behavior["CachePolicyId"] as? String == "658327ea-f89d-4fab-a63d-7e88639e58f6")
        #expect(behavior["OriginRequestPolicyId"] as? String == "b689b0a8-53d0-40ab-baf2-68738e2966ac")
        #expect(behavior["ResponseHeadersPolicyId"] as? String == "67f7725c-6f97-4210-82d7-5512b31e9d03")
        #expect(behavior["CachePolicy"] == nil, "the name key is cfc's own and never sent")
    }

    @Test func aNameAndTheSameIDCompileToTheSameDocument() throws {
        let byName = TestCompiler.compile(config("cache-policy: CachingDisabled"))
        let byID = TestCompiler.compile(config("cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad"))
        #expect(byName.documents.map(\.bytes) == byID.documents.map(\.bytes))
        #expect(!byName.documents.isEmpty)
    }

    @Test func anUnknownNameIsAnErrorWithTheClosestName() throws {
        let result = TestCompiler.compile(config("cache-policy: Managed-CachingOptimised"))
        let error = try #require(result.diagnostics.first { $0.id == "reference.unknown_policy" })
        #expect(error.severity == .error)
        #expect(
            error.summary == "'Managed-CachingOptimised' is neither an AWS managed cache policy nor one declared under 'cache-policies'")
        #expect(error.range?.start.line == 11 && error.range?.start.column == 21)
        #expect(error.hint?.hasPrefix("did you mean 'CachingOptimized'?") == true)
        #expect(error.fixIts.first?.replacement == "CachingOptimized")
        #expect(result.documents.isEmpty)
    }

    @Test func anIDInTheNameKeyIsPointedToTheIDKey() throws {
        let result = TestCompiler.compile(config("origin-request-policy: 216adef6-5c7f-47e4-b989-5492eafa07d3"))
        let error = try #require(result.diagnostics.first { $0.id == "reference.unknown_policy" })
        #expect(error.hint == "an id goes in 'origin-request-policy-id'")
    }

    @Test func aPolicyOfAnotherKindIsNotAccepted() throws {
        let result = TestCompiler.compile(config("cache-policy: AllViewer"))
        #expect(result.diagnostics.contains { $0.id == "reference.unknown_policy" })
    }

    @Test func nameAndIDTogetherIsAnErrorNamingBoth() throws {
        let result = TestCompiler.compile(
            config(
                """
                response-headers-policy: SimpleCORS
                response-headers-policy-id: 60669652-455b-4ae9-85a4-c4c02393f86c
                """))
        let error = try #require(result.diagnostics.first { $0.id == "schema.policy_keys" })
        #expect(error.summary == "the response headers policy is given twice: 'response-headers-policy' and 'response-headers-policy-id'")
        #expect(error.range?.start.line == 12)
        #expect(error.notes.first?.range?.start.line == 11)
        #expect(result.documents.isEmpty)
    }

    @Test func aNullNameIsNoPolicy() throws {
        let behavior = try sentMembers(config("cache-policy: CachingOptimized\nresponse-headers-policy: null"))
        #expect(behavior["ResponseHeadersPolicyId"] == nil)
    }

    @Test func aWellFormedUnknownIDIsAPolicyOfYourOwn() throws {
        let behavior = try sentMembers(config("cache-policy-id: 0d3ffc3b-8b1f-4e9a-9a42-6a6f1c2e8b7d"))
        #expect(behavior["CachePolicyId"] as? String == "0d3ffc3b-8b1f-4e9a-9a42-6a6f1c2e8b7d")
    }

    @Test func aMalformedIDIsAnErrorAndANameInTheIDKeyIsRecognized() throws {
        let result = TestCompiler.compile(config("cache-policy-id: CachingOptimized"))
        let error = try #require(result.diagnostics.first { $0.id == "behaviors.policy_id_form" })
        #expect(error.hint == "'CachingOptimized' is a managed cache policy's name: write 'cache-policy: CachingOptimized'")
        #expect(result.documents.isEmpty, "the API would refuse it, so nothing is written")
    }

    @Test func findingsAboutAPolicyPointAtTheKeyThatWasWritten() throws {
        let yaml = """
            version: 1
            distributions:
              www:
                origins:
                  fn:
                    domain-name: abcdefghij.lambda-url.us-east-1.on.aws
                    custom-origin-config: {origin-protocol-policy: https-only}
                default-cache-behavior:
                  target-origin-id: fn
                  viewer-protocol-policy: https-only
                  cache-policy: CachingDisabled
                  origin-request-policy: AllViewer

            """
        let result = TestCompiler.compile(yaml)
        let finding = try #require(result.diagnostics.first { $0.id == "behaviors.host_header_to_aws_origin" })
        #expect(finding.range?.start.line == 12 && finding.range?.start.column == 30)
        #expect(finding.configPath == "distributions.www.default-cache-behavior.origin-request-policy")
        #expect(finding.notes.first?.range?.start.line == 6)
    }
}
