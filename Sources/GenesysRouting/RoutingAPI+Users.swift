public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Reads one user.
    ///
    /// `GET /api/v2/users/{userId}`.
    /// - Parameters:
    ///   - id: The object's id (percent-encoded into the path).
    ///   - expand: Expansions such as `skills`, `languages`, `routingStatus` (`expand`, repeated).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func getUser(id: String, expand: [String] = [], logger: Logger? = nil) async throws -> User {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        var query: Query = []
        query.append("expand", each: expand)
        return try await call(.get, "/api/v2/users/\(Self.segment(id))", query: query, operation: operation, as: User.self, logger: logger)
    }

    /// Lists users. The endpoint has no name or email filter; use ``searchUsers(_:logger:)`` or
    /// ``findUser(email:logger:)`` for those.
    ///
    /// `GET /api/v2/users` (paging style A). Lazy.
    /// - Parameters:
    ///   - ids: Only these users (`id`, repeated); any number, fetched in chunks of 100. Empty matches nothing.
    ///   - expand: Expansions (`expand`, repeated; best effort per the API reference).
    ///   - state: `active` (the server's default), `inactive`, `deleted` or `any`; `nil` is not sent.
    ///     Beyond the first 10 000 inactive users the server answers 400.
    ///   - pageSize: Users per page; 500 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listUsers(
        ids: [String]? = nil, expand: [String] = [], state: String? = nil, pageSize: Int = 500, logger: Logger? = nil
    ) -> PageSequence<UserEntityListing, User> {
        usersSequence(
            operation: Self.operation(), ids: ids, expand: expand, state: state, pageSize: pageSize, logger: logger,
            item: { (user: User) in user })
    }

    func usersSequence<Item: Sendable>(
        operation: String, ids: [String]?, expand: [String], state: String?, pageSize: Int, logger: Logger?,
        item: @escaping @Sendable (User) -> Item?
    ) -> PageSequence<UserEntityListing, Item> {
        var query: Query = []
        query.append("expand", each: expand)
        query.append("state", state)
        return pagedByNumber(
            operation: operation, path: "/api/v2/users", query: query, pageSize: pageSize,
            ids: ids, logger: logger, item: item)
    }

    /// Searches users.
    ///
    /// `POST /api/v2/users/search` with `UserSearchRequest` for the first page, then
    /// `GET /api/v2/users/search?q64=<nextPage>` for the following ones (paging style D) while the response
    /// has a `nextPage` and `pageNumber < pageCount`. The search is read-only, so it is retried like a GET.
    /// Lazy.
    public func searchUsers(_ request: UserSearchRequest, logger: Logger? = nil) -> PageSequence<UsersSearchResponse, User> {
        pagedUserSearch(request, operation: Self.operation(), logger: logger)
    }

    /// Finds the user with this email address.
    ///
    /// `POST /api/v2/users/search` with an `EXACT` query on the `email` field (what the official Terraform
    /// provider sends), then a comparison on the client. Email addresses are compared case-insensitively
    /// (how the server's `EXACT` treats case is not established).
    /// - Returns: The user, or `nil` when none has this address.
    /// - Throws: `GenesysError.Code.conflict` when several users have it; `GenesysError`.
    public func findUser(email: String, logger: Logger? = nil) async throws -> User? {
        let operation = Self.operation()
        try Validate.name(email, "email", operation)
        let request = UserSearchRequest(
            sortOrder: .ascending, sortBy: "email",
            query: [UserSearchCriteria(value: email, fields: ["email"], type: .exact)]
        )
        let wanted = email.lowercased()
        let users = try await pagedUserSearch(request, operation: operation, logger: logger).collectItems()
            .filter { $0.email?.lowercased() == wanted }
            .uniqued(by: { $0.id ?? "" })
        return try ExactName.single(users, named: wanted, kind: "users", property: "email", operation: operation, id: \.id)
    }
}
