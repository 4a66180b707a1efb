// The Swift code of Documentation/AuthenticationAndRegions.md, compiled. `ArticleSnippetsTests` checks
// that every ```swift block of the guide appears here (the protocol declaration excepted).
import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import Logging

enum AuthenticationGuideSnippets {
    static func regionAndCredentials(clientID: String, clientSecret: String) throws {
        let credentials = ClientCredentials(clientID: clientID, clientSecret: clientSecret)
        let client = try GenesysClient(region: .euWest1, credentials: credentials)
        _ = client
    }

    static func ownTokenProvider(credentials: ClientCredentials) throws {
        let region = GenesysRegion.euWest1
        let transport = DefaultTransport.make()
        let tokens = ClientCredentialsTokenProvider(
            credentials: credentials,
            region: region,
            transport: transport,
            refreshBeforeExpiry: .seconds(600),
            requestTimeout: .seconds(10),
            throttleRetry: .init(maxRetries: 2)
        )
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: region.apiURL),
            transport: transport,
            tokenProvider: tokens
        )
        _ = client
    }

    static func regions() throws {
        let a = try GenesysRegion(id: "eu_west_1")                 // "eu-west-1" and any case work too
        let b = try GenesysRegion(domain: "mypurecloud.ie")        // also "api.mypurecloud.ie", "login.…", "https://api.mypurecloud.ie"
        let c = try GenesysRegion.parse("usw2.pure.cloud")         // either an id or a domain
        print(c)                                                   // us_west_2 (https://api.usw2.pure.cloud)
        _ = (a, b)
    }

    static func customRegions() throws {
        // Login URL derived: https://login.gateway.example.com/genesys
        let gateway = try GenesysRegion.custom(apiURL: URL(string: "https://api.gateway.example.com/genesys")!)

        // A proxy that serves both paths on one host: the login URL is the API URL itself.
        let proxy = try GenesysRegion.custom(apiURL: URL(string: "https://genesys-proxy.internal.example")!)

        // Both given explicitly.
        let explicit = try GenesysRegion.custom(
            apiURL: URL(string: "https://api.gateway.example.com")!,
            loginURL: URL(string: "https://sso.gateway.example.com/genesys")!
        )
        _ = (gateway, proxy, explicit)
    }

    static func loopback() throws {
        let local = try GenesysRegion.custom(apiURL: URL(string: "http://127.0.0.1:8080")!)   // login URL: the same
        _ = try GenesysRegion.custom(apiURL: URL(string: "http://api.example.com")!)          // throws .invalidConfiguration
        _ = local
    }

    static func staticToken(issuedToken: String) throws {
        let provider = StaticTokenProvider(AccessToken(value: issuedToken))
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: URL(string: "https://api.mypurecloud.ie")!),
            transport: DefaultTransport.make(),
            tokenProvider: provider
        )
        _ = client
    }
}

/// Tokens fetched from a secrets store (a vault, a sidecar, your platform's token service).
actor VaultTokenProvider: AccessTokenProvider {
    private let fetch: @Sendable () async throws -> AccessToken
    private var cached: (token: AccessToken, refreshAt: ContinuousClock.Instant)?

    init(fetch: @escaping @Sendable () async throws -> AccessToken) {
        self.fetch = fetch
    }

    func accessToken(logger: Logger) async throws -> AccessToken {
        if let cached, ContinuousClock.now < cached.refreshAt { return cached.token }
        let token = try await fetch()
        let lifetime = token.expiresIn ?? .seconds(300)
        cached = (token, ContinuousClock.now + lifetime - min(.seconds(60), lifetime / 2))
        logger.debug("fetched a Genesys token from the vault")   // never the value
        return token
    }

    func invalidate(_ token: AccessToken) async {
        if cached?.token.value == token.value { cached = nil }
    }
}

// Your code that reads the token; here a placeholder.
func readGenesysTokenFromVault() async throws -> (value: String, ttlSeconds: Int) {
    fatalError("call your secrets store here")
}

let vaultTokens = VaultTokenProvider {
    let secret = try await readGenesysTokenFromVault()
    return AccessToken(value: secret.value, expiresIn: .seconds(secret.ttlSeconds))
}
