import Foundation
import GenesysRoutingCLI
import Testing

/// #14 end to end through the CLI, against the embedded fake: a file using every queue setting validates,
/// applies (two queues overflowing to each other) and re-plans empty; drift in a nested setting shows as
/// `field: from → to`; an export re-plans empty.
@Suite("queue settings through the CLI")
struct QueueSettingsCommandTests {
    /// Every setting of the "Queues: every setting" section, on two queues that refer to each other: the
    /// loader tests' fixture (`Tests/RoutingSyncTests/Fixtures/queue-settings.yaml`), with the skill and
    /// skill groups it names declared so it applies to an empty org.
    static func everySetting() throws -> String {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RoutingSyncTests/Fixtures/queue-settings.yaml")
        let queues = try String(contentsOf: fixture, encoding: .utf8)
        let declared = """
            version: 1
            skills:
              - name: Billing
            skillGroups:
              - name: Billing Experts
                conditions:
                  - operation: And
                    routingSkillConditions:
                      - { routingSkill: Billing, comparator: GreaterThanOrEqualTo, proficiency: 3 }
              - name: Tech Tier 2
                conditions:
                  - operation: And
                    routingSkillConditions:
                      - { routingSkill: Billing, comparator: GreaterThanOrEqualTo, proficiency: 1 }

            """
        try #require(queues.contains("\nversion: 1\n"))
        return queues.replacingOccurrences(of: "\nversion: 1\n", with: "\n" + declared)
    }

    @Test("validate, apply with an overflow cycle, re-plan empty, drift in a nested setting, export re-plans empty")
    func everySettingEndToEnd() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let everySetting = try Self.everySetting()
        let state = try directory.write("routing.yaml", everySetting)
        let fake = ["--fake", "--fake-state", directory.path("org.json")]

        let validate = await runCLI(["validate", state])
        #expect(validate.status == 0, "\(validate.stderr)")

        let applied = await runCLI(["apply", state] + fake)
        try #require(applied.status == 0, "\(applied.stdout)\n\(applied.stderr)")
        let again = await runCLI(["plan", state, "--detailed-exitcode"] + fake)
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(again.stdout == "No changes. The org matches the file.\n")

        // One nested setting changed in the file: the plan names the queue and shows `field: from → to`.
        let changed = try directory.write("changed.yaml", everySetting.replacingOccurrences(
            of: "[{ type: TIMEOUT_SECONDS, threshold: 15 }]", with: "[{ type: TIMEOUT_SECONDS, threshold: 45 }]"
        ))
        let drift = await runCLI(["plan", changed, "--detailed-exitcode"] + fake)
        #expect(drift.status == 2, "\(drift.stdout)\n\(drift.stderr)")
        let lines = drift.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  ~ update queue \"Billing Support\""), "\(drift.stdout)")
        let fieldLines = lines.filter { $0.hasPrefix("      ") }
        #expect(fieldLines == ["      bullseye.rings[0].expansionCriteria[0].threshold: 15 → 45"], "\(drift.stdout)")
        #expect(lines.contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged."))

        // Export holds every setting the org has: planning it finds nothing to do.
        let exported = directory.path("export.yaml")
        let export = await runCLI(["export", "--output", exported] + fake)
        try #require(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("bullseye:") && text.contains("conditionalGroupActivation:") && text.contains("backupQueue: Billing Overflow"))
        let replan = await runCLI(["plan", exported, "--detailed-exitcode"] + fake)
        #expect(replan.status == 0, "\(replan.stdout)\n\(replan.stderr)")
        #expect(replan.stdout == "No changes. The org matches the file.\n")
    }

    @Test("an agentWaitSeconds below the API's minimum of 60 is one located line naming the field and the range")
    func agentWaitSecondsMinimum() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let state = try directory.write("routing.yaml", """
            version: 1
            queues:
              - name: Billing Support
                directRouting: { waitForAgent: true, agentWaitSeconds: 30 }
            """)
        let run = await runCLI(["validate", state])
        #expect(run.status == 1)
        let problems = run.stderrLines.filter { !$0.hasPrefix("note:") }
        #expect(problems == [
            "routing.yaml:4: queues[Billing Support].directRouting.agentWaitSeconds: 30 is out of range (60–864000)",
        ], "\(run.stderr)")
    }
}
