import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Foundation
import Testing

/// The law `compile(import(d)) == d` for each optional scalar member cfc sends by default, left
/// out in turn: a config that sends every one of them, less one, imports to YAML that writes
/// that one as `null`, and the YAML compiles back to the config, through JSON and through XML,
/// compared member for member by Foundation's parsers (`ImportMemberForMemberTests.roundTrip`).
/// A last test checks that the cases name every such member of the catalog, so a member made
/// omittable later is tested too.
@Suite struct OmittedMemberTests {
    /// One member to leave out.
    struct Case: CustomTestStringConvertible, Sendable {
        /// The IR structure that has the member, as the language reference names it.
        var structure: String
        /// The member's path in the DistributionConfig; `[n]` is the n-th item of a list.
        var path: [String]
        /// The YAML key the import must write as `null`.
        var key: String
        /// The config to start from.
        var base: Base = .cloudFrontCertificate
        /// Leaves the member out of the config.
        var leaveOut: @Sendable (inout DistributionConfig) -> Void

        var testDescription: String {
            path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + (base == .ownCertificate ? " (own certificate)" : "")
        }
    }

    /// The two configs the cases start from; they differ in the viewer certificate, whose
    /// defaults depend on whose certificate it is.
    enum Base: Sendable {
        case cloudFrontCertificate
        case ownCertificate
    }

    /// A config that sends every member the cases leave out, most of them with a value other
    /// than cfc's default, and the legacy TTLs beside forwarded values in both behaviors.
    static func config(_ base: Base) -> DistributionConfig {
        var config = DistributionConfig()
        config.callerReference = "omitted-members"
        config.defaultRootObject = "index.html"
        var app = Origin(id: "app", domainName: "app.example.com")
        app.originPath = "/prod"
        app.connectionAttempts = 2
        app.connectionTimeout = 5
        var custom = CustomOriginConfig()
        custom.originReadTimeout = 45
        custom.originKeepaliveTimeout = 10
        app.customOriginConfig = custom
        var assets = Origin(id: "assets", domainName: "assets.s3.us-east-1.amazonaws.com")
        assets.s3OriginConfig = S3OriginConfig()
        assets.originAccessControlId = "E2QWRUHAPOMQZL"
        config.origins = [app, assets]
        config.defaultCacheBehavior = behavior("*", target: "app")
        config.cacheBehaviors = [behavior("/assets/*", target: "assets")]
        var response = CustomErrorResponse()
        response.errorCode = 404
        response.errorCachingMinTTL = 60
        config.customErrorResponses = [response]
        config.comment = "every omittable scalar sent"
        var logging = LoggingConfig()
        logging.includeCookies = true
        logging.bucket = "logs.s3.amazonaws.com"
        logging.prefix = "www/"
        config.logging = logging
        config.priceClass = .priceClass100
        config.webACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/site/a1b2c3d4"
        config.httpVersion = .http2and3
        config.isIPV6Enabled = false
        switch base {
        case .cloudFrontCertificate:
            config.viewerCertificate = .cloudFrontDefault
        case .ownCertificate:
            config.aliases = ["www.example.com"]
            var certificate = ViewerCertificate()
            certificate.acmCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab"
            certificate.sslSupportMethod = .sniOnly
            certificate.cloudFrontDefaultCertificate = false
            certificate.minimumProtocolVersion = .tlsV1_2_2021
            config.viewerCertificate = certificate
        }
        return config
    }

    static func behavior(_ pattern: String, target: String) -> CacheBehavior {
        var behavior = CacheBehavior(pathPattern: pattern)
        behavior.targetOriginId = target
        behavior.viewerProtocolPolicy = .redirectToHTTPS
        behavior.smoothStreaming = true
        behavior.compress = false
        var association = LambdaFunctionAssociation()
        association.lambdaFunctionARN = "arn:aws:lambda:us-east-1:111122223333:function:rewrite:7"
        association.eventType = .originRequest
        association.includeBody = true
        behavior.lambdaFunctionAssociations = [association]
        behavior.fieldLevelEncryptionId = "fle-1"
        var forwarded = ForwardedValues()
        forwarded.queryString = true
        behavior.forwardedValues = forwarded
        behavior.minTTL = 1
        behavior.defaultTTL = 3600
        behavior.maxTTL = 86400
        return behavior
    }

