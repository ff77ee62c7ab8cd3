import CFCDiagnostics

/// Where a value sits in a configuration, spelt with the YAML keys that lead to it, such as
/// `distributions.www.cache-behaviors[2].viewer-protocol-policy`.
///
/// Diagnostics carry a config path; the front end maps a path back to the YAML span that set it
/// (see `SourceLocator`), so the IR itself holds no source positions.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        /// A mapping key.
        case key(String)
        /// A position in a list, from 0.
        case index(Int)
    }

    /// The steps from the file's root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path of distribution `name`.
    public static func distribution(_ name: String) -> ConfigPath {
        ConfigPath([.key("distributions"), .key(name)])
    }

    /// This path extended by a key.
    public func appending(_ key: String) -> ConfigPath {
        appending(component: .key(key))
    }

    /// This path extended by a list position.
    public func appending(index: Int) -> ConfigPath {
        appending(component: .index(index))
    }

    /// One allocation of the exact size: paths are made for every member lowered and every
    /// finding, and `components + [component]` made two.
    private func appending(component: Component) -> ConfigPath {
        var extended: [Component] = []
        extended.reserveCapacity(components.count + 1)
        extended.append(contentsOf: components)
        extended.append(component)
        return ConfigPath(extended)
    }

    /// The path without its last step (the root's parent is the root).
    public var parent: ConfigPath {
        ConfigPath(Array(components.dropLast()))
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

/// Finds where a configuration value was written.
///
/// Checks produce diagnostics about IR values; a locator (the YAML front end's, for configs read
/// from YAML) turns the value's `ConfigPath` into a source span. Configs read from API JSON or
/// XML use a locator that knows those files' positions, or none.
public protocol SourceLocator: Sendable {
    /// The span of the value at `path`, or nil if it was not written (a default).
    func valueRange(of path: ConfigPath) -> SourceRange?
    /// The span of the key that introduces the value at `path` (for list items, the item).
    func keyRange(of path: ConfigPath) -> SourceRange?
    /// Whether one written value may stand at several paths (YAML anchors, aliases and merge
    /// keys). When not, a diagnostic need not look for the value's other uses.
    var mayShareValues: Bool { get }
}

extension SourceLocator {
    public var mayShareValues: Bool { true }
}
