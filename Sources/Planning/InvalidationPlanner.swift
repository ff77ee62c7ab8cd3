import CFCSupport
import DistributionIR
import PathPatterns
import Routing

/// The invalidation plan for one distribution: which paths to invalidate after an update, and
/// why each one.
public struct InvalidationPlan: Sendable, Equatable {
    /// A path with its reasons.
    public struct Entry: Sendable, Equatable {
        /// The invalidation path.
        public var path: String
        /// Why it is invalidated, one sentence each.
        public var reasons: [String]

        /// Creates an entry.
        public init(path: String, reasons: [String]) {
            self.path = path
            self.reasons = reasons
        }
    }

    /// The paths, sorted, after minimizing and fitting the budget.
    public var entries: [Entry]
    /// Widenings done to fit the budget, with what they replaced.
    public var widenings: [InvalidationPaths.Widening]

    /// Creates a plan.
    public init(entries: [Entry], widenings: [InvalidationPaths.Widening]) {
        self.entries = entries
        self.widenings = widenings
    }

    /// The paths alone.
    public var paths: [String] { entries.map(\.path) }
    /// Whether there is nothing to invalidate.
    public var isEmpty: Bool { entries.isEmpty }
}

/// Limits and prices that shape an invalidation plan.
public struct InvalidationBudget: Sendable {
    /// Wildcard paths CloudFront allows in progress per distribution.
    public var maxWildcardPaths = 15
    /// Paths per batch (and in progress per distribution).
    public var maxPaths = 3000
    /// Free paths left this month (the first 1,000 each month are free, per account).
    public var freePathsLeft = 1000
    /// USD per path beyond the free ones.
    public var pricePerPath = 0.005

    /// The default: CloudFront's limits, a full month's free paths.
    public init() {}

    /// What `count` paths cost, in USD, given the free paths left.
    public func cost(of count: Int) -> (billable: Int, usd: Double) {
        let billable = max(0, count - max(0, freePathsLeft))
        return (billable, Double(billable) * pricePerPath)
    }
}

/// A behavior's Lambda@Edge associations on origin events, in event order.
private func originFacingFunctions(_ behavior: CacheBehavior) -> [LambdaFunctionAssociation] {
    behavior.lambdaFunctionAssociations
        .filter { $0.eventType == .originRequest || $0.eventType == .originResponse }
        .sorted { $0.eventType.rawValue < $1.eventType.rawValue }
}

/// `origin-request arn:…:3, origin-response arn:…:7 with body`, or `none`.
private func describe(_ functions: [LambdaFunctionAssociation]) -> String {
    guard !functions.isEmpty else { return "none" }
    return functions.map { "\($0.eventType.rawValue) \($0.lambdaFunctionARN)" + ($0.includeBody ? " with body" : "") }
        .joined(separator: ", ")
}

