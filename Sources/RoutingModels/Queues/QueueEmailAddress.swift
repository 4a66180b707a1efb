/// An email address of a queue (`QueueEmailAddress`): a domain and an inbound route.
public struct QueueEmailAddress: Codable, Sendable, Hashable {
    /// The email domain.
    public var domain: DomainEntityRef?
    /// The inbound route of the address.
    public var route: InboundRoute?

    /// Creates a queue email address; every field is optional.
    public init(domain: DomainEntityRef? = nil, route: InboundRoute? = nil) {
        self.domain = domain
        self.route = route
    }
}
