/// A queue's message settings (`MessageMediaSettings`): ``MediaSettings`` plus per-subtype
/// settings and inactivity timeout.
public struct MessageMediaSettings: Codable, Sendable, Hashable {
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
    /// Settings per message subtype, keyed by subtype.
    public var subTypeSettings: [String: MessageSubtypeSettings]?
    /// Whether the inactivity timeout is enabled for all subtypes.
    public var enableInactivityTimeout: Bool?
    /// The inactivity timeout settings.
    public var inactivityTimeoutSettings: InactivityTimeoutSettings?

    /// Creates message settings; every field is optional.
    public init(
        enableAutoAnswer: Bool? = nil,
        alertingTimeoutSeconds: Int? = nil,
        serviceLevel: ServiceLevel? = nil,
        autoAnswerAlertToneSeconds: Double? = nil,
        manualAnswerAlertToneSeconds: Double? = nil,
        subTypeSettings: [String: MessageSubtypeSettings]? = nil,
        enableInactivityTimeout: Bool? = nil,
        inactivityTimeoutSettings: InactivityTimeoutSettings? = nil
    ) {
        self.enableAutoAnswer = enableAutoAnswer
        self.alertingTimeoutSeconds = alertingTimeoutSeconds
        self.serviceLevel = serviceLevel
        self.autoAnswerAlertToneSeconds = autoAnswerAlertToneSeconds
        self.manualAnswerAlertToneSeconds = manualAnswerAlertToneSeconds
        self.subTypeSettings = subTypeSettings
        self.enableInactivityTimeout = enableInactivityTimeout
        self.inactivityTimeoutSettings = inactivityTimeoutSettings
    }
}

/// Settings for one message subtype (`MessageSubtypeSettings`).
public struct MessageSubtypeSettings: Codable, Sendable, Hashable {
    /// Whether auto-answer is enabled for the subtype; takes precedence over the media setting.
    public var enableAutoAnswer: Bool?
    /// Whether the inactivity timeout is enabled for the subtype.
    public var enableInactivityTimeout: Bool?

    /// Creates subtype settings; every field is optional.
    public init(enableAutoAnswer: Bool? = nil, enableInactivityTimeout: Bool? = nil) {
        self.enableAutoAnswer = enableAutoAnswer
        self.enableInactivityTimeout = enableInactivityTimeout
    }
}

/// The inactivity timeout of message interactions (`InactivityTimeoutSettings`).
public struct InactivityTimeoutSettings: Codable, Sendable, Hashable {
    /// Seconds of inactivity before the action is taken.
    public var timeoutSeconds: Int?
    /// What to do when the timeout occurs.
    public var actionType: InactivityTimeoutAction?
    /// The Architect flow for `SEND_TO_ARCHITECT_FLOW`.
    public var flowId: DomainEntityRef?

    /// Creates inactivity timeout settings; every field is optional.
    public init(timeoutSeconds: Int? = nil, actionType: InactivityTimeoutAction? = nil, flowId: DomainEntityRef? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.actionType = actionType
        self.flowId = flowId
    }
}

/// What happens when a message interaction times out for inactivity.
public enum InactivityTimeoutAction: GenesysEnum {
    /// `DISCONNECT`.
    case disconnect
    /// `SEND_TO_ARCHITECT_FLOW`.
    case sendToArchitectFlow
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `DISCONNECT`, `SEND_TO_ARCHITECT_FLOW`.
    public static let knownCases: [Self] = [.disconnect, .sendToArchitectFlow]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .disconnect: "DISCONNECT"
        case .sendToArchitectFlow: "SEND_TO_ARCHITECT_FLOW"
        case .unknown(let value): value
        }
    }
}
