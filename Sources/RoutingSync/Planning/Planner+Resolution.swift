import RoutingModels

/// What a declared name or a reference resolved to.
enum Resolution: Sendable, Hashable {
    /// The object: an existing one, or one created earlier in the same apply.
    case resolved(ObjectID)
    /// Several existing objects match (reported where found): nothing that refers to it can be planned.
    case ambiguous
    /// Nothing usable matches (reported).
    case unresolved

    /// The object's id when it resolved.
    var id: ObjectID? {
        if case .resolved(let id) = self { return id }
        return nil
    }
}

extension Planner {
    // MARK: - Identity

    /// The existing object a declared one is.
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

    // MARK: - References

    /// Resolves a reference by name to a declared object (existing or created in this plan) or to an
    /// undeclared existing one; reports what does not resolve.
    mutating func reference<Item>(
        _ name: String, declared: [String: Resolution], index: NameIndex<Item>?, kind: String, object: String, field: String,
        id: (Item) -> String?
    ) -> Resolution {
        if let resolution = declared[name] { return resolution }
        guard let index else {
            report(.invalidValue, object: object, field: field, "the org snapshot does not include \(kind)s")
            return .unresolved
        }
        let exact = index.exactMatches(name)
        if exact.count > 1 {
            report(.ambiguousName, object: object, field: field,
                   "\(exact.count) existing \(kind)s are named '\(name)' (\(Self.ids(exact, id))); rename or delete all but one")
            return .ambiguous
        }
        if let item = exact.first, let itemID = id(item) {
            if prune {
                report(.unresolvedReference, object: object, field: field,
                       "\(kind) '\(name)' exists but is not declared, so prune would delete it; declare it")
                return .unresolved
            }
            return .resolved(.existing(itemID))
        }
        var message = "unknown \(kind) '\(name)' (neither declared in the file nor in the org)"
        let folded = NameIndex<Int>.fold(name)
        let declaredNear = declared.keys.filter { NameIndex<Int>.fold($0) == folded }.sorted()
        if let suggestion = declaredNear.first ?? index.nearMatches(name).first?.name {
            message += "; did you mean '\(suggestion)'?"
        }
        report(.unresolvedReference, object: object, field: field, message)
        return .unresolved
    }

    /// Resolves a list of references (`field[position]`); clears `resolved` when one does not resolve
    /// (reported) and notes objects created in this plan in `dependsOn`.
    mutating func references<Item>(
        _ names: [String], declared: [String: Resolution], index: NameIndex<Item>?, kind: String, object: String, field: String,
        id: (Item) -> String?, resolved: inout Bool, dependsOn: inout [ObjectRef]
    ) -> [ObjectID] {
        var targets: [ObjectID] = []
        for (position, name) in names.enumerated() {
            let resolution = reference(name, declared: declared, index: index, kind: kind, object: object, field: "\(field)[\(position)]", id: id)
            guard let target = resolution.id else {
                resolved = false
                continue
            }
            if let ref = target.createdRef { dependsOn.append(ref) }
            targets.append(target)
        }
        return targets
    }

    // MARK: - Divisions

    /// The division id for a division name, reporting an unknown name.
    mutating func divisionID(_ name: String, object: String, field: String?) -> String? {
        guard let index = divisionIndex else {
            report(.invalidValue, object: object, field: field, "the org snapshot does not include divisions")
            return nil
        }
        let exact = index.exactMatches(name)
        if exact.count == 1, let id = exact.first?.id { return id }
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

    /// The division an object should be in: its own (`division`) or the file's default; `nil` when
    /// neither is written (not managed). The `id` is `nil` when the name does not resolve (reported).
    mutating func managedDivision(_ name: String?, object: String) -> ManagedDivision? {
        if let name { return ManagedDivision(name: name, id: divisionID(name, object: object, field: "division")) }
        if let name = desired.defaults.division {
            return ManagedDivision(name: name, id: divisionID(name, object: "defaults", field: "division"))
        }
        return nil
    }

    /// A division as a plan shows it: its name, else its id.
    func divisionName(_ id: String?) -> String? {
        guard let id else { return nil }
        return current.divisions?.first { $0.id == id }?.name ?? id
    }

    /// A division id shown as the division's name (for ``FieldDiff``).
    func shownDivision(_ id: String) -> ConfigValue {
        .string(divisionName(id) ?? id)
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
}

/// The division a declared object is managed into: the name as written and its id (`nil` when the name
/// does not resolve; reported).
struct ManagedDivision {
    var name: String
    var id: String?
}
