import DistributionIR
import DistributionLanguage
import PathPatterns
import YAMLSyntax

/// One difference between two configs, at a member path in cfc's own keys, such as
/// `cache-behaviors[/api/*].viewer-protocol-policy`.
public struct ConfigChange: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// The value changed.
        case modified(old: String, new: String)
        /// The member or item was added, with its value.
        case added(String)
        /// The member or item was removed; its old value.
        case removed(String)
        /// A cache behavior moved in the evaluation order (positions from 1).
        case moved(from: Int, to: Int)
    }

    /// Where, in cfc's keys; cache behaviors are named by path pattern, origins by id.
    public var path: String
    /// What happened there.
    public var kind: Kind

    /// Creates a change.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// Whether this is a change of a sensitive value, whose old and new values are both shown
    /// as `ExportStyle.sensitiveMarker`.
    public var isSensitiveChange: Bool {
        kind == .modified(old: ExportStyle.sensitiveMarker, new: ExportStyle.sensitiveMarker)
    }

    /// One line for people: `path: old → new`, or `path: (sensitive value changed)`.
    public var text: String {
        if isSensitiveChange { return "\(path): (sensitive value changed)" }
        return switch kind {
        case .modified(let old, let new): "\(path): \(old) → \(new)"
        case .added(let value): "\(path): added \(value)"
        case .removed(let value): "\(path): removed (was \(value))"
        case .moved(let from, let to): "\(path): moved from position \(from) to \(to)"
        }
    }
}

/// Compares two distributions the way a reviewer reads them: member by member, in cfc's keys,
/// with cache behaviors matched by path pattern (so a reorder is a move, not a rewrite of every
/// behavior) and origins by id. Both sides are normalized first, so values CloudFront fills in
/// are not reported.
public enum SemanticDiff {
    /// The changes from `old` to `new` as `compare(old:new:)` of their configs finds them, and
    /// a changed caller reference first: it is not deployed (an update keeps the live one), but
    /// it identifies the distribution, so two configs with different ones describe different
    /// distributions. One derived from the name (no `caller-reference` written) identifies
    /// nothing and is not compared.
    public static func compare(old: Distribution, new: Distribution) -> [ConfigChange] {
        var changes: [ConfigChange] = []
        if old.config.callerReference != new.config.callerReference,
            !old.policy.callerReferenceIsDerived, !new.policy.callerReferenceIsDerived
        {
            changes.append(
                ConfigChange(path: "caller-reference", kind: .modified(old: old.config.callerReference, new: new.config.callerReference)))
        }
        return changes + compare(old: old.config, new: new.config)
    }

    /// The changes from `old` to `new`, in the order of the language reference.
    public static func compare(old: DistributionConfig, new: DistributionConfig) -> [ConfigChange] {
        var changes: [ConfigChange] = []
        diff(side(of: old), side(of: new), path: "", into: &changes)
        return changes
    }

    static func side(of config: DistributionConfig) -> Side {
        Side(
            export(config, style: .complete.deployed), export(config, style: .complete.deployed.redacted),
            export(config, style: .idiomatic.deployed.redacted))
    }

    /// One side of a comparison: every member (compared), the same with sensitive values
    /// redacted (what a changed value shows), and the members a person would write, redacted
    /// (shown when a whole value is added or removed, so defaults do not drown it). A secret is
    /// compared, never shown.
    struct Side {
        var complete: YAMLValue?
        var redacted: YAMLValue?
        var shown: YAMLValue?

        init(_ complete: YAMLValue?, _ redacted: YAMLValue?, _ shown: YAMLValue?) {
            self.complete = complete
            self.redacted = redacted
            self.shown = shown
        }

        static let none = Side(nil, nil, nil)

        func child(_ key: String) -> Side {
            Side(Self.lookup(complete, key), Self.lookup(redacted, key), Self.lookup(shown, key))
        }

        static func lookup(_ value: YAMLValue?, _ key: String) -> YAMLValue? {
            guard case .mapping(let pairs)? = value else { return nil }
            return pairs.first { $0.key == key }?.value
        }

        var text: String { (shown ?? redacted)?.flowText ?? "" }
    }

