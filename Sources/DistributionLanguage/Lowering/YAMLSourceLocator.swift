import CFCDiagnostics
import DistributionIR
import YAMLSyntax

/// Maps config paths back to where they were written in a YAML document, by walking the tree
/// along the path's keys. Only diagnostics ask, so lowering records nothing per value.
public struct YAMLSourceLocator: SourceLocator {
    /// The document the config was lowered from.
    public let document: YAMLDocument

    /// The `distributions` mapping and where each name is in it. A file may hold a thousand
    /// distributions and every diagnostic's path starts with one, so that step is a hash lookup
    /// instead of a walk past every name before it.
    private let distributions: (node: YAMLNode, pairIndexByName: [String: Int])?

    /// For a distribution parsed as a document of its own: its name's node. Paths then start
    /// with `distributions.NAME`, which this document does not hold.
    private let detachedKey: YAMLNode?

    /// Creates a locator for a distribution that the parser handed off as a document of its
    /// own (see `YAMLParser.parse(_:options:sink:detachingValuesOf:handler:)`).
    public init(detached: DetachedValue) {
        self.document = detached.value.document
        self.detachedKey = detached.key
        self.distributions = nil
    }

    /// Whether the file uses anchors, aliases or merge keys. (A distribution handed off while
    /// parsing never does: the parser hands off only before the first anchor.)
    public var mayShareValues: Bool { document.usesAliases }

    /// Creates a locator for `document`.
    public init(document: YAMLDocument) {
        self.document = document
        self.detachedKey = nil
        if let mapping = document.root?.value(forKey: "distributions"), mapping.kind == .mapping, mapping.count > 8 {
            var index: [String: Int] = [:]
            index.reserveCapacity(mapping.count)
            for (position, pair) in mapping.pairs.enumerated() where index[pair.key.text] == nil {
                index[pair.key.text] = position
            }
            distributions = (mapping, index)
        } else {
            distributions = nil
        }
    }

    public func valueRange(of path: ConfigPath) -> SourceRange? {
        locate(path)?.value.range
    }

    public func keyRange(of path: ConfigPath) -> SourceRange? {
        guard let found = locate(path) else { return nil }
        return (found.key ?? found.value).range
    }

    /// The key (for mapping entries) and value nodes at `path`.
    public func locate(_ path: ConfigPath) -> (key: YAMLNode?, value: YAMLNode)? {
        guard var node = document.root else { return nil }
        var key: YAMLNode? = nil
        var components = path.components[...]
        if let detachedKey {
            guard components.count >= 2, components.first == .key("distributions"),
                components.dropFirst().first == .key(detachedKey.text)
            else { return nil }
            components = components.dropFirst(2)
            key = detachedKey
        }
        for component in components {
            switch component {
            case .key(let name):
                if let distributions, node.index == distributions.node.index {
                    guard let position = distributions.pairIndexByName[name] else { return nil }
                    let pair = node.pairs[position]
                    key = pair.key
                    node = pair.value
                    continue
                }
                var bytes = name
                let found = bytes.withUTF8 { wanted in
                    node.kind == .mapping ? node.pairs.first(where: { $0.key.textEquals(wanted) }) : nil
                }
                guard let pair = found else { return nil }
                key = pair.key
                node = pair.value
            case .index(let index):
                guard node.kind == .sequence, index >= 0, index < node.count else { return nil }
                key = nil
                node = node.items[index]
            }
        }
        return (key, node)
    }
}
