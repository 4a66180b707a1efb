/// A user's utilization settings (`AgentMaxUtilizationResponse`), from
/// `/api/v2/routing/users/{userId}/utilization`: the user's own settings, or the organisation's
/// when the user has none (``level`` tells which).
public struct AgentMaxUtilizationResponse: Codable, Sendable, Hashable {
    /// Settings per media type, keyed by media type name.
    public var utilization: [String: MediaUtilization]?
    /// Settings per utilization label, keyed by label id.
    public var labelUtilizations: [String: LabelUtilizationResponse]?
    /// The maximum number of inbound voice calls.
    public var maxInboundCalls: Int?
    /// Where the settings come from: `Agent` or `Organization`.
    public var level: UtilizationLevel?

    /// Creates an agent utilization response; every field is optional.
    public init(
        utilization: [String: MediaUtilization]? = nil,
        labelUtilizations: [String: LabelUtilizationResponse]? = nil,
        maxInboundCalls: Int? = nil,
        level: UtilizationLevel? = nil
    ) {
        self.utilization = utilization
        self.labelUtilizations = labelUtilizations
        self.maxInboundCalls = maxInboundCalls
        self.level = level
    }
}

/// Where a user's utilization settings come from (``AgentMaxUtilizationResponse/level``).
public enum UtilizationLevel: GenesysEnum {
    /// `Agent`: the user's own settings.
    case agent
    /// `Organization`: the organisation default.
    case organization
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Agent`, `Organization`.
    public static let knownCases: [Self] = [.agent, .organization]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .agent: "Agent"
        case .organization: "Organization"
        case .unknown(let value): value
        }
    }
}
