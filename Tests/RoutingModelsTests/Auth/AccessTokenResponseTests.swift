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

    @Test("dump and Mirror show the fields but never the token")
    func mirrorRedacted() throws {
        let token = try decodeFixture("token-response", as: AccessTokenResponse.self)
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("fixture-token"))
        #expect(dumped.contains("<redacted>"))
        #expect(dumped.contains("86400"))
        #expect(dumped.contains("bearer"))

        let mirror = Mirror(reflecting: token)
        #expect(mirror.displayStyle == .struct)
        #expect(mirror.children.map(\.label) == ["accessToken", "tokenType", "expiresIn", "error"])
        for child in mirror.children {
            var text = ""
            dump(child.value, to: &text)
            #expect(!text.contains("fixture-token"))
        }

        var noToken = ""
        dump(AccessTokenResponse(error: "invalid_client"), to: &noToken)
        #expect(!noToken.contains("<redacted>"))
        #expect(noToken.contains("invalid_client"))
    }
}
