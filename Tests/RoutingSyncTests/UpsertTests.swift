import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// The per-object upserts a Swift service calls: each goes through the file's validate → plan → apply path
/// and reports the object's id and whether it was created, updated or already matched.
@Suite("Upserts")
struct UpsertTests {
    static func harness(indexLag: Duration = .zero, consistencyTimeout: Duration = .seconds(60)) throws -> Harness {
        try Harness(
            configuration: FakeGenesysOrg.Configuration(rateLimit: nil, indexLag: indexLag),
            syncConfiguration: RoutingSync.Configuration(consistencyTimeout: consistencyTimeout)
        )
    }

    static func salesID(_ harness: Harness) throws -> String {
        try #require(harness.org.snapshot().divisions.first { $0.name == "Sales" }?.id)
    }

    // MARK: - Created, updated, unchanged

    @Test("a skill: created with its id, unchanged on a second call (reads only), updated when its division changes")
    func skill() async throws {
        let harness = try Self.harness()
        let created = try await harness.sync.upsertSkill(SkillSpec(name: "Billing"))
        let stored = try #require(harness.org.snapshot().skills.first { $0.name == "Billing" })
        #expect(created == UpsertResult(kind: .skill, name: "Billing", id: try #require(stored.id), outcome: .created))

        harness.org.resetLog()
        let again = try await harness.sync.upsertSkill(SkillSpec(name: "Billing"))
        #expect(again.outcome == .unchanged && again.id == created.id && again.changes.isEmpty)
        #expect(harness.org.writes.isEmpty, "an unchanged upsert writes nothing")

        let moved = try await harness.sync.upsertSkill(SkillSpec(name: "Billing", division: "Sales"))
        #expect(moved.outcome == .updated && moved.id == created.id)
        #expect(moved.changes.map(\.field) == ["division"])
        #expect(harness.org.snapshot().skills.first { $0.id == created.id }?.division?.id == (try Self.salesID(harness)))
        harness.expectNoDuplicates()
    }

    @Test("a language: created, then unchanged (a language has only its name)")
    func language() async throws {
        let harness = try Self.harness()
        let created = try await harness.sync.upsertLanguage(LanguageSpec(name: "Spanish"))
        #expect(created.outcome == .created)
        #expect(harness.org.snapshot().languages.first { $0.name == "Spanish" }?.id == created.id)
        let again = try await harness.sync.upsertLanguage(LanguageSpec(name: "Spanish"))
        #expect(again.outcome == .unchanged && again.id == created.id)
    }

