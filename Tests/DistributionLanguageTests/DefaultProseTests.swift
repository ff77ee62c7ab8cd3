import Testing

@testable import DistributionLanguage

/// A default is written once, in the IR (`Origin.defaultConnectionAttempts` and the like, which
/// the catalog reads through each structure's blank value); a member's prose that also names
/// its default ("Default: `3`") must name the same one, so that the two cannot drift.
@Suite struct DefaultProseTests {
    @Test func proseNamesTheCatalogDefault() {
        var checked = 0
        for structure in LanguageReference.structures() {
            for member in structure.members where member.defaultDescription == nil {
                guard let value = member.defaultValue, let range = member.summary.firstRange(of: "Default: `") else { continue }
                let rest = member.summary[range.upperBound...]
                guard let end = rest.firstIndex(of: "`") else { continue }
                let prose = String(rest[..<end])
                // Prose may add words after the value ("`true` when a block is present").
                #expect(prose == value, "\(structure.typeName).\(member.key): prose says \(prose), the catalog \(value)")
                checked += 1
            }
        }
        #expect(checked >= 10, "the test reads the prose: \(checked)")
    }
}
