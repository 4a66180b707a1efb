/// A queue's agent-owned callback settings (`AgentOwnedRouting`).
public struct AgentOwnedRouting: Codable, Sendable, Hashable {
    /// Whether agent-owned callbacks are enabled.
    public var enableAgentOwnedCallbacks: Bool?
    /// How long a callback can be owned, in hours: integer 1–168.
    public var maxOwnedCallbackHours: Int?
    /// How far into the future a callback can be scheduled, in hours: integer 1–720.
    public var maxOwnedCallbackDelayHours: Int?

    /// Creates agent-owned routing settings; every field is optional.
    public init(
        enableAgentOwnedCallbacks: Bool? = nil,
        maxOwnedCallbackHours: Int? = nil,
        maxOwnedCallbackDelayHours: Int? = nil
    ) {
        self.enableAgentOwnedCallbacks = enableAgentOwnedCallbacks
        self.maxOwnedCallbackHours = maxOwnedCallbackHours
        self.maxOwnedCallbackDelayHours = maxOwnedCallbackDelayHours
    }
}
