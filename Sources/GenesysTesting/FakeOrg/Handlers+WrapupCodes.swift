import Foundation
import RoutingModels

extension OrgEngine {
    func render(_ code: WrapupCode) -> WrapupCode {
        var code = code
        code.division = divisionRef(code.division?.id)
        return code
    }

    func wrapupCodeIndex(_ id: String) throws -> Int {
        guard let index = state.wrapupCodes.firstIndex(where: { $0.id == id }) else { throw APIError.notFound("wrap-up code", id: id) }
        return index
    }

    /// `GET /api/v2/routing/wrapupcodes`: `name` is a case-insensitive prefix (a trailing `*` allowed),
    /// `id` and `divisionId` filters, `sortBy` name or id, `sortOrder` ascending or descending.
    func listWrapupCodes(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = Set(request.values("id"))
        let divisions = Set(request.values("divisionId"))
        let name = request.value("name")
        let sortBy = try request.oneOf("sortBy", ["name", "id"], default: "name")
        let descending = try request.isDescending()
        var codes = state.wrapupCodes
            .filter { isIndexed($0.id) }
            .filter { ids.isEmpty || ids.contains($0.id ?? "") }
            .filter { divisions.isEmpty || divisions.contains($0.division?.id ?? "") }
            .filter { NameFilter.prefix($0.name, name) }
            .sorted { sortBy == "id" ? ($0.id ?? "") < ($1.id ?? "") : NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
        if descending { codes.reverse() }
        return .json(try Paging.pageA(codes, request, render: render))
    }

    /// Validates a `WrapupCodeRequest` body: name required and not taken by another code.
    func validateWrapupCode(_ body: WrapupCodeRequest, excluding id: String?) throws -> (name: String, division: String) {
        let name = try Self.requireName(body.name)
        if let existing = state.wrapupCodes.first(where: { $0.name == name && $0.id != id }) {
            throw APIError.duplicateName("wrap-up code", name: name, existingID: existing.id)
        }
        return (name, try resolveDivision(body.division?.id, field: "division.id"))
    }

    /// `POST /api/v2/routing/wrapupcodes`.
    mutating func createWrapupCode(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(WrapupCodeRequest.self)
        let (name, division) = try validateWrapupCode(body, excluding: nil)
        let id = state.makeID()
        let date = currentDate()
        let code = WrapupCode(
            id: id, name: name, division: Division(id: division), description: body.description,
            dateCreated: date, dateModified: date, selfUri: "/api/v2/routing/wrapupcodes/\(id)"
        )
        state.wrapupCodes.append(code)
        markCreated(id)
        return .json(render(code))
    }

    /// `GET /api/v2/routing/wrapupcodes/{codeId}`.
    func getWrapupCode(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(render(state.wrapupCodes[try wrapupCodeIndex(request.param("codeId"))]))
    }

    /// `PUT /api/v2/routing/wrapupcodes/{codeId}`: a full update (name, division, description).
    mutating func updateWrapupCode(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("codeId")
        let index = try wrapupCodeIndex(id)
        let body = try request.decode(WrapupCodeRequest.self)
        let (name, division) = try validateWrapupCode(body, excluding: id)
        state.wrapupCodes[index].name = name
        state.wrapupCodes[index].division = Division(id: division)
        state.wrapupCodes[index].description = body.description
        state.wrapupCodes[index].dateModified = currentDate()
        return .json(render(state.wrapupCodes[index]))
    }

    /// `DELETE /api/v2/routing/wrapupcodes/{codeId}`: also detaches the code from every queue.
    mutating func deleteWrapupCode(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("codeId")
        state.wrapupCodes.remove(at: try wrapupCodeIndex(id))
        for queue in state.queues.indices { state.queues[queue].wrapupCodeIDs.removeAll { $0 == id } }
        return .empty()
    }
}
