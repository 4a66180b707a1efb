import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// A user's utilization (capacity) settings, or the organisation's when the user has none
    /// (`AgentMaxUtilizationResponse.level` tells which).
    ///
    /// `GET /api/v2/routing/users/{userId}/utilization`.
    public func getUserUtilization(userID: String, logger: Logger? = nil) async throws -> AgentMaxUtilizationResponse {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        return try await call(
            .get, "/api/v2/routing/users/\(Self.segment(userID))/utilization", operation: operation,
            as: AgentMaxUtilizationResponse.self, logger: logger)
    }

    /// Sets a user's utilization settings; media types left out fall back to the organisation's values.
    ///
    /// `PUT /api/v2/routing/users/{userId}/utilization` with `UtilizationRequest`.
    public func setUserUtilization(
        userID: String, _ request: UtilizationRequest, logger: Logger? = nil
    ) async throws -> AgentMaxUtilizationResponse {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        return try await call(
            .put, "/api/v2/routing/users/\(Self.segment(userID))/utilization", json: request, operation: operation,
            as: AgentMaxUtilizationResponse.self, logger: logger)
    }

    /// Removes a user's own utilization settings, so the organisation's apply again.
    ///
    /// `DELETE /api/v2/routing/users/{userId}/utilization` (any 2xx).
    public func resetUserUtilization(userID: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/users/\(Self.segment(userID))/utilization", operation: operation, logger: logger)
    }

    /// The organisation's utilization settings.
    ///
    /// `GET /api/v2/routing/utilization`.
    public func getOrgUtilization(logger: Logger? = nil) async throws -> UtilizationResponse {
        try await call(.get, "/api/v2/routing/utilization", operation: Self.operation(), as: UtilizationResponse.self, logger: logger)
    }

    /// Sets the organisation's utilization settings; media types left out revert to the system defaults.
    ///
    /// `PUT /api/v2/routing/utilization` with `UtilizationRequest`.
    public func setOrgUtilization(_ request: UtilizationRequest, logger: Logger? = nil) async throws -> UtilizationResponse {
        try await call(
            .put, "/api/v2/routing/utilization", json: request, operation: Self.operation(),
            as: UtilizationResponse.self, logger: logger)
    }

    /// Resets the organisation's utilization settings to the system defaults.
    ///
    /// `DELETE /api/v2/routing/utilization` (any 2xx).
    public func resetOrgUtilization(logger: Logger? = nil) async throws {
        try await callIgnoringBody(.delete, "/api/v2/routing/utilization", operation: Self.operation(), logger: logger)
    }
}
