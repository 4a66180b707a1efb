import Foundation
import GenesysAuth
import GenesysCore
import GenesysTesting
import Testing

/// One row of the public region table (Genesys Cloud "Platform API" regions).
struct RegionRow: Sendable, CustomTestStringConvertible {
    let id: String
    let domain: String
    var testDescription: String { id }
}

@Suite("GenesysRegion")
struct GenesysRegionTests {
    static let table: [RegionRow] = [
        .init(id: "us_east_1", domain: "mypurecloud.com"),
        .init(id: "eu_west_1", domain: "mypurecloud.ie"),
        .init(id: "ap_southeast_2", domain: "mypurecloud.com.au"),
        .init(id: "ap_northeast_1", domain: "mypurecloud.jp"),
        .init(id: "eu_central_1", domain: "mypurecloud.de"),
        .init(id: "us_west_2", domain: "usw2.pure.cloud"),
        .init(id: "ca_central_1", domain: "cac1.pure.cloud"),
        .init(id: "ap_northeast_2", domain: "apne2.pure.cloud"),
        .init(id: "eu_west_2", domain: "euw2.pure.cloud"),
        .init(id: "ap_south_1", domain: "aps1.pure.cloud"),
        .init(id: "us_east_2", domain: "use2.us-gov-pure.cloud"),
        .init(id: "sa_east_1", domain: "sae1.pure.cloud"),
        .init(id: "me_central_1", domain: "mec1.pure.cloud"),
        .init(id: "ap_northeast_3", domain: "apne3.pure.cloud"),
        .init(id: "eu_central_2", domain: "euc2.pure.cloud"),
        .init(id: "mx_central_1", domain: "mxc1.pure.cloud"),
        .init(id: "ap_southeast_1", domain: "apse1.pure.cloud"),
        .init(id: "eusc_de_east_1", domain: "edee1.eusc-pure.cloud"),
    ]

    @Test("the region table has all 18 public regions, in order, with distinct ids")
    func allRegions() {
        #expect(GenesysRegion.all.count == 18)
        #expect(GenesysRegion.all.map(\.id) == Self.table.map(\.id))
        #expect(Set(GenesysRegion.all).count == 18)
        #expect(GenesysRegion.euWest1.apiURL.absoluteString == "https://api.mypurecloud.ie")
        #expect(GenesysRegion.euscDeEast1.loginURL.absoluteString == "https://login.edee1.eusc-pure.cloud")
    }

    @Test("every public region is found by its id", arguments: table)
    func byID(row: RegionRow) throws {
        let region = try GenesysRegion(id: row.id)
        #expect(region.id == row.id)
        #expect(region.domain == row.domain)
        #expect(region.apiURL.absoluteString == "https://api.\(row.domain)")
        #expect(region.loginURL.absoluteString == "https://login.\(row.domain)")
        #expect(try GenesysRegion(id: row.id.uppercased().replacingOccurrences(of: "_", with: "-")) == region)
        #expect(try GenesysRegion.parse(row.id) == region)
    }

    @Test("every public region is found by its domain in each accepted spelling", arguments: table)
    func byDomain(row: RegionRow) throws {
        let spellings = [
            row.domain, "api.\(row.domain)", "login.\(row.domain)", "https://api.\(row.domain)",
            "https://api.\(row.domain)/", " \(row.domain.uppercased()) ",
        ]
        for spelling in spellings {
            #expect(try GenesysRegion(domain: spelling).id == row.id, "\(spelling)")
            #expect(try GenesysRegion.parse(spelling).id == row.id, "\(spelling)")
        }
    }

    @Test("a custom API URL derives its login URL", arguments: [
        ("https://api.example.test/prefix", "https://login.example.test/prefix"),
        ("https://api.example.test", "https://login.example.test"),
        ("https://API.example.test:8443/p/", "https://login.example.test:8443/p/"),
        ("https://gateway.example.test", "https://gateway.example.test"),
        ("https://gateway.example.test/genesys", "https://gateway.example.test/genesys"),
    ])
    func customLoginDerivation(api: String, expectedLogin: String) throws {
        let region = try GenesysRegion.custom(apiURL: URL(string: api)!)
        #expect(region.id == nil)
        #expect(region.domain == nil)
        #expect(region.apiURL.absoluteString == api)
        #expect(region.loginURL.absoluteString == expectedLogin)
    }

    @Test("an explicit custom login URL is kept")
    func customExplicitLogin() throws {
        let region = try GenesysRegion.custom(
            apiURL: URL(string: "https://gateway.example.test/api")!,
            loginURL: URL(string: "https://auth.example.test/oauth-proxy")!
        )
        #expect(region.loginURL.absoluteString == "https://auth.example.test/oauth-proxy")
        #expect(region.description.contains("custom"))
    }

