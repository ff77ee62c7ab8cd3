import CFCDiagnostics

/// A comment in a YAML source. libyaml's parser does not report comments, so they are found by
/// scanning the source lines, skipping `#` characters inside scalars (whose spans the tree
/// knows).
public struct YAMLComment: Sendable, Equatable {
    /// The line (from 1).
    public var line: Int
    /// The column of `#` (from 1).
    public var column: Int
    /// The text after `#` (one leading space removed).
    public var text: String
    /// Whether code precedes it on its line (`key: value  # note`).
    public var isTrailing: Bool
}

extension YAMLDocument {
    /// Every comment of the source, in order.
    public func comments() -> [YAMLComment] {
        // Scalar spans by line, to tell a comment's `#` from one inside a value.
        var spans: [Int: [(start: Int, end: Int)]] = [:]
        for record in records where record.kind == .scalar {
            let startLine = Int(record.startLine) + 1
            let endLine = Int(record.endLine) + 1
            for line in startLine...max(startLine, endLine) {
                let start = line == startLine ? Int(record.startColumn) + 1 : 1
                let end = line == endLine ? Int(record.endColumn) + 1 : Int.max
                spans[line, default: []].append((start, end))
            }
        }
        var comments: [YAMLComment] = []
        for line in 1...max(1, source.lineCount) {
            guard let text = source.text(ofLine: line) else { continue }
            let scalars = Array(text.unicodeScalars)
            var column = 1
            for (index, scalar) in scalars.enumerated() {
                defer { column += 1 }
                guard scalar == "#", index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t" else { continue }
                if spans[line]?.contains(where: { column >= $0.start && column < $0.end }) ?? false { continue }
                var body = String(String.UnicodeScalarView(scalars[(index + 1)...]))
                if body.hasPrefix(" ") { body.removeFirst() }
                let isTrailing = scalars[..<index].contains { $0 != " " && $0 != "\t" }
                comments.append(YAMLComment(line: line, column: column, text: body, isTrailing: isTrailing))
                break
            }
        }
        return comments
    }

    /// A place a comment can attach to: a mapping key, or an item of a sequence.
    public struct CommentAnchor: Sendable, Equatable {
        /// Where the key or item starts.
        public var line: Int
        /// Its column.
        public var column: Int
        /// The key node, or the item node.
        public var node: Int32
        /// Whether it is a sequence item (a comment above `- key: …` belongs to the item).
        public var isItem: Bool
    }

    /// Every mapping key and sequence item, in source order (items before the first key they
    /// contain).
    public func commentAnchors() -> [CommentAnchor] {
        var anchors: [CommentAnchor] = []
        for record in records where record.kind != .scalar {
            let start = Int(record.payloadStart)
            if record.kind == .mapping {
                for pair in 0..<Int(record.payloadCount) { anchors.append(anchor(children[start + 2 * pair], isItem: false)) }
            } else {
                for item in 0..<Int(record.payloadCount) { anchors.append(anchor(children[start + item], isItem: true)) }
            }
        }
        return anchors.sorted { ($0.line, $0.column, $0.isItem ? 0 : 1) < ($1.line, $1.column, $1.isItem ? 0 : 1) }
    }

    private func anchor(_ index: Int32, isItem: Bool) -> CommentAnchor {
        let record = records[Int(index)]
        return CommentAnchor(line: Int(record.startLine) + 1, column: Int(record.startColumn) + 1, node: index, isItem: isItem)
    }
}
