import GenesysCore
import GenesysRouting
import RoutingModels

/// The writes of skill groups, queues and agents: several requests per change, ids of objects created
/// earlier in the run filled in from ``ApplyProgress``.
extension ChangeExecutor {
    // MARK: - Skill groups

    func createSkillGroup(_ write: SkillGroupWrite, change: PlannedChange) async throws {
        let routing = self.routing
        let group = write.group
        let body = SkillGroupWithMemberDivisions(
            name: group.name, division: group.division, description: group.description,
            skillConditions: group.skillConditions, memberDivisions: write.memberDivisionIDs
        )
        let name = group.name ?? change.name
        let id = try await untilConsistent(mentioning: write.newSkillNames) {
            try await adoption.create(name: name) {
                try await routing.createSkillGroup(body, logger: logger).id
            } find: {
                try await routing.findSkillGroup(named: name, logger: logger)?.id
            }
        }
        await progress.register(change.object, id: id)
        await progress.touched(group: id)
    }

    func updateSkillGroup(id: String, _ write: SkillGroupWrite) async throws {
        let routing = self.routing
        if write.patch {
            var group = write.group
            if write.needsCurrentConditions {
                group.skillConditions = try await routing.getSkillGroup(id: id, logger: logger).skillConditions
            }
            let body = group
            _ = try await untilConsistent(mentioning: write.newSkillNames, idempotent: true) {
                try await routing.updateSkillGroup(id: id, body, logger: logger)
            }
        }
        if !write.addMemberDivisions.isEmpty || !write.removeMemberDivisions.isEmpty {
            try await routing.updateSkillGroupMemberDivisions(
                skillGroupID: id, add: write.addMemberDivisions, remove: write.removeMemberDivisions, logger: logger)
        }
        await progress.touched(group: id)
    }

    // MARK: - Queues

    func createQueue(_ write: QueueWrite, change: PlannedChange) async throws {
        let routing = self.routing
        guard var request = write.request else { return }
        // Every other setting; references to queues created in this run come later (`writeQueueReferences`).
        try await write.settings?.write(into: &request, withoutLaterQueues: true) { try await progress.id(of: $0) }
        if let groups = write.skillGroups {
            let others = (request.memberGroups ?? []).filter { $0.type != .skillGroup }
            request.memberGroups = others + (try await skillGroupMembers(groups))
        }
        let body = CreateQueueRequest(queue: request)
        let name = change.name
        let id = try await untilConsistent(mentioning: []) {
            try await adoption.create(name: name) {
                try await routing.createQueue(body, logger: logger).id
            } find: {
                try await routing.findQueue(named: name, logger: logger)?.id
            }
        }
        await progress.register(change.object, id: id)
        try await queueMembership(queueID: id, write)
    }

    func updateQueue(id: String, _ write: QueueWrite) async throws {
        let routing = self.routing
        if var request = write.request {
            try await write.settings?.write(into: &request, withoutLaterQueues: false) { try await progress.id(of: $0) }
            if let groups = write.skillGroups {
                let others = (request.memberGroups ?? []).filter { $0.type != .skillGroup }
                request.memberGroups = others + (try await skillGroupMembers(groups))
            }
            let body = request
            _ = try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.updateQueue(id: id, body, logger: logger)
            }
        }
        try await queueMembership(queueID: id, write)
    }

    /// A queue created in this run gets its references to queues created in the same run: read, then `PUT`
    /// with every setting (the queues it names exist by now).
    func writeQueueReferences(_ queue: ObjectRef, _ write: QueueSettingsWrite) async throws {
        let routing = self.routing
        let id = try await progress.id(of: .created(queue))
        _ = try await untilConsistent(mentioning: [], idempotent: true) {
            var request = QueueRequest.writable(from: try await routing.getQueue(id: id, logger: logger))
            try await write.write(into: &request, withoutLaterQueues: false) { try await progress.id(of: $0) }
            return try await routing.updateQueue(id: id, request, logger: logger)
        }
    }

    /// The `SKILLGROUP` member groups for these skill groups.
    private func skillGroupMembers(_ groups: [ObjectID]) async throws -> [MemberGroup] {
        try await groups.asyncMap { MemberGroup(id: try await progress.id(of: $0), type: .skillGroup) }
    }

    /// Members and wrap-up codes: their own requests, after the queue exists.
    private func queueMembership(queueID: String, _ write: QueueWrite) async throws {
        let routing = self.routing
        if !write.addMembers.isEmpty {
            try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.addQueueMembers(queueID: queueID, userIDs: write.addMembers, logger: logger)
            }
        }
        if !write.removeMembers.isEmpty {
            try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.removeQueueMembers(queueID: queueID, userIDs: write.removeMembers, logger: logger)
            }
        }
        if !write.addWrapupCodes.isEmpty {
            let ids = try await write.addWrapupCodes.asyncMap { try await progress.id(of: $0) }
            _ = try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.addQueueWrapupCodes(queueID: queueID, codeIDs: ids, logger: logger)
            }
        }
        for codeID in write.removeWrapupCodes {
            try await deleting { try await routing.removeQueueWrapupCode(queueID: queueID, codeID: codeID, logger: logger) }
        }
    }

    // MARK: - Agents

    func updateAgent(_ write: AgentWrite) async throws {
        let routing = self.routing
        let userID = write.userID
        if let skills = write.replaceSkills {
            let posts = try await skillPosts(skills)
            _ = try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.replaceUserRoutingSkills(userID: userID, posts, logger: logger)
            }
        } else if !write.upsertSkills.isEmpty {
            let posts = try await skillPosts(write.upsertSkills)
            _ = try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.addOrUpdateUserRoutingSkills(userID: userID, posts, logger: logger)
            }
        }
        if !write.upsertLanguages.isEmpty {
            let posts = try await write.upsertLanguages.asyncMap {
                UserRoutingLanguagePost(id: try await progress.id(of: $0.target), proficiency: $0.proficiency)
            }
            _ = try await untilConsistent(mentioning: [], idempotent: true) {
                try await routing.addOrUpdateUserRoutingLanguages(userID: userID, posts, logger: logger)
            }
        }
        for languageID in write.removeLanguages {
            try await deleting { try await routing.removeUserRoutingLanguage(userID: userID, languageID: languageID, logger: logger) }
        }
    }

    private func skillPosts(_ assignments: [Assignment]) async throws -> [UserRoutingSkillPost] {
        try await assignments.asyncMap { UserRoutingSkillPost(id: try await progress.id(of: $0.target), proficiency: $0.proficiency) }
    }
}
