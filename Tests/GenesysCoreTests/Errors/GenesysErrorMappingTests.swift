import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("GenesysError mapping")
struct GenesysErrorMappingTests {
    static let notFoundBody = #"""
    {"message":"Skill 42 was not found: BODY-TEXT-MARKER","code":"not.found","status":404,"contextId":"ctx-body-1",
     "details":[{"errorCode":"E1","fieldName":"name"}],
     "errors":[{"message":"nested","details":[{"errorCode":"E2","entityId":"e2"}],
                "errors":[{"details":[{"errorCode":"E3","entityName":"deep"}]}]}]}
    """#

    @Test("a 404 body maps to code, status, server code, message, correlation id and flattened details")
    func notFound() async throws {
        let transport = MockTransport.steps([.status(404, headers: ["ININ-Correlation-Id": "corr-header-1"], body: Self.notFoundBody)])
        let client = try makeClient(transport)

        let error = try #require(await #expect(throws: GenesysError.self) { try await client.send(.getSkills) })

        #expect(error.code == .notFound)
        #expect(error.status == 404)
        #expect(error.operation == "routing.listSkills")
        #expect(error.correlationID == "corr-header-1")
        #expect(error.serverCode == "not.found")
        #expect(error.message == "Skill 42 was not found: BODY-TEXT-MARKER")
        #expect(error.details.map(\.errorCode) == ["E1", "E2", "E3"])
        #expect(error.details.first?.fieldName == "name")
        #expect(error.details.last?.entityName == "deep")
        #expect(error.body?.contextId == "ctx-body-1")
        #expect(error.retryAfter == nil)
    }

    @Test("without the header, the correlation id comes from the body's contextId")
    func correlationFromBody() async throws {
        let transport = MockTransport.steps([.status(404, body: Self.notFoundBody)])
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.correlationID == "ctx-body-1")
    }

    @Test("description is one line with code, status, operation and correlation id, and no body text")
    func description() async throws {
        let transport = MockTransport.steps([.status(404, headers: ["ININ-Correlation-Id": "corr-header-1"], body: Self.notFoundBody)])
        let client = try makeClient(transport)
        let error = try #require(await #expect(throws: GenesysError.self) { try await client.send(.getSkills) })

        let text = error.description
        #expect(!text.contains("\n"))
        #expect(text.contains("notFound"))
        #expect(text.contains("404"))
        #expect(text.contains("routing.listSkills"))
        #expect(text.contains("corr-header-1"))
        #expect(!text.contains("BODY-TEXT-MARKER"))
        #expect(!text.contains("E1"))
        #expect(!text.contains(secretToken.value))
        #expect(!"\(error)".contains("BODY-TEXT-MARKER"))
    }

    @Test("description stays one line even when the body's ids contain line breaks")
    func descriptionInjection() async throws {
        let body = #"{"code":"bad.request\nFAKE LOG LINE","contextId":"ctx\r\nFAKE: 1","message":"m"}"#
        let transport = MockTransport.steps([.status(400, body: body)])
        let client = try makeClient(transport)
        let error = try #require(await #expect(throws: GenesysError.self) { try await client.send(.getSkills) })
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("\r"))
        #expect(!error.localizedMessage.contains("\n"))
    }

    @Test("a non-JSON error body still gives a typed error")
    func htmlBody() async throws {
        let transport = MockTransport.steps([.respond(TransportResponse(
            head: .init(status: .init(code: 502)), body: Data("<html>Bad gateway</html>".utf8)
        ))])
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.createSkill) }
        #expect(error?.code == .serverError)
        #expect(error?.status == 502)
        #expect(error?.message == nil)
        #expect(error?.details.isEmpty == true)
    }

    @Test("statuses map to codes", arguments: [
        (400, GenesysError.Code.badRequest), (401, .unauthorized), (403, .forbidden), (404, .notFound), (409, .conflict),
        (415, .badRequest), (429, .rateLimited), (500, .serverError), (501, .serverError), (503, .serverError),
        (504, .timedOut), (418, .unexpectedStatus), (302, .unexpectedStatus),
    ])
    func statusCodes(status: Int, code: GenesysError.Code) async throws {
        #expect(GenesysError.Code.forStatus(status) == code)
        let transport = MockTransport.steps([.status(status), .status(status)])
        let client = try makeClient(transport, policy: NoRetryPolicy())
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.code == code)
        #expect(error?.status == status)
    }

    @Test("a body that does not decode as the expected type is a decoding error")
    func decodingError() async throws {
        struct Skill: Decodable { var id: String }
        let transport = MockTransport.steps([.status(200, headers: ["ININ-Correlation-Id": "corr-d"], body: #"{"name":1}"#)])
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills, as: Skill.self) }
        #expect(error?.code == .decoding)
        #expect(error?.correlationID == "corr-d")
        #expect(error?.underlying is DecodingError)
    }
}
