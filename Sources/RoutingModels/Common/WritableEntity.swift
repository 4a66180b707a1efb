/// An object given by id only (`WritableEntity`), such as a user in the body of
/// `POST /api/v2/routing/queues/{queueId}/members` (`[{ "id": userId }]`).
public struct WritableEntity: Codable, Sendable, Hashable {
    /// The object's id (GUID string).
    public var id: String?

    /// Creates an entity reference.
    public init(id: String? = nil) {
        self.id = id
    }
}
