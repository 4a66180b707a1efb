/// A queue's conditional group routing (`ConditionalGroupRouting`): rules evaluated for each
/// conversation that activate further agent groups.
public struct ConditionalGroupRouting: Codable, Sendable, Hashable {
    /// The rules, in evaluation order (up to 5 [TF]).
    public var rules: [ConditionalGroupRoutingRule]?

    /// Creates conditional group routing.
    public init(rules: [ConditionalGroupRoutingRule]? = nil) {
        self.rules = rules
    }
}

/// One conditional group routing rule (`ConditionalGroupRoutingRule`).
public struct ConditionalGroupRoutingRule: Codable, Sendable, Hashable {
    /// The queue whose metric is evaluated; absent means this queue (rule 1 always evaluates
    /// this queue [TF]).
    public var queue: DomainEntityRef?
    /// The queue metric evaluated.
    public var metric: ConditionalGroupRoutingMetric?
    /// How the metric is compared with ``conditionValue``.
    public var `operator`: ConditionalGroupRoutingOperator?
    /// The limit beyond which the rule evaluates as true.
    public var conditionValue: Double?
    /// The groups activated when the rule evaluates as true.
    public var groups: [MemberGroup]?
    /// Seconds to wait in this rule, when true, before evaluating the next; ignored for the last rule.
    public var waitSeconds: Int?

    /// Creates a conditional group routing rule; every field is optional.
    public init(
        queue: DomainEntityRef? = nil,
        metric: ConditionalGroupRoutingMetric? = nil,
        operator: ConditionalGroupRoutingOperator? = nil,
        conditionValue: Double? = nil,
        groups: [MemberGroup]? = nil,
        waitSeconds: Int? = nil
    ) {
        self.queue = queue
        self.metric = metric
        self.operator = `operator`
        self.conditionValue = conditionValue
        self.groups = groups
        self.waitSeconds = waitSeconds
    }
}

/// The queue metric a ``ConditionalGroupRoutingRule`` evaluates.
public enum ConditionalGroupRoutingMetric: GenesysEnum {
    /// `EstimatedWaitTime`.
    case estimatedWaitTime
    /// `ServiceLevel`.
    case serviceLevel
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `EstimatedWaitTime`, `ServiceLevel`.
    public static let knownCases: [Self] = [.estimatedWaitTime, .serviceLevel]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .estimatedWaitTime: "EstimatedWaitTime"
        case .serviceLevel: "ServiceLevel"
        case .unknown(let value): value
        }
    }
}

/// How a ``ConditionalGroupRoutingRule`` compares the metric with its condition value.
public enum ConditionalGroupRoutingOperator: GenesysEnum {
    /// `GreaterThan`.
    case greaterThan
    /// `GreaterThanOrEqualTo`.
    case greaterThanOrEqualTo
    /// `LessThan`.
    case lessThan
    /// `LessThanOrEqualTo`.
    case lessThanOrEqualTo
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `GreaterThan`, `GreaterThanOrEqualTo`, `LessThan`, `LessThanOrEqualTo`.
    public static let knownCases: [Self] = [.greaterThan, .greaterThanOrEqualTo, .lessThan, .lessThanOrEqualTo]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .greaterThan: "GreaterThan"
        case .greaterThanOrEqualTo: "GreaterThanOrEqualTo"
        case .lessThan: "LessThan"
        case .lessThanOrEqualTo: "LessThanOrEqualTo"
        case .unknown(let value): value
        }
    }
}
