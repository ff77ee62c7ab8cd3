import CFCTestSupport
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// Rewrites a cfc file as a person might have written it, without changing what it means: keys
/// of each structure shuffled (lists and keyed mappings such as `origins:` keep their order,
/// which means something), collections in flow or block style, strings plain, single- or
/// double-quoted or as literal blocks, keys sometimes quoted, integers in decimal, hexadecimal,
/// octal, with a sign or leading zeros, booleans and nulls in each core-schema spelling, and
/// comments above keys and items and after scalars. `cfc fmt` must undo all of it except the
/// comments, which it must keep. Deterministic for a seed.
///
/// The text is built by hand on purpose: it is the input side of a test of cfc's own writer.
struct YAMLScrambler {
    var random: SeededRandom
    /// The comments written, in order.
    private(set) var comments: [String] = []

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    /// Comment texts that are awkward for a formatter: `#` and quotes inside, trailing spaces
    /// trimmed by YAML, non-ASCII.
    private mutating func newComment() -> String {
        let text = pick(["note", "keep # this", "ünïcödé ✓", "TODO(ops): \"check\"", "a: b", "- not a list"]) + " \(comments.count)"
        comments.append(text)
        return text
    }

    /// The scrambled text of a cfc file whose root is `root`.
    mutating func scramble(_ root: YAMLNode) -> String {
        var out = ""
        if chance(50) { out += "# \(newComment())\n" }
        // The file's top level: `version` and `distributions` in either order; each distribution
        // is a structure of the catalog.
        let distributionShape = ValueShape.structure(Distribution.describe())
        for (key, value) in root.pairs.map({ (key: $0.key, value: $0.value) }).shuffled(using: &random) {
            if chance(20) { out += "# \(newComment())\n" }
            out += keyText(key) + ":"
            if key.text == "distributions" {
                entry(value, shape: .keyedMap(keyDescription: "name", value: distributionShape), indent: 0, into: &out)
            } else {
                // The version is checked as written: left alone.
                out += " \(value.text)\n"
            }
        }
        if chance(30) { out += "# \(newComment())\n" }
        return out
    }

    // MARK: - Block style

    /// Writes a mapping's or sequence's lines at `indent`, or a scalar after a key.
    private mutating func block(_ node: YAMLNode, shape: ValueShape?, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node.kind {
        case .mapping:
            for (key, value) in orderedPairs(node, shape: shape) {
                if chance(20) { out += "\(pad)# \(newComment())\n" }
                out += pad + keyText(key) + ":"
                entry(value, shape: memberShape(key.text, in: shape), indent: indent, into: &out)
            }
        case .sequence:
            let element: ValueShape? = if case .list(let inner)? = shape { inner } else { nil }
            for item in node.items {
                if chance(20) { out += "\(pad)# \(newComment())\n" }
                out += pad + "-"
                if item.kind == .mapping, item.count > 0, chance(70) {
                    // The first key on the dash's line, the rest below it.
                    var first = true
                    for (key, value) in orderedPairs(item, shape: element) {
                        out += first ? " " : pad + "  "
                        first = false
                        out += keyText(key) + ":"
                        entry(value, shape: memberShape(key.text, in: element), indent: indent + 2, into: &out)
                    }
                } else {
                    entry(item, shape: element, indent: indent, into: &out)
                }
            }
        case .scalar:
            out += pad + scalar(node, shape: shape, inFlow: false) + "\n"
        }
    }

    /// Writes what follows `key:` (or `-`): a scalar or flow collection on the same line, or a
    /// block collection on the lines below.
    private mutating func entry(_ value: YAMLNode, shape: ValueShape?, indent: Int, into out: inout String) {
        // Whole distributions in flow style would leave no room for comments: rarely at the top.
        if value.kind == .scalar || value.count == 0 || chance(indent < 4 ? 5 : 30) {
            if value.kind == .scalar, value.isNull, chance(25) {
                out += "\n"  // `key:` with nothing after it is null too
                return
            }
            let text = value.kind == .scalar ? scalar(value, shape: shape, inFlow: false) : flow(value, shape: shape)
            out += " " + text
            // After a literal block a comment would be part of its text.
            if !text.hasPrefix("|"), chance(15) { out += "  # \(newComment())" }
            out += "\n"
            return
        }
        if chance(15) { out += "  # \(newComment())" }
        out += "\n"
        // Block sequences under a key may sit at the key's indent (as cfc writes them) or deeper.
        let nested = value.kind == .sequence && chance(50) ? indent : indent + 2
        block(value, shape: shape, indent: nested, into: &out)
    }

