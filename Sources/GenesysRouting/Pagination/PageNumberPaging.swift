import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

/// Paging style A (ROUTING-API.md §3.11): `pageNumber` (1-based) and `pageSize` in, an
/// `EntityListing` with `pageNumber`, `pageCount`, `total` and `nextUri` out.
enum PageNumberPaging {
    /// The highest page number a listing reads. A server that keeps answering with `nextUri` (and no
    /// `pageCount`) then cannot keep a listing going for ever; no real org comes near it.
    static let maxPages = 100_000

    /// The token of the page after a style-A page: `.number(pageNumber + 1)` while
    /// `pageNumber < pageCount`; when the server leaves `pageCount` out, while `nextUri` is present.
    /// Never past page `maxPages`.
    /// - Parameters:
    ///   - pageNumber: The page's own `pageNumber` (preferred: a server that ignores the requested
    ///     number then repeats a token and the sequence stops).
    ///   - requested: The number that was requested, used when the page has no `pageNumber`.
    ///   - maxPages: The highest page number to go to (``maxPages`` unless a test lowers it).
    static func next(pageNumber: Int?, pageCount: Int?, nextUri: String?, requested: Int, maxPages: Int = maxPages) -> PageToken? {
        let current = pageNumber ?? requested
        guard current < maxPages else { return nil }
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
    /// A style-A listing as a lazy `PageSequence`.
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
    ///   - item: Maps an entity to an item, or `nil` to leave it out (deleted skills). Pages whose
    ///     entities are all left out are skipped instead of ending the sequence, as long as the page
    ///     number advances (a server that answers another page than the one asked for ends it) and
    ///     never past page `maxPages`.
    ///   - maxPages: The highest page number read (``PageNumberPaging/maxPages``; tests lower it).
    func pagedByNumber<Entity: Decodable & Sendable, Item: Sendable>(
        operation: String,
        path: String,
        query: Query = [],
        pageSize: Int?,
        pageNumbersFromSecondPage: Bool = false,
        ids: [String]? = nil,
        validate: @escaping @Sendable () throws -> Void = {},
        logger: Logger?,
        maxPages: Int = PageNumberPaging.maxPages,
        item: @escaping @Sendable (Entity) -> Item?
    ) -> PageSequence<EntityListing<Entity>, Item> {
        let api = self
        let pageSize = pageSize.map { max(1, $0) }

        /// The page after `page` (fetched as `requested`), logging when the page limit ends the listing.
        @Sendable func following(_ page: EntityListing<Entity>, requested: Int) -> PageToken? {
            let token = PageNumberPaging.next(
                pageNumber: page.pageNumber, pageCount: page.pageCount, nextUri: page.nextUri, requested: requested,
                maxPages: maxPages)
            if token == nil, (page.pageNumber ?? requested) >= maxPages,
               page.nextUri != nil || (page.pageCount ?? 0) > (page.pageNumber ?? requested) {
                (logger ?? api.client.logger).warning("listing stopped at the page limit although the server offers more pages", metadata: [
                    "operation": "\(operation)", "maxPages": "\(maxPages)",
                ])
            }
            return token
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

        /// Fetches page `number` and, while its entities are all left out by `item`, the pages after it.
        ///
        /// The same guards as `PageSequence`'s apply, since this loop runs inside one of its fetches: it
        /// stops at an empty page, at the last page, when the server's page number does not advance past
        /// the one requested (a server that ignores `pageNumber`), and at page `maxPages` (a server that
        /// sends `nextUri` for ever without `pageNumber` or `pageCount`). The page it stops at is returned;
        /// with no items it ends the sequence.
        @Sendable func fetchKeepingItems(from number: Int, idChunk: ArraySlice<String>?) async throws -> EntityListing<Entity> {
            var number = number
            while true {
                let page = try await fetchPage(number, idChunk: idChunk)
                let entities = page.entities ?? []
                guard !entities.isEmpty, entities.allSatisfy({ item($0) == nil }),
                      case .number(let next)? = following(page, requested: number),
                      next > number
                else { return page }
                number = next
            }
        }

        let items: @Sendable (EntityListing<Entity>) -> [Item] = { ($0.entities ?? []).compactMap(item) }

        // An empty id filter matches nothing: one empty page, no request.
        if let ids, ids.isEmpty {
            return PageSequence(
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
                fetch: { token in
                    try validate()
                    return try await fetchKeepingItems(from: PageNumberPaging.number(token), idChunk: ids.map { $0[...] })
                },
                items: items,
                next: { page, token in following(page, requested: PageNumberPaging.number(token)) }
            )
        }

        // Many ids: one yielded page per chunk, holding every page of that chunk.
        let chunks = ids.chunked(into: IDFilter.chunkSize)
        @Sendable func fetchChunk(_ index: Int) async throws -> EntityListing<Entity> {
            var entities: [Entity] = []
            var number = 1
            while true {
                let page = try await fetchPage(number, idChunk: chunks[index])
                entities += page.entities ?? []
                guard case .number(let next)? = following(page, requested: number),
                    next > number, !(page.entities ?? []).isEmpty
                else { break }
                number = next
            }
            return EntityListing(entities: entities, pageSize: entities.count, pageNumber: index + 1, pageCount: chunks.count)
        }
        return PageSequence(
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
            next: { page, _ in
                let number = page.pageNumber ?? chunks.count
                return number < chunks.count ? .number(number + 1) : nil
            }
        )
    }
}
