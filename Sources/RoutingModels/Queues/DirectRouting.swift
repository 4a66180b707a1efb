/// A queue's direct routing settings (`DirectRouting`).
public struct DirectRouting: Codable, Sendable, Hashable {
    /// Direct routing settings for calls.
    public var callMediaSettings: DirectRoutingMediaSettings?
    /// Direct routing settings for emails.
    public var emailMediaSettings: DirectRoutingMediaSettings?
    /// Direct routing settings for messages.
    public var messageMediaSettings: DirectRoutingMediaSettings?
    /// The id of the queue used as backup when an agent has no backup settings; when absent, this
    /// queue is used without the direct routing criteria.
    public var backupQueueId: String?
    /// Whether direct routing interactions wait for the agent or go straight to the backup.
    public var waitForAgent: Bool?
    /// Seconds a direct routing interaction waits for the agent before going to the backup:
    /// integer 60–864 000.
    public var agentWaitSeconds: Int?

    /// Creates direct routing settings; every field is optional.
    public init(
        callMediaSettings: DirectRoutingMediaSettings? = nil,
        emailMediaSettings: DirectRoutingMediaSettings? = nil,
        messageMediaSettings: DirectRoutingMediaSettings? = nil,
        backupQueueId: String? = nil,
        waitForAgent: Bool? = nil,
        agentWaitSeconds: Int? = nil
    ) {
        self.callMediaSettings = callMediaSettings
        self.emailMediaSettings = emailMediaSettings
        self.messageMediaSettings = messageMediaSettings
        self.backupQueueId = backupQueueId
        self.waitForAgent = waitForAgent
        self.agentWaitSeconds = agentWaitSeconds
    }
}

/// Direct routing settings for one media type (`DirectRoutingMediaSettings`).
public struct DirectRoutingMediaSettings: Codable, Sendable, Hashable {
    /// Whether an agent's direct routing address is used outbound on behalf of the queue.
    public var useAgentAddressOutbound: Bool?

    /// Creates direct routing media settings.
    public init(useAgentAddressOutbound: Bool? = nil) {
        self.useAgentAddressOutbound = useAgentAddressOutbound
    }
}
