/// A wrap-up code given by id (`WrapUpCodeReference`), as in the body of
/// `POST /api/v2/routing/queues/{queueId}/wrapupcodes` (`[{ "id" }]`, at most 100 per call).
public struct WrapUpCodeReference: Codable, Sendable, Hashable {
    /// The wrap-up code id (GUID string).
    public var id: String?

    /// Creates a wrap-up code reference.
    public init(id: String? = nil) {
        self.id = id
    }
}
