import Foundation
import CFCTestSupport

/// CloudFront's path matching written out independently of `PathPattern`, for brute-force
/// checks: `*` any run of characters (including none and `/`), `?` exactly one, everything
/// else itself, case-sensitively; a pattern without its leading `/` is the same pattern with
/// it. That rule holds for patterns starting with `*` too: `*/*` is `/*/*`, which needs two
/// slashes, where a bare glob `*/*` would also match `/`.
enum ReferenceMatcher {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Array(pattern)
        if pattern.first != "/" { pattern.insert("/", at: 0) }
        return glob(pattern[...], Array(path)[...])
    }

    private static func glob(_ pattern: ArraySlice<Character>, _ path: ArraySlice<Character>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "*" {
            // Either the star matches nothing, or it takes one more character.
            return glob(pattern.dropFirst(), path) || (!path.isEmpty && glob(pattern, path.dropFirst()))
        }
        guard let next = path.first, head == "?" || head == next else { return false }
        return glob(pattern.dropFirst(), path.dropFirst())
    }

    /// Every path `/` + up to `length` characters of `alphabet`, shortest first.
    static func paths(alphabet: [Character], upTo length: Int) -> [String] {
        var result = ["/"]
        var frontier = ["/"]
        for _ in 0..<length {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            result += frontier
        }
        return result
    }
}
