import CFCTestSupport
import PathPatterns
import Testing

@testable import Planning

/// Whether `path` is a valid invalidation path, checked independently of `InvalidationPaths`:
/// it starts with `/`, has `*` only as its last character, has nothing but RFC 1738's safe
/// ASCII characters and complete `%XX` escapes, and (the trailing wildcard left aside) decodes
/// to whole UTF-8 characters, so a wildcard never follows half a character.
func isWellFormedInvalidationPath(_ path: String) -> Bool {
    let scalars = Array(path.unicodeScalars)
    guard scalars.first == "/" else { return false }
    let body = scalars.last == "*" ? Array(scalars.dropLast()) : scalars
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$-_.+!'(),/;:@&=".unicodeScalars)
    var decoded: [UInt8] = []
    var index = 0
    while index < body.count {
        let scalar = body[index]
        if scalar == "%" {
            guard index + 2 < body.count, let byte = UInt8(String(body[index + 1]) + String(body[index + 2]), radix: 16) else {
                return false
            }
            decoded.append(byte)
            index += 3
        } else {
            guard safe.contains(scalar) else { return false }
            decoded.append(UInt8(scalar.value))
            index += 1
        }
    }
    return Array(String(decoding: decoded, as: UTF8.self).utf8) == decoded
}

@Suite struct InvalidationPathsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { "\(input) → \(expected)" }
        init(_ input: String, _ expected: String) {
            self.input = input
            self.expected = expected
        }
    }

    // MARK: - Converting patterns

    static let coveringCases: [Case] = [
        // The examples: the literal prefix, then `*`.
        Case("/img/*.jpg", "/img/*"),
        Case("images/?/a", "/images/*"),
        Case("/api/*", "/api/*"),
        Case("*.jpg", "/*"),
        Case("*", "/*"),
        Case("/a?b", "/a*"),
        // A pattern without wildcards matches one path: that path, encoded.
        Case("/index.html", "/index.html"),
        Case("/exact file.txt", "/exact%20file.txt"),
        Case("/caf\u{E9}/*", "/caf%C3%A9/*"),
        Case("/a b/*.png", "/a%20b/*"),
        // A wildcard that may finish an escape or a character the prefix begins: cut before it.
        Case("/a%2*", "/a*"),
        Case("/a%*", "/a*"),
        Case("/a%20*", "/a%20*"),
        Case("/%C3*", "/*"),
        Case("/x%E2%82*", "/x*"),
        Case("/%C3%BC*", "/%C3%BC*"),
    ]

    @Test(arguments: coveringCases)
    func coveringPath(_ example: Case) {
        let path = InvalidationPaths.covering(PathPattern(example.input))
        #expect(path == example.expected)
        #expect(isWellFormedInvalidationPath(path), "\(path)")
    }

    /// The covering path covers every path the pattern matches (and, for a pattern with a
    /// wildcard, is the literal prefix of every one of them).
    @Test func coveringPathCoversWhatThePatternMatches() {
        let objects = ["/img/a.jpg", "/img/dir/b.jpg", "/images/x/a", "/a b/c.png", "/caf\u{E9}/menu", "/index.html"]
        for case let pattern in ["/img/*.jpg", "images/?/a", "/a b/*.png", "/caf\u{E9}/*", "/index.html", "*"].map(PathPattern.init) {
            let path = InvalidationPaths.covering(pattern)
            for object in objects where pattern.matches(object) {
                #expect(InvalidationPaths.covers(path, objectPath: object), "\(path) should cover \(object)")
            }
        }
    }

    // MARK: - Encoding

    static let encodeCases: [Case] = [
        // `*` only as the last character: any other is part of a name.
        Case("/img/*.jpg", "/img/%2A.jpg"),
        Case("/img/*", "/img/*"),
        Case("/a*b*", "/a%2Ab*"),
        Case("/**", "/%2A*"),
        Case("/\u{FC} ber", "/%C3%BC%20ber"),
        Case("/already%20encoded", "/already%20encoded"),
        Case("/50%off", "/50%25off"),
        Case("/q?x#y", "/q%3Fx%23y"),
        Case("/~user/\"quoted\"", "/%7Euser/%22quoted%22"),
        Case("/$-_.+!'(),;:@&=", "/$-_.+!'(),;:@&="),
        Case("/\u{1F600}", "/%F0%9F%98%80"),
    ]

    @Test(arguments: encodeCases)
    func encodesAnInvalidationPath(_ example: Case) {
        #expect(InvalidationPaths.encode(example.input) == example.expected)
    }

    @Test func objectPathsEncodeEveryStar() {
        #expect(InvalidationPaths.encodeObjectPath("/img/*") == "/img/%2A")
        #expect(InvalidationPaths.encodeObjectPath("/a*b") == "/a%2Ab")
        #expect(InvalidationPaths.covers("/img/%2A", objectPath: "/img/*"))
        #expect(!InvalidationPaths.covers("/img/%2A", objectPath: "/img/a"))
        #expect(InvalidationPaths.covers("/img/*", objectPath: "/img/*.jpg"))
    }

    static let changedPathCases: [Case] = [
        // A glob in a line means the objects it matches: cut to a trailing wildcard.
        Case("/img/*.jpg", "/img/*"),
        Case("/a*b*", "/a*"),
        Case("css/site.css", "/css/site.css"),
        Case("/css/*", "/css/*"),
        Case("*", "/*"),
        Case("/images/\u{FC}n\u{EF}code name.png", "/images/%C3%BCn%C3%AFcode%20name.png"),
    ]

    @Test(arguments: changedPathCases)
    func changedPathLine(_ example: Case) {
        #expect(InvalidationPaths.path(forChangedPath: example.input) == example.expected)
    }

    // MARK: - Widening

    static let commonPrefixCases: [(String, String, String)] = [
        // The audit's case: `/%C3%` ends inside an escape, `/%C3` inside a character.
        ("/%C3%BC", "/%C3%AF", "/"),
        ("/caf%C3%A9", "/caf%C3%A8", "/caf"),
        ("/menu/cr%C3%A8me.html", "/menu/cr%C3%AApe.html", "/menu/cr"),
        ("/%F0%9F%98%80", "/%F0%9F%98%81", "/"),
        ("/a%20b", "/a%20c", "/a%20"),
        ("/a%20", "/a%21", "/a"),
        ("/css/a.css", "/css/b.css", "/css/"),
        ("/x/*", "/x/y", "/x/"),
        ("/same", "/same", "/same"),
    ]

    @Test(arguments: commonPrefixCases)
    func commonPrefixKeepsCharactersWhole(_ a: String, _ b: String, _ expected: String) {
        #expect(InvalidationPaths.commonPrefix(a, b) == expected)
        #expect(InvalidationPaths.commonPrefix(b, a) == expected)
    }

    @Test func minimizeDropsCoveredPaths() {
        #expect(InvalidationPaths.minimized(["/css/*", "/css/a.css", "/css/print/*", "/js/app.js"]) == ["/css/*", "/js/app.js"])
        #expect(InvalidationPaths.minimized(["/*", "/css/*", "/index.html"]) == ["/*"])
        #expect(InvalidationPaths.minimized(["/a*", "/a", "/ab/*", "/b"]) == ["/a*", "/b"])
        // An exact path is not a prefix: `/a` does not cover `/ab`.
        #expect(InvalidationPaths.minimized(["/a", "/ab"]) == ["/a", "/ab"])
    }

    @Test func wideningNeverCutsAnEscape() {
        let (paths, widenings) = InvalidationPaths.fit(["/%C3%BC", "/%C3%AF"], maxWildcards: 15, maxPaths: 1)
        #expect(paths == ["/*"])
        #expect(widenings == [InvalidationPaths.Widening(replaced: ["/%C3%AF", "/%C3%BC"], by: "/*")])
    }

    @Test func wideningKeepsTheLongestWholeCharacterPrefix() {
        let (paths, widenings) = InvalidationPaths.fit(
            ["/menu/cr%C3%A8me.html", "/menu/cr%C3%AApe.html", "/index.html"], maxWildcards: 15, maxPaths: 2)
        #expect(paths == ["/index.html", "/menu/cr*"])
        #expect(widenings == [InvalidationPaths.Widening(replaced: ["/menu/cr%C3%A8me.html", "/menu/cr%C3%AApe.html"], by: "/menu/cr*")])
    }

    /// Eighteen wildcard paths against CloudFront's 15: the locales that share the most are
    /// widened, one at a time, until 15 or fewer wildcards are left.
    @Test func moreThanFifteenWildcardsAreWidened() {
        let locales = ["de", "en", "es", "fr", "it", "ja"]
        let paths = locales.flatMap { locale in ["blog", "docs", "shop"].map { "/\(locale)/\($0)/*" } }
        #expect(paths.count == 18)
        let (fitted, widenings) = InvalidationPaths.fit(paths, maxWildcards: 15, maxPaths: 3000)
        #expect(
            widenings == [
                InvalidationPaths.Widening(replaced: ["/de/blog/*", "/de/docs/*", "/de/shop/*"], by: "/de/*"),
                InvalidationPaths.Widening(replaced: ["/en/blog/*", "/en/docs/*", "/en/shop/*"], by: "/en/*"),
            ])
        #expect(fitted.count == 14)
        #expect(fitted.prefix(2) == ["/de/*", "/en/*"])
        #expect(fitted.count(where: { $0.hasSuffix("*") }) <= 15)
    }

    /// With too many wildcards, two exact paths are never merged (that would add a wildcard,
    /// although `/x/` is a longer common prefix than `/w1`), and a prefix widens every path it
    /// covers at once: no wildcard can cover `/w10/*` and `/w11/*` without `/w12/*`.
    @Test func tooManyWildcardsLeavesExactPathsAlone() {
        let wildcards = (10..<26).map { "/w\($0)/*" }
        let exact = ["/x/1.html", "/x/2.html"]
        let (fitted, widenings) = InvalidationPaths.fit(wildcards + exact, maxWildcards: 15, maxPaths: 3000)
        #expect(fitted == ["/w1*"] + (20..<26).map { "/w\($0)/*" } + exact)
        #expect(widenings == [InvalidationPaths.Widening(replaced: (10..<20).map { "/w\($0)/*" }, by: "/w1*")])
    }

    @Test func pathBudgetWidensDownToTheRoot() {
        let (fitted, widenings) = InvalidationPaths.fit(["/a", "/b", "/c"], maxWildcards: 15, maxPaths: 1)
        #expect(fitted == ["/*"])
        #expect(widenings.last?.by == "/*")
    }

    // MARK: - Properties

    /// Pieces of raw object paths and patterns: non-ASCII characters of two, three and four
    /// UTF-8 bytes that share leading bytes, spaces, escapes, and `*` inside names.
    static let pieces = [
        "a", "b", "/", "\u{FC}", "\u{EF}", "\u{E9}", "\u{E8}", "\u{20AC}", "\u{1F600}", "\u{1F601}", " ", "%20", "x.jpg",
        "css/", "*",
    ]

    /// Every path that changed-path lines, patterns and widening produce is well formed, every
    /// input stays covered, the result is minimal, and it fits the budget.
    @Test func everyPathIsWellFormedAndCoversItsInputs() {
        let seed: UInt64 = 0x1A7A_11D5
        var random = SeededRandom(seed: seed)
        for round in 0..<400 {
            var inputs: [String] = []
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                var text = "/"
                for _ in 0..<Int.random(in: 0...6, using: &random) { text += Self.pieces.randomElement(using: &random) ?? "a" }
                if Bool.random(using: &random) {
                    inputs.append(InvalidationPaths.path(forChangedPath: text))
                } else {
                    var pattern = text
                    if Bool.random(using: &random) { pattern += "?" }
                    inputs.append(InvalidationPaths.covering(PathPattern(pattern)))
                }
            }
            for path in inputs {
                #expect(isWellFormedInvalidationPath(path), "seed \(seed) round \(round): \(path)")
            }
            let maxWildcards = Int.random(in: 1...15, using: &random)
            let maxPaths = Int.random(in: 1...30, using: &random)
            let (fitted, widenings) = InvalidationPaths.fit(inputs, maxWildcards: maxWildcards, maxPaths: maxPaths)
            let context = "seed \(seed) round \(round): \(inputs) → \(fitted)"
            for path in fitted + widenings.map(\.by) {
                #expect(isWellFormedInvalidationPath(path), "\(context): \(path)")
            }
            #expect(fitted.count <= maxPaths && fitted.count(where: { $0.hasSuffix("*") }) <= maxWildcards, "\(context)")
            for input in inputs {
                let target = input.hasSuffix("*") ? String(input.dropLast()) : input
                #expect(fitted.contains { InvalidationPaths.covers($0, target) }, "\(context): \(input) is not covered")
            }
            for path in fitted {
                let target = path.hasSuffix("*") ? String(path.dropLast()) : path
                #expect(!fitted.contains { $0 != path && InvalidationPaths.covers($0, target) }, "\(context): \(path) is redundant")
            }
        }
    }
}
