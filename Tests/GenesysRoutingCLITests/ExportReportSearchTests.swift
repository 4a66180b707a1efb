import Foundation
import Testing

@Suite("export, report impact, search skills")
struct ExportReportSearchTests {
    /// A fake org state file with contact-center.yaml applied.
    static func appliedOrg(in directory: TemporaryDirectory) async throws -> [String] {
        let fake = ["--fake", "--fake-seed", Fixtures.seed, "--fake-state", directory.path("org.json")]
        let apply = await runCLI(["apply", Fixtures.contactCenter] + fake)
        try #require(apply.status == 0)
        return fake
    }

    @Test("export, then plan the export on the same org: no changes", arguments: ["yaml", "json"])
    func exportThenPlan(format: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.appliedOrg(in: directory)

        let toStdout = await runCLI(["export", "--format", format] + fake)
        #expect(toStdout.status == 0)
        #expect(format == "json" ? toStdout.stdout.hasPrefix("{") : toStdout.stdout.hasPrefix("version: 1"))

        let file = directory.path("export.\(format)")
        let toFile = await runCLI(["export", "--output", file] + fake)
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == toStdout.stdout)

        let plan = await runCLI(["plan", file, "--detailed-exitcode"] + fake)
        #expect(plan.status == 0)
        #expect(plan.stdout == "No changes. The org matches the file.\n")
    }

    @Test("report impact: CSV header and one row per skill")
    func impactCSV() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.appliedOrg(in: directory)
        let run = await runCLI(["report", "impact"] + fake)
        #expect(run.status == 0)
        let rows = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "skill,agentCount,agents,skillGroups,queues")
        #expect(rows.count == 13)
        let billing = try #require(rows.first { $0.hasPrefix("Billing,") })
        #expect(billing.hasPrefix("Billing,6,"))
        #expect(billing.hasSuffix(",Billing Experts; Spanish Billing,Billing Support"))
        #expect(rows.contains { $0.hasPrefix("Networking,3,") && $0.hasSuffix(",Tech Tier 2,Technical Support") })

        let file = directory.path("impact.md")
        let markdown = await runCLI(["report", "impact", "--format", "markdown", "--output", file] + fake)
        #expect(markdown.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("| Skill | Agents | Skill groups | Queues |"))

        let json = await runCLI(["report", "impact", "--format", "json"] + fake)
        let skills = try #require(try parseJSONObject(json.stdout)["skills"] as? [[String: Any]])
        #expect(skills.count == 12)
    }

    @Test("search skills: prefix match, sorted, paged")
    func searchPaging() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.appliedOrg(in: directory)

        let prefix = await runCLI(["search", "skills", "re"] + fake)
        #expect(prefix.status == 0)
        #expect(prefix.stdout == "Refunds\nRetention\n")
        #expect(prefix.stderr.contains("page 1 of 1 (2 skills)"))

        var seen: [String] = []
        for page in 1...3 {
            let run = await runCLI(["search", "skills", "", "--size", "5", "--page", "\(page)", "--format", "json"] + fake)
            #expect(run.status == 0)
            let json = try parseJSONObject(run.stdout)
            #expect(json["total"] as? Int == 12)
            #expect(json["pageCount"] as? Int == 3)
            #expect(json["page"] as? Int == page)
            let skills = try #require(json["skills"] as? [[String: Any]])
            #expect(skills.count == (page < 3 ? 5 : 2))
            seen += skills.compactMap { $0["name"] as? String }
        }
        #expect(seen.count == 12)
        #expect(seen == seen.sorted { $0.lowercased() < $1.lowercased() })
        #expect(Array(keysInOrder(await runCLI(["search", "skills", "Bil", "--format", "json"] + fake).stdout).prefix(6))
                == ["query", "page", "size", "total", "pageCount", "skills"])

        let beyond = await runCLI(["search", "skills", "", "--page", "9", "--format", "json"] + fake)
        #expect((try parseJSONObject(beyond.stdout)["skills"] as? [Any])?.isEmpty == true)

        let none = await runCLI(["search", "skills", "zzz"] + fake)
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)

        let badSize = await runCLI(["search", "skills", "a", "--size", "0"] + fake)
        #expect(badSize.status == 1)
        #expect(badSize.stderr.hasPrefix("error: --size must be between 1 and 500"))

        // (page - 1) * size would overflow: refused up front, with one line, instead of crashing.
        for page in ["\(Int.max)", "1000001", "0"] {
            let badPage = await runCLI(["search", "skills", "a", "--page", page, "--size", "500"] + fake)
            #expect(badPage.status == 1)
            #expect(badPage.stdout.isEmpty)
            #expect(badPage.stderrLines.count == 1)
            #expect(badPage.stderr.hasPrefix("error: --page must be between 1 and 1000000, got \(page)"))
        }
        let lastPage = await runCLI(["search", "skills", "", "--page", "1000000", "--size", "500", "--format", "json"] + fake)
        #expect(lastPage.status == 0)
        #expect((try parseJSONObject(lastPage.stdout)["skills"] as? [Any])?.isEmpty == true)
    }
}
