import CFCDiagnostics
import Testing

@testable import YAMLSyntax

/// Reads YAML text back into a `YAMLValue` (strings stay strings; core-schema scalars become
/// `.verbatim`), to check that what the writer wrote means what it was given.
private func readBack(_ bytes: [UInt8]) -> YAMLValue? {
    let sink = DiagnosticCollector()
    guard let document = YAMLParser.parse(SourceFile(path: "out.yaml", bytes: bytes), sink: sink), sink.errorCount == 0,
        let root = document.root
    else { return nil }
    func convert(_ node: YAMLNode) -> YAMLValue {
        switch node.kind {
        case .mapping: return .mapping(node.pairs.map { YAMLPair($0.key.text, convert($0.value)) })
        case .sequence: return .sequence(node.items.map(convert))
        case .scalar:
            switch node.resolvedType {
            case .integer: return CoreSchema.parseInteger(node.text).map { .integer($0) } ?? .verbatim(node.text)
            case .boolean: return .boolean(CoreSchema.parseBoolean(node.text) ?? false)
            case .string: return .string(node.text)
            default: return .verbatim(node.text)
            }
        }
    }
    return convert(root)
}

@Suite struct YAMLWriterTests {
    static let awkwardStrings = [
        "true", "no", "NO", "123", "0x1F", "1.5", "", " leading", "trailing ", "a: b", "#hash", "a #b", "- dash", "*star",
        "&amp", "!bang", "@at", "`tick", "{brace}", "[bracket]", "comma, here", "line\nbreak", "tab\there", "ünïcödé ✓",
        "quote \" and ' both", "back\\slash", "~", "null", "---", "...", "%directive", "ends with colon:",
    ]

    @Test(arguments: awkwardStrings)
    func stringsReadBackAsTheSameString(_ text: String) throws {
        let value = YAMLValue.mapping([YAMLPair("key", .string(text)), YAMLPair(text.isEmpty ? "empty" : text, .integer(1))])
        let bytes = try YAMLWriter.write(value)
        #expect(readBack(bytes) == value, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func layoutIsBlockMappingsAndFlowScalarLists() throws {
        let value = YAMLValue.mapping([
            YAMLPair("version", .integer(1)),
            YAMLPair(
                "distributions",
                .mapping([
                    YAMLPair(
                        "www",
                        .mapping([
                            YAMLPair("aliases", .sequence([.string("a.example.com"), .string("b.example.com")])),
                            YAMLPair(
                                "cache-behaviors",
                                .sequence([
                                    .mapping([YAMLPair("path-pattern", .string("/api/*")), YAMLPair("compress", .boolean(false))])
                                ])),
                            YAMLPair("custom-error-responses", .sequence([])),
                            YAMLPair("logging", .mapping([])),
                        ]))
                ])),
        ])
        let text = String(decoding: try YAMLWriter.write(value), as: UTF8.self)
        #expect(
            text == """
                version: 1
                distributions:
                  www:
                    aliases: [a.example.com, b.example.com]
                    cache-behaviors:
                    - path-pattern: /api/*
                      compress: false
                    custom-error-responses: []
                    logging: {}

                """)
    }

    @Test func commentsAreWrittenAtTheirIndentation() throws {
        let value = YAMLValue.mapping([
            YAMLPair("version", .integer(1), comment: "top"),
            YAMLPair(
                "behaviors",
                .sequence([
                    .mapping([
                        YAMLPair("path-pattern", .string("/a/*"), comment: "first key of an item"),
                        YAMLPair(
                            "ignore",
                            .sequence([
                                .comment("why this is ignored"), .string("rule.one"), .comment("another\nline"), .string("rule.two"),
                            ])),
                    ])
                ])),
        ])
        let bytes = try YAMLWriter.write(value, headerComments: ["Imported by cfc", "ETag: E123"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
            text == """
                # Imported by cfc
                # ETag: E123
                # top
                version: 1
                behaviors:
                # first key of an item
                - path-pattern: /a/*
                  ignore:
                  # why this is ignored
                  - rule.one
                  # another
                  # line
                  - rule.two

                """)
        let expected = YAMLValue.mapping([
            YAMLPair("version", .integer(1)),
            YAMLPair(
                "behaviors",
                .sequence([
                    .mapping([
                        YAMLPair("path-pattern", .string("/a/*")),
                        YAMLPair("ignore", .sequence([.string("rule.one"), .string("rule.two")])),
                    ])
                ])),
        ])
        #expect(readBack(bytes) == expected)
    }
}
