import Testing

@testable import Checks

/// `AliasSyntaxRule` answers most aliases with a one-pass byte scan and explains the rest with a
/// slower walk; both must agree on which aliases are valid.
@Suite struct AliasSyntaxTests {
    static let aliases = [
        "example.com", "www.example.com", "*.example.com", "a-b.example.com", "1.2.3.4", "xn--bcher-kva.example",
        String(repeating: "a", count: 63) + ".com", String(repeating: "a", count: 64) + ".com",
        String(repeating: "a.", count: 126) + "a", String(repeating: "a.", count: 127) + "a",
        "", ".", "com", "*.com", "*", "*.", "example.com.", ".example.com", "a..b", "-a.com", "a-.com", "a.-b.com",
        "WWW.example.com", "a_b.example.com", "*.*.example.com", "a.*.example.com", "*shop.example.com",
        "é.example.com", "a b.com", "*.a-.com",
    ]

    @Test(arguments: aliases)
    func fastScanAgreesWithTheExplainingWalk(alias: String) {
        #expect(AliasSyntaxRule.isPlainlyValid(alias) == (AliasSyntaxRule.explainedProblem(with: alias) == nil))
    }
}
