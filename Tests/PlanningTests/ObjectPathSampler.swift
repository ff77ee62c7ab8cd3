import CFCTestSupport
import PathPatterns
import Routing

/// Object paths for the plan's sufficiency property, drawn from the scenario's own patterns so
/// that they land in the behaviors that changed and on the edges between behaviors.
///
/// Random strings over a small alphabet almost never spell `/products/` or end in `.jpg`, so
/// they would leave the property nearly vacuous. This sampler mixes:
/// - witnesses from `PatternAlgebra`: for every behavior a path it serves, and for every pair of
///   an old and a new behavior a path the old one served and the new one serves (every cell of
///   the routing change, when it has a path at all);
/// - those witnesses mutated: extended, truncated, or with one character replaced;
/// - random fills of a pattern's wildcards (`*` with runs of literals and noise, `?` with one
///   character);
/// - concatenations of whole literal runs of the patterns (`/products/`, `.jpg`);
/// - the `--changed-paths` lines, a trailing `*` filled;
/// - plain noise.
struct ObjectPathSampler {
    private var random: SeededRandom
    private let patterns: [PathPattern]
    private let witnesses: [String]
    private let runs: [String]
    private let listed: [String]
    /// Characters and fragments with no special meaning in a pattern or a URL.
    private static let noise = ["x", "a", "b", "0", "9", "-", "_", ".", "~", "/", "x.jpg", "index.html", "v2"]

    /// A sampler for the change from `old` to `new`, with the `--changed-paths` lines `listed`.
    init(seed: UInt64, old: RoutingTable, new: RoutingTable, listed: [String]) {
        random = SeededRandom(seed: seed)
        let behaviors = old.behaviors + new.behaviors
        patterns = behaviors.map(\.pattern)
        var witnesses: [String] = []
        for table in [old, new] {
            for position in table.behaviors.indices {
                if let example = table.servedExample(position).example { witnesses.append(example) }
            }
        }
        for oldPosition in old.behaviors.indices {
            for newPosition in new.behaviors.indices {
                let before = old.behaviors[oldPosition].pattern
                let after = new.behaviors[newPosition].pattern
                guard PatternAlgebra.prefixesCompatible(before, after), PatternAlgebra.suffixesCompatible(before, after) else { continue }
                let earlier = old.behaviors[..<oldPosition].map(\.pattern) + new.behaviors[..<newPosition].map(\.pattern)
                if let example = PatternAlgebra.witness(allOf: [before, after], noneOf: earlier).example { witnesses.append(example) }
            }
        }
        self.witnesses = witnesses
        var runs = Set<String>()
        for pattern in patterns {
            var run = ""
            for token in pattern.tokens + [.star] {
                if case .literal(let scalar) = token {
                    run.unicodeScalars.append(scalar)
                    continue
                }
                if !run.isEmpty {
                    runs.insert(run)
                    for segment in run.split(separator: "/") { runs.insert(String(segment) + "/") }
                }
                run = ""
            }
        }
        self.runs = runs.sorted()
        self.listed = listed.map { $0.hasPrefix("/") ? $0 : "/" + $0 }
    }

    /// The next path, always starting with `/`.
    mutating func next() -> String {
        var path: String
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<3 where !witnesses.isEmpty:
            path = pick(witnesses)
        case 3..<6 where !witnesses.isEmpty:
            path = mutate(pick(witnesses))
        case 6..<12:
            path = fill(patterns[Int.random(in: 0..<patterns.count, using: &random)])
        case 12..<14 where !listed.isEmpty:
            let line = pick(listed)
            path = line.hasSuffix("*") ? String(line.dropLast()) + filler() : line
        case 14..<17:
            path = "/" + (0..<Int.random(in: 1...4, using: &random)).map { _ in pick(runs.isEmpty ? Self.noise : runs) }.joined()
        default:
            path = "/" + (0..<Int.random(in: 0...8, using: &random)).map { _ in pick(Self.noise) }.joined()
        }
        return path.hasPrefix("/") ? path : "/" + path
    }

    /// A path `pattern` matches: literals kept, `?` one character, `*` a random filler.
    private mutating func fill(_ pattern: PathPattern) -> String {
        var path = ""
        for token in pattern.tokens {
            switch token {
            case .literal(let scalar): path.unicodeScalars.append(scalar)
            case .any: path += pick(["x", "a", "0", "/", ".", "-"])
            case .star: path += filler()
            }
        }
        return path
    }

    /// What a `*` stands for: nothing, or a few literal runs and noise fragments.
    private mutating func filler() -> String {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in
            Bool.random(using: &random) && !runs.isEmpty ? pick(runs) : pick(Self.noise)
        }.joined()
    }

    /// `path` extended, cut short, or with one character replaced.
    private mutating func mutate(_ path: String) -> String {
        var scalars = Array(path.unicodeScalars)
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            return path + filler()
        case 1:
            scalars = Array(scalars.prefix(Int.random(in: 1...max(1, scalars.count), using: &random)))
        default:
            if scalars.count > 1 {
                scalars[Int.random(in: 1..<scalars.count, using: &random)] = pick(["x", "/", ".", "a"]).unicodeScalars.first ?? "x"
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private mutating func pick(_ items: [String]) -> String {
        items[Int.random(in: 0..<items.count, using: &random)]
    }
}
