import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One hostile input and what `cfc compile` must answer: exit status 1, and as its first error
/// the diagnostic `id` at `line:column` (nil for a file-level error, which has no position) with
/// `message` in its text.
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Input: Sendable {
        /// A file in `Corpus/`.
        case corpus(String)
        /// Bytes built at run time (too big to commit), under a descriptive name.
        case generated(String, @Sendable () -> [UInt8])
        /// A sparse file of `bytes` NUL bytes: a large file that costs no disk or memory to make.
        case sparse(String, bytes: Int)
    }

    var input: Input
    /// Whether the input goes to `cfc compile -` on standard input instead of by path.
    var viaStandardInput = false
    /// The diagnostic id of the first error, without brackets.
    var id: String
    var line: Int?
    var column: Int?
    /// Text the first error's message must contain.
    var message: String
    /// When set, exactly this many errors must be reported.
    var errorCount: Int? = nil

    var name: String {
        switch input {
        case .corpus(let name), .generated(let name, _), .sparse(let name, _): name
        }
    }

    var corpusName: String? {
        if case .corpus(let name) = input { name } else { nil }
    }

    var testDescription: String { viaStandardInput ? "\(name) (standard input)" : name }

    /// Where the input is, writing it into `scratch` first unless it is a corpus file.
    func materialize(corpus: URL, scratch: URL) throws -> URL {
        switch input {
        case .corpus(let name):
            return corpus.appendingPathComponent(name)
        case .generated(let name, let make):
            let url = scratch.appendingPathComponent(name)
            try Data(make()).write(to: url)
            return url
        case .sparse(let name, let bytes):
            let url = scratch.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                truncate(url.path, off_t(bytes)) == 0
            else {
                throw CocoaError(.fileWriteUnknown)
            }
            return url
        }
    }
}

/// The corpus: every file in `Corpus/` once (see `everyCorpusFileHasACaseAndIsSmall`), the
/// generated inputs, and a few files again through standard input.
///
/// The expectations are what cfc prints where its answer is right. Where it is not, the case
/// states the right answer; the comment on a case says what went wrong before it was fixed.
enum HostileCorpus {
    static func file(
        _ name: String, _ id: String, _ line: Int, _ column: Int, _ message: String,
        errorCount: Int? = nil, viaStandardInput: Bool = false
    ) -> HostileCase {
        HostileCase(
            input: .corpus(name), viaStandardInput: viaStandardInput, id: id, line: line, column: column,
            message: message, errorCount: errorCount)
    }

    static func generated(
        _ name: String, _ id: String, _ line: Int, _ column: Int, _ message: String,
        viaStandardInput: Bool = false, _ make: @escaping @Sendable () -> [UInt8]
    ) -> HostileCase {
        HostileCase(
            input: .generated(name, make), viaStandardInput: viaStandardInput, id: id, line: line,
            column: column, message: message)
    }

    static let cases: [HostileCase] =
        encoding + numbers + duplicateKeys + tags + anchorsAndAliases
        + documents + pathPatterns + distributionNames + echoedText + generated + standardInput

    // MARK: - Bytes and encodings

