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
}
