/// CloudFront's path matching written out independently of `PathPattern`, by plain recursion,
/// for brute-force checks of the pattern algebra, the rules and suggested orders: `*` any run of
/// characters (including none and `/`), `?` exactly one, everything else itself, case-sensitively,
/// Unicode scalar by Unicode scalar; a pattern without its leading `/` is the same pattern with
/// it. That rule holds for patterns starting with `*` too: `*/*` is `/*/*`, which needs two
/// slashes, where a bare glob `*/*` would also match `/`.
public enum ReferenceMatcher {
    /// Whether `pattern` matches `path`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
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

    /// Every path `/` followed by up to `length` elements of `alphabet`, shortest first.
    public static func paths(alphabet: [String], upTo length: Int) -> [String] {
        var result = ["/"]
        var frontier = ["/"]
        for _ in 0..<length {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            result += frontier
        }
        return result
    }
}
