/// Questions about the sets of paths that patterns match, answered exactly on their automata:
/// emptiness, intersection, difference, inclusion, and a shortest example path.
///
/// Everything reduces to one search: a path matched by every pattern of one list and by no
/// pattern of another. The search runs breadth-first over the product of the patterns' position
/// sets, so the first path found is a shortest one. The alphabet is finite in effect: a glob
/// only tells apart its own literal characters and "anything else", so the search tries each
/// literal that appears in a pattern plus one representative of all other characters.
public enum PatternAlgebra {
    /// A shortest path matched by every pattern in `allOf` and by none in `noneOf`, or nil if
    /// there is none. With `allOf` empty, every path qualifies.
    ///
    /// Example paths read better when wildcards stand for something, so the search first looks
    /// for a path in which every `*` of `allOf` matches at least one character (such a path is
    /// still a real member of every set), and only then for any path.
    public static func witness(allOf: [PathPattern], noneOf: [PathPattern]) -> String? {
        let required = allOf.isEmpty ? [PathPattern("/*")] : allOf
        guard let found = search(allOf: required.map(nonEmptyStars), noneOf: noneOf)
                ?? search(allOf: required, noneOf: noneOf) else { return nil }
        return beautified(found, allOf: required, noneOf: noneOf)
    }

