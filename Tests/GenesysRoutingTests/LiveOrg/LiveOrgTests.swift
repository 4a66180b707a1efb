import GenesysCore
import GenesysRouting
import RoutingModels
import RoutingSync
import Testing

/// Layer 3 (STYLE.md §10): the SDK against a real Genesys Cloud org.
///
/// Enabled only when `GENESYS_CLIENT_ID`, `GENESYS_CLIENT_SECRET` and `GENESYS_REGION` (or
/// `GENESYS_API_URL`) are set (see ``LiveOrg``). Every test creates only objects named
/// `grt-<run>-<test>-…`, deletes them again even when it fails, and otherwise only reads. Waits for
/// Genesys' eventual consistency use the SDK's own helpers on the client's clock.
///
/// Without a real org, `.ci/live-org-check` runs this suite against `genesys-routing fake-server`.
@Suite("Live org (Layer 3)", .enabled(if: LiveOrg.isConfigured, LiveOrg.requirement), .serialized, .timeLimit(.minutes(10)))
struct LiveOrgTests {
    @Test("a new skill is found by its exact name once indexed, reads back unchanged, and is gone after delete")
    func skillLifecycle() async throws {
        try await LiveOrg.withScratch("skill") { scratch in
            let routing = scratch.routing
            let name = scratch.name("Billing")
            let created = try await routing.createSkill(CreateRoutingSkill(name: name))
            let id = try #require(created.id)
            await scratch.track(.skill, id)
            #expect(created.name == name)

            let found = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findSkill(named: name)
            }
            #expect(found.id == id)
            #expect(try await routing.findSkills(named: name).compactMap(\.id) == [id])

            // Nothing is changed: a second read shows the same skill.
            let read = try await routing.getSkill(id: id)
            #expect(read.id == id)
            #expect(read.name == name)
            #expect(read.state == .active)
            if let division = created.division?.id { #expect(read.division?.id == division) }

            try await routing.deleteSkill(id: id)
            await scratch.forget(id)
            try await routing.waitForCondition(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findSkill(named: name) == nil
            }
        }
    }

