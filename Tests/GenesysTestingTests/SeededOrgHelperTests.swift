import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import GenesysTestingServer
import Testing

@Suite("A fresh seeded org per test")
struct SeededOrgHelperTests {
    @Test("in process: three lines")
    func inProcess() async throws {
        let (org, client) = try FakeGenesysOrg.seeded()
        _ = try await RoutingAPI(client: client).createSkill(CreateRoutingSkill(name: "Billing"))
        #expect(org.snapshot().skills.map(\.name) == ["Billing"])
    }

    @Test("each call is a new org with the sample's divisions and users")
    func isolated() throws {
        let first = try FakeGenesysOrg.seeded()
        _ = try first.org.addSkill(name: "Only here")
        let second = try FakeGenesysOrg.seeded()
        #expect(second.org.snapshot().skills.isEmpty)
        #expect(second.org.snapshot().divisions.map(\.name) == ["Home", "Sales"])
        #expect(second.org.snapshot().users.count == 3)
    }

    @Test("over HTTP: the org is served on loopback for the body, then stopped")
    func overHTTP() async throws {
        let served = try await FakeServer.withSeededOrg { org, baseURL in
            #expect(baseURL.host() == "127.0.0.1")
            let routing = try RoutingAPI(
                region: .custom(apiURL: baseURL, loginURL: baseURL),
                credentials: ClientCredentials(clientID: FakeGenesysOrg.defaultClientID, clientSecret: FakeGenesysOrg.defaultClientSecret),
                transport: DefaultTransport.make(), rateLimit: nil
            )
            _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
            #expect(org.snapshot().skills.map(\.name) == ["Billing"])
            return baseURL
        }
        #expect(served.port != nil)
    }
}
