import DistributionIR
import Planning

/// Invalidations an apply owes: recorded in the state file before the update they follow, so
/// that a run stopped between the update and the invalidation (killed, timed out, `--no-wait`)
/// does not lose them. The next run's config equals the live one, so its own diff would plan
/// no invalidation at all; these carry the owed one into its plan instead.
enum PendingInvalidations {
    /// The reason shown for a path carried from an earlier run.
    static let reason = "owed by an earlier cfc apply that stopped before it could invalidate (in the state file)"

    /// `entry` with `pending` merged into its invalidation: the union of both path sets, fitted
    /// to the budget. When nothing new is added, the pending caller reference is kept, so that
    /// asking again for an invalidation CloudFront already made (the earlier run was stopped
    /// after the request, before it could say so) makes no second one.
    static func carry(
        _ pending: StateFile.PendingInvalidation?, into entry: Plan.Entry, configJSON: [UInt8], budget: InvalidationBudget
    ) -> Plan.Entry {
        guard let pending else { return entry }
        var entry = entry
        var reasons: [String: [String]] = [:]
        for item in entry.invalidation.entries { reasons[item.path] = item.reasons }
        for path in pending.paths { reasons[path, default: []].append(reason) }
        let fitted = InvalidationPaths.fit(Array(reasons.keys), maxWildcards: budget.maxWildcardPaths, maxPaths: budget.maxPaths)
        let entries = fitted.paths.map { path in
            // A path stands for the ones it covers (itself included), and so for their reasons.
            let covered = reasons.keys.sorted().filter { InvalidationPaths.covers(path, $0) }
            var merged: [String] = []
            for reason in covered.flatMap({ reasons[$0] ?? [] }) where !merged.contains(reason) { merged.append(reason) }
            return InvalidationPlan.Entry(path: path, reasons: merged)
        }
        let widenings = entry.invalidation.widenings + fitted.widenings
        entry.invalidation = InvalidationPlan(entries: entries, widenings: widenings)
        entry.invalidationCallerReference =
            Set(fitted.paths) == Set(pending.paths)
            ? pending.callerReference
            : Plan.invalidationCallerReference(name: entry.distribution.name, paths: fitted.paths, configJSON: configJSON)
        return entry
    }
}
