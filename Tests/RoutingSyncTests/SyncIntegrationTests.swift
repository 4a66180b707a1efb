import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// End to end against the in-memory org (`FakeGenesysOrg`): its clock auto-advances, so polling and
/// backoff never sleep for real.
@Suite("Syncing against an in-memory org")
struct SyncIntegrationTests {
    @Test("a realistic file is applied, the org equals it, and applying again sends zero writes")
    func applyAndIdempotency() async throws {
        let harness = try Harness()
        let state = try harness.realisticState()

        let plan = try await harness.sync.plan(state)
        #expect(plan.summary.create == 12 + 3 + 4 + 4 + 3)
        #expect(plan.summary.update == 20)
        #expect(harness.org.writes.isEmpty, "planning writes nothing")

        let report = await harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.failed.map(\.description))")
        #expect(report.results.count == plan.changes.count)
        #expect(report.halted == nil)
        harness.expectOrgMatches(state)
        harness.expectNoDuplicates()

        // Second run: reads only.
        harness.org.resetLog()
        let before = await harness.client.counters.snapshot()
        let second = try await harness.sync.apply(state)
        let counts = await harness.client.counters.snapshot().since(before)
        #expect(second.plan.changes.isEmpty, "\(second.plan.lines)")
        #expect(second.results.isEmpty)
        #expect(harness.org.writes.isEmpty)
        #expect(counts.writes == 0)
        #expect(second.requests.writes == 0)
        #expect(second.requests.total == counts.total)
        #expect(harness.apiRequests.allSatisfy { $0.method == .get })
        // The fewest reads the API allows for this file: 7 lists (divisions, skills, languages, wrap-up
        // codes, skill groups, queues, users), 4 skill groups by id (lists carry no conditions), 1 member
        // division list (one group declares memberDivisions), members and wrap-up codes of the 2 queues
        // that declare them.
        let minimumReads = 7 + 4 + 1 + 2 + 2
        #expect(harness.apiRequests.count == minimumReads, "\(harness.apiRequests.map(\.description))")
    }

    @Test("the report encodes as the CLI's apply JSON")
    func reportJSON() async throws {
        let harness = try Harness()
        let report = try await harness.sync.apply(try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        #expect(Set(object.keys) == ["changes", "summary", "results", "requests"])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.first?["status"] as? String == "applied")
        #expect(results.first?["kind"] as? String == "skill")
        #expect(results.first?["action"] as? String == "create")
        #expect(results.first?["error"] == nil)
        let requests = try #require(object["requests"] as? [String: Int])
        #expect(Set(requests.keys) == ["total", "writes", "retries"])
        #expect(requests["writes"] == 1)
    }

    @Test("changes made behind the file's back show up as exactly the drifted objects")
    func drift() async throws {
        let harness = try Harness()
        let state = try harness.realisticState()
        _ = try await harness.applyUntilConverged(state)
        try await harness.settle()

        // Someone edits the org directly.
        let routing = RoutingAPI(client: harness.org.makeClient())
        let queue = try #require(try await routing.findQueue(named: "Tech Support"))
        _ = try await routing.updateQueue(id: queue.id!) { $0.description = "edited in the UI" }
        let billing = try #require(try await routing.findSkill(named: "Billing"))
        let ana = harness.users["ana@example.com"]!
        let anaSkills = try await routing.listUserRoutingSkills(userID: ana).collectItems()
        if anaSkills.contains(where: { $0.id == billing.id }) {
            try await routing.removeUserRoutingSkill(userID: ana, skillID: billing.id!)
        } else {
            _ = try await routing.addUserRoutingSkill(userID: ana, skillID: billing.id!, proficiency: 1)
        }
        let group = try #require(try await routing.findSkillGroup(named: "Sales Team"))
        _ = try await routing.updateSkillGroup(id: group.id!) { group in
            group.skillConditions?[0].routingSkillConditions?[0].proficiency = 3
        }
        let unrelated = try await routing.createSkill(CreateRoutingSkill(name: "Not In The File"))
        _ = unrelated
        try await harness.settle()

        let report = try await harness.sync.detectDrift(state)
        #expect(Set(report.driftedObjects) == [
            ObjectRef(kind: .queue, name: "Tech Support"),
            ObjectRef(kind: .agent, name: "ana@example.com"),
            ObjectRef(kind: .skillGroup, name: "Sales Team"),
        ])
        #expect(report.drifted.first { $0.kind == .queue }?.fields.map(\.description) == ["description: \"edited in the UI\" → \"Technical help\""])
        #expect(report.drifted.first { $0.kind == .skillGroup }?.fields.map(\.field) == ["conditions"])
        // Under prune the undeclared skill is drift too.
        let pruned = try await harness.sync.detectDrift(state, options: PlanOptions(prune: true))
        #expect(pruned.drifted.contains { $0.action == .delete && $0.name == "Not In The File" })
    }

    @Test("injected 503s, dropped connections (some after the write was applied), index lag and a tight rate limit: converges without duplicates")
    func faults() async throws {
        let harness = try Harness(configuration: FakeGenesysOrg.Configuration(
            rateLimit: RateLimit(requests: 40, per: .seconds(60), burst: 10), indexLag: .seconds(5), faultSeed: 42
        ))
        let org = harness.org
        org.addFault(FakeFault(.status(503), when: .probability(0.25), matching: .writes))
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(2),
                               matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                               matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
        org.addFault(FakeFault(.connectionLost(afterApplying: false), when: .next(1),
                               matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skillgroups")))
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .requests([3, 7]),
                               matching: .init(methods: [.patch], pathPrefix: "/api/v2/users")))
        org.addFault(FakeFault(.connectFailed, when: .probability(0.05), matching: .any))
        let state = try harness.realisticState()

        let first = try await harness.sync.apply(state)
        // Within one run every create was planned from a fresh read, so a 409 could only answer a create sent
        // again after a lost answer: lost creates are settled by looking the object up by name instead, never
        // by the fake's duplicate-name 409 (real Genesys is not known to answer one). (A later run may still
        // see 409s legitimately: its plan can miss objects the previous run created while the index lags.)
        let conflicts = harness.apiRequests.filter { $0.status == 409 }
        #expect(conflicts.isEmpty, "\(conflicts.map(\.description))")
        let reports = first.succeeded ? [first] : try await harness.applyUntilConverged(state, runs: 4)
        #expect(reports.last?.succeeded == true)
        let throttled = harness.apiRequests.filter { $0.status == 429 }.count
        #expect(throttled > 0, "the tight rate limit was hit and waited out")
        #expect(harness.apiRequests.contains { $0.fault?.contains("connectionLost") == true })

        org.removeAllFaults()
        try await harness.settle()
        harness.expectNoDuplicates()
        harness.expectOrgMatches(state)
        org.resetLog()
        let final = try await harness.sync.plan(state)
        #expect(final.changes.isEmpty, "\(final.lines)")
        #expect(org.writes.isEmpty)
    }

    @Test("a token revoked mid-run halts with a report of what was and was not applied; a re-run converges")
    func tokenRevoked() async throws {
        let harness = try Harness(configuration: FakeGenesysOrg.Configuration(tokenRequestLimit: 30, rateLimit: nil))
        let org = harness.org
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: FakeGenesysOrg.baseURL), transport: org,
            tokenProvider: StaticTokenProvider(org.issueToken()), retryPolicy: StandardRetryPolicy(jitter: .none),
            rateLimit: nil, clock: org.clock
        )
        let state = try harness.realisticState()
        let report = try await RoutingSync(client: client).apply(state, concurrency: 2)
        let halted = try #require(report.halted)
        #expect(halted.hasPrefix("authentication failed"))
        #expect(!report.succeeded)
        #expect(report.results.contains { $0.status == .applied })
        #expect(report.results.contains { $0.status == .failed })
        let skipped = report.results.filter { $0.status == .skipped }
        #expect(!skipped.isEmpty)
        #expect(skipped.allSatisfy { $0.error?.hasPrefix("not attempted") == true || $0.error?.hasPrefix("depends on") == true })
        #expect(report.results.count == report.plan.changes.count)
        let appliedBefore = report.results.filter { $0.status == .applied }.count

        org.updateConfiguration { $0.tokenRequestLimit = nil }
        let reports = try await harness.applyUntilConverged(state, sync: harness.freshSync())
        #expect(reports.last?.succeeded == true)
        #expect(reports.first!.plan.changes.count <= report.plan.changes.count - appliedBefore + 3)
        harness.expectNoDuplicates()
        harness.expectOrgMatches(state)
    }

    @Test("dependents of a failed change are skipped; independent work continues")
    func dependentsSkipped() async throws {
        let harness = try Harness()
        harness.org.addFault(FakeFault(.status(400), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skillgroups")))
        let state = try harness.realisticState()
        let report = try await harness.sync.apply(state, concurrency: 1)
        let results = Dictionary(uniqueKeysWithValues: report.results.map { ("\($0.kind.rawValue) \($0.name)", $0) })
        #expect(results["skillGroup Billing Experts"]?.status == .failed)
        #expect(results["queue Billing Support"]?.status == .skipped)
        #expect(results["queue Billing Support"]?.error == "depends on skillGroup \"Billing Experts\", which was not applied")
        #expect(results["queue Tech Support"]?.status == .applied)
        #expect(results["skillGroup Spanish Billing"]?.status == .applied)
        #expect(report.results.filter { $0.kind == .agent }.allSatisfy { $0.status == .applied })
        #expect(report.halted == nil)

        let again = try await harness.sync.apply(state)
        #expect(again.plan.lines == ["create skillGroup Billing Experts", "create queue Billing Support"])
        #expect(again.succeeded)
        harness.expectOrgMatches(state)
    }

    @Test("export writes the org by names; planning the export against the same org changes nothing")
    func export() async throws {
        let harness = try Harness()
        _ = try await harness.applyUntilConverged(try harness.realisticState())
        // Objects the file did not create are exported too.
        let stray = try harness.org.addSkill(name: "Legacy")
        try harness.org.assignSkill(userID: harness.users["yan@example.com"]!, skillID: stray, proficiency: 3)
        try await harness.settle()

        let exported = try await harness.sync.export()
        #expect(exported.skills.map(\.name).contains("Legacy"))
        #expect(exported.skills.map(\.name) == exported.skills.map(\.name).sorted { $0.lowercased() < $1.lowercased() })
        #expect(exported.agents.contains { $0.user == .email("yan@example.com") && $0.skills == ["Legacy": 3] })
        for format in DesiredStateFormat.allCases {
            let text = DesiredStateWriter.string(exported, format: format)
            #expect(!text.contains(harness.users["eli@example.com"]!), "names, never ids")
            let reloaded = try DesiredStateLoader.load(string: text, format: format, fileName: "export.\(format.rawValue)")
            harness.org.resetLog()
            let plan = try await harness.sync.plan(reloaded)
            #expect(plan.changes.isEmpty, "\(format): \(plan.lines)")
            #expect(harness.org.writes.isEmpty)
        }
        #expect(DesiredStateWriter.string(exported, format: .yaml) == DesiredStateWriter.string(try await harness.sync.export(), format: .yaml),
                "export is stable")
    }

    @Test("skill groups and queues are renamed in place through previousNames")
    func renames() async throws {
        let harness = try Harness()
        let state = try harness.realisticState()
        _ = try await harness.applyUntilConverged(state)
        let before = harness.org.snapshot()
        let groupID = before.skillGroups.first { $0.group.name == "Tech Tier 2" }?.group.id
        let queueID = before.queues.first { $0.queue.name == "Tech Support" }?.queue.id

        let renamed = try harness.realisticState { text in
            text.replacing("  - name: Tech Tier 2\n", with: "  - name: Tech Tier Two\n    previousNames: [Tech Tier 2]\n")
                .replacing("skillGroups: [Tech Tier 2]", with: "skillGroups: [Tech Tier Two]")
                .replacing("  - name: Tech Support\n", with: "  - name: Technical Support Queue\n    previousNames: [Tech Support]\n")
        }
        try await harness.settle()
        let plan = try await harness.sync.plan(renamed)
        #expect(plan.lines == ["update skillGroup Tech Tier Two", "update queue Technical Support Queue"])
        let report = await harness.sync.apply(plan)
        #expect(report.succeeded)
        let after = harness.org.snapshot()
        #expect(after.skillGroups.first { $0.group.name == "Tech Tier Two" }?.group.id == groupID)
        #expect(after.queues.first { $0.queue.name == "Technical Support Queue" }?.queue.id == queueID)
        #expect(after.skillGroups.count == before.skillGroups.count)
        #expect(after.queues.count == before.queues.count)
        harness.expectOrgMatches(renamed)
    }

    @Test("prune deletes undeclared objects last, queues before skill groups before skills, languages and wrap-up codes")
    func prune() async throws {
        let harness = try Harness()
        let org = harness.org
        let oldSkill = try org.addSkill(name: "Old Skill")
        _ = try org.addLanguage(name: "Old Language")
        _ = try org.addWrapupCode(name: "Old Code")
        _ = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Old Group",
            skillConditions: [SkillGroupCondition(routingSkillConditions: [leaf("Old Skill", .greaterThan, 1)], languageSkillConditions: [], operation: .and)]
        ))
        _ = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Old Queue")))
        try org.assignSkill(userID: harness.users["zed@example.com"]!, skillID: oldSkill, proficiency: 2)
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: New Skill }]
        queues: [{ name: New Queue }]
        """)
        let plan = try await harness.sync.plan(state)
        #expect(plan.lines == [
            "create skill New Skill", "create queue New Queue",
            "delete queue Old Queue", "delete skillGroup Old Group",
            "delete skill Old Skill", "delete language Old Language", "delete wrapupCode Old Code",
        ])
        org.resetLog()
        let report = await harness.sync.apply(plan, concurrency: 1)
        #expect(report.succeeded)
        let deletes = harness.apiRequests.filter { $0.method == .delete }.map(\.path)
        #expect(deletes.count == 5)
        let order = deletes.map { path -> Int in
            if path.hasPrefix("/api/v2/routing/queues") { return 0 }
            if path.hasPrefix("/api/v2/routing/skillgroups") { return 1 }
            return 2
        }
        #expect(order == order.sorted())
        let lastCreate = harness.apiRequests.lastIndex { $0.method == .post }!
        let firstDelete = harness.apiRequests.firstIndex { $0.method == .delete }!
        #expect(lastCreate < firstDelete)
        try await harness.settle()
        #expect(try await harness.sync.plan(state).changes.isEmpty)
    }

    @Test("ambiguous names fail the plan naming the ids, and nothing is written")
    func ambiguousNames() async throws {
        let harness = try Harness()
        let id = try harness.org.addSkill(name: "billing")
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n", file: "routing.yaml")
        harness.org.resetLog()
        await #expect { try await harness.sync.apply(state) } throws: { error in
            (error as? SyncError)?.description
                == "routing.yaml:2: skills[Billing].name: ambiguous: existing skill 'billing' (id \(id)) differs from 'Billing' only in case or surrounding whitespace; rename one of them"
        }
        #expect(harness.org.writes.isEmpty)
    }

    @Test("broken files are rejected before the org is touched", arguments: try Fixtures.invalidFiles())
    func brokenFilesWriteNothing(name: String) async throws {
        let harness = try Harness()
        do {
            let state = try DesiredStateLoader.load(contentsOf: Fixtures.url("invalid/" + name))
            _ = try await harness.sync.apply(state)
            Issue.record("\(name) was accepted")
        } catch let error as DesiredStateError {
            #expect(!error.problems.isEmpty)
        }
        #expect(harness.org.requests.isEmpty)
    }

    @Test("the seed-style JSON skill list creates the skills and adds them to the users at proficiency 1, additively")
    func shorthand() async throws {
        let harness = try Harness()
        let existing = try harness.org.addSkill(name: "Existing")
        try harness.org.assignSkill(userID: harness.users["ana@example.com"]!, skillID: existing, proficiency: 4)
        let state = try Fixtures.load("shorthand.json")
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.lines == [
            "create skill Billing", "create skill Refunds", "create skill Disputes",
            "update agent ana@example.com", "update agent ben@example.com", "update agent cara@example.com",
        ])
        harness.expectOrgMatches(state)
        let ana = harness.org.snapshot().users.first { $0.user.email == "ana@example.com" }!
        #expect(ana.skills.contains { $0.id == existing && $0.proficiency == 4 }, "additive: other skills are kept")
        try await harness.settle()
        #expect(try await harness.sync.plan(state).changes.isEmpty)
    }

    @Test("impact report from the org: per skill, agents, skill groups and queues")
    func impact() async throws {
        let harness = try Harness()
        let state = try harness.realisticState()
        _ = try await harness.applyUntilConverged(state)
        try await harness.settle()
        let report = try await harness.sync.impactReport()
        let billing = try #require(report.skills.first { $0.skill == "Billing" })
        #expect(billing.skillGroups == ["Billing Experts", "Spanish Billing"])
        #expect(billing.queues == ["Billing Support"])
        let holders = state.agents.filter { $0.skills?["Billing"] != nil }.map(\.user.description).sorted()
        #expect(billing.agents == holders)
        let networking = try #require(report.skills.first { $0.skill == "Networking" })
        #expect(networking.skillGroups == ["Tech Tier 2"])
        #expect(networking.queues == ["Tech Support"])
        #expect(report.skills.count == 12)
    }

    @Test("a new skill not yet usable in a condition: the skill-group write is retried, with backoff on the client's clock")
    func consistencyRetry() async throws {
        let harness = try Harness()
        // The first two skill-group creates are refused as if the new skill were not known yet.
        harness.org.addFault(FakeFault(.status(404), when: .next(2), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skillgroups")))
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: Fresh }]
        skillGroups:
          - name: Fresh Group
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Fresh, comparator: GreaterThan, proficiency: 1 }] }]
        """)
        let clock = try #require(harness.org.clock as? ManualClock)
        let sleepsBefore = clock.sleeps.count
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(harness.apiRequests.filter { $0.method == .post && $0.path == "/api/v2/routing/skillgroups" }.count == 3)
        #expect(clock.sleeps.count - sleepsBefore >= 2)
        #expect(harness.org.snapshot().skillGroups.count == 1)
    }

    @Test("optionally waits (polling on the client's clock) until changed skill groups have computed their members")
    func waitsForSkillGroupStatus() async throws {
        let harness = try Harness(
            configuration: FakeGenesysOrg.Configuration(rateLimit: nil, skillGroupEvaluationTime: .seconds(20)),
            syncConfiguration: RoutingSync.Configuration(waitForSkillGroupMembership: true)
        )
        let state = try harness.realisticState()
        let clock = try #require(harness.org.clock as? ManualClock)
        let start = clock.now
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(start.duration(to: clock.now) >= .seconds(20), "time passed only through polling sleeps on the manual clock")
        let routing = RoutingAPI(client: harness.org.makeClient())
        for group in harness.org.snapshot().skillGroups {
            #expect(try await routing.getSkillGroup(id: group.group.id!).status == .complete)
        }
    }
}
