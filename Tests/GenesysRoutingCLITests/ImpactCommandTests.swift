import Foundation
import GenesysRoutingCLI
import Testing

/// Issue #13 in the CLI: the "Routing impact" section, the JSON `impact` array, the empty-queue warning
/// and `--fail-on-empty-queue`, `--no-impact`.
@Suite("plan and apply: routing impact")
struct ImpactCommandTests {
    /// A file whose new queue reaches only a skill group nobody qualifies for.
    static let emptyQueue = """
        version: 1
        skills: [{ name: Billing }]
        skillGroups:
          - name: Billing Masters
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Billing, comparator: EqualTo, proficiency: 5 }] }]
        queues:
          - name: Masters Line
            skillGroups: [Billing Masters]
        agents:
          - user: jane.doe@example.com
            skills: { Billing: 4 }
        """

    @Test("the text plan ends with the Routing impact section")
    func text() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["plan", state, "--fake", "--fake-seed", seed])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Routing impact (") && $0.hasSuffix("):") })
        #expect(Array(lines[(heading + 1)...].prefix(2)) == [
            "  skill group \"Billing Experts\": agents 0 → 1",
            "  queue \"Billing Support\": agents 0 → 1",
        ])
    }

    @Test("the JSON plan carries the impact array as cli.md shows it")
    func json() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--format", "json"])
        #expect(run.status == 0)
        let impact = try #require(try parseJSONObject(run.stdout)["impact"] as? [[String: Any]])
        #expect(impact.count == 2)
        #expect(impact.allSatisfy { Set($0.keys) == ["kind", "name", "agentsBefore", "agentsAfter", "exact"] })
        #expect(impact.map { "\($0["kind"]!) \($0["name"]!) \($0["agentsBefore"]!) \($0["agentsAfter"]!) \($0["exact"]!)" } == [
            "skillGroup Billing Experts 0 1 1", "queue Billing Support 0 1 1",
        ])
    }

    @Test("an empty queue is a warning; --fail-on-empty-queue makes it an error before any write")
    func emptyQueueWarningAndError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (_, seed) = try Fixtures.writeSmall(in: directory)
        let state = try directory.write("empty.yaml", Self.emptyQueue)
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", directory.path("org.json")]

        let plan = await runCLI(["plan", state] + fake)
        #expect(plan.status == 0)
        #expect(plan.stderrLines.contains { $0.hasPrefix("warning: queue \"Masters Line\" would have no eligible agent") })

        let failing = await runCLI(["apply", state, "--fail-on-empty-queue"] + fake)
        #expect(failing.status == 1)
        #expect(failing.stderrLines.contains {
            $0.hasPrefix("error:") && $0.contains("\"Masters Line\"") && $0.contains("--fail-on-empty-queue")
        })
        let after = await runCLI(["plan", state, "--format", "json"] + fake)
        let summary = try #require(try parseJSONObject(after.stdout)["summary"] as? [String: Int])
        #expect(summary["create"] == 3, "nothing was written: \(summary)")
    }

    @Test("--no-impact leaves the section, the JSON key and the warning out")
    func noImpact() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (_, seed) = try Fixtures.writeSmall(in: directory)
        let state = try directory.write("empty.yaml", Self.emptyQueue)
        let text = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--no-impact"])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("Routing impact"))
        #expect(!text.stderr.contains("warning: queue"))
        let json = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--no-impact", "--format", "json"])
        #expect(try parseJSONObject(json.stdout)["impact"] == nil)
    }
}