    static let encoding: [HostileCase] = [
        file("invalid-utf8.yaml", "yaml.encoding", 4, 19, "invalid UTF-8: invalid trailing UTF-8 octet"),
        // C0 AF is an overlong '/': libyaml calls it "invalid length".
        file("overlong-utf8-slash.yaml", "yaml.encoding", 4, 27, "invalid UTF-8: invalid length of a UTF-8 sequence"),
        file("utf8-bom-only.yaml", "schema.empty_file", 1, 1, "the file holds no configuration"),
        file("utf8-bom-then-invalid-utf8.yaml", "yaml.encoding", 4, 14, "invalid UTF-8: invalid leading UTF-8 octet"),
        // The BOM is not a column: '2' is at column 10.
        file("utf8-bom-then-version-2.yaml", "schema.version", 1, 10, "unsupported version '2'"),
        // The snippet under the error must not copy the UTF-16 line's NUL bytes to stderr.
        file("utf16le-bom.yaml", "yaml.encoding", 1, 1, "the file is UTF-16; cfc reads UTF-8"),
        file("utf16be-bom.yaml", "yaml.encoding", 1, 1, "the file is UTF-16; cfc reads UTF-8"),
        // These four: the snippet once copied the raw control character (NUL, BEL, ESC …) to
        // stderr, so a file could drive the terminal that shows the error.
        file("nul-byte-in-plain-scalar.yaml", "yaml.encoding", 4, 17, "control character U+0000 is not allowed in YAML"),
        file("nul-byte-after-document.yaml", "yaml.encoding", 13, 1, "control character U+0000 is not allowed in YAML"),
        file("bell-byte-in-quoted-string.yaml", "yaml.encoding", 4, 20, "control character U+0007 is not allowed in YAML"),
        file("escape-sequence-bytes-in-quoted-string.yaml", "yaml.encoding", 4, 15, "control character U+001B is not allowed in YAML"),
        // An escape is valid YAML but reaches lowering, where XML 1.0 cannot carry it.
        file(
            "bell-escape-in-quoted-string.yaml", "schema.xml_character", 4, 14,
            "the value contains U+0007, which the CloudFront API (XML 1.0) cannot carry"),
        file(
            "nul-escape-in-custom-header-name.yaml", "schema.xml_character", 7, 26,
            "the value contains U+0000, which the CloudFront API (XML 1.0) cannot carry"),
        file(
            "noncharacter-escape-in-comment.yaml", "schema.xml_character", 4, 14,
            "the value contains U+FFFE, which the CloudFront API (XML 1.0) cannot carry"),
        file("lone-surrogate-escape.yaml", "yaml.syntax", 4, 17, "found invalid Unicode character escape code"),
        // These two: libyaml counts U+2028 and U+0085 as line breaks (YAML 1.1), editors do not;
        // positions are converted, so the error is on line 2, where 'version: 2' is.
        file("line-separator-in-comment.yaml", "schema.version", 2, 10, "unsupported version '2'"),
        file("next-line-in-comment.yaml", "schema.version", 2, 10, "unsupported version '2'"),
    ]

    // MARK: - Numbers

    static let numbers: [HostileCase] = [
        file("integer-2-pow-63-max-ttl.yaml", "schema.range", 13, 16, "9223372036854775808 is out of range for 'max-ttl'"),
        file(
            "integer-minus-2-pow-63-minus-1-min-ttl.yaml", "schema.range", 13, 16,
            "-9223372036854775809 is out of range for 'min-ttl'"),
        file(
            "integer-2-pow-63-connection-attempts.yaml", "schema.range", 7, 30,
            "9223372036854775808 is out of range for 'connection-attempts'"),
        file("integer-2-pow-64-hex-http-port.yaml", "schema.range", 9, 22, "0x10000000000000000 is out of range for 'http-port'"),
        file("negative-min-ttl.yaml", "schema.range", 13, 16, "-1 is out of range for 'min-ttl'"),
        file("negative-error-caching-min-ttl.yaml", "schema.range", 15, 32, "-300 is out of range for 'error-caching-min-ttl'"),
        file("infinity-connection-timeout.yaml", "schema.type", 7, 29, "expected an integer for 'connection-timeout', found a number"),
        file("negative-infinity-default-ttl.yaml", "schema.type", 13, 20, "expected an integer for 'default-ttl', found a number"),
        file("nan-https-port.yaml", "schema.type", 9, 23, "expected an integer for 'https-port', found a number"),
        file(
            "exponent-float-origin-read-timeout.yaml", "schema.type", 9, 32,
            "expected an integer for 'origin-read-timeout', found a number"),
    ]

    // MARK: - Duplicate keys, at every level

    static let duplicateKeys: [HostileCase] = [
        file("duplicate-key-at-top-level.yaml", "yaml.duplicate_key", 13, 1, "duplicate key 'version'"),
        file("duplicate-distribution-name.yaml", "yaml.duplicate_key", 13, 3, "duplicate key 'www'"),
        file("duplicate-key-in-distribution.yaml", "yaml.duplicate_key", 14, 5, "duplicate key 'comment'"),
        file("duplicate-origin-id.yaml", "yaml.duplicate_key", 9, 7, "duplicate key 'app'"),
        file("duplicate-key-in-origin.yaml", "yaml.duplicate_key", 9, 9, "duplicate key 'domain-name'"),
        file("duplicate-key-in-custom-origin-config.yaml", "yaml.duplicate_key", 7, 68, "duplicate key 'origin-protocol-policy'"),
        file("duplicate-key-in-cache-behavior.yaml", "yaml.duplicate_key", 14, 9, "duplicate key 'viewer-protocol-policy'"),
        file("duplicate-custom-header.yaml", "yaml.duplicate_key", 9, 11, "duplicate key 'X-Origin-Verify'"),
        file("duplicate-key-in-forwarded-cookies.yaml", "yaml.duplicate_key", 16, 11, "duplicate key 'forward'"),
        // "comment", ? comment and 'comment' are one key: two duplicates.
        file("duplicate-key-quoted-and-explicit.yaml", "yaml.duplicate_key", 14, 7, "duplicate key 'comment'", errorCount: 2),
        file("duplicate-key-via-escape.yaml", "yaml.duplicate_key", 14, 5, "duplicate key 'comment'"),
    ]

