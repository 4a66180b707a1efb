/// A queue's per-media settings (`QueueMediaSettings`).
public struct QueueMediaSettings: Codable, Sendable, Hashable {
    /// Settings for voice calls.
    public var call: MediaSettings?
    /// Settings for callbacks.
    public var callback: CallbackMediaSettings?
    /// Settings for chats.
    public var chat: MediaSettings?
    /// Settings for emails.
    public var email: EmailMediaSettings?
    /// Settings for messages.
    public var message: MessageMediaSettings?

    /// Creates queue media settings; every field is optional.
    public init(
        call: MediaSettings? = nil,
        callback: CallbackMediaSettings? = nil,
        chat: MediaSettings? = nil,
        email: EmailMediaSettings? = nil,
        message: MessageMediaSettings? = nil
    ) {
        self.call = call
        self.callback = callback
        self.chat = chat
        self.email = email
        self.message = message
    }
}
