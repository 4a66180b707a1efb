import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style C (ROUTING-API.md §3.11): `pageSize` and `after` in, a `CursorListing` with only
/// `nextUri` out. The next cursor is the `after` value in `nextUri`; the listing ends without one.
enum CursorPaging {
    /// `.cursor(after)` taken from the page's `nextUri`, or `nil` at the end.
    static func next<Entity>(_ page: CursorListing<Entity>) -> PageToken? {
        page.nextCursor.map(PageToken.cursor)
    }
}

extension RoutingAPI {
    /// A style-C listing as a lazy `PageSequence`; the cursor is sent as `after`.
    func pagedByCursor<Entity: Decodable & Sendable>(
        operation: String,
        path: String,
        query: Query = [],
        pageSize: Int,
        validate: @escaping @Sendable () throws -> Void = {},
        logger: Logger?
    ) -> PageSequence<CursorListing<Entity>, Entity> {
        let api = self
        let pageSize = max(1, pageSize)
        return PageSequence(
            fetch: { token in
                try validate()
                var q = query
                q.append("pageSize", pageSize)
                if case .cursor(let after)? = token { q.append("after", after) }
                return try await api.call(.get, path, query: q, operation: operation, as: CursorListing<Entity>.self, logger: logger)
            },
            items: { $0.entities ?? [] },
            next: { page, _ in CursorPaging.next(page) }
        )
    }
}
