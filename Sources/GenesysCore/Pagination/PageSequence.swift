/// Where the next page starts, in the style the endpoint pages by (ROUTING-API.md §3.11).
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
/// Iteration stops when the fetched page has no next token, when the next token repeats the current one
/// (a server that loops), or when a page comes back empty. Use ``items`` to iterate the entities across
/// pages, or ``collectItems()`` to gather them.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = Page
    /// Errors are ``GenesysError`` or `CancellationError`.
    public typealias Failure = any Error

    private let first: PageToken?
    private let fetch: @Sendable (PageToken?) async throws -> Page
    private let next: @Sendable (Page, PageToken?) -> PageToken?
    private let itemsOf: @Sendable (Page) -> [Item]

    /// Creates a sequence.
    /// - Parameters:
    ///   - first: The token of the first page (`nil`: the endpoint's default first page).
    ///   - fetch: Fetches the page for a token.
    ///   - items: The entities of a page.
    ///   - next: The token of the page after `page` (given the token that fetched it), or `nil` at the end.
    public init(
        first: PageToken? = nil,
        fetch: @escaping @Sendable (PageToken?) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        next: @escaping @Sendable (_ page: Page, _ current: PageToken?) -> PageToken?
    ) {
        self.first = first
        self.fetch = fetch
        self.next = next
        self.itemsOf = items
    }

    /// Iterates pages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var token: PageToken?
        var finished = false

        /// The next page, or `nil` after the last.
        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            // After an error (or cancellation) the iterator is finished, as `AsyncIteratorProtocol` expects:
            // a further `next()` returns nil instead of fetching the failed page again.
            finished = true
            try Task.checkCancellation()
            let page = try await sequence.fetch(token)
            finished = false
            let items = sequence.itemsOf(page)
            let following = sequence.next(page, token)
            if items.isEmpty || following == nil || following == token {
                finished = true
            }
            token = following
            // An empty page still counts as a page (it may carry totals), but ends the sequence.
            return page
        }
    }

    /// Starts iterating (this is when the first request is sent).
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self, token: first) }

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
