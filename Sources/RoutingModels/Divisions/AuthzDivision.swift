/// A division as returned by `/api/v2/authorization/divisions` (`AuthzDivision`).
public struct AuthzDivision: Codable, Sendable, Hashable {
    /// The division id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The division name.
    public var name: String?
    /// A description of the division. The only field required on write.
    public var description: String?
    /// Whether this is the organisation's home (default) division. Read-only: set by the server;
    /// ignored on create or update.
    public var homeDivision: Bool?
    /// Number of objects in the division, keyed by object type. Read-only: set by the server;
    /// only present when requested with `objectCount=true`.
    public var objectCounts: [String: Int]?
    /// The division's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a division; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        description: String? = nil,
        homeDivision: Bool? = nil,
        objectCounts: [String: Int]? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.homeDivision = homeDivision
        self.objectCounts = objectCounts
        self.selfUri = selfUri
    }
}
