import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("OAuth client credentials and tokens")
struct AuthTests {
    @Test("the right id and secret get a bearer token that the API accepts")
    func goodSecret() async throws {
        let h = FakeOrgHarness()
        let response = try await h.tokenRequest(id: "fake-client", secret: "fake-secret")
        #expect(response.status == 200)
        #expect(response.correlationID != nil)
        let token = try JSONDecoder().decode(AccessTokenResponse.self, from: response.body)
        #expect(token.tokenType == "bearer")
        #expect(token.expiresIn == 86_400)
        let value = try #require(token.accessToken)
        let api = try await h.raw(.get, "/api/v2/routing/skills", token: value)
        #expect(api.status == 200)
    }

    @Test("a wrong secret or an unknown client is 401 invalid_client")
    func badSecret() async throws {
        let h = FakeOrgHarness()
        for (id, secret) in [("fake-client", "nope"), ("someone", "fake-secret")] {
            let response = try await h.tokenRequest(id: id, secret: secret)
            #expect(response.status == 401)
            #expect(response.jsonObject["error"] as? String == "invalid_client")
            #expect(response.jsonObject["description"] is String)
            #expect(response.correlationID != nil)
        }
    }

    @Test("credentials in the form body instead of the Basic header are refused")
    func credentialsInBody() async throws {
        let h = FakeOrgHarness()
        let response = try await h.raw(
            .post, "/oauth/token", token: nil,
            body: Data("grant_type=client_credentials&client_id=fake-client&client_secret=fake-secret".utf8)
        )
        #expect(response.status == 401)
        #expect(response.jsonObject["error"] as? String == "invalid_client")
    }

    @Test("a grant other than client_credentials is 400", arguments: [
        ("grant_type=password", "unsupported_grant_type"),
        ("", "invalid_request"),
    ])
    func badGrant(body: String, error: String) async throws {
        let h = FakeOrgHarness()
        let response = try await h.tokenRequest(id: "fake-client", secret: "fake-secret", body: body)
        #expect(response.status == 400)
        #expect(response.jsonObject["error"] as? String == error)
    }

    @Test("missing or unknown bearer tokens are 401 bad.credentials")
    func missingBearer() async throws {
        let h = FakeOrgHarness()
        for token in [nil, "not-a-token"] {
            let response = try await h.raw(.get, "/api/v2/routing/skills", token: token)
            #expect(response.status == 401)
            #expect(response.errorBody?.code == "bad.credentials")
            #expect(response.errorBody?.contextId == response.correlationID)
        }
    }

    @Test("tokens expire on the org clock: 401 authentication.required afterwards")
    func expiry() async throws {
        let configuration = FakeGenesysOrg.Configuration(clients: [.init(tokenLifetime: .seconds(300))], rateLimit: nil)
        let h = FakeOrgHarness(configuration: configuration)
        let token = h.org.issueToken()
        #expect(token.expiresIn == .seconds(300))
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token.value).status == 200)
        h.clock.advance(by: .seconds(299))
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token.value).status == 200)
        h.clock.advance(by: .seconds(1))
        let expired = try await h.raw(.get, "/api/v2/routing/skills", token: token.value)
        #expect(expired.status == 401)
        #expect(expired.errorBody?.code == "authentication.required")
    }

    @Test("makeClient authenticates against the org itself and renews an expired token")
    func makeClientRenews() async throws {
        let clock = ManualClock()
        let org = FakeGenesysOrg(configuration: .init(clients: [.init(tokenLifetime: .seconds(600))]), clock: clock)
        let client = org.makeClient()
        _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "test"))
        #expect(org.requests.map(\.operation) == ["oauth.token", "routing.listSkills"])
        #expect(org.requests.first?.clientID == "fake-client")
        clock.advance(by: .seconds(601))
        _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "test"))
        #expect(org.count(method: .post, pathPrefix: "/oauth/token") == 2)
        #expect(org.requests.allSatisfy { $0.status == 200 })
    }

    @Test("makeClient with a wrong secret fails with authenticationFailed")
    func makeClientWrongSecret() async throws {
        let org = FakeGenesysOrg()
        let client = org.makeClient(secret: "wrong")
        await #expect {
            _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "test"))
        } throws: { error in
            (error as? GenesysError)?.code == .authenticationFailed && (error as? GenesysError)?.status == 401
        }
    }

    @Test("a token is revoked after N requests; the client gets a new one and replays")
    func revocationAfterN() async throws {
        let configuration = FakeGenesysOrg.Configuration(tokenRequestLimit: 3, rateLimit: nil)
        let h = FakeOrgHarness(configuration: configuration)
        let token = h.org.issueToken()
        for _ in 0..<3 { #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token.value).status == 200) }
        let revoked = try await h.raw(.get, "/api/v2/routing/skills", token: token.value)
        #expect(revoked.status == 401)
        #expect(revoked.errorBody?.code == "authentication.required")
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: token.value).status == 401)

        let org = FakeGenesysOrg(configuration: configuration, clock: ManualClock())
        let client = org.makeClient()
        for _ in 0..<4 { _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "test")) }
        #expect(org.count(pathPrefix: "/oauth/token") == 2)
        #expect(org.requests.filter { $0.status == 401 }.count == 1)
        #expect(await client.counters.snapshot().reauthentications == 1)
    }

    @Test("revokeToken and revokeAllTokens take effect on the next request")
    func explicitRevocation() async throws {
        let h = FakeOrgHarness()
        let first = h.org.issueToken()
        let second = h.org.issueToken()
        h.org.revokeToken(first.value)
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: first.value).status == 401)
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: second.value).status == 200)
        h.org.revokeAllTokens()
        #expect(try await h.raw(.get, "/api/v2/routing/skills", token: second.value).status == 401)
    }

    @Test("the configured clients are the only ones accepted")
    func configuredClients() async throws {
        let configuration = FakeGenesysOrg.Configuration(clients: [.init(id: "ci", secret: "s3cret", tokenLifetime: .seconds(900))])
        let h = FakeOrgHarness(configuration: configuration)
        #expect(try await h.tokenRequest(id: "fake-client", secret: "fake-secret").status == 401)
        let response = try await h.tokenRequest(id: "ci", secret: "s3cret")
        #expect(response.status == 200)
        #expect(response.jsonObject["expires_in"] as? Int == 900)
    }
}