    static let cases: [Case] = {
        var cases = [
            Case(structure: "Distribution", path: ["DefaultRootObject"], key: "default-root-object") { $0.sentDefaultRootObject = nil },
            Case(structure: "Distribution", path: ["PriceClass"], key: "price-class") { $0.sentPriceClass = nil },
            Case(structure: "Distribution", path: ["WebACLId"], key: "web-acl-id") { $0.sentWebACLId = nil },
            Case(structure: "Distribution", path: ["HttpVersion"], key: "http-version") { $0.sentHTTPVersion = nil },
            Case(structure: "Distribution", path: ["IsIPV6Enabled"], key: "is-ipv6-enabled") { $0.sentIsIPV6Enabled = nil },
            Case(structure: "LoggingConfig", path: ["Logging", "Enabled"], key: "enabled") { $0.logging.sentEnabled = nil },
            Case(structure: "LoggingConfig", path: ["Logging", "IncludeCookies"], key: "include-cookies") {
                $0.logging.sentIncludeCookies = nil
            },
            Case(structure: "LoggingConfig", path: ["Logging", "Bucket"], key: "bucket") { $0.logging.sentBucket = nil },
            Case(structure: "LoggingConfig", path: ["Logging", "Prefix"], key: "prefix") { $0.logging.sentPrefix = nil },
            Case(structure: "Origin", path: ["Origins", "Items", "[0]", "OriginPath"], key: "origin-path") {
                $0.origins[0].sentOriginPath = nil
            },
            Case(structure: "Origin", path: ["Origins", "Items", "[0]", "ConnectionAttempts"], key: "connection-attempts") {
                $0.origins[0].sentConnectionAttempts = nil
            },
            Case(structure: "Origin", path: ["Origins", "Items", "[0]", "ConnectionTimeout"], key: "connection-timeout") {
                $0.origins[0].sentConnectionTimeout = nil
            },
            Case(structure: "Origin", path: ["Origins", "Items", "[1]", "OriginAccessControlId"], key: "origin-access-control-id") {
                $0.origins[1].sentOriginAccessControlId = nil
            },
            Case(
                structure: "CustomOriginConfig", path: ["Origins", "Items", "[0]", "CustomOriginConfig", "OriginReadTimeout"],
                key: "origin-read-timeout"
            ) { $0.origins[0].customOriginConfig?.sentOriginReadTimeout = nil },
            Case(
                structure: "CustomOriginConfig", path: ["Origins", "Items", "[0]", "CustomOriginConfig", "OriginKeepaliveTimeout"],
                key: "origin-keepalive-timeout"
            ) { $0.origins[0].customOriginConfig?.sentOriginKeepaliveTimeout = nil },
            Case(
                structure: "CustomErrorResponse", path: ["CustomErrorResponses", "Items", "[0]", "ErrorCachingMinTTL"],
                key: "error-caching-min-ttl"
            ) { $0.customErrorResponses[0].sentErrorCachingMinTTL = nil },
        ]
        // Every behavior member, in the default behavior and in a cache behavior.
        let behaviorMembers: [(path: [String], key: String, leaveOut: @Sendable (inout CacheBehavior) -> Void)] = [
            (["SmoothStreaming"], "smooth-streaming", { $0.sentSmoothStreaming = nil }),
            (["Compress"], "compress", { $0.sentCompress = nil }),
            (["FieldLevelEncryptionId"], "field-level-encryption-id", { $0.sentFieldLevelEncryptionId = nil }),
            (["MinTTL"], "min-ttl", { $0.sentMinTTL = nil }),
            (["DefaultTTL"], "default-ttl", { $0.sentDefaultTTL = nil }),
            (["MaxTTL"], "max-ttl", { $0.sentMaxTTL = nil }),
        ]
        for (path, key, leaveOut) in behaviorMembers {
            cases.append(
                Case(structure: "CacheBehavior", path: ["DefaultCacheBehavior"] + path, key: key) { leaveOut(&$0.defaultCacheBehavior) })
            cases.append(
                Case(structure: "CacheBehavior", path: ["CacheBehaviors", "Items", "[0]"] + path, key: key) {
                    leaveOut(&$0.cacheBehaviors[0])
                })
        }
        for behavior in [["DefaultCacheBehavior"], ["CacheBehaviors", "Items", "[0]"]] {
            cases.append(
                Case(
                    structure: "LambdaFunctionAssociation",
                    path: behavior + ["LambdaFunctionAssociations", "Items", "[0]", "IncludeBody"], key: "include-body"
                ) {
                    if behavior.count == 1 {
                        $0.defaultCacheBehavior.lambdaFunctionAssociations[0].sentIncludeBody = nil
                    } else {
                        $0.cacheBehaviors[0].lambdaFunctionAssociations[0].sentIncludeBody = nil
                    }
                })
        }
        // The certificate's defaults depend on whose certificate it is: both kinds.
        for base in [Base.cloudFrontCertificate, .ownCertificate] {
            cases.append(
                Case(
                    structure: "ViewerCertificate", path: ["ViewerCertificate", "CloudFrontDefaultCertificate"],
                    key: "cloudfront-default-certificate", base: base
                ) { $0.viewerCertificate.sentCloudFrontDefaultCertificate = nil })
        }
        // With the CloudFront certificate no security policy is sent by default (it ignores
        // one), so only a config with a certificate of its own sends one to leave out.
        cases.append(
            Case(
                structure: "ViewerCertificate", path: ["ViewerCertificate", "MinimumProtocolVersion"],
                key: "minimum-protocol-version", base: .ownCertificate
            ) { $0.viewerCertificate.sentMinimumProtocolVersion = nil })
        return cases
    }()

