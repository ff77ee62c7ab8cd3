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
