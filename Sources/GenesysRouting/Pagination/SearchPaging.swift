import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style D (`postUsersSearch`, then `getUsersSearch`): `POST /api/v2/users/search` for the first page, then
/// `GET /api/v2/users/search?q64=<nextPage>` while `nextPage` is present and `pageNumber < pageCount`.
enum SearchPaging {
    /// `.search(nextPage)` while there is a next page.
    static func next(_ page: UsersSearchResponse) -> PageToken? {
        guard let next = page.nextPage, !next.isEmpty else { return nil }
        if let number = page.pageNumber, let count = page.pageCount, number >= count { return nil }
        return .search(next)
    }
}

extension RoutingAPI {
    /// A user search as a lazy `PageSequence`. The search is read-only, so it is counted as a read
    /// and retried like a GET.
    func pagedUserSearch(
        _ request: UserSearchRequest,
        operation: String,
        logger: Logger?
    ) -> PageSequence<UsersSearchResponse, User> {
        let api = self
        let path = "/api/v2/users/search"
        return PageSequence(
            operation: operation,
            fetch: { token in
                if case .search(let q64)? = token {
                    var query: Query = [.init("q64", q64)]
                    query.append("expand", each: request.expand)
                    return try await api.call(.get, path, query: query, operation: operation, as: UsersSearchResponse.self, logger: logger)
                }
                return try await api.call(
                    .post, path, json: request, operation: operation, isIdempotent: true, isWrite: false,
                    as: UsersSearchResponse.self, logger: logger)
            },
            items: { $0.results ?? [] },
            facts: { $0.pageFacts },
            next: { page, _ in SearchPaging.next(page) }
        )
    }
}
