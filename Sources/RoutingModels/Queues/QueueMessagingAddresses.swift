/// A queue's outbound messaging addresses (`QueueMessagingAddresses`).
public struct QueueMessagingAddresses: Codable, Sendable, Hashable {
    /// The SMS address.
    public var smsAddress: DomainEntityRef?
    /// The Open Messaging recipient.
    public var openMessagingRecipient: DomainEntityRef?
    /// The WhatsApp recipient.
    public var whatsAppRecipient: DomainEntityRef?

    /// Creates outbound messaging addresses; every field is optional.
    public init(
        smsAddress: DomainEntityRef? = nil,
        openMessagingRecipient: DomainEntityRef? = nil,
        whatsAppRecipient: DomainEntityRef? = nil
    ) {
        self.smsAddress = smsAddress
        self.openMessagingRecipient = openMessagingRecipient
        self.whatsAppRecipient = whatsAppRecipient
    }
}
