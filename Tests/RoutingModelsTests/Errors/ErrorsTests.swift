import Foundation
import RoutingModels
import Testing

@Suite("Error bodies")
struct ErrorsTests {
    @Test("a 404 body decodes and round-trips exactly")
    func notFound() throws {
        let body = try roundTripFixture("error-body-404", as: ErrorBody.self)
        #expect(body.status == 404)
        #expect(body.code == "not.found")
        #expect(body.message == "The requested skill was not found.")
        #expect(body.contextId == "0f1e2d3c-4b5a-4968-8776-655443322110")
        #expect(body.messageParams == [:])
        #expect(body.details == [])
        #expect(body.errors == [])
        #expect(body.limit == nil)
    }

    @Test("the normalised 429 body decodes")
    func tooManyRequests() throws {
        let body = try roundTripFixture("error-body-429", as: ErrorBody.self)
        #expect(
            body
                == ErrorBody(
                    message: "Rate limit exceeded the maximum. Retry the request in [42] seconds",
                    code: "too.many.requests.retry.after",
                    status: 429,
                    contextId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    details: [],
                    errors: []
                )
        )
    }

    @Test("details, nested errors and the limit decode")
    func nested() throws {
        let body = try roundTripFixture("error-body-nested", as: ErrorBody.self)
        #expect(body.code == "bad.request")
        #expect(body.entityId == "3e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b")
        #expect(body.entityName == "Jane Doe")
        #expect(body.messageWithParams == "Skill {skillId} could not be assigned")
        #expect(body.messageParams == ["skillId": "6d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a"])
        #expect(
            body.details == [
                ErrorDetail(
                    errorCode: "invalid.value",
                    fieldName: "proficiency",
                    entityId: "6d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a",
                    entityName: "Refunds"
                )
            ]
        )
        let inner = try #require(body.errors?.first)
        #expect(inner.message == "Proficiency must be between 0 and 5")
        #expect(inner.details?.first?.fieldName == "proficiency")
        #expect(inner.errors?.first?.message == "Value 7.5 is out of range")
        #expect(inner.errors?.first?.errors == nil)
        #expect(body.limit == ErrorLimit(key: "routing.skills.per.user", namespace: "routing", value: 50))
    }

    @Test("a non-JSON-object error body fails to decode instead of producing garbage")
    func rejectsNonObjects() {
        #expect(throws: DecodingError.self) { try decode(#"["not","an","object"]"#, as: ErrorBody.self) }
        #expect(throws: DecodingError.self) { try decode(#"{"status":"four hundred"}"#, as: ErrorBody.self) }
    }
}
