import Foundation
import RoutingModels

extension OrgEngine {
    func languageIndex(_ id: String) throws -> Int {
        guard let index = lookups.languages.position(of: id, in: state.languages, key: \.id) else { throw APIError.notFound("language", id: id) }
        return index
    }

    /// `GET /api/v2/routing/languages`: `name` is a case-insensitive prefix; `sortOrder` ascending or
    /// descending by name.
    func listLanguages(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = Set(request.values("id"))
        let name = request.value("name")
        let descending = try request.oneOf("sortOrder", ["ascending", "descending", "ASC", "DESC"]).map { $0.lowercased().hasPrefix("desc") } ?? false
        var languages = state.languages
            .filter { isListed(id: $0.id, state: $0.state) }
            .filter { ids.isEmpty || ids.contains($0.id ?? "") }
            .filter { NameFilter.prefix($0.name, name) }
            .sorted { NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
        if descending { languages.reverse() }
        return .json(try Paging.pageA(languages, request))
    }

    /// `POST /api/v2/routing/languages`.
    mutating func createLanguage(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(Language.self)
        let name = try Self.requireName(body.name)
        if let existing = state.languages.first(where: { $0.name == name && $0.state != .deleted }) {
            throw APIError.duplicateName("language", name: name, existingID: existing.id)
        }
        let id = state.makeID()
        let language = Language(
            id: id, name: name, dateModified: currentDate(), state: .active, version: "1",
            selfUri: "/api/v2/routing/languages/\(id)"
        )
        state.languages.append(language)
        markCreated(id)
        return .json(language)
    }

    /// `GET /api/v2/routing/languages/{languageId}`: deleted languages are returned with `state: deleted`.
    func getLanguage(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(state.languages[try languageIndex(request.param("languageId"))])
    }

    /// `DELETE /api/v2/routing/languages/{languageId}`: a soft delete, like skills.
    mutating func deleteLanguage(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("languageId")
        let index = try languageIndex(id)
        guard state.languages[index].state != .deleted else { throw APIError.notFound("language", id: id) }
        let before = groupMembershipSnapshot()
        state.languages[index].state = .deleted
        state.languages[index].dateModified = currentDate()
        for user in state.users.indices { state.users[user].languages.removeAll { $0.id == id } }
        markDeleted(id)
        groupsMayHaveChanged(since: before)
        return .empty()
    }
}
