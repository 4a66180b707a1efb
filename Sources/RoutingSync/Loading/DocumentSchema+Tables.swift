import RoutingModels

/// The key table of every section but the queue settings (`DocumentSchema+QueueSettings.swift`).
extension DocumentSchema {
    /// The top level. Each section is read by its own decoder (`DocumentDecoder+…`).
    static let document = Table([
        Key("version", .custom), Key("policy", .custom), Key("defaults", .custom), Key("skills", .custom),
        Key("languages", .custom), Key("wrapupCodes", .custom), Key("skillGroups", .custom), Key("queues", .custom),
        Key("agents", .custom),
    ])

    /// `policy`.
    static let policy = Table([
        Key("prune", .bool),
        Key("agentSkills", .choice(SyncPolicy.Mode.allCases.map(\.rawValue))),
        Key("agentLanguages", .choice(SyncPolicy.Mode.allCases.map(\.rawValue))),
        Key("queueMembers", .choice(SyncPolicy.Mode.allCases.map(\.rawValue))),
    ])

    /// `defaults`.
    static let defaults = Table([Key("division", .name)])

    /// One entry of `skills`.
    static let skill = Table([Key("name", .identity), Key("division", .name)])

    /// One entry of `languages`.
    static let language = Table([Key("name", .identity)])

    /// One entry of `wrapupCodes`.
    static let wrapupCode = Table([Key("name", .identity), Key("division", .name)])

    /// One entry of `skillGroups`.
    static let skillGroup = Table([
        Key("name", .identity), Key("previousNames", .names), Key("description", .text), Key("division", .name),
        Key("memberDivisions", .names), Key("conditions", .custom),
    ])

    /// One skill group condition (its leaf lists are read recursively by the skill-group decoder).
    static let condition = Table([
        Key("operation", .choice(["And", "Or", "Not"]), required: "is required (And, Or or Not)"),
        Key("routingSkillConditions", .custom), Key("languageSkillConditions", .custom),
    ])

    /// Condition proficiencies: integers 0–5.
    static let conditionProficiency = IntegerRule(
        range: 0...5, expected: "an integer 0–5", notIntegerNote: " (condition proficiencies are integers 0–5)",
        rangeText: "integer 0–5"
    )

    /// One leaf of a condition, naming its skill or language with `nameKey` (`routingSkill`, `languageSkill`).
    static func leaf(nameKey: String) -> Table {
        Table([
            Key(nameKey, .name, required: "is required"),
            Key("comparator", .choice(ProficiencyComparator.self), required: "is required"),
            Key("proficiency", .integer(conditionProficiency), required: "is required"),
            Key("childConditions", .custom),
        ])
    }

    /// One entry of `queues`: identity, the settings managed since format version 1, then every other
    /// writable queue setting (``queueSettingsKeys``).
    static let queue = Table([
        Key("name", .identity), Key("previousNames", .names), Key("description", .text), Key("division", .name),
        Key("skillEvaluationMethod", .choice(SkillEvaluationMethod.self)), Key("acwSettings", .section(acwSettings)),
        Key("mediaSettings", .custom), Key("skillGroups", .names), Key("members", .users), Key("wrapupCodes", .names),
    ] + queueSettingsKeys)

    /// A queue's `acwSettings`.
    static let acwSettings = Table([
        Key("wrapupPrompt", .choice(WrapupPrompt.self)),
        Key("timeoutMs", .integer(IntegerRule(
            range: 1_000...3_600_000, expected: "an integer number of milliseconds", rangeText: "1000–3600000 ms"
        ))),
    ])

    /// One entry of `agents`.
    static let agent = Table([Key("user", .identity), Key("skills", .custom), Key("languages", .custom)])

    /// One entry of the shorthand skill list.
    static let shorthandSkill = Table([
        Key("name", .identity), Key("description", .custom), Key("assign_to_users", .users), Key("assign_to_profiles", .users),
    ])
}
