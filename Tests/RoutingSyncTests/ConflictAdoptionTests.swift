import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// A create refused with 409 is adopted only when the answer names the existing object's id together with
/// exactly the declared name; anything else could be about an unrelated object and fails the change.
@Suite("409 on a create")
struct ConflictAdoptionTests {
    /// Passes requests to the org, replacing the body of every 409 with `body`.
    struct ConflictRewriting: HTTPTransport {
        let org: FakeGenesysOrg
        let body: ErrorBody

        func send(_ request: HTTPRequest, body requestBody: Data?, options: TransportOptions) async throws -> TransportResponse {
            var response = try await org.send(request, body: requestBody, options: options)
            if response.head.status.code == 409 {
                response.body = try JSONEncoder().encode(body)
            }
            return response
        }
    }

    /// A sync whose 409s carry `body` instead of the org's own.
    static func sync(over harness: Harness, conflictBody body: ErrorBody) throws -> RoutingSync {
        let region = try GenesysRegion.custom(apiURL: FakeGenesysOrg.baseURL)
        let provider = ClientCredentialsTokenProvider(
            credentials: ClientCredentials(clientID: FakeGenesysOrg.defaultClientID, clientSecret: FakeGenesysOrg.defaultClientSecret),
            region: region, transport: harness.org, clock: harness.org.clock, throttleRetry: .none
        )
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: FakeGenesysOrg.baseURL),
            transport: ConflictRewriting(org: harness.org, body: body), tokenProvider: provider,
            retryPolicy: StandardRetryPolicy(jitter: .none), rateLimit: nil, clock: harness.org.clock
        )
        return RoutingSync(client: client)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var body: ErrorBody
        var expected: String
        var testDescription: String { label }
    }

    static let unrelatedID = "00000000-0000-0000-0000-00000000beef"

    static let cases: [Case] = [
        Case(
            label: "an id without a name",
            body: ErrorBody(message: "conflict", code: "conflict", status: 409, entityId: unrelatedID),
            expected: "naming an object without a name (id \(unrelatedID)), not one named exactly \"Billing\", so it was not adopted"
        ),
        Case(
            label: "an id with another name",
            body: ErrorBody(message: "conflict", code: "conflict", status: 409, entityId: unrelatedID, entityName: "Billing Old"),
            expected: "naming an object named \"Billing Old\" (id \(unrelatedID)), not one named exactly \"Billing\""
        ),
        Case(
            label: "an id with the name in another case",
            body: ErrorBody(message: "conflict", code: "conflict", status: 409, entityId: unrelatedID, entityName: "billing"),
            expected: "naming an object named \"billing\" (id \(unrelatedID))"
        ),
        Case(
            label: "a detail with an id but no name",
            body: ErrorBody(message: "conflict", code: "conflict", status: 409, details: [ErrorDetail(errorCode: "conflict", entityId: unrelatedID)]),
            expected: "naming an object without a name (id \(unrelatedID))"
        ),
        Case(
            label: "no id at all",
            body: ErrorBody(message: "A skill with this name exists", code: "conflict", status: 409, entityName: "Billing"),
            expected: "creating \"Billing\" was refused with a conflict (HTTP 409) that names no existing object; the server said: A skill with this name exists"
        ),
    ]

    @Test("a 409 that does not name the existing object's id with exactly the declared name fails the change, adopting nothing", arguments: cases)
    func notAdopted(_ item: Case) async throws {
        let harness = try Harness()
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n")
        let plan = try await harness.sync.plan(state)
        // Someone else creates it between plan and apply, so the create meets the org's 409.
        _ = try harness.org.addSkill(name: "Billing")
        let sync = try Self.sync(over: harness, conflictBody: item.body)

        let report = await sync.apply(plan)
        #expect(!report.succeeded)
        let result = try #require(report.results.first)
        #expect(result.status == .failed)
        let message = try #require(result.error)
        #expect(message.contains(item.expected), "\(message)")
        #expect(message.contains("check the org for an object with this name, then run again"))
        #expect(message.contains("status 409"))
        #expect(!message.contains("\n"))
        #expect(report.halted == nil)
    }

    @Test("a 409 naming the id with exactly the declared name is adopted (body or detail)", arguments: [
        ErrorBody(code: "conflict", status: 409, entityId: "adopt-me", entityName: "Billing"),
        ErrorBody(code: "conflict", status: 409, details: [
            ErrorDetail(errorCode: "conflict", entityId: "other", entityName: "Billing Old"),
            ErrorDetail(errorCode: "conflict", entityId: "adopt-me", entityName: "Billing"),
        ]),
    ])
    func adopted(body: ErrorBody) async throws {
        let harness = try Harness()
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n")
        let plan = try await harness.sync.plan(state)
        _ = try harness.org.addSkill(name: "Billing")
        let report = try await Self.sync(over: harness, conflictBody: body).apply(plan)
        #expect(report.succeeded, "\(report.results.map(\.description))")
    }

    @Test("existingID needs the id and the exact name")
    func existingIDRule() {
        func conflict(_ body: ErrorBody) -> GenesysError {
            GenesysError(code: .conflict, operation: "routing.createSkill", status: 409, details: body.details ?? [], body: body)
        }
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(entityId: "x", entityName: "Billing")), name: "Billing") == "x")
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(entityId: "x")), name: "Billing") == nil)
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(entityId: "x", entityName: "Billing ")), name: "Billing") == nil)
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(entityId: "", entityName: "Billing")), name: "Billing") == nil)
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(entityName: "Billing")), name: "Billing") == nil)
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(details: [ErrorDetail(entityId: "y")])), name: "Billing") == nil)
        #expect(CreateOrAdopt.existingID(in: conflict(ErrorBody(details: [ErrorDetail(entityId: "y", entityName: "Billing")])), name: "Billing") == "y")
    }
}
