import Foundation
import RoutingModels

extension OrgEngine {
    /// The position in `state.queues` of the queue with this id.
    func queuePosition(_ id: String) -> Int? {
        lookups.queues.position(of: id, in: state.queues, key: \.queue.id)
    }

    func queueIndex(_ id: String) throws -> Int {
        guard let index = queuePosition(id) else { throw APIError.notFound("queue", id: id) }
        return index
    }

    /// A queue as the API answers: computed member counts, division name, skill-group member groups (of
    /// the queue, its bullseye rings and its conditional group routing and activation rules) with their
    /// names and member counts.
    func render(_ record: FakeOrgState.QueueRecord) -> RoutingQueue {
        var queue = record.queue
        queue.division = divisionRef(queue.division?.id)
        let members = queueMembers(record)
        queue.memberCount = members.count
        queue.userMemberCount = members.filter { $0.memberBy == .user }.count
        queue.joinedMemberCount = members.filter(\.joined).count
        return Self.mappingMemberGroups(queue) { $0.map { $0.map(renderMemberGroup) } }
    }

    func renderMemberGroup(_ group: MemberGroup) -> MemberGroup {
        guard group.type == .skillGroup, let id = group.id, let position = skillGroupPosition(id) else { return group }
        let record = state.skillGroups[position]
        var group = group
        group.name = record.group.name
        group.division = divisionRef(record.group.division?.id)
        group.memberCount = visibleMembers(ofGroup: id).count
        group.selfUri = "/api/v2/routing/skillgroups/\(id)"
        return group
    }

    // MARK: - Validation

    /// Validates a queue body: name (required, not taken by another queue), division, enum values,
    /// after-call-work timeout, routing rules and bullseye rings (at most 6 each), member groups (id and
    /// type; skill groups must exist), and the settings ``validateQueueSettings(_:id:)`` checks.
    func validateQueue(_ queue: QueueRequest, excluding id: String?) throws -> (name: String, division: String) {
        let name = try Self.requireName(queue.name)
        if let existing = state.queues.first(where: { $0.queue.name == name && $0.queue.id != id }) {
            throw APIError.duplicateName("queue", name: name, existingID: existing.queue.id)
        }
        let division = try resolveDivision(queue.division?.id, field: "division.id")
        try requireKnown(queue.skillEvaluationMethod, field: "skillEvaluationMethod")
        try requireKnown(queue.scoringMethod, field: "scoringMethod")
        try requireKnown(queue.lastAgentRoutingMode, field: "lastAgentRoutingMode")
        if let acw = queue.acwSettings {
            try requireKnown(acw.wrapupPrompt, field: "acwSettings.wrapupPrompt")
            if let timeout = acw.timeoutMs, !(1000...3_600_000).contains(timeout) {
                throw APIError.invalidValue(field: "acwSettings.timeoutMs", "acwSettings.timeoutMs must be from 1000 to 3600000, got \(timeout)")
            }
        }
        if let rules = queue.routingRules {
            guard rules.count <= 6 else { throw APIError.invalidValue(field: "routingRules", "A queue has at most 6 routing rules, got \(rules.count)") }
            for (index, rule) in rules.enumerated() { try requireKnown(rule.operator, field: "routingRules[\(index)].operator") }
        }
        try validateMemberGroups(queue.memberGroups, field: "memberGroups")
        if let rings = queue.bullseye?.rings {
            guard rings.count <= 6 else { throw APIError.invalidValue(field: "bullseye.rings", "A bullseye has at most 6 rings, got \(rings.count)") }
            for (index, ring) in rings.enumerated() {
                try validateMemberGroups(ring.memberGroups, field: "bullseye.rings[\(index)].memberGroups")
            }
        }
        try validateQueueSettings(queue, id: id)
        return (name, division)
    }

