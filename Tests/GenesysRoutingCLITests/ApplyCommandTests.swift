import Foundation
import GenesysTesting
import Testing

@Suite("apply")
struct ApplyCommandTests {
    @Test("apply, then plan on the same state file: no changes")
    func applyThenPlan() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let orgFile = directory.path("org.json")
        let fake = ["--fake", "--fake-seed", Fixtures.seed, "--fake-state", orgFile]

        let apply = await runCLI(["apply", Fixtures.contactCenter] + fake)
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Plan: 32 to create, 20 to update, 0 to replace, 0 to delete, 0 unchanged."))
        #expect(apply.stdout.contains("Apply complete: 52 applied, 0 failed, 0 skipped."))
        #expect(FileManager.default.fileExists(atPath: orgFile))

        let plan = await runCLI(["plan", Fixtures.contactCenter] + fake)
        #expect(plan.status == 0)
        #expect(plan.stdout == "No changes. The org matches the file.\n")
        #expect(plan.stderr.contains("loaded from \(orgFile)"))

        let again = await runCLI(["apply", Fixtures.contactCenter, "--format", "json"] + fake)
        #expect(again.status == 0)
        let json = try parseJSONObject(again.stdout)
        #expect((json["changes"] as? [Any])?.isEmpty == true)
        #expect((json["results"] as? [Any])?.isEmpty == true)
        let requests = try #require(json["requests"] as? [String: Int])
        #expect(requests["writes"] == 0)
    }

    @Test("the JSON report adds results and requests, keys exactly as cli.md")
    func jsonReport() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let run = await runCLI(["apply", state, "--fake", "--fake-seed", seed, "--format", "json", "--concurrency", "2"])
        #expect(run.status == 0)
        let json = try parseJSONObject(run.stdout)
        #expect(Set(json.keys) == ["changes", "summary", "impact", "results", "requests"])  // impact: issue #13
        let topLevel = ["changes", "summary", "impact", "results", "requests"]
        #expect(keysInOrder(run.stdout).filter { topLevel.contains($0) } == topLevel)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 9)
        for result in results {
            #expect(Set(result.keys) == ["kind", "name", "action", "status"])
            #expect(result["status"] as? String == "applied")
        }
        let requests = try #require(json["requests"] as? [String: Int])
        #expect(Set(requests.keys) == ["total", "writes", "retries"])
        #expect(requests["writes", default: 0] > 0)
        #expect(requests["total", default: 0] > requests["writes", default: 0])
    }

    @Test("--dry-run shows the plan and writes nothing")
    func dryRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let orgFile = directory.path("org.json")
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", orgFile]

        let text = await runCLI(["apply", state, "--dry-run"] + fake)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Plan: 7 to create, 2 to update"))
        #expect(text.stdout.hasSuffix("Dry run: nothing was applied.\n"))

        let json = await runCLI(["apply", state, "--dry-run", "--format", "json"] + fake)
        #expect(json.status == 0)
        let object = try parseJSONObject(json.stdout)
        #expect((object["requests"] as? [String: Int])?["writes"] == 0)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 9)
        #expect(results.allSatisfy { $0["status"] as? String == "skipped" && $0["error"] as? String == "dry run" })

        let saved = try FakeOrgState.load(from: URL(fileURLWithPath: orgFile))
        #expect(saved.skills.isEmpty)
        #expect(saved.queues.isEmpty)
        #expect(saved.users.allSatisfy { $0.skills.isEmpty })
        #expect(await runCLI(["plan", state, "--detailed-exitcode"] + fake).status == 2)
    }
}
