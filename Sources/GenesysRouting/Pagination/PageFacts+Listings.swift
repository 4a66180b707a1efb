import GenesysCore
import RoutingModels

// What each paging style's page says about its listing, checked by `ListingGuard` (styles A–D: see
// `PageNumberPaging`, `PageNumberWithoutTotalsPaging`, `CursorPaging`, `SearchPaging`).

extension EntityListing where Entity: Hashable {
    /// Style A: counts, totals and links.
    var pageFacts: PageFacts {
        PageFacts(
            entityCount: entities?.count ?? 0, fingerprint: PageFacts.fingerprint(of: entities ?? []),
            pageSize: pageSize, pageNumber: pageNumber, pageCount: pageCount, total: total,
            selfLink: selfUri, nextLink: nextUri)
    }
}

extension QueueMemberEntityListing {
    /// Style B: page numbers and links, no totals.
    var pageFacts: PageFacts {
        PageFacts(
            entityCount: entities?.count ?? 0, fingerprint: PageFacts.fingerprint(of: entities ?? []),
            pageSize: pageSize, pageNumber: pageNumber, selfLink: selfUri, nextLink: nextUri)
    }
}

extension CursorListing where Entity: Hashable {
    /// Style C: links only.
    var pageFacts: PageFacts {
        PageFacts(
            entityCount: entities?.count ?? 0, fingerprint: PageFacts.fingerprint(of: entities ?? []),
            selfLink: selfUri, nextLink: nextUri)
    }
}

extension UsersSearchResponse {
    /// Style D: totals and search tokens. `nextPage` counts as a next link only where the style follows
    /// it (the last page may still carry one).
    var pageFacts: PageFacts {
        PageFacts(
            entityCount: results?.count ?? 0, fingerprint: PageFacts.fingerprint(of: results ?? []),
            pageSize: pageSize, pageNumber: pageNumber, pageCount: pageCount, total: total,
            selfLink: currentPage, nextLink: SearchPaging.next(self) == nil ? nil : nextPage)
    }
}
