import RoutingModels

/// Skills, languages and wrap-up codes: objects with a name (and, for skills and wrap-up codes, a division).
extension Planner {
    // MARK: - Skills

    mutating func planSkills() {
        skillIDs = planDefinitions(
            desired.skills.map { ($0.name, $0.division) }, existing: current.skills, kind: .skill, label: "skill",
            section: "skills", name: \.name, id: \.id, division: \.division?.id,
            create: { .createSkill(name: $0, divisionID: $1) },
            move: { _, id, divisionID in .moveSkill(id: id, divisionID: divisionID) }
        )
    }

    // MARK: - Languages

    mutating func planLanguages() {
        languageIDs = planDefinitions(
            desired.languages.map { ($0.name, nil) }, existing: current.languages, kind: .language, label: "language",
            section: "languages", name: \.name, id: \.id, division: { _ in nil },
            create: { name, _ in .createLanguage(name: name) }, move: nil
        )
    }

    // MARK: - Wrap-up codes

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

    // MARK: - Shared

    /// Skills, languages and wrap-up codes: created when missing, moved when their managed division differs.
    /// `move` is `nil` for a kind without a division (languages: the default division does not apply).
    /// - Returns: Each declared name's resolution.
    mutating func planDefinitions<Item>(
        _ specs: [(name: String, division: String?)], existing items: [Item]?, kind: PlannedChange.Kind, label: String,
        section: String, name: (Item) -> String?, id: (Item) -> String?, division divisionOf: (Item) -> String?,
        create: (_ name: String, _ divisionID: String?) -> Operation,
        move: ((_ item: Item, _ id: String, _ divisionID: String) -> Operation)?
    ) -> [String: Resolution] {
        guard !specs.isEmpty else { return [:] }
        guard let items = requireSnapshot(items, "\(label)s", object: section) else { return [:] }
        let index = NameIndex(items, name: name)
        var ids: [String: Resolution] = [:]
        for spec in specs {
            let object = "\(section)[\(spec.name)]"
            let division = move == nil ? nil : managedDivision(spec.division, object: object)
            switch match(spec.name, in: index, kind: label, object: object, id: id) {
            case .ambiguous:
                ids[spec.name] = .ambiguous
            case .missing:
                ids[spec.name] = .resolved(.created(ObjectRef(kind: kind, name: spec.name)))
                let fields = division.map { [FieldChange(field: "division", from: nil, to: .string($0.name))] } ?? []
                changes.append(PlannedChange(
                    action: .create, kind: kind, name: spec.name, existingID: nil, fields: fields, dependsOn: [],
                    operation: create(spec.name, division?.id)
                ))
            case .found(let item):
                guard let itemID = id(item) else { continue }
                claimed.insert(itemID)
                ids[spec.name] = .resolved(.existing(itemID))
                var diff = FieldDiff(updating: divisionOf(item))
                diff.compare("division", \.self, current: divisionOf(item), desired: division?.id, shown: shownDivision)
                if let move, let divisionID = diff.body, diff.bodyChanged {
                    changes.append(PlannedChange(
                        action: .update, kind: kind, name: spec.name, existingID: itemID, fields: diff.fields,
                        dependsOn: [], operation: move(item, itemID, divisionID)
                    ))
                } else {
                    unchanged.append(ObjectRef(kind: kind, name: spec.name))
                }
            }
        }
        return ids
    }
}
