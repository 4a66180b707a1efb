/// What a fetched page says about itself and about the listing it belongs to, for ``ListingGuard``.
///
/// Every field but ``entityCount`` is optional: a paging style fills in what its responses carry
/// (page-number listings have totals, cursor listings only links).
public struct PageFacts: Sendable, Hashable {
    /// How many entities the page holds, before any client-side filtering (such as deleted skills).
    public var entityCount: Int
    /// A hash of the page's entities, to notice a page that repeats an earlier one; `nil` skips that check.
    public var fingerprint: Int?
    /// The page size the server reports.
    public var pageSize: Int?
    /// The page number the server reports (1-based).
    public var pageNumber: Int?
    /// The number of pages the listing declares.
    public var pageCount: Int?
    /// The number of entities the listing declares.
    public var total: Int?
    /// The link (or continuation token) of this page.
    public var selfLink: String?
    /// The link (or continuation token) of the next page, as the server sent it.
    public var nextLink: String?

    /// Creates the facts of one page.
    public init(
        entityCount: Int, fingerprint: Int? = nil, pageSize: Int? = nil, pageNumber: Int? = nil,
        pageCount: Int? = nil, total: Int? = nil, selfLink: String? = nil, nextLink: String? = nil
    ) {
        self.entityCount = entityCount
        self.fingerprint = fingerprint
        self.pageSize = pageSize
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.total = total
        self.selfLink = selfLink
        self.nextLink = nextLink
    }

    /// A hash of `entities` for ``fingerprint`` (stable within one process).
    public static func fingerprint<Entity: Hashable>(of entities: [Entity]) -> Int {
        var hasher = Hasher()
        hasher.combine(entities)
        return hasher.finalize()
    }
}

/// Checks the pages of one listing, in order, and fails as soon as they contradict each other.
///
/// A listing that loops, repeats itself or ends early must never pass for a complete one: a shorter
/// org read under `--prune` plans deletes. The guard throws ``GenesysError/Code/inconsistentListing``
/// when
/// - the next page token (page number, cursor or search token) is one already fetched, including an
///   alternation such as A→B→A;
/// - the next link repeats an earlier one, or points at the page itself;
/// - a non-empty page has the same entities as an earlier page;
/// - a page is empty although the listing names a next page, or declares more entities than were read;
/// - a page names a next page although its own `pageNumber` and `pageCount` say it is the last;
/// - `pageCount` does not match `total` at the page size;
/// - more entities or pages arrive than the listing's declared `total` / `pageCount` allow (with a small
///   slack for objects created while reading);
/// - a listing without totals goes past `maxPages` pages (a backstop, far beyond any real org).
///
/// Each of these is noticed at the page that shows it, so a misbehaving server costs at most a few
/// extra requests.
public struct ListingGuard: Sendable {
    /// The most pages a listing reads when it declares no totals (cursor listings, queue members).
    public static let defaultMaxPages = 100_000

    /// The operation named in errors, such as `routing.listSkills`.
    public let operation: String
    /// The most pages read before failing.
    public let maxPages: Int
    private var pages = 0
    private var entities = 0
    private var fetchedTokens: Set<PageToken?> = []
    private var links: Set<String> = []
    private var fingerprints: Set<Int> = []

    /// Creates a guard for one listing.
    /// - Parameters:
    ///   - operation: The operation named in errors.
    ///   - maxPages: The most pages read before failing (``defaultMaxPages``; tests lower it).
    public init(operation: String, maxPages: Int = defaultMaxPages) {
        self.operation = operation
        self.maxPages = max(1, maxPages)
    }

    /// How many more entities than its declared `total` a listing may yield: objects created while it is
    /// read shift later ones onto the next page, so they can be read twice.
    public static func slack(forTotal total: Int) -> Int { max(10, total / 100) }

    /// The error for an inconsistent listing of `operation`: `what` says what was seen.
    public static func inconsistency(operation: String, _ what: String) -> GenesysError {
        GenesysError(
            code: .inconsistentListing, operation: operation,
            message: "\(operation) returned an inconsistent listing: \(what); stopped instead of using a partial listing")
    }

    /// Checks one page.
    /// - Parameters:
    ///   - facts: What the page says.
    ///   - token: The token it was fetched with (`nil` for the first page).
    ///   - next: The token of the page after it as the paging style derived it, `nil` at the end.
    /// - Throws: ``GenesysError`` with code ``GenesysError/Code/inconsistentListing``.
    public mutating func check(_ facts: PageFacts, fetchedWith token: PageToken?, next: PageToken?) throws {
        fetchedTokens.insert(token)
        pages += 1
        entities += max(0, facts.entityCount)
        let here = "page \(pages)"

        if facts.entityCount == 0, next != nil {
            throw fail("\(here) is empty but the listing names a next page")
        }
        if facts.entityCount == 0, let total = facts.total, total > entities {
            throw fail("\(here) is empty but the listing declares \(total) entities and only \(entities) were read")
        }
        if let link = facts.nextLink {
            if link == facts.selfLink { throw fail("\(here) names itself as the next page") }
            if !links.insert(link).inserted { throw fail("\(here) names a next page already named before") }
        }
        if let next, fetchedTokens.contains(next) {
            throw fail("after \(here) the listing points back at \(Self.describe(next)) already read")
        }
        if facts.entityCount > 0, let fingerprint = facts.fingerprint, !fingerprints.insert(fingerprint).inserted {
            throw fail("\(here) repeats the entities of an earlier page")
        }
        if facts.nextLink != nil, let number = facts.pageNumber, let count = facts.pageCount, number >= count {
            throw fail("\(here) names a next page although it says it is page \(number) of \(count)")
        }
        if let total = facts.total, let count = facts.pageCount, count > max(total, 1) {
            throw fail("\(here) declares \(count) pages for only \(total) entities")
        }
        if let total = facts.total, let count = facts.pageCount, let size = facts.pageSize, size > 0 {
            let expected = total / size + (total % size == 0 ? 0 : 1)
            if abs(count - expected) > 1 {
                throw fail("\(here) declares \(count) pages, but \(total) entities at \(size) a page make \(expected)")
            }
        }
        if let total = facts.total, entities > total + Self.slack(forTotal: total) {
            throw fail("\(entities) entities read by \(here), more than the listing's total of \(total)")
        }
        if let count = facts.pageCount, pages > count + 1 {
            throw fail("\(pages) pages read, more than the listing's page count of \(count)")
        }
        if next != nil, pages >= maxPages {
            throw fail("no end after \(pages) pages")
        }
    }

    private func fail(_ what: String) -> GenesysError { Self.inconsistency(operation: operation, what) }

    /// A token for a message; cursors and search tokens are server text, so they are not echoed.
    private static func describe(_ token: PageToken) -> String {
        switch token {
        case .number(let number): "page number \(number)"
        case .cursor: "a cursor"
        case .search: "a search token"
        }
    }
}
