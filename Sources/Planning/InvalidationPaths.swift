import PathPatterns

/// Invalidation paths: what `CreateInvalidation` takes, and how cfc derives, minimizes and
/// budgets them.
///
/// An invalidation path starts with `/`, may end in `*` (which matches any rest of the path,
/// and is billed as one path), has no other wildcard, and is URL-encoded where the path has
/// characters outside RFC 1738's safe set. cfc compares paths as encoded text, scalar by
/// scalar.
///
/// Every path made here keeps encoded characters whole: a trailing `*` never follows part of a
/// `%XX` escape (`/%C3%*` is not URL-encoded at all), nor part of the run of escapes that spells
/// one UTF-8 character (`/%C3*` names a prefix that no decoded path has).
public enum InvalidationPaths {
    /// The narrowest invalidation path that covers every path `pattern` matches: the pattern
    /// itself when it has no wildcard, otherwise its literal prefix followed by `*`
    /// (`/img/*.jpg` → `/img/*`, `images/?/a` → `/images/*`), cut back to the last whole
    /// encoded character (`/%C3*.png`'s `%C3` begins a character only the wildcard finishes,
    /// so it covers with `/*`).
    public static func covering(_ pattern: PathPattern) -> String {
        var prefix = pattern.literalPrefix
        guard prefix.count < pattern.tokens.count else {
            var text = ""
            text.unicodeScalars.append(contentsOf: prefix)
            return encode(text)
        }
        // The wildcard may finish an escape the prefix begins (`/a%2*` matches `/a%20b`), and
        // encoding would read that `%` as a literal percent sign: drop the unfinished escape.
        while let percent = prefix.suffix(2).lastIndex(of: "%"), prefix[(percent + 1)...].allSatisfy(isHex) {
            prefix.removeSubrange(percent...)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: prefix)
        let encoded = Array(encode(text).unicodeScalars)
        let cut = characterEnds(encoded, open: true).last ?? 0
        return string(encoded[..<cut]) + "*"
    }

    /// A path that covers every path both patterns match: the covering path of the one with
    /// the longer literal prefix.
    public static func covering(_ a: PathPattern, _ b: PathPattern) -> String {
        a.literalPrefix.count >= b.literalPrefix.count ? covering(a) : covering(b)
    }

    /// The invalidation path for one line of `--changed-paths`: an object path (with a `/` put
    /// in front when it has none). A `*` is a wildcard wherever it is: CloudFront accepts one
    /// only at the end, so the line is cut after its first `*` (`/img/*.jpg` → `/img/*`). A
    /// pipeline that lists a glob means every object it matches, and invalidating more than
    /// that is safe where invalidating less would leave stale objects cached.
    public static func path(forChangedPath line: String) -> String {
        var path = line.hasPrefix("/") ? line : "/" + line
        if let star = path.firstIndex(of: "*") { path = String(path[...star]) }
        return encode(path)
    }

    /// `path` as an invalidation path: unsafe and non-ASCII characters percent-encoded, and
    /// every `*` but a trailing one (the wildcard) encoded as `%2A`, since CloudFront allows
    /// `*` only as the last character. Existing `%XX` escapes are kept, so an already encoded
    /// path is not encoded twice.
    public static func encode(_ path: String) -> String {
        encode(path, trailingWildcard: true)
    }

    /// Object path `path` encoded as invalidation paths spell it: like `encode`, except that
    /// every `*` is part of the name (`%2A`), a trailing one included. For comparing an object
    /// with invalidation paths (`covers(_:objectPath:)`).
    public static func encodeObjectPath(_ path: String) -> String {
        encode(path, trailingWildcard: false)
    }

