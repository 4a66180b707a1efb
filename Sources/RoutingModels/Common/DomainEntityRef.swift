/// A reference to another object (`DomainEntityRef`): a flow, prompt, queue, site, edge group, …
///
/// To set a reference, sending just ``id`` is normally enough (Genesys' request schemas take `{ "id" }` references).
public struct DomainEntityRef: Codable, Sendable, Hashable {
    /// The referenced object's id (GUID string).
    public var id: String?
    /// The referenced object's name.
    public var name: String?
    /// The referenced object's URI (relative path).
    public var selfUri: String?

    /// Creates a reference; every field is optional.
    public init(id: String? = nil, name: String? = nil, selfUri: String? = nil) {
        self.id = id
        self.name = name
        self.selfUri = selfUri
    }
}
