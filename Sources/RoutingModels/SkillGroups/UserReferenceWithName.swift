/// A skill group member (`UserReferenceWithName`), from
/// `GET /api/v2/routing/skillgroups/{skillGroupId}/members`.
public struct UserReferenceWithName: Codable, Sendable, Hashable {
    /// The user id (GUID string).
    public var id: String?
    /// The user's name (present with `expand=entities`).
    public var name: String?
    /// The user's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a user reference; every field is optional.
    public init(id: String? = nil, name: String? = nil, selfUri: String? = nil) {
        self.id = id
        self.name = name
        self.selfUri = selfUri
    }
}
