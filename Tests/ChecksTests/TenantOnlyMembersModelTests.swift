import CFCTestSupport
import Foundation
import Testing

@testable import Checks

/// The members `config.tenant_only_members` enforces are exactly those the service model's
/// documentation reserves for one kind of distribution: a new model that marks another member
/// fails this test until the rule covers it.
@Suite(.enabled(if: PythonTools.available(["botocore"]), "needs python3 with botocore"))
struct TenantOnlyMembersModelTests {
    @Test func theRuleCoversWhatTheModelSays() throws {
        let result = try #require(try Processes.python("Tests/ChecksTests/tenant_only_members.py", []))
        #expect(result.status == 0, "\(result.stderr)")
        let fromModel = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t")
            return "\(fields[0]) \(fields[1])"
        }.sorted()
        let enforced = TenantOnlyMembersRule.restrictions.map { "\($0.member) \($0.kind)" }.sorted()
        #expect(fromModel == enforced, "model: \(fromModel)\nrule: \(enforced)")
        #expect(fromModel.count >= 20)
    }
}
