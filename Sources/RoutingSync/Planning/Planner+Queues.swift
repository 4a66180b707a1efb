import RoutingModels

extension Planner {
    // MARK: - Queues

    /// What a declared queue refers to, resolved before it is compared.
    struct QueueTargets {
        /// The division it is managed into (its own or the file's default); `nil` when not managed.
        var division: ManagedDivision?
        /// Its `SKILLGROUP` member groups; `nil` when the file does not manage them.
        var skillGroups: [ObjectID]?
        /// Its wrap-up codes; `nil` when not managed.
        var wrapupCodes: [ObjectID]?
        /// Its members' user ids; `nil` when not managed.
        var memberIDs: [String]?
        /// Objects created in this plan that the queue needs first.
        var dependsOn: [ObjectRef] = []
        /// The ids of the names its settings use (`QueueSettingsPlanning.swift`).
        var settings: [QueueReferenceKind: [String: ObjectID]] = [:]
        /// Whether every reference resolved (the problems are reported).
        var resolved = true
    }

    mutating func planQueues() {
        guard !desired.queues.isEmpty else { return }
        guard let queues = requireSnapshot(current.queues, "queues", object: "queues") else { return }
        let index = NameIndex(queues, name: \.queue.name)
        let groupIndex = current.skillGroups.map { NameIndex($0, name: \.group.name) }
        let codeIndex = current.wrapupCodes.map { NameIndex($0, name: \.name) }
        let users = desired.queues.contains { $0.members != nil } ? userIndex : nil
        if users == nil, desired.queues.contains(where: { $0.members != nil }) {
            report(.invalidValue, object: "queues", field: nil, "the org snapshot does not include users")
            return
        }

        // Identity first, so settings can refer to any declared queue (created in this run or not).
        let matches = desired.queues.map { spec in
            match(spec.name, previousNames: spec.previousNames, in: index, kind: "queue", object: "queues[\(spec.name)]", id: \.queue.id)
        }
        let queueIDs = Self.queueResolutions(desired.queues, matches)
        let table = queueReferenceTable(queueIDs: queueIDs)

        for (spec, match) in zip(desired.queues, matches) {
            let object = "queues[\(spec.name)]"
            var targets = QueueTargets(division: managedDivision(spec.division, object: object))
            if let settings = resolveSettings(spec, object: object, queueIDs: queueIDs, queueIndex: index) {
                targets.settings = settings
            } else {
                targets.resolved = false
            }
            targets.skillGroups = spec.skillGroups.map { names in
                references(names, declared: skillGroupIDs, index: groupIndex, kind: "skill group", object: object,
                           field: "skillGroups", id: \.group.id, resolved: &targets.resolved, dependsOn: &targets.dependsOn)
            }
            targets.wrapupCodes = spec.wrapupCodes.map { names in
                references(names, declared: wrapupCodeIDs, index: codeIndex, kind: "wrap-up code", object: object,
                           field: "wrapupCodes", id: \.id, resolved: &targets.resolved, dependsOn: &targets.dependsOn)
            }
            if let references = spec.members, let users {
                var ids: [String] = []
                for (position, reference) in references.enumerated() {
                    guard let agent = user(reference, index: users, object: object, field: "members[\(position)]") else {
                        targets.resolved = false
                        continue
                    }
                    if !ids.contains(agent.userID) { ids.append(agent.userID) }
                }
                targets.memberIDs = ids
            }
            if let media = spec.mediaSettings, (try? media.decoded(as: QueueMediaSettings.self)) == nil {
                report(.invalidValue, object: object, field: "mediaSettings", "could not be read as QueueMediaSettings")
                targets.resolved = false
            }

            switch match {
            case .ambiguous:
                continue
            case .missing:
                guard targets.resolved else { continue }
                planQueueCreate(spec, object: object, targets: targets, table: table)
            case .found(let snapshot):
                guard let id = snapshot.queue.id else { continue }
                claimed.insert(id)
                guard targets.resolved else { continue }
                planQueueUpdate(spec, snapshot: snapshot, id: id, object: object, targets: targets, table: table)
            }
        }
        // References to queues created in this run: after every queue create and update.
        changes += queueReferenceChanges
        queueReferenceChanges = []
    }

    mutating func planQueueCreate(_ spec: QueueSpec, object: String, targets: QueueTargets, table: QueueReferenceTable) {
        var diff = FieldDiff(creating: QueueRequest(name: spec.name))
        guard compareQueueFields(spec, current: nil, object: object, division: targets.division, into: &diff) else { return }
        if let names = spec.skillGroups {
            diff.record(FieldChange(field: "skillGroups", from: nil, to: Self.names(names)), changesBody: false)
        }
        if let references = spec.members {
            diff.record(FieldChange(field: "members", from: nil, to: Self.names(references.map(\.description))), changesBody: false)
        }
        if let names = spec.wrapupCodes {
            diff.record(FieldChange(field: "wrapupCodes", from: nil, to: Self.names(names)), changesBody: false)
        }
        let settings = planSettings(spec, queue: nil, resolved: targets.settings, table: table)
        for field in settings.fields { diff.record(field, changesBody: false) }
        let write = QueueWrite(
            request: diff.body, skillGroups: targets.skillGroups, addMembers: targets.memberIDs ?? [], removeMembers: [],
            addWrapupCodes: targets.wrapupCodes ?? [], removeWrapupCodes: [], settings: settings.write
        )
        changes.append(PlannedChange(
            action: .create, kind: .queue, name: spec.name, existingID: nil, fields: diff.fields,
            dependsOn: targets.dependsOn + (settings.write?.createdDependencies ?? []), operation: .createQueue(write)
        ))
        if let later = settings.write, !later.laterQueues.isEmpty {
            queueReferenceChanges.append(Self.queueReferences(spec.name, later))
        }
    }