    // MARK: - Tags

    static let tags: [HostileCase] = [
        file("tag-binary.yaml", "yaml.tag", 4, 14, "unknown tag '!!binary'"),
        file("tag-timestamp.yaml", "yaml.tag", 4, 23, "unknown tag '!!timestamp'"),
        file("tag-set.yaml", "yaml.tag", 4, 14, "unknown tag '!!set'"),
        file("tag-omap.yaml", "yaml.tag", 7, 25, "unknown tag '!!omap'"),
        file("tag-pairs.yaml", "yaml.tag", 4, 14, "unknown tag '!!pairs'"),
        file("tag-python-object.yaml", "yaml.tag", 4, 14, "unknown tag '!!python/object/apply:os.system'"),
        file("tag-local.yaml", "yaml.tag", 4, 14, "unknown tag '!foo'"),
        file("tag-verbatim.yaml", "yaml.tag", 4, 14, "unknown tag 'tag:example.com,2000:x'"),
        file("tag-directive-handle.yaml", "yaml.tag", 6, 14, "unknown tag 'tag:example.com,2000:app/foo'"),
        // libyaml decodes %1B in a tag; the message must show it escaped, not raw.
        file("tag-percent-escaped-control-characters.yaml", "yaml.tag", 4, 14, "unknown tag"),
        file("tag-merge.yaml", "yaml.tag", 4, 14, "unknown tag '!!merge'"),
        file("tag-value.yaml", "yaml.tag", 4, 14, "unknown tag '!!value'"),
        file("tag-yaml.yaml", "yaml.tag", 4, 14, "unknown tag '!!yaml'"),
        file("tag-binary-on-key.yaml", "yaml.tag", 4, 5, "unknown tag '!!binary'"),
        // '!' and '!!str' make '2' a string.
        file(
            "tag-nonspecific-on-integer-member.yaml", "schema.type", 7, 30,
            "expected an integer for 'connection-attempts', found a string"),
        file(
            "tag-str-on-integer-member.yaml", "schema.type", 7, 30,
            "expected an integer for 'connection-attempts', found a string"),
        file("tag-map-on-scalar.yaml", "yaml.tag", 4, 14, "tag '!!map' cannot be used on a scalar"),
        file("tag-seq-on-mapping.yaml", "yaml.tag", 4, 14, "tag '!!seq' cannot be used on a mapping"),
        file("tag-str-on-sequence.yaml", "yaml.tag", 4, 14, "tag '!!str' cannot be used on a list"),
        file("tag-int-on-word.yaml", "yaml.tag", 7, 30, "the value is not a valid '!!int'"),
        file("tag-bool-on-yes.yaml", "yaml.tag", 4, 14, "the value is not a valid '!!bool'"),
        file("tag-null-on-text.yaml", "yaml.tag", 4, 14, "the value is not a valid '!!null'"),
        file("tag-float-on-integer-member.yaml", "schema.type", 7, 30, "expected an integer for 'connection-attempts', found a number"),
    ]

    // MARK: - Anchors and aliases

