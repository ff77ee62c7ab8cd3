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

            ## Parameters, environments and secrets

            One file describes every environment. `parameters:` declares typed values, `environments:` gives
            each environment's values, and any scalar uses them as `${name}`:

            ```yaml
            version: 1
            parameters:
              domain: {type: string}                                  # required: every environment sets it
              price-class: {type: string, default: PriceClass_100}    # used where an environment sets none
              ttl: {type: integer, default: 86400}
              aliases: {type: list, default: []}
              origin-secret: {type: string, sensitive: true, value: "${env:ORIGIN_SECRET}"}
            environments:
              staging: {domain: staging.example.com}
              prod: environments/prod.yaml      # or a file of its own, beside the config, holding the same mapping
            distributions:
              www:
                aliases: ["${domain}"]
                price-class: ${price-class}
                origins:
                  app:
                    custom-headers: {X-Origin-Verify: "${origin-secret}"}
            ```

            - **Declarations**: `type` is `string` (the default), `integer`, `boolean` or `list` (of scalars);
              `domain: string` is short for `domain: {type: string}`. `default:` is used where an environment sets no
              value; `value:` is the value in every environment, which no environment may set; a parameter with
              neither is required. `sensitive: true` marks a secret (below); `description:` is for people.
            - **Values** have the declared type: `ttl: "3600"` is a string, an error for an integer parameter.
              A value may read `${env:NAME}` (a variable of the process environment) or `${file:PATH}` (a UTF-8 file
              beneath the config's directory, its last line break dropped), not another parameter.
            - **Uses**: a scalar that is exactly `${name}` takes the parameter's type and value (`default-ttl: ${ttl}`
              is an integer; `aliases: ${aliases}` a list); inside longer text the value is spliced in as text
              (`comment: "site for ${domain}"`). `$${` writes a literal `${`. Mapping keys are taken as written.
              `${env:NAME}` and `${file:PATH}` work in any scalar too.
            - **Choosing an environment**: every command that reads configs takes `--env NAME`; a file that declares
              environments needs one (`cfc check` without `--env` checks every environment, and each finding names
              the environments it holds for). Output files carry the environment (`www.prod.distribution.json`), and
              so does the state file (`cfc-state.prod.json`), since each environment's distributions are others in
              CloudFront. `cfc diff --env staging --env prod FILE` shows how two environments differ.
            - **Diagnostics** about a substituted value point at the `${name}` and add a note where the environment
              (or the default) sets it; an error in a value is reported at the value, with notes at the declaration
              and the uses.
            - **Secrets**: a sensitive parameter's value, and every origin custom header value (the service model
              marks `HeaderValue` sensitive), reaches only the API documents and the requests `apply` sends. `diff`,
              `plan`, `drift` and `apply` show a change as `(sensitive value changed)`; any other output or
              diagnostic that would quote the value shows `(sensitive value)`, and snippets show `*` in its place.
              Documents that hold one are written readable by their owner only (mode 0600). A custom header value
              written in the file draws a warning (`secrets.literal`): read it with `${env:…}` or `${file:…}`.
              In `check` and `route`, which a pull request runs without the deploy job's secrets, an unset
              `${env:NAME}` is a note and a placeholder stands in for it; everywhere else it is an error.


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
