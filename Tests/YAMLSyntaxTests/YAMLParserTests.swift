import CFCDiagnostics
import Foundation
import Testing

@testable import YAMLSyntax

/// Parses `text` and returns the document (nil on a stopping error) and the diagnostics.
private func parse(_ text: String, options: YAMLParseOptions = YAMLParseOptions()) -> (YAMLDocument?, [Diagnostic]) {
    parse(bytes: Array(text.utf8), options: options)
}

private func parse(bytes: [UInt8], options: YAMLParseOptions = YAMLParseOptions()) -> (YAMLDocument?, [Diagnostic]) {
    let sink = DiagnosticCollector()
    let document = YAMLParser.parse(SourceFile(path: "t.yaml", bytes: bytes), options: options, sink: sink)
    return (document, sink.diagnostics)
}

/// A node's content and every position in it, to compare two trees.
private func describe(_ node: YAMLNode) -> String {
    let at = "@\(node.range.start.line):\(node.range.start.column)"
    switch node.kind {
    case .scalar: return node.text + at
    case .sequence: return "[" + node.items.map(describe).joined(separator: ", ") + "]" + at
    case .mapping: return "{" + node.pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}" + at
    }
}

/// A malformed document and the one error it must produce.
struct SyntaxErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: [UInt8]
    var id: String
    var summary: String
    var line: Int
    var column: Int
    var testDescription: String { name }

    init(_ name: String, _ yaml: String, _ id: String, _ summary: String, _ line: Int, _ column: Int) {
        self.init(name, Array(yaml.utf8), id, summary, line, column)
    }

    init(_ name: String, _ yaml: [UInt8], _ id: String, _ summary: String, _ line: Int, _ column: Int) {
        self.name = name
        self.yaml = yaml
        self.id = id
        self.summary = summary
        self.line = line
        self.column = column
    }
}

@Suite struct YAMLParserTests {
    static let errorCases: [SyntaxErrorCase] = [
        SyntaxErrorCase("bad indentation", "a:\n  b: 1\n c: 2\n", "yaml.syntax", "did not find expected key", 3, 2),
        SyntaxErrorCase("unclosed quote", "a: \"open\nb: 1\n", "yaml.syntax", "found unexpected end of stream", 3, 1),
        SyntaxErrorCase("unclosed flow sequence", "a: [1, 2\n", "yaml.syntax", "did not find expected ',' or ']'", 2, 1),
        SyntaxErrorCase("tab indentation", "a:\n\tb: 1\n", "yaml.syntax", "found character that cannot start any token", 2, 1),
        SyntaxErrorCase(
            "invalid UTF-8", [0x61, 0x3A, 0x20, 0xFF, 0x0A], "yaml.encoding", "invalid UTF-8: invalid leading UTF-8 octet", 1, 4),
        SyntaxErrorCase(
            "truncated UTF-8", [0x61, 0x3A, 0x20, 0xC3], "yaml.encoding", "invalid UTF-8: incomplete UTF-8 octet sequence", 1, 4),
        SyntaxErrorCase(
            "control character", [0x61, 0x3A, 0x20, 0x01, 0x0A], "yaml.encoding", "control character U+0001 is not allowed in YAML", 1, 4),
        SyntaxErrorCase("duplicate key", "a: 1\nb: 2\na: 3\n", "yaml.duplicate_key", "duplicate key 'a'", 3, 1),
        SyntaxErrorCase("duplicate quoted key", "a: 1\n\"a\": 3\n", "yaml.duplicate_key", "duplicate key 'a'", 2, 1),
        SyntaxErrorCase("unknown tag", "a: !custom 1\n", "yaml.tag", "unknown tag '!custom'", 1, 4),
        SyntaxErrorCase("binary tag", "a: !!binary aGVsbG8=\n", "yaml.tag", "unknown tag '!!binary'", 1, 4),
        SyntaxErrorCase("int tag on text", "a: !!int eighty\n", "yaml.tag", "the value is not a valid '!!int'", 1, 4),
        SyntaxErrorCase("map tag on scalar", "a: !!map x\n", "yaml.tag", "tag '!!map' cannot be used on a scalar", 1, 4),
        SyntaxErrorCase("undefined alias", "a: *nowhere\n", "yaml.alias", "alias '*nowhere' has no anchor '&nowhere' before it", 1, 4),
        SyntaxErrorCase(
            "recursive alias", "a: &loop [1, *loop]\n", "yaml.recursive_alias", "alias '*loop' refers to a collection that contains it", 1,
            14),
        SyntaxErrorCase(
            "two documents", "a: 1\n---\nb: 2\n", "yaml.documents", "a second YAML document starts here; a cfc file holds one document", 2,
            1),
        SyntaxErrorCase(
            "merge of a scalar", "a:\n  <<: 5\n  b: 1\n", "yaml.merge_key", "a merge key '<<' needs a mapping or a list of mappings", 2, 7),
    ]

