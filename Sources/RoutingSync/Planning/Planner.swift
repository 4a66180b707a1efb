#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoutingModels

/// The pure diff between a ``DesiredState`` and an ``OrgSnapshot`` (no I/O).
///
/// Resolution first (identity by exact name, ambiguity, references), collecting every problem; then a
/// per-object comparison of only the fields the file writes; then the changes in apply order.
struct Planner {
    let desired: DesiredState
    let current: OrgSnapshot
    let prune: Bool
    let file: String
    /// The snapshot's divisions and users, indexed once (`nil` when not read).
    private let divisionIndex: NameIndex<AuthzDivision>?
    private let userIndex: UserIndex?

    private(set) var problems: [ValidationProblem] = []

    // Changes per tier (apply order).
    private var definitionChanges: [PlannedChange] = []   // skills, languages, wrap-up codes
    private var skillGroupChanges: [PlannedChange] = []
    private var queueChanges: [PlannedChange] = []
    /// Queues' references to queues created in this run, written once every queue exists.
    private var queueReferenceChanges: [PlannedChange] = []
    private var agentChanges: [PlannedChange] = []
    private var unchanged: [ObjectRef] = []

    // Resolution of declared names: the object's id, or nil when ambiguous (already reported).
    private(set) var skillIDs: [String: ObjectID?] = [:]
    private var languageIDs: [String: ObjectID?] = [:]
    private var wrapupCodeIDs: [String: ObjectID?] = [:]
    private(set) var skillGroupIDs: [String: ObjectID?] = [:]

    // Existing objects a declared object claims (kept under prune).
    private var claimed: Set<String> = []

    private var divisionProblems: Set<String> = []

    init(desired: DesiredState, current: OrgSnapshot, prune: Bool) {
        self.desired = desired
        self.current = current
        self.prune = prune
        self.file = desired.source?.fileName ?? "desired state"
        self.divisionIndex = current.divisions.map { NameIndex($0, name: \.name) }
        self.userIndex = current.agents.map(UserIndex.init)
    }

    // MARK: - Entry point

    static func plan(desired: DesiredState, current: OrgSnapshot, options: PlanOptions) throws(SyncError) -> SyncPlan {
        var planner = Planner(desired: desired, current: current, prune: options.prune ?? desired.policy.prune)
        planner.run()
        if !planner.problems.isEmpty {
            let problems = planner.problems.sorted(by: ValidationProblem.precedes)
            let code: SyncError.Code
            if problems.contains(where: { $0.code == .ambiguousName }) {
                code = .ambiguousName
            } else if problems.contains(where: { $0.code == .unresolvedReference }) {
                code = .unresolvedReference
            } else if problems.contains(where: { $0.code == .missingField }) {
                code = .incompleteDefinition
            } else {
                code = .incompleteSnapshot
            }
            throw SyncError(code: code, problems: problems)
        }
        return planner.makePlan()
    }

    mutating func run() {
        requirePruneLists()
        // The default division must resolve even when no object falls back to it (reported once).
        if let name = desired.defaults.division, current.divisions != nil {
            _ = divisionID(name, object: "defaults", field: "division")
        }
        planSkills()
        planLanguages()
        planWrapupCodes()
        planSkillGroups()
        planQueues()
        planAgents()
    }

    func makePlan() -> SyncPlan {
        let deletions = pruneDeletions()
        return SyncPlan(
            changes: definitionChanges + skillGroupChanges + queueChanges + queueReferenceChanges + agentChanges + deletions,
            unchanged: unchanged, warnings: desired.warnings, prune: prune
        )
    }

    // MARK: - Problems

    mutating func report(_ code: ValidationProblem.Code, object: String, field: String?, _ message: String) {
        let source = desired.source
        let line = field.flatMap { source?.fieldLines["\(object).\($0)"] } ?? source?.lines[object]
        problems.append(ValidationProblem(code: code, file: file, line: line, object: object, field: field, message: message))
    }

    mutating func requireSnapshot<T>(_ value: T?, _ what: String, object: String) -> T? {
        if value == nil {
            report(.invalidValue, object: object, field: nil, "the org snapshot does not include \(what) (read it with readOrg(for:) for this file)")
        }
        return value
    }

    /// Prune deletes what the snapshot lists but the file does not declare, so every prunable list must have
    /// been read (a snapshot read for the file without prune, then planned with the override, lacks some).
    mutating func requirePruneLists() {
        guard prune else { return }
        let lists: [(read: Bool, what: String)] = [
            (current.skills != nil, "skills"), (current.languages != nil, "languages"), (current.wrapupCodes != nil, "wrap-up codes"),
            (current.skillGroups != nil, "skill groups"), (current.queues != nil, "queues"),
        ]
        let missing = lists.filter { !$0.read }.map(\.what)
        guard !missing.isEmpty else { return }
        report(.invalidValue, object: "policy", field: "prune",
               "prune deletes every undeclared skill, language, wrap-up code, skill group and queue, but the org snapshot does not include \(missing.joined(separator: ", ")) (read it with readOrg(for:) for the file with policy.prune set)")
    }

    static func ids<Item>(_ items: [Item], _ id: (Item) -> String?) -> String {
        items.compactMap(id).map { "id \($0)" }.joined(separator: ", ")
    }

