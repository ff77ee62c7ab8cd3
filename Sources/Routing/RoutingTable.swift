import DistributionIR
import PathPatterns

/// A behavior in evaluation order, with its compiled pattern.
public struct RoutedBehavior: Sendable {
    /// The position in `cache-behaviors` (from 0), or nil for the default behavior.
    public var index: Int?
    /// The behavior.
    public var behavior: CacheBehavior
    /// Its pattern (`*` for the default behavior).
    public var pattern: PathPattern
    /// Where it is in the config.
    public var path: ConfigPath

    /// Whether this is the default behavior.
    public var isDefault: Bool { index == nil }

    /// "behavior 1 '/acc*'" (positions from 1, as people count) or "the default behavior".
    public var displayName: String {
        guard let index else { return "the default behavior" }
        return "behavior \(index + 1) '\(behavior.pathPattern)'"
    }
}

/// The behaviors of a distribution in the order CloudFront evaluates them, with which earlier
/// behaviors can take a behavior's requests. Built once per distribution and shared by every
/// rule (and by the route simulator and the invalidation planner), so they agree.
///
/// Overlaps are found without comparing every pair: two patterns can only match a common path
/// if their literal prefixes agree (one is a prefix of the other), and likewise their literal
/// suffixes. Candidates come from a trie of prefixes (or of reversed suffixes, whichever gives
/// fewer), and only those are checked exactly on the automata.
public struct RoutingTable: Sendable {
    /// Cache behaviors in order, then the default behavior.
    public let behaviors: [RoutedBehavior]
    /// For each behavior, the earlier behaviors whose patterns match some path it matches, in
    /// order.
    public let earlierOverlaps: [[Int]]
    /// For each behavior, whether it serves any request at all.
    public let isReachable: [Bool]

    /// Builds the table for `distribution`.
    public init(_ distribution: Distribution) {
        var behaviors: [RoutedBehavior] = []
        let base = distribution.path
        for (index, behavior) in distribution.config.cacheBehaviors.enumerated() {
            behaviors.append(RoutedBehavior(
                index: index, behavior: behavior, pattern: PathPattern(behavior.pathPattern),
                path: base.appending("cache-behaviors").appending(index: index)))
        }
        behaviors.append(RoutedBehavior(
            index: nil, behavior: distribution.config.defaultCacheBehavior, pattern: PathPattern("*"),
            path: base.appending("default-cache-behavior")))
        self.behaviors = behaviors
        let overlaps = Self.findOverlaps(behaviors.map(\.pattern))
        self.earlierOverlaps = overlaps
        self.isReachable = behaviors.indices.map { position in
            overlaps[position].isEmpty
                || !PatternAlgebra.isCovered(behaviors[position].pattern, by: overlaps[position].map { behaviors[$0].pattern })
        }
    }

    /// The origin ids a behavior's target stands for: the origin itself, or an origin group's
    /// members.
    public static func origins(targetedBy target: String, in config: DistributionConfig) -> [String] {
        if let group = config.originGroups.first(where: { $0.id == target }) { return group.members }
        return [target]
    }

    /// The behavior that serves `path`: the first whose pattern matches.
    public func route(_ path: String) -> Int {
        behaviors.firstIndex { $0.pattern.matches(path) } ?? behaviors.count - 1
    }

    /// A readable path that behavior `position` serves and that `within` (if given) matches,
    /// or nil when it serves none.
    public func servedExample(_ position: Int, within: PathPattern? = nil) -> String? {
        let earlier = earlierOverlaps[position].map { behaviors[$0].pattern }
        return PatternAlgebra.witness(allOf: [behaviors[position].pattern] + (within.map { [$0] } ?? []), noneOf: earlier)
    }

    /// The behavior whose part of the config `path` is in, if any.
    public func behavior(containing path: ConfigPath) -> RoutedBehavior? {
        behaviors.first { path.components.starts(with: $0.path.components) }
    }

    static func findOverlaps(_ patterns: [PathPattern]) -> [[Int]] {
        // Small distributions: comparing every pair's prefixes and suffixes is cheaper than
        // building the tries.
        if patterns.count <= 64 {
            return patterns.indices.map { index in
                (0..<index).filter { candidate in
                    PatternAlgebra.prefixesCompatible(patterns[candidate], patterns[index])
                        && PatternAlgebra.suffixesCompatible(patterns[candidate], patterns[index])
                        && PatternAlgebra.intersects(patterns[candidate], patterns[index])
                }
            }
        }
        var prefixes = PatternTrie()
        var suffixes = PatternTrie()
        var result: [[Int]] = []
        result.reserveCapacity(patterns.count)
        for (index, pattern) in patterns.enumerated() {
            let prefix = pattern.literalPrefix
            let suffix = Array(pattern.literalSuffix.reversed())
            let byPrefix = prefixes.candidates(for: prefix)
            let bySuffix = suffixes.candidates(for: suffix)
            let fewer = byPrefix.count <= bySuffix.count ? byPrefix : bySuffix
            let overlapping = fewer.sorted().filter { candidate in
                PatternAlgebra.prefixesCompatible(patterns[candidate], pattern)
                    && PatternAlgebra.suffixesCompatible(patterns[candidate], pattern)
                    && PatternAlgebra.intersects(patterns[candidate], pattern)
            }
            result.append(overlapping)
            prefixes.insert(prefix, index)
            suffixes.insert(suffix, index)
        }
        return result
    }
}

/// A trie of literal prefixes (or reversed suffixes) that finds, for a key, every stored key
/// that is a prefix of it or has it as a prefix.
struct PatternTrie: Sendable {
    private struct Node: Sendable {
        var children: [Unicode.Scalar: Int] = [:]
        var values: [Int] = []
        var subtreeValues: [Int] = []
    }
    private var nodes: [Node] = [Node()]

    mutating func insert(_ key: [Unicode.Scalar], _ value: Int) {
        var current = 0
        nodes[current].subtreeValues.append(value)
        for scalar in key {
            if let next = nodes[current].children[scalar] {
                current = next
            } else {
                nodes.append(Node())
                nodes[current].children[scalar] = nodes.count - 1
                current = nodes.count - 1
            }
            nodes[current].subtreeValues.append(value)
        }
        nodes[current].values.append(value)
    }

    /// Values whose key is a prefix of `key`, and values whose key has `key` as a prefix.
    func candidates(for key: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var current = 0
        for scalar in key {
            result += nodes[current].values
            guard let next = nodes[current].children[scalar] else { return result }
            current = next
        }
        return result + nodes[current].subtreeValues
    }
}
