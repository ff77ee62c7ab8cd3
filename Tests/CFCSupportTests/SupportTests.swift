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