    // MARK: - Identity

    enum Match<Item> {
        case found(Item)
        case missing
        case ambiguous
    }

    /// Finds the existing object a declared one is: exactly its name, else one of its previous names.
    mutating func match<Item>(
        _ name: String, previousNames: [String] = [], in index: NameIndex<Item>, kind: String, object: String,
        id: (Item) -> String?
    ) -> Match<Item> {
        let exact = index.exactMatches(name)
        let near = index.nearMatches(name)
        if exact.count > 1 {
            report(.ambiguousName, object: object, field: "name",
                   "\(exact.count) existing \(kind)s are named '\(name)' (\(Self.ids(exact, id))); rename or delete all but one")
            return .ambiguous
        }
        if !near.isEmpty {
            let list = near.map { "'\($0.name)' (\(id($0.item).map { "id \($0)" } ?? "no id"))" }.joined(separator: ", ")
            report(.ambiguousName, object: object, field: "name",
                   "ambiguous: existing \(kind) \(list) differs from '\(name)' only in case or surrounding whitespace; rename one of them")
            return .ambiguous
        }
        if let item = exact.first { return .found(item) }
        var candidates: [(String, Item)] = []
        for previous in previousNames {
            let matches = index.exactMatches(previous)
            if matches.count > 1 {
                report(.ambiguousName, object: object, field: "previousNames",
                       "\(matches.count) existing \(kind)s are named '\(previous)' (\(Self.ids(matches, id))); rename or delete all but one")
                return .ambiguous
            }
            if let item = matches.first { candidates.append((previous, item)) }
        }
        if candidates.count > 1 {
            report(.ambiguousName, object: object, field: "previousNames",
                   "previous names match several existing \(kind)s (\(candidates.map { "'\($0.0)' (\(id($0.1).map { "id \($0)" } ?? "no id"))" }.joined(separator: ", "))); keep one")
            return .ambiguous
        }
        if let candidate = candidates.first { return .found(candidate.1) }
        return .missing
    }

    /// Resolves a reference by name to a declared object (existing or created in this plan) or to an
    /// undeclared existing one.
    mutating func reference<Item>(
        _ name: String, declared: [String: ObjectID?], index: NameIndex<Item>?, kind: String, object: String, field: String,
        id: (Item) -> String?
    ) -> ObjectID?? {
        if let resolved = declared[name] { return .some(resolved) }
        guard let index else {
            report(.invalidValue, object: object, field: field, "the org snapshot does not include \(kind)s")
            return nil
        }
        let exact = index.exactMatches(name)
        if exact.count > 1 {
            report(.ambiguousName, object: object, field: field,
                   "\(exact.count) existing \(kind)s are named '\(name)' (\(Self.ids(exact, id))); rename or delete all but one")
            return nil
        }
        if let item = exact.first, let itemID = id(item) {
            if prune {
                report(.unresolvedReference, object: object, field: field,
                       "\(kind) '\(name)' exists but is not declared, so prune would delete it; declare it")
                return nil
            }
            return .some(.existing(itemID))
        }
        var message = "unknown \(kind) '\(name)' (neither declared in the file nor in the org)"
        let declaredNear = declared.keys.filter { NameIndex<Int>.fold($0) == NameIndex<Int>.fold(name) }.sorted()
        if let suggestion = declaredNear.first ?? index.nearMatches(name).first?.name {
            message += "; did you mean '\(suggestion)'?"
        }
        report(.unresolvedReference, object: object, field: field, message)
        return nil
    }

    // MARK: - Divisions

    /// The division id for a division name, reporting an unknown name.
    mutating func divisionID(_ name: String, object: String, field: String?) -> String? {
        guard let index = divisionIndex else {
            report(.invalidValue, object: object, field: field, "the org snapshot does not include divisions")
            return nil
        }
        let exact = index.exactMatches(name)
        if exact.count == 1, let id = exact[0].id { return id }
        let key = "\(object)|\(field ?? "")|\(name)"
        guard divisionProblems.insert(key).inserted else { return nil }
        if exact.count > 1 {
            report(.ambiguousName, object: object, field: field,
                   "\(exact.count) divisions are named '\(name)' (\(Self.ids(exact, \.id)))")
        } else {
            var message = "unknown division '\(name)'"
            if let near = index.nearMatches(name).first?.name { message += "; did you mean '\(near)'?" }
            report(.unresolvedReference, object: object, field: field, message)
        }
        return nil
    }

    /// The division an object should be in: its own (`division`) or the file's default; `.none` when
    /// neither is written (not managed), `.some(nil)` when the name does not resolve (reported).
    mutating func managedDivision(_ name: String?, object: String) -> (name: String, id: String?)? {
        if let name { return (name, divisionID(name, object: object, field: "division")) }
        if let name = desired.defaults.division { return (name, divisionID(name, object: "defaults", field: "division")) }
        return nil
    }

    func divisionName(_ id: String?) -> String? {
        guard let id else { return nil }
        return current.divisions?.first { $0.id == id }?.name ?? id
    }

    static func names(_ values: [String]) -> ConfigValue {
        .array(values.sorted(by: NameOrder.precedes).map(ConfigValue.string))
    }