    private static func encode(_ path: String, trailingWildcard: Bool) -> String {
        let bytes = Array(path.utf8)
        var result = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.unicodeScalars.append(contentsOf: bytes[index...index + 2].map { Unicode.Scalar($0) })
                index += 3
                continue
            }
            let isWildcard = trailingWildcard && byte == UInt8(ascii: "*") && index == bytes.count - 1
            if isWildcard || isSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
            }
            index += 1
        }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isHex(UInt8(scalar.value))
    }

    /// RFC 1738: letters, digits, the safe and extra characters, and the path's reserved
    /// characters. `*` is an extra character, but it is left out here: in an invalidation path
    /// it is the wildcard, so one that is part of a name has to be encoded.
    private static func isSafe(_ byte: UInt8) -> Bool {
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return true }
        return "$-_.+!'(),/;:@&=".utf8.contains(byte)
    }

    /// Whether invalidation path `path` invalidates object path `object` (both encoded).
    public static func covers(_ path: String, _ object: String) -> Bool {
        // Scalar by scalar: `String.hasPrefix` compares grapheme clusters, and a combining
        // character after the prefix would make `/e*` miss `/e\u{301}`.
        guard path.unicodeScalars.last == "*" else { return path.unicodeScalars.elementsEqual(object.unicodeScalars) }
        return object.unicodeScalars.starts(with: path.unicodeScalars.dropLast())
    }

    /// Whether invalidation path `path` invalidates the object at `objectPath` (not encoded).
    public static func covers(_ path: String, objectPath: String) -> Bool {
        covers(path, encodeObjectPath(objectPath))
    }

    /// `paths` without the ones another path covers, sorted.
    public static func minimized(_ paths: Set<String>) -> [String] {
        let sorted = paths.sorted()
        let wildcards = sorted.filter(isWildcard)
        return sorted.filter { path in
            !wildcards.contains { other in other != path && covers(other, withoutWildcard(path)) }
        }
    }

    /// A widening performed to meet the budget.
    public struct Widening: Sendable, Equatable {
        /// The paths replaced.
        public var replaced: [String]
        /// The wildcard path that covers them.
        public var by: String

        /// Creates a widening.
        public init(replaced: [String], by: String) {
            self.replaced = replaced
            self.by = by
        }
    }

    /// Fits `paths` (minimized) into the budget: at most `maxWildcards` paths with `*` and
    /// `maxPaths` in all. Paths are widened to their longest common prefix that keeps encoded
    /// characters whole, the pair sharing the most first, down to `/*` as the last resort. The
    /// result is minimized again after every widening.
    public static func fit(_ paths: [String], maxWildcards: Int, maxPaths: Int) -> (paths: [String], widenings: [Widening]) {
        var current = minimized(Set(paths))
        var widenings: [Widening] = []
        func wildcardCount() -> Int { current.count(where: isWildcard) }
        func overBudget() -> Bool { current.count > maxPaths || wildcardCount() > maxWildcards }
        while overBudget() && current.count > 1 {
            // In sorted order, the pairs that share the longest prefixes are neighbours.
            var best: (index: Int, prefix: String)? = nil
            let tooManyWildcards = wildcardCount() > maxWildcards
            for index in 0..<(current.count - 1) {
                let a = current[index]
                let b = current[index + 1]
                // With too many wildcards, merging two exact paths would not help.
                if tooManyWildcards && !isWildcard(a) && !isWildcard(b) { continue }
                let prefix = commonPrefix(a, b)
                if best == nil || prefix.unicodeScalars.count > (best?.prefix.unicodeScalars.count ?? 0) { best = (index, prefix) }
            }
            guard let best else { break }
            let wildcard = (best.prefix.isEmpty ? "/" : best.prefix) + "*"
            let replaced = current.filter { covers(wildcard, withoutWildcard($0)) }
            widenings.append(Widening(replaced: replaced, by: wildcard))
            current = minimized(Set(current.filter { !replaced.contains($0) } + [wildcard]))
        }
        if overBudget() {
            widenings.append(Widening(replaced: current, by: "/*"))
            current = ["/*"]
        }
        return (current, widenings)
    }

    /// The longest common prefix of two paths (without their wildcards) that ends between
    /// whole encoded characters of both: `/%C3%BC` and `/%C3%AF` share `/%C3%`, which ends
    /// inside an escape, and `/%C3`, which ends inside a character, so their prefix is `/`.
    static func commonPrefix(_ a: String, _ b: String) -> String {
        let left = Array(withoutWildcard(a).unicodeScalars)
        let right = Array(withoutWildcard(b).unicodeScalars)
        var length = 0
        while length < min(left.count, right.count) && left[length] == right[length] { length += 1 }
        let rightEnds = Set(characterEnds(right, open: false))
        let cut = characterEnds(left, open: false).last { $0 <= length && rightEnds.contains($0) } ?? 0
        return string(left[..<cut])
    }

    /// The offsets (in scalars, ascending, from 0) at which an encoded path can be cut without
    /// splitting a character: after an unescaped scalar, after a lone `%XX` escape, and after the
    /// whole run of escapes that spells one UTF-8 character. Escapes that do not form UTF-8
    /// stand alone. With `open`, the text is a prefix that something unknown follows, so a
    /// UTF-8 character cut short at its end might still be finished: no cut falls inside it.
    static func characterEnds(_ scalars: [Unicode.Scalar], open: Bool) -> [Int] {
        var ends = [0]
        var index = 0
        while index < scalars.count {
            var next = index + 1
            if let lead = escapedByte(scalars, at: index) {
                next = index + 3
                let expected = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xC2 && lead <= 0xDF ? 1 : 0
                var found = 0
                while found < expected, let byte = escapedByte(scalars, at: next), byte & 0xC0 == 0x80 {
                    found += 1
                    next += 3
                }
                if found < expected {
                    if open && next == scalars.count { break }
                    next = index + 3
                }
            }
            ends.append(next)
            index = next
        }
        return ends
    }

    /// The byte a `%XX` escape at `index` stands for, if one starts there.
    private static func escapedByte(_ scalars: [Unicode.Scalar], at index: Int) -> UInt8? {
        guard index + 2 < scalars.count, scalars[index] == "%", isHex(scalars[index + 1]), isHex(scalars[index + 2]) else { return nil }
        return UInt8(String(scalars[index + 1]) + String(scalars[index + 2]), radix: 16)
    }

    private static func isWildcard(_ path: String) -> Bool { path.unicodeScalars.last == "*" }

    private static func withoutWildcard(_ path: String) -> String {
        isWildcard(path) ? String(path.unicodeScalars.dropLast()) : path
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
