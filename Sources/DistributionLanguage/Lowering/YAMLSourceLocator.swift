import CFCDiagnostics
import DistributionIR
import YAMLSyntax

/// Maps config paths back to where they were written in a YAML document, by walking the tree
/// along the path's keys. Only diagnostics ask, so lowering records nothing per value.
public struct YAMLSourceLocator: SourceLocator {
    /// The document the config was lowered from.
    public let document: YAMLDocument

    /// Creates a locator for `document`.
    public init(document: YAMLDocument) {
        self.document = document
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
        for component in path.components {
            switch component {
            case .key(let name):
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
