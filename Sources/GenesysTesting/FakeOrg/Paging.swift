import Foundation
import GenesysCore
import RoutingModels

/// The four paging styles of Genesys' listings (page numbers, page numbers without totals, cursors, search), shared by every list handler.
///
/// Links are relative paths with query strings, `pageSize` and `pageNumber` (or `after`/`before`)
/// first, then the request's other query parameters in their original order.
enum Paging {
    /// The default page size of every list endpoint.
    static let defaultPageSize = 25
    /// The largest page size the fake accepts where Genesys documents none (the official tooling's
    /// largest, §3.11).
    static let maxPageSize = 500
    /// The documented limit of `GET …/queues/{queueId}/members`.
    static let maxQueueMemberPageSize = 100

    /// Checks a `pageSize`: from 1 to `maxPageSize`.
    static func check(pageSize size: Int, maxPageSize: Int) throws {
        guard size >= 1 else { throw APIError.invalidValue(field: "pageSize", "pageSize must be at least 1, got \(size)") }
        guard size <= maxPageSize else {
            throw APIError.invalidValue(field: "pageSize", "pageSize must be at most \(maxPageSize), got \(size)")
        }
    }

    /// Reads and validates `pageSize` and `pageNumber` (1-based).
    static func pageRequest(_ request: FakeHTTPRequest, maxPageSize: Int) throws -> (size: Int, number: Int) {
        let size = try request.int("pageSize", default: defaultPageSize)
        let number = try request.int("pageNumber", default: 1)
        try check(pageSize: size, maxPageSize: maxPageSize)
        guard number >= 1 else { throw APIError.invalidValue(field: "pageNumber", "pageNumber must be at least 1, got \(number)") }
        return (size, number)
    }

    /// The request's query items other than the paging ones.
    static func otherItems(_ request: FakeHTTPRequest, excluding names: Set<String>) -> [GenesysRequest.QueryItem] {
        request.query.filter { !names.contains($0.name) }
    }

    static func numberLink(_ request: FakeHTTPRequest, size: Int, number: Int) -> String {
        URIEncoding.link(
            request.path,
            [.init("pageSize", "\(size)"), .init("pageNumber", "\(number)")] + otherItems(request, excluding: ["pageSize", "pageNumber"])
        )
    }

    /// Style A: page numbers with `total`, `pageCount` and every link.
    static func pageA<T>(_ items: [T], _ request: FakeHTTPRequest, maxPageSize: Int = maxPageSize) throws -> EntityListing<T> {
        try pageA(items, request, maxPageSize: maxPageSize) { $0 }
    }

    /// Style A over `items`, rendering only the items of the requested page.
    static func pageA<Item, T>(
        _ items: [Item], _ request: FakeHTTPRequest, maxPageSize: Int = maxPageSize, render: (Item) -> T
    ) throws -> EntityListing<T> {
        let (size, number) = try pageRequest(request, maxPageSize: maxPageSize)
        let pageCount = (items.count + size - 1) / size
        let start = min(items.count, (number - 1) * size)
        let page = items[start..<min(items.count, start + size)].map(render)
        return EntityListing(
            entities: page, pageSize: size, pageNumber: number, total: items.count, pageCount: pageCount,
            firstUri: numberLink(request, size: size, number: 1),
            selfUri: numberLink(request, size: size, number: number),
            nextUri: number < pageCount ? numberLink(request, size: size, number: number + 1) : nil,
            previousUri: number > 1 ? numberLink(request, size: size, number: min(number - 1, max(pageCount, 1))) : nil,
            lastUri: numberLink(request, size: size, number: max(pageCount, 1))
        )
    }

    /// A style-A listing of everything on one page (the answer of the bulk user skill/language calls).
    static func singlePage<T>(_ items: [T], path: String) -> EntityListing<T> {
        let size = max(items.count, 1)
        let link = URIEncoding.link(path, [.init("pageSize", "\(size)"), .init("pageNumber", "1")])
        return EntityListing(
            entities: items, pageSize: size, pageNumber: 1, total: items.count, pageCount: items.isEmpty ? 0 : 1,
            firstUri: link, selfUri: link, lastUri: link
        )
    }

    /// Style B (queue members): page numbers without totals. Like the real API, a full page carries a
    /// `nextUri` even when nothing follows, so clients must stop on an empty page.
    static func pageB(_ items: [QueueMember], _ request: FakeHTTPRequest) throws -> QueueMemberEntityListing {
        let (size, number) = try pageRequest(request, maxPageSize: maxQueueMemberPageSize)
        let start = min(items.count, (number - 1) * size)
        let page = Array(items[start..<min(items.count, start + size)])
        return QueueMemberEntityListing(
            entities: page, pageNumber: number, pageSize: size,
            firstUri: numberLink(request, size: size, number: 1),
            selfUri: numberLink(request, size: size, number: number),
            nextUri: page.count == size ? numberLink(request, size: size, number: number + 1) : nil,
            previousUri: number > 1 ? numberLink(request, size: size, number: number - 1) : nil
        )
    }

    /// Style C: opaque cursors (`after`/`before`), no totals. `items` must be sorted by `key`
    /// ascending; a cursor encodes the key of the item it points past, so it stays valid when items are
    /// added or deleted in between.
    static func cursor<T>(_ items: [T], key: (T) -> String, _ request: FakeHTTPRequest, maxPageSize: Int = maxPageSize) throws -> CursorListing<T> {
        let size = try request.int("pageSize", default: defaultPageSize)
        try check(pageSize: size, maxPageSize: maxPageSize)
        let keys = items.map(key)
        var start = 0
        var end = items.count
        if let after = request.value("after"), !after.isEmpty {
            let afterKey = try decodeCursor(after, field: "after")
            start = keys.firstIndex { $0 > afterKey } ?? items.count
            end = min(items.count, start + size)
        } else if let before = request.value("before"), !before.isEmpty {
            let beforeKey = try decodeCursor(before, field: "before")
            end = keys.firstIndex { $0 >= beforeKey } ?? items.count
            start = max(0, end - size)
        } else {
            end = min(items.count, size)
        }
        let others = otherItems(request, excluding: ["pageSize", "after", "before"])
        func link(_ extra: [GenesysRequest.QueryItem]) -> String {
            URIEncoding.link(request.path, [.init("pageSize", "\(size)")] + extra + others)
        }
        let page = Array(items[start..<end])
        let selfExtra: [GenesysRequest.QueryItem] = request.value("after").map { [.init("after", $0)] }
            ?? request.value("before").map { [.init("before", $0)] } ?? []
        return CursorListing(
            entities: page,
            nextUri: end < items.count && end > 0 ? link([.init("after", encodeCursor(keys[end - 1]))]) : nil,
            selfUri: link(selfExtra),
            previousUri: start > 0 && start < items.count ? link([.init("before", encodeCursor(keys[start]))]) : nil
        )
    }

    static func encodeCursor(_ key: String) -> String {
        Data(key.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ cursor: String, field: String) throws -> String {
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let key = String(data: data, encoding: .utf8) else {
            throw APIError.invalidValue(field: field, "The cursor \(field)=\(cursor) is not valid")
        }
        return key
    }

    /// The sort key of a cursor listing: lower-cased name, then name, then id.
    static func nameKey(name: String?, id: String?) -> String {
        "\((name ?? "").lowercased())\u{1}\(name ?? "")\u{1}\(id ?? "")"
    }
}
