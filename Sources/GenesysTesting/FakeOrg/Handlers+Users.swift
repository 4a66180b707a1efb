import Foundation
import RoutingModels

extension OrgEngine {
    /// A user as the API answers; `expand` may ask for `skills` and `languages` (other expansions are
    /// accepted and ignored, as "best effort" allows).
    func renderUser(_ record: FakeOrgState.UserRecord, expand: [String]) -> User {
        var user = record.user
        let id = user.id ?? ""
        user.division = divisionRef(user.division?.id)
        if expand.contains("skills") {
            user.skills = sortedAssignments(.skill, record).map { renderSkill(userID: id, $0) }
        }
        if expand.contains("languages") {
            user.languages = sortedAssignments(.language, record).map { renderLanguage(userID: id, $0) }
        }
        if expand.contains("routingStatus") {
            user.routingStatus = RoutingStatus(userId: id, status: .offQueue)
        }
        return user
    }

    /// `GET /api/v2/users`: `id` filter, `state` (active by default; inactive, deleted or any),
    /// `expand`; sorted by name.
    func listUsers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = Set(request.values("id"))
        let wanted = try request.oneOf("state", ["active", "inactive", "deleted", "any"], default: "active") ?? "active"
        let expand = request.values("expand")
        let positions = usersByName().filter { position in
            let user = state.users[position].user
            return isIndexed(user.id) && (ids.isEmpty || ids.contains(user.id ?? "")) && (wanted == "any" || user.state?.rawValue == wanted)
        }
        return .json(try Paging.pageA(positions, request) { renderUser(state.users[$0], expand: expand) })
    }

    /// Every user's email, lowercased, for the seeding API's uniqueness check; computed again only after
    /// users change.
    func lowercasedEmails() -> Set<String> {
        if let cached = derived.lowercasedEmails, cached.users === state.revisions.users { return cached.emails }
        let emails = Set(state.users.compactMap { $0.user.email?.lowercased() })
        derived.lowercasedEmails = (state.revisions.users, emails)
        return emails
    }

    /// Every user's position in `state.users`, ordered by name then id (``NameFilter/ordered(_:_:)``),
    /// then position; sorted again only after users change.
    func usersByName() -> [Int] {
        if let cached = derived.usersByName, cached.users === state.revisions.users { return cached.positions }
        let keys = state.users.map { record in
            let name = record.user.name ?? ""
            return (name.lowercased(), name, record.user.id ?? "")
        }
        let positions = state.users.indices.sorted { (keys[$0].0, keys[$0].1, keys[$0].2, $0) < (keys[$1].0, keys[$1].1, keys[$1].2, $1) }
        derived.usersByName = (state.revisions.users, positions)
        return positions
    }

    /// `GET /api/v2/users/{userId}`: deleted users only with `state=deleted`.
    func getUser(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("userId")
        let record = state.users[try userIndex(id)]
        let wanted = try request.oneOf("state", ["active", "deleted"], default: "active")
        if (record.user.state == .deleted) != (wanted == "deleted") { throw APIError.notFound("user", id: id) }
        return .json(renderUser(record, expand: request.values("expand")))
    }

    // MARK: - Search (style D)

    /// The search a q64 token stands for: the original request and the page.
    struct SearchToken: Codable {
        var request: UserSearchRequest
        var pageNumber: Int
    }

    static func encodeToken(_ token: SearchToken) -> String {
        let data = (try? GenesysJSON.makeEncoder(sortedKeys: true).encode(token)) ?? Data()
        return data.base64EncodedString()
    }

    /// `POST /api/v2/users/search`: EXACT, TERM, TERMS, CONTAINS, STARTS_WITH and MATCH_ALL over `name`,
    /// `email`, `username`, `id` and `state`, case-insensitively; criteria combine by their `operator`
    /// (AND must hold, OR at least one of them, NOT none) and nest through `group`. Other search types
    /// and fields are a 400 naming them. Deleted users are never found.
    func searchUsers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(UserSearchRequest.self)
        return .json(try runSearch(body, pageNumber: body.pageNumber ?? 1, expand: body.expand ?? []))
    }

    /// `GET /api/v2/users/search?q64=…`: another page of an earlier search.
    func continueUserSearch(_ request: FakeHTTPRequest) throws -> FakeResponse {
        guard let q64 = request.value("q64"), !q64.isEmpty else { throw APIError.required("q64") }
        guard let data = Data(base64Encoded: q64),
              let token = try? GenesysJSON.makeDecoder().decode(SearchToken.self, from: data) else {
            throw APIError.invalidValue(field: "q64", "The q64 search token is not valid")
        }
        let expand = request.values("expand")
        return .json(try runSearch(token.request, pageNumber: token.pageNumber, expand: expand.isEmpty ? token.request.expand ?? [] : expand))
    }

    func runSearch(_ search: UserSearchRequest, pageNumber: Int, expand: [String]) throws -> UsersSearchResponse {
        let size = search.pageSize ?? Paging.defaultPageSize
        guard (1...Paging.maxPageSize).contains(size) else {
            throw APIError.invalidValue(field: "pageSize", "pageSize must be from 1 to \(Paging.maxPageSize), got \(size)")
        }
        guard pageNumber >= 1 else { throw APIError.invalidValue(field: "pageNumber", "pageNumber must be at least 1, got \(pageNumber)") }
        let criteria = search.query ?? []
        for (index, criterion) in criteria.enumerated() { try Self.validate(criterion, field: "query[\(index)]") }
        let sortBy = search.sortBy ?? search.sort?.first?.sortBy ?? "name"
        guard ["name", "email", "username", "id"].contains(sortBy) else {
            throw APIError.invalidValue(field: "sortBy", "The fake org sorts user searches by name, email, username or id, not \"\(sortBy)\"")
        }
        let descending = (search.sortOrder ?? search.sort?.first?.sortOrder) == .descending
        var matches = state.users
            .filter { $0.user.state != .deleted && isIndexed($0.user.id) }
            .filter { Self.matches(criteria, $0.user) }
            .sorted {
                let l = Self.field(sortBy, of: $0.user) ?? "", r = Self.field(sortBy, of: $1.user) ?? ""
                return l.lowercased() != r.lowercased() ? l.lowercased() < r.lowercased() : ($0.user.id ?? "") < ($1.user.id ?? "")
            }
        if descending { matches.reverse() }
        let pageCount = (matches.count + size - 1) / size
        let start = min(matches.count, (pageNumber - 1) * size)
        let page = matches[start..<min(matches.count, start + size)].map { renderUser($0, expand: expand) }
        func token(_ number: Int) -> String {
            var request = search
            request.pageNumber = number
            request.pageSize = size
            return Self.encodeToken(SearchToken(request: request, pageNumber: number))
        }
        return UsersSearchResponse(
            total: matches.count, pageCount: pageCount, pageSize: size, pageNumber: pageNumber,
            previousPage: pageNumber > 1 ? token(pageNumber - 1) : nil,
            currentPage: token(pageNumber),
            nextPage: pageNumber < pageCount ? token(pageNumber + 1) : nil,
            types: ["users"], results: page
        )
    }

    static let searchFields = ["name", "email", "username", "id", "state"]
    static let searchTypes: [UserSearchType] = [.exact, .term, .terms, .contains, .startsWith, .matchAll]

    static func validate(_ criterion: UserSearchCriteria, field: String) throws {
        if let group = criterion.group, !group.isEmpty {
            for (index, inner) in group.enumerated() { try validate(inner, field: "\(field).group[\(index)]") }
            return
        }
        guard let type = criterion.type else { throw APIError.required("\(field).type") }
        guard searchTypes.contains(type) else {
            throw APIError.invalidValue(
                field: "\(field).type",
                "The fake org supports the search types \(searchTypes.map(\.rawValue).joined(separator: ", ")), not \(type.rawValue)"
            )
        }
        if let op = criterion.operator, !op.isKnown {
            throw APIError.invalidValue(field: "\(field).operator", "operator must be AND, OR or NOT, got \"\(op.rawValue)\"")
        }
        guard type != .matchAll else { return }
        guard let fields = criterion.fields, !fields.isEmpty else { throw APIError.required("\(field).fields") }
        for name in fields where !searchFields.contains(name) {
            throw APIError.invalidValue(
                field: "\(field).fields", "The fake org searches the fields \(searchFields.joined(separator: ", ")), not \"\(name)\""
            )
        }
        guard criterion.value != nil || !(criterion.values ?? []).isEmpty else { throw APIError.required("\(field).value") }
    }

    static func field(_ name: String, of user: User) -> String? {
        switch name {
        case "name": user.name
        case "email": user.email
        case "username": user.username
        case "id": user.id
        case "state": user.state?.rawValue
        default: nil
        }
    }

    /// AND criteria must all hold, at least one OR criterion must hold (when there are any), and no NOT
    /// criterion may hold.
    static func matches(_ criteria: [UserSearchCriteria], _ user: User) -> Bool {
        var musts: [Bool] = [], shoulds: [Bool] = [], nots: [Bool] = []
        for criterion in criteria {
            let result = matches(criterion, user)
            switch criterion.operator {
            case .or?: shoulds.append(result)
            case .not?: nots.append(result)
            default: musts.append(result)
            }
        }
        return musts.allSatisfy { $0 } && (shoulds.isEmpty || shoulds.contains(true)) && !nots.contains(true)
    }

    static func matches(_ criterion: UserSearchCriteria, _ user: User) -> Bool {
        if let group = criterion.group, !group.isEmpty { return matches(group, user) }
        guard let type = criterion.type else { return false }
        if type == .matchAll { return true }
        let wanted = ((criterion.values ?? []) + [criterion.value].compactMap { $0 }).map { $0.lowercased() }
        return (criterion.fields ?? []).contains { name in
            guard let value = field(name, of: user)?.lowercased() else { return false }
            return wanted.contains { target in
                switch type {
                case .exact, .term, .terms: value == target
                case .contains: value.contains(target)
                case .startsWith: value.hasPrefix(target)
                default: false
                }
            }
        }
    }
}
