#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoutingModels

/// Turns a ``SourceNode`` tree into a ``DesiredState``, collecting every problem instead of stopping at the
/// first (`Documentation/DesiredStateFormat.md`, format version 1).
struct DocumentDecoder {
    let file: String
    private(set) var problems: [ValidationProblem] = []
    private(set) var lines: [String: Int] = [:]
    private(set) var fieldLines: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func report(
        _ code: ValidationProblem.Code, line: Int?, column: Int? = nil, object: String, field: String?,
        _ message: String, severity: ValidationProblem.Severity = .error
    ) {
        problems.append(ValidationProblem(
            code: code, severity: severity, file: file, line: line, column: column,
            object: object, field: field, message: message
        ))
    }

    mutating func report(_ code: ValidationProblem.Code, at node: SourceNode, object: String, field: String?, _ message: String) {
        report(code, line: node.line, column: node.column, object: object, field: field, message)
    }

    private mutating func remember(_ node: SourceNode, object: String, field: String?) {
        guard let line = node.line else { return }
        if let field {
            fieldLines["\(object).\(field)"] = line
        } else {
            lines[object] = line
        }
    }

    static func join(_ field: String?, _ key: String) -> String {
        guard let field, !field.isEmpty else { return key }
        return key.hasPrefix("[") ? field + key : "\(field).\(key)"
    }

    static func fold(_ name: String) -> String { name.lowercased() }

    static func trim(_ text: String) -> String { text.trimmed }

    // MARK: - Generic shapes

