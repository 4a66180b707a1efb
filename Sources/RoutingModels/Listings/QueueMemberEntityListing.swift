/// A page of queue members (`QueueMemberEntityListing`, paging style B), from
/// `GET /api/v2/routing/queues/{queueId}/members`.
///
/// Page numbers without totals: there is no `total`, `pageCount` or `lastUri`. Read until a page
/// is empty or has no ``nextUri``; ``RoutingQueue/memberCount`` gives the expected total.
public struct QueueMemberEntityListing: Codable, Sendable, Hashable {
    /// The members on this page.
    public var entities: [QueueMember]?
    /// The page number, 1-based.
    public var pageNumber: Int?
    /// The page size (at most 100).
    public var pageSize: Int?
    /// The link to the first page.
    public var firstUri: String?
    /// The link to this page.
    public var selfUri: String?
    /// The link to the next page; absent on the last page.
    public var nextUri: String?
    /// The link to the previous page; absent on the first page.
    public var previousUri: String?

    /// Creates a page; every field is optional.
    public init(
        entities: [QueueMember]? = nil,
        pageNumber: Int? = nil,
        pageSize: Int? = nil,
        firstUri: String? = nil,
        selfUri: String? = nil,
        nextUri: String? = nil,
        previousUri: String? = nil
    ) {
        self.entities = entities
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.firstUri = firstUri
        self.selfUri = selfUri
        self.nextUri = nextUri
        self.previousUri = previousUri
    }
}