    static let anchorsAndAliases: [HostileCase] = [
        // Ten levels of ten aliases; the 2nd alias on line 8 (of a5) crosses 250,000 nodes.
        file("billion-laughs.yaml", "yaml.alias_expansion", 8, 15, "aliases expand the document to more than 250000 nodes"),
        // A duplicate made by an alias is reported at the alias (5:5), not at the anchor (4:5),
        // which is where its "first set here" note points.
        file("anchor-on-key-alias-as-key.yaml", "yaml.duplicate_key", 5, 5, "duplicate key 'comment'"),
        // The same for an origin id: the duplicate is the alias '*id' at 9:7, not 5:7.
        file("alias-of-origin-id-as-key.yaml", "yaml.duplicate_key", 9, 7, "duplicate key 'app'"),
        // The error about 'comment' points at 'comment: *names' (5:14), not at the anchored list
        // on the 'aliases' line (4:14).
        file("alias-of-list-used-as-string.yaml", "schema.type", 5, 14, "expected a string for 'comment', found a list"),
        file("mapping-as-key.yaml", "schema.type", 4, 7, "a key must be a string, not a mapping"),
        file("recursive-alias.yaml", "yaml.recursive_alias", 4, 38, "alias '*self' refers to a collection that contains it"),
        file("recursive-alias-through-merge.yaml", "yaml.recursive_alias", 4, 9, "alias '*www' refers to a collection that contains it"),
        file("undefined-alias.yaml", "yaml.alias", 4, 9, "alias '*defaults' has no anchor '&defaults' before it"),
        file("alias-before-anchor.yaml", "yaml.alias", 4, 14, "alias '*later' has no anchor '&later' before it"),
        file("merge-key-of-scalar.yaml", "yaml.merge_key", 4, 9, "a merge key '<<' needs a mapping or a list of mappings"),
    ]

    // MARK: - Document structure

    static let documents: [HostileCase] = [
        file("empty-file.yaml", "schema.empty_file", 1, 1, "the file holds no configuration"),
        file("comments-only.yaml", "schema.empty_file", 1, 1, "the file holds no configuration"),
        file("document-markers-only.yaml", "schema.empty_file", 1, 1, "the file holds no configuration"),
        file("null-root.yaml", "schema.empty_file", 1, 1, "the file holds no configuration"),
        file(
            "scalar-root.yaml", "schema.type", 1, 1,
            "expected a mapping with 'version' and 'distributions' at the top of the file, found a scalar"),
        file(
            "sequence-root.yaml", "schema.type", 1, 1,
            "expected a mapping with 'version' and 'distributions' at the top of the file, found a list"),
        file("several-documents.yaml", "yaml.documents", 14, 1, "a second YAML document starts here"),
        file("second-document-after-end-marker.yaml", "yaml.syntax", 14, 1, "did not find expected <document start>"),
        // The file declares YAML 1.1; cfc reads it as 1.2 all the same.
        file("yaml-1-1-directive.yaml", "schema.yaml11_boolean", 6, 14, "'yes' is not a boolean in YAML 1.2"),
        file("yaml-9-9-directive.yaml", "yaml.syntax", 1, 1, "found incompatible YAML document"),
        file("tab-indentation.yaml", "yaml.syntax", 6, 1, "found character that cannot start any token"),
        file("unterminated-double-quote.yaml", "yaml.syntax", 14, 1, "found unexpected end of stream"),
        file("unterminated-flow-sequence.yaml", "yaml.syntax", 5, 12, "did not find expected ',' or ']'"),
        file("version-2.yaml", "schema.version", 1, 10, "unsupported version '2'; this cfc reads version 1"),
        // Once "unsupported version '1'; this cfc reads version 1", which contradicts itself; the
        // problem is that "1" in quotes is a string.
        file("version-quoted.yaml", "schema.version", 1, 10, "string"),
        file("missing-distributions.yaml", "schema.missing_key", 1, 1, "missing required key 'distributions' at the top of the file"),
        file("missing-version.yaml", "schema.missing_key", 1, 1, "missing required key 'version' at the top of the file"),
        file("distributions-empty.yaml", "schema.empty_file", 2, 16, "'distributions' is empty"),
        file(
            "distributions-null.yaml", "schema.type", 2, 15,
            "expected a mapping from name to distribution for 'distributions', found null"),
        file(
            "distributions-is-a-list.yaml", "schema.type", 3, 3,
            "expected a mapping from name to distribution for 'distributions', found a list"),
    ]

    // MARK: - Path patterns

