/// How a queue evaluates a conversation's skill requirements (`skillEvaluationMethod`).
public enum SkillEvaluationMethod: GenesysEnum {
    /// `NONE`. Where an optional is expected, write `SkillEvaluationMethod.none`: a bare `.none`
    /// means `nil` there.
    case none
    /// `BEST`: prefer agents with the best skill match.
    case best
    /// `ALL`: agents must have all required skills.
    case all
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `NONE`, `BEST`, `ALL`.
    public static let knownCases: [Self] = [.none, .best, .all]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .none: "NONE"
        case .best: "BEST"
        case .all: "ALL"
        case .unknown(let value): value
        }
    }
}

/// A queue's scoring method (`scoringMethod`).
public enum ScoringMethod: GenesysEnum {
    /// `TimestampAndPriority`.
    case timestampAndPriority
    /// `PriorityOnly`.
    case priorityOnly
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `TimestampAndPriority`, `PriorityOnly`.
    public static let knownCases: [Self] = [.timestampAndPriority, .priorityOnly]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .timestampAndPriority: "TimestampAndPriority"
        case .priorityOnly: "PriorityOnly"
        case .unknown(let value): value
        }
    }
}

/// A queue's last-agent routing mode (`lastAgentRoutingMode`).
public enum LastAgentRoutingMode: GenesysEnum {
    /// `Disabled`.
    case disabled
    /// `QueueMembersOnly`.
    case queueMembersOnly
    /// `AnyAgent`.
    case anyAgent
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Disabled`, `QueueMembersOnly`, `AnyAgent`.
    public static let knownCases: [Self] = [.disabled, .queueMembersOnly, .anyAgent]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .disabled: "Disabled"
        case .queueMembersOnly: "QueueMembersOnly"
        case .anyAgent: "AnyAgent"
        case .unknown(let value): value
        }
    }
}