    /// The entries of a mapping, keyed by key; reports a non-mapping, unknown keys and duplicate keys.
    mutating func mapping(
        _ node: SourceNode, object: String, field: String?, allowed: [String]
    ) -> [String: SourceNode]? {
        guard case .mapping(let entries) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected a mapping, found \(node.typeDescription)")
            return nil
        }
        var result: [String: SourceNode] = [:]
        for entry in entries {
            let keyField = Self.join(field, entry.key)
            if result[entry.key] != nil {
                report(.invalidValue, line: entry.keyLine ?? entry.value.line, column: entry.keyColumn, object: object,
                       field: keyField, "duplicate key")
                continue
            }
            guard allowed.contains(entry.key) else {
                var message = "unknown key"
                if let suggestion = Self.suggestion(for: entry.key, among: allowed) {
                    message += " (did you mean '\(suggestion)'?)"
                } else {
                    message += " (expected \(allowed.joined(separator: ", ")))"
                }
                report(.unknownKey, line: entry.keyLine ?? entry.value.line, column: entry.keyColumn, object: object,
                       field: keyField, message)
                continue
            }
            result[entry.key] = entry.value
        }
        return result
    }

    /// The errors and the warnings found, each ordered by line.
    var sortedProblems: (errors: [ValidationProblem], warnings: [ValidationProblem]) {
        (problems.filter { $0.severity == .error }.sorted(by: ValidationProblem.precedes),
         problems.filter { $0.severity == .warning }.sorted(by: ValidationProblem.precedes))
    }

    /// The closest allowed key within edit distance 2 (or differing only in case). Bounded work: keys longer
    /// than any allowed key by more than 2 characters are not compared.
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let length = key.count(limit: 66)
        guard length <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in allowed where abs(candidate.count - length) <= 2 {
            let distance = candidate.lowercased() == key.lowercased() ? 0 : editDistance(key.lowercased(), candidate.lowercased())
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The elements of a list; reports a non-list.
    mutating func sequence(_ node: SourceNode, object: String, field: String?) -> [SourceNode]? {
        guard case .sequence(let nodes) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected a list, found \(node.typeDescription)")
            return nil
        }
        return nodes
    }

    /// A scalar's text (any non-null scalar: YAML names such as `2024` or `Yes` are names too).
    mutating func text(_ node: SourceNode, object: String, field: String?) -> String? {
        remember(node, object: object, field: field)
        guard case .scalar(let text, let plain) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected text, found \(node.typeDescription)")
            return nil
        }
        if plain, case .null = SourceNode.resolvePlain(text) {
            report(.missingField, at: node, object: object, field: field, "has no value")
            return nil
        }
        return text
    }

    /// A trimmed, non-empty name.
    mutating func name(_ node: SourceNode, object: String, field: String?) -> String? {
        guard let raw = text(node, object: object, field: field) else { return nil }
        let trimmed = Self.trim(raw)
        if trimmed.isEmpty {
            report(.missingField, at: node, object: object, field: field, "is empty")
            return nil
        }
        return trimmed
    }

    /// A number (an unquoted scalar).
    mutating func number(_ node: SourceNode, object: String, field: String?, expected: String) -> (Double, String)? {
        remember(node, object: object, field: field)
        guard case .scalar(let text, let plain) = node.value, plain, case .number(let value) = SourceNode.resolvePlain(text) else {
            report(.invalidType, at: node, object: object, field: field, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        return (value, text)
    }

    /// A boolean.
    mutating func bool(_ node: SourceNode, object: String, field: String?) -> Bool? {
        guard case .scalar(let text, let plain) = node.value, plain, case .bool(let value) = SourceNode.resolvePlain(text) else {
            report(.invalidType, at: node, object: object, field: field, "expected true or false, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// One of a fixed set of strings.
    mutating func choice(_ node: SourceNode, object: String, field: String?, among values: [String]) -> String? {
        guard let value = text(node, object: object, field: field) else { return nil }
        let trimmed = Self.trim(value)
        guard values.contains(trimmed) else {
            var message = "'\(value)' is not one of \(values.joined(separator: ", "))"
            if let match = values.first(where: { $0.lowercased() == trimmed.lowercased() }) {
                message += " (did you mean '\(match)'?)"
            }
            report(.invalidValue, at: node, object: object, field: field, message)
            return nil
        }
        return trimmed
    }

    /// A list of trimmed names; reports empty entries and entries listed twice (after case folding).
    mutating func nameList(_ node: SourceNode, object: String, field: String) -> [String]? {
        guard let nodes = sequence(node, object: object, field: field) else { return nil }
        var names: [String] = []
        var seen: Set<String> = []
        var valid = true
        for (index, element) in nodes.enumerated() {
            let elementField = "\(field)[\(index)]"
            guard let name = name(element, object: object, field: elementField) else {
                valid = false
                continue
            }
            guard seen.insert(Self.fold(name)).inserted else {
                report(.duplicateName, at: element, object: object, field: elementField, "'\(name)' is listed twice")
                valid = false
                continue
            }
            names.append(name)
        }
        return valid ? names : nil
    }

    static func describe(_ node: SourceNode) -> String {
        switch node.value {
        case .scalar(let text, let plain):
            if plain, case .null = SourceNode.resolvePlain(text) { return "nothing" }
            return plain ? "'\(text)'" : "text \"\(text)\""
        default:
            return node.typeDescription
        }
    }

    // MARK: - Document

    static let topLevelKeys = ["version", "policy", "defaults", "skills", "languages", "wrapupCodes", "skillGroups", "queues", "agents"]

    mutating func decodeDocument(_ root: SourceNode) -> DesiredState {
        if case .sequence = root.value {
            return decodeShorthand(root)
        }
        var state = DesiredState()
        guard let fields = mapping(root, object: "", field: nil, allowed: Self.topLevelKeys) else { return state }

        if let versionNode = fields["version"] {
            if case .scalar(let text, true) = versionNode.value, case .number(let value) = SourceNode.resolvePlain(text) {
                if value != 1 {
                    report(.unsupportedVersion, at: versionNode, object: "", field: "version",
                           "unsupported version \(text) (this tool reads version 1)")
                }
            } else {
                report(.unsupportedVersion, at: versionNode, object: "", field: "version",
                       "expected the number 1, found \(Self.describe(versionNode))")
            }
        } else if case .mapping = root.value {
            report(.unsupportedVersion, line: root.line ?? 1, column: root.column ?? 1, object: "", field: "version",
                   "is required (write 'version: 1' at the top)\(root.column.map { " (column \($0))" } ?? "")")
        }

        if let node = fields["policy"] { state.policy = decodePolicy(node) }
        if let node = fields["defaults"], let defaults = mapping(node, object: "defaults", field: nil, allowed: ["division"]) {
            if let division = defaults["division"] {
                state.defaults.division = name(division, object: "defaults", field: "division")
            }
        }
        if let node = fields["skills"] { state.skills = decodeSkills(node) }
        if let node = fields["languages"] { state.languages = decodeLanguages(node) }
        if let node = fields["wrapupCodes"] { state.wrapupCodes = decodeWrapupCodes(node) }
        if let node = fields["skillGroups"] { state.skillGroups = decodeSkillGroups(node) }
        if let node = fields["queues"] { state.queues = decodeQueues(node) }
        if let node = fields["agents"] { state.agents = decodeAgents(node) }
        return state
    }

    mutating func decodePolicy(_ node: SourceNode) -> SyncPolicy {
        var policy = SyncPolicy()
        guard let fields = mapping(node, object: "policy", field: nil, allowed: ["prune", "agentSkills", "agentLanguages", "queueMembers"]) else {
            return policy
        }
        if let prune = fields["prune"], let value = bool(prune, object: "policy", field: "prune") { policy.prune = value }
        let modes = SyncPolicy.Mode.allCases.map(\.rawValue)
        func mode(_ decoder: inout DocumentDecoder, _ key: String) -> SyncPolicy.Mode? {
            guard let node = fields[key], let raw = decoder.choice(node, object: "policy", field: key, among: modes) else { return nil }
            return SyncPolicy.Mode(rawValue: raw)
        }
        if let value = mode(&self, "agentSkills") { policy.agentSkills = value }
        if let value = mode(&self, "agentLanguages") { policy.agentLanguages = value }
        if let value = mode(&self, "queueMembers") { policy.queueMembers = value }
        return policy
    }

    // MARK: - Named objects

    /// Decodes a list of named objects: works out each object's label (`kind[Name]`, or `kind[index]` when the
    /// name is missing), checks names are unique after case folding, and hands each mapping to `body`.
    mutating func decodeNamed<Spec>(
        _ node: SourceNode, kind: String, allowed: [String],
        _ body: (inout DocumentDecoder, _ fields: [String: SourceNode], _ name: String, _ object: String) -> Spec?
    ) -> [Spec] {
        guard let elements = sequence(node, object: "", field: kind) else { return [] }
        var specs: [Spec] = []
        var seen: [String: Int?] = [:]
        for (index, element) in elements.enumerated() {
            let provisional = "\(kind)[\(index)]"
            guard case .mapping(let entries) = element.value else {
                report(.invalidType, at: element, object: provisional, field: nil, "expected a mapping, found \(element.typeDescription)")
                continue
            }
            var object = provisional
            var declaredName: String?
            if let nameEntry = entries.first(where: { $0.key == "name" }) {
                declaredName = name(nameEntry.value, object: provisional, field: "name")
                if let declaredName { object = "\(kind)[\(declaredName)]" }
            } else {
                report(.missingField, line: element.line, column: element.column, object: provisional, field: "name", "is required")
            }
            guard let fields = mapping(element, object: object, field: nil, allowed: allowed) else { continue }
            remember(element, object: object, field: nil)
            guard let declaredName else { continue }
            let folded = Self.fold(declaredName)
            if let earlier = seen[folded] {
                let place = earlier.flatMap { $0 }.map { " (first declared at line \($0))" } ?? ""
                report(.duplicateName, at: fields["name"] ?? element, object: object, field: "name",
                       "'\(declaredName)' is declared twice (names must be unique ignoring case and surrounding spaces)\(place)")
                continue
            }
            seen[folded] = .some(element.line)
            if let spec = body(&self, fields, declaredName, object) { specs.append(spec) }
        }
        return specs
    }

    mutating func optionalName(_ fields: [String: SourceNode], _ key: String, object: String) -> String? {
        guard let node = fields[key] else { return nil }
        return name(node, object: object, field: key)
    }

    mutating func optionalText(_ fields: [String: SourceNode], _ key: String, object: String) -> String? {
        guard let node = fields[key] else { return nil }
        return text(node, object: object, field: key)
    }

    mutating func decodeSkills(_ node: SourceNode) -> [SkillSpec] {
        decodeNamed(node, kind: "skills", allowed: ["name", "division"]) { decoder, fields, name, object in
            SkillSpec(name: name, division: decoder.optionalName(fields, "division", object: object))
        }
    }

    mutating func decodeLanguages(_ node: SourceNode) -> [LanguageSpec] {
        decodeNamed(node, kind: "languages", allowed: ["name"]) { _, _, name, _ in LanguageSpec(name: name) }
    }

    mutating func decodeWrapupCodes(_ node: SourceNode) -> [WrapupCodeSpec] {
        decodeNamed(node, kind: "wrapupCodes", allowed: ["name", "division"]) { decoder, fields, name, object in
            WrapupCodeSpec(name: name, division: decoder.optionalName(fields, "division", object: object))
        }
    }

    /// The previous names as written (an error is reported for the object's own name; any error rejects the
    /// file, so the list is never used with it).
    mutating func previousNames(_ fields: [String: SourceNode], name: String, object: String) -> [String] {
        guard let node = fields["previousNames"], let names = nameList(node, object: object, field: "previousNames") else { return [] }
        for (index, previous) in names.enumerated() where DocumentDecoder.fold(previous) == DocumentDecoder.fold(name) {
            report(.invalidValue, line: fieldLines["\(object).previousNames[\(index)]"], object: object,
                   field: "previousNames[\(index)]", "'\(previous)' is the object's own name")
        }
        return names
    }

    /// Reports previous names that are also declared names (or another object's previous name) of the same kind.
    mutating func checkPreviousNames(kind: String, _ objects: [(name: String, previous: [String])]) {
        var owners: [String: String] = [:]
        for object in objects { owners[Self.fold(object.name)] = object.name }
        var previousOwners: [String: String] = [:]
        for object in objects {
            for (index, previous) in object.previous.enumerated() where Self.fold(previous) != Self.fold(object.name) {
                let folded = Self.fold(previous)
                let label = "\(kind)[\(object.name)]"
                let field = "previousNames[\(index)]"
                if let owner = owners[folded] {
                    report(.duplicateName, line: fieldLines["\(label).\(field)"], object: label, field: field,
                           "'\(previous)' is the name of the declared \(kind == "queues" ? "queue" : "skill group") '\(owner)'")
                } else if let other = previousOwners[folded], other != object.name {
                    report(.duplicateName, line: fieldLines["\(label).\(field)"], object: label, field: field,
                           "'\(previous)' is also a previous name of '\(other)'")
                } else {
                    previousOwners[folded] = object.name
                }
            }
        }
    }

    // MARK: - Skill groups

    mutating func decodeSkillGroups(_ node: SourceNode) -> [SkillGroupSpec] {
        let groups: [SkillGroupSpec] = decodeNamed(
            node, kind: "skillGroups",
            allowed: ["name", "previousNames", "description", "division", "memberDivisions", "conditions"]
        ) { decoder, fields, name, object in
            var spec = SkillGroupSpec(name: name)
            spec.previousNames = decoder.previousNames(fields, name: name, object: object)
            spec.description = decoder.optionalText(fields, "description", object: object)
            spec.division = decoder.optionalName(fields, "division", object: object)
            if let node = fields["memberDivisions"] {
                spec.memberDivisions = decoder.nameList(node, object: object, field: "memberDivisions")
            }
            if let node = fields["conditions"], let nodes = decoder.sequence(node, object: object, field: "conditions") {
                spec.conditions = decoder.decodeConditions(nodes, object: object, field: "conditions", depth: 0)
            }
            return spec
        }
        checkPreviousNames(kind: "skillGroups", groups.map { ($0.name, $0.previousNames) })
        return groups
    }

    static let comparators = ProficiencyComparator.knownCases.map(\.rawValue)
    static let operations = ["And", "Or", "Not"]

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
        guard let fields = mapping(node, object: object, field: field,
                                   allowed: ["operation", "routingSkillConditions", "languageSkillConditions"]) else { return nil }
        var condition = SkillGroupCondition()
        if let operation = fields["operation"] {
            if let raw = choice(operation, object: object, field: "\(field).operation", among: Self.operations) {
                condition.operation = ConditionOperation(rawValue: raw)
            }
        } else {
            report(.missingField, at: node, object: object, field: "\(field).operation", "is required (And, Or or Not)")
        }
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
        _ fields: [String: SourceNode], key: String, nameKey: String, object: String, field: String, depth: Int,
        _ make: (Leaf) -> Condition
    ) -> (conditions: [Condition], entries: Int)? {
        guard let list = fields[key], case .sequence(let nodes) = list.value else { return nil }
        var conditions: [Condition] = []
        for (index, leaf) in nodes.enumerated() {
            let leafField = "\(field).\(key)[\(index)]"
            if let decoded = decodeLeaf(leaf, nameKey: nameKey, object: object, field: leafField, depth: depth) {
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

    mutating func decodeLeaf(_ node: SourceNode, nameKey: String, object: String, field: String, depth: Int) -> Leaf? {
        guard let fields = mapping(node, object: object, field: field,
                                   allowed: [nameKey, "comparator", "proficiency", "childConditions"]) else { return nil }
        var name: String?
        if let nameNode = fields[nameKey] {
            name = self.name(nameNode, object: object, field: "\(field).\(nameKey)")
        } else {
            report(.missingField, at: node, object: object, field: "\(field).\(nameKey)", "is required")
        }
        var comparator: ProficiencyComparator?
        if let comparatorNode = fields["comparator"] {
            if let raw = choice(comparatorNode, object: object, field: "\(field).comparator", among: Self.comparators) {
                comparator = ProficiencyComparator(rawValue: raw)
            }
        } else {
            report(.missingField, at: node, object: object, field: "\(field).comparator", "is required")
        }
        var proficiency: Int?
        if let proficiencyNode = fields["proficiency"] {
            if let (value, text) = number(proficiencyNode, object: object, field: "\(field).proficiency", expected: "an integer 0–5") {
                if value.rounded() != value {
                    report(.invalidType, at: proficiencyNode, object: object, field: "\(field).proficiency",
                           "\(text) is not an integer (condition proficiencies are integers 0–5)")
                } else if value < 0 || value > 5 {
                    report(.outOfRange, at: proficiencyNode, object: object, field: "\(field).proficiency",
                           "\(text) is out of range (integer 0–5)")
                } else {
                    proficiency = Int(value)
                }
            }
        } else {
            report(.missingField, at: node, object: object, field: "\(field).proficiency", "is required")
        }
        var children: [SkillGroupCondition]?
        if let childNode = fields["childConditions"], let nodes = sequence(childNode, object: object, field: "\(field).childConditions") {
            children = decodeConditions(nodes, object: object, field: "\(field).childConditions", depth: depth + 1)
        }
        guard let name, let comparator, let proficiency else { return nil }
        return Leaf(name: name, comparator: comparator, proficiency: proficiency, children: children)
    }

    // MARK: - Queues

    static let queueKeys = [
        "name", "previousNames", "description", "division", "skillEvaluationMethod", "acwSettings", "mediaSettings",
        "skillGroups", "members", "wrapupCodes",
    ]

    mutating func decodeQueues(_ node: SourceNode) -> [QueueSpec] {
        let queues: [QueueSpec] = decodeNamed(node, kind: "queues", allowed: Self.queueKeys) { decoder, fields, name, object in
            var spec = QueueSpec(name: name)
            spec.previousNames = decoder.previousNames(fields, name: name, object: object)
            spec.description = decoder.optionalText(fields, "description", object: object)
            spec.division = decoder.optionalName(fields, "division", object: object)
            if let node = fields["skillEvaluationMethod"],
               let raw = decoder.choice(node, object: object, field: "skillEvaluationMethod", among: SkillEvaluationMethod.knownCases.map(\.rawValue)) {
                spec.skillEvaluationMethod = SkillEvaluationMethod(rawValue: raw)
            }
            if let node = fields["acwSettings"] { spec.acwSettings = decoder.decodeAcw(node, object: object) }
            if let node = fields["mediaSettings"] { spec.mediaSettings = decoder.decodeMediaSettings(node, object: object) }
            if let node = fields["skillGroups"] { spec.skillGroups = decoder.nameList(node, object: object, field: "skillGroups") }
            if let node = fields["wrapupCodes"] { spec.wrapupCodes = decoder.nameList(node, object: object, field: "wrapupCodes") }
            if let node = fields["members"] { spec.members = decoder.userList(node, object: object, field: "members") }
            return spec
        }
        checkPreviousNames(kind: "queues", queues.map { ($0.name, $0.previousNames) })
        return queues
    }

    mutating func decodeAcw(_ node: SourceNode, object: String) -> AcwSettings? {
        guard let fields = mapping(node, object: object, field: "acwSettings", allowed: ["wrapupPrompt", "timeoutMs"]) else { return nil }
        var settings = AcwSettings()
        if let prompt = fields["wrapupPrompt"],
           let raw = choice(prompt, object: object, field: "acwSettings.wrapupPrompt", among: WrapupPrompt.knownCases.map(\.rawValue)) {
            settings.wrapupPrompt = WrapupPrompt(rawValue: raw)
        }
        if let timeout = fields["timeoutMs"],
           let (value, text) = number(timeout, object: object, field: "acwSettings.timeoutMs", expected: "an integer number of milliseconds") {
            if value.rounded() != value {
                report(.invalidType, at: timeout, object: object, field: "acwSettings.timeoutMs", "\(text) is not an integer")
            } else if value < 1_000 || value > 3_600_000 {
                report(.outOfRange, at: timeout, object: object, field: "acwSettings.timeoutMs",
                       "\(text) is out of range (1000–3600000 ms)")
            } else {
                settings.timeoutMs = Int(value)
            }
        }
        return settings
    }

    /// The `QueueMediaSettings` integers the API declares `int32` (`MediaSettings`, `CallbackMediaSettings`,
    /// `EmailMediaSettings`, `MessageMediaSettings`, `InactivityTimeoutSettings`); the models hold them as
    /// `Int`, so a larger value would decode and fail only at the API.
    static let int32MediaKeys: Set<String> = [
        "alertingTimeoutSeconds", "autoDialDelaySeconds", "autoEndDelaySeconds", "maxRetryCount", "retryDelaySeconds",
        "timeoutSeconds",
    ]

    /// Checks `mediaSettings` against the API's `QueueMediaSettings` by decoding it and encoding it back:
    /// a type mismatch fails the decode, and a key that does not survive the round trip is unknown.
    mutating func decodeMediaSettings(_ node: SourceNode, object: String) -> ConfigValue? {
        guard case .mapping = node.value else {
            report(.invalidType, at: node, object: object, field: "mediaSettings", "expected a mapping, found \(node.typeDescription)")
            return nil
        }
        let value = node.configValue
        var valid = true
        // Nulls have no meaning here ("only keys given are managed").
        func findNulls(_ node: SourceNode, _ path: String, _ decoder: inout DocumentDecoder) {
            switch node.value {
            case .scalar(let text, let plain):
                if plain, case .null = SourceNode.resolvePlain(text) {
                    decoder.report(.missingField, at: node, object: object, field: path, "has no value")
                    valid = false
                }
            case .sequence(let nodes):
                for (index, child) in nodes.enumerated() { findNulls(child, "\(path)[\(index)]", &decoder) }
            case .mapping(let entries):
                for entry in entries {
                    let entryPath = "\(path).\(entry.key)"
                    if Self.int32MediaKeys.contains(entry.key), case .scalar(let text, true) = entry.value.value,
                       case .number(let number) = SourceNode.resolvePlain(text), number.rounded() == number,
                       number < Double(Int32.min) || number > Double(Int32.max) {
                        decoder.report(.outOfRange, at: entry.value, object: object, field: entryPath,
                                       "\(text) is out of range (a 32-bit integer, \(Int32.min)–\(Int32.max))")
                        valid = false
                        continue
                    }
                    findNulls(entry.value, entryPath, &decoder)
                }
            }
        }
        findNulls(node, "mediaSettings", &self)
        guard valid else { return nil }
        // Decode; on a failure report it, drop the offending value and try again, so every problem is
        // reported in one run. Then report keys that did not survive the round trip as unknown.
        var working = value
        var decoded: QueueMediaSettings?
        for _ in 0..<32 {
            do {
                decoded = try Self.decodeMedia(working)
                break
            } catch {
                var (components, message) = Self.explain(error)
                if components.isEmpty, let located = Self.locateFailure(in: working) {
                    components = located
                    if case .number(let number)? = Self.value(at: located, in: working), number.rounded() != number {
                        message = "expected an integer, found \(JSONText.numberText(number))"
                    }
                }
                if !message.contains("found"), let found = Self.value(at: components, in: working), found.isScalar {
                    message += ", found \(found.compactText)"
                }
                let text = (["mediaSettings"] + components.map { $0.hasPrefix("[") ? $0 : ".\($0)" }).joined()
                report(.invalidType, line: Self.line(of: components, in: node), object: object, field: text, message)
                valid = false
                guard !components.isEmpty, let reduced = Self.removing(components, from: working) else { break }
                working = reduced
            }
        }
        if let decoded, let back = ConfigValue(encoding: decoded) {
            for path in Self.keysMissing(from: back, in: working, path: "mediaSettings") {
                report(.unknownKey, line: Self.line(of: path.components, in: node), object: object, field: path.text,
                       "unknown key (not a QueueMediaSettings field)")
                valid = false
            }
        }
        return valid ? value : nil
    }

    static func decodeMedia(_ value: ConfigValue) throws -> QueueMediaSettings {
        try value.decoded(as: QueueMediaSettings.self)
    }

    /// The first leaf (of the first 256) whose removal changes the decoding error (for decoder errors that
    /// carry no path). Bounded: each try is a full decode.
    static func locateFailure(in value: ConfigValue) -> [String]? {
        let original: String
        do {
            _ = try decodeMedia(value)
            return nil
        } catch {
            original = String(describing: error)
        }
        for path in leafPaths(value).prefix(256) {
            guard let reduced = removing(path, from: value) else { continue }
            do {
                _ = try decodeMedia(reduced)
                return path
            } catch {
                if String(describing: error) != original { return path }
            }
        }
        return nil
    }

    static func leafPaths(_ value: ConfigValue, prefix: [String] = []) -> [[String]] {
        switch value {
        case .object(let members): return members.flatMap { leafPaths($0.value, prefix: prefix + [$0.key]) }
        case .array(let values): return values.indices.flatMap { leafPaths(values[$0], prefix: prefix + ["[\($0)]"]) }
        default: return [prefix]
        }
    }

    static func value(at path: [String], in value: ConfigValue) -> ConfigValue? {
        guard let first = path.first else { return value }
        switch value {
        case .object(let members):
            return members.first { $0.key == first }.flatMap { Self.value(at: Array(path.dropFirst()), in: $0.value) }
        case .array(let values):
            guard let index = Int(first.dropFirst().dropLast()), values.indices.contains(index) else { return nil }
            return Self.value(at: Array(path.dropFirst()), in: values[index])
        default:
            return nil
        }
    }

    /// `value` without the member or element at `path`; `nil` when the path does not exist.
    static func removing(_ path: [String], from value: ConfigValue) -> ConfigValue? {
        guard let first = path.first else { return nil }
        switch value {
        case .object(var members):
            guard let index = members.firstIndex(where: { $0.key == first }) else { return nil }
            if path.count == 1 {
                members.remove(at: index)
            } else {
                guard let child = removing(Array(path.dropFirst()), from: members[index].value) else { return nil }
                members[index].value = child
            }
            return .object(members)
        case .array(var values):
            guard let index = Int(first.dropFirst().dropLast()), values.indices.contains(index) else { return nil }
            if path.count == 1 {
                values.remove(at: index)
            } else {
                guard let child = removing(Array(path.dropFirst()), from: values[index]) else { return nil }
                values[index] = child
            }
            return .array(values)
        default:
            return nil
        }
    }

    struct KeyPath {
        var components: [String]
        var text: String
    }

    /// Keys present in `given` that are absent from `kept` (recursively), as paths.
    static func keysMissing(from kept: ConfigValue, in given: ConfigValue, path: String, components: [String] = []) -> [KeyPath] {
        switch given {
        case .object(let members):
            var result: [KeyPath] = []
            for member in members {
                let childPath = "\(path).\(member.key)"
                guard let keptValue = kept[member.key] else {
                    result.append(KeyPath(components: components + [member.key], text: childPath))
                    continue
                }
                result += keysMissing(from: keptValue, in: member.value, path: childPath, components: components + [member.key])
            }
            return result
        case .array(let values):
            guard case .array(let keptValues) = kept else { return [] }
            var result: [KeyPath] = []
            for (index, value) in values.enumerated() where index < keptValues.count {
                result += keysMissing(from: keptValues[index], in: value, path: "\(path)[\(index)]", components: components + ["[\(index)]"])
            }
            return result
        default:
            return []
        }
    }

    static func line(of components: [String], in node: SourceNode) -> Int? {
        var current = node
        for component in components {
            switch current.value {
            case .mapping(let entries):
                guard let entry = entries.first(where: { $0.key == component }) else { return current.line }
                current = entry.value
            case .sequence(let nodes):
                guard component.hasPrefix("["), let index = Int(component.dropFirst().dropLast()), index < nodes.count else {
                    return current.line
                }
                current = nodes[index]
            case .scalar:
                return current.line
            }
        }
        return current.line
    }

    static func explain(_ error: any Error) -> ([String], String) {
        guard let error = error as? DecodingError else { return ([], "could not be read as QueueMediaSettings") }
        func components(_ path: [any CodingKey]) -> [String] {
            path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (components(context.codingPath), "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (components(context.codingPath), "expected \(typeName(type))")
        case .keyNotFound(let key, let context):
            return (components(context.codingPath) + [key.stringValue], "is required")
        case .dataCorrupted(let context):
            let message = context.debugDescription.contains("fit") ? "expected an integer" : "has an invalid value"
            return (components(context.codingPath), message)
        @unknown default:
            return ([], "could not be read")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "Int", "Int32", "Int64": return "an integer"
        case "Double", "Float": return "a number"
        case "Bool": return "true or false"
        case "String": return "text"
        default:
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return "a mapping (\(name))"
        }
    }

    // MARK: - Users and agents

    mutating func userReference(_ node: SourceNode, object: String, field: String) -> UserReference? {
        guard let raw = text(node, object: object, field: field) else { return nil }
        guard let reference = UserReference(parsing: raw) else {
            report(.missingField, at: node, object: object, field: field, "is empty")
            return nil
        }
        if case .email(let email) = reference, !email.contains("@") || email.contains(" ") {
            report(.invalidValue, at: node, object: object, field: field,
                   "'\(raw)' is not an email address (write an email, or id:<userId>)")
            return nil
        }
        return reference
    }

    static func userKey(_ reference: UserReference) -> String {
        switch reference {
        case .email(let email): "email:" + email.lowercased()
        case .id(let id): "id:" + id.lowercased()
        }
    }

    mutating func userList(_ node: SourceNode, object: String, field: String) -> [UserReference]? {
        guard let nodes = sequence(node, object: object, field: field) else { return nil }
        var result: [UserReference] = []
        var seen: Set<String> = []
        var valid = true
        for (index, element) in nodes.enumerated() {
            guard let reference = userReference(element, object: object, field: "\(field)[\(index)]") else {
                valid = false
                continue
            }
            guard seen.insert(Self.userKey(reference)).inserted else {
                report(.duplicateName, at: element, object: object, field: "\(field)[\(index)]", "'\(reference)' is listed twice")
                valid = false
                continue
            }
            result.append(reference)
        }
        return valid ? result : nil
    }

    mutating func decodeAgents(_ node: SourceNode) -> [AgentSpec] {
        guard let elements = sequence(node, object: "", field: "agents") else { return [] }
        var agents: [AgentSpec] = []
        var seen: [String: Int?] = [:]
        for (index, element) in elements.enumerated() {
            var object = "agents[\(index)]"
            guard case .mapping(let entries) = element.value else {
                report(.invalidType, at: element, object: object, field: nil, "expected a mapping, found \(element.typeDescription)")
                continue
            }
            var reference: UserReference?
            if let userEntry = entries.first(where: { $0.key == "user" }) {
                reference = userReference(userEntry.value, object: object, field: "user")
                if let reference { object = "agents[\(reference)]" }
            } else {
                report(.missingField, line: element.line, column: element.column, object: object, field: "user", "is required")
            }
            guard let fields = mapping(element, object: object, field: nil, allowed: ["user", "skills", "languages"]) else { continue }
            remember(element, object: object, field: nil)
            guard let reference else { continue }
            let key = Self.userKey(reference)
            if let earlier = seen[key] {
                let place = earlier.flatMap { $0 }.map { " (first declared at line \($0))" } ?? ""
                report(.duplicateName, at: fields["user"] ?? element, object: object, field: "user",
                       "'\(reference)' is declared twice\(place)")
                continue
            }
            seen[key] = .some(element.line)
            var spec = AgentSpec(user: reference)
            if let skills = fields["skills"] { spec.skills = proficiencyMap(skills, object: object, field: "skills") }
            if let languages = fields["languages"] { spec.languages = proficiencyMap(languages, object: object, field: "languages") }
            agents.append(spec)
        }
        return agents
    }

    /// `{ Name: proficiency }` with proficiencies 0.0–5.0 and names unique after case folding.
    mutating func proficiencyMap(_ node: SourceNode, object: String, field: String) -> [String: Double]? {
        guard case .mapping(let entries) = node.value else {
            report(.invalidType, at: node, object: object, field: field,
                   "expected a mapping of names to proficiencies, found \(node.typeDescription)")
            return nil
        }
        var result: [String: Double] = [:]
        var seen: Set<String> = []
        var valid = true
        for entry in entries {
            let name = Self.trim(entry.key)
            let entryField = "\(field)[\(name)]"
            if name.isEmpty {
                report(.missingField, line: entry.keyLine, column: entry.keyColumn, object: object, field: entryField, "a name is empty")
                valid = false
                continue
            }
            guard seen.insert(Self.fold(name)).inserted else {
                report(.duplicateName, line: entry.keyLine, column: entry.keyColumn, object: object, field: entryField,
                       "'\(name)' is listed twice")
                valid = false
                continue
            }
            guard let (value, text) = number(entry.value, object: object, field: entryField, expected: "a proficiency 0.0–5.0") else {
                valid = false
                continue
            }
            guard value >= 0, value <= 5 else {
                report(.outOfRange, at: entry.value, object: object, field: entryField, "\(text) is out of range (0.0–5.0)")
                valid = false
                continue
            }
            result[name] = value
        }
        return valid ? result : nil
    }

    // MARK: - Shorthand

    /// `[{"name", "description", "assign_to_users", "assign_to_profiles"}]`: skills plus agents holding each
    /// listed skill at proficiency 1, applied additively.
    mutating func decodeShorthand(_ root: SourceNode) -> DesiredState {
        var state = DesiredState()
        state.policy.agentSkills = .additive
        var agentOrder: [String] = []
        var agents: [String: AgentSpec] = [:]
        state.skills = decodeNamed(
            root, kind: "skills", allowed: ["name", "description", "assign_to_users", "assign_to_profiles"]
        ) { decoder, fields, name, object in
            if let description = fields["description"] {
                decoder.report(.ignoredField, line: description.line, column: description.column, object: object,
                               field: "description", "Genesys skills have no description; it is ignored", severity: .warning)
            }
            for key in ["assign_to_users", "assign_to_profiles"] {
                guard let node = fields[key], let users = decoder.userList(node, object: object, field: key) else { continue }
                for user in users {
                    let userKey = DocumentDecoder.userKey(user)
                    if agents[userKey] == nil {
                        agents[userKey] = AgentSpec(user: user, skills: [:])
                        agentOrder.append(userKey)
                    }
                    agents[userKey]?.skills?[name] = 1
                }
            }
            return SkillSpec(name: name)
        }
        state.agents = agentOrder.compactMap { agents[$0] }
        return state
    }
}
