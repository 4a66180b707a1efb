/// A division reference `{id, name, selfUri}`.
///
/// One type serves the spec's `Division` and `StarrableDivision` (responses; `id` read-only) and
/// `WritableDivision` and `WritableStarrableDivision` (requests; `id` writable). They share one JSON
/// shape (`Division` in responses, `WritableDivision` in requests). To choose a division in a request, send just ``id``.
public struct Division: Codable, Sendable, Hashable {
    /// The division id (GUID string). Read-only in responses, writable in requests.
    public var id: String?
    /// The division name.
    public var name: String?
    /// The division's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a division reference; every field is optional.
    public init(id: String? = nil, name: String? = nil, selfUri: String? = nil) {
        self.id = id
        self.name = name
        self.selfUri = selfUri
    }
}
