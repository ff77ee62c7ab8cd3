import CFCSupport
import CFCTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary files in an output directory others may write to: created exclusively, never
/// through a symbolic link, under names nobody can guess (issue: hardening, symlink hijack).
@Suite struct TemporaryFileTests {
    @Test func aNewFileIsNeverCreatedThroughALinkOrOverAFile() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outside = directory.appendingPathComponent("outside.txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("planted.tmp")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        #expect(FileIO.createNewFile(link.path) < 0 && errno == EEXIST)
        let dangling = directory.appendingPathComponent("dangling.tmp")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: directory.appendingPathComponent("nowhere"))
        #expect(FileIO.createNewFile(dangling.path) < 0)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("nowhere").path))
        #expect(FileIO.createNewFile(outside.path) < 0 && errno == EEXIST)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "secret")
    }

    @Test func temporaryNamesCannotBeGuessed() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("www.distribution.json").path
        var names = Set<String>()
        for _ in 0..<50 {
            let temporary = try #require(try FileTransaction.writeTemporary(Array("x".utf8), for: target, tag: "0"))
            names.insert(temporary)
            unlink(temporary)
        }
        #expect(names.count == 50, "the same process, tag and target gave a repeated name")
    }

    /// With links planted at every name the old scheme would have used, a compile into the
    /// directory writes only its own files, and leaves the outside file alone.
    @Test func plantedLinksAreNeitherFollowedNorLeftAsOutput() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let outside = directory.appendingPathComponent("outside.txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        // The output itself a planted link: it must be replaced by a file, not written through.
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("docs.distribution.json"), withDestinationURL: outside)
        let example = TestPaths.examples.appendingPathComponent("default-domain.yaml").path
        let result = try Processes.cfc(["compile", "--output", output.path, example])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "secret")
        let written = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("docs.distribution.json").path)
        #expect(written[.type] as? FileAttributeType == .typeRegular)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["docs.distribution.json"])
    }
}

/// All or nothing into an existing directory: a destination that cannot be replaced is found
/// before any file is (issue: hardening, not all-or-nothing).
@Suite struct CommitAllOrNothingTests {
    @Test func aDirectoryInTheWayStopsTheCommitBeforeAnyRename() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.distribution.json").path
        let second = directory.appendingPathComponent("b.distribution.json").path
        try FileIO.writeAtomically(Array("old a".utf8), to: first)
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: false)
        var transaction = FileTransaction()
        try transaction.stage(Array("new a".utf8), at: first)
        try transaction.stage(Array("new b".utf8), at: second)
        #expect(throws: FileIOError.self) { try transaction.commit() }
        #expect(try FileIO.read(first) == Array("old a".utf8), "a file was replaced before the commit failed")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.distribution.json", "b.distribution.json"],
            "temporaries left behind")
    }

    @Test func theCompileFailsWithoutTouchingTheOtherOutputs() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let example = TestPaths.examples.appendingPathComponent("origin-failover.yaml").path
        let first = try Processes.cfc(["compile", "--format", "both", "--output", output.path, example])
        try #require(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        try #require(names.count == 4)
        // Every file but the last made stale, and the last replaced by a directory.
        for name in names.dropLast() { try Data("stale".utf8).write(to: output.appendingPathComponent(name)) }
        try FileManager.default.removeItem(at: output.appendingPathComponent(names.last!))
        try FileManager.default.createDirectory(at: output.appendingPathComponent(names.last!), withIntermediateDirectories: false)
        let second = try Processes.cfc(["compile", "--format", "both", "--output", output.path, example])
        #expect(second.status == 1)
        #expect(second.stderr.contains("is a directory"), "\(second.stderr)")
        for name in names.dropLast() {
            #expect(try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8) == "stale", "\(name) was replaced")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == names, "temporaries left behind")
    }
}
