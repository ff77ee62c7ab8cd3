import CFCDiagnostics

/// Every diagnostic id cfc prints that is not a rule's: problems reading YAML or API
/// documents, lowering, writing files, and commands. `cfc explain` knows them as it knows the
/// rules, and a test holds this list to the ids the sources can print.
///
/// These are not checks of a distribution, so they have no examples or `ignore:` entry: they
/// say the input could not be read as a config, or a command could not do its work.
public enum FrontEndDiagnostics {
    /// One id's explanation.
    public struct Entry: Sendable {
        /// The id, as printed in brackets.
        public var id: String
        /// What it means.
        public var meaning: String
        /// What to do.
        public var fix: String
    }

    /// The entries, by id.
    public static let entries: [Entry] = [
        // YAML syntax and limits
        Entry(
            id: "yaml.syntax", meaning: "The file is not well-formed YAML: libyaml stopped at this place.",
            fix: "Fix the YAML at the position shown (indentation, an unclosed quote or bracket, a tab)."),
        Entry(
            id: "yaml.encoding", meaning: "The file is not UTF-8 (it is UTF-16 or has invalid bytes). cfc reads YAML configs as UTF-8.",
            fix: "Save the file as UTF-8."),
        Entry(
            id: "yaml.documents", meaning: "The file holds more than one YAML document (--- separators).",
            fix: "Put one config in a file, or merge the documents."),
        Entry(
            id: "yaml.duplicate_key", meaning: "A mapping has the same key twice; YAML parsers disagree on which one wins.",
            fix: "Remove one of the keys."),
        Entry(
            id: "yaml.alias", meaning: "An alias (*name) refers to an anchor that is not defined before it.",
            fix: "Define the anchor (&name) earlier in the file, or write the value."),
        Entry(
            id: "yaml.recursive_alias", meaning: "An anchor contains an alias to itself, which would expand forever.",
            fix: "Remove the alias from inside its own anchor."),
        Entry(
            id: "yaml.alias_expansion", meaning: "Aliases expand the document beyond cfc's node budget (a billion-laughs pattern).",
            fix: "Write the values out, or use fewer nested aliases."),
        Entry(
            id: "yaml.merge_key",
            meaning: "A merge key (<<) is used in a way cfc does not read: its value must be a mapping or a list of mappings.",
            fix: "Merge mappings only, or write the keys out."),
        Entry(
            id: "yaml.tag", meaning: "A YAML tag (!something) is used; cfc reads plain YAML values only.",
            fix: "Remove the tag."),
        Entry(
            id: "yaml.depth", meaning: "Collections are nested deeper than cfc's limit of 128 levels.",
            fix: "Flatten the structure; no config needs such depth."),
        Entry(
            id: "yaml.scalar_length", meaning: "A single value is longer than cfc's limit of 1 MiB.",
            fix: "Shorten the value; no member of a config needs one so long."),
        Entry(
            id: "yaml.memory", meaning: "The parser ran out of memory, or the file is too large to parse within cfc's limits.",
            fix: "Split the file, or raise --max-input-bytes if the file is legitimately large."),
        // Parameters and environments (expansion)
        Entry(
            id: "parameters.declaration",
            meaning:
                "A parameter or environment is declared in a way cfc cannot read: a bad name, an unknown type or key, or both default: and value:.",
            fix: "Declare it as NAME: {type: string|integer|boolean|list, default: …} (or value: …, sensitive: true)."),
        Entry(
            id: "parameters.unknown", meaning: "${name} names no declared parameter, or an environment sets one that is not declared.",
            fix: "Declare it under parameters:, or correct the name (the hint suggests the closest one)."),
        Entry(
            id: "parameters.type", meaning: "A parameter's value does not have its declared type, or a list parameter is used inside text.",
            fix: "Give a value of the declared type (quotes make a string), or change the declaration."),
        Entry(
            id: "parameters.reference",
            meaning: "A ${…} cannot be read: it is not closed, names nothing, or a parameter's value uses another parameter.",
            fix: "Write ${name}, ${env:NAME} or ${file:path}; $${ writes a literal '${'."),
        Entry(
            id: "parameters.missing_value", meaning: "A parameter without a default has no value in the environment compiled.",
            fix: "Set it in that environment, or give the parameter a default."),
        Entry(
            id: "parameters.fixed_value", meaning: "An environment sets a parameter declared with value:, which is the same everywhere.",
            fix: "Declare it with default: to let environments set it, or remove the environment's entry."),
        Entry(
            id: "parameters.unset_variable",
            meaning:
                "${env:NAME} names an environment variable that is not set. An error where documents are written or sent; a note in check and route, which use a placeholder.",
            fix: "Set the variable in the environment cfc runs in (a CI secret)."),
        Entry(
            id: "parameters.file", meaning: "A file the config reads values from (an environment's values, ${file:…}) cannot be read.",
            fix: "Name a UTF-8 file beneath the config's directory, by a relative path without links."),
        Entry(
            id: "parameters.too_large", meaning: "Substituting parameters makes the config more than four times the input size limit.",
            fix: "Use long values in fewer places."),
        Entry(
            id: "parameters.unused", meaning: "A declared parameter is used nowhere.",
            fix: "Use it as ${name}, or remove the declaration."),
        Entry(
            id: "environments.unknown", meaning: "--env names an environment the file does not declare (or the file declares none).",
            fix: "Name one of the environments under environments:, or leave out --env."),
        Entry(
            id: "environments.required", meaning: "The file declares environments, and the command was given none.",
            fix: "Give --env NAME. cfc check without --env checks every environment."),
        Entry(
            id: "secrets.literal",
            meaning:
                "An origin custom header's value (sensitive in AWS's model: origins use such a header to refuse requests that bypass CloudFront) is written in the file.",
            fix:
                "Read it with ${env:NAME} or ${file:PATH}, or from a parameter declared sensitive: true. It is never shown in diffs, plans or diagnostics either way."
        ),
        // The language (lowering)
        Entry(
            id: "schema.version", meaning: "The file has no `version: 1`, or another version.",
            fix: "Start the file with `version: 1`."),
        Entry(
            id: "schema.empty_file", meaning: "The file has no config in it.",
            fix: "Write `version: 1` and a `distributions:` mapping."),
        Entry(
            id: "schema.unknown_key",
            meaning: "A key the language does not have at this place (often a typo; the hint names the closest key).",
            fix: "Use the key the hint suggests; `cfc schema` and docs/language.md list every key."),
        Entry(
            id: "schema.missing_key", meaning: "A required key is not written.",
            fix: "Add the key."),
        Entry(
            id: "schema.type",
            meaning: "A value of the wrong kind: a list where a mapping belongs, text where a number belongs, and so on.",
            fix: "Write the kind of value the message names."),
        Entry(
            id: "schema.enum",
            meaning: "A value outside the member's allowed values (the hint suggests the one meant, never a weaker security setting).",
            fix: "Use one of the values listed."),
        Entry(
            id: "schema.range", meaning: "A number or a length outside what CloudFront accepts for the member.",
            fix: "Use a value within the range named."),
        Entry(
            id: "schema.yaml11_boolean",
            meaning: "An unquoted yes/no/on/off: YAML 1.1 reads it as a boolean and YAML 1.2 as text, so tools disagree.",
            fix: "Write true or false, or quote the text."),
        Entry(
            id: "schema.xml_character", meaning: "The value has a character XML 1.0 cannot carry, so the REST API could not receive it.",
            fix: "Remove the control character."),
        Entry(
            id: "schema.distribution_name",
            meaning:
                "A distribution name cfc cannot use as a file name (empty, a path, reserved, or with characters outside letters, digits, - and _).",
            fix: "Rename the distribution."),
        Entry(
            id: "schema.origin_type",
            meaning: "An origin sets more than one of s3-origin-config, custom-origin-config and vpc-origin-config.",
            fix: "Keep the one that fits the origin."),
        Entry(
            id: "schema.missing_origin_type",
            meaning: "An origin that is not an S3 REST endpoint has none of s3-origin-config, custom-origin-config and vpc-origin-config.",
            fix: "Add custom-origin-config (for websites, load balancers, S3 website endpoints) or vpc-origin-config."),
        Entry(
            id: "schema.cached_methods_without_allowed_methods",
            meaning: "cached-methods is written while allowed-methods is null; the API nests CachedMethods inside AllowedMethods.",
            fix: "Write allowed-methods, or remove cached-methods."),
        Entry(
            id: "schema.companion_name",
            meaning:
                "A companion resource's name (its key under cache-policies:, origin-access-controls:, …) cannot name an output file, or a declared policy takes the name of an AWS managed policy of its kind.",
            fix: "Use letters, digits, '-', '_' and '.', starting with a letter or digit, and a name no managed policy has."),
        Entry(
            id: "compile.waiting_for_ids",
            meaning:
                "A distribution names a companion resource (cache-policy: static), or a function names a key value store, that the state file does not list yet, so its id is unknown and the documents of the one that names it are not written; the named companion's own are.",
            fix:
                "Run cfc apply, which creates the companion first and records its id, then compile again; or point --state at the state file that lists it."
        ),
        Entry(
            id: "schema.public_key",
            meaning:
                "A public key's encoded key is not a PEM public key, or is a private key: CloudFront takes the public half only, and a private key written here would be sent to AWS and sit in the repository.",
            fix:
                "Write the public key as openssl rsa -pubout (or openssl ec -pubout) prints it, and keep the private key out of the repository."
        ),
        Entry(
            id: "schema.staging_header",
            meaning:
                "A continuous deployment policy's single header config names a header that does not start with aws-cf-cd-; CloudFront routes to the staging distribution only on such a header.",
            fix: "Name the header aws-cf-cd-SOMETHING, and send it from the clients that should reach the staging distribution."),
        Entry(
            id: "schema.policy_keys",
            meaning:
                "A behavior gives a policy both by name (cache-policy) and by id (cache-policy-id), or an origin its origin access control both by name (origin-access-control) and by id (origin-access-control-id); both set the same API member.",
            fix: "Keep one: the name key for an AWS managed policy or one the file declares, the id key for any."),
        Entry(
            id: "reference.unknown_policy",
            meaning:
                "cache-policy, origin-request-policy or response-headers-policy names neither an AWS managed policy of that kind (docs/managed-policies.md lists them) nor one the file declares under cache-policies:, origin-request-policies: or response-headers-policies:; or origin-access-control names none declared under origin-access-controls:.",
            fix:
                "Use a managed policy's name or a declared one's (the hint names the closest), or give one of your own that cfc does not declare by id in the …-id key."
        ),
        Entry(
            id: "reference.unknown_origin",
            meaning: "A behavior's target-origin-id, or an origin group member, names no origin or origin group of the distribution.",
            fix: "Use an origin id defined under origins: (the hint names the closest)."),
        // API documents read by import, plan and diff
        Entry(
            id: "api.syntax", meaning: "The JSON or XML document is not well-formed.",
            fix: "Fetch it again with aws cloudfront get-distribution-config, or fix the syntax at the position shown."),
        Entry(
            id: "api.type",
            meaning: "A member of an API document has the wrong type, or the document is not one that carries a DistributionConfig.",
            fix: "Use get-distribution-config, get-distribution, create/update-distribution output, or a bare DistributionConfig."),
        Entry(
            id: "api.unknown_member", meaning: "A member the service model does not have at this place (the hint names the closest).",
            fix: "Remove or rename the member."),
        Entry(
            id: "api.missing_member", meaning: "A member the API requires is missing.",
            fix: "Add it, or fetch the config again from CloudFront."),
        Entry(
            id: "api.unmanaged_member",
            meaning:
                "A member beside the config that cfc reads past and does not manage, such as the Tags of a --distribution-config-with-tags file.",
            fix: "Nothing to do for the config; manage tags with aws cloudfront tag-resource."),
        Entry(
            id: "api.distribution_list",
            meaning:
                "list-distributions output: its summaries lack members every config has (CallerReference, Logging, DefaultRootObject).",
            fix: "Fetch each config with aws cloudfront get-distribution-config --id ID."),
        Entry(
            id: "api.quantity", meaning: "A Quantity does not count its Items, which CloudFront refuses (InconsistentQuantities).",
            fix: "Make Quantity the number of Items."),
        Entry(
            id: "api.etag", meaning: "An ETag CloudFront could not have returned; it would be passed to --if-match.",
            fix: "Fetch the config again for a current ETag."),
        Entry(
            id: "api.cache_settings",
            meaning:
                "A cache behavior with both CachePolicyId and ForwardedValues, or neither: the API takes exactly one, and CloudFront never returns such a behavior.",
            fix: "Fetch the config again with aws cloudfront get-distribution-config."),
        Entry(
            id: "api.origin_type",
            meaning: "An origin with none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig, which CloudFront never returns.",
            fix: "Fetch the config again with aws cloudfront get-distribution-config."),
        Entry(
            id: "api.xml_character", meaning: "An XML document uses a character reference to a character XML 1.0 does not allow.",
            fix: "Remove it; CloudFront never returns one."),
        // Commands
        Entry(
            id: "io.read",
            meaning: "An input cannot be read: missing, unreadable, too large, a symlink or device (without --follow-symlinks).",
            fix: "Check the path and permissions; pass --follow-symlinks for a link you trust."),
        Entry(
            id: "io.write",
            meaning: "An output cannot be written (permissions, disk full, file too large); nothing of the run was written.",
            fix: "Check the output directory and free space, then run again."),
        Entry(
            id: "io.output", meaning: "The output path cannot be used (it is a file where a directory is needed, or the reverse).",
            fix: "Choose another --output."),
        Entry(
            id: "io.conflict", meaning: "Two distributions would write the same output file (names that differ only in case).",
            fix: "Rename one of the distributions."),
        Entry(
            id: "fmt.does_not_compile",
            meaning: "cfc fmt does not rewrite a file that does not lower: it could not prove the meaning unchanged.",
            fix: "Fix the errors cfc check reports, then format."),
        Entry(
            id: "fmt.meaning_changed",
            meaning: "Formatting would have changed what the file compiles to, so nothing was written (a bug in cfc fmt).",
            fix: "Report it with the file; the file is left as it was."),
        Entry(
            id: "fmt.uses_aliases", meaning: "cfc fmt does not rewrite files with anchors and aliases, whose sharing it cannot keep.",
            fix: "Leave the file unformatted, or write the values out."),
        Entry(
            id: "fmt.write_failed", meaning: "The formatted file could not be written back; the original is unchanged.",
            fix: "Check permissions (read-only files are not rewritten) and free space."),
        Entry(
            id: "import.kind", meaning: "cfc import reads API JSON or XML; the input is already cfc YAML.",
            fix: "Use the YAML file as it is."),
        Entry(
            id: "import.name", meaning: "The distribution name for the import cannot be used.",
            fix: "Pass --name with letters, digits, - and _."),
        Entry(
            id: "import.state", meaning: "The state file already maps the imported name to another CloudFront distribution.",
            fix: "Import under another --name, or remove the stale entry from the state file."),
        Entry(
            id: "import.id", meaning: "--id names a different distribution than the id the input carries.",
            fix: "Leave out --id when the input (get-distribution output) says which distribution it is."),
        Entry(
            id: "import.round_trip",
            meaning: "The imported YAML would not compile back to the same DistributionConfig, so nothing was written.",
            fix: "Report it with the input file; the notes name the members that differ."),
        Entry(
            id: "import.empty_items",
            meaning:
                "The input spells an empty list differently from how cfc sends it (Items [] versus no Items); the meaning is the same.",
            fix: "Nothing to do: CloudFront treats both alike."),
        Entry(
            id: "plan.distribution",
            meaning: "The previous config does not pair with the new one (several distributions, or none by that name).",
            fix: "Name the distribution with --distribution, or pass the matching previous config."),
        Entry(
            id: "plan.needs_live_config",
            meaning:
                "The state file says the distribution exists, but no live config was given: planning a create would make a second distribution.",
            fix: "Pass the live config with --previous (aws cloudfront get-distribution-config --id ID)."),
        Entry(
            id: "plan.state_mismatch", meaning: "The previous config belongs to another distribution than the state file maps the name to.",
            fix: "Fetch the live config of the distribution in the state file, or correct a stale state file."),
        Entry(
            id: "plan.absent_distribution",
            meaning: "A distribution of the previous config is not in the new one; cfc plan never deletes a distribution.",
            fix: "Delete it yourself (disable, wait, then delete-distribution) if that is meant."),
        Entry(
            id: "route.batch_line", meaning: "A line of a route batch file is not `METHOD URL [HTTP-VERSION]`.",
            fix: "Write one request per line; lines starting with # are comments."),
        Entry(
            id: "route.distribution", meaning: "cfc route cannot tell which distribution of the file serves the request.",
            fix: "Choose one with --distribution."),
        Entry(
            id: "route.request", meaning: "The request cannot be simulated: not an absolute http(s) URL, or not an HTTP method.",
            fix: "Give a method and a URL such as https://www.example.com/index.html."),
        // The state file
        Entry(
            id: "state.syntax", meaning: "The state file (cfc-state.json) is not valid JSON.",
            fix: "Restore it from version control: cfc writes it whole and atomically, so a broken one was edited by hand."),
        Entry(
            id: "state.invalid",
            meaning:
                "The state file has a member or value a state file cannot have (an unknown key, an id or ETag CloudFront could not have given, another format version).",
            fix:
                "Restore it from version control, or correct the value the message points at; schema/cfc-state.schema.json describes the format."
        ),
        // The aws CLI, as apply and drift run it
        Entry(
            id: "aws.not_found", meaning: "cfc runs the aws CLI for this command and found none on PATH.",
            fix: "Install the aws CLI, or give its path with --aws."),
        Entry(
            id: "aws.no_such_distribution",
            meaning: "The state file maps a name to a distribution CloudFront does not have: the state is stale.",
            fix: "Remove the entry from the state file if the distribution was deleted, or restore the state from version control."),
        Entry(
            id: "aws.failed",
            meaning: "A call of the aws CLI failed (credentials, region, endpoint, throttling, a timeout); the message is the CLI's.",
            fix: "Check the aws CLI's configuration and AWS_ENDPOINT_URL, then run again."),
        // cfc apply
        Entry(
            id: "apply.needs_confirmation",
            meaning: "cfc apply changes live distributions and asks first; standard input is not a terminal to ask on.",
            fix: "Review the plan, then run with --yes (as a pipeline step would)."),
        Entry(
            id: "apply.drift",
            meaning:
                "A distribution was changed outside cfc since cfc last applied or imported it; applying would undo that change, so nothing was applied.",
            fix: "Review the change with cfc drift; bring it into the config, or run cfc apply --overwrite-drift to replace it."),
        Entry(
            id: "apply.failed",
            meaning: "A step of cfc apply failed (the aws CLI's message says why); the run stopped and says what was done before.",
            fix: "Fix the cause and run cfc apply again: it continues from what the state file records."),
        Entry(
            id: "apply.plan_invalid",
            meaning:
                "The directory given to cfc apply is not a plan cfc plan --output wrote, or one of its documents was edited after it was written.",
            fix: "Apply a plan as cfc plan wrote it; to change it, change the config and plan again."),
        Entry(
            id: "apply.plan_stale",
            meaning:
                "A saved plan was made against something that has changed since (the state file, a live config or its ETag), so applying it would not do what was reviewed.",
            fix: "Plan again (cfc plan --refresh --output DIR), review, and apply the new plan."),
        Entry(
            id: "file.path",
            meaning:
                "A file a config names (a function's code, a public key's PEM) is given by an absolute path or one that leaves the config's directory. What cfc reads this way is uploaded to CloudFront, so it reads only from beside the config: a pull request must not be able to send any file the pipeline can read.",
            fix:
                "Keep the file beside the config (or in a directory below it) and name it relative to the config, such as functions/rewrite.js."
        ),
        Entry(
            id: "file.unreadable",
            meaning:
                "A file a config names (a function's code, a public key's PEM) cannot be read, is empty, is a symbolic link, is not what CloudFront takes, or is larger than its limit (40,960 bytes for a function's code).",
            fix: "Point the key at a regular file beside the config, within the limit."),
        Entry(
            id: "apply.duplicate_companion",
            meaning:
                "Two of the configs applied together declare a companion resource (policy or origin access control) of the same kind under the same name; CloudFront names are unique per account, so one would overwrite the other.",
            fix: "Rename one of them, or declare it once and refer to it by name from both configs."),
        // Diagnostic output
        Entry(
            id: "diagnostics.error_limit", meaning: "More errors than --error-limit in one file: the rest are counted, not shown.",
            fix: "Fix the errors shown and run again, or raise --error-limit."),
        Entry(
            id: "diagnostics.repeated_warnings", meaning: "A rule warned more than ten times in one file: the rest are counted, not shown.",
            fix: "Fix the warnings shown, or silence the rule with ignore: if it is intended."),
    ]

    /// The entry for `id`.
    public static func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
}
