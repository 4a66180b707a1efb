// The Swift code of the module catalogs' landing pages (GenesysTesting, GenesysTestingServer's article,
// GenesysURLSession, GenesysAsyncHTTPClient, GenesysAuth, GenesysCore, RoutingModels, RoutingSync),
// compiled. `ArticleSnippetsTests` checks that every ```swift block of those pages appears here.
#if AsyncHTTPClientSupport
import AsyncHTTPClient
import GenesysAsyncHTTPClient
#endif
import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import GenesysTestingServer
import GenesysURLSession
import HTTPTypes
import Logging
import RoutingModels
import RoutingSync
import Testing

@Test func createsTheSkillOnce() async throws {
    let org = FakeGenesysOrg()
    let routing = RoutingAPI(client: org.makeClient())
    _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
    #expect(org.writes.count == 1)
    #expect(org.snapshot().skills.map(\.name) == ["Billing"])
}

enum ModuleCatalogSnippets {
    static func servingOverHTTP(logger: Logger) async throws {
        let org = FakeGenesysOrg()
        let server = try FakeServer(org: org, logger: logger)     // port 0: any free port
        let baseURL = try await server.start()                    // http://127.0.0.1:PORT
        let routing = try RoutingAPI(
            region: .custom(apiURL: baseURL, loginURL: baseURL),
            credentials: ClientCredentials(clientID: "fake-client", clientSecret: "fake-secret")
        )
        _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        await server.stop()
    }

    static func urlSession(credentials: ClientCredentials) throws {
        let client = try GenesysClient(
            region: .euWest1,
            credentials: credentials,
            transport: URLSessionTransport()
        )
        _ = client
    }

    #if AsyncHTTPClientSupport
    static func asyncHTTPClient(myHTTPClient: HTTPClient) {
        let transport = AsyncHTTPClientTransport()                       // HTTPClient.shared
        let custom = AsyncHTTPClientTransport(client: myHTTPClient)      // you shut myHTTPClient down
        _ = (transport, custom)
    }
    #endif

    static func auth(id: String, secret: String, transport: any HTTPTransport) throws {
        let region = try GenesysRegion.parse("eu_west_1")
        let tokens = ClientCredentialsTokenProvider(
            credentials: ClientCredentials(clientID: id, clientSecret: secret),
            region: region,
            transport: transport
        )
        _ = tokens
    }

    static func core(transport: any HTTPTransport, token: String) async throws {
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: URL(string: "https://api.mypurecloud.ie")!),
            transport: transport,
            tokenProvider: StaticTokenProvider(AccessToken(value: token))
        )
        let response = try await client.send(
            GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "example.listSkills")
        )
        _ = response
    }

    static func models(data: Data, queue: RoutingQueue) throws {
        let skill = try GenesysJSON.makeDecoder().decode(RoutingSkill.self, from: data)
        var request = QueueRequest(queue)          // read, modify, PUT
        request.skillEvaluationMethod = .best
        let body = try GenesysJSON.makeEncoder().encode(request)
        _ = (skill, body)
    }

    static func sync(client: GenesysClient) async throws {
        let state = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "routing.yaml"))
        let sync = RoutingSync(routing: RoutingAPI(client: client))
        let plan = try await sync.plan(state)
        print(plan.changes.map(\.description).joined(separator: "\n"))
        let report = await sync.apply(plan)
        if !report.succeeded { print(report.failed) }
    }
}
