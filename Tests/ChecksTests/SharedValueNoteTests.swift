import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import Testing

/// A value taken from an anchor is written once and used in several places; a finding in it
/// names the place it is about, or two identical messages would point at the same line.
@Suite struct SharedValueNoteTests {
    @Test func aFindingInAMergedValueNamesTheValueThatMergedIt() throws {
        let yaml = """
            version: 1
            distributions:
              www:
                origins:
                  a: &base
                    domain-name: a.example.com
                    custom-origin-config: {origin-protocol-policy: https-only, https-port: 22}
                  b:
                    <<: *base
                    domain-name: b.example.com
                default-cache-behavior:
                  target-origin-id: a
                  viewer-protocol-policy: https-only
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                ignore: [origins.unused_origin]
            """
        let ports = TestCompiler.compile(yaml).diagnostics.filter { $0.id == "origins.port" }
        #expect(ports.count == 2)
        #expect(ports.allSatisfy { $0.range?.start.line == 7 })
        let own = try #require(ports.first { $0.configPath?.contains(".a.") == true })
        let merged = try #require(ports.first { $0.configPath?.contains(".b.") == true })
        #expect(own.notes.isEmpty)
        #expect(merged.notes.map(\.message) == ["'distributions.www.origins.b' takes this value from an anchor"])
        #expect(merged.notes.first?.range?.start.line == 8)
    }

    @Test func aLoweringErrorInAnAliasedDistributionNamesTheDistribution() throws {
        let yaml = """
            version: 1
            distributions:
              www: &site
                origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}
                default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-onyl}
              shop: *site
            """
        let errors = TestCompiler.compile(yaml).diagnostics.filter { $0.id == "schema.enum" }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.range?.start.line == 5 })
        let notes = errors.flatMap(\.notes).map(\.message)
        #expect(notes == ["in distribution 'shop', which takes this value from an anchor"])
        #expect(errors.flatMap(\.notes).first?.range?.start.line == 6)
    }
}