    static func export(_ config: DistributionConfig, style: ExportStyle) -> YAMLValue {
        // The style leaves out what the catalog marks as not deployed: cfc's own policy keys, and
        // the caller reference, which an update cannot change (the plan keeps the live one).
        StructureCodec<Distribution>().export(Distribution(name: "", config: APINormalization.normalize(config)), style: style)
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    static func diff(_ old: Side, _ new: Side, path: String, into changes: inout [ConfigChange]) {
        switch (old.complete, new.complete) {
        case (nil, nil):
            return
        case (nil, _?):
            changes.append(ConfigChange(path: path, kind: .added(new.text)))
        case (_?, nil):
            changes.append(ConfigChange(path: path, kind: .removed(old.text)))
        case (.mapping(let oldPairs), .mapping(let newPairs)):
            let newKeys = Set(newPairs.map(\.key))
            for pair in newPairs {
                if pair.key == "cache-behaviors" && path.isEmpty {
                    diffBehaviors(old.child(pair.key), new.child(pair.key), into: &changes)
                } else {
                    diff(old.child(pair.key), new.child(pair.key), path: join(path, pair.key), into: &changes)
                }
            }
            for pair in oldPairs where !newKeys.contains(pair.key) {
                diff(old.child(pair.key), .none, path: join(path, pair.key), into: &changes)
            }
        case (let oldValue?, let newValue?):
            if oldValue != newValue {
                let shownOld = old.redacted?.flowText ?? ""
                let shownNew = new.redacted?.flowText ?? ""
                changes.append(ConfigChange(path: path, kind: .modified(old: shownOld, new: shownNew)))
            }
        }
    }

    /// Cache behaviors are matched by (normalized) path pattern; behaviors that keep their
    /// relative order are not reported as moved, only those outside the longest run in common.
    static func diffBehaviors(_ old: Side, _ new: Side, into changes: inout [ConfigChange]) {
        func items(_ side: Side) -> [(key: String, pattern: String, side: Side)] {
            guard case .sequence(let elements)? = side.complete else { return [] }
            var shownElements: [YAMLValue] = []
            if case .sequence(let shown)? = side.shown { shownElements = shown }
            var redactedElements: [YAMLValue] = []
            if case .sequence(let redacted)? = side.redacted { redactedElements = redacted }
            return elements.enumerated().map { index, element in
                var pattern = ""
                if case .mapping(let pairs) = element, case .string(let text)? = pairs.first(where: { $0.key == "path-pattern" })?.value {
                    pattern = text
                }
                return (
                    PathPattern(pattern).normalized, pattern,
                    Side(
                        element, index < redactedElements.count ? redactedElements[index] : nil,
                        index < shownElements.count ? shownElements[index] : nil)
                )
            }
        }
        let oldItems = items(old)
        let newItems = items(new)
        let oldIndex = Dictionary(oldItems.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(newItems.map(\.key))
        // The behaviors in both lists, in new order, and the longest subsequence whose old
        // positions increase: those kept their relative order.
        let common = newItems.enumerated().compactMap { entry in oldIndex[entry.element.key].map { (new: entry.offset, old: $0) } }
        let stable = Set(longestIncreasingRun(common.map(\.old)))
        for (position, item) in newItems.enumerated() {
            let name = "cache-behaviors[\(item.pattern)]"
            guard let oldPosition = oldIndex[item.key] else {
                changes.append(ConfigChange(path: name, kind: .added("at position \(position + 1): " + item.side.text)))
                continue
            }
            if !stable.contains(oldPosition) {
                changes.append(ConfigChange(path: name, kind: .moved(from: oldPosition + 1, to: position + 1)))
            }
            diff(oldItems[oldPosition].side, item.side, path: name, into: &changes)
        }
        for (position, item) in oldItems.enumerated() where !newKeys.contains(item.key) {
            changes.append(
                ConfigChange(path: "cache-behaviors[\(item.pattern)]", kind: .removed("position \(position + 1): " + item.side.text)))
        }
    }

    /// The values of a longest strictly increasing subsequence of `values`.
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var lengths = [Int](repeating: 1, count: values.count)
        var previous = [Int](repeating: -1, count: values.count)
        for index in values.indices {
            for earlier in 0..<index where values[earlier] < values[index] && lengths[earlier] + 1 > lengths[index] {
                lengths[index] = lengths[earlier] + 1
                previous[index] = earlier
            }
        }
        var best = lengths.indices.max { lengths[$0] < lengths[$1] } ?? 0
        var result: [Int] = []
        while best >= 0 {
            result.append(values[best])
            best = previous[best]
        }
        return result.reversed()
    }
}
