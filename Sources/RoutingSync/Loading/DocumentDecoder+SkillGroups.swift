import RoutingModels

/// `skillGroups`: the groups and their condition trees.
extension DocumentDecoder {
    mutating func decodeSkillGroups(_ node: SourceNode) -> [SkillGroupSpec] {
        let groups: [SkillGroupSpec] = decodeNamed(node, kind: "skillGroups", table: DocumentSchema.skillGroup) { decoder, fields, name, object in
            var spec = SkillGroupSpec(name: name)
            spec.previousNames = decoder.previousNames(fields, name: name, object: object)
            spec.description = fields.text("description")
            spec.division = fields.text("division")
            spec.memberDivisions = fields.names("memberDivisions")
            if let node = fields["conditions"], let nodes = decoder.sequence(node, object: object, field: "conditions") {
                spec.conditions = decoder.decodeConditions(nodes, object: object, field: "conditions", depth: 0)
            }
            return spec
        }
        checkPreviousNames(kind: "skillGroups", groups.map { ($0.name, $0.previousNames) })
        return groups
    }

    /// The conditions of a list at `field` (`conditions` or a leaf's `childConditions`), each at `depth`;
    /// those with a problem are reported and left out.
    mutating func decodeConditions(_ nodes: [SourceNode], object: String, field: String, depth: Int) -> [SkillGroupCondition] {
        var conditions: [SkillGroupCondition] = []
        for (index, element) in nodes.enumerated() {
            if let condition = decodeCondition(element, object: object, field: "\(field)[\(index)]", depth: depth) {
                conditions.append(condition)
            }
        }
        return conditions
    }

    mutating func decodeCondition(_ node: SourceNode, object: String, field: String, depth: Int) -> SkillGroupCondition? {
        guard depth < 32 else {
            report(.invalidValue, at: node, object: object, field: field, "conditions are nested too deeply")
            return nil
        }
        guard let fields = read(node, object: object, field: field, table: DocumentSchema.condition) else { return nil }
        var condition = SkillGroupCondition()
        condition.operation = fields.text("operation").map(ConditionOperation.init(rawValue:))
        var listsReadable = true
        for key in ["routingSkillConditions", "languageSkillConditions"] {
            if let list = fields[key], sequence(list, object: object, field: "\(field).\(key)") == nil {
                listsReadable = false
            }
        }
        let routing = decodeLeaves(fields, key: "routingSkillConditions", nameKey: "routingSkill", object: object, field: field, depth: depth) {
            SkillGroupRoutingCondition(
                routingSkill: $0.name, comparator: $0.comparator, proficiency: $0.proficiency, childConditions: $0.children
            )
        }
        let language = decodeLeaves(fields, key: "languageSkillConditions", nameKey: "languageSkill", object: object, field: field, depth: depth) {
            SkillGroupLanguageCondition(
                languageSkill: $0.name, comparator: $0.comparator, proficiency: $0.proficiency, childConditions: $0.children
            )
        }
        if let routing { condition.routingSkillConditions = routing.conditions }
        if let language { condition.languageSkillConditions = language.conditions }
        let leaves = (routing?.entries ?? 0) + (language?.entries ?? 0)
        if leaves == 0, listsReadable {
            report(.missingField, at: node, object: object, field: field,
                   "a condition needs at least one entry in routingSkillConditions or languageSkillConditions")
        }
        return condition
    }

    /// The leaves listed under `key` of a condition at `field`, each naming its skill or language with
    /// `nameKey` and made into a condition by `make`, and how many entries the list has (valid or not);
    /// `nil` when there is no such list (a non-list is reported by `decodeCondition`).
    mutating func decodeLeaves<Condition>(
        _ fields: DocumentFields, key: String, nameKey: String, object: String, field: String, depth: Int,
        _ make: (Leaf) -> Condition
    ) -> (conditions: [Condition], entries: Int)? {
        guard let list = fields[key], case .sequence(let nodes) = list.value else { return nil }
        let table = DocumentSchema.leaf(nameKey: nameKey)
        var conditions: [Condition] = []
        for (index, leaf) in nodes.enumerated() {
            let leafField = "\(field).\(key)[\(index)]"
            if let decoded = decodeLeaf(leaf, nameKey: nameKey, table: table, object: object, field: leafField, depth: depth) {
                conditions.append(make(decoded))
            }
        }
        return (conditions, nodes.count)
    }

    struct Leaf {
        var name: String
        var comparator: ProficiencyComparator
        var proficiency: Int
        var children: [SkillGroupCondition]?
    }

    mutating func decodeLeaf(
        _ node: SourceNode, nameKey: String, table: DocumentSchema.Table, object: String, field: String, depth: Int
    ) -> Leaf? {
        guard let fields = read(node, object: object, field: field, table: table) else { return nil }
        var children: [SkillGroupCondition]?
        if let childNode = fields["childConditions"], let nodes = sequence(childNode, object: object, field: "\(field).childConditions") {
            children = decodeConditions(nodes, object: object, field: "\(field).childConditions", depth: depth + 1)
        }
        guard let name = fields.text(nameKey), let comparator = fields.choice("comparator", as: ProficiencyComparator.self),
              let proficiency = fields.integer("proficiency") else { return nil }
        return Leaf(name: name, comparator: comparator, proficiency: proficiency, children: children)
    }
}
