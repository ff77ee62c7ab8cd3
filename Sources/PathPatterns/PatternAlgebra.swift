import CFCSupport
import Synchronization

/// Questions about the sets of paths that patterns match, answered exactly on their automata:
/// emptiness, intersection, difference, inclusion, and a shortest example path.
///
/// Everything reduces to one search: a path matched by every pattern of one list and by no
/// pattern of another. The search runs breadth-first over the product of the patterns' position
/// sets, so the first path found is a shortest one. The alphabet is finite in effect: a glob
/// only tells apart its own literal characters and "anything else", so the search tries each
/// literal that appears in a pattern plus one representative of all other characters.
///
/// Cheap answers come first: every pattern matches some path, a pattern of the form `prefix*`
/// contains every pattern whose literal prefix extends it, and a candidate example built from
/// the pattern itself often settles "is it covered" without a search.
///
/// A product of many patterns can have exponentially many states, so every search spends from
/// a `SearchBudget`, and a question whose search runs out is answered `gaveUp`, never guessed:
/// callers decide which way is safe (a behavior not proven unreachable is taken as reachable;
/// a require-https path not proven safe is an error).
public enum PatternAlgebra {
    /// A shortest path matched by every pattern in `allOf` and by none in `noneOf`, or nil if
    /// there is none. With `allOf` empty, every path qualifies.
    ///
    /// Example paths read better when wildcards stand for something, so the search first looks
    /// for a path in which every `*` of `allOf` matches at least one character (such a path is
    /// still a real member of every set), and only then for any path.
    public static func witness(allOf: [PathPattern], noneOf: [PathPattern], budget: SearchBudget = SearchBudget()) -> SearchOutcome {
        // Once the budget is spent, even the cheap answers below (linear in the patterns) are
        // not tried: a rule asking about every pair must stop costing anything.
        if budget.isExhausted { return .gaveUp }
        let required = allOf.isEmpty ? [PathPattern("/*")] : allOf
        // Two patterns whose literal prefixes (or suffixes) disagree share no path: settled
        // without looking further (most pairs a rule asks about are such, `/static/*` and
        // require-https `/account/*`).
        for (position, pattern) in required.enumerated() {
            for other in required[(position + 1)...] where !prefixesCompatible(pattern, other) || !suffixesCompatible(pattern, other) {
                return .none
            }
        }
        let excluded = relevant(noneOf, to: required)
        // A required pattern's own example often qualifies, which settles it without a search.
        // Each is tried, most specific (longest literal prefix) first: for "the default
        // behavior within require-https `/account/*`", `*`'s own example is `/x`, but
        // `/account/*`'s is a path both match.
        let others = required + excluded
        for pattern in required.sorted(by: { $0.literalPrefix.count > $1.literalPrefix.count }) {
            guard let candidate = candidateExample(pattern, avoiding: others) else { continue }
            let scalars = Array(candidate.unicodeScalars)
            if required.allSatisfy({ $0.matches(scalars) }) && !excluded.contains(where: { $0.matches(scalars) }) {
                return .found(beautified(candidate, allOf: required, noneOf: excluded))
            }
        }
        var outcome = search(allOf: required.map(nonEmptyStars), noneOf: excluded, budget: budget)
        if outcome == .none { outcome = search(allOf: required, noneOf: excluded, budget: budget) }
        guard case .found(let found) = outcome else { return outcome }
        return .found(beautified(found, allOf: required, noneOf: excluded))
    }

    /// The patterns of `patterns` that can match a path all of `required` match (the others
    /// cannot exclude anything, and only slow the search down).
    static func relevant(_ patterns: [PathPattern], to required: [PathPattern]) -> [PathPattern] {
        patterns.filter { pattern in
            required.allSatisfy { prefixesCompatible($0, pattern) && suffixesCompatible($0, pattern) }
        }
    }

    /// A shortest path matched by every pattern in `allOf` and by none in `noneOf` (ties broken
    /// deterministically), or nil if there is none.
    public static func shortestWitness(allOf: [PathPattern], noneOf: [PathPattern], budget: SearchBudget = SearchBudget()) -> SearchOutcome
    {
        let required = allOf.isEmpty ? [PathPattern("/*")] : allOf
        return search(allOf: required, noneOf: relevant(noneOf, to: required), budget: budget)
    }

