import Foundation

/// Golden-file comparison. With `UPDATE_GOLDENS=1` in the environment, a mismatching or
/// missing golden file is rewritten and the comparison still fails, saying so, so that a
/// regeneration is always reviewed with `git diff` before it is committed.
public enum Golden {
    /// Whether this run rewrites golden files.
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares `actual` with the file at `url`; returns nil when equal, or a failure message
    /// with a unified diff.
    public static func compare(_ actual: [UInt8], with url: URL) -> String? {
        let expected = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
        if expected == actual { return nil }
        if isUpdating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(actual))
            return "recorded new golden \(relative(url)); review it with git diff"
        }
        guard let expected else {
            return "missing golden \(relative(url)); run UPDATE_GOLDENS=1 swift test --filter CFCGoldenTests to record it"
        }
        let diff = UnifiedDiff.render(
            old: String(decoding: expected, as: UTF8.self), new: String(decoding: actual, as: UTF8.self),
            oldName: relative(url), newName: "actual")
        return "output differs from \(relative(url)) (UPDATE_GOLDENS=1 rewrites it):\n" + diff
    }

    private static func relative(_ url: URL) -> String {
        let root = TestPaths.packageRoot.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}

/// A line-based unified diff, for readable golden mismatches.
public enum UnifiedDiff {
    /// The diff of `old` against `new` with three lines of context.
    public static func render(old: String, new: String, oldName: String, newName: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table; golden files are small enough for O(n·m).
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((" ", a[i]))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append(("+", b[j]))
                j += 1
            } else {
                lines.append(("-", a[i]))
                i += 1
            }
        }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var hunks: [(start: Int, end: Int)] = []
        for index in lines.indices where lines[index].0 != " " {
            let start = max(0, index - 3)
            let end = min(lines.count, index + 4)
            if let last = hunks.last, start <= last.end {
                hunks[hunks.count - 1].end = end
            } else {
                hunks.append((start, end))
            }
        }
        for hunk in hunks {
            output += "@@ line \(hunk.start + 1) @@\n"
            for line in lines[hunk.start..<hunk.end] { output += "\(line.0)\(line.1)\n" }
        }
        return output
    }
}
