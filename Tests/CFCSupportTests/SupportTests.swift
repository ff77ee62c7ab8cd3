import CFCSupport
import CFCTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256(_ input: String, _ digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func decimalAndEscaping() {
        var bytes: [UInt8] = []
        bytes.appendDecimal(Int64.min)
        bytes.append(" ")
        bytes.appendDecimal(1_234_567_890_123)
        #expect(String(decoding: bytes, as: UTF8.self) == "-9223372036854775808 1234567890123")
        #expect(XMLText.isRepresentable("tab\tok é"))
        #expect(!XMLText.isRepresentable("bell\u{07}"))
        #expect(!XMLText.isRepresentable("\u{FFFE}"))
    }

    /// The printers' writer: every escape JSON and XML need, integers at both ends, and growth
    /// far past the first capacity.
    @Test func byteWriterEscapesAndGrows() {
        func json(_ text: String) -> String {
            var writer = ByteWriter(capacity: 1)
            var text = text
            text.withUTF8 { writer.appendJSONString($0) }
            return String(decoding: writer.bytes(), as: UTF8.self)
        }
        #expect(json("") == "\"\"")
        #expect(json("plain é ✓") == "\"plain é ✓\"")
        #expect(json("q\"b\\n\nr\rt\tb\u{08}f\u{0C}") == #""q\"b\\n\nr\rt\tb\bf\f""#)
        #expect(json("\u{00}\u{01}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(json("a\u{2028}b\u{2029}c\u{2026}") == "\"a\\u2028b\\u2029c\u{2026}\"")

        var xml = ByteWriter(capacity: 1)
        var text = "a&b<c>d\"e\rf'g"
        text.withUTF8 { xml.appendXMLEscaped($0) }
        #expect(String(decoding: xml.bytes(), as: UTF8.self) == "a&amp;b&lt;c&gt;d&quot;e&#13;f'g")

        var numbers = ByteWriter(capacity: 1)
        for value in [Int64.min, -1, 0, 7, 10, 1_000_000, Int64.max] {
            numbers.appendDecimal(value)
            numbers.append(UInt8(ascii: " "))
        }
        numbers.appendBoolean(true)
        numbers.appendSpaces(3)
        numbers.appendBoolean(false)
        #expect(
            String(decoding: numbers.bytes(), as: UTF8.self)
                == "-9223372036854775808 -1 0 7 10 1000000 9223372036854775807 true   false")

        var large = ByteWriter(capacity: 64)
        for _ in 0..<10_000 { large.append("0123456789") }
        #expect(large.byteCount == 100_000)
        let bytes = large.bytes()
        #expect(bytes.count == 100_000 && bytes[99_999] == UInt8(ascii: "9") && bytes[50_000] == UInt8(ascii: "0"))
    }

    /// The escapers copy runs of plain bytes whole: held to a one-scalar-at-a-time reading of
    /// their definition, with special characters at every offset and of every UTF-8 length.
    @Test func escapersAgreeWithTheirDefinitionAtEveryOffset() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{08}", "\u{0C}", "\u{1F}",
            "&", "<", ">", "'", "é", "\u{2026}", "\u{2028}", "\u{2029}", "✓", "\u{10000}",
        ]
        func expectedJSON(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\u{08}": result += "\\b"
                case "\u{0C}": result += "\\f"
                case "\u{2028}": result += "\\u2028"
                case "\u{2029}": result += "\\u2029"
                case _ where scalar.value < 0x20: result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        func expectedXML(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "\r": result += "&#13;"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        }
        var random = SeededRandom(seed: SeededRandom.seed(20_261_127))
        for round in 0..<20_000 {
            // Mostly plain text, so that runs are long and a special character lands anywhere.
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                text.unicodeScalars.append(Int.random(in: 0..<4, using: &random) == 0 ? alphabet.randomElement(using: &random)! : "a")
            }
            var json = ByteWriter(capacity: 1)
            var xml = ByteWriter(capacity: 1)
            text.withUTF8 {
                json.appendJSONString($0)
                xml.appendXMLEscaped($0)
            }
            #expect(String(decoding: json.bytes(), as: UTF8.self) == expectedJSON(text), "round \(round): \(text.debugDescription)")
            #expect(String(decoding: xml.bytes(), as: UTF8.self) == expectedXML(text), "round \(round): \(text.debugDescription)")
        }
    }

    @Test func xmlRepresentability() {
        #expect(XMLText.firstUnrepresentableScalar(in: "tab\tline\ncr\r é ✓ \u{FFFD} \u{10000}") == nil)
        #expect(XMLText.firstUnrepresentableScalar(in: "ab\u{01}")?.index == 2)
        #expect(XMLText.firstUnrepresentableScalar(in: "é\u{FFFF}")?.index == 1)
        #expect(XMLText.firstUnrepresentableScalar(in: "\u{FFFE}")?.scalar == "\u{FFFE}")
        // 0xEF leads ordinary characters too (U+F000 to U+FFFD); they stay representable.
        #expect(XMLText.firstUnrepresentableScalar(in: "\u{FF21}\u{FFFD}") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "coment", in: ["comment", "enabled"]) == "comment")
        #expect(Suggestions.closest(to: "xyz", in: ["comment", "enabled"]) == nil)
        #expect(Suggestions.closest(to: "viewer-protocl-policy", in: ["viewer-protocol-policy"]) == "viewer-protocol-policy")
    }
}