    // MARK: - Skills, languages, wrap-up codes

    mutating func planSkills() {
        skillIDs = planDefinitions(
            desired.skills.map { ($0.name, $0.division) }, existing: current.skills, kind: .skill, label: "skill",
            section: "skills", name: \.name, id: \.id, division: \.division?.id,
            create: { .createSkill(name: $0, divisionID: $1) },
            move: { _, id, divisionID in .moveSkill(id: id, divisionID: divisionID) }
        )
    }

    mutating func planLanguages() {
        languageIDs = planDefinitions(
            desired.languages.map { ($0.name, nil) }, existing: current.languages, kind: .language, label: "language",
            section: "languages", name: \.name, id: \.id, division: { _ in nil },
            create: { name, _ in .createLanguage(name: name) }, move: nil
        )
    }

    mutating func planWrapupCodes() {
        wrapupCodeIDs = planDefinitions(
            desired.wrapupCodes.map { ($0.name, $0.division) }, existing: current.wrapupCodes, kind: .wrapupCode,
            label: "wrap-up code", section: "wrapupCodes", name: \.name, id: \.id, division: \.division?.id,
            create: { .createWrapupCode(name: $0, divisionID: $1) },
            move: { code, id, divisionID in
                .updateWrapupCode(id: id, WrapupCodeRequest(name: code.name, division: Division(id: divisionID), description: code.description))
            }
        )
    }