    /// Whether some path matches both patterns; nil when the search gave up.
    public static func intersects(_ a: PathPattern, _ b: PathPattern, budget: SearchBudget = SearchBudget()) -> Bool? {
        if !prefixesCompatible(a, b) || !suffixesCompatible(a, b) { return false }
        // Every pattern matches some path, so a pattern inside the other intersects it.
        if containsByPrefix(a, b) || containsByPrefix(b, a) { return true }
        return search(allOf: [a, b], noneOf: [], budget: budget).decided { $0 != nil }
    }

    /// Whether every path `pattern` matches is matched by some pattern of `covering`; nil
    /// when the search gave up.
    public static func isCovered(_ pattern: PathPattern, by allCovering: [PathPattern], budget: SearchBudget = SearchBudget()) -> Bool? {
        if budget.isExhausted { return nil }
        let covering = relevant(allCovering, to: [pattern])
        if covering.isEmpty { return false }
        if covering.contains(where: { containsByPrefix($0, pattern) }) { return true }
        // A path built from the pattern (wildcards filled with a character no pattern names)
        // that no covering pattern matches proves "not covered" without a search.
        if let candidate = candidateExample(pattern, avoiding: covering) {
            let scalars = Array(candidate.unicodeScalars)
            if !covering.contains(where: { $0.matches(scalars) }) { return false }
        }
        return search(allOf: [pattern], noneOf: covering, budget: budget).decided { $0 == nil }
    }

    /// Whether every path `inner` matches is matched by `outer`; nil when the search gave up.
    public static func isSubset(_ inner: PathPattern, of outer: PathPattern, budget: SearchBudget = SearchBudget()) -> Bool? {
        isCovered(inner, by: [outer], budget: budget)
    }

    /// Whether `outer` has the form `prefix*` and `inner`'s literal prefix starts with `prefix`,
    /// which makes every path of `inner` a path of `outer`.
    static func containsByPrefix(_ outer: PathPattern, _ inner: PathPattern) -> Bool {
        guard outer.tokens.last == .star, outer.tokens.count == outer.literalPrefix.count + 1 else { return false }
        return inner.literalPrefix.starts(with: outer.literalPrefix)
    }

    /// The pattern's own example: `*` as nothing, `?` as a character no pattern names.
    static func candidateExample(_ pattern: PathPattern, avoiding others: [PathPattern]) -> String? {
        // The representatives are ASCII, so a bit per ASCII character is all the bookkeeping
        // needed (this runs for every behavior of every distribution; a Set of scalars hashed
        // each literal of each pattern).
        var used: (low: UInt64, high: UInt64) = (0, 0)
        func note(_ tokens: [PathPattern.Token]) {
            for case .literal(let scalar) in tokens where scalar.value < 128 {
                if scalar.value < 64 { used.low |= 1 << UInt64(scalar.value) } else { used.high |= 1 << UInt64(scalar.value - 64) }
            }
        }
        note(pattern.tokens)
        for other in others { note(other.tokens) }
        guard
            let filler = representatives.first(where: { representative in
                let value = UInt64(representative.value)
                return value < 64 ? used.low & (1 << value) == 0 : used.high & (1 << (value - 64)) == 0
            })
        else { return nil }
        var text = ""
        for token in pattern.tokens {
            switch token {
            case .literal(let scalar): text.unicodeScalars.append(scalar)
            case .any: text.unicodeScalars.append(filler)
            case .star: text.unicodeScalars.append(filler)
            }
        }
        return text
    }

