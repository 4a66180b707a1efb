import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// Helpers shared by the `Semantics*Tests` suites (each sentence of `desired-state.md`, end to end against
/// the in-memory org).
enum Semantics {
    /// `routingSkill <comparator> proficiency` as a one-leaf condition node.
    static func condition(_ skill: String, _ comparator: ProficiencyComparator = .greaterThan, _ proficiency: Int = 0,
                          operation: ConditionOperation = .and) -> SkillGroupCondition {
        SkillGroupCondition(routingSkillConditions: [leaf(skill, comparator, proficiency)], languageSkillConditions: [], operation: operation)
    }

    /// Edits the org's stored state directly (for states the API refuses to create, such as two objects
    /// with exactly the same name).
    static func editStore(_ org: FakeGenesysOrg, _ edit: (inout FakeOrgState) -> Void) {
        var state = org.snapshot()
        edit(&state)
        org.restore(state)
    }

    /// Applies `state`, expecting planning to fail before anything is written; returns the error. Checks
    /// that the org received no write at all (reads only).
    static func expectRejected(
        _ harness: Harness, _ state: DesiredState, options: PlanOptions = PlanOptions(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> SyncError? {
        harness.org.resetLog()
        var caught: SyncError?
        do {
            let report = try await harness.sync.apply(state, options: options)
            Issue.record("the file was applied: \(report.plan.lines)", sourceLocation: sourceLocation)
        } catch let error as SyncError {
            caught = error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        #expect(harness.org.writes.isEmpty, "nothing is written: \(harness.org.writes.map(\.description))", sourceLocation: sourceLocation)
        #expect(harness.apiRequests.allSatisfy { $0.method == .get }, sourceLocation: sourceLocation)
        return caught
    }

    /// The apply tier of a write, from its operation: 0 skills, languages, wrap-up codes; 1 skill groups;
    /// 2 queues; 3 agents; 4 queue deletions; 5 skill-group deletions; 6 other deletions.
    static func tier(_ request: FakeOrgRequest) -> Int? {
        switch request.operation {
        case "routing.createSkill", "routing.moveSkill", "routing.createLanguage", "routing.createWrapupCode",
             "routing.updateWrapupCode":
            return 0
        case "routing.createSkillGroup", "routing.updateSkillGroup", "routing.updateSkillGroupMemberDivisions":
            return 1
        case "routing.createQueue", "routing.updateQueue", "routing.addQueueMembers", "routing.addQueueWrapupCodes",
             "routing.removeQueueWrapupCode", "routing.removeQueueMember":
            return 2
        case "routing.replaceUserRoutingSkills", "routing.addOrUpdateUserRoutingSkills", "routing.addOrUpdateUserRoutingLanguages",
             "routing.removeUserRoutingLanguage", "routing.removeUserRoutingSkill":
            return 3
        case "routing.deleteQueue": return 4
        case "routing.deleteSkillGroup": return 5
        case "routing.deleteSkill", "routing.deleteLanguage", "routing.deleteWrapupCode": return 6
        default: return nil
        }
    }

    /// Object deletions (not removals of an assignment or a membership).
    static func objectDeletes(_ org: FakeGenesysOrg) -> [FakeOrgRequest] {
        org.writes.filter { ["routing.deleteQueue", "routing.deleteSkillGroup", "routing.deleteSkill", "routing.deleteLanguage",
                             "routing.deleteWrapupCode"].contains($0.operation) }
    }

    /// A user's live skills as `name: proficiency`.
    static func skills(of userID: String, in state: FakeOrgState) -> [String: Double] {
        let record = state.users.first { $0.user.id == userID }
        return Dictionary(uniqueKeysWithValues: (record?.skills ?? []).compactMap { assignment in
            state.skills.first { $0.id == assignment.id && $0.state != .deleted }?.name.map { ($0, assignment.proficiency) }
        })
    }

    /// A user's live languages as `name: proficiency`.
    static func languages(of userID: String, in state: FakeOrgState) -> [String: Double] {
        let record = state.users.first { $0.user.id == userID }
        return Dictionary(uniqueKeysWithValues: (record?.languages ?? []).compactMap { assignment in
            state.languages.first { $0.id == assignment.id && $0.state != .deleted }?.name.map { ($0, assignment.proficiency) }
        })
    }
}

/// "Identity is the exact name": near matches and duplicates in the org make the plan fail, naming the
/// ids, before anything is written; duplicate declarations are validation errors.
@Suite("Semantics: identity by exact name")
struct SemanticsIdentityTests {
    struct KindCase: Sendable, CustomTestStringConvertible {
        var label: String
        /// The file's collection, declaring one object.
        var yaml: String
        /// The kind as messages name it.
        var kind: String
        /// The declared name.
        var name: String
        /// The object as problems name it.
        var object: String
        /// The name of the existing object that differs only in case or surrounding whitespace.
        var near: String
        var testDescription: String { label }
    }

    static let cases: [KindCase] = [
        KindCase(label: "skill (surrounding whitespace)", yaml: "skills: [{ name: Billing }]", kind: "skill", name: "Billing",
                 object: "skills[Billing]", near: " Billing"),
        KindCase(label: "language (case and trailing space)", yaml: "languages: [{ name: Spanish }]", kind: "language", name: "Spanish",
                 object: "languages[Spanish]", near: "spanish "),
        KindCase(label: "wrap-up code (case)", yaml: "wrapupCodes: [{ name: Resolved }]", kind: "wrap-up code", name: "Resolved",
                 object: "wrapupCodes[Resolved]", near: "RESOLVED"),
        KindCase(label: "skill group (leading space)", yaml: "skillGroups: [{ name: Billing Experts }]", kind: "skill group",
                 name: "Billing Experts", object: "skillGroups[Billing Experts]", near: " Billing Experts"),
        KindCase(label: "queue (case)", yaml: "queues: [{ name: Billing Support }]", kind: "queue", name: "Billing Support",
                 object: "queues[Billing Support]", near: "billing support"),
    ]

    /// Creates an object of the case's kind named `name` in the org (seeding, not logged); returns its id.
    static func seed(_ item: KindCase, named name: String, in org: FakeGenesysOrg) throws -> String {
        switch item.kind {
        case "skill": return try org.addSkill(name: name)
        case "language": return try org.addLanguage(name: name)
        case "wrap-up code": return try org.addWrapupCode(name: name)
        case "skill group":
            if !org.snapshot().skills.contains(where: { $0.name == "Seed Skill" }) { try org.addSkill(name: "Seed Skill") }
            return try org.addSkillGroup(SkillGroupWithMemberDivisions(name: name, skillConditions: [Semantics.condition("Seed Skill")]))
        default: return try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: name)))
        }
    }

