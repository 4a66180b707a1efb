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
        let descending = try request.isDescending()
        var languages = listed(state.languages, request)
        if descending { languages.reverse() }
        return .json(try Paging.pageA(languages, request))
    }

    /// `POST /api/v2/routing/languages`.
    mutating func createLanguage(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(Language.self)
        let name = try Self.requireName(body.name)
        if let existing = Self.live(named: name, in: state.languages) {
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
        try softDelete(.language, \.languages, at: try languageIndex(id), id: id)
        return .empty()
    }
}
