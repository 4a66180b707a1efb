import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style A (`getRoutingSkills`, `getRoutingQueues`, `getUsers`, …): `pageNumber` (1-based) and `pageSize` in, an
/// `EntityListing` with `pageNumber`, `pageCount`, `total` and `nextUri` out.
enum PageNumberPaging {
    /// The token of the page after a style-A page: `.number(pageNumber + 1)` while
    /// `pageNumber < pageCount`; when the server leaves `pageCount` out, while `nextUri` is present.
    /// A server that contradicts itself is caught by the sequence's `ListingGuard`, not here.
    /// - Parameters:
    ///   - pageNumber: The page's own `pageNumber` (preferred: a server that ignores the requested
    ///     number then repeats a token, which the guard reports).
    ///   - requested: The number that was requested, used when the page has no `pageNumber`.
    static func next(pageNumber: Int?, pageCount: Int?, nextUri: String?, requested: Int) -> PageToken? {
        let current = pageNumber ?? requested
        if let pageCount { return current < pageCount ? .number(current + 1) : nil }
        return nextUri != nil ? .number(current + 1) : nil
    }

    /// The page number a token stands for (1 for the first page).
    static func number(_ token: PageToken?) -> Int {
        if case .number(let n) = token { return n }
        return 1
    }
}

/// The `id` filter of a listing: its values are sent as repeated `id` keys, split into chunks when long.
enum IDFilter {
    /// Most values per request. The API documents no limit; 100 GUIDs keep a URL near 4 KB.
    static let chunkSize = 100
}

extension RoutingAPI {
    /// A style-A listing as a lazy `PageSequence`, every page checked by a `ListingGuard`.
    ///
    /// - Parameters:
    ///   - path: The escaped path.
    ///   - query: Filters sent on every page.
    ///   - pageSize: Sent as `pageSize` (clamped to at least 1); `nil` sends none.
    ///   - pageNumbersFromSecondPage: Send `pageNumber` only after the first page (for endpoints whose
    ///     reference lists no paging parameters).
    ///   - ids: Only these ids (`id`, repeated); empty matches nothing and sends no request. Split into
    ///     chunks of ``IDFilter/chunkSize``; with several chunks each yielded page holds all pages of one
    ///     chunk, numbered by chunk.
    ///   - validate: Argument checks, run when iteration starts (lists do not throw when created).
    ///   - maxPages: The most pages read without reaching the end (`ListingGuard`; tests lower it).
    ///   - item: Maps an entity to an item, or `nil` to leave it out (deleted skills). A page whose
    ///     entities are all left out yields no items, and the listing goes on.
    func pagedByNumber<Entity: Decodable & Sendable & Hashable, Item: Sendable>(
        operation: String,
        path: String,
        query: Query = [],
        pageSize: Int?,
        pageNumbersFromSecondPage: Bool = false,
        ids: [String]? = nil,
        validate: @escaping @Sendable () throws -> Void = {},
        logger: Logger?,
        maxPages: Int = ListingGuard.defaultMaxPages,
        item: @escaping @Sendable (Entity) -> Item?
    ) -> PageSequence<EntityListing<Entity>, Item> {
        let api = self
        let pageSize = pageSize.map { max(1, $0) }

        @Sendable func following(_ page: EntityListing<Entity>, requested: Int) -> PageToken? {
            PageNumberPaging.next(pageNumber: page.pageNumber, pageCount: page.pageCount, nextUri: page.nextUri, requested: requested)
        }

        @Sendable func fetchPage(_ number: Int, idChunk: ArraySlice<String>?) async throws -> EntityListing<Entity> {
            var q = query
            if let idChunk { q.append("id", each: Array(idChunk)) }
            q.append("pageSize", pageSize)
            if !pageNumbersFromSecondPage || number > 1 { q.append("pageNumber", number) }
            var page = try await api.call(.get, path, query: q, operation: operation, as: EntityListing<Entity>.self, logger: logger)
            if page.pageNumber == nil { page.pageNumber = number }
            return page
        }

        let items: @Sendable (EntityListing<Entity>) -> [Item] = { ($0.entities ?? []).compactMap(item) }

        // An empty id filter matches nothing: one empty page, no request.
        if let ids, ids.isEmpty {
            return PageSequence(
                operation: operation,
                fetch: { _ in
                    try validate()
                    return EntityListing(entities: [], pageNumber: 1, total: 0, pageCount: 0)
                },
                items: items, next: { _, _ in nil }
            )
        }

        // No id filter, or one that fits in one request: plain page numbers.
        guard let ids, ids.count > IDFilter.chunkSize else {
            return PageSequence(
                operation: operation,
                maxPages: maxPages,
                fetch: { token in
                    try validate()
                    return try await fetchPage(PageNumberPaging.number(token), idChunk: ids.map { $0[...] })
                },
                items: items,
                facts: { $0.pageFacts },
                next: { page, token in following(page, requested: PageNumberPaging.number(token)) }
            )
        }

        // Many ids: one yielded page per chunk, holding every page of that chunk (each chunk is a listing
        // of its own, checked by its own guard).
        let chunks = ids.chunked(into: IDFilter.chunkSize)
        @Sendable func fetchChunk(_ index: Int) async throws -> EntityListing<Entity> {
            var consistency = ListingGuard(operation: operation, maxPages: maxPages)
            var entities: [Entity] = []
            var number = 1
            var token: PageToken?
            while true {
                let page = try await fetchPage(number, idChunk: chunks[index])
                entities += page.entities ?? []
                let next = following(page, requested: number)
                try consistency.check(page.pageFacts, fetchedWith: token, next: next)
                guard case .number(let nextNumber)? = next else { break }
                number = nextNumber
                token = next
            }
            return EntityListing(entities: entities, pageSize: entities.count, pageNumber: index + 1, pageCount: chunks.count)
        }
        return PageSequence(
            operation: operation,
            fetch: { token in
                try validate()
                var index = PageNumberPaging.number(token) - 1
                while true {
                    let page = try await fetchChunk(index)
                    if !items(page).isEmpty || index + 1 >= chunks.count { return page }
                    index += 1
                }
            },
            items: items,
            facts: { $0.pageFacts },
            next: { page, _ in
                let number = page.pageNumber ?? chunks.count
                return number < chunks.count ? .number(number + 1) : nil
            }
        )
    }
}
