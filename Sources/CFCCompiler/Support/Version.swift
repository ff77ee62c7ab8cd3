import CBuildInfo

/// cfc's version. `number` is the one place it is written: the Makefile reads it from this line
/// to name the release tarball, SARIF logs report it, and a test holds CHANGELOG.md's newest
/// release to it.
public enum CFCVersion {
    /// The release this source tree is (semantic versioning; no API promise before 1.0).
    public static let number = "0.9.0"

    /// The commit the binary was built from, when the build knew it (`make` passes it; a plain
    /// `swift build` does not).
    public static var commit: String? {
        let commit = String(cString: cfc_build_commit())
        return commit.isEmpty ? nil : commit
    }

    /// What `cfc --version` prints: the number, and the commit when known.
    public static var description: String {
        commit.map { "\(number) (\($0))" } ?? number
    }
}
