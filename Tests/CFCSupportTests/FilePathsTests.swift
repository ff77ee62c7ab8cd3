import CFCSupport
import Testing

/// Paths made absolute and relative, lexically: what plan.json records of the state file must
/// lead back to it from the plan's directory.
@Suite struct FilePathsTests {
    @Test(arguments: [
        ("/a/b/../c", "/a/c"),
        ("/a/./b//c/", "/a/b/c"),
        ("/..", "/"),
        ("/a/../../b", "/b"),
        ("/", "/"),
    ])
    func normalized(_ path: String, _ expected: String) {
        #expect(FilePaths.normalized(path) == expected)
    }

    @Test(arguments: [
        ("/w/out/plan", "/w/site/cfc-state.json", "../../site/cfc-state.json"),
        ("/w/site", "/w/site/cfc-state.json", "cfc-state.json"),
        ("/w/site/plan", "/w/site/cfc-state.json", "../cfc-state.json"),
        ("/", "/cfc-state.json", "cfc-state.json"),
        ("/w/plans/a", "/w/plans/a", "."),
        ("/w/ab", "/w/a/cfc-state.json", "../a/cfc-state.json"),
    ])
    func relative(_ directory: String, _ path: String, _ expected: String) {
        #expect(FilePaths.relative(from: directory, to: path) == expected)
        // The law: the relative path, taken from the directory, is the path again.
        #expect(FilePaths.absolute(expected, against: directory) == path)
    }

    @Test func aRelativePathIsTakenFromTheWorkingDirectory() throws {
        let here = try #require(FilePaths.currentDirectory())
        #expect(FilePaths.absolute("x/../y.json") == FilePaths.normalized(here + "/y.json"))
        #expect(FilePaths.absolute("/abs/./p") == "/abs/p")
    }
}
