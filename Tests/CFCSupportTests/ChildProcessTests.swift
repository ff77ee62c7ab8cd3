import CFCSupport
import Foundation
import Testing

/// The runner `apply` and `drift` will drive the aws CLI with: no shell, bounded time and
/// output, a whole process group killed on overrun, exit statuses as a shell reports them.
@Suite struct ChildProcessTests {
    @Test func argumentsReachTheProgramAsGivenWithNoShell() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfc-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.appendingPathComponent("pwned").path
        let hostile = "$(touch \(marker)); `touch \(marker)`; touch \(marker)"
        let result = try ChildProcess.run("/usr/bin/printf", ["%s|%s", hostile, "two words"], timeoutSeconds: 10)
        #expect(result.status == 0)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == hostile + "|two words")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func inputAndBothOutputs() throws {
        let input = Array(String(repeating: "0123456789", count: 50_000).utf8)  // more than a pipe holds
        let result = try ChildProcess.run("/bin/sh", ["-c", "cat; echo done >&2"], input: input, timeoutSeconds: 30)
        #expect(result.status == 0)
        #expect(result.standardOutput == input)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "done\n")
    }

    @Test func exitStatusesAreAsAShellReportsThem() throws {
        #expect(try ChildProcess.run("/bin/sh", ["-c", "exit 3"], timeoutSeconds: 10).status == 3)
        #expect(try ChildProcess.run("/bin/sh", ["-c", "kill -9 $$"], timeoutSeconds: 10).status == 137)
    }

    /// A hung program, and what it started, end at the timeout: the background sleep it
    /// started (its pid printed first) is gone afterwards, killed with the group.
    @Test func aHungProgramIsKilledWithItsGroup() throws {
        let result = try ChildProcess.run("/bin/sh", ["-c", "sleep 30 & echo $!; sleep 30; echo never"], timeoutSeconds: 0.5)
        #expect(result.timedOut)
        #expect(result.status == 128 + SIGTERM || result.status == 128 + SIGKILL)
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(!output.contains("never"))
        let background = try #require(Int32(output.split(separator: "\n").first ?? ""), "\(output)")
        // Killed means gone or a zombie (whether init reaps it soon depends on the machine);
        // the signal may take a moment to land.
        func running() -> Bool {
            guard kill(background, 0) == 0 else { return false }
            let stat = (try? String(contentsOfFile: "/proc/\(background)/stat", encoding: .utf8)) ?? ""
            return !(stat.split(separator: ")").last?.hasPrefix(" Z") ?? false)
        }
        var alive = running()
        for _ in 0..<200 where alive {
            usleep(10_000)
            alive = running()
        }
        #expect(!alive, "the background sleep \(background) outlived the timeout")
    }

    @Test func outputIsBounded() throws {
        let result = try ChildProcess.run("/bin/sh", ["-c", "head -c 300000 /dev/zero"], timeoutSeconds: 30, maxOutputBytes: 1000)
        #expect(result.standardOutput.count == 1000)
        #expect(result.truncated)
    }

    @Test func environmentEntriesAreAddedOrReplaced() throws {
        let result = try ChildProcess.run(
            "/bin/sh", ["-c", "printf %s \"$CFC_CHILD_TEST\""], environment: ["CFC_CHILD_TEST": "set"],
            timeoutSeconds: 10)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "set")
    }

    @Test func programsAreFoundOnThePath() {
        #expect(ChildProcess.find("sh", searchPath: "/nonexistent:/bin") == "/bin/sh")
        #expect(ChildProcess.find("no-such-program-cfc", searchPath: "/bin:/usr/bin") == nil)
        #expect(ChildProcess.find("/bin/sh", searchPath: nil) == "/bin/sh")
        #expect(throws: ChildProcess.LaunchError.self) { try ChildProcess.run("/nonexistent/aws", [], timeoutSeconds: 1) }
    }
}
