import GenesysCore
import Testing

@Suite("AccessToken")
struct AccessTokenTests {
    @Test("no textual representation contains the token value")
    func redacted() {
        let token = AccessToken(value: "eyJ-very-secret-value", tokenType: "bearer", expiresIn: .seconds(86_400))
        var dumped = ""
        dump(token, to: &dumped)
        let texts = [
            token.description, token.debugDescription, "\(token)", String(describing: token), String(reflecting: token),
            "\([token])", "\(Optional(token) as Any)", dumped,
        ]
        for text in texts {
            #expect(!text.contains("eyJ-very-secret-value"), "\(text)")
            #expect(!text.contains("secret"), "\(text)")
        }
        #expect(token.description.contains("bearer"))
        #expect(token.description.contains("redacted"))
    }

    @Test("StaticTokenProvider returns its token and ignores invalidation")
    func staticProvider() async throws {
        let provider = StaticTokenProvider(secretToken)
        #expect(try await provider.accessToken(logger: quietLogger) == secretToken)
        await provider.invalidate(secretToken)
        #expect(try await provider.accessToken(logger: quietLogger) == secretToken)
    }
}