    /// Fills empty path segments and empty file names (`/img/.jpg`, `/a//b`, a trailing `/`)
    /// with a letter wherever the path still qualifies, so examples read like real requests.
    static func beautified(_ path: String, allOf: [PathPattern], noneOf: [PathPattern]) -> String {
        var scalars = Array(path.unicodeScalars)
        var index = 1
        while index <= scalars.count {
            let previous = scalars[index - 1]
            let next: Unicode.Scalar? = index < scalars.count ? scalars[index] : nil
            if previous == "/" && (next == nil || next == "." || next == "/") {
                var candidate = scalars
                candidate.insert("x", at: index)
                var text = ""
                text.unicodeScalars.append(contentsOf: candidate)
                if allOf.allSatisfy({ $0.matches(text) }) && !noneOf.contains(where: { $0.matches(text) }) {
                    scalars = candidate
                }
            }
            index += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// A shortest path matched by every pattern in `allOf` and by none in `noneOf` (ties broken
    /// deterministically), or nil if there is none.
    public static func shortestWitness(allOf: [PathPattern], noneOf: [PathPattern]) -> String? {
        search(allOf: allOf.isEmpty ? [PathPattern("/*")] : allOf, noneOf: noneOf)
    }

    /// Whether some path matches both patterns.
    public static func intersects(_ a: PathPattern, _ b: PathPattern) -> Bool {
        if !prefixesCompatible(a, b) || !suffixesCompatible(a, b) { return false }
        return search(allOf: [a, b], noneOf: []) != nil
    }

    /// Whether every path `pattern` matches is matched by some pattern of `covering`.
    public static func isCovered(_ pattern: PathPattern, by covering: [PathPattern]) -> Bool {
        search(allOf: [pattern], noneOf: covering) == nil
    }

    /// Whether every path `inner` matches is matched by `outer`.
    public static func isSubset(_ inner: PathPattern, of outer: PathPattern) -> Bool {
        isCovered(inner, by: [outer])
    }

    /// A cheap necessary condition for two patterns to intersect: their literal prefixes agree
    /// as far as the shorter one goes.
    public static func prefixesCompatible(_ a: PathPattern, _ b: PathPattern) -> Bool {
        let left = a.literalPrefix
        let right = b.literalPrefix
        return left.count <= right.count ? right.starts(with: left) : left.starts(with: right)
    }

    /// The same for literal suffixes; patterns without a `*` have a fixed length, so only
    /// patterns whose suffix is bounded by a `*` on both sides can differ in length.
    public static func suffixesCompatible(_ a: PathPattern, _ b: PathPattern) -> Bool {
        let left = Array(a.literalSuffix.reversed())
        let right = Array(b.literalSuffix.reversed())
        return left.count <= right.count ? right.starts(with: left) : left.starts(with: right)
    }

    /// `pattern` with each `*` replaced by `?*`.
    static func nonEmptyStars(_ pattern: PathPattern) -> PathPattern {
        guard pattern.hasStar else { return pattern }
        var text = ""
        for token in pattern.tokens {
            switch token {
            case .literal(let scalar): text.unicodeScalars.append(scalar)
            case .any: text += "?"
            case .star: text += "?*"
            }
        }
        return PathPattern(text)
    }

    /// Characters tried for "anything else", most readable first.
    static let representatives: [Unicode.Scalar] = Array("xabcdefghijklmnopqrstuvwyz0123456789-_~".unicodeScalars)

    /// The longest path the search explores: beyond this it gives up and answers nil. Every
    /// shortest witness of patterns CloudFront accepts (at most 255 characters) is shorter.
    static let maxLength = 1024

    static func search(allOf: [PathPattern], noneOf: [PathPattern]) -> String? {
        let required = allOf.map(GlobAutomaton.init)
        let excluded = noneOf.map(GlobAutomaton.init)
        var literals = Set<Unicode.Scalar>()
        for pattern in allOf + noneOf {
            for case .literal(let scalar) in pattern.tokens { literals.insert(scalar) }
        }
        let other = representatives.first { !literals.contains($0) }
        // Tried in a fixed order so that the witness is deterministic: the representative
        // first (readable), then the literals in scalar order.
        let alphabet: [Unicode.Scalar?] = (other.map { [$0] } ?? []) + literals.sorted { $0.value < $1.value }

        struct State: Hashable {
            var required: [PositionSet]
            var excluded: [PositionSet]
        }
        let start = State(required: required.map(\.start), excluded: excluded.map(\.start))
        if isDead(start.required, start.excluded, required, excluded) { return nil }

        var states: [State] = [start]
        var parents: [(parent: Int, scalar: Unicode.Scalar)] = [(-1, "/")]
        var depths: [Int] = [0]
        var seen: [State: Int] = [start: 0]
        var head = 0
        while head < states.count {
            let index = head
            head += 1
            let state = states[index]
            if required.indices.allSatisfy({ required[$0].accepts(state.required[$0]) }),
               !excluded.indices.contains(where: { excluded[$0].accepts(state.excluded[$0]) }) {
                return path(to: index, parents)
            }
            if depths[index] >= maxLength { continue }
            for symbol in alphabet {
                guard let scalar = symbol else { continue }
                let isOther = scalar == other
                let next = State(
                    required: required.indices.map {
                        isOther ? required[$0].stepOnOther(state.required[$0]) : required[$0].step(state.required[$0], on: scalar)
                    },
                    excluded: excluded.indices.map {
                        isOther ? excluded[$0].stepOnOther(state.excluded[$0]) : excluded[$0].step(state.excluded[$0], on: scalar)
                    })
                if isDead(next.required, next.excluded, required, excluded) { continue }
                if seen[next] != nil { continue }
                seen[next] = states.count
                states.append(next)
                parents.append((index, scalar))
                depths.append(depths[index] + 1)
            }
        }
        return nil
    }

    /// A state from which no path can qualify: a required pattern can no longer match, or an
    /// excluded pattern will match whatever follows.
    private static func isDead(
        _ required: [PositionSet], _ excluded: [PositionSet], _ requiredAutomata: [GlobAutomaton],
        _ excludedAutomata: [GlobAutomaton]
    ) -> Bool {
        if required.contains(where: \.isEmpty) { return true }
        for index in excluded.indices where excludedAutomata[index].isUniversal(excluded[index]) { return true }
        return false
    }

    private static func path(to index: Int, _ parents: [(parent: Int, scalar: Unicode.Scalar)]) -> String {
        var scalars: [Unicode.Scalar] = []
        var current = index
        while current > 0 {
            scalars.append(parents[current].scalar)
            current = parents[current].parent
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.reversed())
        return text
    }
}
