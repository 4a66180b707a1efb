import RoutingModels

extension Planner {
    // MARK: - Skill groups

    mutating func planSkillGroups() {
        guard !desired.skillGroups.isEmpty else { return }
        guard let groups = requireSnapshot(current.skillGroups, "skill groups", object: "skillGroups") else { return }
        let index = NameIndex(groups, name: \.group.name)
        let skillIndex = current.skills.map { NameIndex($0, name: \.name) }
        let languageIndex = current.languages.map { NameIndex($0, name: \.name) }

        for spec in desired.skillGroups {
            let object = "skillGroups[\(spec.name)]"
            let division = managedDivision(spec.division, object: object)

            // References in the conditions.
            var references = ConditionReferences()
            if let conditions = spec.conditions {
                walkLeaves(conditions, field: "conditions") { planner, kind, name, field in
                    let resolution = switch kind {
                    case .skill:
                        planner.reference(name, declared: planner.skillIDs, index: skillIndex, kind: "skill",
                                          object: object, field: field, id: \.id)
                    case .language:
                        planner.reference(name, declared: planner.languageIDs, index: languageIndex, kind: "language",
                                          object: object, field: field, id: \.id)
                    }
                    references.note(resolution, name: name)
                }
            }

            // Member divisions.
            var memberDivisionIDs: [String]?
            if let names = spec.memberDivisions {
                var ids: [String] = []
                for (position, name) in names.enumerated() {
                    if name == "*" {
                        ids.append("*")
                    } else if let id = divisionID(name, object: object, field: "memberDivisions[\(position)]") {
                        ids.append(id)
                    }
                }
                memberDivisionIDs = ids
            }

            switch match(spec.name, previousNames: spec.previousNames, in: index, kind: "skill group", object: object, id: \.group.id) {
            case .ambiguous:
                skillGroupIDs[spec.name] = .ambiguous
            case .missing:
                skillGroupIDs[spec.name] = .resolved(.created(ObjectRef(kind: .skillGroup, name: spec.name)))
                planSkillGroupCreate(spec, object: object, division: division, references: references, memberDivisionIDs: memberDivisionIDs)
            case .found(let snapshot):
                guard let id = snapshot.group.id else { continue }
                claimed.insert(id)
                skillGroupIDs[spec.name] = .resolved(.existing(id))
                guard references.resolved else { continue }
                planSkillGroupUpdate(
                    spec, snapshot: snapshot, id: id, object: object, division: division, references: references,
                    memberDivisionIDs: memberDivisionIDs
                )
            }
        }
    }

    /// What a skill group's conditions refer to.
    struct ConditionReferences {
        /// Whether every skill and language resolved.
        var resolved = true
        /// Skills and languages created in this plan that the group needs first.
        var dependsOn: [ObjectRef] = []
        /// Their names (a 400 naming one of them is retried while the org catches up).
        var newNames: [String] = []

        mutating func note(_ resolution: Resolution, name: String) {
            guard let target = resolution.id else {
                resolved = false
                return
            }
            if let ref = target.createdRef {
                if !dependsOn.contains(ref) { dependsOn.append(ref) }
                if !newNames.contains(name) { newNames.append(name) }
            }
        }
    }

    mutating func planSkillGroupCreate(
        _ spec: SkillGroupSpec, object: String, division: ManagedDivision?, references: ConditionReferences,
        memberDivisionIDs: [String]?
    ) {
        guard let conditions = spec.conditions, !conditions.isEmpty else {
            report(.missingField, object: object, field: "conditions",
                   "is required to create the skill group (it does not exist in the org yet)")
            return
        }
        guard references.resolved else { return }
        var diff = FieldDiff(creating: SkillGroup(name: spec.name, skillConditions: ConditionCanon.normalized(conditions)))
        diff.compare("description", \.description, current: nil, desired: spec.description, shown: ConfigValue.shown)
        if let division {
            diff.record(FieldChange(field: "division", from: nil, to: .string(division.name)), changesBody: true)
            diff.body.division = division.id.map { Division(id: $0) }
        }
        if let names = spec.memberDivisions {
            diff.record(FieldChange(field: "memberDivisions", from: nil, to: Self.names(names)), changesBody: false)
        }
        diff.record(
            FieldChange(field: "conditions", from: nil, to: .array(conditions.map(DesiredStateWriter.configValue(of:)))),
            changesBody: true
        )
        let write = SkillGroupWrite(
            group: diff.body, patch: true, needsCurrentConditions: false, memberDivisionIDs: memberDivisionIDs,
            addMemberDivisions: [], removeMemberDivisions: [], newSkillNames: references.newNames
        )
        changes.append(PlannedChange(
            action: .create, kind: .skillGroup, name: spec.name, existingID: nil, fields: diff.fields,
            dependsOn: references.dependsOn, operation: .createSkillGroup(write)
        ))
    }

