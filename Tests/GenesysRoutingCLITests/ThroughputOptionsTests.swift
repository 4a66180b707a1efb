import Foundation
import GenesysCore
@testable import GenesysRoutingCLI
import Testing

@Suite("throughput options")
struct ThroughputOptionsTests {
    let credentials = ["GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "secret"]

    @Test("--tokens and --api-share are range-checked")
    func flagRanges() async {
        let tokens = await runCLI(["export", "--fake", "--tokens", "21"])
        #expect(tokens.status != 0)
        #expect(tokens.stderr.contains("--tokens must be between 1 and 20, got 21"))
        let share = await runCLI(["export", "--fake", "--api-share", "0"])
        #expect(share.status != 0)
        #expect(share.stderr.contains("--api-share must be a percentage between 1 and 100, got 0"))
    }

    @Test("a bad GENESYS_TOKEN_POOL_SIZE, GENESYS_API_SHARE or GENESYS_RATE_LIMIT is one line naming the variable", arguments: [
        ("GENESYS_TOKEN_POOL_SIZE", "lots"), ("GENESYS_API_SHARE", "150"), ("GENESYS_RATE_LIMIT", "fast"),
    ])
    func environmentChecked(variable: String, value: String) async throws {
        let run = await runCLI(["export"], environment: credentials.merging([variable: value]) { $1 })
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        let line = try #require(run.stderrLines.first)
        #expect(line.hasPrefix("error: \(variable) must be"))
        #expect(line.contains("'\(value)'"))
    }

    @Test("plan says how long the apply takes at the current pool and suggests --tokens when over a minute")
    func planEstimate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let slow = await runCLI(["plan", state, "--fake", "--fake-seed", seed], environment: ["GENESYS_RATE_LIMIT": "2"])
        #expect(slow.status == 0)
        let note = try #require(slow.stderrLines.first { $0.hasPrefix("note: applying this plan needs about") })
        #expect(note.contains("at 1 token × 2/min"))
        #expect(note.contains("; --tokens "))
        let fast = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--rate-limit", "6000"])
        let quick = try #require(fast.stderrLines.first { $0.hasPrefix("note: applying this plan needs about") })
        #expect(!quick.contains("--tokens"))
    }

    @Test("apply reports the budget it used")
    func applyBudget() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["apply", state, "--fake", "--fake-seed", seed, "--rate-limit", "4", "--tokens", "2", "--api-share", "50"])
        #expect(run.status == 0)
        let note = try #require(run.stderrLines.first { $0.hasPrefix("note: budget used: ") })
        #expect(note.contains("of 2 tokens × 2/min (--api-share 50)"))
    }

    @Test("the estimate follows the token pool's schedule: the burst, then one request per 61 s / 300")
    func estimateFollowsPoolSchedule() {
        // The reference org's first apply: 3,357 requests. The benchmark measures 11.40–11.43 min at 1 token;
        // 290/min (the old estimate) said 11.54 min, the pool's 61 s / 300 says (3357 − 10) × 0.2033 s.
        let one = BudgetNote.duration(of: 3357, tokens: 1, limit: .genesysDefault)
        #expect(abs(one / .seconds(1) - 3347 * 61.0 / 300) < 0.01)
        let ten = BudgetNote.duration(of: 3357, tokens: 10, limit: .genesysDefault)
        #expect(abs(ten / .seconds(1) - 3257 * 61.0 / 3000) < 0.01)
        #expect(BudgetNote.duration(of: 10, tokens: 1, limit: .genesysDefault) == .zero)
    }
}
