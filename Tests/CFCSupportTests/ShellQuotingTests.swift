import CFCSupport
import CFCTestSupport
import Foundation
import Testing

@Suite struct ShellQuotingTests {
    @Test(arguments: [
        ("E2QWRUHAPOMQZL", "E2QWRUHAPOMQZL"),
        ("file://www.distribution.json", "file://www.distribution.json"),
        ("<ETAG>", "'<ETAG>'"),
        ("E1$(touch x)", "'E1$(touch x)'"),
        ("it's", "'it'\\''s'"),
        ("", "''"),
        ("a b", "'a b'"),
    ])
    func quotesOnlyWhatNeedsIt(argument: String, expected: String) {
        #expect(ShellQuoting.quote(argument) == expected)
    }

    /// Law: a POSIX shell reads the command line back as exactly the arguments, whatever they
    /// hold, and runs nothing else (`/bin/sh` prints each argument it was given).
    @Test func aShellReadsBackExactlyTheArguments() throws {
        let seed = SeededRandom.seed(0x5348_454C)
        print("ShellQuoting seed: \(seed)")
        var random = SeededRandom(seed: seed)
        let alphabet = Array("ab$`'\"\\;|&<>(){}[]*?~#!= \t\n%@+,.:/-é☃")
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for _ in 0..<40 {
            var arguments: [String] = []
            for _ in 0..<8 {
                arguments.append(String((0..<Int.random(in: 0...10, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            }
            // Any command substitution that escaped its quotes would create this file.
            arguments.append("$(touch \(scratch.path)/pwned)`touch \(scratch.path)/pwned`")
            let script = "printf '%s\\0' " + ShellQuoting.commandLine(arguments)
            let result = try Processes.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
            let read = result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(read == arguments, "seed \(seed): \(script)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("pwned").path))
    }
}
