/// A preferred-agent routing rule of a queue (`RoutingRule`); a queue has up to 6 [TF].
public struct RoutingRule: Codable, Sendable, Hashable {
    /// How agents are matched: `MEETS_THRESHOLD` or `ANY`.
    public var `operator`: RoutingRuleOperator?
    /// The threshold (generally an agent score) required for the routing attempt; may be absent
    /// for `ANY`.
    public var threshold: Int?
    /// Seconds to wait in this rule before moving to the next.
    public var waitSeconds: Double?

    /// Creates a routing rule; every field is optional.
    public init(operator: RoutingRuleOperator? = nil, threshold: Int? = nil, waitSeconds: Double? = nil) {
        self.operator = `operator`
        self.threshold = threshold
        self.waitSeconds = waitSeconds
    }
}

/// The matching operator of a ``RoutingRule``.
public enum RoutingRuleOperator: GenesysEnum {
    /// `MEETS_THRESHOLD`: any agent whose score is at or above the rule's threshold.
    case meetsThreshold
    /// `ANY`: all specified agents, regardless of score.
    case any
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `MEETS_THRESHOLD`, `ANY`.
    public static let knownCases: [Self] = [.meetsThreshold, .any]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .meetsThreshold: "MEETS_THRESHOLD"
        case .any: "ANY"
        case .unknown(let value): value
        }
    }
}
