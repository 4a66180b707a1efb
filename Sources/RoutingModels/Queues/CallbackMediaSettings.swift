/// A queue's callback settings (`CallbackMediaSettings`): ``MediaSettings`` plus callback options.
public struct CallbackMediaSettings: Codable, Sendable, Hashable {
    /// Whether auto-answer is enabled (default false). Subtype settings take precedence.
    public var enableAutoAnswer: Bool?
    /// The alerting timeout, in seconds.
    public var alertingTimeoutSeconds: Int?
    /// The service level target.
    public var serviceLevel: ServiceLevel?
    /// How long to play the alerting tone for an auto-answered interaction, in seconds.
    public var autoAnswerAlertToneSeconds: Double?
    /// How long to play the alerting tone for a manually answered interaction, in seconds.
    public var manualAnswerAlertToneSeconds: Double?
    /// The callback mode: `AgentFirst` or `CustomerFirst`.
    public var mode: CallbackMode?
    /// Whether auto-dial and auto-end automation is enabled for callbacks.
    public var enableAutoDialAndEnd: Bool?
    /// Seconds after the agent connects before the outgoing call is auto-dialed: integer 0–1200
    /// (default 300).
    public var autoDialDelaySeconds: Int?
    /// Seconds after the agent disconnects before the callback is auto-ended: integer 0–1200
    /// (default 300).
    public var autoEndDelaySeconds: Int?
    /// Caps the number of simultaneous outbound calls in `CustomerFirst` mode.
    public var pacingModifier: Double?
    /// Maximum retries to reach the customer in `CustomerFirst` mode.
    public var maxRetryCount: Int?
    /// Seconds between retries in `CustomerFirst` mode.
    public var retryDelaySeconds: Int?
    /// What to do when a live voice answers a `CustomerFirst` callback.
    public var liveVoiceReactionType: ReactionType?
    /// The flow used when ``liveVoiceReactionType`` is `TransferToFlow`.
    public var liveVoiceFlow: DomainEntityRef?
    /// What to do when an answering machine answers a `CustomerFirst` callback.
    public var answeringMachineReactionType: ReactionType?
    /// The flow used when ``answeringMachineReactionType`` is `TransferToFlow`.
    public var answeringMachineFlow: DomainEntityRef?
    /// The edge group used for outbound callback calls.
    public var edgeGroup: DomainEntityRef?
    /// The site used for outbound callback calls.
    public var site: DomainEntityRef?

    /// Creates callback settings; every field is optional.
    public init(
        enableAutoAnswer: Bool? = nil,
        alertingTimeoutSeconds: Int? = nil,
        serviceLevel: ServiceLevel? = nil,
        autoAnswerAlertToneSeconds: Double? = nil,
        manualAnswerAlertToneSeconds: Double? = nil,
        mode: CallbackMode? = nil,
        enableAutoDialAndEnd: Bool? = nil,
        autoDialDelaySeconds: Int? = nil,
        autoEndDelaySeconds: Int? = nil,
        pacingModifier: Double? = nil,
        maxRetryCount: Int? = nil,
        retryDelaySeconds: Int? = nil,
        liveVoiceReactionType: ReactionType? = nil,
        liveVoiceFlow: DomainEntityRef? = nil,
        answeringMachineReactionType: ReactionType? = nil,
        answeringMachineFlow: DomainEntityRef? = nil,
        edgeGroup: DomainEntityRef? = nil,
        site: DomainEntityRef? = nil
    ) {
        self.enableAutoAnswer = enableAutoAnswer
        self.alertingTimeoutSeconds = alertingTimeoutSeconds
        self.serviceLevel = serviceLevel
        self.autoAnswerAlertToneSeconds = autoAnswerAlertToneSeconds
        self.manualAnswerAlertToneSeconds = manualAnswerAlertToneSeconds
        self.mode = mode
        self.enableAutoDialAndEnd = enableAutoDialAndEnd
        self.autoDialDelaySeconds = autoDialDelaySeconds
        self.autoEndDelaySeconds = autoEndDelaySeconds
        self.pacingModifier = pacingModifier
        self.maxRetryCount = maxRetryCount
        self.retryDelaySeconds = retryDelaySeconds
        self.liveVoiceReactionType = liveVoiceReactionType
        self.liveVoiceFlow = liveVoiceFlow
        self.answeringMachineReactionType = answeringMachineReactionType
        self.answeringMachineFlow = answeringMachineFlow
        self.edgeGroup = edgeGroup
        self.site = site
    }
}

/// The callback mode of a queue (``CallbackMediaSettings/mode``).
public enum CallbackMode: GenesysEnum {
    /// `AgentFirst`.
    case agentFirst
    /// `CustomerFirst`.
    case customerFirst
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `AgentFirst`, `CustomerFirst`.
    public static let knownCases: [Self] = [.agentFirst, .customerFirst]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .agentFirst: "AgentFirst"
        case .customerFirst: "CustomerFirst"
        case .unknown(let value): value
        }
    }
}

/// What a `CustomerFirst` callback does when a live voice or an answering machine is detected.
public enum ReactionType: GenesysEnum {
    /// `HangUp`.
    case hangUp
    /// `TransferToQueue`.
    case transferToQueue
    /// `TransferToFlow`.
    case transferToFlow
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `HangUp`, `TransferToQueue`, `TransferToFlow`.
    public static let knownCases: [Self] = [.hangUp, .transferToQueue, .transferToFlow]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .hangUp: "HangUp"
        case .transferToQueue: "TransferToQueue"
        case .transferToFlow: "TransferToFlow"
        case .unknown(let value): value
        }
    }
}