    mutating func planSkillGroupUpdate(
        _ spec: SkillGroupSpec, snapshot: SkillGroupSnapshot, id: String, object: String, division: ManagedDivision?,
        references: ConditionReferences, memberDivisionIDs: [String]?
    ) {
        let group = snapshot.group
        var diff = FieldDiff(updating: group)
        diff.compare("name", \.name, current: group.name, desired: spec.name, shown: ConfigValue.shown)
        diff.compare("description", \.description, current: group.description, desired: spec.description, absent: "",
                     shown: ConfigValue.shown)
        diff.compare("division", current: group.division?.id, desired: division?.id, shown: shownDivision) {
            $0.division = Division(id: $1)
        }
        if let conditions = spec.conditions {
            if !snapshot.conditionsRead {
                report(.invalidValue, object: object, field: "conditions", "the org snapshot does not include this skill group's conditions")
                return
            }
            if ConditionCanon.key(conditions) != ConditionCanon.key(group.skillConditions) {
                diff.record(FieldChange(
                    field: "conditions",
                    from: .array((group.skillConditions ?? []).map(DesiredStateWriter.configValue(of:))),
                    to: .array(conditions.map(DesiredStateWriter.configValue(of:)))
                ), changesBody: true)
                diff.body.skillConditions = ConditionCanon.normalized(conditions)
            }
        }
        var add: [String] = []
        var remove: [String] = []
        if let wanted = memberDivisionIDs, spec.memberDivisions != nil {
            guard let currentIDs = snapshot.memberDivisionIDs else {
                report(.invalidValue, object: object, field: "memberDivisions", "the org snapshot does not include this skill group's member divisions")
                return
            }
            // The API always counts the group's own division as a member division, and `*` means every division.
            var target = Set(wanted.filter { $0 != "*" })
            if wanted.contains("*") { target.formUnion((current.divisions ?? []).compactMap(\.id)) }
            if let own = diff.body.division?.id { target.insert(own) }
            let have = Set(currentIDs)
            add = wanted.contains("*") && !target.subtracting(have).isEmpty ? ["*"] : target.subtracting(have).sorted()
            remove = have.subtracting(target).sorted()
            if !add.isEmpty || !remove.isEmpty {
                diff.record(FieldChange(
                    field: "memberDivisions",
                    from: Self.names(currentIDs.compactMap(divisionName)),
                    to: Self.names(target.compactMap(divisionName))
                ), changesBody: false)
            }
        }
        if diff.fields.isEmpty {
            unchanged.append(ObjectRef(kind: .skillGroup, name: spec.name))
            return
        }
        let patch = diff.bodyChanged
        let write = SkillGroupWrite(
            group: diff.body, patch: patch, needsCurrentConditions: patch && spec.conditions == nil && !snapshot.conditionsRead,
            memberDivisionIDs: nil, addMemberDivisions: add, removeMemberDivisions: remove, newSkillNames: references.newNames
        )
        changes.append(PlannedChange(
            action: .update, kind: .skillGroup, name: spec.name, existingID: id, fields: diff.fields, dependsOn: references.dependsOn,
            operation: .updateSkillGroup(id: id, write)
        ))
    }

    enum LeafKind { case skill, language }

    /// Calls `visit` for every leaf's skill or language name, with the leaf's field path.
    mutating func walkLeaves(
        _ conditions: [SkillGroupCondition], field: String,
        _ visit: (inout Planner, LeafKind, String, String) -> Void
    ) {
        for (index, node) in conditions.enumerated() {
            let nodeField = "\(field)[\(index)]"
            for (leafIndex, leaf) in (node.routingSkillConditions ?? []).enumerated() {
                let leafField = "\(nodeField).routingSkillConditions[\(leafIndex)]"
                if let name = leaf.routingSkill { visit(&self, .skill, name, "\(leafField).routingSkill") }
                if let children = leaf.childConditions { walkLeaves(children, field: "\(leafField).childConditions", visit) }
            }
            for (leafIndex, leaf) in (node.languageSkillConditions ?? []).enumerated() {
                let leafField = "\(nodeField).languageSkillConditions[\(leafIndex)]"
                if let name = leaf.languageSkill { visit(&self, .language, name, "\(leafField).languageSkill") }
                if let children = leaf.childConditions { walkLeaves(children, field: "\(leafField).childConditions", visit) }
            }
        }
    }
}