    /// Skills, languages and wrap-up codes: created when missing, moved when their managed division differs.
    /// `move` is `nil` for a kind without a division (languages: the default division does not apply).
    /// - Returns: Each declared name's resolution.
    mutating func planDefinitions<Item>(
        _ specs: [(name: String, division: String?)], existing items: [Item]?, kind: PlannedChange.Kind, label: String,
        section: String, name: (Item) -> String?, id: (Item) -> String?, division divisionOf: (Item) -> String?,
        create: (_ name: String, _ divisionID: String?) -> Operation,
        move: ((_ item: Item, _ id: String, _ divisionID: String) -> Operation)?
    ) -> [String: ObjectID?] {
        guard !specs.isEmpty else { return [:] }
        guard let items = requireSnapshot(items, "\(label)s", object: section) else { return [:] }
        let index = NameIndex(items, name: name)
        var ids: [String: ObjectID?] = [:]
        for spec in specs {
            let object = "\(section)[\(spec.name)]"
            let division = move == nil ? nil : managedDivision(spec.division, object: object)
            switch match(spec.name, in: index, kind: label, object: object, id: id) {
            case .ambiguous:
                ids[spec.name] = .some(nil)
            case .missing:
                ids[spec.name] = .created(ObjectRef(kind: kind, name: spec.name))
                let fields = division.map { [FieldChange(field: "division", from: nil, to: .string($0.name))] } ?? []
                definitionChanges.append(PlannedChange(
                    action: .create, kind: kind, name: spec.name, existingID: nil, fields: fields, dependsOn: [],
                    operation: create(spec.name, division?.id)
                ))
            case .found(let item):
                guard let itemID = id(item) else { continue }
                claimed.insert(itemID)
                ids[spec.name] = .existing(itemID)
                if let move, let division, let divisionID = division.id, divisionOf(item) != divisionID {
                    definitionChanges.append(PlannedChange(
                        action: .update, kind: kind, name: spec.name, existingID: itemID,
                        fields: [FieldChange(field: "division", from: divisionName(divisionOf(item)).map(ConfigValue.string), to: .string(division.name))],
                        dependsOn: [], operation: move(item, itemID, divisionID)
                    ))
                } else {
                    unchanged.append(ObjectRef(kind: kind, name: spec.name))
                }
            }
        }
        return ids
    }

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
            var dependsOn: [ObjectRef] = []
            var newNames: [String] = []
            var referencesResolved = true
            if let conditions = spec.conditions {
                walkLeaves(conditions, field: "conditions") { planner, kind, name, field in
                    let resolved: ObjectID??
                    if kind == .skill {
                        resolved = planner.reference(name, declared: planner.skillIDs, index: skillIndex, kind: "skill",
                                                     object: object, field: field, id: \.id)
                    } else {
                        resolved = planner.reference(name, declared: planner.languageIDs, index: languageIndex, kind: "language",
                                                     object: object, field: field, id: \.id)
                    }
                    guard let resolved, let target = resolved else { referencesResolved = false; return }
                    if let ref = target.createdRef {
                        if !dependsOn.contains(ref) { dependsOn.append(ref) }
                        if !newNames.contains(name) { newNames.append(name) }
                    }
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
                skillGroupIDs[spec.name] = .some(nil)
            case .missing:
                let ref = ObjectRef(kind: .skillGroup, name: spec.name)
                skillGroupIDs[spec.name] = .created(ref)
                guard let conditions = spec.conditions, !conditions.isEmpty else {
                    report(.missingField, object: object, field: "conditions",
                           "is required to create the skill group (it does not exist in the org yet)")
                    continue
                }
                guard referencesResolved else { continue }
                var fields: [FieldChange] = []
                if let description = spec.description { fields.append(FieldChange(field: "description", from: nil, to: .string(description))) }
                if let division { fields.append(FieldChange(field: "division", from: nil, to: .string(division.name))) }
                if let names = spec.memberDivisions { fields.append(FieldChange(field: "memberDivisions", from: nil, to: Self.names(names))) }
                fields.append(FieldChange(field: "conditions", from: nil, to: .array(conditions.map(DesiredStateWriter.configValue(of:)))))
                let group = SkillGroup(
                    name: spec.name, division: division?.id.map { Division(id: $0) }, description: spec.description,
                    skillConditions: ConditionCanon.normalized(conditions)
                )
                let write = SkillGroupWrite(
                    group: group, patch: true, needsCurrentConditions: false, memberDivisionIDs: memberDivisionIDs,
                    addMemberDivisions: [], removeMemberDivisions: [], newSkillNames: newNames
                )
                skillGroupChanges.append(PlannedChange(
                    action: .create, kind: .skillGroup, name: spec.name, existingID: nil, fields: fields, dependsOn: dependsOn,
                    operation: .createSkillGroup(write)
                ))
            case .found(let snapshot):
                guard let id = snapshot.group.id else { continue }
                claimed.insert(id)
                skillGroupIDs[spec.name] = .existing(id)
                guard referencesResolved else { continue }
                var group = snapshot.group
                var fields: [FieldChange] = []
                var patch = false
                if group.name != spec.name {
                    fields.append(FieldChange(field: "name", from: group.name.map(ConfigValue.string), to: .string(spec.name)))
                    group.name = spec.name
                    patch = true
                }
                if let description = spec.description, (group.description ?? "") != description {
                    fields.append(FieldChange(field: "description", from: group.description.map(ConfigValue.string), to: .string(description)))
                    group.description = description
                    patch = true
                }
                if let division, let divisionID = division.id, group.division?.id != divisionID {
                    fields.append(FieldChange(field: "division", from: divisionName(group.division?.id).map(ConfigValue.string), to: .string(division.name)))
                    group.division = Division(id: divisionID)
                    patch = true
                }
                if let conditions = spec.conditions {
                    if !snapshot.conditionsRead {
                        report(.invalidValue, object: object, field: "conditions", "the org snapshot does not include this skill group's conditions")
                        continue
                    }
                    if ConditionCanon.key(conditions) != ConditionCanon.key(snapshot.group.skillConditions) {
                        fields.append(FieldChange(
                            field: "conditions",
                            from: .array((snapshot.group.skillConditions ?? []).map(DesiredStateWriter.configValue(of:))),
                            to: .array(conditions.map(DesiredStateWriter.configValue(of:)))
                        ))
                        group.skillConditions = ConditionCanon.normalized(conditions)
                        patch = true
                    }
                }
                var add: [String] = []
                var remove: [String] = []
                if let wanted = memberDivisionIDs, spec.memberDivisions != nil {
                    guard let currentIDs = snapshot.memberDivisionIDs else {
                        report(.invalidValue, object: object, field: "memberDivisions", "the org snapshot does not include this skill group's member divisions")
                        continue
                    }
                    // The API always counts the group's own division as a member division, and `*` means every division.
                    var target = Set(wanted.filter { $0 != "*" })
                    if wanted.contains("*") { target.formUnion((current.divisions ?? []).compactMap(\.id)) }
                    if let own = group.division?.id { target.insert(own) }
                    let have = Set(currentIDs)
                    add = wanted.contains("*") && !target.subtracting(have).isEmpty ? ["*"] : target.subtracting(have).sorted()
                    remove = have.subtracting(target).sorted()
                    if !add.isEmpty || !remove.isEmpty {
                        fields.append(FieldChange(
                            field: "memberDivisions",
                            from: Self.names(currentIDs.compactMap(divisionName)),
                            to: Self.names(target.compactMap(divisionName))
                        ))
                    }
                }
                if fields.isEmpty {
                    unchanged.append(ObjectRef(kind: .skillGroup, name: spec.name))
                    continue
                }
                let write = SkillGroupWrite(
                    group: group, patch: patch, needsCurrentConditions: patch && spec.conditions == nil && !snapshot.conditionsRead,
                    memberDivisionIDs: nil, addMemberDivisions: add, removeMemberDivisions: remove, newSkillNames: newNames
                )
                skillGroupChanges.append(PlannedChange(
                    action: .update, kind: .skillGroup, name: spec.name, existingID: id, fields: fields, dependsOn: dependsOn,
                    operation: .updateSkillGroup(id: id, write)
                ))
            }
        }
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

    // MARK: - Users

    /// The snapshot's users by (lower-cased) email and by id.
    struct UserIndex {
        var byEmail: [String: [AgentSnapshot]] = [:]
        var byID: [String: AgentSnapshot] = [:]

        init(_ agents: [AgentSnapshot]) {
            for agent in agents {
                if let email = agent.email { byEmail[email.lowercased(), default: []].append(agent) }
                byID[agent.userID] = agent
            }
        }
    }

