#if canImport(Glibc)
import Glibc
#endif
import CFCSupport
import Testing

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
        bytes.appendDecimal(1234567890123)
        #expect(String(decoding: bytes, as: UTF8.self) == "-9223372036854775808 1234567890123")
        #expect(XMLText.isRepresentable("tab\tok é"))
        #expect(!XMLText.isRepresentable("bell\u{07}"))
        #expect(!XMLText.isRepresentable("\u{FFFE}"))
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
    func scratch() -> String {
        var template = Array("/tmp/cfc-transaction-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func contents(_ path: String) -> String? {
        (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) }
    }

    func entries(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
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
}