    @Test(arguments: errorCases)
    func reportsError(_ testCase: SyntaxErrorCase) {
        let (_, diagnostics) = parse(bytes: testCase.yaml)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.summary))")
        guard let error = errors.first else { return }
        #expect(error.id.rawValue == testCase.id)
        #expect(error.summary == testCase.summary)
        #expect(error.range?.start.line == testCase.line)
        #expect(error.range?.start.column == testCase.column)
        #expect(error.range?.file == "t.yaml")
    }

    @Test func duplicateKeyHasNoteAtFirstOccurrence() throws {
        let (_, diagnostics) = parse("x:\n  a: 1\n  a: 2\n")
        let error = try #require(diagnostics.first)
        #expect(error.notes.count == 1)
        #expect(error.notes.first?.range?.start.line == 2)
        #expect(error.notes.first?.range?.start.column == 3)
    }

    @Test func positionsAreOneBasedAndCountScalarsNotBytes() throws {
        let (document, _) = parse("é: [ü, x]\n")
        let root = try #require(document?.root)
        let pair = root.pairs[0]
        #expect(pair.key.range.start.line == 1)
        #expect(pair.key.range.start.column == 1)
        let x = pair.value.items[1]
        #expect(x.text == "x")
        #expect(x.range.start.column == 8)
        // The byte offset counts UTF-8: é and ü are two bytes each.
        #expect(x.range.start.offset == 9)
    }

    /// `cfc fmt` points at the first anchor (or merge key) when it leaves a file as written.
    @Test func theFirstAnchorOrMergeKeyIsRecorded() throws {
        let (plain, _) = parse("a: 1\nb: [x]\n")
        #expect(try #require(plain).firstAliasUse == nil)
        #expect(try #require(plain).usesAliases == false)
        let (collection, _) = parse("a: 1\nb: &x {c: 1}\nd: *x\n")
        #expect(try #require(collection).firstAliasUse?.start.line == 2)
        #expect(try #require(collection).firstAliasUse?.start.column == 4)
        let (scalar, _) = parse("a: 1\nb:\n  - &y text\nc: *y\n")
        #expect(try #require(scalar).firstAliasUse?.start.line == 3)
        let (merge, _) = parse("a:\n  x: 1\n  <<: {y: 2}\n")
        #expect(try #require(merge).firstAliasUse?.start.line == 3)
        #expect(try #require(merge).firstAliasUse?.start.column == 3)
    }

    @Test func aliasesShareTheAnchoredContentButKeepTheirOwnPosition() throws {
        let (document, diagnostics) = parse("base: &b {x: 1}\nuse: *b\n")
        #expect(diagnostics.isEmpty)
        let root = try #require(document?.root)
        let anchored = root.pairs[0].value
        let alias = root.pairs[1].value
        #expect(alias.pairs.map(\.value.index) == anchored.pairs.map(\.value.index))
        #expect(alias.value(forKey: "x")?.text == "1")
        #expect((alias.range.start.line, alias.range.start.column) == (2, 6))
        #expect((anchored.range.start.line, anchored.range.start.column) == (1, 7))
    }

    @Test func duplicateKeyMadeByAnAliasPointsAtTheAlias() throws {
        let (_, diagnostics) = parse("m:\n  &k a: 1\n  *k : 2\n")
        let error = try #require(diagnostics.first)
        #expect(error.id == "yaml.duplicate_key")
        #expect((error.range?.start.line, error.range?.start.column) == (3, 3))
        #expect(error.notes.first?.range?.start.line == 2)
    }

    @Test(arguments: [("\u{2028}", "U+2028"), ("\u{2029}", "U+2029"), ("\u{85}", "U+0085")])
    func unicodeLineBreaksInCommentsDoNotShiftLines(separator: String, name: String) throws {
        // libyaml (YAML 1.1) breaks lines at these; editors do not, so positions are converted.
        let (document, _) = parse("# a\(separator)\nkey: value\n")
        let pair = try #require(document?.root?.pairs.first)
        #expect((pair.value.range.start.line, pair.value.range.start.column) == (2, 6), "\(name)")
    }

    @Test func valuesAreHandedOffWithTheirOwnStorageAndTheSamePositions() throws {
        let yaml = "version: 1\ndistributions:\n  a: {x: [1, 2], y: \"é\"}\n  b:\n    z: {w: 3}\n  c: [not, a, mapping]\n"
        let whole = try #require(parse(yaml).0?.root?.value(forKey: "distributions"))
        var handedOff: [DetachedValue] = []
        let sink = DiagnosticCollector()
        let document = try #require(
            YAMLParser.parse(
                SourceFile(path: "t.yaml", bytes: Array(yaml.utf8)), sink: sink, detachingValuesOf: "distributions"
            ) { handedOff.append($0) })
        #expect(sink.diagnostics.isEmpty)
        #expect(handedOff.map(\.key.text) == ["a", "b"])
        let distributions = try #require(document.root?.value(forKey: "distributions"))
        #expect(distributions.pairs.map { document.isDetached($0.value) } == [true, true, false])
        #expect(distributions.pairs[2].value.items.map(\.text) == ["not", "a", "mapping"])
        for (detached, original) in zip(handedOff, whole.pairs) {
            #expect(detached.key.range == original.key.range)
            #expect(detached.value.range == original.value.range)
            #expect(describe(detached.value) == describe(original.value))
        }
        #expect(handedOff[0].value.value(forKey: "x")?.items.map(\.text) == ["1", "2"])
        #expect(handedOff[1].value.value(forKey: "z")?.value(forKey: "w")?.range.start.line == 5)
    }

    @Test func nothingIsHandedOffOnceTheFileHasAnAnchor() throws {
        let yaml = "distributions:\n  a: {x: 1}\n  b: &b {x: 2}\n  c: {x: 3}\n  d: *b\n"
        var names: [String] = []
        let document = YAMLParser.parse(
            SourceFile(path: "t.yaml", bytes: Array(yaml.utf8)), sink: DiagnosticCollector(),
            detachingValuesOf: "distributions"
        ) { names.append($0.key.text) }
        #expect(names == ["a"])
        let pairs = try #require(document?.root?.value(forKey: "distributions")?.pairs)
        #expect(pairs[3].value.value(forKey: "x")?.text == "2")
    }

    @Test func mergeKeysApplyWithExplicitKeysWinning() throws {
        let yaml = """
            base: &base {a: 1, b: 2}
            other: &other {b: 20, c: 30}
            merged:
              <<: [*base, *other]
              a: 100
            """
        let (document, diagnostics) = parse(yaml)
        #expect(diagnostics.isEmpty)
        let merged = try #require(document?.root?.value(forKey: "merged"))
        let pairs = merged.pairs.map { ($0.key.text, $0.value.text) }
        #expect(pairs.map(\.0) == ["b", "c", "a"])
        #expect(merged.value(forKey: "a")?.text == "100")
        #expect(merged.value(forKey: "b")?.text == "2")
        #expect(merged.value(forKey: "c")?.text == "30")
    }

    @Test func billionLaughsFailsFastWithoutExpanding() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        // Bounded by the alias budget, not by a clock: the error says the budget stopped it.
        let (document, diagnostics) = parse(yaml)
        #expect(document == nil)
        #expect(diagnostics.first?.id == "yaml.alias_expansion")
    }

    @Test func deepNestingIsBoundedWithoutRecursion() {
        for depth in [10_000, 100_000] {
            let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            // Bounded by the depth limit, not by a clock: the parse stops at column 129, the
            // 129th bracket, whatever follows.
            let (document, diagnostics) = parse(yaml)
            #expect(document == nil)
            #expect(diagnostics.first?.id == "yaml.depth")
            #expect(diagnostics.first?.range?.start.column == 129)
        }
    }

    @Test func longScalarsAreRefused() {
        var options = YAMLParseOptions()
        options.maxScalarBytes = 100
        let (document, diagnostics) = parse("a: " + String(repeating: "x", count: 101) + "\n", options: options)
        #expect(document == nil)
        #expect(diagnostics.first?.id == "yaml.scalar_length")
    }

    @Test func emptyAndCommentOnlyFilesHaveNoRoot() {
        for text in ["", "# just a comment\n", "\n\n"] {
            let (document, diagnostics) = parse(text)
            #expect(diagnostics.isEmpty)
            #expect(document != nil)
            #expect(document?.root == nil)
        }
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let (document, diagnostics) = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(document?.root?.value(forKey: "a")?.text == "1")
    }

    @Test func utf16IsRefused() {
        let (document, diagnostics) = parse(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00])
        #expect(document == nil)
        #expect(diagnostics.first?.id == "yaml.encoding")
    }

    @Test func scalarStylesAndTagsAreKept() throws {
        let (document, _) = parse("a: 'x'\nb: \"y\"\nc: !!str 5\nd: |\n  z\n")
        let root = try #require(document?.root)
        #expect(root.value(forKey: "a")?.style == .singleQuoted)
        #expect(root.value(forKey: "b")?.style == .doubleQuoted)
        #expect(root.value(forKey: "c")?.tag == .string)
        #expect(root.value(forKey: "c")?.resolvedType == .string)
        #expect(root.value(forKey: "d")?.text == "z\n")
    }
}

