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

    @Test("iteration stops when the next token repeats the current one")
    func stopsOnRepeatedToken() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .cursor("a")),
            .cursor("a"): TestPage(items: [2], next: .cursor("a")),
        ])
        #expect(try await endpoint.sequence.collectItems() == [1, 2])
        #expect(endpoint.fetches == [nil, .cursor("a")])
    }

    @Test("iteration stops on an empty page even if it names a next page")
    func stopsOnEmptyPage() async throws {
        let endpoint = PagedEndpoint([
            nil: TestPage(items: [1], next: .number(2)),
            .number(2): TestPage(items: [], next: .number(3)),
            .number(3): TestPage(items: [9], next: nil),
        ])
        let pages = try await endpoint.sequence.collectPages()
        #expect(pages.count == 2)
        #expect(try await endpoint.sequence.collectItems() == [1])
        #expect(!endpoint.fetches.contains(.number(3)))
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