    /// A cheap necessary condition for two patterns to intersect: their literal prefixes agree
    /// as far as the shorter one goes.
    public static func prefixesCompatible(_ a: PathPattern, _ b: PathPattern) -> Bool {
        // Compared by index, like the suffixes: every pair of behaviors of a distribution is
        // asked, and `starts(with:)` costs several times more per pair.
        let left = a.literalPrefix
        let right = b.literalPrefix
        let shared = min(left.count, right.count)
        var offset = 0
        while offset < shared {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The same for literal suffixes.
    public static func suffixesCompatible(_ a: PathPattern, _ b: PathPattern) -> Bool {
        // Compared from the end by index: every pair of behaviors of a distribution is asked.
        let left = a.literalSuffix
        let right = b.literalSuffix
        let shared = min(left.count, right.count)
        var offset = 1
        while offset <= shared {
            if left[left.count - offset] != right[right.count - offset] { return false }
            offset += 1
        }
        return true
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
                if allOf.allSatisfy({ $0.matches(candidate) }) && !noneOf.contains(where: { $0.matches(candidate) }) {
                    scalars = candidate
                }
            }
            index += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Characters tried for "anything else", most readable first.
    static let representatives: [Unicode.Scalar] = Array("xabcdefghijklmnopqrstuvwyz0123456789-_~".unicodeScalars)

    /// The longest path the search explores: beyond this it gives up and answers nil. Every
    /// shortest witness of patterns CloudFront accepts (at most 255 characters) is shorter.
    static let maxLength = 1024

    /// The most states one search may visit, and the most state words it may hold (a state is
    /// a word per pattern; 2^22 words are 32 MB). Two patterns alone can have exponentially
    /// many states (`/*?a` and `/?*a`, each followed by n `?`), which a step budget meant for a
    /// whole distribution would let run for seconds; the patterns people write need dozens.
    static let maxStates = 100_000
    static let maxStateWords = 1 << 22

    static func search(allOf: [PathPattern], noneOf: [PathPattern], budget: SearchBudget) -> SearchOutcome {
        if budget.isExhausted { return .gaveUp }
        var literals = Set<Unicode.Scalar>()
        for pattern in allOf + noneOf {
            for case .literal(let scalar) in pattern.tokens { literals.insert(scalar) }
        }
        let other = representatives.first { !literals.contains($0) }
        // Tried in a fixed order so that the witness is deterministic: the representative
        // first (readable), then the literals in scalar order.
        let alphabet: [Unicode.Scalar?] = [other] + literals.sorted { $0.value < $1.value }.map { Optional($0) }
        // Building the automata costs a step per token and symbol; a rule asking millions of
        // small questions must pay for that too, not only for the searches.
        let setup = (allOf + noneOf).reduce(0) { $0 + $1.tokens.count } * alphabet.count + 64
        guard budget.spend(setup) else { return .gaveUp }
        if (allOf + noneOf).allSatisfy({ $0.tokens.count < 64 }) {
            return SmallProductSearch(allOf: allOf, noneOf: noneOf, alphabet: alphabet).run(budget: budget)
        }
        return LargeProductSearch(allOf: allOf, noneOf: noneOf, alphabet: alphabet).run(budget: budget)
    }
}

/// The answer of a search: a path, the proof that there is none, or no answer within budget.
public enum SearchOutcome: Sendable, Equatable {
    /// A path with the properties asked for.
    case found(String)
    /// There is no such path.
    case none
    /// The search ran out of budget before it could tell.
    case gaveUp

    /// The path found, if any (nil both for `none` and for `gaveUp`).
    public var example: String? {
        if case .found(let path) = self { path } else { nil }
    }

    /// `answer` applied to the path (nil for `none`), or nil when the search gave up.
    public func decided<T>(_ answer: (String?) -> T) -> T? {
        switch self {
        case .found(let path): answer(path)
        case .none: answer(nil)
        case .gaveUp: nil
        }
    }
}

/// How much work the pattern searches may do, shared by every question asked about one
/// distribution (so a file cannot make the checks run for minutes), and counted in automaton
/// steps, so that the same input always gets the same answers, however fast the machine.
///
/// The default allows about a second of search per distribution; the checker's workloads use
/// a small fraction of it (see the README's performance section).
public final class SearchBudget: Sendable {
    /// The steps allowed in all.
    public let limit: Int
    private let spentSteps = Atomic<Int>(0)

    /// The steps a budget allows unless told otherwise.
    public static let defaultSteps = 200_000_000

    /// A budget of `steps` automaton steps.
    public init(steps: Int = SearchBudget.defaultSteps) {
        limit = steps
    }

    deinit {
        // Once per budget, not per step: what the searches cost, for tests that bound work.
        WorkMeter.add(.patternSteps, spentSteps.load(ordering: .relaxed))
    }

    /// The steps spent so far.
    public var spent: Int { spentSteps.load(ordering: .relaxed) }

    /// Whether a search has run out: every later search gives up at once.
    public var isExhausted: Bool { spent > limit }

    /// Spends `steps`; false when that goes past the limit.
    func spend(_ steps: Int) -> Bool {
        let (_, total) = spentSteps.add(steps, ordering: .relaxed)
        return total <= limit
    }
}

/// The product search for patterns of fewer than 64 tokens, the usual case: each automaton's
/// position set is one 64-bit word, and a step is a few bit operations with tables built per
/// alphabet symbol.
struct SmallProductSearch {
    let required: Int
    let automata: [WordAutomaton]
    let alphabet: [Unicode.Scalar?]

    init(allOf: [PathPattern], noneOf: [PathPattern], alphabet: [Unicode.Scalar?]) {
        required = allOf.count
        self.alphabet = alphabet
        automata = (allOf + noneOf).map { WordAutomaton($0, alphabet: alphabet) }
    }

    func run(budget: SearchBudget) -> SearchOutcome {
        let count = automata.count
        // States are stored flat: `count` words each.
        var states: [UInt64] = automata.map(\.start)
        if isDead(states, 0) { return .none }
        if budget.isExhausted { return .gaveUp }
        // What expanding one state costs: a step of every automaton on every symbol.
        let stepsPerState = count * alphabet.count
        var parents: [(parent: Int32, symbol: Int32)] = [(-1, 0)]
        var depths: [UInt16] = [0]
        let maxStates = min(PatternAlgebra.maxStates, PatternAlgebra.maxStateWords / max(count, 1))
        var seen = StateSet(wordsPerState: count)
        seen.insert(states, at: 0, stateIndex: 0)
        // A search cut off at `maxLength` has not proven that no path exists.
        var truncated = false
        var head = 0
        var next = [UInt64](repeating: 0, count: count)
        while head < parents.count {
            let base = head * count
            var accepted = true
            for index in 0..<count {
                let accepts = automata[index].accepts(states[base + index])
                if index < required ? !accepts : accepts {
                    accepted = false
                    break
                }
            }
            if accepted { return .found(path(to: head, parents)) }
            if Int(depths[head]) >= PatternAlgebra.maxLength {
                truncated = true
            } else {
                guard budget.spend(stepsPerState) else { return .gaveUp }
                for symbol in alphabet.indices where alphabet[symbol] != nil {
                    for index in 0..<count { next[index] = automata[index].step(states[base + index], symbol) }
                    if isDead(next, 0) || seen.contains(next, in: states) { continue }
                    if parents.count >= maxStates { return .gaveUp }
                    let stateIndex = Int32(parents.count)
                    states.append(contentsOf: next)
                    seen.insert(states, at: Int(stateIndex) * count, stateIndex: stateIndex)
                    parents.append((Int32(head), Int32(symbol)))
                    depths.append(depths[head] + 1)
                }
            }
            head += 1
        }
        return truncated ? .gaveUp : .none
    }

    /// No qualifying path from here: a required pattern can no longer match, or an excluded one
    /// matches whatever follows.
    func isDead(_ words: [UInt64], _ base: Int) -> Bool {
        for index in 0..<automata.count {
            let word = words[base + index]
            if index < required {
                if word == 0 { return true }
            } else if word & automata[index].universal != 0 {
                return true
            }
        }
        return false
    }

    func path(to state: Int, _ parents: [(parent: Int32, symbol: Int32)]) -> String {
        var scalars: [Unicode.Scalar] = []
        var current = state
        while current > 0 {
            if let scalar = alphabet[Int(parents[current].symbol)] { scalars.append(scalar) }
            current = Int(parents[current].parent)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.reversed())
        return text
    }
}

/// The states a product search has seen, as an open-addressing hash table of indices into the
/// search's flat state array: no array is allocated per state looked up, which a dictionary
/// keyed by `[UInt64]` would do (and which dominated the search's time).
struct StateSet {
    let wordsPerState: Int
    private var slots: [Int32]
    private var count = 0

    init(wordsPerState: Int) {
        self.wordsPerState = wordsPerState
        slots = [Int32](repeating: -1, count: 64)
    }

    private func hash(_ words: UnsafeBufferPointer<UInt64>) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in words { hash = (hash ^ word) &* 0x100_0000_01B3 ^ (hash >> 29) }
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether `state` (one state's words) is in the set; `states` is the flat array the
    /// stored indices point into.
    func contains(_ state: [UInt64], in states: [UInt64]) -> Bool {
        state.withUnsafeBufferPointer { wanted in
            states.withUnsafeBufferPointer { all in
                let mask = slots.count - 1
                var slot = hash(wanted) & mask
                while true {
                    let stored = Int(slots[slot])
                    if stored < 0 { return false }
                    let base = stored * wordsPerState
                    var equal = true
                    for offset in 0..<wordsPerState where all[base + offset] != wanted[offset] {
                        equal = false
                        break
                    }
                    if equal { return true }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Adds the state stored at `states[base...]` under `stateIndex`.
    mutating func insert(_ states: [UInt64], at base: Int, stateIndex: Int32) {
        if (count + 1) * 2 > slots.count { grow(states) }
        states.withUnsafeBufferPointer { all in
            place(UnsafeBufferPointer(rebasing: all[base..<base + wordsPerState]), stateIndex)
        }
        count += 1
    }

    private mutating func place(_ words: UnsafeBufferPointer<UInt64>, _ stateIndex: Int32) {
        let mask = slots.count - 1
        var slot = hash(words) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = stateIndex
    }

    private mutating func grow(_ states: [UInt64]) {
        let old = slots
        slots = [Int32](repeating: -1, count: old.count * 2)
        states.withUnsafeBufferPointer { all in
            for stored in old where stored >= 0 {
                let base = Int(stored) * wordsPerState
                place(UnsafeBufferPointer(rebasing: all[base..<base + wordsPerState]), stored)
            }
        }
    }
}

/// One glob as a 64-bit position-set automaton over an alphabet of symbol indices.
struct WordAutomaton {
    /// Per symbol: positions whose token consumes that symbol (its literal, or `?`).
    let consumes: [UInt64]
    /// Positions holding `*`.
    let stars: UInt64
    /// Positions from which every continuation is accepted.
    let universal: UInt64
    let acceptBit: UInt64
    let start: UInt64

    init(_ pattern: PathPattern, alphabet: [Unicode.Scalar?]) {
        let tokens = pattern.tokens
        var stars: UInt64 = 0
        var any: UInt64 = 0
        for (index, token) in tokens.enumerated() {
            switch token {
            case .star: stars |= 1 << UInt64(index)
            case .any: any |= 1 << UInt64(index)
            case .literal: break
            }
        }
        consumes = alphabet.map { symbol in
            var mask = any
            if let symbol {
                for (index, token) in tokens.enumerated() where token == .literal(symbol) { mask |= 1 << UInt64(index) }
            }
            return mask
        }
        self.stars = stars
        var universal: UInt64 = 0
        for index in stride(from: tokens.count - 1, through: 0, by: -1) where tokens[index] == .star {
            if index == tokens.count - 1 || universal & (1 << UInt64(index + 1)) != 0 { universal |= 1 << UInt64(index) }
        }
        self.universal = universal
        acceptBit = 1 << UInt64(tokens.count)
        start = Self.closed(1, stars: stars)
    }

    /// Adds the positions after each active `*` (a star may match nothing); runs of stars are
    /// collapsed when patterns are parsed, so one shift suffices.
    static func closed(_ set: UInt64, stars: UInt64) -> UInt64 {
        set | ((set & stars) << 1)
    }

    func step(_ set: UInt64, _ symbol: Int) -> UInt64 {
        Self.closed(((set & consumes[symbol]) << 1) | (set & stars), stars: stars)
    }

    func accepts(_ set: UInt64) -> Bool { set & acceptBit != 0 }
}

/// The product search for long patterns (64 tokens or more), with position sets of any size.
struct LargeProductSearch {
    /// The most states one search visits (2,000). A state here is a set of position bitsets
    /// per pattern, built and hashed anew, about twenty times the cost of a small search's
    /// state: at the small searches' cap, two patterns of 64+ tokens full of `?` (a libFuzzer
    /// finding) took 1 s per question in a release build and 15 in a debug one. Literal-heavy
    /// long patterns need a few hundred states; questions that need more than this are
    /// reported as undecided (see `ordering.pattern_search_budget`).
    static let maxStates = PatternAlgebra.maxStates / 50

    let required: [GlobAutomaton]
    let excluded: [GlobAutomaton]
    let alphabet: [Unicode.Scalar?]

    init(allOf: [PathPattern], noneOf: [PathPattern], alphabet: [Unicode.Scalar?]) {
        required = allOf.map(GlobAutomaton.init)
        excluded = noneOf.map(GlobAutomaton.init)
        self.alphabet = alphabet
    }

    struct State: Hashable {
        var required: [PositionSet]
        var excluded: [PositionSet]
    }

    func run(budget: SearchBudget) -> SearchOutcome {
        let start = State(required: required.map(\.start), excluded: excluded.map(\.start))
        if isDead(start) { return .none }
        if budget.isExhausted { return .gaveUp }
        // A step here costs the position sets' words and members, not one unit: charged as
        // such, a search over patterns of thousands of tokens runs out of budget in the time
        // the budget stands for, instead of taking 24 s on under a million "steps".
        let wordsPerState = required.reduce(0) { $0 + $1.wordCount } + excluded.reduce(0) { $0 + $1.wordCount }
        var states: [State] = [start]
        var parents: [(parent: Int, symbol: Int)] = [(-1, 0)]
        var depths: [Int] = [0]
        var seen: [State: Int] = [start: 0]
        var truncated = false
        var head = 0
        while head < states.count {
            let state = states[head]
            if required.indices.allSatisfy({ required[$0].accepts(state.required[$0]) }),
                !excluded.indices.contains(where: { excluded[$0].accepts(state.excluded[$0]) })
            {
                return .found(path(to: head, parents))
            }
            if depths[head] >= PatternAlgebra.maxLength {
                truncated = true
            } else {
                let members = state.required.reduce(0) { $0 + $1.count } + state.excluded.reduce(0) { $0 + $1.count }
                guard budget.spend(alphabet.count * (wordsPerState + members)) else { return .gaveUp }
                for (symbolIndex, symbol) in alphabet.enumerated() {
                    let isOther = symbolIndex == 0
                    func advance(_ automaton: GlobAutomaton, _ set: PositionSet) -> PositionSet {
                        if isOther { return automaton.stepOnOther(set) }
                        guard let symbol else { return PositionSet(wordCount: set.words.count) }
                        return automaton.step(set, on: symbol)
                    }
                    if isOther && symbol == nil { continue }
                    let next = State(
                        required: required.indices.map { advance(required[$0], state.required[$0]) },
                        excluded: excluded.indices.map { advance(excluded[$0], state.excluded[$0]) })
                    if isDead(next) || seen[next] != nil { continue }
                    if states.count >= Self.maxStates
                        || states.count * (required.count + excluded.count) >= PatternAlgebra.maxStateWords
                    {
                        return .gaveUp
                    }
                    seen[next] = states.count
                    states.append(next)
                    parents.append((head, symbolIndex))
                    depths.append(depths[head] + 1)
                }
            }
            head += 1
        }
        return truncated ? .gaveUp : .none
    }

    func isDead(_ state: State) -> Bool {
        state.required.contains(where: \.isEmpty)
            || excluded.indices.contains { excluded[$0].isUniversal(state.excluded[$0]) }
    }

    func path(to state: Int, _ parents: [(parent: Int, symbol: Int)]) -> String {
        var scalars: [Unicode.Scalar] = []
        var current = state
        while current > 0 {
            if let scalar = alphabet[parents[current].symbol] { scalars.append(scalar) }
            current = parents[current].parent
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.reversed())
        return text
    }
}
