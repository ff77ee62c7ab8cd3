#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths as text: made absolute against the working directory, and made relative to another
/// directory. Lexical only (`..` removes the component before it; symbolic links are not
/// followed), which is what a path written into a plan and read back from the plan's own
/// directory needs: it names the same file as long as the two keep their places relative to
/// each other, on this machine or on the one that applies the plan.
public enum FilePaths {
    /// The working directory, or nil when it cannot be named (removed under the process).
    public static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute against `directory` (default: the working directory), without
    /// `.`, `..` or repeated slashes; nil when it is relative and the working directory cannot
    /// be named.
    public static func absolute(_ path: String, against directory: String? = nil) -> String? {
        if path.hasPrefix("/") { return normalized(path) }
        guard let base = directory ?? currentDirectory() else { return nil }
        return normalized(base + "/" + path)
    }

    /// An absolute path without `.`, `..` (lexically: `/a/b/../c` is `/a/c`; `..` at the root
    /// stays at the root) or repeated slashes.
    public static func normalized(_ absolutePath: String) -> String {
        var components: [Substring] = []
        for component in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The relative path that leads from directory `from` to `to` (both absolute and
    /// normalized): `relative(from: "/w/out/plan", to: "/w/site/cfc-state.json")` is
    /// `../../site/cfc-state.json`.
    public static func relative(from directory: String, to path: String) -> String {
        let base = directory.split(separator: "/")
        let target = path.split(separator: "/")
        var shared = 0
        while shared < base.count, shared < target.count, base[shared] == target[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
