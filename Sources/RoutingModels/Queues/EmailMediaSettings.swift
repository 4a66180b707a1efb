/// A queue's email settings (`EmailMediaSettings`): ``MediaSettings`` plus outbound addresses.
public struct EmailMediaSettings: Codable, Sendable, Hashable {
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
    /// The email addresses assigned to the queue that agents can use as outbound address.
    public var allOutboundEmailAddresses: [QueueEmailAddress]?

    /// Creates email settings; every field is optional.
    public init(
        enableAutoAnswer: Bool? = nil,
        alertingTimeoutSeconds: Int? = nil,
        serviceLevel: ServiceLevel? = nil,
        autoAnswerAlertToneSeconds: Double? = nil,
        manualAnswerAlertToneSeconds: Double? = nil,
        allOutboundEmailAddresses: [QueueEmailAddress]? = nil
    ) {
        self.enableAutoAnswer = enableAutoAnswer
        self.alertingTimeoutSeconds = alertingTimeoutSeconds
        self.serviceLevel = serviceLevel
        self.autoAnswerAlertToneSeconds = autoAnswerAlertToneSeconds
        self.manualAnswerAlertToneSeconds = manualAnswerAlertToneSeconds
        self.allOutboundEmailAddresses = allOutboundEmailAddresses
    }
}
