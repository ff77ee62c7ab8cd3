/// A cache behavior's path pattern, as CloudFront matches it.
///
/// CloudFront compares the whole request path (without the query string) with the pattern,
/// case-sensitively: `*` matches any run of characters, including none and including `/`; `?`
/// matches exactly one character; every other character matches itself. A pattern with and
/// without its leading `/` are the same pattern (`images/*` is `/images/*`).
///
/// ```yaml
/// cache-behaviors:
///   - path-pattern: /images/*.jpg
/// ```
public struct PathPattern: Hashable, Sendable, CustomStringConvertible {
    /// One element of a pattern.
    public enum Token: Hashable, Sendable {
        /// A character that matches itself.
        case literal(Unicode.Scalar)
        /// `?`: any one character.
        case any
        /// `*`: any run of characters.
        case star
    }

    /// The pattern as written.
    public let source: String
    /// The pattern with its leading `/`, as tokens; runs of `*` are collapsed to one.
    public let tokens: [Token]
    /// The literal characters before the first wildcard.
    public let literalPrefix: [Unicode.Scalar]
    /// The literal characters after the last wildcard (the whole pattern when it has none).
    public let literalSuffix: [Unicode.Scalar]
    /// The normalized pattern as text: leading `/`, `*` runs collapsed.
    public let normalized: String

    /// Parses `source`. Every string is a pattern; whether CloudFront accepts its characters is
    /// `PathPatternRules`' concern.
    public init(_ source: String) {
        // One pass over the scalars: the routing table parses every behavior's pattern of every
        // distribution, and building arrays and strings scalar by scalar showed up in profiles.
        self.source = source
        var tokens: [Token] = []
        tokens.reserveCapacity(source.utf8.count + 1)
        var text: [UInt8] = []
        text.reserveCapacity(source.utf8.count + 1)
        var isFirst = true
        for scalar in source.unicodeScalars {
            // A pattern that does not start with `/` means the same with one (`*` included:
            // every path starts with `/`).
            if isFirst {
                isFirst = false
                if scalar != "/" {
                    tokens.append(.literal("/"))
                    text.append(UInt8(ascii: "/"))
                }
            }
            switch scalar {
            case "*":
                if tokens.last != .star {
                    tokens.append(.star)
                    text.append(UInt8(ascii: "*"))
                }
            case "?":
                tokens.append(.any)
                text.append(UInt8(ascii: "?"))
            default:
                tokens.append(.literal(scalar))
                if scalar.isASCII {
                    text.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    UTF8.encode(scalar) { text.append($0) }
                }
            }
        }
        if isFirst {
            tokens.append(.literal("/"))
            text.append(UInt8(ascii: "/"))
        }
        self.tokens = tokens
        let prefixEnd = tokens.firstIndex(where: { $0 == .star || $0 == .any }) ?? tokens.count
        let suffixStart = (tokens.lastIndex(where: { $0 == .star || $0 == .any }) ?? -1) + 1
        literalPrefix = tokens[..<prefixEnd].map(Self.literalScalar)
        literalSuffix = tokens[suffixStart...].map(Self.literalScalar)
        // Usually the pattern as written already is its normal form: share its storage.
        // (Compared as buffers: `elementsEqual` on the UTF-8 view walks it a byte at a time.)
        let unchanged =
            source.utf8.count == text.count
            && source.utf8.withContiguousStorageIfAvailable { written in text.withUnsafeBufferPointer { written.elementsEqual($0) } }
                == true
        normalized = unchanged ? source : String(decoding: text, as: UTF8.self)
    }

    private static func literalScalar(_ token: Token) -> Unicode.Scalar {
        if case .literal(let scalar) = token { return scalar }
        return "*"
    }

    public var description: String { source }

    /// Whether the pattern matches every path (`*`, `/*`).
    public var isCatchAll: Bool { tokens == [.literal("/"), .star] }

    /// Whether the pattern has a `*` (so matches paths of any length above its minimum).
    public var hasStar: Bool { tokens.contains(.star) }

    /// Whether `path` (no query string) matches the pattern, as CloudFront decides it.
    ///
    /// Runs in O(path × pattern) time with the position-set simulation, never exponentially
    /// as backtracking glob matchers can.
    public func matches(_ path: String) -> Bool {
        matches(Array(path.unicodeScalars))
    }