    func requireKnown<E: GenesysEnum>(_ value: E?, field: String) throws {
        guard let value, !value.isKnown else { return }
        throw APIError.invalidValue(
            field: field, "\(field) must be one of \(E.knownCases.map(\.rawValue).joined(separator: ", ")), got \"\(value.rawValue)\""
        )
    }

    func validateMemberGroups(_ groups: [MemberGroup]?, field: String) throws {
        for (index, group) in (groups ?? []).enumerated() {
            let path = "\(field)[\(index)]"
            guard let id = group.id, !id.isEmpty else { throw APIError.required("\(path).id") }
            guard let type = group.type else { throw APIError.required("\(path).type") }
            try requireKnown(type, field: "\(path).type")
            if type == .skillGroup, skillGroupPosition(id) == nil {
                throw APIError.invalidValue(field: "\(path).id", "The skill group \(id) does not exist", entityId: id)
            }
        }
    }

    /// The stored form of a queue body: the same JSON fields, without the read-only ones.
    static func storedQueue(_ request: QueueRequest, id: String, division: String) throws -> RoutingQueue {
        let data = try GenesysJSON.makeEncoder().encode(request)
        var queue = try GenesysJSON.makeDecoder().decode(RoutingQueue.self, from: data)
        queue.id = id
        queue.division = Division(id: division)
        queue.memberCount = nil
        queue.userMemberCount = nil
        queue.joinedMemberCount = nil
        queue.selfUri = "/api/v2/routing/queues/\(id)"
        // Member groups (the queue's, rings' and rules') are rendered with names and counts; store {id, type}.
        return mappingMemberGroups(queue, storedGroups)
    }

    /// `base` with every field `overlay` sets replacing base's (JSON objects merged at the top level).
    static func merged(_ base: QueueRequest, _ overlay: QueueRequest) throws -> QueueRequest {
        let encoder = GenesysJSON.makeEncoder()
        guard var object = try JSONSerialization.jsonObject(with: encoder.encode(base)) as? [String: Any],
              let top = try JSONSerialization.jsonObject(with: encoder.encode(overlay)) as? [String: Any] else { return overlay }
        for (key, value) in top { object[key] = value }
        return try GenesysJSON.makeDecoder().decode(QueueRequest.self, from: JSONSerialization.data(withJSONObject: object))
    }

    // MARK: - Handlers

    /// `GET /api/v2/routing/queues`: `name` matches the whole name case-insensitively, with `*` allowed at
    /// the start and/or end; `id` and `divisionId` filters; sorted by name (`sortOrder` asc or desc).
    func listQueues(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = Set(request.values("id"))
        let divisions = Set(request.values("divisionId"))
        let name = request.value("name")
        let descending = try request.oneOf("sortOrder", ["asc", "desc"], default: "asc") == "desc"
        var queues = state.queues
            .filter { isIndexed($0.queue.id) }
            .filter { ids.isEmpty || ids.contains($0.queue.id ?? "") }
            .filter { divisions.isEmpty || divisions.contains("*") || divisions.contains($0.queue.division?.id ?? "") }
            .filter { NameFilter.wildcard($0.queue.name, name) }
            .sorted { NameFilter.ordered(($0.queue.name, $0.queue.id), ($1.queue.name, $1.queue.id)) }
        if descending { queues.reverse() }
        return .json(try Paging.pageA(queues, request, render: render))
    }

    /// `POST /api/v2/routing/queues`: `sourceQueueId` copies the source queue's settings, and the fields
    /// the request sets replace the copied ones.
    mutating func createQueue(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(CreateQueueRequest.self)
        var queue = body.queue
        if let sourceID = body.sourceQueueId, !sourceID.isEmpty {
            guard let source = queuePosition(sourceID).map({ state.queues[$0] }) else {
                throw APIError.invalidValue(field: "sourceQueueId", "The source queue \(sourceID) does not exist", entityId: sourceID)
            }
            var copied = QueueRequest(source.queue)
            copied.name = nil
            copied.description = nil
            copied.dateCreated = nil
            copied.dateModified = nil
            copied.createdBy = nil
            copied.modifiedBy = nil
            queue = try Self.merged(copied, queue)
        }
        let (name, division) = try validateQueue(queue, excluding: nil)
        queue.name = name
        let id = state.makeID()
        var stored = try Self.storedQueue(queue, id: id, division: division)
        let date = currentDate()
        stored.dateCreated = date
        stored.dateModified = date
        stored.createdBy = nil
        stored.modifiedBy = nil
        let record = FakeOrgState.QueueRecord(queue: stored)
        state.queues.append(record)
        markCreated(id)
        return .json(render(record))
    }

