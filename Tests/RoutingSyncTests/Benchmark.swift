import Foundation
import GenesysCore
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// Requests and planning time at scale: 1,000 skills, 100 skill groups, 200 queues (50 of them with 5
/// direct members), 2,000 agents with 5 skills each.
///
/// Measures (and prints, never asserts times):
/// - the requests of a first apply to an org that has only the users, and of a no-op plan afterwards,
///   next to the minimum the API allows (computed from page sizes and per-object calls);
/// - the wall time of the pure plan computation (`RoutingSync.plan(desired:current:)`) on the no-op snapshot.
///
/// Skipped unless `GENESYS_BENCHMARK` is set:
///
/// ```
/// GENESYS_BENCHMARK=1 swift test --filter RoutingSyncTests.Benchmark
/// ```
///
/// The fake's rate limit and the client's rate limiter are off, so the run takes seconds, not minutes.
@Suite("Benchmark")
struct Benchmark {
    static let skillCount = 1_000
    static let groupCount = 100
    static let queueCount = 200
    static let agentCount = 2_000
    static let skillsPerAgent = 5
    static let membersPerQueue = 5
    static let queuesWithMembers = 50

    static func name(_ prefix: String, _ index: Int) -> String {
        "\(prefix) \(String(format: "%04d", index))"
    }

    static func desiredState() -> DesiredState {
        var state = DesiredState()
        state.policy.queueMembers = .authoritative
        state.skills = (0..<skillCount).map { SkillSpec(name: name("Skill", $0)) }
        state.skillGroups = (0..<groupCount).map { index in
            SkillGroupSpec(name: name("Group", index), description: "Group \(index)", conditions: [
                SkillGroupCondition(
                    routingSkillConditions: [
                        SkillGroupRoutingCondition(routingSkill: name("Skill", index * 10 % skillCount), comparator: .greaterThanOrEqualTo, proficiency: 2),
                        SkillGroupRoutingCondition(routingSkill: name("Skill", (index * 10 + 1) % skillCount), comparator: .greaterThan, proficiency: 0),
                    ],
                    languageSkillConditions: [], operation: index.isMultiple(of: 2) ? .and : .or
                ),
            ])
        }
        state.queues = (0..<queueCount).map { index in
            var queue = QueueSpec(
                name: name("Queue", index), description: "Queue \(index)", skillEvaluationMethod: .best,
                acwSettings: AcwSettings(wrapupPrompt: .optional), skillGroups: [name("Group", index % groupCount)]
            )
            if index < queuesWithMembers {
                queue.members = (0..<membersPerQueue).map { .email("agent\(String(format: "%05d", (index * membersPerQueue + $0) % agentCount))@example.com") }
            }
            return queue
        }
        state.agents = (0..<agentCount).map { index in
            var skills: [String: Double] = [:]
            for k in 0..<skillsPerAgent { skills[name("Skill", (index * skillsPerAgent + k) % skillCount)] = Double(k + 1) }
            return AgentSpec(user: .email("agent\(String(format: "%05d", index))@example.com"), skills: skills)
        }
        return state
    }

    static func pages(_ count: Int, _ size: Int) -> Int { max(1, (count + size - 1) / size) }

    @Test(
        "requests and plan time at 1,000 skills / 100 groups / 200 queues / 2,000 agents",
        .enabled(if: ProcessInfo.processInfo.environment["GENESYS_BENCHMARK"] != nil),
        .timeLimit(.minutes(2))
    )
    func benchmark() async throws {
        let clock = ContinuousClock()
        let seedStart = clock.now
        let org = FakeGenesysOrg(configuration: FakeGenesysOrg.Configuration(rateLimit: nil))
        for index in 0..<Self.agentCount {
            _ = try org.addUser(name: "Agent \(index)", email: "agent\(String(format: "%05d", index))@example.com")
        }
        let seedTime = clock.now - seedStart
        let client = org.makeClient(rateLimit: nil)
        let sync = RoutingSync(client: client, configuration: RoutingSync.Configuration(concurrency: 4))
        let state = Self.desiredState()

        // First apply: everything is created.
        let firstStart = clock.now
        let first = try await sync.apply(state)
        let firstTime = clock.now - firstStart
        #expect(first.succeeded, "\(first.failed.prefix(3).map(\.description))")
        let firstMinimum =
            Self.pages(0, 500) + Self.pages(0, 100) + Self.pages(0, 500) + Self.pages(Self.agentCount, 500)   // lists: skills, groups, queues, users
            + Self.skillCount + Self.groupCount + Self.queueCount                                               // creates
            + Self.queuesWithMembers * Self.pages(Self.membersPerQueue, 100)                                    // member POSTs
            + Self.agentCount * Self.pages(Self.skillsPerAgent, 50)                                             // bulk skill PATCH per agent

        // No-op plan: reads only.
        let before = await client.counters.snapshot()
        let noopStart = clock.now
        let snapshot = try await sync.readOrg(for: state)
        let noop = try RoutingSync.plan(desired: state, current: snapshot)
        let noopTime = clock.now - noopStart
        let noopCounts = await client.counters.snapshot().since(before)
        #expect(noop.changes.isEmpty)
        #expect(noopCounts.writes == 0)
        let noopMinimum =
            Self.pages(Self.skillCount, 500) + Self.pages(Self.groupCount, 100) + Self.pages(Self.queueCount, 500)
            + Self.pages(Self.agentCount, 500)
            + Self.groupCount                                                 // one GET per group: lists carry no conditions
            + Self.queuesWithMembers * Self.pages(Self.membersPerQueue, 100)  // members of queues that declare them

        // The pure plan computation.
        var times: [Duration] = []
        for _ in 0..<5 {
            let start = clock.now
            _ = try RoutingSync.plan(desired: state, current: snapshot)
            times.append(clock.now - start)
        }
        times.sort()
        let emptySnapshot = OrgSnapshot(skills: [], skillGroups: [], queues: [], agents: snapshot.agents, requests: RequestSummary())
        let createStart = clock.now
        let createPlan = try RoutingSync.plan(desired: state, current: emptySnapshot)
        let createPlanTime = clock.now - createStart

        func ms(_ duration: Duration) -> String {
            String(format: "%.1f ms", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
        }
        func row(_ label: String, _ actual: Int, _ minimum: Int, _ writes: Int, _ time: Duration) -> String {
            label.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(actual).leftPadded(9) + String(minimum).leftPadded(9) + String(writes).leftPadded(8)
                + String(actual - minimum).leftPadded(7) + ms(time).leftPadded(13)
        }
        print("""

        RoutingSync benchmark: \(Self.skillCount) skills, \(Self.groupCount) skill groups, \(Self.queueCount) queues \
        (\(Self.queuesWithMembers) with \(Self.membersPerQueue) members), \(Self.agentCount) agents × \(Self.skillsPerAgent) skills
        step                   requests  minimum  writes  extra    wall time
        \(row("first apply", first.requests.total, firstMinimum, first.requests.writes, firstTime))
        \(row("no-op plan", noopCounts.total, noopMinimum, noopCounts.writes, noopTime))
        pure plan, no-op (\(noop.unchanged.count) objects unchanged): median \(ms(times[times.count / 2])), min \(ms(times[0]))
        pure plan, all creates (\(createPlan.changes.count) changes): \(ms(createPlanTime))
        seeding \(Self.agentCount) users: \(ms(seedTime)); retries in first apply: \(first.requests.retries)

        """)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
