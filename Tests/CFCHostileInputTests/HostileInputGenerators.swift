/// The hostile inputs too big to commit, built at run time. Each generator is deterministic, so
/// the positions the cases expect are stable; the comment on each says where they come from.
enum HostileInputGenerators {
    static let cachePolicy = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    static let certificate = "arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab"
    static let tenMegabytes = 10 << 20

    /// `h0.example.com, h1.example.com, …`
    static func hosts(_ count: Int) -> String {
        (0..<count).map { "h\($0).example.com" }.joined(separator: ", ")
    }

    /// Many aliases to a medium list, past the expansion budget: a 1,000-item list and 1,000
    /// distributions whose `aliases` are an alias of it. Each alias adds 1,001 nodes, so the
    /// 250th (`d250`, line 256, column 19) crosses the budget of 250,000.
    static func quadraticAliasBlowup() -> [UInt8] {
        var text = "version: 1\ndistributions:\n  d0:\n    aliases: &names [" + hosts(1_000) + "]\n"
        text += "    origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
        text += "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}\n"
        for index in 1...1_000 { text += "  d\(index): {aliases: *names}\n" }
        return Array(text.utf8)
    }

    /// Many aliases to a medium mapping, just inside the expansion budget: a 27 KB file whose
    /// 230 distributions are each an alias of the first (about 1,040 nodes, 1,000 of them
    /// alternate domain names), so every later stage sees about 240,000 nodes. The first
    /// distribution has one cache behavior with an invalid path pattern (line 7, column 38), so
    /// lowering, the checks and the renderer all run before the file is refused.
    static func quadraticAliasBlowupWithinBudget() -> [UInt8] {
        var text = "version: 1\ndistributions:\n  d0: &d\n    aliases: [" + hosts(1_000) + "]\n"
        text += "    viewer-certificate: {acm-certificate-arn: '\(certificate)', ssl-support-method: sni-only}\n"
        text += "    origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
        text +=
            "    cache-behaviors: [{path-pattern: '/a b/*', target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}]\n"
        text += "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}\n"
        for index in 1...230 { text += "  d\(index): *d\n" }
        return Array(text.utf8)
    }

    /// `[[[…]]]` 100,000 deep: the 129th `[` (column 129) passes the depth limit of 128.
    static func deepFlowSequences() -> [UInt8] {
        Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").utf8)
    }

    /// `{a: {a: …}}` 100,000 deep as a distribution's comment. The file, `distributions` and
    /// `www` are three levels, so the 126th `{` (column 14 + 125 × 4 = 514) is the 129th.
    static func deepFlowMappings() -> [UInt8] {
        let text =
            "version: 1\ndistributions:\n  www:\n    comment: "
            + String(repeating: "{a: ", count: 100_000) + "x" + String(repeating: "}", count: 100_000) + "\n"
        return Array(text.utf8)
    }

    /// `- - - … x`: 100,000 block sequences nested on one line; the 129th `-` is at column 257.
    static func deepBlockSequences() -> [UInt8] {
        Array((String(repeating: "- ", count: 100_000) + "x\n").utf8)
    }

    /// `? ? ? … x`: 100,000 block mappings nested through explicit keys; the 129th `?` is at
    /// column 257.
    static func deepBlockMappings() -> [UInt8] {
        Array((String(repeating: "? ", count: 100_000) + "x\n").utf8)
    }

    /// A 10 MiB double-quoted comment starting at line 4, column 14.
    static func tenMegabyteQuotedString() -> [UInt8] {
        var bytes = Array("version: 1\ndistributions:\n  www:\n    comment: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "A"), count: tenMegabytes)
        bytes += Array("\"\n".utf8)
        return bytes
    }

    /// A 10 MiB literal block scalar (104,857 lines of 100 characters) starting at line 4,
    /// column 14 (the `|`).
    static func tenMegabyteLiteralBlock() -> [UInt8] {
        var bytes = Array("version: 1\ndistributions:\n  www:\n    comment: |\n".utf8)
        let line = Array(("      " + String(repeating: "A", count: 100) + "\n").utf8)
        for _ in 0..<(tenMegabytes / 100) { bytes += line }
        return bytes
    }

    /// A 10 MiB plain scalar as a distribution name, at line 3, column 3.
    static func tenMegabyteDistributionName() -> [UInt8] {
        var bytes = Array("version: 1\ndistributions:\n  ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "w"), count: tenMegabytes)
        bytes += Array(":\n    comment: x\n".utf8)
        return bytes
    }

    /// One 60 MiB comment line, within the 64 MiB input limit: a file with no configuration.
    static func sixtyMegabyteCommentLine() -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 60 << 20)
        bytes[0] = UInt8(ascii: "#")
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// 10,000 errors on one 30 KB line: `aliases: [a, a, …]`, each `a` not a domain name. The
    /// first is at line 4, column 15.
    static func manyErrorsOnOneLine() -> [UInt8] {
        var text =
            "version: 1\ndistributions:\n  www:\n    aliases: ["
            + Array(repeating: "a", count: 10_000).joined(separator: ", ") + "]\n"
        text += "    viewer-certificate: {acm-certificate-arn: '\(certificate)', ssl-support-method: sni-only}\n"
        text += "    origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
        text += "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}\n"
        return Array(text.utf8)
    }

    /// 400 behaviors whose wildcard patterns all overlap (`*a*?*bN*c*`), served over plain
    /// HTTP under `require-https: ["*.php"]`: deciding reachability and HTTPS exposure is
    /// exponential in the worst case, so it must stop at `pattern-search-steps` (set low here, so
    /// that a debug build finishes within the bound too). The first behavior's pattern has a
    /// space: the first error is at line 8, column 24.
    static func overlappingWildcardBehaviors() -> [UInt8] {
        var text = "version: 1\ndistributions:\n  www:\n    pattern-search-steps: 1000000\n    require-https: [\"*.php\"]\n"
        text += "    origins: {app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}}\n"
        text += "    cache-behaviors:\n"
        text +=
            "      - {path-pattern: '/a b', target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy-id: \(cachePolicy)}\n"
        for index in 0..<400 {
            text +=
                "      - {path-pattern: '*a*?*b\(index)*c*', target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy-id: \(cachePolicy)}\n"
        }
        text += "    default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}\n"
        return Array(text.utf8)
    }
}
