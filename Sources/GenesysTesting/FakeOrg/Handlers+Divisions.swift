import Foundation
import RoutingModels

extension OrgEngine {
    func divisionIndex(_ id: String) throws -> Int {
        guard let index = state.divisions.firstIndex(where: { $0.id == id }) else { throw APIError.notFound("division", id: id) }
        return index
    }

    /// A division as the API answers, with `objectCounts` (`QUEUE`, `SKILLGROUP`, `USER`) when asked.
    func render(_ division: AuthzDivision, objectCount: Bool) -> AuthzDivision {
        var division = division
        division.homeDivision = division.id == state.homeDivisionID
        if objectCount {
            let id = division.id
            division.objectCounts = [
                "QUEUE": state.queues.filter { $0.queue.division?.id == id }.count,
                "SKILLGROUP": state.skillGroups.filter { $0.group.division?.id == id }.count,
                "USER": state.users.filter { $0.user.division?.id == id && $0.user.state != .deleted }.count,
            ]
        } else {
            division.objectCounts = nil
        }
        return division
    }

    /// `GET /api/v2/authorization/divisions`: `name` is a case-insensitive prefix, `id` filter,
    /// `objectCount`; sorted by name.
    func listDivisions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = Set(request.values("id"))
        let name = request.value("name")
        let objectCount = try request.bool("objectCount") ?? false
        let divisions = state.divisions
            .filter { ids.isEmpty || ids.contains($0.id ?? "") }
            .filter { NameFilter.prefix($0.name, name) }
            .sorted { NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
        // Only the page is rendered: object counts look at every queue, skill group and user.
        return .json(try Paging.pageA(divisions, request) { render($0, objectCount: objectCount) })
    }

    /// `GET /api/v2/authorization/divisions/home` (no object counts).
    func getHomeDivision(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(render(state.divisions[try divisionIndex(state.homeDivisionID)], objectCount: false))
    }

    /// `GET /api/v2/authorization/divisions/{divisionId}`.
    func getDivision(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try divisionIndex(request.param("divisionId"))
        return .json(render(state.divisions[index], objectCount: try request.bool("objectCount") ?? false))
    }

    /// The positions `position` finds for `ids`, in order; an id it does not find is a 400 naming the
    /// id's place in the body (so nothing moves unless every id exists).
    static func positions(of ids: [String], _ noun: String, _ position: (String) -> Int?) throws -> [Int] {
        try ids.enumerated().map { offset, id in
            guard let index = position(id) else {
                throw APIError.invalidValue(field: "[\(offset)]", "The \(noun) \(id) does not exist", entityId: id)
            }
            return index
        }
    }

    /// `POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}`: moves queues, skill
    /// groups or users (the object types the fake models; others are a 400). Every id must exist.
    mutating func moveObjects(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let divisionID = request.param("divisionId")
        _ = try divisionIndex(divisionID)
        let type = DivisionObjectType(rawValue: request.param("objectType"))
        guard type.isKnown else {
            throw APIError.invalidValue(field: "objectType", "Unknown object type \"\(type.rawValue)\"")
        }
        guard [.queue, .skillGroup, .user].contains(type) else {
            throw APIError.invalidValue(field: "objectType", "The fake org does not model \(type.rawValue) objects; it moves QUEUE, SKILLGROUP and USER")
        }
        let ids = try request.decode([String].self)
        let before = groupMembershipSnapshot()
        switch type {
        case .queue:
            for index in try Self.positions(of: ids, "queue", { queuePosition($0) }) {
                state.queues[index].queue.division = Division(id: divisionID)
                state.queues[index].queue.dateModified = currentDate()
            }
        case .skillGroup:
            for index in try Self.positions(of: ids, "skill group", { skillGroupPosition($0) }) {
                state.skillGroups[index].group.division = Division(id: divisionID)
                state.skillGroups[index].group.dateModified = currentDate()
            }
        default:
            for index in try Self.positions(of: ids, "user", { userPosition($0) }) {
                state.users[index].user.division = Division(id: divisionID)
                state.users[index].user.version = (state.users[index].user.version ?? 1) + 1
            }
        }
        groupsMayHaveChanged(since: before)
        return .empty()
    }
}
