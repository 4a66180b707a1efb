import Foundation
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// A `DesiredState` built in Swift gets the loader's validation before any request (#9).
@Suite("DesiredState.validate() and validation before planning")
struct StateValidationTests {
    static let twoBillings = DesiredState(skills: [SkillSpec(name: "Billing"), SkillSpec(name: "Billing ")])
    static let proficiencyNine = DesiredState(
        skills: [SkillSpec(name: "Billing")], agents: [AgentSpec(user: .email("ana@example.com"), skills: ["Billing": 9])]
    )

    @Test("two skills differing only in trailing space are one problem naming the object and field")
    func duplicateNames() {
        let problems = Self.twoBillings.validate()
        #expect(problems.map(\.description) == [
            "skills[Billing].name: 'Billing' is declared twice (names must be unique ignoring case and surrounding spaces)",
        ])
        #expect(problems.first?.code == .duplicateName)
        #expect(problems.first?.line == nil)
    }

    @Test("a proficiency out of range is found without any request")
    func proficiency() {
        #expect(Self.proficiencyNine.validate().map(\.description) == [
            "agents[ana@example.com].skills[Billing]: 9 is out of range (0.0–5.0)",
        ])
    }

    @Test("code-built conditions, queues and references are checked like a file's")
    func moreShapes() {
        var state = DesiredState(skillGroups: [SkillGroupSpec(name: "G", previousNames: ["G"], conditions: [
            SkillGroupCondition(routingSkillConditions: [leaf("Billing", .greaterThan, 7)], operation: .and),
        ])])
        state.queues = [QueueSpec(name: " ", members: [.email("not an email")])]
        let problems = state.validate().map { $0.description }
        #expect(problems.contains("skillGroups[G].conditions[0].routingSkillConditions[0].proficiency: 7 is out of range (integer 0–5)"))
        #expect(problems.contains("skillGroups[G].previousNames[0]: 'G' is the object's own name"))
        #expect(problems.contains("queues[0].name: is empty"))
    }

    @Test("valid states, built or loaded, have no problems")
    func valid() throws {
        #expect(DesiredState(skills: [SkillSpec(name: "Billing")]).validate().isEmpty)
        #expect(try Fixtures.load("realistic.yaml").validate().isEmpty)
        #expect(try Fixtures.load("shorthand.json").validate().isEmpty)
    }

    @Test("a loaded state changed in code is reported with the file's lines")
    func loadedThenChanged() throws {
        var state = try Fixtures.load("example.yaml")
        state.agents[0].skills?["Billing"] = 9
        let problem = try #require(state.validate().first)
        #expect(problem.file == "example.yaml")
        #expect(problem.line == state.source?.lines["agents[jane.doe@example.com]"] || problem.line != nil)
        #expect(problem.description.hasPrefix("example.yaml:"))
    }

    @Test("plan, plan with impact preview, apply and detectDrift refuse an invalid state before any request", arguments: [twoBillings, proficiencyNine])
    func refusedBeforeRequests(state: DesiredState) async throws {
        let harness = try Harness()
        await #expect { try await harness.sync.plan(state) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        await #expect { try await harness.sync.apply(state) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        await #expect { try await harness.sync.detectDrift(state) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        await #expect { try await harness.sync.plan(state, previewingImpact: true) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        #expect(harness.apiRequests.isEmpty)
        #expect(harness.org.snapshot().skills.isEmpty)
    }

    @Test("the static plan validates too")
    func staticPlan() {
        #expect { try RoutingSync.plan(desired: Self.twoBillings, current: OrgSnapshot()) } throws: { error in
            (error as? SyncError)?.description
                == "skills[Billing].name: 'Billing' is declared twice (names must be unique ignoring case and surrounding spaces)"
        }
    }

    @Test("a loaded state is not validated again while unchanged; an edit after loading is validated (#10)")
    func loadedStateFingerprint() throws {
        let loaded = try Fixtures.load("example.yaml")
        #expect(loaded.validated.matches(loaded))
        #expect(loaded == { var copy = loaded; copy.validated = ValidatedFingerprint(); return copy }())

        var edited = loaded
        edited.skills.append(SkillSpec(name: edited.skills[0].name.uppercased()))
        #expect(!edited.validated.matches(edited))
        #expect { try RoutingSync.plan(desired: edited, current: OrgSnapshot()) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        var proficiency = loaded
        proficiency.agents[0].skills?["Billing"] = 9
        #expect { try RoutingSync.plan(desired: proficiency, current: OrgSnapshot()) } throws: { error in
            (error as? SyncError)?.code == .invalidDesiredState
        }
        #expect(!DesiredState().validated.matches(DesiredState()))
    }
}
