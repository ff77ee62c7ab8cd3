import DistributionIR
import PathPatterns

/// An order of a distribution's cache behaviors in which no behavior is shadowed by a broader
/// one, keeping today's routing wherever that is possible, and the requests that would be
/// routed differently if the order were taken.
public struct OrderSuggestion: Sendable {
    /// Positions (from 0, in today's list) in the suggested order.
    public var order: [Int]
    /// Requests whose behavior changes with the suggested order.
    public var changes: [RoutingChange]
    /// Whether the suggested order is today's order.
    public var isUnchanged: Bool { order == Array(order.indices) }

    /// A request that another behavior would serve.
    public struct RoutingChange: Sendable, Equatable {
        /// An example path.
        public var path: String
        /// The position of the behavior serving it today.
        public var from: Int
        /// The position of the behavior that would serve it.
        public var to: Int

        /// Creates a change.
        public init(path: String, from: Int, to: Int) {
            self.path = path
            self.from = from
            self.to = to
        }
    }

    /// Computes the suggestion for `distribution`.
    ///
    /// The order is a stable topological sort: a behavior moves above an earlier one only when
    /// its pattern is strictly narrower (every path it matches, the earlier one matches too), so
    /// specific patterns come before general ones; behaviors that merely overlap keep their
    /// relative order, since either order would re-route some requests. Then each behavior's
    /// newly served paths are compared with today's routing to find the requests that change.
    public static func suggest(for distribution: Distribution) -> OrderSuggestion {
        let routing = RoutingTable(distribution)
        let count = distribution.config.cacheBehaviors.count
        let patterns = routing.behaviors.prefix(count).map(\.pattern)
        // mustPrecede[b] lists the behaviors that must come before b.
        var mustPrecede = [[Int]](repeating: [], count: count)
        for later in 0..<count {
            for earlier in routing.earlierOverlaps[later] where earlier < count {
                // Undecided counts as "not a subset": the pair then keeps its order.
                let earlierInLater = PatternAlgebra.isSubset(patterns[earlier], of: patterns[later], budget: routing.budget) == true
                let laterInEarlier = PatternAlgebra.isSubset(patterns[later], of: patterns[earlier], budget: routing.budget) == true
                if laterInEarlier && !earlierInLater {
                    mustPrecede[earlier].append(later)
                } else if earlierInLater && !laterInEarlier {
                    mustPrecede[later].append(earlier)
                }
            }
        }
        // Depth-first: before placing a behavior, place (in today's order) the narrower ones that
        // must precede it. Behaviors no constraint touches keep their places.
        var placed = [Bool](repeating: false, count: count)
        var order: [Int] = []
        func place(_ behavior: Int) {
            guard !placed[behavior] else { return }
            placed[behavior] = true
            for earlier in mustPrecede[behavior].sorted() { place(earlier) }
            order.append(behavior)
        }
        for behavior in 0..<count { place(behavior) }

        // A behavior that several partly overlapping behaviors cover together (/*x after /x and
        // /??*) stays unreachable after the sort; moving it up to just after the behaviors that
        // must precede it makes it reachable, at the cost of re-routing part of the overlap,
        // which is reported below.
        for behavior in order {
            guard let current = order.firstIndex(of: behavior) else { continue }
            let earlier = order[..<current].map { patterns[$0] }
            guard !earlier.isEmpty, PatternAlgebra.isCovered(patterns[behavior], by: earlier, budget: routing.budget) == true else {
                continue
            }
            let requiredBefore = Set(mustPrecede[behavior])
            var target = 0
            for (position, other) in order[..<current].enumerated() where requiredBefore.contains(other) { target = position + 1 }
            guard target < current else { continue }
            order.remove(at: current)
            order.insert(behavior, at: target)
        }

        var changes: [RoutingChange] = []
        let newPosition = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        for behavior in order {
            guard let position = newPosition[behavior] else { continue }
            let newEarlier = order[..<position].map { patterns[$0] }
            for old in routing.earlierOverlaps[behavior] where old < count && (newPosition[old] ?? 0) > position {
                let oldEarlier = routing.earlierOverlaps[old].filter { $0 < count }.map { patterns[$0] }
                if let example = PatternAlgebra.witness(
                    allOf: [patterns[behavior], patterns[old]], noneOf: newEarlier + oldEarlier,
                    budget: routing.budget
                ).example {
                    changes.append(RoutingChange(path: example, from: old, to: behavior))
                }
            }
        }
        return OrderSuggestion(order: order, changes: changes)
    }
}
