import GenesysCore
import Testing

/// Each inconsistency `ListingGuard` knows, seen at the page that shows it (#9).
@Suite("ListingGuard")
struct ListingGuardTests {
    /// Checks `pages` in order (token of page n is `.number(n)`, the first `nil`) and returns the error.
    func failure(_ pages: [(PageFacts, PageToken?)], maxPages: Int = 100) -> GenesysError? {
        var consistency = ListingGuard(operation: "routing.listThings", maxPages: maxPages)
        var token: PageToken?
        do {
            for (facts, next) in pages {
                try consistency.check(facts, fetchedWith: token, next: next)
                token = next
            }
        } catch let error as GenesysError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test("a consistent page-number listing passes")
    func consistent() {
        let pages = (1...3).map { n in
            (PageFacts(entityCount: n < 3 ? 2 : 1, fingerprint: n, pageSize: 2, pageNumber: n, pageCount: 3, total: 5,
                       selfLink: "/p\(n)", nextLink: n < 3 ? "/p\(n + 1)" : nil),
             n < 3 ? PageToken.number(n + 1) : nil)
        }
        #expect(failure(pages) == nil)
    }

    @Test("an empty listing passes")
    func empty() {
        #expect(failure([(PageFacts(entityCount: 0, pageSize: 25, pageNumber: 1, pageCount: 0, total: 0), nil)]) == nil)
    }

    @Test("each inconsistency fails, naming the operation", arguments: [
        ("repeated next link", [(PageFacts(entityCount: 1, fingerprint: 1, nextLink: "/x"), PageToken.cursor("a")),
                                (PageFacts(entityCount: 1, fingerprint: 2, nextLink: "/x"), .cursor("b"))],
         "names a next page already named before"),
        ("repeated page content", [(PageFacts(entityCount: 1, fingerprint: 7), .cursor("a")),
                                   (PageFacts(entityCount: 1, fingerprint: 7), .cursor("b"))],
         "page 2 repeats the entities of an earlier page"),
        ("empty with a total still to come", [(PageFacts(entityCount: 2, fingerprint: 1, pageNumber: 1, total: 9), .number(2)),
                                              (PageFacts(entityCount: 0, pageNumber: 2, total: 9), nil)],
         "page 2 is empty but the listing declares 9 entities and only 2 were read"),
        ("more pages than pageCount", [(PageFacts(entityCount: 1, fingerprint: 1, pageCount: 1), .search("a")),
                                       (PageFacts(entityCount: 1, fingerprint: 2, pageCount: 1), .search("b")),
                                       (PageFacts(entityCount: 1, fingerprint: 3, pageCount: 1), .search("c"))],
         "3 pages read, more than the listing's page count of 1"),
    ] as [(String, [(PageFacts, PageToken?)], String)])
    func inconsistencies(name: String, pages: [(PageFacts, PageToken?)], expected: String) {
        let error = failure(pages)
        #expect(error?.code == .inconsistentListing, "\(name)")
        #expect(error?.operation == "routing.listThings")
        #expect(error?.message?.contains(expected) == true, "\(name): \(error?.message ?? "no error")")
    }

    @Test("the total's slack lets objects created while reading through, but not a lie")
    func totalSlack() {
        let ok = [(PageFacts(entityCount: 100, fingerprint: 1, total: 200), PageToken.number(2)),
                  (PageFacts(entityCount: 105, fingerprint: 2, total: 200), nil)]
        #expect(failure(ok) == nil)
        let lie = [(PageFacts(entityCount: 100, fingerprint: 1, total: 20), PageToken.number(2))]
        #expect(failure(lie)?.message?.contains("100 entities read by page 1, more than the listing's total of 20") == true)
    }

    @Test("the error's description is one line and its message names what was seen")
    func errorShape() throws {
        let error = try #require(failure([(PageFacts(entityCount: 1, selfLink: "/a", nextLink: "/a"), .number(2))]))
        #expect(error.description == "GenesysError.inconsistentListing, operation routing.listThings")
        #expect(error.localizedMessage.hasPrefix("routing.listThings returned an inconsistent listing: page 1 names itself"))
    }
}