    @Test("an existing object whose name differs only in case or surrounding whitespace is ambiguous, naming its id; nothing is written",
          arguments: cases)
    func nearMatch(_ item: KindCase) async throws {
        let harness = try Harness()
        let id = try Self.seed(item, named: item.near, in: harness.org)
        let state = try DesiredState.yaml("version: 1\n\(item.yaml)\n", file: "routing.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .ambiguousName)
        #expect(error.problems.map(\.description) == [
            "routing.yaml:2: \(item.object).name: ambiguous: existing \(item.kind) '\(item.near)' (id \(id)) differs from '\(item.name)' only in case or surrounding whitespace; rename one of them",
        ])
        #expect(error.problems.first?.code == .ambiguousName)
    }

    @Test("two existing objects with exactly the declared name are ambiguous, naming both ids; nothing is written",
          arguments: cases)
    func exactDuplicates(_ item: KindCase) async throws {
        let harness = try Harness()
        let name = item.name
        let first = try Self.seed(item, named: name, in: harness.org)
        let second = try Self.seed(item, named: name + " (copy)", in: harness.org)
        // The API refuses a second object with the same name, so the duplicate is made in the store.
        Semantics.editStore(harness.org) { state in
            for index in state.skills.indices where state.skills[index].id == second { state.skills[index].name = name }
            for index in state.languages.indices where state.languages[index].id == second { state.languages[index].name = name }
            for index in state.wrapupCodes.indices where state.wrapupCodes[index].id == second { state.wrapupCodes[index].name = name }
            for index in state.skillGroups.indices where state.skillGroups[index].group.id == second { state.skillGroups[index].group.name = name }
            for index in state.queues.indices where state.queues[index].queue.id == second { state.queues[index].queue.name = name }
        }
        let state = try DesiredState.yaml("version: 1\n\(item.yaml)\n", file: "routing.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .ambiguousName)
        let ids = [first, second].sorted().map { "id \($0)" }.joined(separator: ", ")
        #expect(error.problems.map(\.description) == [
            "routing.yaml:2: \(item.object).name: 2 existing \(item.kind)s are named '\(name)' (\(ids)); rename or delete all but one",
        ])
    }

    @Test("previous names are identities too: one matching two existing objects, or two matching different objects, is ambiguous")
    func ambiguousPreviousNames() async throws {
        let harness = try Harness()
        let org = harness.org
        try org.addSkill(name: "A")
        let first = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Old")))
        let second = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Old 2")))
        Semantics.editStore(org) { state in
            for index in state.queues.indices where state.queues[index].queue.id == second { state.queues[index].queue.name = "Old" }
        }
        let groupA = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Group A", skillConditions: [Semantics.condition("A")]))
        let groupB = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Group B", skillConditions: [Semantics.condition("A")]))
        let state = try DesiredState.yaml("""
        version: 1
        skillGroups:
          - name: Merged
            previousNames: [Group A, Group B]
        queues:
          - name: New
            previousNames: [Old]
        """, file: "r.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .ambiguousName)
        let queueIDs = [first, second].sorted().map { "id \($0)" }.joined(separator: ", ")
        #expect(error.problems.map(\.description) == [
            "r.yaml:3: skillGroups[Merged].previousNames: previous names match several existing skill groups ('Group A' (id \(groupA)), 'Group B' (id \(groupB))); keep one",
            "r.yaml:6: queues[New].previousNames: 2 existing queues are named 'Old' (\(queueIDs)); rename or delete all but one",
        ])
    }

    @Test("one ambiguous object among many valid ones: every problem is reported together and nothing at all is written")
    func ambiguityBlocksEverything() async throws {
        let harness = try Harness()
        let codeID = try harness.org.addWrapupCode(name: "no answer")
        let skillID = try harness.org.addSkill(name: "Networking ")
        // realistic.yaml declares 12 skills, 3 languages, 4 codes, 4 groups, 3 queues and 20 agents: all valid
        // except the two names above.
        let state = try harness.realisticState()
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .ambiguousName)
        #expect(error.problems.map(\.description) == [
            "realistic.yaml:20: skills[Networking].name: ambiguous: existing skill 'Networking ' (id \(skillID)) differs from 'Networking' only in case or surrounding whitespace; rename one of them",
            "realistic.yaml:39: wrapupCodes[No Answer].name: ambiguous: existing wrap-up code 'no answer' (id \(codeID)) differs from 'No Answer' only in case or surrounding whitespace; rename one of them",
        ])
    }

    @Test("ambiguity and unresolved references are reported together; the code is ambiguousName")
    func ambiguityWithReferences() async throws {
        let harness = try Harness()
        let id = try harness.org.addLanguage(name: "english")
        let state = try DesiredState.yaml("""
        version: 1
        languages: [{ name: English }]
        queues:
          - name: Q
            wrapupCodes: [Missing]
        """, file: "r.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .ambiguousName)
        #expect(error.problems.map(\.description) == [
            "r.yaml:2: languages[English].name: ambiguous: existing language 'english' (id \(id)) differs from 'English' only in case or surrounding whitespace; rename one of them",
            "r.yaml:5: queues[Q].wrapupCodes[0]: unknown wrap-up code 'Missing' (neither declared in the file nor in the org)",
        ])
        #expect(error.problems.map(\.code) == [.ambiguousName, .unresolvedReference])
    }

    @Test("soft-deleted skills and languages still listed by the org are not identities: no ambiguity, the object is created")
    func deletedObjectsDoNotCount() async throws {
        let harness = try Harness(configuration: FakeGenesysOrg.Configuration(rateLimit: nil, indexLag: .seconds(30)))
        let routing = RoutingAPI(client: harness.org.makeClient())
        let exact = try harness.org.addSkill(name: "Billing")
        let near = try harness.org.addSkill(name: "billing")
        let language = try harness.org.addLanguage(name: "Spanish")
        try await routing.deleteSkill(id: exact)
        try await routing.deleteSkill(id: near)
        try await routing.deleteLanguage(id: language)
        // Within the index lag the org's listings still carry them, as `deleted`.

        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\nlanguages: [{ name: Spanish }]\n")
        let plan = try await harness.sync.plan(state)
        #expect(plan.lines == ["create skill Billing", "create language Spanish"])
        let report = await harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        let stored = harness.org.snapshot()
        #expect(stored.skills.filter { $0.name == "Billing" && $0.state == .active }.count == 1)
        #expect(stored.languages.filter { $0.name == "Spanish" && $0.state == .active }.count == 1)
    }

    @Test("declaring the same name twice after trimming and case folding is a validation error naming file, object and field")
    func duplicateDeclarations() throws {
        let text = """
        version: 1
        wrapupCodes:
          - name: Resolved
          - name: " resolved "
        skillGroups:
          - name: Billing Experts
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: B, comparator: EqualTo, proficiency: 1 }] }]
          - name: "BILLING EXPERTS  "
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: B, comparator: EqualTo, proficiency: 1 }] }]
        queues:
          - name: Q
            skillGroups: [Billing Experts, " billing experts"]
            wrapupCodes: [Resolved, RESOLVED]
            members: [ana@example.com, "id:u1", " ANA@example.com "]
        agents:
          - user: ana@example.com
            languages: { English: 3, " english": 4 }
        """
        #expect { try DesiredState.yaml(text, file: "dup.yaml") } throws: { error in
            guard let error = error as? DesiredStateError else { return false }
            #expect(error.problems.map(\.description) == [
                "dup.yaml:4: wrapupCodes[resolved].name: 'resolved' is declared twice (names must be unique ignoring case and surrounding spaces) (first declared at line 3)",
                "dup.yaml:8: skillGroups[BILLING EXPERTS].name: 'BILLING EXPERTS' is declared twice (names must be unique ignoring case and surrounding spaces) (first declared at line 6)",
                "dup.yaml:12: queues[Q].skillGroups[1]: 'billing experts' is listed twice",
                "dup.yaml:13: queues[Q].wrapupCodes[1]: 'RESOLVED' is listed twice",
                "dup.yaml:14: queues[Q].members[2]: 'ANA@example.com' is listed twice",
                "dup.yaml:17: agents[ana@example.com].languages[english]: 'english' is listed twice",
            ])
            return error.problems.allSatisfy { $0.code == .duplicateName && $0.severity == .error }
        }
    }
}