    /// `GET /api/v2/routing/queues/{queueId}`.
    func getQueue(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(render(state.queues[try queueIndex(request.param("queueId"))]))
    }

    /// `PUT /api/v2/routing/queues/{queueId}`: a full replacement (fields left out are cleared; see
    /// ``validateQueueSettings(_:id:)`` for why).
    mutating func updateQueue(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("queueId")
        let index = try queueIndex(id)
        let body = try request.decode(QueueRequest.self)
        let (_, division) = try validateQueue(body, excluding: id)
        var stored = try Self.storedQueue(body, id: id, division: division)
        stored.dateCreated = state.queues[index].queue.dateCreated
        stored.createdBy = state.queues[index].queue.createdBy
        stored.dateModified = currentDate()
        stored.modifiedBy = nil
        state.queues[index].queue = stored
        return .json(render(state.queues[index]))
    }

    /// `DELETE /api/v2/routing/queues/{queueId}` (`forceDelete` accepted and ignored).
    mutating func deleteQueue(_ request: FakeHTTPRequest) throws -> FakeResponse {
        _ = try request.bool("forceDelete")
        state.queues.remove(at: try queueIndex(request.param("queueId")))
        return .empty()
    }

    // MARK: - Queue wrap-up codes

    /// `GET …/queues/{queueId}/wrapupcodes`: `name` is a case-insensitive prefix (trailing `*` allowed).
    func listQueueWrapupCodes(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let record = state.queues[try queueIndex(request.param("queueId"))]
        let name = request.value("name")
        let codes = record.wrapupCodeIDs
            .compactMap { id in state.wrapupCodes.first { $0.id == id } }
            .filter { NameFilter.prefix($0.name, name) }
            .sorted { NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
            .map(render)
        return .json(try Paging.pageA(codes, request))
    }

    /// `POST …/queues/{queueId}/wrapupcodes`: at most 100 codes; answers the codes as a plain array.
    mutating func addQueueWrapupCodes(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try queueIndex(request.param("queueId"))
        let body = try request.decode([WrapUpCodeReference].self)
        guard body.count <= 100 else { throw APIError.tooMany(body.count, limit: 100, what: "wrap-up codes") }
        var added: [WrapupCode] = []
        for (position, reference) in body.enumerated() {
            guard let id = reference.id, !id.isEmpty else { throw APIError.required("[\(position)].id") }
            guard let code = state.wrapupCodes.first(where: { $0.id == id }) else {
                throw APIError.invalidValue(field: "[\(position)].id", "The wrap-up code \(id) does not exist", entityId: id)
            }
            if !added.contains(where: { $0.id == id }) { added.append(render(code)) }
        }
        for code in added where !state.queues[index].wrapupCodeIDs.contains(code.id ?? "") {
            state.queues[index].wrapupCodeIDs.append(code.id ?? "")
        }
        return .json(added)
    }

    /// `DELETE …/queues/{queueId}/wrapupcodes/{codeId}`.
    mutating func removeQueueWrapupCode(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try queueIndex(request.param("queueId"))
        let codeID = request.param("codeId")
        guard state.queues[index].wrapupCodeIDs.contains(codeID) else {
            throw APIError.notFound("wrap-up code on this queue", id: codeID)
        }
        state.queues[index].wrapupCodeIDs.removeAll { $0 == codeID }
        return .empty()
    }
}
