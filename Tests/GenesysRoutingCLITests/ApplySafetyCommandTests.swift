import Foundation
import GenesysTesting
@testable import GenesysRoutingCLI
import Logging
import Testing

/// cli.md, Safety and Exit codes: the delete budget, interrupts (130 and the partial report) and progress
/// lines when standard error is not a terminal.
@Suite("apply safety")
struct ApplySafetyCommandTests {
    @Test("a plan over --max-deletes is refused before any write, saying how many and how to lift it")
    func deleteBudget() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (fake, fewer, orgFile) = try await Fixtures.applySmall(in: directory)
        let before = try String(contentsOfFile: orgFile, encoding: .utf8)

        let refused = await runCLI(["apply", fewer, "--prune", "--max-deletes", "5"] + fake)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("  - delete skill \"Refunds\""), "the plan is shown")
        #expect(refused.stderr.contains(
            "error: the plan deletes 6 objects, more than --max-deletes 5 allows; nothing was written. "
                + "Review the deletes, then run again with --max-deletes 6 (or --max-deletes all)"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("Apply"))
        #expect(try String(contentsOfFile: orgFile, encoding: .utf8) == before, "nothing was written")

        let plan = await runCLI(["plan", fewer, "--prune", "--max-deletes", "5"] + fake)
        #expect(plan.status == 1)
        #expect(plan.stdout.contains("  - delete queue \"Billing Support\""))
        #expect(plan.stderr.contains("more than --max-deletes 5 allows"))

        #expect(await runCLI(["plan", fewer, "--prune", "--max-deletes", "6"] + fake).status == 0)
        let lifted = await runCLI(["apply", fewer, "--prune", "--max-deletes", "all"] + fake)
        #expect(lifted.status == 0, "\(lifted.stderr)")
        #expect(lifted.stdout.contains("Apply complete: 6 applied"))

        let bad = await runCLI(["plan", fewer, "--max-deletes", "lots"] + fake)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--max-deletes"))
    }

    @Test("out-of-range --change-timeout and --max-deletes are usage errors")
    func options() async throws {
        let zero = await runCLI(["apply", "routing.yaml", "--fake", "--change-timeout", "0"])
        #expect(zero.status == 1)
        #expect(zero.stderr.contains("--change-timeout must be between 1 and 3600 seconds, got 0"), "\(zero.stderr)")
        let negative = await runCLI(["plan", "routing.yaml", "--fake", "--max-deletes", "-1"])
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("--max-deletes"))
    }

    @Test("the default budget is 25 deletes")
    func defaultBudget() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let seed = try directory.write("seed.yaml", "divisions: [Home]\n")
        let many = try directory.write("many.yaml", "version: 1\nskills:\n" + (1...26).map { "  - name: S\($0)\n" }.joined())
        let none = try directory.write("none.yaml", "version: 1\nskills: []\n")
        let orgFile = directory.path("org.json")
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", orgFile]
        #expect(await runCLI(["apply", many] + fake).status == 0)
        let refused = await runCLI(["apply", none, "--prune"] + fake)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the plan deletes 26 objects, more than --max-deletes 25 allows"), "\(refused.stderr)")
    }

    /// Runs `apply` on the small fixture, one change at a time, delivering `signals` when the first change
    /// has been applied (the change is still in flight then).
    private func interruptedApply(signals: [String], format: String = "text") async throws -> (CLIRun, exits: [Int32]) {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let (source, send, exits) = InterruptSource.manual()
        let captured = CLIEnvironment.captured()
        var environment = captured.0
        let output = captured.1
        environment.interrupts = source
        let sent = LockedBox(false)
        environment.makeLogHandler = { _ in
            CallbackLogHandler { message in
                guard message == "routing sync applied" else { return }
                let first = sent.withLock { sent in
                    let first = !sent
                    sent = true
                    return first
                }
                if first { for signal in signals { send(signal) } }
            }
        }
        let status = await CommandRunner.run(
            ["apply", state, "--fake", "--fake-seed", seed, "--concurrency", "1", "--verbose", "--format", format], environment: environment)
        return (CLIRun(status: status, output: output), exits())
    }

    @Test("the first SIGINT stops starting changes, prints the partial report and exits 130")
    func interrupt() async throws {
        let (run, exits) = try await interruptedApply(signals: ["SIGINT"])
        #expect(run.status == 130, "\(run.stderr)")
        #expect(exits.isEmpty)
        #expect(run.stderr.contains("SIGINT received: finishing the changes in flight, starting no new ones"))
        #expect(run.stderr.contains(
            "error: interrupted (SIGINT): 1 applied, 0 failed, 8 not started of 9 changes; run apply again to finish"), "\(run.stderr)")
        #expect(run.stdout.contains("Apply incomplete: 1 applied, 0 failed, 8 skipped."), "\(run.stdout)")
        #expect(run.stdout.contains("not started: cancelled"))
    }

    @Test("SIGTERM interrupts too, and the JSON report marks what did not start")
    func interruptJSON() async throws {
        let (run, _) = try await interruptedApply(signals: ["SIGTERM"], format: "json")
        #expect(run.status == 130)
        let json = try parseJSONObject(run.stdout)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 9)
        #expect(results.filter { $0["status"] as? String == "applied" }.count == 1)
        #expect(results.filter { $0["error"] as? String == "not started: cancelled" }.count == 8)
    }

    @Test("a second signal exits at once with 130")
    func secondSignal() async throws {
        let (run, exits) = try await interruptedApply(signals: ["SIGINT", "SIGINT"])
        #expect(exits == [130])
        #expect(run.stderr.contains("error: SIGINT received again: exiting at once"))
    }

    @Test("off a terminal, progress is a plain line every 10 s of the injected clock, none before")
    func plainProgress() async throws {
        let sink = BufferSink()
        let clock = ManualClock()
        let line = ProgressLine(sink: sink, enabled: false, clock: clock)
        let status = LockedBox("applied 0/3350, failed 0, skipped 0")
        let (gate, finish) = AsyncStream.makeStream(of: Void.self)
        let work = Task {
            try await line.track("Applying 3350 changes", status: { status.current }) {
                for await _ in gate { break }
            }
        }
        try await clock.waitForSleepers(1)
        clock.advance(by: .seconds(9))
        try await clock.waitForSleepers(1)
        for _ in 0..<100 { await Task.yield() }
        #expect(sink.text.isEmpty, "no line before 10 s")

        status.withLock { $0 = "applied 120/3350, failed 0, skipped 0" }
        clock.advance(by: .seconds(1))
        try await waitUntil { !sink.text.isEmpty }
        #expect(sink.text == "Applying 3350 changes… applied 120/3350, failed 0, skipped 0, 10s\n")

        try await clock.waitForSleepers(1)
        clock.advance(by: .seconds(10))
        try await waitUntil { sink.lines.count == 2 }
        #expect(sink.lines.last == "Applying 3350 changes… applied 120/3350, failed 0, skipped 0, 20s")

        finish.yield()
        try await work.value
        #expect(sink.lines.count == 2, "nothing after the work ended")
        #expect(!sink.text.contains("\u{1B}"), "no terminal escapes off a terminal")
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        var yields = 0
        while !condition(), yields < 100_000 {
            await Task.yield()
            yields += 1
        }
        try #require(condition())
    }
}
