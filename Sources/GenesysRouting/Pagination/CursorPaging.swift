import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style C (`getRoutingSkillgroups`, `getRoutingSkillgroupMembers`, `getUserSkillgroups`): `pageSize` and `after` in, a `CursorListing` with only
/// `nextUri` out. The next cursor is the `after` value in `nextUri`; the listing ends without one.
enum CursorPaging {
    /// `.cursor(after)` taken from the page's `nextUri`, or `nil` at the end.
    static func next<Entity>(_ page: CursorListing<Entity>) -> PageToken? {
        page.nextCursor.map(PageToken.cursor)
    }
}

extension RoutingAPI {
    /// A style-C listing as a lazy `PageSequence`; the cursor is sent as `after`. Cursor listings declare no
    /// totals, so the sequence's `ListingGuard` relies on cursors, links and page contents never repeating.
    func pagedByCursor<Entity: Decodable & Sendable & Hashable>(
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
            operation: operation,
            fetch: { token in
                try validate()
                var q = query
                q.append("pageSize", pageSize)
                if case .cursor(let after)? = token { q.append("after", after) }
                let page = try await api.call(.get, path, query: q, operation: operation, as: CursorListing<Entity>.self, logger: logger)
                // A next link without a cursor would otherwise end the listing early.
                if page.nextUri != nil, page.nextCursor == nil {
                    throw ListingGuard.inconsistency(operation: operation, "a page names a next page (nextUri) without an after cursor")
                }
                return page
            },
            items: { $0.entities ?? [] },
            facts: { $0.pageFacts },
            next: { page, _ in CursorPaging.next(page) }
        )
    }
}
