import CFCTestSupport
import Testing

@testable import Planning

/// The first, plainly quadratic `minimized` and `fit`, kept as the reference the fast ones
/// must agree with: the same paths, the same widenings, in the same order.
enum ReferenceInvalidationPaths {
    static func minimized(_ paths: Set<String>) -> [String] {
        let sorted = paths.sorted()
        let wildcards = sorted.filter(InvalidationPaths.isWildcard)
        return sorted.filter { path in
            !wildcards.contains { other in other != path && InvalidationPaths.covers(other, InvalidationPaths.withoutWildcard(path)) }
        }
    }

    static func fit(_ paths: [String], maxWildcards: Int, maxPaths: Int) -> (paths: [String], widenings: [InvalidationPaths.Widening]) {
        var current = minimized(Set(paths))
        var widenings: [InvalidationPaths.Widening] = []
        func wildcardCount() -> Int { current.count(where: InvalidationPaths.isWildcard) }
        func overBudget() -> Bool { current.count > maxPaths || wildcardCount() > maxWildcards }
        while overBudget() && current.count > 1 {
            // In sorted order, the pairs that share the longest prefixes are neighbours.
            var best: (index: Int, prefix: String)? = nil
            let tooManyWildcards = wildcardCount() > maxWildcards
            for index in 0..<(current.count - 1) {
                let a = current[index]
                let b = current[index + 1]
                // With too many wildcards, merging two exact paths would not help.
                if tooManyWildcards && !InvalidationPaths.isWildcard(a) && !InvalidationPaths.isWildcard(b) { continue }
                let prefix = InvalidationPaths.commonPrefix(a, b)
                if best == nil || prefix.unicodeScalars.count > (best?.prefix.unicodeScalars.count ?? 0) { best = (index, prefix) }
            }
            guard let best else { break }
            let wildcard = (best.prefix.isEmpty ? "/" : best.prefix) + "*"
            let replaced = current.filter { InvalidationPaths.covers(wildcard, InvalidationPaths.withoutWildcard($0)) }
            widenings.append(InvalidationPaths.Widening(replaced: replaced, by: wildcard))
            current = minimized(Set(current.filter { !replaced.contains($0) } + [wildcard]))
        }
        if overBudget() {
            widenings.append(InvalidationPaths.Widening(replaced: current, by: "/*"))
            current = ["/*"]
        }
        return (current, widenings)
    }
}

@Suite struct InvalidationFitDifferentialTests {
    /// Random paths over a small alphabet, so that prefixes are shared, with wildcards and
    /// escapes among them.
    static func paths(_ random: inout SeededRandom, count: Int) -> [String] {
        let pieces = ["/", "a", "b", "c", "/a", "/b", "x", "%C3%BC", "%C3%AF", "%2A", "-", "1"]
        return (0..<count).map { _ in
            var path = "/"
            for _ in 0..<(1 + Int(random.next() % 6)) { path += pieces[Int(random.next() % UInt64(pieces.count))] }
            return random.next() % 4 == 0 ? path + "*" : path
        }
    }

    @Test(arguments: 0..<200)
    func theFastFitAgreesWithTheReference(_ seed: Int) {
        var random = SeededRandom(seed: SeededRandom.seed(of: "fit \(seed)"))
        let paths = Self.paths(&random, count: 1 + Int(random.next() % 60))
        let maxWildcards = Int(random.next() % 6)
        let maxPaths = 1 + Int(random.next() % 20)
        #expect(InvalidationPaths.minimized(Set(paths)) == ReferenceInvalidationPaths.minimized(Set(paths)))
        let fast = InvalidationPaths.fit(paths, maxWildcards: maxWildcards, maxPaths: maxPaths)
        let reference = ReferenceInvalidationPaths.fit(paths, maxWildcards: maxWildcards, maxPaths: maxPaths)
        #expect(fast.paths == reference.paths, "\(paths) \(maxWildcards) \(maxPaths)")
        #expect(fast.widenings == reference.widenings, "\(paths) \(maxWildcards) \(maxPaths)")
    }
}
