/// The body of `PUT /api/v2/routing/utilization` and `PUT /api/v2/routing/users/{userId}/utilization`
/// (`UtilizationRequest`).
///
/// Media types left out revert to the system defaults (organisation) or to the organisation
/// values (user).
public struct UtilizationRequest: Codable, Sendable, Hashable {
    /// Settings per media type, keyed by media type name (`call`, `callback`, `chat`, `email`, `message`).
    public var utilization: [String: MediaUtilization]?
    /// Settings per utilization label, keyed by label id.
    public var labelUtilizations: [String: LabelUtilizationRequest]?
    /// The maximum number of inbound voice calls.
    public var maxInboundCalls: Int?

    /// Creates a utilization request; every field is optional.
    public init(
        utilization: [String: MediaUtilization]? = nil,
        labelUtilizations: [String: LabelUtilizationRequest]? = nil,
        maxInboundCalls: Int? = nil
    ) {
        self.utilization = utilization
        self.labelUtilizations = labelUtilizations
        self.maxInboundCalls = maxInboundCalls
    }
}
