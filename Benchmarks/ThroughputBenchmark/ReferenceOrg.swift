import Foundation
import RoutingModels
import RoutingSync

/// The reference org of issue #10 at `scale` (1: 1,000 skills, 100 skill groups, 200 queues, 50 of them
/// with 5 members, 2,000 agents × 5 skills), as a desired state, and its users.
struct ReferenceOrg {
    let scale: Int
    var skills: Int { 1_000 * scale }
    var groups: Int { 100 * scale }
    var queues: Int { 200 * scale }
    var agents: Int { 2_000 * scale }
    var queuesWithMembers: Int { 50 * scale }

    static func name(_ prefix: String, _ index: Int) -> String { "\(prefix) \(String(format: "%05d", index))" }
    static func email(_ index: Int) -> String { "agent\(String(format: "%06d", index))@example.com" }

    func desiredState() -> DesiredState {
        var state = DesiredState()
        state.policy.queueMembers = .authoritative
        state.skills = (0..<skills).map { SkillSpec(name: Self.name("Skill", $0)) }
        state.skillGroups = (0..<groups).map { index in
            let first = SkillGroupRoutingCondition(routingSkill: Self.name("Skill", index * 10 % skills), comparator: .greaterThanOrEqualTo, proficiency: 2)
            let second = SkillGroupRoutingCondition(routingSkill: Self.name("Skill", (index * 10 + 1) % skills), comparator: .greaterThan, proficiency: 0)
            return SkillGroupSpec(name: Self.name("Group", index), description: "Group \(index)", conditions: [
                SkillGroupCondition(routingSkillConditions: [first, second], languageSkillConditions: [], operation: index.isMultiple(of: 2) ? .and : .or),
            ])
        }
        state.queues = (0..<queues).map { index in
            var queue = QueueSpec(
                name: Self.name("Queue", index), description: "Queue \(index)", skillEvaluationMethod: .best,
                acwSettings: AcwSettings(wrapupPrompt: .optional), skillGroups: [Self.name("Group", index % groups)]
            )
            if index < queuesWithMembers {
                queue.members = (0..<5).map { .email(Self.email((index * 5 + $0) % agents)) }
            }
            return queue
        }
        state.agents = (0..<agents).map { index in
            var assigned: [String: Double] = [:]
            for k in 0..<5 { assigned[Self.name("Skill", (index * 5 + k) % skills)] = Double(k + 1) }
            return AgentSpec(user: .email(Self.email(index)), skills: assigned)
        }
        return state
    }
}
