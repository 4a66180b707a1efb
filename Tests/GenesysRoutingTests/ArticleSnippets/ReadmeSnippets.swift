// The Swift code of README.md, compiled (ReadmeQuickStartTests runs the quick start's body against the fake org).
// `ArticleSnippetsTests` checks that every ```swift block of it appears here (manifest fragments excepted).
import Foundation
import RoutingSync

enum ReadmeSnippets {
    static func quickStart(clientID: String, clientSecret: String) async throws {
        let routing = try RoutingAPI(
            region: .euWest1,
            credentials: ClientCredentials(clientID: clientID, clientSecret: clientSecret)
        )
        let sync = RoutingSync(routing: routing)
        // Idempotent: created the first time, `.unchanged` afterwards; never created twice.
        let billing = try await sync.upsertSkill(SkillSpec(name: "Billing"))
        print(billing.id, billing.outcome)
        try await sync.upsertRoutingProfile(AgentSpec(user: .email("jane@example.com"), skills: ["Billing": 4]))
        for try await queue in routing.listQueues(name: "Billing*").items {
            print(queue.name ?? "", queue.memberCount ?? 0)
        }
    }

    static func declarativeSync(routing: RoutingAPI) async throws {
        let desired = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "routing.yaml"))
        let sync = RoutingSync(routing: routing)
        let plan = try await sync.plan(desired)          // reads only
        let report = await sync.apply(plan)              // per-change results, never a single thrown error
        _ = report
    }
}
