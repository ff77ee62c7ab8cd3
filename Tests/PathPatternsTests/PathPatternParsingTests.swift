import CFCTestSupport
import PathPatterns
import Testing

/// How a pattern is read: a leading `/` added when missing, `*` runs collapsed, and the literal
/// prefix and suffix that the routing table's tries index.
@Suite struct PathPatternParsingTests {
    @Test(arguments: [
        // source, normalized, literal prefix, literal suffix
        ("", "/", "/", "/"),
        ("/", "/", "/", "/"),
        ("*", "/*", "/", ""),
        ("**", "/*", "/", ""),
        ("/*", "/*", "/", ""),
        ("images/*", "/images/*", "/images/", ""),
        ("/images/*.jpg", "/images/*.jpg", "/images/", ".jpg"),
        ("/a**b??c", "/a*b??c", "/a", "c"),
        ("?x", "/?x", "/", "x"),
        ("/exact/path.html", "/exact/path.html", "/exact/path.html", "/exact/path.html"),
        ("/é*ü", "/é*ü", "/é", "ü"),
        ("*/x/*", "/*/x/*", "/", ""),
    ])
    func parses(_ source: String, _ normalized: String, _ prefix: String, _ suffix: String) {
        let pattern = PathPattern(source)
        #expect(pattern.source == source)
        #expect(pattern.normalized == normalized)
        #expect(String(String.UnicodeScalarView(pattern.literalPrefix)) == prefix)
        #expect(String(String.UnicodeScalarView(pattern.literalSuffix)) == suffix)
        // The tokens spell the normalized text.
        let spelled = pattern.tokens.map { token -> String in
            switch token {
            case .literal(let scalar): return String(scalar)
            case .any: return "?"
            case .star: return "*"
            }
        }.joined()
        #expect(spelled == normalized)
        #expect(PathPattern(normalized).tokens == pattern.tokens)
    }

    /// The one-pass reading agrees with the definition (a leading `/` added, `*` runs
    /// collapsed, prefix and suffix up to the first and from the last wildcard) on random
    /// patterns, ASCII or not.
    @Test func byteAndScalarReadingsAgreeWithTheDefinition() {
        let alphabet: [Unicode.Scalar] = ["/", "a", "b", ".", "-", "*", "*", "?", "é", "✓"]
        var random = SeededRandom(seed: SeededRandom.seed(1127))
        for _ in 0..<5_000 {
            var source = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                source.unicodeScalars.append(alphabet.randomElement(using: &random)!)
            }
            var expected: [PathPattern.Token] = source.unicodeScalars.first == "/" ? [] : [.literal("/")]
            for scalar in source.unicodeScalars {
                switch scalar {
                case "*": if expected.last != .star { expected.append(.star) }
                case "?": expected.append(.any)
                default: expected.append(.literal(scalar))
                }
            }
            let pattern = PathPattern(source)
            #expect(pattern.tokens == expected, "\(source)")
            let spelled = expected.map { token -> String in
                switch token {
                case .literal(let scalar): return String(scalar)
                case .any: return "?"
                case .star: return "*"
                }
            }.joined()
            #expect(pattern.normalized == spelled, "\(source)")
            let wildcard = { (token: PathPattern.Token) in token == .star || token == .any }
            let prefix = expected.prefix { !wildcard($0) }
            let suffix = expected.reversed().prefix { !wildcard($0) }.reversed()
            #expect(pattern.literalPrefix == prefix.map { if case .literal(let s) = $0 { s } else { "*" } }, "\(source)")
            #expect(pattern.literalSuffix == suffix.map { if case .literal(let s) = $0 { s } else { "*" } }, "\(source)")
        }
    }
}
