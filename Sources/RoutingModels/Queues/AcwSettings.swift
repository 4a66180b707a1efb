/// A queue's after-call-work settings (`AcwSettings`).
public struct AcwSettings: Codable, Sendable, Hashable {
    /// How the UI prompts the agent for a wrap-up code.
    public var wrapupPrompt: WrapupPrompt?
    /// How long the agent may stay in after-call work, in milliseconds: 1 000–3 600 000 (1 s–60 min).
    /// Only meaningful for `AGENT_REQUESTED`, `MANDATORY_TIMEOUT` and `MANDATORY_FORCED_TIMEOUT`.
    public var timeoutMs: Int?

    /// Creates after-call-work settings; every field is optional.
    public init(wrapupPrompt: WrapupPrompt? = nil, timeoutMs: Int? = nil) {
        self.wrapupPrompt = wrapupPrompt
        self.timeoutMs = timeoutMs
    }
}

/// How the UI prompts an agent for a wrap-up code (``AcwSettings/wrapupPrompt``).
public enum WrapupPrompt: GenesysEnum {
    /// `MANDATORY`.
    case mandatory
    /// `OPTIONAL`.
    case optional
    /// `MANDATORY_TIMEOUT`.
    case mandatoryTimeout
    /// `MANDATORY_FORCED_TIMEOUT`.
    case mandatoryForcedTimeout
    /// `AGENT_REQUESTED`.
    case agentRequested
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The prompts listed by the API reference.
    public static let knownCases: [Self] = [
        .mandatory, .optional, .mandatoryTimeout, .mandatoryForcedTimeout, .agentRequested,
    ]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .mandatory: "MANDATORY"
        case .optional: "OPTIONAL"
        case .mandatoryTimeout: "MANDATORY_TIMEOUT"
        case .mandatoryForcedTimeout: "MANDATORY_FORCED_TIMEOUT"
        case .agentRequested: "AGENT_REQUESTED"
        case .unknown(let value): value
        }
    }
}
