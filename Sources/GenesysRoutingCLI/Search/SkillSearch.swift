import GenesysCore
import GenesysRouting
import Logging
import RoutingModels

/// Skills whose name starts with a query (case-insensitively), sorted by name and cut into pages: what
/// `search skills` prints and `GET /api/skills/search` answers.
struct SkillSearch {
    /// The largest page size accepted.
    static let maxPageSize = 500
    /// The page size when none is given.
    static let defaultPageSize = 25
    /// The largest page number accepted (keeps `(page - 1) * size` far from overflowing).
    static let maxPage = 1_000_000

    /// One page of matches.
    struct Page: Encodable, Equatable {
        /// One matching skill.
        struct Skill: Encodable, Equatable {
            var id: String
            var name: String
            var division: String?
        }

        /// The query as given.
        var query: String
        /// The 1-based page number.
        var page: Int
        /// The page size.
        var size: Int
        /// Matches in all pages.
        var total: Int
        /// Number of pages (0 when nothing matches).
        var pageCount: Int
        /// The skills on this page.
        var skills: [Skill]
    }

    /// What to say for a page after the last one: `page 99 is past the last page (1 page of 3 skills)`.
    static func pastLastPage(_ result: Page) -> String {
        let pages = "\(result.pageCount) page\(result.pageCount == 1 ? "" : "s")"
        let skills = "\(result.total) skill\(result.total == 1 ? "" : "s")"
        return "page \(result.page) is past the last page (\(pages) of \(skills) at --size \(result.size))"
    }

    /// Checks a page number and size; returns the problem, or `nil` when both are usable.
    static func problem(page: Int, size: Int) -> String? {
        if !(1...maxPage).contains(page) { return "page must be between 1 and \(maxPage), got \(page)" }
        if !(1...maxPageSize).contains(size) { return "size must be between 1 and \(maxPageSize), got \(size)" }
        return nil
    }

    /// Runs the search: the server's `name` filter (a prefix search), then an exact case-insensitive
    /// prefix check on the client, sorted by name.
    ///
    /// Check `page` and `size` with ``problem(page:size:)`` first; out-of-range values are clamped here
    /// only so that nothing can overflow.
    /// - Throws: `GenesysError`.
    static func search(_ query: String, page: Int, size: Int, routing: RoutingAPI, logger: Logger) async throws -> Page {
        let trimmed = query.trimmingPrefix(while: \.isWhitespace)
        let prefix = String(trimmed).lowercased()
        let skills = try await routing.listSkills(name: prefix.isEmpty ? nil : String(trimmed), logger: logger).collectItems()
        let matches = skills
            .compactMap { skill -> Page.Skill? in
                guard let id = skill.id, let name = skill.name, name.lowercased().hasPrefix(prefix) else { return nil }
                return Page.Skill(id: id, name: name, division: skill.division?.name)
            }
            .sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
        let size = min(max(size, 1), maxPageSize)
        let page = min(max(page, 1), maxPage)
        let pageCount = (matches.count + size - 1) / size
        let start = min((page - 1) * size, matches.count)
        let end = min(start + size, matches.count)
        return Page(query: query, page: page, size: size, total: matches.count, pageCount: pageCount, skills: Array(matches[start..<end]))
    }
}
