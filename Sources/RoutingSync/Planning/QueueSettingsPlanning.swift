import RoutingModels

/// The planner's side of queue settings: resolving the names they use and planning what to write.
extension Planner {
    /// Names ↔ ids for reading queue settings from the org: a declared queue or skill group shows under its
    /// declared name (so renaming one with `previousNames` does not make every rule and ring that refers to
    /// it look changed: the id is the same), any other object under its name in the org.
    func queueReferenceTable(queueIDs: [String: Resolution]) -> QueueReferenceTable {
        var table = QueueReferenceTable()
        func declared(_ kind: QueueReferenceKind, _ ids: [String: Resolution]) {
            for (name, resolution) in ids.sorted(by: { $0.key < $1.key }) {
                if let id = resolution.id?.existingID { table.record(kind, name: name, id: id) }
            }
        }
        declared(.queue, queueIDs)
        declared(.skillGroup, skillGroupIDs)
        declared(.skill, skillIDs)
        table.record(current)
        return table
    }

    /// Resolves every name a queue's settings use, reporting each unknown, ambiguous or renamed-away one
    /// with the queue and the field. `nil` when one did not resolve.
    mutating func resolveSettings(
        _ spec: QueueSpec, object: String, queueIDs: [String: Resolution], queueIndex: NameIndex<QueueSnapshot>
    ) -> [QueueReferenceKind: [String: ObjectID]]? {
        let references = spec.settings.references
        guard !references.isEmpty else { return [:] }
        let groupIndex = current.skillGroups.map { NameIndex($0, name: \.group.name) }
        let skillIndex = current.skills.map { NameIndex($0, name: \.name) }
        var resolved: [QueueReferenceKind: [String: ObjectID]] = [:]
        var complete = true
        for reference in references {
            if let newName = renamedAway(reference) {
                report(.unresolvedReference, object: object, field: reference.field,
                       "\(reference.kind.rawValue) '\(reference.name)' is renamed to '\(newName)' in this file (previousNames); refer to it as '\(newName)'")
                complete = false
                continue
            }
            let target: Resolution
            switch reference.kind {
            case .queue:
                target = self.reference(reference.name, declared: queueIDs, index: queueIndex, kind: "queue", object: object,
                                        field: reference.field, id: \.queue.id)
            case .skillGroup:
                target = self.reference(reference.name, declared: skillGroupIDs, index: groupIndex, kind: "skill group", object: object,
                                        field: reference.field, id: \.group.id)
            case .skill:
                target = self.reference(reference.name, declared: skillIDs, index: skillIndex, kind: "skill", object: object,
                                        field: reference.field, id: \.id)
            }
            guard let id = target.id else { complete = false; continue }
            resolved[reference.kind, default: [:]][reference.name] = id
        }
        return complete ? resolved : nil
    }

    /// The declared name of the queue or skill group a reference names by one of its `previousNames`.
    private func renamedAway(_ reference: QueueSettingsReference) -> String? {
        switch reference.kind {
        case .queue:
            guard !desired.queues.contains(where: { $0.name == reference.name }) else { return nil }
            return desired.queues.first { $0.previousNames.contains(reference.name) }?.name
        case .skillGroup:
            guard !desired.skillGroups.contains(where: { $0.name == reference.name }) else { return nil }
            return desired.skillGroups.first { $0.previousNames.contains(reference.name) }?.name
        case .skill:
            return nil
        }
    }

    /// What to write for a queue's settings: the changes, and the write (`nil` when nothing changes).
    /// - Parameters:
    ///   - spec: The declared queue.
    ///   - queue: The queue in the org; `nil` for a queue created in this run.
    ///   - resolved: The ids of the names the file's settings use (``resolveSettings(_:object:queueIDs:queueIndex:)``).
    ///   - table: Names ↔ ids for the settings read from the org.
    func planSettings(
        _ spec: QueueSpec, queue: RoutingQueue?, resolved: [QueueReferenceKind: [String: ObjectID]], table: QueueReferenceTable
    ) -> (fields: [FieldChange], write: QueueSettingsWrite?) {
        let current = queue.map { QueueSettings(queue: $0, table: table) } ?? QueueSettings()
        let result = QueueSettingsDiff.plan(desired: spec.settings, current: current)
        guard !result.fields.isEmpty else { return ([], nil) }
        var references: [QueueReferenceKind: [String: ObjectID]] = [:]
        for reference in result.merged.references {
            if let id = resolved[reference.kind]?[reference.name] ?? table.id(reference.kind, reference.name).map(ObjectID.existing) {
                references[reference.kind, default: [:]][reference.name] = id
            }
        }
        let later = (references[.queue] ?? [:]).filter { $0.value.createdRef != nil }.keys
        return (result.fields, QueueSettingsWrite(settings: result.merged, references: references, laterQueues: Set(later)))
    }
}

extension Planner {
    /// How each declared queue resolved (what settings that name it use).
    static func queueResolutions(_ specs: [QueueSpec], _ matches: [Match<QueueSnapshot>]) -> [String: Resolution] {
        var resolutions: [String: Resolution] = [:]
        for (spec, match) in zip(specs, matches) {
            switch match {
            case .ambiguous: resolutions[spec.name] = .ambiguous
            case .missing: resolutions[spec.name] = .resolved(.created(ObjectRef(kind: .queue, name: spec.name)))
            case .found(let snapshot): resolutions[spec.name] = snapshot.queue.id.map { .resolved(.existing($0)) } ?? .unresolved
            }
        }
        return resolutions
    }

    /// The step that writes a new queue's references to queues created in the same run, after every queue
    /// exists (so two queues that overflow to each other apply in one run).
    static func queueReferences(_ name: String, _ write: QueueSettingsWrite) -> PlannedChange {
        let early = write.settings.withoutReferences(toQueues: write.laterQueues)
        let queue = ObjectRef(kind: .queue, name: name)
        let others = write.laterQueues.subtracting([name]).sorted().map { ObjectRef(kind: .queue, name: $0) }
        return PlannedChange(
            action: .update, kind: .queue, name: name, existingID: nil,
            fields: QueueSettingsDiff.changes(from: early.tree, to: write.settings.tree), dependsOn: [queue] + others,
            operation: .writeQueueReferences(queue, write)
        )
    }
}
