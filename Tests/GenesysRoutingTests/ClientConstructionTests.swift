import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Client construction")
struct ClientConstructionTests {
    @Test("the default transport is AsyncHTTPClient on Linux with the trait, URLSession otherwise")
    func defaultTransport() {
        let name = String(describing: type(of: DefaultTransport.make()))
        #if canImport(Darwin)
        #expect(name == "URLSessionTransport")
        #elseif AsyncHTTPClientSupport
        #expect(name == "AsyncHTTPClientTransport")
        #else
        #expect(name == "URLSessionTransport")
        #endif
    }

    @Test("a region client fetches a token from the region's login host on the same transport, then calls the API host")
    func regionClient() async throws {
        let transport = MockTransport { request, _ in
            if request.authority == "login.mypurecloud.ie" {
                return .json(#"{"access_token":"tok-1","token_type":"bearer","expires_in":86400}"#)
            }
            return .json(pageJSON([entity("s1", "Billing", #""state":"active""#)], pageNumber: 1, pageCount: 1))
        }
        let routing = try RoutingAPI(
            region: .euWest1, credentials: ClientCredentials(clientID: "id", clientSecret: "secret"),
            transport: transport, rateLimit: nil, clock: ManualClock(mode: .autoAdvance))
        let skills = try await routing.listSkills().collectItems()
        #expect(skills.map(\.id) == ["s1"])
        let exchanges = transport.exchanges
        #expect(exchanges.map { $0.request.authority } == ["login.mypurecloud.ie", "api.mypurecloud.ie"])
        #expect(exchanges.map(\.pathOnly) == ["/oauth/token", "/api/v2/routing/skills"])
        #expect(exchanges[1].request.headerFields[.authorization] == "Bearer tok-1")
        #expect(routing.client.configuration.apiBaseURL.absoluteString == "https://api.mypurecloud.ie")
    }
}
