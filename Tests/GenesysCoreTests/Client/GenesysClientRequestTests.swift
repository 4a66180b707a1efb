import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import Testing

@Suite("GenesysClient request head")
struct GenesysClientRequestTests {
    @Test("a POST carries bearer auth, Accept, Content-Type, the base path prefix and an encoded query")
    func postHead() async throws {
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport, baseURL: "https://gw.example.test/genesys")
        var request = GenesysRequest.createSkill
        request.query = [.init("name", "a b&c=d/é+?"), .init("id", "1"), .init("id", "2")]

        _ = try await client.send(request)

        let exchange = try #require(transport.exchanges.first)
        let head = exchange.request
        #expect(head.method == .post)
        #expect(head.scheme == "https")
        #expect(head.authority == "gw.example.test")
        #expect(head.path == "/genesys/api/v2/routing/skills?name=a%20b%26c%3Dd%2F%C3%A9%2B%3F&id=1&id=2")
        #expect(exchange.pathOnly == "/genesys/api/v2/routing/skills")
        #expect(exchange.query("id") == ["1", "2"])
        #expect(exchange.query("name") == ["a b&c=d/é+?"])
        #expect(head.headerFields[.authorization] == "Bearer \(secretToken.value)")
        #expect(head.headerFields[.accept] == "application/json")
        #expect(head.headerFields[.contentType] == "application/json")
        #expect(head.headerFields[.userAgent]?.isEmpty == false)
        #expect(exchange.bodyText == #"{"name":"Billing"}"#)
        #expect(exchange.operation == "routing.createSkill")
    }

    @Test("a GET without a body has no Content-Type")
    func getHead() async throws {
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport)
        _ = try await client.send(.getSkills)
        let head = try #require(transport.exchanges.first?.request)
        #expect(head.headerFields[.contentType] == nil)
        #expect(head.headerFields[.accept] == "application/json")
        #expect(head.path == "/api/v2/routing/skills")
    }

    @Test("the base URL's port and path prefix are kept; a trailing slash is not doubled", arguments: [
        ("https://gw.example.test/genesys/", "gw.example.test", "/genesys/api/v2/routing/skills"),
        ("https://gw.example.test:8443/a/b", "gw.example.test:8443", "/a/b/api/v2/routing/skills"),
        ("https://api.mypurecloud.ie/", "api.mypurecloud.ie", "/api/v2/routing/skills"),
        ("https://api.mypurecloud.ie", "api.mypurecloud.ie", "/api/v2/routing/skills"),
    ])
    func baseURLs(baseURL: String, authority: String, path: String) async throws {
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport, baseURL: baseURL)
        _ = try await client.send(.getSkills)
        let head = try #require(transport.exchanges.first?.request)
        #expect(head.authority == authority)
        #expect(head.path == path)
    }

    @Test("query items are appended with & to a path that already has a query", arguments: [
        ("/api/v2/routing/skills?pageNumber=2", "/api/v2/routing/skills?pageNumber=2&name=a%20b"),
        ("/api/v2/routing/skills?", "/api/v2/routing/skills?name=a%20b"),
        ("/api/v2/routing/skills", "/api/v2/routing/skills?name=a%20b"),
    ])
    func existingQuery(path: String, expected: String) {
        let request = GenesysRequest(method: .get, path: path, query: [.init("name", "a b")], operation: "x")
        #expect(request.pathAndQuery == expected)
    }

    @Test("escapePathSegment keeps ids from changing the path", arguments: [
        ("8b0c6e1f-1c2d-4e3f-9a0b-123456789abc", "8b0c6e1f-1c2d-4e3f-9a0b-123456789abc"),
        ("../users", "..%2Fusers"), ("a b?c#d", "a%20b%3Fc%23d"),
    ])
    func escaping(segment: String, escaped: String) {
        #expect(GenesysRequest.escapePathSegment(segment) == escaped)
    }
}

@Suite("GenesysClient base URL validation")
struct GenesysClientBaseURLTests {
    @Test("plain http:// is refused for remote hosts", arguments: [
        "http://api.mypurecloud.com", "http://10.0.0.1:8080", "http://localhost.example.com", "http://127.0.0.1.nip.io",
        "http://[2001:db8::1]", "ftp://api.mypurecloud.com", "/relative/path", "https://",
    ])
    func refused(baseURL: String) throws {
        let url = try #require(URL(string: baseURL))
        let error = #expect(throws: GenesysError.self) {
            try GenesysClient(configuration: .init(apiBaseURL: url), transport: MockTransport.steps([]), tokenProvider: StaticTokenProvider(secretToken))
        }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test("plain http:// is allowed for loopback", arguments: [
        ("http://127.0.0.1:8080", "127.0.0.1:8080"), ("http://localhost", "localhost"), ("http://LOCALHOST:1/x", "localhost:1"),
        ("http://[::1]:9000", "[::1]:9000"), ("http://127.1.2.3", "127.1.2.3"),
    ])
    func loopbackAllowed(baseURL: String, authority: String) async throws {
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport, baseURL: baseURL)
        _ = try await client.send(.getSkills)
        let head = try #require(transport.exchanges.first?.request)
        #expect(head.scheme == "http")
        #expect(head.authority?.lowercased() == authority)
    }

    @Test("isLoopbackHost recognises only loopback names and addresses", arguments: [
        ("localhost", true), ("127.0.0.1", true), ("::1", true), ("[::1]", true), ("api.localhost", true),
        ("example.com", false), ("128.0.0.1", false), ("127.0.0.256", false), ("localhost.example.com", false),
    ])
    func loopbackHosts(host: String, expected: Bool) {
        #expect(GenesysClient.isLoopbackHost(host) == expected)
    }
}

@Suite("GenesysClient request counts")
struct GenesysClientCountsTests {
    @Test("counts attempts, writes and retries; a read-only POST is not a write")
    func counts() async throws {
        let transport = MockTransport.steps([.ok, .ok, .ok, .status(503), .ok])
        let client = try makeClient(transport)
        let search = GenesysRequest(method: .post, path: "/api/v2/users/search", body: Data("{}".utf8), operation: "users.search", isWrite: false)

        _ = try await client.send(.getSkills)
        _ = try await client.send(search)
        let before = await client.counters.snapshot()
        _ = try await client.send(.createSkill)
        _ = try await client.send(.createSkill)

        let counts = await client.counters.snapshot()
        #expect(counts == RequestCounts(total: 5, writes: 3, retries: 1, throttled: 0, reauthentications: 0))
        #expect(counts.since(before) == RequestCounts(total: 3, writes: 3, retries: 1))
        #expect(before == RequestCounts(total: 2, writes: 0))
    }

    @Test("request defaults: GET/PUT/DELETE idempotent, POST/PATCH not; GET is not a write")
    func requestDefaults() {
        let methods: [(HTTPRequest.Method, Bool, Bool)] = [
            (.get, true, false), (.head, true, false), (.put, true, true), (.delete, true, true), (.post, false, true), (.patch, false, true),
        ]
        for (method, idempotent, write) in methods {
            let request = GenesysRequest(method: method, path: "/api/v2/x", operation: "x")
            #expect(request.isIdempotent == idempotent, "\(method)")
            #expect(request.isWrite == write, "\(method)")
        }
    }

    @Test("copies of a client share their counters")
    func sharedCounters() async throws {
        let transport = MockTransport.steps([.ok, .ok])
        let client = try makeClient(transport)
        let copy = client
        _ = try await client.send(.getSkills)
        _ = try await copy.send(.getSkills)
        #expect(await client.counters.snapshot().total == 2)
    }
}
