import Foundation
@testable import GenesysAuth
import Testing

@Suite("LoginEndpoint")
struct LoginEndpointTests {
    @Test("every public region's prebuilt token endpoint is the one its login URL parses to", arguments: GenesysRegion.all)
    func builtInEndpointMatchesParsedURL(region: GenesysRegion) throws {
        #expect(region.loginEndpoint == (try LoginEndpoint(region.loginURL)))
        #expect(region.loginEndpoint.tokenPath == "/oauth/token")
    }

    @Test("a custom region keeps its login path prefix in the token endpoint")
    func customRegionEndpoint() throws {
        let region = try GenesysRegion.custom(apiURL: #require(URL(string: "https://api.example.test/p")))
        #expect(region.loginEndpoint.authority == "login.example.test")
        #expect(region.loginEndpoint.tokenPath == "/p/oauth/token")
    }
}
