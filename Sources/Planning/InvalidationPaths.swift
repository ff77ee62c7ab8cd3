import PathPatterns

/// Invalidation paths: what `CreateInvalidation` takes, and how cfc derives, minimizes and
/// budgets them.
///
/// An invalidation path starts with `/`, may end in `*` (which matches any rest of the path,
/// and is billed as one path), has no other wildcard, and is URL-encoded where the path has
/// characters outside RFC 1738's safe set.
public enum InvalidationPaths {
    /// The narrowest invalidation path that covers every path `pattern` matches: the pattern
    /// itself when it has no wildcard, otherwise its literal prefix followed by `*`
    /// (`/img/*.jpg` → `/img/*`, `images/?/a` → `/images/*`).
    public static func covering(_ pattern: PathPattern) -> String {
        let prefix = pattern.literalPrefix
        var text = ""
        text.unicodeScalars.append(contentsOf: prefix)
        let encoded = encode(text)
        return prefix.count == pattern.tokens.count ? encoded : encoded + "*"
    }

    /// A path that covers every path both patterns match: the covering path of the one with
    /// the longer literal prefix.
    public static func covering(_ a: PathPattern, _ b: PathPattern) -> String {
        a.literalPrefix.count >= b.literalPrefix.count ? covering(a) : covering(b)
    }

    /// `path` with unsafe and non-ASCII characters percent-encoded (existing `%XX` escapes are
    /// kept, so an already encoded path is not encoded twice).
    public static func encode(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var result = ""
        var index = 0
        let hex = Array("0123456789ABCDEF")
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.unicodeScalars.append(contentsOf: bytes[index...index + 2].map { Unicode.Scalar($0) })
                index += 3
                continue
            }
            if isSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
            index += 1
        }
        return result
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// RFC 1738: letters, digits, the safe and extra characters, and the path's reserved
    /// characters; `*` is kept (a trailing one is the wildcard).
    private static func isSafe(_ byte: UInt8) -> Bool {
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return true }
        return "$-_.+!*'(),/;:@&=".utf8.contains(byte)
    }

    /// Whether invalidation path `path` invalidates object path `object` (both encoded).
    public static func covers(_ path: String, _ object: String) -> Bool {
        path.hasSuffix("*") ? object.hasPrefix(path.dropLast()) : path == object
    }

    /// `paths` without the ones another path covers, sorted.
    public static func minimized(_ paths: Set<String>) -> [String] {
        let sorted = paths.sorted()
        let wildcards = sorted.filter { $0.hasSuffix("*") }
        return sorted.filter { path in
            !wildcards.contains { other in other != path && covers(other, path.hasSuffix("*") ? String(path.dropLast()) : path) }
        }
    }

    /// A widening performed to meet the budget.
    public struct Widening: Sendable, Equatable {
        /// The paths replaced.
        public var replaced: [String]
        /// The wildcard path that covers them.
        public var by: String
    }

    /// Fits `paths` (minimized) into the budget: at most `maxWildcards` paths with `*` and
    /// `maxPaths` in all. Paths are widened to their longest common prefix, the pair sharing
    /// the most first, down to `/*` as the last resort.
    public static func fit(_ paths: [String], maxWildcards: Int, maxPaths: Int) -> (paths: [String], widenings: [Widening]) {
        var current = minimized(Set(paths))
        var widenings: [Widening] = []
        func overBudget() -> Bool {
            current.count > maxPaths || current.filter { $0.hasSuffix("*") }.count > maxWildcards
        }
        while overBudget() && current.count > 1 {
            // Sorted paths put the pairs with the longest common prefix next to each other.
            var best: (index: Int, length: Int)? = nil
            let tooManyWildcards = current.filter { $0.hasSuffix("*") }.count > maxWildcards
            for index in 0..<(current.count - 1) {
                let a = current[index]
                let b = current[index + 1]
                // With too many wildcards, merging two exact paths would not help.
                if tooManyWildcards && !a.hasSuffix("*") && !b.hasSuffix("*") { continue }
                let length = commonPrefix(a, b).count
                if best == nil || length > (best?.length ?? 0) { best = (index, length) }
            }
            guard let best else { break }
            let prefix = commonPrefix(current[best.index], current[best.index + 1])
            let wildcard = (prefix.isEmpty ? "/" : prefix) + "*"
            let replaced = current.filter { covers(wildcard, $0.hasSuffix("*") ? String($0.dropLast()) : $0) }
            widenings.append(Widening(replaced: replaced, by: wildcard))
            current = minimized(Set(current.filter { !replaced.contains($0) } + [wildcard]))
        }
        if overBudget() {
            widenings.append(Widening(replaced: current, by: "/*"))
            current = ["/*"]
        }
        return (current, widenings)
    }

    static func commonPrefix(_ a: String, _ b: String) -> String {
        let a = a.hasSuffix("*") ? String(a.dropLast()) : a
        let b = b.hasSuffix("*") ? String(b.dropLast()) : b
        var result = ""
        for (x, y) in zip(a.unicodeScalars, b.unicodeScalars) {
            guard x == y else { break }
            result.unicodeScalars.append(x)
        }
        return result
    }
}
