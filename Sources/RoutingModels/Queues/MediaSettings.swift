/// Settings for one media type of a queue (`MediaSettings`); used for `call` and `chat`, and the
/// base of the callback, email and message settings.
public struct MediaSettings: Codable, Sendable, Hashable {
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

    /// Creates media settings; every field is optional.
    public init(
        enableAutoAnswer: Bool? = nil,
        alertingTimeoutSeconds: Int? = nil,
        serviceLevel: ServiceLevel? = nil,
        autoAnswerAlertToneSeconds: Double? = nil,
        manualAnswerAlertToneSeconds: Double? = nil
    ) {
        self.enableAutoAnswer = enableAutoAnswer
        self.alertingTimeoutSeconds = alertingTimeoutSeconds
        self.serviceLevel = serviceLevel
        self.autoAnswerAlertToneSeconds = autoAnswerAlertToneSeconds
        self.manualAnswerAlertToneSeconds = manualAnswerAlertToneSeconds
    }
}

/// A queue's service level target (`ServiceLevel`).
public struct ServiceLevel: Codable, Sendable, Hashable {
    /// The desired service level as a fraction, 0.0–1.0 (0.8 = 80 %).
    public var percentage: Double?
    /// The service level target, in milliseconds.
    public var durationMs: Int?

    /// Creates a service level; every field is optional.
    public init(percentage: Double? = nil, durationMs: Int? = nil) {
        self.percentage = percentage
        self.durationMs = durationMs
    }
}