    @Test("plain http:// is refused for a remote host", arguments: [
        "http://api.example.test", "http://10.0.0.1:8080/x", "http://localhost.example.test",
    ])
    func httpRefusedForRemote(url: String) {
        let error = #expect(throws: GenesysError.self) { try GenesysRegion.custom(apiURL: URL(string: url)!) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message?.contains(url) == true)
        #expect(error?.message?.contains("loopback") == true)
    }

    @Test("plain http:// is allowed for loopback hosts", arguments: [
        "http://127.0.0.1:8080", "http://localhost:9000/mock", "http://[::1]:8080",
    ])
    func httpAllowedForLoopback(url: String) throws {
        let region = try GenesysRegion.custom(apiURL: URL(string: url)!)
        #expect(region.apiURL.absoluteString == url)
        #expect(region.loginURL.absoluteString == url)
    }

    @Test("an http:// login URL for a remote host is refused even with a loopback API URL")
    func httpLoginRefused() {
        let error = #expect(throws: GenesysError.self) {
            try GenesysRegion.custom(apiURL: URL(string: "http://127.0.0.1:8080")!, loginURL: URL(string: "http://login.example.test")!)
        }
        #expect(error?.message?.contains("login URL") == true)
    }

    @Test("URLs without an http(s) scheme or a host are refused", arguments: ["ftp://api.example.test", "/relative/path"])
    func notHTTP(url: String) {
        let error = #expect(throws: GenesysError.self) { try GenesysRegion.custom(apiURL: URL(string: url)!) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message?.contains("https://") == true)
    }

    @Test("URLs with a user name or password are refused without echoing the password", arguments: [
        "https://user:pa55word@api.example.test", "https://user:pa55word@api.example.test:8443/genesys?x=1",
        "https://:pa55word@api.example.test", "http://user:pa55word@127.0.0.1:8080", "https://user@api.example.test",
        "ftp://user:pa55word@api.example.test",
    ])
    func userInfoRefused(url: String) throws {
        let apiError = #expect(throws: GenesysError.self) { try GenesysRegion.custom(apiURL: URL(string: url)!) }
        let loginError = #expect(throws: GenesysError.self) {
            try GenesysRegion.custom(apiURL: URL(string: "https://api.example.test")!, loginURL: URL(string: url)!)
        }
        let providerError = #expect(throws: GenesysError.self) {
            try ClientCredentialsTokenProvider(
                credentials: ClientCredentials(clientID: "id", clientSecret: "secret"), loginURL: URL(string: url)!,
                transport: MockTransport { _, _ in .json("{}") }
            )
        }
        for (error, role) in [(apiError, "API"), (loginError, "login"), (providerError, "login")] {
            let error = try #require(error)
            #expect(error.code == .invalidConfiguration)
            let message = try #require(error.message)
            #expect(message.hasPrefix("invalid \(role) URL \""))
            #expect(message.contains("user name or password"))
            #expect(!message.contains("pa55word"))
            #expect(!message.contains("user@") && !message.contains(":@"))
            #expect(message.contains("api.example.test") || message.contains("127.0.0.1"))
            #expect(!message.contains("\n"))
            #expect(!error.localizedMessage.contains("pa55word"))
        }
    }

    @Test("an unknown region id names the value and lists the accepted ids")
    func unknownID() {
        let error = #expect(throws: GenesysError.self) { try GenesysRegion(id: "eu_west_9") }
        #expect(error?.code == .invalidConfiguration)
        let message = error?.message ?? ""
        #expect(message.contains("\"eu_west_9\""))
        #expect(message.contains("eu_west_1") && message.contains("eusc_de_east_1"))
        #expect(!message.contains("\n"))
    }

    @Test("an unknown domain is refused rather than guessed", arguments: ["example.com", "api.mypurecloud.xx", "https://api.example.test"])
    func unknownDomain(value: String) {
        let byDomain = #expect(throws: GenesysError.self) { try GenesysRegion(domain: value) }
        #expect(byDomain?.code == .invalidConfiguration)
        #expect(byDomain?.message?.contains(value) == true)
        #expect(byDomain?.message?.contains("custom API and login URLs") == true)

        let parsed = #expect(throws: GenesysError.self) { try GenesysRegion.parse(value) }
        #expect(parsed?.message?.contains(value) == true)
        #expect(parsed?.message?.contains("region id") == true)
    }
}