/// Core-schema resolution of plain scalars.
struct ResolutionCase: CustomTestStringConvertible, Sendable {
    var text: String
    var type: ResolvedType
    var testDescription: String { "'\(text)' is \(type.name)" }
}

@Suite struct CoreSchemaTests {
    static let cases: [ResolutionCase] = [
        .init(text: "", type: .null), .init(text: "~", type: .null), .init(text: "null", type: .null),
        .init(text: "NULL", type: .null), .init(text: "true", type: .boolean), .init(text: "False", type: .boolean),
        .init(text: "yes", type: .string), .init(text: "no", type: .string), .init(text: "on", type: .string),
        .init(text: "off", type: .string), .init(text: "NO", type: .string), .init(text: "y", type: .string),
        .init(text: "0", type: .integer), .init(text: "-17", type: .integer), .init(text: "+3", type: .integer),
        .init(text: "0o17", type: .integer), .init(text: "0x1F", type: .integer),
        .init(text: "99999999999999999999", type: .integer), .init(text: "1.5", type: .float),
        .init(text: "1e3", type: .float), .init(text: ".inf", type: .float), .init(text: "-.Inf", type: .float),
        .init(text: ".nan", type: .float), .init(text: "1_000", type: .string), .init(text: "0b101", type: .string),
        .init(text: "12:30", type: .string), .init(text: "2024-01-01", type: .string), .init(text: "TLSv1.2", type: .string),
    ]

