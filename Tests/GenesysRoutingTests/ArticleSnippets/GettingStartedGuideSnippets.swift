// The Swift code of Documentation/GettingStarted.md, compiled. `ArticleSnippetsTests` checks that every
// ```swift block of the guide appears here (the Package.swift manifest excepted: it is a manifest).
import Foundation
import GenesysRouting
import GenesysTesting
import RoutingSync

enum GettingStartedGuideSnippets {
    static func firstProgram() async throws {
        // Sources/MyRoutingTool/main.swift
        let environment = ProcessInfo.processInfo.environment
        let credentials = ClientCredentials(
            clientID: environment["GENESYS_CLIENT_ID"] ?? "",
            clientSecret: environment["GENESYS_CLIENT_SECRET"] ?? ""
        )

        do {
            let region = try GenesysRegion.parse(environment["GENESYS_REGION"] ?? "us_east_1")  // "eu_west_1", "mypurecloud.ie", …
            let routing = try RoutingAPI(region: region, credentials: credentials)

            // A lazy PageSequence: pages of 500 are fetched as you iterate.
            for try await skill in routing.listSkills().items {
                print(skill.name ?? "?", skill.id ?? "?")
            }
        } catch let error as GenesysError {
            // One readable line: the server's message plus code, status, operation and correlation id.
            print("error: \(error.localizedMessage)")
        }
    }

    static func sharedClient(credentials: ClientCredentials) throws {
        let client = try GenesysClient(region: .euWest1, credentials: credentials)
        let routing = RoutingAPI(client: client)
        _ = routing
    }

    static func fakeOrg() async throws {
        let org = FakeGenesysOrg()
        try org.addSkill(name: "Billing")
        try org.addSkill(name: "Refunds")

        let routing = RoutingAPI(client: org.makeClient())
        for try await skill in routing.listSkills().items {
            print(skill.name ?? "?")
        }
        print(org.requests.map(\.description))
        // ["POST /oauth/token → 200 (oauth.token)", "GET /api/v2/routing/skills → 200 (routing.listSkills)"]
    }
}

// Documentation/Architecture.md and the GenesysClientDefaults catalog.
enum ArchitectureSnippets {
    static func errors(routing: RoutingAPI, queueID: String) async throws {
        do {
            _ = try await routing.getQueue(id: queueID)
        } catch let error as GenesysError where error.code == .notFound {
            // gone
        } catch let error as GenesysError {
            print(error.localizedMessage)   // "… (GenesysError.forbidden, status 403, operation routing.getQueue, …)"
        }
    }

    static func clientDefaults(clientID: String, clientSecret: String) throws {
        let client = try GenesysClient(
            region: .euWest1,
            credentials: ClientCredentials(clientID: clientID, clientSecret: clientSecret)
        )
        let routing = RoutingAPI(client: client)
        _ = routing
    }
}

func sync(_ routing: RoutingAPI) async throws {
    let desired: DesiredState
    do {
        desired = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "routing.yaml"))
    } catch {
        print(error.description)   // every problem, one line each: "routing.yaml:9: agents[…]…"
        return
    }
    let sync = RoutingSync(routing: routing)
    let plan = try await sync.plan(desired)     // throws SyncError for unknown users, ambiguous names, …
    for change in plan.changes { print(change) }   // create skill "Billing", update agent "jane.doe@example.com": …

    let report = await sync.apply(plan)         // never throws: one result per change
    print("applied: \(report.succeeded), writes: \(report.requests.writes)")
}
