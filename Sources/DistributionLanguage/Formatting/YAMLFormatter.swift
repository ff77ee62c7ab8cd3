import CFCDiagnostics
import DistributionIR
import YAMLSyntax

/// Rewrites a cfc file in canonical form: keys in the order of the language reference (the
/// catalog), two-space indent, lists of scalars in flow style, strings quoted only where YAML
/// needs it, behaviors and origins kept in their order, and comments kept.
///
/// libyaml's parser drops comments, so they are read from the source text and re-attached to
/// the key or list item that follows them (a trailing comment moves to the line above its key).
/// Anchors, aliases and merge keys cannot be kept (the tree has resolved them), so a file that
/// uses them is refused rather than expanded.
public enum YAMLFormatter {
    /// Why a file is not rewritten.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file uses anchors, aliases or merge keys.
        case usesAliases
        /// libyaml could not write the result.
        case writeFailed(String)

        public var description: String {
            switch self {
            case .usesAliases:
                "the file uses anchors, aliases or merge keys, which cfc fmt would have to expand"
            case .writeFailed(let message):
                "cannot write the formatted file: \(message)"
            }
        }
    }

    /// The canonical text of `document`.
    public static func format(_ document: YAMLDocument) -> Result<[UInt8], Refusal> {
        if document.usesAliases { return .failure(.usesAliases) }
        guard let root = document.root else { return .success(document.source.bytes) }
        var formatter = Formatter(document: document)
        formatter.attachComments()
        let value = formatter.convert(root, shape: .structure(rootShape))
        do {
            var bytes = try YAMLWriter.write(value)
            for comment in formatter.trailer { bytes.append(contentsOf: Array(("# " + comment + "\n").utf8)) }
            return .success(bytes)
        } catch {
            return .failure(.writeFailed(error.description))
        }
    }

    /// The file's top level as a structure: `version`, the parameters and environments, then
    /// `distributions` and the companion resources by kind.
    static var rootShape: StructureShape {
        // A declaration's `default:` and `value:` may be of any type: no shape, so they are
        // written as they are (after the keys with one).
        let declaration = StructureShape(
            typeName: "ParameterDeclaration", noun: "parameter",
            members: [
                MemberShape(
                    key: "type", apiName: nil, summary: "", isRequired: false,
                    shape: .enumeration(ParameterType.allCases.map(\.rawValue)), defaultValue: nil),
                MemberShape(key: "sensitive", apiName: nil, summary: "", isRequired: false, shape: .boolean, defaultValue: nil),
                MemberShape(key: "description", apiName: nil, summary: "", isRequired: false, shape: .string, defaultValue: nil),
            ])
        return StructureShape(
            typeName: "File", noun: "file",
            members: [
                MemberShape(key: "version", apiName: nil, summary: "", isRequired: true, shape: .integer(1...1), defaultValue: nil),
                MemberShape(
                    key: "parameters", apiName: nil, summary: "", isRequired: false,
                    shape: .keyedMap(keyDescription: "name", value: .structure(declaration)), defaultValue: nil),
                // An environment is a mapping of values (of any type) or a file's path.
                MemberShape(
                    key: "environments", apiName: nil, summary: "", isRequired: false,
                    shape: .keyedMap(keyDescription: "name", value: .string), defaultValue: nil),
                MemberShape(
                    key: "distributions", apiName: nil, summary: "", isRequired: true,
                    shape: .keyedMap(keyDescription: "name", value: .structure(Distribution.describe())), defaultValue: nil),
            ]
                + CompanionKind.allCases.map { kind in
                    MemberShape(
                        key: kind.key, apiName: nil, summary: kind.summary, isRequired: false,
                        shape: .keyedMap(keyDescription: "name", value: .structure(kind.structureShape)), defaultValue: nil)
                })
    }

    struct Formatter {
        let document: YAMLDocument
        /// Comments by the key or item node they go above.
        var keyComments: [Int32: [String]] = [:]
        var itemComments: [Int32: [String]] = [:]
        /// Comments after the last key, for the end of the file.
        var trailer: [String] = []

        mutating func attachComments() {
            let anchors = document.commentAnchors()
            for comment in document.comments() {
                var target: YAMLDocument.CommentAnchor? = nil
                if comment.isTrailing {
                    target = anchors.first { $0.line == comment.line && $0.column < comment.column }
                }
                if target == nil {
                    target = anchors.first { ($0.line, $0.column) > (comment.line, comment.column) }
                }
                guard let target else {
                    trailer.append(comment.text)
                    continue
                }
                if target.isItem {
                    itemComments[target.node, default: []].append(comment.text)
                } else {
                    keyComments[target.node, default: []].append(comment.text)
                }
            }
        }

        func convert(_ node: YAMLNode, shape: ValueShape?) -> YAMLValue {
            switch node.kind {
            case .scalar:
                return scalar(node)
            case .sequence:
                var element: ValueShape? = nil
                if case .list(let inner)? = shape { element = inner }
                var items: [YAMLValue] = []
                for item in node.items {
                    for comment in itemComments[item.index] ?? [] { items.append(.comment(comment)) }
                    items.append(convert(item, shape: element))
                }
                return .sequence(items)
            case .mapping:
                var pairs = node.pairs.map { (key: $0.key, value: $0.value) }
                var valueShape: (String) -> ValueShape? = { _ in nil }
                switch shape {
                case .structure(let structure)?:
                    let order = Dictionary(
                        structure.members.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
                    let positions = Dictionary(
                        pairs.enumerated().map { ($0.element.key.index, $0.offset) }, uniquingKeysWith: { first, _ in first })
                    pairs.sort { left, right in
                        let leftRank = order[left.key.text] ?? Int.max
                        let rightRank = order[right.key.text] ?? Int.max
                        if leftRank != rightRank { return leftRank < rightRank }
                        return (positions[left.key.index] ?? 0) < (positions[right.key.index] ?? 0)
                    }
                    valueShape = { key in structure.members.first { $0.key == key }?.shape }
                case .keyedMap(_, let value)?:
                    valueShape = { _ in value }
                default:
                    break
                }
                return .mapping(
                    pairs.map { pair in
                        let comments = keyComments[pair.key.index] ?? []
                        let key = pair.key.kind == .scalar ? pair.key.text : scalar(pair.key).flowText
                        return YAMLPair(
                            key, convert(pair.value, shape: valueShape(key)),
                            comment: comments.isEmpty ? nil : comments.joined(separator: "\n"))
                    })
            }
        }

        /// A scalar keeps its meaning: strings stay strings (the writer quotes them if needed),
        /// other plain scalars keep their spelling.
        func scalar(_ node: YAMLNode) -> YAMLValue {
            switch node.resolvedType {
            case .string, .sequence, .mapping: return .string(node.text)
            case .null: return .verbatim("null")
            case .boolean, .integer, .float: return .verbatim(node.text)
            }
        }
    }
}
