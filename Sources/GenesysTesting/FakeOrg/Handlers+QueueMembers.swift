import Foundation
import RoutingModels

extension OrgEngine {
    /// One member of a queue: added directly, or through a skill group among the queue's `memberGroups`.
    struct MemberView {
        var userID: String
        var memberBy: QueueMemberBy
        var ringNumber: Int
        var joined: Bool
    }

    /// Every member of a queue: direct members first (in the order added), then members through the
    /// queue's SKILLGROUP member groups (joined, ring 1) who are not direct members. Groups of type GROUP
    /// or TEAM are accepted but not modelled, so they add nobody.
    func queueMembers(_ record: FakeOrgState.QueueRecord) -> [MemberView] {
        var views = record.members.map { MemberView(userID: $0.userID, memberBy: .user, ringNumber: $0.ringNumber, joined: $0.joined) }
        var seen = Set(views.map(\.userID))
        for group in record.queue.memberGroups ?? [] where group.type == .skillGroup {
            for userID in visibleMembers(ofGroup: group.id ?? "") where seen.insert(userID).inserted {
                views.append(MemberView(userID: userID, memberBy: .group, ringNumber: 1, joined: true))
            }
        }
        return views
    }

    func renderMember(_ view: MemberView, queueID: String, expand: [String]) -> QueueMember {
        let record = userPosition(view.userID).map { state.users[$0] }
        let wantsUser = expand.contains { $0 != "routingStatus" }
        return QueueMember(
            id: view.userID, name: record?.user.name,
            user: wantsUser ? record.map { renderUser($0, expand: expand) } : nil,
            ringNumber: view.ringNumber, joined: view.joined, memberBy: view.memberBy,
            routingStatus: expand.contains("routingStatus") ? RoutingStatus(userId: view.userID, status: .offQueue) : nil,
            selfUri: "/api/v2/users/\(view.userID)"
        )
    }

    /// `GET …/queues/{queueId}/members` (style B, `pageSize` ≤ 100): `memberBy`, `joined` and `name`
    /// (contains, case-insensitive) filters; sorted by name (`sortOrder` asc or desc).
    func listQueueMembers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let queueID = request.param("queueId")
        let record = state.queues[try queueIndex(queueID)]
        let memberBy = try request.oneOf("memberBy", ["user", "group"])
        let joined = try request.bool("joined")
        let name = request.value("name")?.lowercased()
        let descending = try request.oneOf("sortOrder", ["asc", "desc"], default: "asc") == "desc"
        let expand = request.values("expand")
        // Each member's name (nil for a user that does not exist or has none), looked up once.
        var members = queueMembers(record)
            .filter { memberBy == nil || $0.memberBy.rawValue == memberBy }
            .filter { joined == nil || $0.joined == joined }
            .map { (view: $0, name: userPosition($0.userID).flatMap { state.users[$0].user.name }) }
            .filter { name == nil || ($0.name?.lowercased().contains(name!) ?? false) }
            .sorted { NameFilter.ordered(($0.name, $0.view.userID), ($1.name, $1.view.userID)) }
            .map(\.view)
        if descending { members.reverse() }
        return .json(try Paging.pageB(members.map { renderMember($0, queueID: queueID, expand: expand) }, request))
    }

    /// `POST …/queues/{queueId}/members` (`delete=true` removes): at most 100 users; unknown users are a
    /// 400; adding a member twice or removing a non-member is a no-op. New members are joined, ring 1.
    mutating func addOrRemoveQueueMembers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try queueIndex(request.param("queueId"))
        let remove = try request.bool("delete") ?? false
        let body = try request.decode([WritableEntity].self)
        guard body.count <= 100 else { throw APIError.tooMany(body.count, limit: 100, what: "members") }
        var ids: [String] = []
        for (position, entity) in body.enumerated() {
            guard let id = entity.id, !id.isEmpty else { throw APIError.required("[\(position)].id") }
            guard userPosition(id) != nil else {
                throw APIError.invalidValue(field: "[\(position)].id", "The user \(id) does not exist", entityId: id)
            }
            ids.append(id)
        }
        if remove {
            let gone = Set(ids)
            state.queues[index].members.removeAll { gone.contains($0.userID) }
        } else {
            var present = Set(state.queues[index].members.map(\.userID))
            for id in ids where present.insert(id).inserted {
                state.queues[index].members.append(FakeOrgState.QueueMemberRecord(userID: id))
            }
        }
        return .empty()
    }

    /// `PATCH …/queues/{queueId}/members`: joins or unjoins at most 100 direct members; other users are
    /// ignored. Answers the updated members.
    mutating func updateQueueMembers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let queueID = request.param("queueId")
        let index = try queueIndex(queueID)
        let body = try request.decode([QueueMember].self)
        guard body.count <= 100 else { throw APIError.tooMany(body.count, limit: 100, what: "members") }
        var updated: [MemberView] = []
        for (position, member) in body.enumerated() {
            guard let id = member.id, !id.isEmpty else { throw APIError.required("[\(position)].id") }
            guard let memberIndex = state.queues[index].members.firstIndex(where: { $0.userID == id }) else { continue }
            if let joined = member.joined { state.queues[index].members[memberIndex].joined = joined }
            let stored = state.queues[index].members[memberIndex]
            updated.append(MemberView(userID: id, memberBy: .user, ringNumber: stored.ringNumber, joined: stored.joined))
        }
        let entities = updated.map { renderMember($0, queueID: queueID, expand: []) }
        let link = "/api/v2/routing/queues/\(URIEncoding.encode(queueID))/members"
        return .json(QueueMemberEntityListing(entities: entities, pageNumber: 1, pageSize: max(1, entities.count), firstUri: link, selfUri: link))
    }

    /// `PATCH …/queues/{queueId}/members/{memberId}`: `ringNumber` (1–6) and/or `joined` of one direct
    /// member; 202 without a body.
    mutating func updateQueueMember(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try queueIndex(request.param("queueId"))
        let userID = request.param("memberId")
        guard let memberIndex = state.queues[index].members.firstIndex(where: { $0.userID == userID }) else {
            throw APIError.notFound("queue member", id: userID)
        }
        let body = try request.decode(QueueMember.self)
        if let ring = body.ringNumber {
            guard (1...6).contains(ring) else { throw APIError.invalidValue(field: "ringNumber", "ringNumber must be from 1 to 6, got \(ring)") }
            state.queues[index].members[memberIndex].ringNumber = ring
        }
        if let joined = body.joined { state.queues[index].members[memberIndex].joined = joined }
        return .empty(status: 202)
    }

    /// `DELETE …/queues/{queueId}/members/{memberId}`: removes one direct member.
    mutating func removeQueueMember(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try queueIndex(request.param("queueId"))
        let userID = request.param("memberId")
        guard state.queues[index].members.contains(where: { $0.userID == userID }) else {
            throw APIError.notFound("queue member", id: userID)
        }
        state.queues[index].members.removeAll { $0.userID == userID }
        return .empty()
    }
}