    @Test("a language is created, found by its exact name, and deleted")
    func languageLifecycle() async throws {
        try await LiveOrg.withScratch("language") { scratch in
            let routing = scratch.routing
            let name = scratch.name("Klingon")
            let created = try await routing.createLanguage(Language(name: name))
            let id = try #require(created.id)
            await scratch.track(.language, id)

            let found = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findLanguage(named: name)
            }
            #expect(found.id == id)
            #expect(try await routing.getLanguage(id: id).name == name)

            try await routing.deleteLanguage(id: id)
            await scratch.forget(id)
            try await routing.waitForCondition(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findLanguage(named: name) == nil
            }
        }
    }

    @Test("a wrap-up code is created, renamed and re-described, then deleted")
    func wrapupCodeLifecycle() async throws {
        try await LiveOrg.withScratch("wrapup") { scratch in
            let routing = scratch.routing
            let name = scratch.name("Resolved")
            let created = try await routing.createWrapupCode(WrapupCodeRequest(name: name, description: "created by LiveOrgTests"))
            let id = try #require(created.id)
            await scratch.track(.wrapupCode, id)
            #expect(created.name == name)

            let newName = scratch.name("Resolved first time")
            let updated = try await routing.updateWrapupCode(
                id: id, WrapupCodeRequest(name: newName, division: created.division.map { Division(id: $0.id) }, description: "updated by LiveOrgTests"))
            #expect(updated.id == id)
            #expect(updated.name == newName)

            let read = try await routing.getWrapupCode(id: id)
            #expect(read.name == newName)
            #expect(read.description == "updated by LiveOrgTests")
            let found = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findWrapupCode(named: newName)
            }
            #expect(found.id == id)

            try await routing.deleteWrapupCode(id: id)
            await scratch.forget(id)
            try await LiveOrg.waitUntilGone(routing) { _ = try await routing.getWrapupCode(id: id) }
        }
    }

    @Test("a skill group with nested conditions over scratch skills reads back with the same condition tree")
    func skillGroupConditions() async throws {
        try await LiveOrg.withScratch("group") { scratch in
            let routing = scratch.routing
            let billing = scratch.name("Billing")
            let refunds = scratch.name("Refunds")
            for name in [billing, refunds] {
                let skill = try await routing.createSkill(CreateRoutingSkill(name: name))
                let id = try #require(skill.id)
                await scratch.track(.skill, id)
            }
            // Conditions name skills by name: wait until Genesys resolves both.
            for name in [billing, refunds] {
                _ = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) { try await routing.findSkill(named: name) }
            }

            let conditions = [
                SkillGroupCondition(
                    routingSkillConditions: [
                        SkillGroupRoutingCondition(
                            routingSkill: billing, comparator: .greaterThanOrEqualTo, proficiency: 3,
                            childConditions: [
                                SkillGroupCondition(
                                    routingSkillConditions: [
                                        SkillGroupRoutingCondition(routingSkill: refunds, comparator: .greaterThan, proficiency: 2),
                                        SkillGroupRoutingCondition(routingSkill: refunds, comparator: .equalTo, proficiency: 0),
                                    ],
                                    operation: .or),
                            ]),
                    ],
                    operation: .and),
                SkillGroupCondition(
                    routingSkillConditions: [SkillGroupRoutingCondition(routingSkill: billing, comparator: .equalTo, proficiency: 5)],
                    operation: .not),
            ]
            let name = scratch.name("Billers")
            let created = try await routing.createSkillGroup(SkillGroupWithMemberDivisions(
                name: name, description: "created by LiveOrgTests", skillConditions: conditions))
            let id = try #require(created.id)
            await scratch.track(.skillGroup, id)

            let read = try await routing.getSkillGroup(id: id)
            #expect(read.name == name)
            #expect(read.description == "created by LiveOrgTests")
            #expect(LiveOrg.canonical(read.skillConditions) == LiveOrg.canonical(conditions))

            let found = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                try await routing.findSkillGroup(named: name)
            }
            #expect(found.id == id)

            try await routing.deleteSkillGroup(id: id)
            await scratch.forget(id)
            try await LiveOrg.waitUntilGone(routing) { _ = try await routing.getSkillGroup(id: id) }
        }
    }

    @Test("a queue with a skill group member group, ACW and media settings reads back, takes a new description, and is deleted")
    func queueLifecycle() async throws {
        try await LiveOrg.withScratch("queue") { scratch in
            let routing = scratch.routing
            let skillName = scratch.name("Billing")
            let skill = try await routing.createSkill(CreateRoutingSkill(name: skillName))
            let skillID = try #require(skill.id)
            await scratch.track(.skill, skillID)
            _ = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) { try await routing.findSkill(named: skillName) }

            let groupName = scratch.name("Billers")
            let group = try await routing.createSkillGroup(SkillGroupWithMemberDivisions(
                name: groupName,
                skillConditions: [SkillGroupCondition(
                    routingSkillConditions: [SkillGroupRoutingCondition(routingSkill: skillName, comparator: .greaterThanOrEqualTo, proficiency: 1)],
                    operation: .and)]))
            let groupID = try #require(group.id)
            await scratch.track(.skillGroup, groupID)
            _ = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) { try await routing.findSkillGroup(named: groupName) }

            let acw = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30_000)
            let call = MediaSettings(alertingTimeoutSeconds: 8, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20_000))
            let name = scratch.name("Billing Support")
            let created = try await routing.createQueue(CreateQueueRequest(queue: QueueRequest(
                name: name, description: "created by LiveOrgTests", mediaSettings: QueueMediaSettings(call: call),
                acwSettings: acw, skillEvaluationMethod: .best, memberGroups: [MemberGroup(id: groupID, type: .skillGroup)])))
            let id = try #require(created.id)
            await scratch.track(.queue, id)

            let read = try await routing.getQueue(id: id)
            #expect(read.name == name)
            #expect(read.description == "created by LiveOrgTests")
            #expect(read.acwSettings == acw)
            #expect(read.skillEvaluationMethod == .best)
            #expect(read.mediaSettings?.call?.alertingTimeoutSeconds == 8)
            #expect(read.mediaSettings?.call?.serviceLevel == call.serviceLevel)
            #expect(read.memberGroups?.contains { $0.id == groupID && $0.type == .skillGroup } == true, "\(read.memberGroups ?? [])")

            let modified = try await routing.updateQueue(id: id) { $0.description = "changed by LiveOrgTests" }
            #expect(modified.description == "changed by LiveOrgTests")
            let reread = try await routing.getQueue(id: id)
            #expect(reread.description == "changed by LiveOrgTests")
            #expect(reread.acwSettings == acw)
            #expect(reread.mediaSettings?.call?.alertingTimeoutSeconds == 8)
            #expect(reread.memberGroups?.contains { $0.id == groupID && $0.type == .skillGroup } == true)

            try await routing.deleteQueue(id: id)
            await scratch.forget(id)
            try await LiveOrg.waitUntilGone(routing) { _ = try await routing.getQueue(id: id) }
        }
    }

    @Test("RoutingSync: plan, apply, and a second plan has no changes")
    func syncRoundTrip() async throws {
        try await LiveOrg.withScratch("sync") { scratch in
            let routing = scratch.routing
            let names = (
                skill: scratch.name("Billing"), language: scratch.name("Klingon"), code: scratch.name("Resolved"),
                group: scratch.name("Billers"), queue: scratch.name("Billing Support")
            )
            let text = """
                version: 1
                policy:
                  prune: false
                skills:
                  - name: "\(names.skill)"
                languages:
                  - name: "\(names.language)"
                wrapupCodes:
                  - name: "\(names.code)"
                skillGroups:
                  - name: "\(names.group)"
                    description: created by LiveOrgTests
                    conditions:
                      - operation: And
                        routingSkillConditions:
                          - { routingSkill: "\(names.skill)", comparator: GreaterThanOrEqualTo, proficiency: 3 }
                        languageSkillConditions:
                          - { languageSkill: "\(names.language)", comparator: GreaterThan, proficiency: 1 }
                queues:
                  - name: "\(names.queue)"
                    description: created by LiveOrgTests
                    acwSettings: { wrapupPrompt: OPTIONAL }
                    skillGroups: ["\(names.group)"]
                    wrapupCodes: ["\(names.code)"]
                """
            let desired = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "live-org.yaml")
            let sync = RoutingSync(routing: routing)
            let options = PlanOptions(prune: false)

            let plan = try await sync.plan(desired, options: options)
            // Guard before writing anything: the plan may only create this scratch's five objects.
            try #require(plan.summary.create == 5, "\(plan.changes)")
            try #require(plan.changes.allSatisfy { $0.action == .create && $0.name.hasPrefix(scratch.prefix) }, "\(plan.changes)")

            let report = await sync.apply(plan)
            // Track what the apply created before judging the report, so cleanup deletes it by id (anything
            // a failed change left behind is still caught by the prefix sweep).
            for result in report.results where result.status == .applied && result.action == .create {
                let id = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                    try await Self.findID(result.kind, named: result.name, routing)
                }
                await scratch.track(try Self.scratchKind(result.kind), id)
            }
            #expect(report.succeeded, "failed: \(report.failed), skipped: \(report.skipped), halted: \(report.halted ?? "no")")

            // The second plan may first have to wait for the org's search index to list the new objects.
            let second = try await routing.waitForValue(timeout: LiveOrg.consistencyTimeout) {
                let again = try await sync.plan(desired, options: options)
                return again.hasChanges ? nil : again
            }
            #expect(second.changes.isEmpty, "\(second.changes)")
            #expect(second.summary.unchanged == 5, "\(second.unchanged)")

            // The queue holds what the file declared.
            let queue = try await routing.getQueue(id: try #require(try await routing.findQueue(named: names.queue)?.id))
            #expect(queue.acwSettings?.wrapupPrompt == .optional)
            let groupID = try await routing.findSkillGroup(named: names.group)?.id
            #expect(queue.memberGroups?.contains { $0.id == groupID && $0.type == .skillGroup } == true)
        }
    }

    /// The id of the object of `kind` named exactly `name`, if the org's search lists it yet.
    static func findID(_ kind: PlannedChange.Kind, named name: String, _ routing: RoutingAPI) async throws -> String? {
        switch kind {
        case .skill: try await routing.findSkill(named: name)?.id
        case .language: try await routing.findLanguage(named: name)?.id
        case .wrapupCode: try await routing.findWrapupCode(named: name)?.id
        case .skillGroup: try await routing.findSkillGroup(named: name)?.id
        case .queue: try await routing.findQueue(named: name)?.id
        case .agent: nil
        }
    }

    static func scratchKind(_ kind: PlannedChange.Kind) throws -> LiveOrgScratch.Kind {
        switch kind {
        case .skill: .skill
        case .language: .language
        case .wrapupCode: .wrapupCode
        case .skillGroup: .skillGroup
        case .queue: .queue
        case .agent: throw GenesysError(code: .invalidRequest, operation: "liveOrg", message: "the live-org file declares no agents")
        }
    }

    @Test("the org's divisions list includes the home division (read-only)")
    func divisions() async throws {
        let routing = try LiveOrg.makeRouting()
        let divisions = try await routing.listDivisions().collectItems()
        #expect(!divisions.isEmpty)
        let home = try await routing.getHomeDivision()
        let homeID = try #require(home.id)
        #expect(divisions.contains { $0.id == homeID }, "\(divisions.compactMap(\.name))")
        let read = try await routing.getDivision(id: homeID)
        #expect(read.name == home.name)
        if let name = home.name {
            #expect(try await routing.findDivision(named: name)?.id == homeID)
        }
    }
}