/// Output files are written all or none, and a reader never sees half a file: each is staged
/// beside its destination and renamed into place only when every file is staged.
@Suite struct FileTransactionTests {
    /// A scratch directory, removed (with everything in it) when the suite's process exits.
    func scratch() -> String {
        var template = Array("/tmp/cfc-transaction-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        Self.created.withLock { $0.append(path) }
        Self.cleanUpAtExit
        return path
    }

    static let created = Mutex<[String]>([])
    static let cleanUpAtExit: Void = {
        atexit {
            for path in FileTransactionTests.created.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }()

    func contents(_ path: String) -> String? {
        (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) }
    }

    func entries(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    @Test func destinationsChangeOnlyAtCommitAndNothingIsLeftBehind() throws {
        let directory = scratch()
        try FileIO.writeAtomically(Array("old".utf8), to: directory + "/a.json")
        var transaction = FileTransaction()
        try transaction.stage(Array("new a".utf8), at: directory + "/a.json")
        try transaction.stage(Array("new b".utf8), at: directory + "/b.json")
        // Staged, not yet in place: the old file is whole, the new one absent.
        #expect(contents(directory + "/a.json") == "old")
        #expect(contents(directory + "/b.json") == nil)
        try transaction.commit()
        #expect(contents(directory + "/a.json") == "new a")
        #expect(contents(directory + "/b.json") == "new b")
        #expect(entries(directory) == ["a.json", "b.json"])
    }

    @Test func aRollbackLeavesEveryDestinationAsItWas() throws {
        let directory = scratch()
        try FileIO.writeAtomically(Array("old".utf8), to: directory + "/a.json")
        var transaction = FileTransaction()
        try transaction.stage(Array("new a".utf8), at: directory + "/a.json")
        try transaction.stage(Array("new b".utf8), at: directory + "/b.json")
        transaction.rollback()
        #expect(contents(directory + "/a.json") == "old")
        #expect(entries(directory) == ["a.json"])
    }

    @Test func aFailedStageRemovesWhatWasStaged() throws {
        let directory = scratch()
        var transaction = FileTransaction()
        try transaction.stage(Array("a".utf8), at: directory + "/a.json")
        #expect(throws: FileIOError.self) { try transaction.stage(Array("b".utf8), at: directory + "/missing/b.json") }
        #expect(entries(directory).isEmpty)
    }

    func inode(_ path: String) -> (inode: UInt, modified: Int)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (UInt(status.st_ino), status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec)
    }

    /// A recompile that changes nothing leaves the files alone (same inode, same modification
    /// time), so make, rsync and pipeline caches see no change; a changed byte, a file of the
    /// same size with other bytes, or a symbolic link is replaced.
    @Test func unchangedOutputsAreNotRewritten() throws {
        let directory = scratch()
        try FileIO.writeAtomically(Array("same".utf8), to: directory + "/same.json")
        try FileIO.writeAtomically(Array("abcd".utf8), to: directory + "/other.json")
        try FileIO.writeAtomically(Array("long".utf8), to: directory + "/longer.json")
        try FileIO.writeAtomically(Array("same".utf8), to: directory + "/target.json")
        #expect(symlink(directory + "/target.json", directory + "/link.json") == 0)
        // A hard link with the same bytes is replaced as before: leaving it would keep the
        // other name pointing at cfc's output.
        try FileIO.writeAtomically(Array("same".utf8), to: directory + "/linked.json")
        #expect(link(directory + "/linked.json", directory + "/elsewhere.json") == 0)
        let linkedBefore = try #require(inode(directory + "/linked.json"))
        let before = try #require(inode(directory + "/same.json"))
        let otherBefore = try #require(inode(directory + "/other.json"))

        var transaction = FileTransaction()
        try transaction.stage(Array("same".utf8), at: directory + "/same.json")
        try transaction.stage(Array("wxyz".utf8), at: directory + "/other.json")
        try transaction.stage(Array("longer".utf8), at: directory + "/longer.json")
        try transaction.stage(Array("same".utf8), at: directory + "/link.json")
        try transaction.stage(Array("same".utf8), at: directory + "/linked.json")
        try transaction.commit()
        #expect(try #require(inode(directory + "/linked.json")).inode != linkedBefore.inode)
        #expect(try #require(inode(directory + "/elsewhere.json")).inode == linkedBefore.inode)

        let after = try #require(inode(directory + "/same.json"))
        #expect(after.inode == before.inode && after.modified == before.modified)
        #expect(try #require(inode(directory + "/other.json")).inode != otherBefore.inode)
        #expect(contents(directory + "/other.json") == "wxyz")
        #expect(contents(directory + "/longer.json") == "longer")
        // The link became a file of its own; what it pointed to is untouched.
        var status = stat()
        #expect(lstat(directory + "/link.json", &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG)
        #expect(contents(directory + "/target.json") == "same")
        #expect(
            entries(directory) == ["elsewhere.json", "link.json", "linked.json", "longer.json", "other.json", "same.json", "target.json"])
        #expect(FileIO.regularFile(directory + "/same.json", holds: Array("same".utf8)))
        #expect(!FileIO.regularFile(directory + "/same.json", holds: Array("sam".utf8)))
        #expect(!FileIO.regularFile(directory + "/missing.json", holds: []))
        #expect(!FileIO.regularFile(directory, holds: []))
    }

