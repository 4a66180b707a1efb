import Foundation
import RoutingModels

extension OrgEngine {
    /// The media types a utilization map may name.
    static let mediaTypes = ["call", "callback", "chat", "email", "message", "workitem"]

    /// The fake's system defaults (Genesys does not document its own): one call, callback, email and
    /// work item at a time, three chats, four messages; nothing interrupts; non-ACD not counted.
    static let systemUtilization: [String: MediaUtilization] = [
        "call": MediaUtilization(maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false),
        "callback": MediaUtilization(maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false),
        "chat": MediaUtilization(maximumCapacity: 3, interruptableMediaTypes: [], includeNonAcd: false),
        "email": MediaUtilization(maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false),
        "message": MediaUtilization(maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false),
        "workitem": MediaUtilization(maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false),
    ]

    /// Validates a utilization body: known media types (also in `interruptableMediaTypes`), capacities
    /// 0–25.
    static func validateUtilization(_ request: UtilizationRequest) throws {
        for (media, settings) in request.utilization ?? [:] {
            guard mediaTypes.contains(media) else {
                throw APIError.invalidValue(field: "utilization.\(media)", "Unknown media type \"\(media)\"; expected one of \(mediaTypes.joined(separator: ", "))")
            }
            if let capacity = settings.maximumCapacity, !(0...25).contains(capacity) {
                throw APIError.invalidValue(field: "utilization.\(media).maximumCapacity", "maximumCapacity must be from 0 to 25, got \(capacity)")
            }
            for other in settings.interruptableMediaTypes ?? [] where !mediaTypes.contains(other) {
                throw APIError.invalidValue(field: "utilization.\(media).interruptableMediaTypes", "Unknown media type \"\(other)\"")
            }
        }
        for (label, settings) in request.labelUtilizations ?? [:] {
            if let capacity = settings.maximumCapacity, !(0...25).contains(capacity) {
                throw APIError.invalidValue(field: "labelUtilizations.\(label).maximumCapacity", "maximumCapacity must be from 0 to 25, got \(capacity)")
            }
        }
        if let calls = request.maxInboundCalls, calls < 0 {
            throw APIError.invalidValue(field: "maxInboundCalls", "maxInboundCalls must not be negative, got \(calls)")
        }
    }

    static func labels(_ request: UtilizationRequest?) -> [String: LabelUtilizationResponse]? {
        request?.labelUtilizations?.mapValues {
            LabelUtilizationResponse(maximumCapacity: $0.maximumCapacity, interruptingLabelIds: $0.interruptingLabelIds)
        }
    }

    /// The organisation's effective settings: system defaults overlaid with what was PUT.
    func organizationUtilization() -> UtilizationResponse {
        let stored = state.organizationUtilization
        return UtilizationResponse(
            utilization: Self.systemUtilization.merging(stored?.utilization ?? [:]) { _, new in new },
            labelUtilizations: Self.labels(stored) ?? [:],
            maxInboundCalls: stored?.maxInboundCalls
        )
    }

    /// `GET /api/v2/routing/utilization`.
    func getOrgUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(organizationUtilization())
    }

    /// `PUT /api/v2/routing/utilization`: media types left out revert to the system defaults.
    mutating func setOrgUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(UtilizationRequest.self)
        try Self.validateUtilization(body)
        state.organizationUtilization = body
        return .json(organizationUtilization())
    }

    /// `DELETE /api/v2/routing/utilization`: back to the system defaults.
    mutating func resetOrgUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        state.organizationUtilization = nil
        return .empty()
    }

    func userUtilization(_ record: FakeOrgState.UserRecord) -> AgentMaxUtilizationResponse {
        let org = organizationUtilization()
        guard let own = record.utilization else {
            return AgentMaxUtilizationResponse(
                utilization: org.utilization, labelUtilizations: org.labelUtilizations,
                maxInboundCalls: org.maxInboundCalls, level: .organization
            )
        }
        return AgentMaxUtilizationResponse(
            utilization: (org.utilization ?? [:]).merging(own.utilization ?? [:]) { _, new in new },
            labelUtilizations: Self.labels(own) ?? org.labelUtilizations,
            maxInboundCalls: own.maxInboundCalls ?? org.maxInboundCalls, level: .agent
        )
    }

    /// `GET /api/v2/routing/users/{userId}/utilization`: the user's settings (`level: Agent`) or the
    /// organisation's (`level: Organization`).
    func getUserUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(userUtilization(state.users[try userIndex(request.param("userId"))]))
    }

    /// `PUT /api/v2/routing/users/{userId}/utilization`: media types left out fall back to the
    /// organisation's values.
    mutating func setUserUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        let body = try request.decode(UtilizationRequest.self)
        try Self.validateUtilization(body)
        state.users[index].utilization = body
        return .json(userUtilization(state.users[index]))
    }

    /// `DELETE /api/v2/routing/users/{userId}/utilization`: back to the organisation's settings.
    mutating func resetUserUtilization(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        state.users[index].utilization = nil
        return .empty()
    }
}