    static let pathPatterns: [HostileCase] = [
        file(
            "path-pattern-with-space.yaml", "ordering.invalid_path_pattern", 10, 23,
            "path pattern '/search results/*' is not valid: it contains a space"),
        file(
            "path-pattern-url-encoded.yaml", "ordering.invalid_path_pattern", 10, 23,
            "path pattern '/a%20b/*' is not valid: it contains '%'"),
        file(
            "path-pattern-non-ascii.yaml", "ordering.invalid_path_pattern", 10, 23,
            "path pattern '/café/*' is not valid: it contains 'é'"),
        // The message must name the zero-width space: quoted raw, "it contains '​'" reads as
        // "it contains ''".
        file("path-pattern-zero-width-space.yaml", "ordering.invalid_path_pattern", 10, 23, "200B"),
        file("path-pattern-empty.yaml", "ordering.invalid_path_pattern", 10, 23, "path pattern '' is not valid: it is empty"),
        file(
            "path-pattern-too-long.yaml", "ordering.invalid_path_pattern", 10, 23,
            "is not valid: it is 301 characters long; the limit is 255"),
        // space % # < > { } | \ ^ ` [ ] é U+00A0 tab ; = , ! ( ): one error each.
        file(
            "path-patterns-with-every-forbidden-character.yaml", "ordering.invalid_path_pattern", 10, 23,
            "path pattern '/p0/a b/*' is not valid: it contains a space", errorCount: 22),
        file(
            "require-https-pattern-with-space.yaml", "ordering.invalid_path_pattern", 4, 21,
            "require-https pattern '/secure area/*' is not valid: it contains a space"),
    ]

    // MARK: - Distribution names that are paths

    static let distributionNames: [HostileCase] = [
        file(
            "distribution-name-parent-traversal.yaml", "schema.distribution_name", 3, 3,
            "distribution name '../x' cannot name an output file: it contains a path separator"),
        file(
            "distribution-name-deep-traversal.yaml", "schema.distribution_name", 3, 3,
            "distribution name '../../../../tmp/cfc-pwned' cannot name an output file: it contains a path separator"),
        file(
            "distribution-name-absolute-path.yaml", "schema.distribution_name", 3, 3,
            "distribution name '/etc/passwd' cannot name an output file: it contains a path separator"),
        file(
            "distribution-name-dot.yaml", "schema.distribution_name", 3, 3,
            "distribution name '.' cannot name an output file: it names a directory"),
        file(
            "distribution-name-dot-dot.yaml", "schema.distribution_name", 3, 3,
            "distribution name '..' cannot name an output file: it names a directory"),
        file(
            "distribution-name-empty.yaml", "schema.distribution_name", 3, 3,
            "distribution name '' cannot name an output file: it is empty"),
        file(
            "distribution-name-backslash-traversal.yaml", "schema.distribution_name", 3, 3,
            "cannot name an output file: it contains a path separator"),
        file(
            "distribution-name-hidden-file.yaml", "schema.distribution_name", 3, 3,
            "distribution name '.hidden' cannot name an output file: it must start with a letter or digit"),
        file(
            "distribution-name-too-long.yaml", "schema.distribution_name", 3, 3,
            "cannot name an output file: it is longer than 128 bytes"),
        // These three: the name must not be printed raw: a NUL byte, a line break that starts a
        // fake line, an ESC sequence that retitles and clears the terminal.
        file(
            "distribution-name-nul-escape.yaml", "schema.distribution_name", 3, 3,
            "cannot name an output file: it contains '\\0'"),
        file(
            "distribution-name-newline.yaml", "schema.distribution_name", 3, 3,
            "cannot name an output file: it contains '\\n'"),
        file(
            "distribution-name-escape-sequence.yaml", "schema.distribution_name", 3, 3,
            "cannot name an output file: it must start with a letter or digit"),
    ]

    // MARK: - Text from the file echoed in messages

    static let echoedText: [HostileCase] = [
        // Printed raw, the key's line break would forge a second, well-formed diagnostic line
        // ("forged.yaml:1:1: error: all good [yaml.syntax]").
        file("unknown-key-forging-a-diagnostic.yaml", "schema.unknown_key", 4, 5, "unknown key"),
        // The enum value's ESC sequences must be escaped.
        file("enum-value-with-escape-sequence.yaml", "schema.enum", 4, 18, "for 'price-class'"),
    ]

    // MARK: - Generated at run time