    func stagedWrite(_ text: String, named name: String, in staging: StagingDirectory) throws -> String {
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(FileIOError) -> String in
            try staging.write(bytes, named: name)
        }
    }

    /// A new output directory is filled under a temporary name and appears whole at commit,
    /// with the parents it needed; nothing else is left beside it.
    @Test func aStagingDirectoryBecomesTheOutputAtCommit() throws {
        let root = scratch()
        let destination = root + "/parent/out/"
        let made = try #require(try StagingDirectory.make(for: destination))
        #expect(made.createdParents == [root + "/parent"])
        #expect(made.directory.destination == root + "/parent/out")
        var transaction = FileTransaction()
        transaction.adopt(made.directory)
        for name in ["a.json", "b.xml"] {
            let file = try stagedWrite("bytes of \(name)", named: name, in: made.directory)
            transaction.adopt(temporary: file, destination: made.directory.destination + "/" + name)
        }
        // A name written twice is refused rather than overwritten.
        #expect(throws: FileIOError.self) { try stagedWrite("again", named: "a.json", in: made.directory) }
        #expect(!FileIO.isDirectory(root + "/parent/out"))
        try transaction.commit()
        #expect(entries(root + "/parent") == ["out"])
        #expect(entries(root + "/parent/out") == ["a.json", "b.xml"])
        #expect(contents(root + "/parent/out/b.xml") == "bytes of b.xml")
    }

    /// Anything already at the destination (a directory, a file, a dangling link), or a path
    /// that cannot name a new directory, means files are staged beside their destinations
    /// instead (where making the directory reports what is wrong).
    @Test func nothingIsStagedForAnExistingPath() throws {
        let root = scratch()
        try FileIO.writeAtomically(Array("x".utf8), to: root + "/file")
        #expect(symlink(root + "/missing", root + "/dangling") == 0)
        // A path ending in `.` or `..` names a directory no rename can make.
        for existing in [
            root, root + "/", root + "/file", root + "/dangling", root + "/file/out", "/", ".",
            root + "/new/.", root + "/new/..", root + "/new/./",
        ] {
            #expect(try StagingDirectory.make(for: existing) == nil, "\(existing)")
        }
        #expect(throws: FileIOError.self) { try FileIO.makeDirectories(root + "/file/out") }
        #expect(entries(root) == ["dangling", "file"])
    }

    /// Every run stages under a name of its own, not derived from the destination: a staging
    /// directory left by a killed run does not stop the next (even in a container, where every
    /// run has the same process id), and a destination name near the longest allowed works.
    @Test func stagingNamesAreFreshAndShort() throws {
        let root = scratch()
        let destination = root + "/" + String(repeating: "n", count: 250)
        let first = try #require(try StagingDirectory.make(for: destination))
        let second = try #require(try StagingDirectory.make(for: destination))
        #expect(first.directory.path != second.directory.path)
        #expect(entries(root).count == 2)
        #expect(entries(root).allSatisfy { $0.hasPrefix(".cfc-") && $0.utf8.count < 64 })
        var transaction = FileTransaction()
        transaction.adopt(second.directory)
        let file = try stagedWrite("x", named: "a.json", in: second.directory)
        transaction.adopt(temporary: file, destination: destination + "/a.json")
        try transaction.commit()
        #expect(contents(destination + "/a.json") == "x")
        rmdir(first.directory.path)
    }

    @Test func aRolledBackStagingDirectoryLeavesNothing() throws {
        let root = scratch()
        let made = try #require(try StagingDirectory.make(for: root + "/new/out"))
        var transaction = FileTransaction()
        transaction.adopt(made.directory)
        let file = try stagedWrite("a", named: "a.json", in: made.directory)
        transaction.adopt(temporary: file, destination: made.directory.destination + "/a.json")
        transaction.rollback()
        FileIO.removeDirectories(made.createdParents)
        #expect(entries(root).isEmpty)
    }

    /// When the destination appears while the run is staging (another process made it), the
    /// files go in one by one and what was there stays.
    @Test func aDestinationMadeMeanwhileGetsTheFilesOneByOne() throws {
        let root = scratch()
        let made = try #require(try StagingDirectory.make(for: root + "/out"))
        var transaction = FileTransaction()
        transaction.adopt(made.directory)
        for name in ["a.json", "b.json"] {
            let file = try stagedWrite("new \(name)", named: name, in: made.directory)
            transaction.adopt(temporary: file, destination: made.directory.destination + "/" + name)
        }
        try FileIO.makeDirectories(root + "/out")
        try FileIO.writeAtomically(Array("theirs".utf8), to: root + "/out/c.json")
        try FileIO.writeAtomically(Array("old".utf8), to: root + "/out/a.json")
        try transaction.commit()
        #expect(entries(root) == ["out"])
        #expect(entries(root + "/out") == ["a.json", "b.json", "c.json"])
        #expect(contents(root + "/out/a.json") == "new a.json")
        #expect(contents(root + "/out/c.json") == "theirs")
    }
}
