import GenesysCore
import GenesysTesting
import Testing

/// A canned page: items and the token of the page after it.
struct TestPage: Sendable, Equatable {
    var items: [Int]
    var next: PageToken?
}

/// A paged endpoint over canned pages, counting fetches.
final class PagedEndpoint: Sendable {
    private let pages: [PageToken?: TestPage]
    private let fetched = LockedBox<[PageToken?]>([])
    private let failOn: PageToken?

    init(_ pages: [PageToken?: TestPage], failOn: PageToken? = nil) {
        self.pages = pages
        self.failOn = failOn
    }

    var fetches: [PageToken?] { fetched.current }

    var sequence: PageSequence<TestPage, Int> {
        PageSequence(
            operation: "test.list",
            fetch: { [self] token in
                fetched.withLock { $0.append(token) }
                if let failOn, token == failOn {
                    throw GenesysError(code: .serverError, operation: "test.list", status: 500)
                }
                return pages[token] ?? TestPage(items: [], next: nil)
            },
            items: \.items,
            next: { page, _ in page.next }
        )
    }
}

@Suite("PageSequence")
struct PageSequenceTests {
    func threePageEndpoint() -> PagedEndpoint {
        PagedEndpoint([
            nil: TestPage(items: [1, 2], next: .number(2)),
            .number(2): TestPage(items: [3, 4], next: .number(3)),
            .number(3): TestPage(items: [5], next: nil),
        ])
    }

    @Test("nothing is fetched before iteration starts")
    func lazy() async throws {
        let endpoint = threePageEndpoint()
        let sequence = endpoint.sequence
        let items = sequence.items
        _ = sequence.makeAsyncIterator()
        _ = items.makeAsyncIterator()
        #expect(endpoint.fetches.isEmpty)

        var iterator = sequence.makeAsyncIterator()
        _ = try await iterator.next()
        #expect(endpoint.fetches == [nil])
    }

    @Test("iteration stops when there is no next token")
    func stopsOnNilToken() async throws {
        let endpoint = threePageEndpoint()
        let pages = try await endpoint.sequence.collectPages()
        #expect(pages.map(\.items) == [[1, 2], [3, 4], [5]])
        #expect(endpoint.fetches == [nil, .number(2), .number(3)])
    }

    // These two used to assert that the sequence ends quietly; a listing cut short must fail instead (#9).
    @Test("a next token that repeats the current one fails with inconsistentListing")
    func failsOnRepeatedToken() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .cursor("a")),
            .cursor("a"): TestPage(items: [2], next: .cursor("a")),
        ])
        let error = await #expect(throws: GenesysError.self) { _ = try await endpoint.sequence.collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.operation == "test.list")
        #expect(endpoint.fetches == [nil, .cursor("a")])
    }

    @Test("an empty page that names a next page fails instead of ending")
    func failsOnEmptyPageBeforeEnd() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .number(2)),
            .number(2): TestPage(items: [], next: .number(3)),
            .number(3): TestPage(items: [9], next: nil),
        ])
        let error = await #expect(throws: GenesysError.self) { _ = try await endpoint.sequence.collectPages() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.message?.contains("page 2 is empty") == true)
        #expect(!endpoint.fetches.contains(.number(3)))
    }

    @Test("an empty last page ends the sequence")
    func emptyLastPage() async throws {
        let endpoint = PagedEndpoint([nil: TestPage(items: [1], next: .number(2)), .number(2): TestPage(items: [], next: nil)])
        #expect(try await endpoint.sequence.collectItems() == [1])
    }

    @Test("cursors alternating A→B→A fail on the third page")
    func failsOnAlternatingCursors() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .cursor("a")),
            .cursor("a"): TestPage(items: [2], next: .cursor("b")),
            .cursor("b"): TestPage(items: [3], next: .cursor("a")),
        ])
        let error = await #expect(throws: GenesysError.self) { _ = try await endpoint.sequence.collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.message?.contains("points back at a cursor already read") == true)
        #expect(error?.message?.contains("\"a\"") == false, "server-chosen cursors are not echoed")
        #expect(endpoint.fetches == [nil, .cursor("a"), .cursor("b")])
    }

    @Test("a listing without an end fails at maxPages")
    func failsAtMaxPages() async throws {
        let sequence = PageSequence<TestPage, Int>(
            operation: "test.list", maxPages: 5,
            fetch: { token in
                let n = if case .number(let n)? = token { n } else { 1 }
                return TestPage(items: [n], next: .number(n + 1))
            },
            items: \.items, next: { page, _ in page.next })
        let error = await #expect(throws: GenesysError.self) { _ = try await sequence.collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.message == "test.list returned an inconsistent listing: no end after 5 pages; stopped instead of using a partial listing")
    }

    @Test("items runs across pages in order")
    func items() async throws {
        let endpoint = threePageEndpoint()
        var seen: [Int] = []
        for try await item in endpoint.sequence.items { seen.append(item) }
        #expect(seen == [1, 2, 3, 4, 5])
        #expect(try await endpoint.sequence.collectItems() == [1, 2, 3, 4, 5])
        #expect(try await endpoint.sequence.items.collect() == [1, 2, 3, 4, 5])
    }

    @Test("items fetches a page only when the previous page's items are used up")
    func itemsAreLazyPerPage() async throws {
        let endpoint = threePageEndpoint()
        var iterator = endpoint.sequence.items.makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == 2)
        #expect(endpoint.fetches == [nil])
        #expect(try await iterator.next() == 3)
        #expect(endpoint.fetches == [nil, .number(2)])
    }

    @Test("the first token is used for the first fetch")
    func firstToken() async throws {
        let sequence = PageSequence<TestPage, Int>(
            first: .number(2),
            fetch: { token in TestPage(items: token == .number(2) ? [3, 4] : [], next: nil) },
            items: \.items, next: { page, _ in page.next }
        )
        #expect(try await sequence.collectItems() == [3, 4])
    }

    @Test("an error from a fetch propagates, and the iterator then ends")
    func errorsPropagate() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .number(2)),
            .number(2): TestPage(items: [2], next: nil),
        ], failOn: .number(2))

        var seen: [Int] = []
        let error = await #expect(throws: GenesysError.self) {
            for try await item in endpoint.sequence.items { seen.append(item) }
        }
        #expect(error?.status == 500)
        #expect(seen == [1])

        var iterator = endpoint.sequence.makeAsyncIterator()
        _ = try await iterator.next()
        await #expect(throws: GenesysError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
        #expect(endpoint.fetches.count == 4)
    }

    @Test("a cancelled task fetches no further page")
    func cancellation() async throws {
        let endpoint = threePageEndpoint()
        let sequence = endpoint.sequence
        let task = Task {
            var iterator = sequence.makeAsyncIterator()
            _ = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(endpoint.fetches == [nil])
    }
}
