import Testing
@testable import PathPatterns

/// An independent glob matcher by plain recursion, the reference the automata are checked
/// against.
func bruteForceMatches(_ pattern: String, _ path: String) -> Bool {
    var pattern = Array(pattern.unicodeScalars)
    if pattern.first != "/" { pattern.insert("/", at: 0) }
    let path = Array(path.unicodeScalars)
    func match(_ p: Int, _ s: Int) -> Bool {
        if p == pattern.count { return s == path.count }
        switch pattern[p] {
        case "*": return (s...path.count).contains { match(p + 1, $0) }
        case "?": return s < path.count && match(p + 1, s + 1)
        default: return s < path.count && path[s] == pattern[p] && match(p + 1, s + 1)
        }
    }
    return match(0, 0)
}

/// A small deterministic random generator (SplitMix64), so failures reproduce from the seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every path over a small alphabet up to `length`, all starting with `/`.
func allPaths(upTo length: Int, alphabet: [String] = ["a", "b", "/", "x"]) -> [String] {
    var result = ["/"]
    var frontier = ["/"]
    for _ in 1..<length {
        frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
        result += frontier
    }
    return result
}

func randomPattern(_ random: inout SeededRandom) -> String {
    let pieces = ["a", "b", "/", "*", "?", "a", "/", "*"]
    let length = Int.random(in: 0...5, using: &random)
    var text = Bool.random(using: &random) ? "/" : ""
    for _ in 0..<length { text += pieces.randomElement(using: &random) ?? "a" }
    return text
}

@Suite struct PatternAlgebraTests {
    static let paths = allPaths(upTo: 6)
    static let seed: UInt64 = 20261127

    @Test func matcherAgreesWithBruteForce() {
        var random = SeededRandom(state: Self.seed)
        for _ in 0..<300 {
            let pattern = randomPattern(&random)
            let compiled = PathPattern(pattern)
            for path in Self.paths.prefix(400) {
                #expect(compiled.matches(path) == bruteForceMatches(pattern, path), "seed \(Self.seed): '\(pattern)' on '\(path)'")
            }
        }
    }

    @Test func witnessesAreRealAndShortest() {
        var random = SeededRandom(state: Self.seed &+ 1)
        for _ in 0..<300 {
            let a = randomPattern(&random)
            let b = randomPattern(&random)
            let c = randomPattern(&random)
            let satisfying = Self.paths.filter {
                bruteForceMatches(a, $0) && bruteForceMatches(b, $0) && !bruteForceMatches(c, $0)
            }
            let shortest = PatternAlgebra.shortestWitness(allOf: [PathPattern(a), PathPattern(b)], noneOf: [PathPattern(c)])
            let readable = PatternAlgebra.witness(allOf: [PathPattern(a), PathPattern(b)], noneOf: [PathPattern(c)])
            let context = "seed \(Self.seed): allOf ['\(a)', '\(b)'] noneOf ['\(c)']"
            if let shortest {
                #expect(bruteForceMatches(a, shortest) && bruteForceMatches(b, shortest) && !bruteForceMatches(c, shortest), "\(context): \(shortest)")
                if let best = satisfying.map(\.unicodeScalars.count).min() {
                    #expect(shortest.unicodeScalars.count <= best, "\(context): \(shortest) is not shortest")
                }
            } else {
                #expect(satisfying.isEmpty, "\(context): missed \(satisfying.first ?? "")")
            }
            #expect((readable == nil) == (shortest == nil), "\(context)")
            if let readable {
                #expect(bruteForceMatches(a, readable) && bruteForceMatches(b, readable) && !bruteForceMatches(c, readable), "\(context): \(readable)")
            }
        }
    }

    @Test func inclusionAndIntersectionAgreeWithEnumeration() {
        var random = SeededRandom(state: Self.seed &+ 2)
        for _ in 0..<300 {
            let a = randomPattern(&random)
            let b = randomPattern(&random)
            let inA = Self.paths.filter { bruteForceMatches(a, $0) }
            let both = inA.filter { bruteForceMatches(b, $0) }
            let context = "seed \(Self.seed): '\(a)' and '\(b)'"
            if PatternAlgebra.isSubset(PathPattern(a), of: PathPattern(b)) {
                #expect(both.count == inA.count, "\(context)")
            }
            if !both.isEmpty { #expect(PatternAlgebra.intersects(PathPattern(a), PathPattern(b)), "\(context)") }
            if !PatternAlgebra.intersects(PathPattern(a), PathPattern(b)) { #expect(both.isEmpty, "\(context)") }
        }
    }

    @Test func unionCoverageNeedsSeveralPatterns() {
        // `/x` and `/??*` together take every path `/*x` matches; neither does alone.
        let later = PathPattern("/*x")
        #expect(!PatternAlgebra.isCovered(later, by: [PathPattern("/x")]))
        #expect(!PatternAlgebra.isCovered(later, by: [PathPattern("/??*")]))
        #expect(PatternAlgebra.isCovered(later, by: [PathPattern("/x"), PathPattern("/??*")]))
    }

    @Test func leadingSlashIsOptional() {
        #expect(PathPattern("images/*").isEquivalent(to: PathPattern("/images/*")))
        #expect(PathPattern("*.jpg").isEquivalent(to: PathPattern("/*.jpg")))
        #expect(PathPattern("*").isCatchAll)
        #expect(PathPattern("/*").isCatchAll)
        #expect(PathPattern("/**").isCatchAll)
        #expect(!PathPattern("/a*").isCatchAll)
    }

    @Test func matchingIsCaseSensitiveAndWholePath() {
        let pattern = PathPattern("/Images/*.JPG")
        #expect(pattern.matches("/Images/a/b.JPG"))
        #expect(!pattern.matches("/images/a.JPG"))
        #expect(!pattern.matches("/Images/a.jpg"))
        #expect(!pattern.matches("/x/Images/a.JPG"))
        #expect(PathPattern("/a?c").matches("/abc"))
        #expect(!PathPattern("/a?c").matches("/ac"))
    }

    @Test func readableWitnessesFillWildcards() {
        #expect(PatternAlgebra.witness(allOf: [PathPattern("/account/*"), PathPattern("/acc*")], noneOf: []) == "/account/x")
        #expect(PatternAlgebra.witness(allOf: [PathPattern("/img/*"), PathPattern("*.jpg")], noneOf: []) == "/img/x.jpg")
        #expect(PatternAlgebra.shortestWitness(allOf: [PathPattern("/img/*"), PathPattern("*.jpg")], noneOf: []) == "/img/.jpg")
    }

    @Test func longPatternsStayFast() {
        let long = "/" + String(repeating: "a*", count: 120)
        let other = "/" + String(repeating: "*a", count: 120)
        #expect(PatternAlgebra.intersects(PathPattern(long), PathPattern(other)))
        #expect(PathPattern(long).matches("/" + String(repeating: "a", count: 500)))
    }
}
