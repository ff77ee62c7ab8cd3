import CFCTestSupport
import DistributionIR
import DistributionLanguage
import Foundation
import Testing

@Suite struct LanguageReferenceTests {
    @Test func docsLanguageMatchesTheCatalog() {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/language.md")
        if let failure = Golden.compare(Array(LanguageReference.markdown().utf8), with: url) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Keys are the kebab-case of their API member, so AWS's documentation transfers word for
    /// word; the exceptions are few and deliberate.
    @Test func keysAreKebabCaseOfTheirAPIMember() {
        let exceptions: Set<String> = ["cloudfront-default-certificate", "locations"]
        for structure in LanguageReference.structures() {
            for member in structure.members {
                guard let path = member.apiName, !exceptions.contains(member.key),
                    let api = path.split(separator: ".").last.map(String.init)
                else { continue }
                #expect(member.key == KebabCase.from(apiName: api), "\(structure.typeName).\(member.key) for \(api)")
            }
        }
    }

    /// Every key is documented by a sentence, and its Default column says what an absent key
    /// means: required, a value (from the structure's blank value, which is what lowering
    /// starts from), the default in words when it depends on other keys, or unset.
    @Test func everyMemberHasASummaryAndADefaultColumn() {
        let reference = LanguageReference.markdown()
        for structure in LanguageReference.structures() {
            for member in structure.members {
                #expect(!member.summary.isEmpty, "\(structure.typeName).\(member.key)")
                #expect(member.summary.hasSuffix(".") || member.summary.hasSuffix(")"), "\(structure.typeName).\(member.key)")
                let column =
                    member.isRequired
                    ? "required" : member.defaultDescription ?? member.defaultValue.map { "`\($0)`" } ?? "unset"
                #expect(
                    reference.contains("| `\(member.key)` |") && reference.contains(column),
                    "\(structure.typeName).\(member.key): default \(column) not in the reference")
                #expect(
                    member.defaultValue == nil || member.defaultDescription == nil,
                    "\(structure.typeName).\(member.key): a default is a value or words, not both")
            }
        }
    }

    @Test(arguments: [
        ("ViewerProtocolPolicy", "viewer-protocol-policy"), ("ACMCertificateArn", "acm-certificate-arn"),
        ("MinTTL", "min-ttl"), ("IsIPV6Enabled", "is-ipv6-enabled"), ("HTTPSPort", "https-port"),
        ("WebACLId", "web-acl-id"), ("LambdaFunctionARN", "lambda-function-arn"), ("OriginSslProtocols", "origin-ssl-protocols"),
    ])
    func kebabCase(_ api: String, _ key: String) {
        #expect(KebabCase.from(apiName: api) == key)
    }
}