    @Test(arguments: cases)
    func resolves(_ testCase: ResolutionCase) {
        #expect(CoreSchema.resolvePlain(testCase.text) == testCase.type)
        var text = testCase.text
        #expect(text.withUTF8 { CoreSchema.resolvePlain($0) } == testCase.type)
    }

    /// The parser's byte-level shortcut and the definition on `String` agree: on every case
    /// above, on words that start like keywords, and on seeded random scalars over the
    /// characters that matter.
    @Test func byteShortcutAgreesWithTheDefinition() {
        var inputs =
            Self.cases.map(\.text) + [
                "nul", "nulls", "n", "N", "~~", "t", "tru", "trueish", "TRUE", "f", "fals", "falsey", "FALSE", "falsE",
                "1", "12", "123abc", "1.", "10e2", "0", "007", "0x", "0o8", "-", "+", ".", "-0", "+.inf",
                "9" + String(repeating: "9", count: 30),
                "none", "https-only", "redirect-to-https", "TLSv1.2_2021", "abc", "é", "1é",
                "08627262-05a9-4f76-9ded-b50ca2e3a84f", "43986a77d6288200", "0f241510b190f8c5", "1e-5", "1E+3", "-1e-3",
                "+.5", "-.inf", "0x1F", "0xG", "0o17", "0o8", "-0", "+0", "00", "1-2", "1+2", "e5", ".e5", "1.2.3", "12e",
                "0x-1", "1ee5", "2024-01-01", "10.0.0.1", "-", "+", "-+1", "1_000", "0b1",
            ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("0123456789+-.eExXoOaAbBfFnNtTuUlLrRsSiI~_:".utf8)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60) % 7
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        for input in inputs {
            var text = input
            #expect(text.withUTF8 { CoreSchema.resolvePlain($0) } == CoreSchema.resolvePlain(input), "'\(input)'")
        }
    }

    @Test func integersAreRangeChecked() {
        #expect(CoreSchema.parseInteger("9223372036854775807") == Int64.max)
        #expect(CoreSchema.parseInteger("-9223372036854775808") == Int64.min)
        #expect(CoreSchema.parseInteger("9223372036854775808") == nil)
        #expect(CoreSchema.parseInteger("0x7FFFFFFFFFFFFFFF") == Int64.max)
        #expect(CoreSchema.parseInteger("0o777") == 511)
        #expect(CoreSchema.parseInteger("12a") == nil)
    }
}
