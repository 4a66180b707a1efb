import Foundation
import RoutingModels
import Testing

@Suite("Utilization")
struct UtilizationTests {
    @Test("a user's utilization decodes media, labels and level")
    func agentUtilization() throws {
        let utilization = try roundTripFixture("utilization", as: AgentMaxUtilizationResponse.self)
        #expect(utilization.level == .agent)
        #expect(utilization.maxInboundCalls == 1)
        #expect(utilization.utilization?["call"] == MediaUtilization(maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: true))
        #expect(utilization.utilization?["chat"]?.interruptableMediaTypes == ["call", "callback"])
        #expect(utilization.utilization?["email"]?.includeNonAcd == nil)
        let label = try #require(utilization.labelUtilizations?["8b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e"])
        #expect(label.labelName == "VIP")
        #expect(label.maximumCapacity == 2)
        #expect(label.interruptingLabelIds == ["9c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f"])
    }

    @Test("the organisation response ignores the user-only level field")
    func organisationUtilization() throws {
        let utilization = try roundTripFixture("utilization", as: UtilizationResponse.self, exact: false)
        #expect(utilization.utilization?.count == 3)
        #expect(utilization.labelUtilizations?.values.first?.labelName == "VIP")
        #expect(try JSONValue(GenesysJSON.makeEncoder().encode(utilization))["level"] == nil)
    }

    @Test("a utilization request round-trips exactly")
    func request() throws {
        let request = try roundTripFixture("utilization-request", as: UtilizationRequest.self)
        #expect(request.maxInboundCalls == 2)
        #expect(request.utilization?["message"]?.interruptableMediaTypes == ["call"])
        #expect(request.labelUtilizations?.first?.value == LabelUtilizationRequest(maximumCapacity: 2, interruptingLabelIds: []))
    }
}
