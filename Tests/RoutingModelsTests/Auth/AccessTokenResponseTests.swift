import Foundation
import RoutingModels
import Testing

@Suite("OAuth token response")
struct AccessTokenResponseTests {
    @Test("snake_case wire keys map to camelCase properties and round-trip exactly")
    func success() throws {
        let token = try roundTripFixture("token-response", as: AccessTokenResponse.self)
        #expect(token.accessToken == "eyJhbGciOiJub25lIn0.fixture-token.not-a-secret")
        #expect(token.tokenType == "bearer")
        #expect(token.expiresIn == 86400)
        #expect(token.error == nil)
    }

    @Test("an OAuth error body decodes its error code")
    func failure() throws {
        let token = try roundTripFixture("token-error", as: AccessTokenResponse.self)
        #expect(token.error == "invalid_client")
        #expect(token.accessToken == nil)
    }

    @Test("description and debugDescription never contain the token")
    func redacted() throws {
        let token = try decodeFixture("token-response", as: AccessTokenResponse.self)
        for text in [token.description, token.debugDescription, String(describing: token), "\(token)"] {
            #expect(!text.contains("fixture-token"))
            #expect(text.contains("<redacted>"))
            #expect(text.contains("86400"))
        }
    }
}
