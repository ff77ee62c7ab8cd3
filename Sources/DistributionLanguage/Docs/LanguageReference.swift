import DistributionIR

/// The language reference (`docs/language.md`), generated from the catalog so that it lists
/// exactly the keys lowering accepts, with their API members and defaults.
///
/// A test compares the file with this output; `UPDATE_GOLDENS=1 swift test --filter
/// LanguageReferenceTests` rewrites it.
public enum LanguageReference {
    /// Every structure reachable from a distribution, in the order the reference shows them.
    public static func structures() -> [StructureShape] {
        var ordered: [StructureShape] = []
        var positions: [String: Int] = [:]
        func visit(_ shape: ValueShape) {
            switch shape {
            case .structure(let structure):
                // The default cache behavior is the cache behavior without `path-pattern`: the
                // reference shows the full set of keys, where the type first appears.
                if let position = positions[structure.typeName] {
                    if structure.members.count > ordered[position].members.count { ordered[position] = structure }
                    return
                }
                positions[structure.typeName] = ordered.count
                ordered.append(structure)
                for member in structure.members { visit(member.shape) }
            case .list(let element): visit(element)
            case .keyedMap(_, let value): visit(value)
            case .string, .integer, .decimal, .boolean, .enumeration: break
            }
        }
        visit(.structure(Distribution.describe()))
        for kind in CompanionKind.allCases { visit(.structure(kind.structureShape)) }
        return ordered
    }

    /// The reference as Markdown.
    public static func markdown() -> String {
        var text = """
            # The cfc input language

            <!-- GENERATED FILE. DO NOT EDIT! Generated from the catalog in Sources/DistributionLanguage/Catalog;
                 regenerate with: UPDATE_GOLDENS=1 swift test --filter LanguageReferenceTests -->

            A cfc file is one YAML document (YAML 1.2, core schema: only `true` and `false` are booleans,
            and `yes`, `no`, `on`, `off` are strings). It holds:

            ```yaml
            version: 1              # required; the only version
            distributions:          # required; a mapping from name to distribution
              www: { … }            # the name names the output files: www.distribution.json, www.distribution.xml
            cache-policies:         # optional companion resources, each a mapping from name to config:
              static: { … }         #   static.cache-policy.json holds its CachePolicyConfig
            origin-request-policies: { … }     # OriginRequestPolicyConfig
            response-headers-policies: { … }   # ResponseHeadersPolicyConfig
            origin-access-controls: { … }      # OriginAccessControlConfig
            ```

            A distribution or companion name starts with a letter or digit and holds only letters, digits, `-`,
            `_` and `.`; a companion's name is also the API's `Name`, and a declared policy may not take the
            name of an AWS managed one (docs/managed-policies.md).

            ## Conventions

            - **Keys are the API's member names in kebab-case**: `ViewerProtocolPolicy` is `viewer-protocol-policy`,
              `ACMCertificateArn` is `acm-certificate-arn`, `MinTTL` is `min-ttl`, `IsIPV6Enabled` is `is-ipv6-enabled`.
              The exceptions: `cloudfront-default-certificate` (`CloudFrontDefaultCertificate`) and `locations`
              (the `Items` of a geo restriction).
            - **Enumerated values are the API's own strings** (`redirect-to-https`, `PriceClass_100`, `TLSv1.2_2021`).
            - **Lists are YAML sequences.** The API's `Quantity`/`Items` wrappers are written by cfc; lists whose API
              wrapper has `Enabled` (trusted signers, trusted key groups) are enabled exactly when not empty.
            - **Keyed mappings**: `origins:` and `origin-groups:` map each id to its settings, and `custom-headers:`
              maps each header name to its value; the API's `Id`/`HeaderName` come from the keys.
            - **`allowed-methods` and `cached-methods` are siblings** in a behavior (the API nests the second
              inside the first).
            - **Defaults**: every key that is not required has a default, listed below; cfc emits it so that the
              document CloudFront returns reads back with no difference. A default that depends on other keys is
              given in words and applies only to a key that is not written. A key whose default reads "unset" may be
              `null` (or `~`), which is the same as leaving it out. A key whose default says "`null`: not sent"
              may be `null` too, which leaves its API member out of the document altogether (CloudFront then
              applies its own meaning of "absent", usually the same as the default); `cfc import` writes this
              when a live config lacks the member, so the YAML compiles back to exactly that config.
            - Anchors, aliases and merge keys (`<<: *defaults`) may be used anywhere. `cfc fmt` leaves a file that
              uses them as written (sorting keys could put an alias above its anchor), and `cfc fmt --check` fails on it.
            - Keys marked *cfc* are cfc's own policy: checked, never sent to CloudFront.


            """
        for structure in structures() {
            text += "## \(title(structure))\n\n"
            text += "| Key | API member | Type | Default | Description |\n"
            text += "| --- | --- | --- | --- | --- |\n"
            for member in structure.members {
                let api = member.apiName.map { "`\($0)`" } ?? "*cfc*"
                var defaultText =
                    member.isRequired
                    ? "required" : member.defaultDescription ?? member.defaultValue.map { "`\($0)`" } ?? "unset"
                if member.acceptsNull, member.defaultValue != nil || member.defaultDescription != nil {
                    defaultText += "; `null`: not sent"
                }
                let summary = member.summary.replacingPipes()
                text +=
                    "| `\(member.key)` | \(api) | \(member.shape.description.replacingPipes()) | \(defaultText.replacingPipes()) | \(summary) |\n"
            }
            text += "\n"
        }
        return text
    }

    private static func title(_ structure: StructureShape) -> String {
        let noun = structure.noun.prefix(1).uppercased() + structure.noun.dropFirst()
        return "\(noun) (`\(structure.typeName)`)"
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