    static let generated: [HostileCase] = [
        Self.generated(
            "quadratic-alias-blowup.yaml", "yaml.alias_expansion", 256, 19,
            "aliases expand the document to more than 250000 nodes", HostileInputGenerators.quadraticAliasBlowup),
        // A small file just within the alias budget: lowering, the checks and the renderer walk
        // about 240,000 alias-expanded nodes. (With a budget of a million, a 29 KB file took 19 s
        // in a debug build.) The copies claim d0's 1,000 aliases again: 229,000 duplicates, of
        // which 100 are reported and the rest counted.
        Self.generated(
            "quadratic-alias-blowup-within-budget.yaml", "certificates.duplicate_alias", 4, 15,
            "alias h0.example.com is also on distribution 'd0'",
            HostileInputGenerators.quadraticAliasBlowupWithinBudget),
        Self.generated(
            "deep-flow-sequences-100000.yaml", "yaml.depth", 1, 129,
            "collections are nested more than 128 levels deep", HostileInputGenerators.deepFlowSequences),
        Self.generated(
            "deep-flow-mappings-100000.yaml", "yaml.depth", 4, 514,
            "collections are nested more than 128 levels deep", HostileInputGenerators.deepFlowMappings),
        Self.generated(
            "deep-block-sequences-100000.yaml", "yaml.depth", 1, 257,
            "collections are nested more than 128 levels deep", HostileInputGenerators.deepBlockSequences),
        Self.generated(
            "deep-block-mappings-100000.yaml", "yaml.depth", 1, 257,
            "collections are nested more than 128 levels deep", HostileInputGenerators.deepBlockMappings),
        Self.generated(
            "quoted-string-10-mb.yaml", "yaml.scalar_length", 4, 14,
            "a scalar of 10485760 bytes is longer than the limit of 1048576 bytes",
            HostileInputGenerators.tenMegabyteQuotedString),
        Self.generated(
            "literal-block-10-mb.yaml", "yaml.scalar_length", 4, 14,
            "bytes is longer than the limit of 1048576 bytes", HostileInputGenerators.tenMegabyteLiteralBlock),
        Self.generated(
            "distribution-name-10-mb.yaml", "yaml.scalar_length", 3, 3,
            "a scalar of 10485760 bytes is longer than the limit of 1048576 bytes",
            HostileInputGenerators.tenMegabyteDistributionName),
        // 10,000 errors on one 30 KB line: a snippet must cost O(window), not O(line), or this
        // takes 10 s.
        Self.generated(
            "many-errors-on-one-long-line.yaml", "certificates.alias_syntax", 4, 15,
            "alias 'a' is not valid", HostileInputGenerators.manyErrorsOnOneLine),
        // The same, one error: the snippet of a 60 MB line once cost 3 s and 400 MB.
        Self.generated(
            "comment-line-60-mb.yaml", "schema.empty_file", 1, 1, "the file holds no configuration",
            HostileInputGenerators.sixtyMegabyteCommentLine),
        // Exponential pattern questions stop at the step budget instead of running for minutes.
        Self.generated(
            "overlapping-wildcard-behaviors.yaml", "ordering.invalid_path_pattern", 8, 24,
            "path pattern '/a b' is not valid: it contains a space", HostileInputGenerators.overlappingWildcardBehaviors),
        HostileCase(
            input: .sparse("input-over-size-limit.yaml", bytes: 65 << 20), id: "io.read", line: nil, column: nil,
            message: "cannot read the file: input is larger than the limit of 67108864 bytes"),
    ]

    // MARK: - Through standard input

    static let standardInput: [HostileCase] = [
        file(
            "billion-laughs.yaml", "yaml.alias_expansion", 8, 15, "aliases expand the document to more than 250000 nodes",
            viaStandardInput: true),
        file("empty-file.yaml", "schema.empty_file", 1, 1, "the file holds no configuration", viaStandardInput: true),
        file("invalid-utf8.yaml", "yaml.encoding", 4, 19, "invalid UTF-8: invalid trailing UTF-8 octet", viaStandardInput: true),
        file("several-documents.yaml", "yaml.documents", 14, 1, "a second YAML document starts here", viaStandardInput: true),
        file(
            "distribution-name-parent-traversal.yaml", "schema.distribution_name", 3, 3,
            "distribution name '../x' cannot name an output file", viaStandardInput: true),
        Self.generated(
            "quoted-string-10-mb.yaml", "yaml.scalar_length", 4, 14,
            "a scalar of 10485760 bytes is longer than the limit of 1048576 bytes", viaStandardInput: true,
            HostileInputGenerators.tenMegabyteQuotedString),
        // Standard input is '<stdin>' in this message too, as in every other.
        HostileCase(
            input: .sparse("input-over-size-limit.yaml", bytes: 65 << 20), viaStandardInput: true, id: "io.read",
            line: nil, column: nil, message: "cannot read the file: input is larger than the limit of 67108864 bytes"),
    ]
}