    // MARK: - Flow style

    private mutating func flow(_ node: YAMLNode, shape: ValueShape?) -> String {
        switch node.kind {
        case .scalar:
            return scalar(node, shape: shape, inFlow: true)
        case .sequence:
            let element: ValueShape? = if case .list(let inner)? = shape { inner } else { nil }
            let items = node.items.map { $0 }
            var parts: [String] = []
            for item in items { parts.append(flow(item, shape: element)) }
            return "[" + parts.joined(separator: pick([", ", ",", " , "])) + "]"
        case .mapping:
            var parts: [String] = []
            for (key, value) in orderedPairs(node, shape: shape) {
                parts.append(keyText(key) + ": " + flow(value, shape: memberShape(key.text, in: shape)))
            }
            return "{" + parts.joined(separator: pick([", ", ",  "])) + "}"
        }
    }

    // MARK: - Keys and scalars

    private mutating func orderedPairs(_ node: YAMLNode, shape: ValueShape?) -> [(key: YAMLNode, value: YAMLNode)] {
        let pairs = node.pairs.map { (key: $0.key, value: $0.value) }
        // Only a structure's keys are unordered; ids in a keyed mapping keep the author's order.
        if case .structure? = shape { return pairs.shuffled(using: &random) }
        return pairs
    }

    private func memberShape(_ key: String, in shape: ValueShape?) -> ValueShape? {
        switch shape {
        case .structure(let structure)?: structure.members.first { $0.key == key }?.shape
        case .keyedMap(_, let value)?: value
        default: nil
        }
    }

    private mutating func keyText(_ key: YAMLNode) -> String {
        let text = key.text
        if YAMLScalarStyle.needsQuotes(text) || chance(10) { return quoted(text) }
        return text
    }

    private mutating func quoted(_ text: String) -> String {
        let single = !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        return single && chance(50) ? "'" + text.replacingOccurrences(of: "'", with: "''") + "'" : YAMLScalarStyle.doubleQuoted(text)
    }

    /// A scalar spelt differently with the same meaning.
    private mutating func scalar(_ node: YAMLNode, shape: ValueShape?, inFlow: Bool) -> String {
        let text = node.text
        switch node.resolvedType {
        case .null:
            return pick(["null", "~", "Null", "NULL"])
        case .boolean:
            let value = CoreSchema.parseBoolean(text) ?? false
            return pick(value ? ["true", "True", "TRUE"] : ["false", "False", "FALSE"])
        case .integer:
            guard case .integer? = shape, let value = CoreSchema.parseInteger(text) else { return text }
            var spellings = [String(value)]
            if value >= 0 {
                spellings += [
                    "+\(value)", "0x" + String(value, radix: 16), "0x" + String(value, radix: 16, uppercase: true),
                    "0o" + String(value, radix: 8), "00\(value)",
                ]
            }
            return pick(spellings)
        case .float, .sequence, .mapping:
            return text
        case .string:
            let plainOK = !YAMLScalarStyle.needsQuotes(text)
            if plainOK && chance(60) { return text }
            if !inFlow, let literal = literalBlock(text), chance(40) { return literal }
            return quoted(text)
        }
    }

    /// `text` as a `|-` literal block, when it can be one (several lines without leading
    /// spaces, tabs or carriage returns), or nil.
    private func literalBlock(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1,
            lines.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") && !$0.contains("\t") && !$0.contains("\r") }),
            !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" })
        else { return nil }
        // Continuation lines are indented past any key that could hold the block.
        return "|-\n" + lines.map { String(repeating: " ", count: 40) + $0 }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
