/// A page of user search results (`UsersSearchResponse`, paging style D), from
/// `POST /api/v2/users/search` and `GET /api/v2/users/search?q64=…`.
///
/// Fetch the next page with `GET …/search?q64=<nextPage>`.
public struct UsersSearchResponse: Codable, Sendable, Hashable {
    /// The total number of results (int64 on the wire).
    public var total: Int?
    /// The number of pages.
    public var pageCount: Int?
    /// The page size.
    public var pageSize: Int?
    /// The page number, 1-based.
    public var pageNumber: Int?
    /// The q64 token of the previous page.
    public var previousPage: String?
    /// The q64 token of this page.
    public var currentPage: String?
    /// The q64 token of the next page; absent on the last page.
    public var nextPage: String?
    /// The resource types searched.
    public var types: [String]?
    /// The matching users.
    public var results: [User]?

    /// Creates a search response; every field is optional.
    public init(
        total: Int? = nil,
        pageCount: Int? = nil,
        pageSize: Int? = nil,
        pageNumber: Int? = nil,
        previousPage: String? = nil,
        currentPage: String? = nil,
        nextPage: String? = nil,
        types: [String]? = nil,
        results: [User]? = nil
    ) {
        self.total = total
        self.pageCount = pageCount
        self.pageSize = pageSize
        self.pageNumber = pageNumber
        self.previousPage = previousPage
        self.currentPage = currentPage
        self.nextPage = nextPage
        self.types = types
        self.results = results
    }
}