/// Derives invalidation paths from what changed between two configs of a distribution.
///
/// Reasons, as documented by AWS and in the plan's output:
/// - an origin CloudFront fetched from over HTTP and now fetches from over HTTPS: CloudFront
///   returns cached objects whatever protocol they were fetched with, so every path routed to
///   the origin is invalidated;
/// - a behavior that targets another origin, whose origin group now has other members (or the
///   same members in another order, which changes the primary), or whose origin's domain name
///   or origin path changed: that behavior's paths (`/*` for the default behavior);
/// - routing changes (a behavior added, removed or moved): the paths that now reach another
///   behavior;
/// - object paths the pipeline says changed.
public enum InvalidationPlanner {
    /// Plans the invalidation from `old` to `new`.
    public static func plan(
        old: DistributionConfig, new: DistributionConfig, changedPaths: [String] = [],
        budget: InvalidationBudget = InvalidationBudget()
    ) -> InvalidationPlan {
        let oldRouting = RoutingTable(Distribution(name: "old", config: old))
        let newRouting = RoutingTable(Distribution(name: "new", config: new))
        var reasons: [String: [String]] = [:]
        func add(_ path: String, _ reason: String) {
            if !(reasons[path]?.contains(reason) ?? false) { reasons[path, default: []].append(reason) }
        }
        /// The paths the behaviors of the new config that reach `originID` serve.
        func pathsRouted(to originID: String) -> [String] {
            newRouting.behaviors.indices.compactMap { position in
                let behavior = newRouting.behaviors[position]
                guard newRouting.isReachable[position],
                    RoutingTable.origins(targetedBy: behavior.behavior.targetOriginId, in: new).contains(originID)
                else { return nil }
                return behavior.isDefault ? "/*" : InvalidationPaths.covering(behavior.pattern)
            }
        }

        // Origins now fetched over HTTPS, and origins whose address changed.
        for newOrigin in new.origins {
            guard let oldOrigin = old.origin(withID: newOrigin.id) else { continue }
            let before = fetchProtocol(oldOrigin, oldRouting, old)
            let after = fetchProtocol(newOrigin, newRouting, new)
            if before.usesHTTP && !after.usesHTTP {
                let reason =
                    "origin '\(newOrigin.id)' is now fetched over HTTPS (was \(before.description)); CloudFront keeps serving objects it fetched over HTTP"
                for path in pathsRouted(to: newOrigin.id) { add(path, reason) }
            }
            if oldOrigin.domainName != newOrigin.domainName {
                let reason = "origin '\(newOrigin.id)' moved from \(oldOrigin.domainName) to \(newOrigin.domainName)"
                for path in pathsRouted(to: newOrigin.id) { add(path, reason) }
            }
            if oldOrigin.originPath != newOrigin.originPath {
                let reason = "origin '\(newOrigin.id)' origin-path changed from '\(oldOrigin.originPath)' to '\(newOrigin.originPath)'"
                for path in pathsRouted(to: newOrigin.id) { add(path, reason) }
            }
        }

        // Behaviors (matched by pattern, the default behavior with the default behavior) that
        // now fetch from other origins: another target, or the same origin group with other
        // members. Members are compared in order, since the first one is the primary that
        // serves every request while it is healthy.
        let oldByKey = Dictionary(oldRouting.behaviors.map { (matchKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (position, behavior) in newRouting.behaviors.enumerated() where newRouting.isReachable[position] {
            guard let previous = oldByKey[matchKey(behavior)] else { continue }
            let name = behavior.isDefault ? "the default behavior" : "behavior '\(behavior.behavior.pathPattern)'"
            let path = behavior.isDefault ? "/*" : InvalidationPaths.covering(behavior.pattern)
            let target = behavior.behavior.targetOriginId
            let previousTarget = previous.behavior.targetOriginId
            // Lambda@Edge functions on origin events shape what is cached (viewer events run on
            // every request, before and after the cache), so objects cached under the old
            // functions would keep being served.
            let originFunctionsBefore = originFacingFunctions(previous.behavior)
            let originFunctionsAfter = originFacingFunctions(behavior.behavior)
            if originFunctionsBefore != originFunctionsAfter {
                add(
                    path,
                    "\(name) runs other origin-facing Lambda@Edge functions (\(describe(originFunctionsAfter)), was "
                        + "\(describe(originFunctionsBefore))); CloudFront keeps serving what the old ones produced")
            }
            if previousTarget != target {
                add(path, "\(name) now targets '\(target)' (was '\(previousTarget)')")
                continue
            }
            let before = RoutingTable.origins(targetedBy: previousTarget, in: old)
            let after = RoutingTable.origins(targetedBy: target, in: new)
            guard before != after else { continue }
            let isGroup = old.originGroups.contains { $0.id == target } && new.originGroups.contains { $0.id == target }
            add(
                path,
                isGroup
                    ? "origin group '\(target)' of \(name) now has members \(list(after)) (was \(list(before)))"
                    : "target '\(target)' of \(name) now stands for origins \(list(after)) (was \(list(before)))")
        }

        // Requests that reach another behavior than before.
        for change in routingChanges(oldRouting, newRouting) {
            add(change.path, change.reason)
        }

        for path in changedPaths where !path.isEmpty {
            add(InvalidationPaths.path(forChangedPath: path), "listed in --changed-paths")
        }

        let (fitted, widenings) = InvalidationPaths.fit(
            Array(reasons.keys), maxWildcards: budget.maxWildcardPaths, maxPaths: budget.maxPaths)
        let index = CoverageIndex(Array(reasons.keys))
        let entries = fitted.map { path in
            // A kept path carries the reasons of every path it covers.
            var merged: [String] = []
            var seen = Set<String>()
            for key in index.keys(coveredBy: path).sorted() {
                for reason in reasons[key] ?? [] where seen.insert(reason).inserted { merged.append(reason) }
            }
            return InvalidationPlan.Entry(path: path, reasons: merged)
        }
        return InvalidationPlan(entries: entries, widenings: widenings)
    }

    /// What pairs a behavior of the new config with one of the old: its pattern, except that
    /// the default behavior pairs only with the default behavior (a cache behavior `*` has the
    /// same pattern, but is another behavior).
    static func matchKey(_ behavior: RoutedBehavior) -> String {
        behavior.isDefault ? "default" : "pattern " + behavior.pattern.normalized
    }

    /// Origin ids as a reason shows them: `[a, b]`.
    static func list(_ ids: [String]) -> String {
        "[" + ids.joined(separator: ", ") + "]"
    }

    /// How CloudFront reaches an origin.
    struct FetchProtocol {
        var usesHTTP: Bool
        var description: String
    }

    /// Whether CloudFront fetches from `origin` over HTTP: an http-only origin, or a
    /// match-viewer (or S3 REST) origin behind a reachable behavior that serves HTTP viewers.
    static func fetchProtocol(_ origin: Origin, _ routing: RoutingTable, _ config: DistributionConfig) -> FetchProtocol {
        let servesHTTP = routing.behaviors.indices.contains { position in
            let behavior = routing.behaviors[position]
            return routing.isReachable[position] && behavior.behavior.viewerProtocolPolicy == .allowAll
                && RoutingTable.origins(targetedBy: behavior.behavior.targetOriginId, in: config).contains(origin.id)
        }
        if let custom = origin.customOriginConfig {
            switch custom.originProtocolPolicy {
            case .httpOnly: return FetchProtocol(usesHTTP: true, description: "http-only")
            case .httpsOnly: return FetchProtocol(usesHTTP: false, description: "https-only")
            case .matchViewer: return FetchProtocol(usesHTTP: servesHTTP, description: "match-viewer with viewers on HTTP")
            }
        }
        if origin.s3OriginConfig != nil {
            return FetchProtocol(usesHTTP: servesHTTP, description: "fetched with the viewer's protocol, HTTP included")
        }
        return FetchProtocol(usesHTTP: false, description: "a VPC origin")
    }

    struct RoutingChangePath {
        var path: String
        var reason: String
    }

    /// Paths that reach a different behavior (by pattern) in `new` than in `old`, as covering
    /// invalidation paths with a reason naming an example request.
    static func routingChanges(_ old: RoutingTable, _ new: RoutingTable) -> [RoutingChangePath] {
        var result: [RoutingChangePath] = []
        func earlier(_ routing: RoutingTable, _ positions: [Int], before position: Int) -> [PathPattern] {
            positions.prefix { $0 < position }.map { routing.behaviors[$0].pattern }
        }
        func name(_ behavior: RoutedBehavior) -> String {
            behavior.isDefault ? "the default behavior" : "'\(behavior.behavior.pathPattern)'"
        }
        // The same patterns in the same order send every request where it went: nothing moved.
        // (The common plan, and the one that compared every pair of 4,000 behaviors for 45 s.)
        if old.behaviors.map(\.pattern.normalized) == new.behaviors.map(\.pattern.normalized) { return [] }
        let oldIndex = PrefixIndex(old.behaviors.map(\.pattern.literalPrefix))
        let newIndex = PrefixIndex(new.behaviors.map(\.pattern.literalPrefix))
        for (newPosition, newBehavior) in new.behaviors.enumerated() {
            // Only behaviors whose literal prefixes are compatible (one begins the other) can
            // share a request; the index finds them without asking every pair.
            for oldPosition in oldIndex.compatible(with: newBehavior.pattern.literalPrefix) {
                let oldBehavior = old.behaviors[oldPosition]
                if newBehavior.isDefault && oldBehavior.isDefault { continue }
                if !newBehavior.isDefault && !oldBehavior.isDefault
                    && newBehavior.pattern.normalized == oldBehavior.pattern.normalized
                {
                    continue
                }
                guard PatternAlgebra.prefixesCompatible(newBehavior.pattern, oldBehavior.pattern),
                    PatternAlgebra.suffixesCompatible(newBehavior.pattern, oldBehavior.pattern)
                else { continue }
                // A request both patterns match begins with the longer of their literal prefixes;
                // an earlier behavior can take it only if its own prefix is compatible with that
                // one, so only those are asked about (all of them made every pair cost the list).
                let longer =
                    newBehavior.pattern.literalPrefix.count >= oldBehavior.pattern.literalPrefix.count
                    ? newBehavior.pattern.literalPrefix : oldBehavior.pattern.literalPrefix
                let excluded =
                    earlier(new, newIndex.compatible(with: longer), before: newPosition)
                    + earlier(old, oldIndex.compatible(with: longer), before: oldPosition)
                let reason: String
                switch PatternAlgebra.witness(allOf: [newBehavior.pattern, oldBehavior.pattern], noneOf: excluded, budget: new.budget) {
                case .none:
                    continue
                case .found(let example):
                    reason = "requests such as \(example) moved from \(name(oldBehavior)) to \(name(newBehavior))"
                case .gaveUp:
                    // Not proven either way: invalidating is the safe side.
                    reason =
                        "requests may have moved from \(name(oldBehavior)) to \(name(newBehavior)) "
                        + "(the pattern search gave up before proving they did not)"
                }
                let path =
                    newBehavior.isDefault
                    ? InvalidationPaths.covering(oldBehavior.pattern)
                    : oldBehavior.isDefault
                        ? InvalidationPaths.covering(newBehavior.pattern)
                        : InvalidationPaths.covering(newBehavior.pattern, oldBehavior.pattern)
                result.append(RoutingChangePath(path: path, reason: reason))
            }
        }
        return result
    }
}

/// Values sorted by a UTF-8 key, so that every value whose key begins with given bytes is one
/// binary search and one run (UTF-8 keeps scalar prefixes as byte prefixes).
struct SortedByKey<Value> {
    private let entries: [(key: [UInt8], value: Value)]

    /// `entries` sorted by key; entries with the same key keep their order.
    init(_ entries: [(key: [UInt8], value: Value)]) {
        self.entries = entries.enumerated().sorted { left, right in
            left.element.key.lexicographicallyPrecedes(right.element.key)
                || (left.element.key == right.element.key && left.offset < right.offset)
        }.map(\.element)
    }

    /// The entries whose key begins with `prefix`, shortest keys first.
    func run(startingWith prefix: [UInt8]) -> ArraySlice<(key: [UInt8], value: Value)> {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < entries.count, entries[end].key.starts(with: prefix) { end += 1 }
        return entries[low..<end]
    }
}

/// Literal prefixes, indexed to find the ones compatible with a given prefix (equal to it, a
/// prefix of it, or beginning with it) without comparing it with every one.
struct PrefixIndex {
    private let sorted: SortedByKey<Int>
    /// The positions of each prefix.
    private let positions: [[UInt8]: [Int]]

    init(_ prefixes: [[Unicode.Scalar]]) {
        let keyed = prefixes.enumerated().map { (key: Array(String(String.UnicodeScalarView($0.element)).utf8), value: $0.offset) }
        sorted = SortedByKey(keyed)
        positions = Dictionary(grouping: keyed, by: \.key).mapValues { $0.map(\.value) }
    }

    /// The positions of the prefixes compatible with `prefix`, ascending.
    func compatible(with prefix: [Unicode.Scalar]) -> [Int] {
        let bytes = Array(String(String.UnicodeScalarView(prefix)).utf8)
        var result: [Int] = []
        // Proper prefixes of it, at every scalar boundary.
        var boundary = 0
        for scalar in prefix {
            if let found = positions[Array(bytes[..<boundary])] { result += found }
            boundary += String(scalar).utf8.count
        }
        // Itself and everything that begins with it.
        result += sorted.run(startingWith: bytes).map(\.value)
        return result.sorted()
    }
}

/// The paths an invalidation path covers, found by binary search instead of by comparing it
/// with every path: `--changed-paths` of 4,000 lines made the merge of reasons quadratic.
///
/// A path covers another when it is equal to it or, ending in `*`, is a prefix of it; a covered
/// path that is itself a wildcard counts by what comes before its `*`. Sorted by that, the
/// paths a prefix covers are one run.
struct CoverageIndex {
    private let sorted: SortedByKey<String>

    init(_ paths: [String]) {
        sorted = SortedByKey(paths.map { (key: Array(InvalidationPaths.withoutWildcard($0).utf8), value: $0) })
    }

    /// The paths `path` covers.
    func keys(coveredBy path: String) -> [String] {
        let prefix = Array(InvalidationPaths.withoutWildcard(path).utf8)
        let run = sorted.run(startingWith: prefix)
        // An exact path covers only paths equal to it (which come first: shortest keys first).
        return InvalidationPaths.isWildcard(path) ? run.map(\.value) : run.prefix { $0.key.count == prefix.count }.map(\.value)
    }
}