    mutating func planQueueUpdate(
        _ spec: QueueSpec, snapshot: QueueSnapshot, id: String, object: String, targets: QueueTargets, table: QueueReferenceTable
    ) {
        let queue = snapshot.queue
        var diff = FieldDiff(updating: QueueRequest.writable(from: queue))
        diff.compare("name", \.name, current: queue.name, desired: spec.name, shown: ConfigValue.shown)
        guard compareQueueFields(spec, current: queue, object: object, division: targets.division, into: &diff) else { return }

        // Member groups: only the SKILLGROUP ones are managed (sent with the PUT).
        var skillGroups: [ObjectID]?
        if let wanted = targets.skillGroups {
            let currentGroups = (queue.memberGroups ?? []).filter { $0.type == .skillGroup }
            let currentIDs = Set(currentGroups.compactMap(\.id))
            let wantedIDs = Set(wanted.compactMap(\.existingID))
            if wanted.contains(where: { $0.createdRef != nil }) || wantedIDs != currentIDs {
                let currentNames = currentGroups.map { group in
                    current.skillGroups?.first { $0.group.id == group.id }?.group.name ?? group.name ?? group.id ?? "?"
                }
                diff.record(
                    FieldChange(field: "skillGroups", from: Self.names(currentNames), to: Self.names(spec.skillGroups ?? [])),
                    changesBody: true
                )
                skillGroups = wanted
            }
        }

        // Members and wrap-up codes: their own requests.
        var addMembers: [String] = []
        var removeMembers: [String] = []
        if let wanted = targets.memberIDs {
            guard let have = snapshot.memberIDs else {
                report(.invalidValue, object: object, field: "members", "the org snapshot does not include this queue's members")
                return
            }
            let haveSet = Set(have)
            addMembers = wanted.filter { !haveSet.contains($0) }
            if desired.policy.queueMembers == .authoritative {
                let wantedSet = Set(wanted)
                removeMembers = have.filter { !wantedSet.contains($0) }
            }
            if !addMembers.isEmpty || !removeMembers.isEmpty {
                let removed = Set(removeMembers)
                let result = have.filter { !removed.contains($0) } + addMembers
                diff.record(
                    FieldChange(field: "members", from: Self.names(have.map(userName)), to: Self.names(result.map(userName))),
                    changesBody: false
                )
            }
        }
        var addCodes: [ObjectID] = []
        var removeCodes: [String] = []
        if let wanted = targets.wrapupCodes {
            guard let have = snapshot.wrapupCodeIDs else {
                report(.invalidValue, object: object, field: "wrapupCodes", "the org snapshot does not include this queue's wrap-up codes")
                return
            }
            let haveSet = Set(have)
            addCodes = wanted.filter { target in target.existingID.map { !haveSet.contains($0) } ?? true }
            let wantedIDs = Set(wanted.compactMap(\.existingID))
            removeCodes = have.filter { !wantedIDs.contains($0) }
            if !addCodes.isEmpty || !removeCodes.isEmpty {
                let codeName: (String) -> String = { id in self.current.wrapupCodes?.first { $0.id == id }?.name ?? id }
                diff.record(
                    FieldChange(field: "wrapupCodes", from: Self.names(have.map(codeName)), to: Self.names(spec.wrapupCodes ?? [])),
                    changesBody: false
                )
            }
        }

        // Every other setting (`QueueSettingsPlanning.swift`): written into the body when the PUT runs.
        let settings = planSettings(spec, queue: queue, resolved: targets.settings, table: table)
        for field in settings.fields { diff.record(field, changesBody: true) }

        if diff.fields.isEmpty {
            unchanged.append(ObjectRef(kind: .queue, name: spec.name))
            return
        }
        let write = QueueWrite(
            request: diff.bodyChanged ? diff.body : nil, skillGroups: skillGroups, addMembers: addMembers,
            removeMembers: removeMembers, addWrapupCodes: addCodes, removeWrapupCodes: removeCodes, settings: settings.write
        )
        let later = (settings.write?.laterQueues ?? []).sorted().map { ObjectRef(kind: .queue, name: $0) }
        let change = PlannedChange(
            action: .update, kind: .queue, name: spec.name, existingID: id, fields: diff.fields,
            dependsOn: targets.dependsOn + (settings.write?.createdDependencies ?? []) + later, operation: .updateQueue(id: id, write)
        )
        // A queue that refers to queues created in this run is updated once every queue exists.
        if later.isEmpty {
            changes.append(change)
        } else {
            queueReferenceChanges.append(change)
        }
    }
}
