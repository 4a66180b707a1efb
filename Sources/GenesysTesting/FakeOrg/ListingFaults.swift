import Foundation
import GenesysCore
import HTTPTypes
import RoutingModels

/// The listing faults of ``FakeFault/Effect`` (``FakeFault/Effect/repeatedPage``,
/// ``FakeFault/Effect/loopingCursor``, ``FakeFault/Effect/lyingTotals``,
/// ``FakeFault/Effect/absurdPageCount``, ``FakeFault/Effect/nextPointsAtSelf``): a listing's request
/// may be turned into a request for its first page before it is handled, and its answer's paging fields
/// are rewritten afterwards. Only successful listing answers of reads (a JSON object with `entities` or
/// `results`) are touched; a fault that does not apply to a paging style leaves the answer as it is.
enum ListingFaults {
    /// The paging styles of Genesys' listings (page numbers, page numbers without totals, cursors, search), told apart by the answer's fields.
    enum Style {
        case pageNumber, pageNumberWithoutTotals, cursor, search
    }

    /// Query parameters that select a page; removed to ask for the first page.
    static let pagingParameters: Set<String> = ["pageNumber", "after", "before"]

    /// Whether `effect` is a listing fault (handled around the handler, not instead of it).
    static func isListingFault(_ effect: FakeFault.Effect) -> Bool {
        switch effect {
        case .repeatedPage, .loopingCursor, .lyingTotals, .absurdPageCount, .nextPointsAtSelf: true
        default: false
        }
    }

    /// The request the handler sees: the first page of the listing for the faults that serve the first
    /// page's entities whatever page is asked for.
    static func handled(_ request: FakeHTTPRequest, effect: FakeFault.Effect) -> FakeHTTPRequest {
        let removed: Set<String>
        switch effect {
        case .repeatedPage: removed = pagingParameters
        case .loopingCursor: removed = ["after", "before"]   // cursor and search listings only
        default: return request
        }
        var first = request
        first.query = request.query.filter { !removed.contains($0.name) }
        if let q64 = request.value("q64"), let token = searchToken(q64) {
            first.query = first.query.map { $0.name == "q64" ? .init("q64", token(1)) : $0 }
        }
        return first
    }

    /// `response` with its paging fields rewritten for `effect`; `request` is the request as sent.
    static func rewrite(_ response: TransportResponse, effect: FakeFault.Effect, request: FakeHTTPRequest) -> TransportResponse {
        guard response.head.status.code == 200,
              request.method == .get || request.path == "/api/v2/users/search",
              var page = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
              let style = style(of: page)
        else { return response }
        let number = requestedPage(request, style: style)
        let size = page["pageSize"] as? Int ?? max(1, (page["entities"] as? [Any])?.count ?? 1)
        let links = Links(request: request, style: style, size: size)
        let total = page["total"] as? Int ?? 0
        let pageCount = page["pageCount"] as? Int ?? 0

        switch (effect, style) {
        case (.repeatedPage, _):
            if style != .cursor { page["pageNumber"] = number }
            if style == .pageNumber || style == .search {
                page["pageCount"] = max(pageCount, number + 1)
                page["total"] = max(total, (number + 1) * size)
            }
            page[links.nextField] = links.link(number + 1)
            page[links.selfField] = links.link(number)
        case (.loopingCursor, .cursor), (.loopingCursor, .search):
            // Page 1 points at cursor 2, cursor 2 at cursor 3 and cursor 3 back at cursor 2 (A→B→A).
            let next = number == 2 ? 3 : 2
            if style == .search {
                page["pageNumber"] = number
                page["pageCount"] = max(pageCount, 4)
                page["total"] = max(total, 4 * size)
            }
            page[links.nextField] = links.link(next)
            page[links.selfField] = links.link(number)
        case (.lyingTotals, .pageNumber), (.lyingTotals, .search):
            let claimed = total + 1000
            page["total"] = claimed
            page["pageCount"] = (claimed + size - 1) / size
            page[links.nextField] = links.link(number + 1)
        case (.absurdPageCount, .pageNumber), (.absurdPageCount, .search):
            page["pageCount"] = 1_000_000
            page[links.nextField] = links.link(number + 1)
        case (.nextPointsAtSelf, _):
            if style == .search {
                page["pageCount"] = max(pageCount, number + 1)
                page["total"] = max(total, (number + 1) * size)
            }
            page[links.nextField] = page[links.selfField] ?? links.link(number)
        default:
            return response
        }
        guard let body = try? JSONSerialization.data(withJSONObject: page, options: [.sortedKeys]) else { return response }
        return TransportResponse(head: response.head, body: body)
    }

    static func style(of page: [String: Any]) -> Style? {
        if page["results"] != nil { return .search }
        guard page["entities"] != nil else { return nil }
        if page["total"] != nil || page["pageCount"] != nil { return .pageNumber }
        return page["pageNumber"] != nil ? .pageNumberWithoutTotals : .cursor
    }

    /// The 1-based page a request asks for: its `pageNumber`, the number of a cursor the fault made up,
    /// or the page of a search token.
    static func requestedPage(_ request: FakeHTTPRequest, style: Style) -> Int {
        switch style {
        case .pageNumber, .pageNumberWithoutTotals:
            return request.value("pageNumber").flatMap(Int.init) ?? 1
        case .cursor:
            guard let after = request.value("after"), after.hasPrefix(cursorPrefix) else { return 1 }
            return Int(after.dropFirst(cursorPrefix.count)) ?? 1
        case .search:
            guard let q64 = request.value("q64"), let data = Data(base64Encoded: q64),
                  let token = try? GenesysJSON.makeDecoder().decode(OrgEngine.SearchToken.self, from: data)
            else { return 1 }
            return token.pageNumber
        }
    }

    /// The prefix of the cursors the faults make up (`fault-page-2`).
    static let cursorPrefix = "fault-page-"

    /// A function giving the q64 token of page `n` of the search `q64` belongs to.
    static func searchToken(_ q64: String) -> ((Int) -> String)? {
        guard let data = Data(base64Encoded: q64),
              let token = try? GenesysJSON.makeDecoder().decode(OrgEngine.SearchToken.self, from: data)
        else { return nil }
        return { number in
            var request = token.request
            request.pageNumber = number
            return OrgEngine.encodeToken(OrgEngine.SearchToken(request: request, pageNumber: number))
        }
    }

    /// The links (or search tokens) of the pages of one listing.
    struct Links {
        let request: FakeHTTPRequest
        let style: Style
        let size: Int

        var nextField: String { style == .search ? "nextPage" : "nextUri" }
        var selfField: String { style == .search ? "currentPage" : "selfUri" }

        /// The link of page `number`.
        func link(_ number: Int) -> String {
            switch style {
            case .pageNumber, .pageNumberWithoutTotals:
                return Paging.numberLink(request, size: size, number: number)
            case .cursor:
                let others = Paging.otherItems(request, excluding: ["pageSize", "after", "before"])
                let page: [GenesysRequest.QueryItem] = number > 1 ? [.init("after", "\(cursorPrefix)\(number)")] : []
                return URIEncoding.link(request.path, [.init("pageSize", "\(size)")] + page + others)
            case .search:
                if let q64 = request.value("q64"), let token = searchToken(q64) { return token(number) }
                let search = (try? request.decode(UserSearchRequest.self)) ?? UserSearchRequest()
                var first = search
                first.pageNumber = number
                first.pageSize = size
                return OrgEngine.encodeToken(OrgEngine.SearchToken(request: first, pageNumber: number))
            }
        }
    }
}
