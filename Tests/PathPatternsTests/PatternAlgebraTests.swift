import CFCTestSupport
import Testing

@testable import PathPatterns

func randomPattern(_ random: inout SeededRandom) -> String {
    let pieces = ["a", "b", "/", "*", "?", "a", "/", "*"]
    let length = Int.random(in: 0...5, using: &random)
    var text = Bool.random(using: &random) ? "/" : ""
    for _ in 0..<length { text += pieces.randomElement(using: &random) ?? "a" }
    return text
}

@Suite struct PatternAlgebraTests {
    static let paths = ReferenceMatcher.paths(alphabet: ["a", "b", "/", "x"], upTo: 5)
    static let seed: UInt64 = 20_261_127

    @Test func matcherAgreesWithBruteForce() {
        var random = SeededRandom(seed: Self.seed)
        for _ in 0..<300 {
            let pattern = randomPattern(&random)
            let compiled = PathPattern(pattern)
            for path in Self.paths.prefix(400) {
                #expect(compiled.matches(path) == ReferenceMatcher.matches(pattern, path), "seed \(Self.seed): '\(pattern)' on '\(path)'")
            }
        }
    }

    @Test func witnessesAreRealAndShortest() {
        var random = SeededRandom(seed: Self.seed &+ 1)
        for _ in 0..<300 {
            let a = randomPattern(&random)
            let b = randomPattern(&random)
            let c = randomPattern(&random)
            let satisfying = Self.paths.filter {
                ReferenceMatcher.matches(a, $0) && ReferenceMatcher.matches(b, $0) && !ReferenceMatcher.matches(c, $0)
            }
            let shortest = PatternAlgebra.shortestWitness(allOf: [PathPattern(a), PathPattern(b)], noneOf: [PathPattern(c)])
            let readable = PatternAlgebra.witness(allOf: [PathPattern(a), PathPattern(b)], noneOf: [PathPattern(c)])
            let context = "seed \(Self.seed): allOf ['\(a)', '\(b)'] noneOf ['\(c)']"
            #expect(shortest != .gaveUp && readable != .gaveUp, "\(context)")
            if let shortest = shortest.example {
                #expect(
                    ReferenceMatcher.matches(a, shortest) && ReferenceMatcher.matches(b, shortest)
                        && !ReferenceMatcher.matches(c, shortest), "\(context): \(shortest)")
                if let best = satisfying.map(\.unicodeScalars.count).min() {
                    #expect(shortest.unicodeScalars.count <= best, "\(context): \(shortest) is not shortest")
                }
            } else {
                #expect(satisfying.isEmpty, "\(context): missed \(satisfying.first ?? "")")
            }
            #expect((readable == .none) == (shortest == .none), "\(context)")
            if let readable = readable.example {
                #expect(
                    ReferenceMatcher.matches(a, readable) && ReferenceMatcher.matches(b, readable)
                        && !ReferenceMatcher.matches(c, readable), "\(context): \(readable)")
            }
        }
    }

    /// Inclusion and intersection, both answers checked: "yes" against every enumerated path,
    /// "no" by a counterexample the algebra gives and brute force confirms.
    @Test func inclusionAndIntersectionAgreeWithEnumeration() throws {
        var random = SeededRandom(seed: Self.seed &+ 2)
        var subsets = 0
        var nonSubsets = 0
        for _ in 0..<300 {
            let a = randomPattern(&random)
            let b = randomPattern(&random)
            let inA = Self.paths.filter { ReferenceMatcher.matches(a, $0) }
            let both = inA.filter { ReferenceMatcher.matches(b, $0) }
            let context = "seed \(Self.seed): '\(a)' and '\(b)'"
            let subset = try #require(PatternAlgebra.isSubset(PathPattern(a), of: PathPattern(b)) as Bool?, "\(context)")
            if subset {
                subsets += 1
                #expect(both.count == inA.count, "\(context)")
            } else {
                nonSubsets += 1
                let counterexample = try #require(
                    PatternAlgebra.witness(allOf: [PathPattern(a)], noneOf: [PathPattern(b)]).example,
                    "\(context)")
                #expect(
                    ReferenceMatcher.matches(a, counterexample) && !ReferenceMatcher.matches(b, counterexample),
                    "\(context): \(counterexample)")
            }
            let intersects = try #require(PatternAlgebra.intersects(PathPattern(a), PathPattern(b)) as Bool?, "\(context)")
            if intersects {
                let common = try #require(
                    PatternAlgebra.witness(allOf: [PathPattern(a), PathPattern(b)], noneOf: []).example, "\(context)")
                #expect(ReferenceMatcher.matches(a, common) && ReferenceMatcher.matches(b, common), "\(context): \(common)")
            } else {
                #expect(both.isEmpty, "\(context)")
            }
        }
        // The generator must produce both answers, or the test proves half of nothing.
        #expect(subsets > 10 && nonSubsets > 10, "\(subsets) subsets, \(nonSubsets) not")
    }

    /// Coverage by a union, the question the unreachable rule asks: "covered" is checked against
    /// every enumerated path, "not covered" by a confirmed counterexample.
    @Test func unionCoverageAgreesWithEnumeration() throws {
        var random = SeededRandom(seed: Self.seed &+ 3)
        var covered = 0
        var uncovered = 0
        for _ in 0..<300 {
            let target = randomPattern(&random)
            let union = (0..<Int(random.next() % 3 + 2)).map { _ in randomPattern(&random) }
            let context = "seed \(Self.seed): '\(target)' by \(union)"
            let answer = try #require(PatternAlgebra.isCovered(PathPattern(target), by: union.map(PathPattern.init)) as Bool?, "\(context)")
            if answer {
                covered += 1
                for path in Self.paths where ReferenceMatcher.matches(target, path) {
                    #expect(union.contains { ReferenceMatcher.matches($0, path) }, "\(context): \(path) is not covered")
                }
            } else {
                uncovered += 1
                let path = try #require(
                    PatternAlgebra.witness(allOf: [PathPattern(target)], noneOf: union.map(PathPattern.init)).example,
                    "\(context)")
                #expect(
                    ReferenceMatcher.matches(target, path) && !union.contains { ReferenceMatcher.matches($0, path) }, "\(context): \(path)")
            }
        }
        #expect(covered > 10 && uncovered > 10, "\(covered) covered, \(uncovered) not")
    }

    @Test func unionCoverageNeedsSeveralPatterns() {
        // `/x` and `/??*` together take every path `/*x` matches; neither does alone.
        let later = PathPattern("/*x")
        #expect(PatternAlgebra.isCovered(later, by: [PathPattern("/x")]) == false)
        #expect(PatternAlgebra.isCovered(later, by: [PathPattern("/??*")]) == false)
        #expect(PatternAlgebra.isCovered(later, by: [PathPattern("/x"), PathPattern("/??*")]) == true)
    }

    /// A search past its budget answers "gave up", never a guess, and a spent budget makes
    /// every later question give up at once; the same budget always gives the same answers.
    @Test func searchesGiveUpAtTheirBudget() {
        let later = PathPattern("/*x")
        let union = [PathPattern("/x"), PathPattern("/??*")]
        let tiny = SearchBudget(steps: 1)
        #expect(PatternAlgebra.isCovered(later, by: union, budget: tiny) == nil)
        #expect(tiny.isExhausted)
        #expect(PatternAlgebra.witness(allOf: [PathPattern("/a*")], noneOf: [], budget: tiny) == .gaveUp)
        #expect(
            PatternAlgebra.intersects(PathPattern("/a*b"), PathPattern("/*c"), budget: tiny) == false,
            "answers that need no search stay exact")
        let enough = SearchBudget(steps: 10_000)
        #expect(PatternAlgebra.isCovered(later, by: union, budget: enough) == true)
        #expect(enough.spent > 0 && !enough.isExhausted)
        let again = SearchBudget(steps: 10_000)
        _ = PatternAlgebra.isCovered(later, by: union, budget: again)
        #expect(again.spent == enough.spent)
    }

    /// Many overlapping wildcard patterns make the product search exponential; the budget
    /// bounds it: a hundred such patterns give up within a fixed number of steps.
    @Test func overlappingWildcardsStayBounded() {
        let patterns = (0..<120).map { PathPattern("*a*?*b\($0)*c*") }
        let budget = SearchBudget(steps: 2_000_000)
        _ = PatternAlgebra.isCovered(PathPattern("*a*b1*c*"), by: Array(patterns.dropFirst(2)), budget: budget)
        // The last state expanded may overshoot by one state's steps: automata × alphabet.
        #expect(budget.spent <= budget.limit + patterns.count * 64)
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
        #expect(PatternAlgebra.witness(allOf: [PathPattern("/account/*"), PathPattern("/acc*")], noneOf: []) == .found("/account/x"))
        #expect(PatternAlgebra.witness(allOf: [PathPattern("/img/*"), PathPattern("*.jpg")], noneOf: []) == .found("/img/x.jpg"))
        #expect(PatternAlgebra.shortestWitness(allOf: [PathPattern("/img/*"), PathPattern("*.jpg")], noneOf: []) == .found("/img/.jpg"))
    }

    @Test func longPatternsStayFast() {
        let long = "/" + String(repeating: "a*", count: 120)
        let other = "/" + String(repeating: "*a", count: 120)
        #expect(PatternAlgebra.intersects(PathPattern(long), PathPattern(other)) == true)
        #expect(PathPattern(long).matches("/" + String(repeating: "a", count: 500)))
    }
}
