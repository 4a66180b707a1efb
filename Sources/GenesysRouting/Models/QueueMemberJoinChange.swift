/// One member's join state to set with ``RoutingAPI/setQueueMembersJoined(queueID:_:logger:)-(_,[QueueMemberJoinChange],_)``.
public struct QueueMemberJoinChange: Sendable, Hashable {
    /// The member's user id.
    public var userID: String
    /// Whether the member should be joined (receive conversations from the queue).
    public var joined: Bool

    /// Creates a change.
    public init(userID: String, joined: Bool) {
        self.userID = userID
        self.joined = joined
    }
}