    /// Whether `path`, as scalars, matches. The classic wildcard matcher: advance on literals
    /// and `?`, remember the last `*` and retry from it on a mismatch. Since a later `*` makes
    /// earlier choices irrelevant, only the last one needs remembering, which keeps this linear
    /// in practice and O(path × pattern) at worst, with no allocation.
    public func matches(_ path: [Unicode.Scalar]) -> Bool {
        var token = 0
        var position = 0
        var starToken = -1
        var starPosition = 0
        while position < path.count {
            if token < tokens.count {
                switch tokens[token] {
                case .any:
                    token += 1
                    position += 1
                    continue
                case .literal(let scalar) where scalar == path[position]:
                    token += 1
                    position += 1
                    continue
                case .star:
                    starToken = token
                    starPosition = position
                    token += 1
                    continue
                case .literal:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            token = starToken + 1
            starPosition += 1
            position = starPosition
        }
        while token < tokens.count, tokens[token] == .star { token += 1 }
        return token == tokens.count
    }

    /// Whether this pattern and `other` match exactly the same paths (false when the search
    /// could not tell within its budget, which two patterns alone do not reach).
    public func isEquivalent(to other: PathPattern) -> Bool {
        PatternAlgebra.witness(allOf: [self], noneOf: [other]) == .none
            && PatternAlgebra.witness(allOf: [other], noneOf: [self]) == .none
    }
}

/// The position-set automaton of one glob: state `i` means "the first `i` tokens are matched".
/// A set of positions is kept as a bitset, so stepping is a few word operations per token.
struct GlobAutomaton {
    let tokens: [PathPattern.Token]
    let wordCount: Int
    /// Whether every token from position i on is `*` (from there every continuation matches).
    let universalFrom: [Bool]
    /// The positions of the `*` tokens.
    let stars: PositionSet

    init(_ pattern: PathPattern) {
        tokens = pattern.tokens
        wordCount = (tokens.count + 1 + 63) / 64
        var stars = PositionSet(wordCount: wordCount)
        for (index, token) in tokens.enumerated() where token == .star { stars.insert(index) }
        self.stars = stars
        // Position n (everything matched) accepts only the end of the path, so it is not
        // universal; a position is universal when the rest of the pattern is one `*`.
        var universal = [Bool](repeating: false, count: tokens.count + 1)
        if !tokens.isEmpty {
            for index in stride(from: tokens.count - 1, through: 0, by: -1) {
                universal[index] = tokens[index] == .star && (index + 1 == tokens.count || universal[index + 1])
            }
        }
        universalFrom = universal
    }

    var start: PositionSet {
        var set = PositionSet(wordCount: wordCount)
        set.insert(0)
        return closed(set)
    }

    /// Adds the positions reachable by letting a `*` match nothing.
    ///
    /// Word by word, as the small search does with one word: walking every token made each
    /// step cost the pattern's length, so a 4,000-token pattern spent 24 s on 935,000 steps.
    func closed(_ set: PositionSet) -> PositionSet {
        var result = set
        while true {
            let added = result.intersection(stars).shiftedLeftByOne().subtracting(result)
            if added.isEmpty { return result }
            result.formUnion(added)
        }
    }

    func step(_ set: PositionSet, on scalar: Unicode.Scalar) -> PositionSet {
        var next = PositionSet(wordCount: wordCount)
        for index in set.members where index < tokens.count {
            switch tokens[index] {
            case .literal(let literal): if literal == scalar { next.insert(index + 1) }
            case .any: next.insert(index + 1)
            case .star: next.insert(index)
            }
        }
        return closed(next)
    }

    /// Steps on a character that is none of the patterns' literals.
    func stepOnOther(_ set: PositionSet) -> PositionSet {
        var next = PositionSet(wordCount: wordCount)
        for index in set.members where index < tokens.count {
            switch tokens[index] {
            case .literal: break
            case .any: next.insert(index + 1)
            case .star: next.insert(index)
            }
        }
        return closed(next)
    }

    func accepts(_ set: PositionSet) -> Bool { set.contains(tokens.count) }

    /// Whether every continuation from `set` is accepted.
    func isUniversal(_ set: PositionSet) -> Bool {
        set.members.contains { universalFrom[$0] }
    }
}

/// A set of small integers as a bitset.
struct PositionSet: Hashable {
    var words: [UInt64]

    init(wordCount: Int) {
        words = [UInt64](repeating: 0, count: wordCount)
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// The number of members.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    func intersection(_ other: PositionSet) -> PositionSet {
        var result = self
        for index in result.words.indices { result.words[index] &= other.words[index] }
        return result
    }

    func subtracting(_ other: PositionSet) -> PositionSet {
        var result = self
        for index in result.words.indices { result.words[index] &= ~other.words[index] }
        return result
    }

    mutating func formUnion(_ other: PositionSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Every member plus one (members past the last word fall off).
    func shiftedLeftByOne() -> PositionSet {
        var result = self
        var carry: UInt64 = 0
        for index in result.words.indices {
            let word = result.words[index]
            result.words[index] = (word << 1) | carry
            carry = word >> 63
        }
        return result
    }

    /// The members in increasing order.
    var members: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(wordIndex * 64 + bit)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