    @Test("a wrap-up code: created, unchanged, updated when its division changes")
    func wrapupCode() async throws {
        let harness = try Self.harness()
        let created = try await harness.sync.upsertWrapupCode(WrapupCodeSpec(name: "Resolved"))
        #expect(created.outcome == .created)
        #expect(harness.org.snapshot().wrapupCodes.first { $0.name == "Resolved" }?.id == created.id)
        #expect(try await harness.sync.upsertWrapupCode(WrapupCodeSpec(name: "Resolved")) == UpsertResult(
            kind: .wrapupCode, name: "Resolved", id: created.id, outcome: .unchanged))
        let moved = try await harness.sync.upsertWrapupCode(WrapupCodeSpec(name: "Resolved", division: "Sales"))
        #expect(moved.outcome == .updated && moved.id == created.id)
    }

    @Test("a skill group: created with conditions naming a skill, unchanged, updated; fields not given are kept")
    func skillGroup() async throws {
        let harness = try Self.harness()
        _ = try harness.org.addSkill(name: "Billing")
        let conditions = [SkillGroupCondition(routingSkillConditions: [leaf("Billing", .greaterThan, 2)], operation: .and)]
        let spec = SkillGroupSpec(name: "Billing Experts", description: "first", conditions: conditions)
        let created = try await harness.sync.upsertSkillGroup(spec)
        #expect(created.outcome == .created)
        #expect(harness.org.snapshot().skillGroups.first { $0.group.name == "Billing Experts" }?.group.id == created.id)

        #expect(try await harness.sync.upsertSkillGroup(spec).outcome == .unchanged)
        // Only the description is written: the conditions stay as they are.
        let updated = try await harness.sync.upsertSkillGroup(SkillGroupSpec(name: "Billing Experts", description: "second"))
        #expect(updated.outcome == .updated && updated.id == created.id)
        #expect(updated.changes.map(\.field) == ["description"])
        let stored = try #require(harness.org.snapshot().skillGroups.first { $0.group.id == created.id })
        #expect(stored.group.description == "second")
        #expect(stored.group.skillConditions?.count == 1)
    }

    @Test("a queue: created, unchanged, updated; upserting without members leaves members alone, and members are added (not replaced) by default")
    func queue() async throws {
        let harness = try Self.harness()
        let ana = try #require(harness.users["ana@example.com"]), ben = try #require(harness.users["ben@example.com"])
        let created = try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk", description: "a", members: [.email("ana@example.com")]))
        #expect(created.outcome == .created)
        func members() -> Set<String> {
            Set(harness.org.snapshot().queues.first { $0.queue.id == created.id }?.members.map(\.userID) ?? [])
        }
        #expect(members() == [ana])

        #expect(try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk", description: "a")).outcome == .unchanged)
        let updated = try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk", description: "b"))
        #expect(updated.outcome == .updated && updated.id == created.id)
        #expect(members() == [ana], "a queue upserted without members keeps them")

        let added = try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk", members: [.email("ben@example.com")]))
        #expect(added.outcome == .updated)
        #expect(members() == [ana, ben], "additive by default: nobody removed")
        _ = try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk", members: [.email("ben@example.com")]), members: .authoritative)
        #expect(members() == [ben])
    }

    @Test("a routing profile: merge adds and updates the skills given and keeps the others; replace removes them; users are never created")
    func routingProfile() async throws {
        let harness = try Self.harness()
        let billing = try harness.org.addSkill(name: "Billing")
        let refunds = try harness.org.addSkill(name: "Refunds")
        _ = try harness.org.addLanguage(name: "Spanish")
        let ana = try #require(harness.users["ana@example.com"])
        func skills() -> [String: Double] {
            let user = harness.org.snapshot().users.first { $0.user.id == ana }
            return Dictionary(uniqueKeysWithValues: (user?.skills ?? []).filter { $0.state == .active }.map { ($0.id, $0.proficiency) })
        }

        let first = try await harness.sync.upsertRoutingProfile(AgentSpec(user: .email("ana@example.com"), skills: ["Billing": 3]))
        #expect(first == UpsertResult(kind: .agent, name: "ana@example.com", id: ana, outcome: .updated, changes: first.changes))
        #expect(first.changes.map(\.field) == ["skills[Billing]"])
        let merged = try await harness.sync.upsertRoutingProfile(
            AgentSpec(user: .email("ANA@example.com"), skills: ["Refunds": 2], languages: ["Spanish": 4]))
        #expect(merged.outcome == .updated && merged.id == ana)
        #expect(skills() == [billing: 3, refunds: 2], "merge keeps Billing")
        #expect(try await harness.sync.upsertRoutingProfile(AgentSpec(user: .id(ana), skills: ["Refunds": 2])).outcome == .unchanged)

        let replaced = try await harness.sync.upsertRoutingProfile(AgentSpec(user: .id(ana), skills: ["Refunds": 2]), mode: .authoritative)
        #expect(replaced.outcome == .updated)
        #expect(skills() == [refunds: 2], "replace removes Billing")
        #expect(harness.org.snapshot().users.first { $0.user.id == ana }?.languages.count == 1, "languages not given are not managed")
    }

    @Test("apply reports an applied change's object id and a failed change's GenesysError (what upserts return and throw)")
    func changeResultIDs() async throws {
        let harness = try Self.harness()
        let report = try await harness.sync.apply(DesiredState(skills: [SkillSpec(name: "Billing")]))
        let id = try #require(harness.org.snapshot().skills.first { $0.name == "Billing" }?.id)
        #expect(report.results.map(\.objectID) == [id])
        harness.org.addFault(FakeFault(.status(403), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/languages")))
        let failed = try await harness.sync.apply(DesiredState(languages: [LanguageSpec(name: "German")]))
        #expect(failed.results.first?.failure?.status == 403)
        #expect(failed.results.first?.objectID == nil)
    }

    // MARK: - Errors are the file's

    @Test("an ambiguous name throws the same SyncError a file gets, before any write")
    func ambiguousName() async throws {
        let harness = try Self.harness()
        _ = try harness.org.addSkill(name: " Billing")
        let fileError = try await #require(throws: SyncError.self) {
            try await harness.sync.apply(DesiredState(skills: [SkillSpec(name: "Billing")]))
        }
        harness.org.resetLog()
        let error = try await #require(throws: SyncError.self) { try await harness.sync.upsertSkill(SkillSpec(name: "Billing")) }
        #expect(error.code == .ambiguousName)
        #expect(error.problems.map(\.message) == fileError.problems.map(\.message))
        #expect(error.problems.map(\.object) == ["skills[Billing]"])
        #expect(error.description.hasPrefix("upsertSkills: skills[Billing].name: ambiguous: existing skill ' Billing'"), "\(error)")
        #expect(harness.org.writes.isEmpty)
    }

    @Test("a refused write throws its GenesysError (status kept), naming the object")
    func refusedWrite() async throws {
        let harness = try Self.harness()
        harness.org.addFault(FakeFault(.status(403), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        let error = try await #require(throws: GenesysError.self) { try await harness.sync.upsertSkill(SkillSpec(name: "Billing")) }
        #expect(error.code == .forbidden)
        #expect(error.status == 403)
        #expect(error.message?.hasPrefix("skill \"Billing\": ") == true, "\(error)")
    }

    // MARK: - Lost creates, index lag, concurrent callers

    @Test("a create whose answer is lost is found by name and adopted, not sent twice")
    func lostCreate() async throws {
        let harness = try Self.harness(indexLag: .seconds(5))
        harness.org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                                       matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
        let result = try await harness.sync.upsertQueue(QueueSpec(name: "Help Desk"))
        #expect(result.outcome == .created)
        let posts = harness.apiRequests.filter { $0.method == .post && $0.path == "/api/v2/routing/queues" }
        #expect(posts.count == 1, "\(harness.apiRequests.map(\.description))")
        #expect(!harness.apiRequests.contains { $0.status == 409 })
        let stored = harness.org.snapshot().queues.filter { $0.queue.name == "Help Desk" }
        #expect(stored.map(\.queue.id) == [result.id])
    }

    @Test("index lag: a skill upserted moments ago (not yet listed) can be named by the next upsert, and upserting it again keeps one skill")
    func indexLag() async throws {
        let harness = try Self.harness(indexLag: .seconds(5))
        _ = try await harness.sync.upsertSkill(SkillSpec(name: "Billing"))
        let clock = try #require(harness.org.clock as? ManualClock)
        let start = clock.now

        let group = try await harness.sync.upsertSkillGroup(SkillGroupSpec(
            name: "Billing Experts", conditions: [SkillGroupCondition(routingSkillConditions: [leaf("Billing", .greaterThan, 2)], operation: .and)]))
        #expect(group.outcome == .created)
        #expect(start.duration(to: clock.now) >= .seconds(5), "planned again until the skill was listed")
        let profile = try await harness.sync.upsertRoutingProfile(AgentSpec(user: .email("ben@example.com"), skills: ["Billing": 4]))
        #expect(profile.outcome == .updated)

        let again = try await harness.sync.upsertSkill(SkillSpec(name: "Fresh"))
        let twice = try await harness.sync.upsertSkill(SkillSpec(name: "Fresh"))
        #expect(twice.id == again.id, "the second call, before the first is listed, adopts the same skill")
        #expect(harness.org.snapshot().skills.filter { $0.name == "Fresh" }.count == 1)
        harness.expectNoDuplicates()
    }

    @Test("a reference to nothing still fails as in a file once the consistency bound has passed")
    func unresolvedAfterBound() async throws {
        let harness = try Self.harness(consistencyTimeout: .seconds(10))
        let error = try await #require(throws: SyncError.self) {
            try await harness.sync.upsertRoutingProfile(AgentSpec(user: .email("ana@example.com"), skills: ["Nope": 1]))
        }
        #expect(error.code == .unresolvedReference)
        #expect(error.problems.first?.field == "skills[Nope]")
        #expect(harness.org.writes.isEmpty)
        let lists = harness.apiRequests.filter { $0.path == "/api/v2/routing/skills" }
        #expect(lists.count >= 2 && lists.count <= 1 + RoutingSync.Configuration().consistencyRetries)
    }

    @Test("two callers upserting the same new name at once end with one object, and both get its id", arguments: [Duration.zero, .seconds(5)])
    func concurrentCallers(indexLag: Duration) async throws {
        let harness = try Self.harness(indexLag: indexLag)
        let first = harness.freshSync(), second = harness.freshSync()
        async let a = first.upsertSkill(SkillSpec(name: "Billing"))
        async let b = second.upsertSkill(SkillSpec(name: "Billing"))
        let (one, two) = try await (a, b)
        #expect(one.id == two.id)
        #expect(harness.org.snapshot().skills.filter { $0.name == "Billing" }.map(\.id) == [one.id])

        async let c = first.upsertQueue(QueueSpec(name: "Help Desk"))
        async let d = second.upsertQueue(QueueSpec(name: "Help Desk"))
        let (three, four) = try await (c, d)
        #expect(three.id == four.id)
        #expect(harness.org.snapshot().queues.filter { $0.queue.name == "Help Desk" }.count == 1)
    }

    // MARK: - Batch

    @Test("500 agents' profiles in one call: one read of users, one of skills, one bulk write per agent that differs — not 500 plans")
    func batchProfiles() async throws {
        let harness = try Self.harness()
        _ = try harness.org.addSkill(name: "Billing")
        _ = try harness.org.addSkill(name: "Refunds")
        var emails: [String] = []
        for index in 0..<478 {
            let email = "agent\(index)@example.com"
            _ = try harness.org.addUser(name: "Agent \(index)", email: email)
            emails.append(email)
        }
        emails += Harness.agentNames.map { "\($0)@example.com" } + ["yan@example.com", "zed@example.com"]
        #expect(emails.count == 500)
        for index in 0..<100 {   // users the batch does not name: 600 in all, two pages of 500
            _ = try harness.org.addUser(name: "Other \(index)", email: "other\(index)@example.com")
        }
        let profiles = emails.enumerated().map { index, email in
            AgentSpec(user: .email(email), skills: ["Billing": Double(index % 5), "Refunds": 1])
        }
        harness.org.resetLog()
        let results = try await harness.sync.upsertRoutingProfiles(profiles)
        #expect(results.count == 500)
        #expect(results.allSatisfy { $0.outcome == .updated })
        #expect(results.map(\.name) == emails)
        #expect(Set(results.map(\.id)).count == 500)

        let log = harness.apiRequests
        let reads = log.filter { !$0.isWrite }
        #expect(reads.count == 3, "two pages of users (500 a page, 600 users) and one of skills: \(reads.map(\.description))")
        #expect(reads.filter { $0.path == "/api/v2/users" }.count == 2)
        #expect(reads.filter { $0.path == "/api/v2/routing/skills" }.count == 1)
        #expect(log.filter(\.isWrite).count == 500, "one bulk write per agent")
        #expect(log.filter(\.isWrite).allSatisfy { $0.method == .patch && $0.path.hasSuffix("/routingskills/bulk") })

        // Again: the same reads, no writes, all unchanged.
        harness.org.resetLog()
        let again = try await harness.sync.upsertRoutingProfiles(profiles)
        #expect(again.allSatisfy { $0.outcome == .unchanged })
        #expect(again.map(\.id) == results.map(\.id))
        #expect(harness.apiRequests.count == 3)
        #expect(harness.org.writes.isEmpty)
    }

    @Test("a batch of skills: one read, a create only for the missing ones, results in the order given")
    func batchSkills() async throws {
        let harness = try Self.harness()
        let existing = try harness.org.addSkill(name: "Billing")
        harness.org.resetLog()
        let results = try await harness.sync.upsertSkills([SkillSpec(name: "Refunds"), SkillSpec(name: "Billing")])
        #expect(results.map(\.outcome) == [.created, .unchanged])
        #expect(results[1].id == existing)
        #expect(harness.apiRequests.map { "\($0.method.rawValue) \($0.path)" } == ["GET /api/v2/routing/skills", "POST /api/v2/routing/skills"])
    }
}
