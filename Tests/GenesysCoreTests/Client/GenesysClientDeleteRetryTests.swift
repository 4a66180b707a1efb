import GenesysCore
import GenesysTesting
import HTTPTypes
import Testing

@Suite("A retried DELETE")
struct GenesysClientDeleteRetryTests {
    @Test("that finds nothing after a lost answer counts as done")
    func retriedDeleteFindingNothingSucceeds() async throws {
        let transport = MockTransport.steps([.transport(.connectionLost, processed: true), .status(404)])
        let client = try makeClient(transport)
        let request = GenesysRequest(method: .delete, path: "/api/v2/routing/skills/s-1", operation: "routing.deleteSkill")

        let response = try await client.send(request)

        #expect(response.head.status.code == 404)
        #expect(transport.exchanges.count == 2)
    }

    @Test("that finds nothing on its first attempt is still not found")
    func firstAttemptNotFoundThrows() async throws {
        let transport = MockTransport.steps([.status(404)])
        let client = try makeClient(transport)
        let request = GenesysRequest(method: .delete, path: "/api/v2/routing/skills/s-1", operation: "routing.deleteSkill")

        let error = await #expect(throws: GenesysError.self) { try await client.send(request) }
        #expect(error?.code == .notFound)
    }

    @Test("a retried GET that finds nothing is not found")
    func retriedGetNotFoundThrows() async throws {
        let transport = MockTransport.steps([.status(503), .status(404)])
        let client = try makeClient(transport)
        let request = GenesysRequest(method: .get, path: "/api/v2/routing/skills/s-1", operation: "routing.getSkill")

        let error = await #expect(throws: GenesysError.self) { try await client.send(request) }
        #expect(error?.code == .notFound)
    }
}
