/// The organisation's utilization settings (`UtilizationResponse`), from
/// `/api/v2/routing/utilization`.
public struct UtilizationResponse: Codable, Sendable, Hashable {
    /// Settings per media type, keyed by media type name.
    public var utilization: [String: MediaUtilization]?
    /// Settings per utilization label, keyed by label id.
    public var labelUtilizations: [String: LabelUtilizationResponse]?
    /// The maximum number of inbound voice calls.
    public var maxInboundCalls: Int?

    /// Creates a utilization response; every field is optional.
    public init(
        utilization: [String: MediaUtilization]? = nil,
        labelUtilizations: [String: LabelUtilizationResponse]? = nil,
        maxInboundCalls: Int? = nil
    ) {
        self.utilization = utilization
        self.labelUtilizations = labelUtilizations
        self.maxInboundCalls = maxInboundCalls
    }
}
