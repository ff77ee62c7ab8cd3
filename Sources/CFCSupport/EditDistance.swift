/// "Did you mean" suggestions for misspelt names.
public enum Suggestions {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible
    /// typo (at most a third of the word's length, and at least one edit allowed), or nil.
    ///
    /// Ties go to the candidate that comes first, so the suggestion is deterministic.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let wordScalars = Array(word.unicodeScalars)
        // Words far longer than any key are not typos of one, and bounding the length keeps the
        // quadratic distance computation cheap on hostile input.
        guard wordScalars.count <= 128 else { return nil }
        let allowed = max(1, wordScalars.count / 3)
        var best: (candidate: String, distance: Int)? = nil
        for candidate in candidates {
            let distance = editDistance(wordScalars, Array(candidate.unicodeScalars))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance, counting an adjacent transposition as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