    /// The value at `path` (JSON arrays and XML lists alike: `[n]` is the n-th item).
    static func value(at path: [String], in tree: APITree) -> APITree? {
        guard let step = path.first else { return tree }
        let rest = Array(path.dropFirst())
        if step.hasPrefix("["), let index = Int(step.dropFirst().dropLast()) {
            switch tree {
            case .array(let items): return items.indices.contains(index) ? value(at: rest, in: items[index]) : nil
            // An XML list is an element whose children are its items.
            case .object(let members): return members.indices.contains(index) ? value(at: rest, in: members[index].value) : nil
            default: return nil
            }
        }
        return tree[step].flatMap { value(at: rest, in: $0) }
    }

    @Test(arguments: cases, ["json", "xml"])
    func leftOutMemberStaysLeftOut(_ testCase: Case, format: String) throws {
        var config = Self.config(testCase.base)
        let full = emitDistributionConfig(Distribution(name: "site", config: config))
        testCase.leaveOut(&config)
        let document = emitDistributionConfig(Distribution(name: "site", config: config))
        func bytes(_ document: APIDocument) -> [UInt8] {
            format == "xml" ? DocumentFormat.xml.print(document) : DocumentFormat.json.print(document)
        }
        func tree(_ document: APIDocument) throws -> APITree {
            format == "xml" ? try APITree.xml(Data(bytes(document))) : try APITree.json(Data(bytes(document)))
        }
        // The case is not vacuous: the member is in the full config and not in the input.
        let fullTree = try tree(full)
        let inputTree = try tree(document)
        #expect(Self.value(at: testCase.path, in: fullTree) != nil, "the full config lacks the member")
        #expect(Self.value(at: testCase.path, in: inputTree) == nil, "the input still has the member")

        let file = TestPaths.makeTemporaryDirectory().appendingPathComponent("omitted.\(format)")
        try Data(bytes(document)).write(to: file)
        let (differences, outcome) = try ImportMemberForMemberTests.roundTrip(file, format: format)
        #expect(differences.isEmpty, "compile(import(d)) != d:\n\(differences.joined(separator: "\n"))")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map { "\($0.id): \($0.summary)" })")
        let yaml = String(decoding: outcome.yaml ?? [], as: UTF8.self)
        #expect(yaml.contains("\(testCase.key): null"), "the import does not write \(testCase.key): null\n\(yaml)")
    }

    /// The cases cover every optional scalar member cfc sends by default: every scalar key that
    /// has a default and may be `null`.
    @Test func casesNameEveryOmittableScalar() {
        var omittable: Set<String> = []
        for structure in LanguageReference.structures() {
            for member in structure.members where member.acceptsNull && (member.defaultValue != nil || member.defaultDescription != nil) {
                switch member.shape {
                case .string, .integer, .decimal, .boolean, .enumeration:
                    omittable.insert("\(structure.typeName).\(member.apiName ?? member.key)")
                case .list, .keyedMap, .structure:
                    continue
                }
            }
        }
        let tested = Set(Self.cases.map { "\($0.structure).\($0.path.last ?? "")" })
        #expect(omittable.subtracting(tested).isEmpty, "not tested: \(omittable.subtracting(tested).sorted())")
        #expect(tested.subtracting(omittable).isEmpty, "not omittable: \(tested.subtracting(omittable).sorted())")
    }
}
