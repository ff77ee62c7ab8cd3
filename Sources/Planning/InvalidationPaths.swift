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
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        {
            return true
        }
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
    ///
    /// In the order of their bytes without the trailing `*`, the paths a wildcard covers follow
    /// it in one run, so one pass with a stack of the wildcards whose run is still open finds
    /// them: n log n where comparing every path with every wildcard took, with 4,000 changed
    /// paths, most of a plan's minutes.
    public static func minimized(_ paths: Set<String>) -> [String] {
        let keyed = paths.map { path in (key: Array(withoutWildcard(path).utf8), wildcard: isWildcard(path), path: path) }
            // A wildcard before an exact path with the same key: `/a*` covers `/a`.
            .sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.wildcard && !$1.wildcard) }
        var open: [[UInt8]] = []
        var covered = Set<String>()
        for entry in keyed {
            while let top = open.last, !entry.key.starts(with: top) { open.removeLast() }
            if !open.isEmpty { covered.insert(entry.path) } else if entry.wildcard { open.append(entry.key) }
        }
        return paths.sorted().filter { !covered.contains($0) }
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
    /// characters whole, the pair sharing the most first (the leftmost such pair in sorted
    /// order), down to `/*` as the last resort; with too many wildcards, only pairs with a
    /// wildcard in them are merged, since merging two exact paths would not help.
    ///
    /// In sorted order the pairs that share the longest prefixes are neighbours, and a widening
    /// replaces one run of neighbours by a wildcard that sorts where the run was; so the paths
    /// are a linked list, the neighbour pairs a heap by prefix length, and each widening costs
    /// the run it replaces plus a few heap operations. (Rescanning every pair and minimizing
    /// again after each widening made 1,000 changed paths take 17 s and 2,000 take 139 s.)
    public static func fit(_ paths: [String], maxWildcards: Int, maxPaths: Int) -> (paths: [String], widenings: [Widening]) {
        var fitting = Fitting(minimized(Set(paths)))
        var widenings: [Widening] = []
        while fitting.count > 1, fitting.count > maxPaths || fitting.wildcards > maxWildcards {
            guard let widening = fitting.widenBestPair(wildcardsOnly: fitting.wildcards > maxWildcards) else { break }
            widenings.append(widening)
        }
        var current = fitting.paths
        if current.count > maxPaths || current.count(where: isWildcard) > maxWildcards {
            widenings.append(Widening(replaced: current, by: "/*"))
            current = ["/*"]
        }
        return (current, widenings)
    }

    /// The paths being fitted: a sorted linked list, and a heap of neighbour pairs by how much
    /// they share.
    private struct Fitting {
        var path: [String]
        var previous: [Int]
        var next: [Int]
        var alive: [Bool]
        /// Each node's place in the order, for ties: the leftmost pair wins. A wildcard takes the
        /// place of the first path it replaces, so places stay in list order.
        var place: [Int]
        var count: Int
        var wildcards: Int
        var heap = PairHeap()
        /// Exact-exact pairs set aside while only pairs with a wildcard may be merged.
        var deferred: [PairHeap.Entry] = []

        init(_ sorted: [String]) {
            path = sorted
            previous = sorted.indices.map { $0 - 1 }
            next = sorted.indices.map { $0 + 1 < sorted.count ? $0 + 1 : -1 }
            alive = Array(repeating: true, count: sorted.count)
            place = Array(sorted.indices)
            count = sorted.count
            wildcards = sorted.count(where: InvalidationPaths.isWildcard)
            for index in sorted.indices.dropLast() { push(index, index + 1) }
        }

        var paths: [String] {
            var result: [String] = []
            var node = alive.indices.first { alive[$0] && previous[$0] < 0 } ?? -1
            while node >= 0 {
                result.append(path[node])
                node = next[node]
            }
            return result
        }

        mutating func push(_ left: Int, _ right: Int) {
            let prefix = InvalidationPaths.commonPrefix(path[left], path[right])
            heap.push(PairHeap.Entry(length: prefix.unicodeScalars.count, place: place[left], left: left, right: right, prefix: prefix))
        }

        func isCurrent(_ entry: PairHeap.Entry) -> Bool {
            alive[entry.left] && alive[entry.right] && next[entry.left] == entry.right
        }

        mutating func widenBestPair(wildcardsOnly: Bool) -> Widening? {
            if !wildcardsOnly {
                for entry in deferred where isCurrent(entry) { heap.push(entry) }
                deferred = []
            }
            while let entry = heap.pop() {
                guard isCurrent(entry) else { continue }
                if wildcardsOnly && !InvalidationPaths.isWildcard(path[entry.left]) && !InvalidationPaths.isWildcard(path[entry.right]) {
                    deferred.append(entry)
                    continue
                }
                return widen(entry)
            }
            return nil
        }

        private mutating func widen(_ entry: PairHeap.Entry) -> Widening {
            let wildcard = (entry.prefix.isEmpty ? "/" : entry.prefix) + "*"
            let key = Array(entry.prefix.utf8)
            func isCovered(_ node: Int) -> Bool { Array(InvalidationPaths.withoutWildcard(path[node]).utf8).starts(with: key) }
            var first = entry.left
            while previous[first] >= 0, isCovered(previous[first]) { first = previous[first] }
            var last = entry.right
            while next[last] >= 0, isCovered(next[last]) { last = next[last] }
            var replaced: [String] = []
            var node = first
            while true {
                replaced.append(path[node])
                alive[node] = false
                if InvalidationPaths.isWildcard(path[node]) { wildcards -= 1 }
                count -= 1
                if node == last { break }
                node = next[node]
            }
            let added = path.count
            path.append(wildcard)
            alive.append(true)
            place.append(place[first])
            previous.append(previous[first])
            next.append(next[last])
            if previous[first] >= 0 { next[previous[first]] = added }
            if next[last] >= 0 { previous[next[last]] = added }
            count += 1
            wildcards += 1
            if previous[added] >= 0 { push(previous[added], added) }
            if next[added] >= 0 { push(added, next[added]) }
            return Widening(replaced: replaced, by: wildcard)
        }
    }

    /// A binary heap of neighbour pairs: the longest shared prefix first, then the leftmost.
    private struct PairHeap {
        struct Entry {
            var length: Int
            var place: Int
            var left: Int
            var right: Int
            var prefix: String

            func precedes(_ other: Entry) -> Bool {
                length != other.length ? length > other.length : place < other.place
            }
        }

        private var entries: [Entry] = []

        mutating func push(_ entry: Entry) {
            entries.append(entry)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entries[child].precedes(entries[parent]) else { break }
                entries.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Entry? {
            guard !entries.isEmpty else { return nil }
            entries.swapAt(0, entries.count - 1)
            let top = entries.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var best = parent
                if left < entries.count, entries[left].precedes(entries[best]) { best = left }
                if right < entries.count, entries[right].precedes(entries[best]) { best = right }
                if best == parent { break }
                entries.swapAt(parent, best)
                parent = best
            }
            return top
        }
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

    static func isWildcard(_ path: String) -> Bool { path.unicodeScalars.last == "*" }

    static func withoutWildcard(_ path: String) -> String {
        isWildcard(path) ? String(path.unicodeScalars.dropLast()) : path
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
