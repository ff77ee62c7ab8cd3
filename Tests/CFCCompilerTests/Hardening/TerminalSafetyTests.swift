import CFCTestSupport
import Foundation
import Testing

/// Nothing from a file reaches a terminal raw (issue: hardening, control characters): an origin
/// id written with YAML escapes for a C1 control (CSI, U+009B), NEL (U+0085) and a bidi override
/// (U+202E), and a file name with ESC, come out of every text report as visible escapes.
@Suite struct TerminalSafetyTests {
    static let id = #"o\x9B31m\Nx\u202E"#

    static func config(domain: String) -> String {
        """
        version: 1
        distributions:
          www:
            origins:
              "\(id)": {domain-name: \(domain), custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: "\(id)", viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}

        """
    }

    /// C0 controls but line feed and tab, DEL, C1 controls, NEL, and format characters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.generalCategory == .format
    }

    @Test(arguments: ["plan", "diff", "route", "fmt"])
    func textReportsEscapeWhatTheFilesHold(command: String) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old\u{1B}[2J.yaml")
        let new = directory.appendingPathComponent("new.yaml")
        try Self.config(domain: "app.example.com").write(to: old, atomically: true, encoding: .utf8)
        try Self.config(domain: "app2.example.com").write(to: new, atomically: true, encoding: .utf8)
        let arguments: [String] =
            switch command {
            case "plan": ["plan", "--previous", old.path, new.path]
            case "diff": ["diff", old.path, new.path]
            case "route": ["route", old.path, "GET", "https://d111111abcdef8.cloudfront.net/x"]
            default: ["fmt", "--check", old.path]
            }
        let result = try Processes.cfc(arguments)
        let output = result.stdout + result.stderr
        #expect(!output.isEmpty)
        let raw = output.unicodeScalars.filter(Self.isForbidden)
        #expect(raw.isEmpty, "\(command) printed \(raw.map { String($0.value, radix: 16) }) raw:\n\(output.debugDescription)")
        if command != "fmt" { #expect(output.contains(#"\x9B"#) && output.contains(#"\u202E"#), "\(output)") }
    }
}
