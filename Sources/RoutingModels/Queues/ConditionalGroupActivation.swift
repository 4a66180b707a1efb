/// A queue's conditional group activation (`ConditionalGroupActivation`): rules executed
/// periodically on the queue that activate or deactivate agent groups.
public struct ConditionalGroupActivation: Codable, Sendable, Hashable {
    /// A rule that gates the others: they run only if it evaluates as true (or is absent).
    public var pilotRule: ConditionalGroupActivationPilotRule?
    /// The rules executed periodically on the queue.
    public var rules: [ConditionalGroupActivationRule]?

    /// Creates conditional group activation; every field is optional.
    public init(pilotRule: ConditionalGroupActivationPilotRule? = nil, rules: [ConditionalGroupActivationRule]? = nil) {
        self.pilotRule = pilotRule
        self.rules = rules
    }
}

/// The pilot rule of a ``ConditionalGroupActivation`` (`ConditionalGroupActivationPilotRule`).
public struct ConditionalGroupActivationPilotRule: Codable, Sendable, Hashable {
    /// The conditions used in this rule.
    public var conditions: [ConditionalGroupActivationCondition]?
    /// An expression that defines how the conditions relate; its grammar is not documented here.
    public var conditionExpression: String?

    /// Creates a pilot rule; every field is optional.
    public init(conditions: [ConditionalGroupActivationCondition]? = nil, conditionExpression: String? = nil) {
        self.conditions = conditions
        self.conditionExpression = conditionExpression
    }
}

/// A rule of a ``ConditionalGroupActivation`` (`ConditionalGroupActivationRule`).
public struct ConditionalGroupActivationRule: Codable, Sendable, Hashable {
    /// The conditions used in this rule.
    public var conditions: [ConditionalGroupActivationCondition]?
    /// An expression that defines how the conditions relate; its grammar is not documented here.
    public var conditionExpression: String?
    /// The groups this rule activates (when true) or deactivates (when false).
    public var groups: [MemberGroup]?

    /// Creates an activation rule; every field is optional.
    public init(
        conditions: [ConditionalGroupActivationCondition]? = nil,
        conditionExpression: String? = nil,
        groups: [MemberGroup]? = nil
    ) {
        self.conditions = conditions
        self.conditionExpression = conditionExpression
        self.groups = groups
    }
}

/// A condition of a conditional group activation rule (`ConditionalGroupActivationCondition`).
public struct ConditionalGroupActivationCondition: Codable, Sendable, Hashable {
    /// The metric evaluated.
    public var simpleMetric: ConditionalGroupActivationSimpleMetric?
    /// How the metric is compared with ``value``.
    public var `operator`: ConditionalGroupActivationOperator?
    /// The threshold beyond which the condition evaluates as true.
    public var value: Double?

    /// Creates an activation condition; every field is optional.
    public init(
        simpleMetric: ConditionalGroupActivationSimpleMetric? = nil,
        operator: ConditionalGroupActivationOperator? = nil,
        value: Double? = nil
    ) {
        self.simpleMetric = simpleMetric
        self.operator = `operator`
        self.value = value
    }
}

/// The metric of a ``ConditionalGroupActivationCondition`` (`ConditionalGroupActivationSimpleMetric`).
public struct ConditionalGroupActivationSimpleMetric: Codable, Sendable, Hashable {
    /// The queue metric evaluated.
    public var metric: ConditionalGroupActivationMetric?
    /// The queue whose metric is evaluated.
    public var queue: DomainEntityRef?

    /// Creates a simple metric; every field is optional.
    public init(metric: ConditionalGroupActivationMetric? = nil, queue: DomainEntityRef? = nil) {
        self.metric = metric
        self.queue = queue
    }
}

/// The queue metric of a ``ConditionalGroupActivationSimpleMetric``.
public enum ConditionalGroupActivationMetric: GenesysEnum {
    /// `EstimatedWaitTime`.
    case estimatedWaitTime
    /// `IdleAgentCount`.
    case idleAgentCount
    /// `ServiceLevel`.
    case serviceLevel
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `EstimatedWaitTime`, `IdleAgentCount`, `ServiceLevel`.
    public static let knownCases: [Self] = [.estimatedWaitTime, .idleAgentCount, .serviceLevel]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .estimatedWaitTime: "EstimatedWaitTime"
        case .idleAgentCount: "IdleAgentCount"
        case .serviceLevel: "ServiceLevel"
        case .unknown(let value): value
        }
    }
}

/// How a ``ConditionalGroupActivationCondition`` compares the metric with its value.
public enum ConditionalGroupActivationOperator: GenesysEnum {
    /// `GreaterThan`.
    case greaterThan
    /// `GreaterThanOrEqualTo`.
    case greaterThanOrEqualTo
    /// `LessThan`.
    case lessThan
    /// `LessThanOrEqualTo`.
    case lessThanOrEqualTo
    /// `EqualTo`.
    case equalTo
    /// `NotEqualTo`.
    case notEqualTo
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The operators listed by the API reference.
    public static let knownCases: [Self] = [
        .greaterThan, .greaterThanOrEqualTo, .lessThan, .lessThanOrEqualTo, .equalTo, .notEqualTo,
    ]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .greaterThan: "GreaterThan"
        case .greaterThanOrEqualTo: "GreaterThanOrEqualTo"
        case .lessThan: "LessThan"
        case .lessThanOrEqualTo: "LessThanOrEqualTo"
        case .equalTo: "EqualTo"
        case .notEqualTo: "NotEqualTo"
        case .unknown(let value): value
        }
    }
}