    mutating func user(_ reference: UserReference, index: UserIndex, object: String, field: String) -> AgentSnapshot? {
        switch reference {
        case .id(let id):
            if let agent = index.byID[id] { return agent }
            report(.unresolvedReference, object: object, field: field, "no user has id \(id)")
            return nil
        case .email(let email):
            let matches = index.byEmail[email.lowercased()] ?? []
            if matches.count > 1 {
                report(.ambiguousName, object: object, field: field,
                       "\(matches.count) users have the email \(email) (\(matches.map { "id \($0.userID)" }.joined(separator: ", "))); use id:<userId>")
                return nil
            }
            if let agent = matches.first { return agent }
            report(.unresolvedReference, object: object, field: field, "no user has the email \(email)")
            return nil
        }
    }

    func userName(_ id: String) -> String {
        userIndex?.byID[id]?.displayName ?? "id:\(id)"
    }

    // MARK: - Queues

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
        var queueIDs: [String: ObjectID?] = [:]
        for (spec, match) in zip(desired.queues, matches) {
            switch match {
            case .ambiguous: queueIDs[spec.name] = .some(nil)
            case .missing: queueIDs[spec.name] = .created(ObjectRef(kind: .queue, name: spec.name))
            case .found(let snapshot): queueIDs[spec.name] = .some(snapshot.queue.id.map(ObjectID.existing))
            }
        }
        let table = queueReferenceTable(queueIDs: queueIDs)

