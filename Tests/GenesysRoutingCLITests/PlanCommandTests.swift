import Foundation
import GenesysRoutingCLI
import Testing

@Suite("plan")
struct PlanCommandTests {
    @Test("the text plan lists each change and ends with the summary line")
    func textPlan() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["plan", state, "--fake", "--fake-seed", seed])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("  + create skill \"Billing\""))
        #expect(lines.contains("  + create skill group \"Billing Experts\""))
        #expect(lines.contains("      conditions: skill \"Billing\" >= 3"))
        #expect(lines.contains("  + create queue \"Billing Support\""))
        #expect(lines.contains("  ~ update agent \"jane.doe@example.com\""))
        #expect(lines.contains("      skills[Billing]: (none) → 4"))
        #expect(lines.contains("Plan: 7 to create, 2 to update, 0 to replace, 0 to delete, 0 unchanged."))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("fake Genesys org"))
    }

    @Test("colour only on a terminal without NO_COLOR")
    func colour() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        for (noColor, expectColour) in [(nil, true), ("1", false)] {
            var (environment, output) = GenesysRoutingCLI.CLIEnvironment.captured(variables: noColor.map { ["NO_COLOR": $0] } ?? [:])
            environment.outputIsTerminal = true
            let status = await GenesysRoutingCLI.CommandRunner.run(["plan", state, "--fake", "--fake-seed", seed], environment: environment)
            #expect(status == 0)
            #expect(output.standardOutput.text.contains("\u{1B}[32m+ create\u{1B}[0m") == expectColour)
        }
    }

    @Test("the JSON plan has exactly cli.md's keys, in order")
    func jsonPlan() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--format", "json"])
        #expect(run.status == 0)
        let json = try parseJSONObject(run.stdout)
        #expect(Set(json.keys) == ["changes", "summary", "impact"])  // impact: issue #13
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["create": 7, "update": 2, "replace": 0, "delete": 0, "unchanged": 0])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 9)
        for change in changes {
            #expect(Set(change.keys).isSubset(of: ["action", "kind", "name", "fields"]))
            #expect(["create", "update", "replace", "delete"].contains(change["action"] as? String))
            #expect(["skill", "language", "wrapupCode", "skillGroup", "queue", "agent"].contains(change["kind"] as? String))
            for field in change["fields"] as? [[String: Any]] ?? [] {
                #expect(Set(field.keys) == ["field", "from", "to"])
            }
        }
        let agent = try #require(changes.first { $0["kind"] as? String == "agent" && $0["name"] as? String == "jane.doe@example.com" })
        #expect(agent["action"] as? String == "update")
        let fields = try #require(agent["fields"] as? [[String: Any]])
        #expect(fields.contains { $0["field"] as? String == "skills[Billing]" && $0["to"] as? Int == 4 && $0["from"] is NSNull })
        #expect(Array(keysInOrder(run.stdout).prefix(4)) == ["changes", "action", "kind", "name"])
        let keys = keysInOrder(run.stdout)
        let summaryAt = try #require(keys.firstIndex(of: "summary"))
        #expect(Array(keys[summaryAt...].prefix(7)) == ["summary", "create", "update", "replace", "delete", "unchanged", "impact"])
    }

    @Test("--detailed-exitcode: 2 with changes, 0 without")
    func detailedExitCode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let orgFile = directory.path("org.json")
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", orgFile]

        let before = await runCLI(["plan", state, "--detailed-exitcode"] + fake)
        #expect(before.status == 2)
        let plain = await runCLI(["plan", state] + fake)
        #expect(plain.status == 0)

        #expect(await runCLI(["apply", state] + fake).status == 0)
        let after = await runCLI(["plan", state, "--detailed-exitcode"] + fake)
        #expect(after.status == 0)
        #expect(after.stdout == "No changes. The org matches the file.\n")
    }

    @Test("a reference the org cannot resolve exits 1 with one line per problem")
    func unresolvedReference() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try directory.write("routing.yaml", """
            version: 1
            agents:
              - user: nobody@example.com
                skills: { Billing: 1 }
            """)
        let run = await runCLI(["plan", path, "--fake", "--detailed-exitcode"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let problems = run.stderrLines.filter { !$0.hasPrefix("note:") }
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("routing.yaml") })
        #expect(problems.contains { $0.contains("nobody@example.com") })
    }

    @Test("--prune plans deletions of undeclared objects")
    func prune() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (fake, fewer, _) = try await Fixtures.applySmall(in: directory)
        let kept = await runCLI(["plan", fewer, "--format", "json"] + fake)
        #expect(try parseJSONObject(kept.stdout)["changes"] as? [Any] != nil)
        #expect(kept.stdout.contains("\"delete\": 0"))
        let pruned = await runCLI(["plan", fewer, "--prune"] + fake)
        #expect(pruned.status == 0)
        #expect(pruned.stdout.contains("  - delete skill \"Refunds\""))
        #expect(pruned.stdout.contains("  - delete queue \"Billing Support\""))
    }
}
