import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style B (`getRoutingQueueMembers`): page numbers without totals, used only by
/// `GET /api/v2/routing/queues/{queueId}/members`. Read until a page is empty or has no `nextUri`.
enum PageNumberWithoutTotalsPaging {
    /// `.number(pageNumber + 1)` while the page is non-empty and has a `nextUri`.
    static func next(entityCount: Int, pageNumber: Int?, nextUri: String?, requested: Int) -> PageToken? {
        guard entityCount > 0, nextUri != nil else { return nil }
        return .number((pageNumber ?? requested) + 1)
    }
}

extension RoutingAPI {
    /// A style-B listing of queue members as a lazy `PageSequence`.
    func pagedQueueMembers(
        operation: String,
        path: String,
        query: Query,
        pageSize: Int,
        validate: @escaping @Sendable () throws -> Void,
        logger: Logger?
    ) -> PageSequence<QueueMemberEntityListing, QueueMember> {
        let api = self
        return PageSequence(
            operation: operation,
            fetch: { token in
                try validate()
                let number = PageNumberPaging.number(token)
                var q = query
                q.append("pageSize", pageSize)
                q.append("pageNumber", number)
                var page = try await api.call(.get, path, query: q, operation: operation, as: QueueMemberEntityListing.self, logger: logger)
                if page.pageNumber == nil { page.pageNumber = number }
                return page
            },
            items: { $0.entities ?? [] },
            facts: { $0.pageFacts },
            next: { page, token in
                PageNumberWithoutTotalsPaging.next(
                    entityCount: page.entities?.count ?? 0, pageNumber: page.pageNumber, nextUri: page.nextUri,
                    requested: PageNumberPaging.number(token))
            }
        )
    }
}
