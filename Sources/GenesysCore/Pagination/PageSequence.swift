/// Where the next page starts, in the style the endpoint pages by (page numbers for `getRoutingSkills`, cursors for
/// `getRoutingSkillgroups`, search tokens for `postUsersSearch`).
public enum PageToken: Sendable, Hashable {
    /// A 1-based page number (styles A and B: skills, queues, queue members, user skills, …).
    case number(Int)
    /// An opaque cursor, sent as `after` (style C: skill groups and their members).
    case cursor(String)
    /// A search continuation token, sent as `q64` (style D: user search).
    case search(String)
}

/// A lazy `AsyncSequence` of pages: nothing is sent until iteration starts, and each page is fetched when
/// the previous one has been consumed.
///
/// Iteration stops when the fetched page has no next token. Every page goes through a ``ListingGuard``
/// first: a listing that loops (a repeated page token, cursor or link, a page that repeats an earlier
/// one), names more pages after an empty one, or contradicts its own totals throws a ``GenesysError``
/// with code ``GenesysError/Code/inconsistentListing`` naming the operation, instead of ending quietly
/// with part of the data. Use ``items`` to iterate the entities across pages, or ``collectItems()`` to
/// gather them.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = Page
    /// Errors are ``GenesysError`` or `CancellationError`.
    public typealias Failure = any Error

    private let first: PageToken?
    private let fetch: @Sendable (PageToken?) async throws -> Page
    private let next: @Sendable (Page, PageToken?) -> PageToken?
    private let itemsOf: @Sendable (Page) -> [Item]
    private let facts: @Sendable (Page) -> PageFacts
    private let operation: String
    private let maxPages: Int

    /// Creates a sequence.
    /// - Parameters:
    ///   - operation: The operation named in errors, such as `routing.listSkills`.
    ///   - first: The token of the first page (`nil`: the endpoint's default first page).
    ///   - maxPages: The most pages read before the listing fails (see ``ListingGuard``).
    ///   - fetch: Fetches the page for a token.
    ///   - items: The entities of a page.
    ///   - facts: What a page says about the listing, checked by a ``ListingGuard``; `nil` uses only the
    ///     number of ``items`` (repeated tokens, empty pages before the end and `maxPages` are still caught).
    ///   - next: The token of the page after `page` (given the token that fetched it), or `nil` at the end.
    public init(
        operation: String = "listing",
        first: PageToken? = nil,
        maxPages: Int = ListingGuard.defaultMaxPages,
        fetch: @escaping @Sendable (PageToken?) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        facts: (@Sendable (Page) -> PageFacts)? = nil,
        next: @escaping @Sendable (_ page: Page, _ current: PageToken?) -> PageToken?
    ) {
        self.operation = operation
        self.first = first
        self.maxPages = maxPages
        self.fetch = fetch
        self.next = next
        self.itemsOf = items
        self.facts = facts ?? { PageFacts(entityCount: items($0).count) }
    }

    /// Iterates pages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var token: PageToken?
        var finished = false
        var consistency: ListingGuard

        /// The next page, or `nil` after the last.
        /// - Throws: ``GenesysError`` (``GenesysError/Code/inconsistentListing`` when the listing
        ///   contradicts itself) or `CancellationError`.
        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            // After an error (or cancellation) the iterator is finished, as `AsyncIteratorProtocol` expects:
            // a further `next()` returns nil instead of fetching the failed page again.
            finished = true
            try Task.checkCancellation()
            let page = try await sequence.fetch(token)
            let following = sequence.next(page, token)
            try consistency.check(sequence.facts(page), fetchedWith: token, next: following)
            finished = following == nil
            token = following
            return page
        }
    }

    /// Starts iterating (this is when the first request is sent).
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self, token: first, consistency: ListingGuard(operation: operation, maxPages: maxPages))
    }

    /// The entities of every page, in order.
    public var items: ItemSequence { ItemSequence(pages: self) }

    /// Fetches every page and returns all entities.
    public func collectItems() async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all += itemsOf(page) }
        return all
    }

    /// Fetches every page and returns them.
    public func collectPages() async throws -> [Page] {
        var all: [Page] = []
        for try await page in self { all.append(page) }
        return all
    }

    /// The entities of a ``PageSequence``, across pages.
    public struct ItemSequence: AsyncSequence, Sendable {
        /// An entity.
        public typealias Element = Item
        /// Errors are ``GenesysError`` or `CancellationError`.
        public typealias Failure = any Error
        let pages: PageSequence

        /// Iterates entities.
        public struct AsyncIterator: AsyncIteratorProtocol {
            var pages: PageSequence.AsyncIterator
            let itemsOf: @Sendable (Page) -> [Item]
            var buffer: [Item] = []
            var index = 0

            /// The next entity, or `nil` after the last.
            public mutating func next() async throws -> Item? {
                while index >= buffer.count {
                    guard let page = try await pages.next() else { return nil }
                    buffer = itemsOf(page)
                    index = 0
                }
                defer { index += 1 }
                return buffer[index]
            }
        }

        /// Starts iterating.
        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(pages: pages.makeAsyncIterator(), itemsOf: pages.itemsOf)
        }

        /// All entities.
        public func collect() async throws -> [Item] { try await pages.collectItems() }
    }
}