        for (spec, match) in zip(desired.queues, matches) {
            let object = "queues[\(spec.name)]"
            let division = managedDivision(spec.division, object: object)
            var dependsOn: [ObjectRef] = []
            var resolved = true
            let settingsIDs = resolveSettings(spec, object: object, queueIDs: queueIDs, queueIndex: index)
            if settingsIDs == nil { resolved = false }

            let groupTargets = spec.skillGroups.map { names in
                references(names, declared: skillGroupIDs, index: groupIndex, kind: "skill group", object: object,
                           field: "skillGroups", id: \.group.id, resolved: &resolved, dependsOn: &dependsOn)
            }
            let codeTargets = spec.wrapupCodes.map { names in
                references(names, declared: wrapupCodeIDs, index: codeIndex, kind: "wrap-up code", object: object,
                           field: "wrapupCodes", id: \.id, resolved: &resolved, dependsOn: &dependsOn)
            }
            var memberIDs: [String]?
            if let references = spec.members, let users {
                var ids: [String] = []
                for (position, reference) in references.enumerated() {
                    guard let agent = user(reference, index: users, object: object, field: "members[\(position)]") else {
                        resolved = false
                        continue
                    }
                    if !ids.contains(agent.userID) { ids.append(agent.userID) }
                }
                memberIDs = ids
            }
            var desiredMedia: QueueMediaSettings?
            if let media = spec.mediaSettings {
                desiredMedia = try? DocumentDecoder.decodeMedia(media)
                if desiredMedia == nil {
                    report(.invalidValue, object: object, field: "mediaSettings", "could not be read as QueueMediaSettings")
                    resolved = false
                }
            }

            switch match {
            case .ambiguous:
                continue
            case .missing:
                guard resolved else { continue }
                let settings = planSettings(spec, queue: nil, resolved: settingsIDs ?? [:], table: table)
                var request = QueueRequest(name: spec.name)
                var fields: [FieldChange] = []
                if let description = spec.description {
                    request.description = description
                    fields.append(FieldChange(field: "description", from: nil, to: .string(description)))
                }
                if let division {
                    request.division = division.id.map { Division(id: $0) }
                    fields.append(FieldChange(field: "division", from: nil, to: .string(division.name)))
                }
                if let method = spec.skillEvaluationMethod {
                    request.skillEvaluationMethod = method
                    fields.append(FieldChange(field: "skillEvaluationMethod", from: nil, to: .string(method.rawValue)))
                }
                if let acw = spec.acwSettings {
                    request.acwSettings = acw
                    if let prompt = acw.wrapupPrompt {
                        fields.append(FieldChange(field: "acwSettings.wrapupPrompt", from: nil, to: .string(prompt.rawValue)))
                    }
                    if let timeout = acw.timeoutMs {
                        fields.append(FieldChange(field: "acwSettings.timeoutMs", from: nil, to: .number(Double(timeout))))
                    }
                }
                if let media = spec.mediaSettings {
                    request.mediaSettings = desiredMedia
                    Self.diffTree(desired: media, current: nil, path: "mediaSettings", into: &fields)
                }
                if let names = spec.skillGroups { fields.append(FieldChange(field: "skillGroups", from: nil, to: Self.names(names))) }
                if let references = spec.members {
                    fields.append(FieldChange(field: "members", from: nil, to: Self.names(references.map(\.description))))
                }
                if let names = spec.wrapupCodes { fields.append(FieldChange(field: "wrapupCodes", from: nil, to: Self.names(names))) }
                fields += settings.fields
                let write = QueueWrite(
                    request: request, skillGroups: groupTargets, addMembers: memberIDs ?? [], removeMembers: [],
                    addWrapupCodes: codeTargets ?? [], removeWrapupCodes: [], settings: settings.write
                )
                queueChanges.append(PlannedChange(
                    action: .create, kind: .queue, name: spec.name, existingID: nil, fields: fields,
                    dependsOn: dependsOn + (settings.write?.createdDependencies ?? []), operation: .createQueue(write)
                ))
                if let later = settings.write, !later.laterQueues.isEmpty {
                    queueReferenceChanges.append(Self.queueReferences(spec.name, later))
                }
            case .found(let snapshot):
                guard let id = snapshot.queue.id else { continue }
                claimed.insert(id)
                guard resolved else { continue }
                let settings = planSettings(spec, queue: snapshot.queue, resolved: settingsIDs ?? [:], table: table)
                planQueueUpdate(
                    spec, snapshot: snapshot, id: id, object: object, division: division, desiredMedia: desiredMedia,
                    groupTargets: groupTargets, codeTargets: codeTargets, memberIDs: memberIDs, dependsOn: dependsOn,
                    settings: settings
                )
            }
        }
    }

    /// Resolves a list of references (`field[position]`); clears `resolved` when one does not resolve
    /// (reported) and notes objects created in this plan in `dependsOn`.
    mutating func references<Item>(
        _ names: [String], declared: [String: ObjectID?], index: NameIndex<Item>?, kind: String, object: String, field: String,
        id: (Item) -> String?, resolved: inout Bool, dependsOn: inout [ObjectRef]
    ) -> [ObjectID] {
        var targets: [ObjectID] = []
        for (position, name) in names.enumerated() {
            let target = reference(name, declared: declared, index: index, kind: kind, object: object, field: "\(field)[\(position)]", id: id)
            guard let target, let id = target else { resolved = false; continue }
            if let ref = id.createdRef { dependsOn.append(ref) }
            targets.append(id)
        }
        return targets
    }

    mutating func planQueueUpdate(
        _ spec: QueueSpec, snapshot: QueueSnapshot, id: String, object: String, division: (name: String, id: String?)?,
        desiredMedia: QueueMediaSettings?, groupTargets: [ObjectID]?, codeTargets: [ObjectID]?, memberIDs: [String]?,
        dependsOn: [ObjectRef], settings: (fields: [FieldChange], write: QueueSettingsWrite?)
    ) {
        let queue = snapshot.queue
        var request = QueueRequest.writable(from: queue)
        var fields: [FieldChange] = []
        var put = false

        if queue.name != spec.name {
            fields.append(FieldChange(field: "name", from: queue.name.map(ConfigValue.string), to: .string(spec.name)))
            request.name = spec.name
            put = true
        }
        if let description = spec.description, (queue.description ?? "") != description {
            fields.append(FieldChange(field: "description", from: queue.description.map(ConfigValue.string), to: .string(description)))
            request.description = description
            put = true
        }
        if let division, let divisionID = division.id, queue.division?.id != divisionID {
            fields.append(FieldChange(field: "division", from: divisionName(queue.division?.id).map(ConfigValue.string), to: .string(division.name)))
            request.division = Division(id: divisionID)
            put = true
        }
        if let method = spec.skillEvaluationMethod, queue.skillEvaluationMethod != method {
            fields.append(FieldChange(field: "skillEvaluationMethod", from: queue.skillEvaluationMethod.map { .string($0.rawValue) }, to: .string(method.rawValue)))
            request.skillEvaluationMethod = method
            put = true
        }
        if let acw = spec.acwSettings {
            var merged = queue.acwSettings ?? AcwSettings()
            if let prompt = acw.wrapupPrompt, queue.acwSettings?.wrapupPrompt != prompt {
                fields.append(FieldChange(field: "acwSettings.wrapupPrompt", from: queue.acwSettings?.wrapupPrompt.map { .string($0.rawValue) }, to: .string(prompt.rawValue)))
                merged.wrapupPrompt = prompt
                put = true
            }
            if let timeout = acw.timeoutMs, queue.acwSettings?.timeoutMs != timeout {
                fields.append(FieldChange(field: "acwSettings.timeoutMs", from: queue.acwSettings?.timeoutMs.map { .number(Double($0)) }, to: .number(Double(timeout))))
                merged.timeoutMs = timeout
                put = true
            }
            request.acwSettings = merged
        }
        if let media = spec.mediaSettings {
            let currentTree = Self.tree(of: queue.mediaSettings)
            var mediaFields: [FieldChange] = []
            Self.diffTree(desired: media, current: currentTree, path: "mediaSettings", into: &mediaFields)
            if !mediaFields.isEmpty {
                fields += mediaFields
                let merged = Self.merge(media, into: currentTree)
                if let settings = try? DocumentDecoder.decodeMedia(merged) {
                    request.mediaSettings = settings
                } else {
                    request.mediaSettings = desiredMedia
                }
                put = true
            }
        }
        var skillGroups: [ObjectID]?
        if let targets = groupTargets {
            let currentGroups = (queue.memberGroups ?? []).filter { $0.type == .skillGroup }
            let currentIDs = Set(currentGroups.compactMap(\.id))
            let wanted = Set(targets.compactMap { target -> String? in if case .existing(let id) = target { return id } else { return nil } })
            if targets.contains(where: { $0.createdRef != nil }) || wanted != currentIDs {
                let currentNames = currentGroups.map { group in
                    current.skillGroups?.first { $0.group.id == group.id }?.group.name ?? group.name ?? group.id ?? "?"
                }
                fields.append(FieldChange(field: "skillGroups", from: Self.names(currentNames), to: Self.names(spec.skillGroups ?? [])))
                skillGroups = targets
                put = true
            }
        }
        var addMembers: [String] = []
        var removeMembers: [String] = []
        if let wanted = memberIDs {
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
                fields.append(FieldChange(field: "members", from: Self.names(have.map(userName)), to: Self.names(result.map(userName))))
            }
        }
        var addCodes: [ObjectID] = []
        var removeCodes: [String] = []
        if let targets = codeTargets {
            guard let have = snapshot.wrapupCodeIDs else {
                report(.invalidValue, object: object, field: "wrapupCodes", "the org snapshot does not include this queue's wrap-up codes")
                return
            }
            let haveSet = Set(have)
            addCodes = targets.filter { target in
                if case .existing(let id) = target { return !haveSet.contains(id) }
                return true
            }
            let wantedIDs = Set(targets.compactMap { target -> String? in if case .existing(let id) = target { return id } else { return nil } })
            removeCodes = have.filter { !wantedIDs.contains($0) }
            if !addCodes.isEmpty || !removeCodes.isEmpty {
                let codeName: (String) -> String = { id in self.current.wrapupCodes?.first { $0.id == id }?.name ?? id }
                fields.append(FieldChange(field: "wrapupCodes", from: Self.names(have.map(codeName)), to: Self.names(spec.wrapupCodes ?? [])))
            }
        }
        if !settings.fields.isEmpty {
            fields += settings.fields
            put = true
        }
        if fields.isEmpty {
            unchanged.append(ObjectRef(kind: .queue, name: spec.name))
            return
        }
        let write = QueueWrite(
            request: put ? request : nil, skillGroups: skillGroups, addMembers: addMembers, removeMembers: removeMembers,
            addWrapupCodes: addCodes, removeWrapupCodes: removeCodes, settings: settings.write
        )
        let change = PlannedChange(
            action: .update, kind: .queue, name: spec.name, existingID: id, fields: fields,
            dependsOn: dependsOn + (settings.write?.createdDependencies ?? []) + (settings.write?.laterQueues.sorted().map { ObjectRef(kind: .queue, name: $0) } ?? []),
            operation: .updateQueue(id: id, write)
        )
        // Refers to queues created in this run: runs once every queue exists.
        if settings.write?.laterQueues.isEmpty == false {
            queueReferenceChanges.append(change)
        } else {
            queueChanges.append(change)
        }
    }

    /// Queue media settings as a JSON-like tree (what the API would send).
    static func tree(of settings: QueueMediaSettings?) -> ConfigValue {
        settings.flatMap { ConfigValue(encoding: $0) } ?? .object([])
    }

    /// Field changes for every leaf the file gives that differs from the current tree (key by key).
    static func diffTree(desired: ConfigValue, current: ConfigValue?, path: String, into fields: inout [FieldChange]) {
        if case .object(let members) = desired {
            let currentObject: ConfigValue? = if case .object = current { current } else { nil }
            if currentObject == nil, let current, current != .null {
                fields.append(FieldChange(field: path, from: current, to: desired))
                return
            }
            for member in members {
                diffTree(desired: member.value, current: currentObject?[member.key], path: "\(path).\(member.key)", into: &fields)
            }
            return
        }
        guard let current, current != .null else {
            fields.append(FieldChange(field: path, from: nil, to: desired))
            return
        }
        if !desired.isEquivalent(to: current) {
            fields.append(FieldChange(field: path, from: current, to: desired))
        }
    }

    /// `current` with the file's keys written over it (objects merged key by key, other values replaced).
    static func merge(_ desired: ConfigValue, into current: ConfigValue?) -> ConfigValue {
        guard case .object(let wanted) = desired, case .object(var members)? = current else { return desired }
        for member in wanted {
            if let index = members.firstIndex(where: { $0.key == member.key }) {
                members[index].value = merge(member.value, into: members[index].value)
            } else {
                members.append(member)
            }
        }
        return .object(members)
    }

    // MARK: - Agents

    mutating func planAgents() {
        guard !desired.agents.isEmpty else { return }
        guard let users = userIndex else {
            report(.invalidValue, object: "agents", field: nil, "the org snapshot does not include users")
            return
        }
        let skillIndex = current.skills.map { NameIndex($0, name: \.name) }
        let languageIndex = current.languages.map { NameIndex($0, name: \.name) }
        var seenUsers: Set<String> = []
        for spec in desired.agents {
            let object = "agents[\(spec.user)]"
            guard let agent = user(spec.user, index: users, object: object, field: "user") else { continue }
            guard seenUsers.insert(agent.userID).inserted else {
                report(.invalidValue, object: object, field: "user", "the same user is declared twice (by email and by id)")
                continue
            }
            var fields: [FieldChange] = []
            var dependsOn: [ObjectRef] = []
            var resolved = true
            var write = AgentWrite(userID: agent.userID, replaceSkills: nil, upsertSkills: [], upsertLanguages: [], removeLanguages: [])

            if let skills = spec.skills {
                var wanted: [Assignment] = []
                var changed: [Assignment] = []
                var wantedIDs: Set<String> = []
                for name in skills.keys.sorted(by: NameOrder.precedes) {
                    let proficiency = skills[name]!
                    let target = reference(name, declared: skillIDs, index: skillIndex, kind: "skill", object: object,
                                           field: "skills[\(name)]", id: \.id)
                    guard let target, let id = target else { resolved = false; continue }
                    let assignment = Assignment(target: id, proficiency: proficiency)
                    wanted.append(assignment)
                    switch id {
                    case .created(let ref):
                        dependsOn.append(ref)
                        changed.append(assignment)
                        fields.append(FieldChange(field: "skills[\(name)]", from: nil, to: .number(proficiency)))
                    case .existing(let skillID):
                        wantedIDs.insert(skillID)
                        let have = agent.skills.first { $0.id == skillID }
                        if let have, let current = have.proficiency, abs(current - proficiency) < 1e-9 { continue }
                        changed.append(assignment)
                        fields.append(FieldChange(field: "skills[\(name)]", from: have?.proficiency.map(ConfigValue.number), to: .number(proficiency)))
                    }
                }
                var removals = false
                if desired.policy.agentSkills == .authoritative {
                    for have in agent.skills where !wantedIDs.contains(have.id ?? "") {
                        removals = true
                        let name = have.name ?? current.skills?.first { $0.id == have.id }?.name ?? have.id ?? "?"
                        fields.append(FieldChange(field: "skills[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
                    }
                }
                if removals {
                    write.replaceSkills = wanted
                } else {
                    write.upsertSkills = changed
                }
            }
            if let languages = spec.languages {
                var wantedIDs: Set<String> = []
                for name in languages.keys.sorted(by: NameOrder.precedes) {
                    let proficiency = languages[name]!
                    let target = reference(name, declared: languageIDs, index: languageIndex, kind: "language", object: object,
                                           field: "languages[\(name)]", id: \.id)
                    guard let target, let id = target else { resolved = false; continue }
                    let assignment = Assignment(target: id, proficiency: proficiency)
                    switch id {
                    case .created(let ref):
                        dependsOn.append(ref)
                        write.upsertLanguages.append(assignment)
                        fields.append(FieldChange(field: "languages[\(name)]", from: nil, to: .number(proficiency)))
                    case .existing(let languageID):
                        wantedIDs.insert(languageID)
                        let have = agent.languages.first { $0.id == languageID }
                        if let have, let current = have.proficiency, abs(current - proficiency) < 1e-9 { continue }
                        write.upsertLanguages.append(assignment)
                        fields.append(FieldChange(field: "languages[\(name)]", from: have?.proficiency.map(ConfigValue.number), to: .number(proficiency)))
                    }
                }
                if desired.policy.agentLanguages == .authoritative {
                    for have in agent.languages where !wantedIDs.contains(have.id ?? "") {
                        guard let id = have.id else { continue }
                        write.removeLanguages.append(id)
                        let name = have.name ?? current.languages?.first { $0.id == id }?.name ?? id
                        fields.append(FieldChange(field: "languages[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
                    }
                }
            }
            guard resolved else { continue }
            let name = agent.displayName
            if fields.isEmpty {
                unchanged.append(ObjectRef(kind: .agent, name: name))
                continue
            }
            agentChanges.append(PlannedChange(
                action: .update, kind: .agent, name: name, existingID: agent.userID, fields: fields, dependsOn: dependsOn,
                operation: .updateAgent(write)
            ))
        }
    }

    // MARK: - Prune

    func pruneDeletions() -> [PlannedChange] {
        guard prune else { return [] }
        func deletions<Item>(_ items: [Item]?, kind: PlannedChange.Kind, name: (Item) -> String?, id: (Item) -> String?,
                             operation: (String) -> Operation) -> [PlannedChange] {
            (items ?? []).compactMap { item -> PlannedChange? in
                guard let itemID = id(item), !claimed.contains(itemID) else { return nil }
                return PlannedChange(action: .delete, kind: kind, name: name(item) ?? itemID, existingID: itemID, fields: [],
                                     dependsOn: [], operation: operation(itemID))
            }
            .sorted { NameOrder.precedes($0.name, $1.name) }
        }
        return deletions(current.queues, kind: .queue, name: \.queue.name, id: \.queue.id, operation: { .deleteQueue(id: $0) })
            + deletions(current.skillGroups, kind: .skillGroup, name: \.group.name, id: \.group.id, operation: { .deleteSkillGroup(id: $0) })
            + deletions(current.skills, kind: .skill, name: \.name, id: \.id, operation: { .deleteSkill(id: $0) })
            + deletions(current.languages, kind: .language, name: \.name, id: \.id, operation: { .deleteLanguage(id: $0) })
            + deletions(current.wrapupCodes, kind: .wrapupCode, name: \.name, id: \.id, operation: { .deleteWrapupCode(id: $0) })
    }
}

/// Options for planning.
public struct PlanOptions: Sendable, Hashable {
    /// Overrides the file's `policy.prune` (the CLI's `--prune`); `nil` keeps the file's.
    public var prune: Bool?

    /// Creates options.
    public init(prune: Bool? = nil) {
        self.prune = prune
    }
}
