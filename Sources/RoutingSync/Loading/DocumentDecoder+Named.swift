/// Lists of identified objects (`skills`, `languages`, `wrapupCodes`, and the identity of skill groups,
/// queues and agents): labels, unique names, `previousNames`.
extension DocumentDecoder {
    /// Decodes a list of named objects: works out each object's label (`kind[Name]`, or `kind[index]` when the
    /// name is missing), checks names are unique after case folding, reads the mapping against `table` and
    /// hands it to `body`.
    mutating func decodeNamed<Spec>(
        _ node: SourceNode, kind: String, table: DocumentSchema.Table,
        _ body: (inout DocumentDecoder, _ fields: DocumentFields, _ name: String, _ object: String) -> Spec?
    ) -> [Spec] {
        decodeIdentified(
            node, kind: kind, identityKey: "name", table: table,
            identity: { decoder, node, object in decoder.name(node, object: object, field: "name") },
            label: { $0 }, key: Self.fold, unique: " (names must be unique ignoring case and surrounding spaces)", body
        )
    }

    /// Decodes a list of objects identified by `identityKey` (a name, or an agent's user): each object is
    /// labelled `kind[identity]` (`kind[index]` when the identity is missing or invalid), identities are
    /// unique by `key`, and each mapping is read against `table` and handed to `body`.
    mutating func decodeIdentified<Identity, Spec>(
        _ node: SourceNode, kind: String, identityKey: String, table: DocumentSchema.Table,
        identity: (inout DocumentDecoder, SourceNode, String) -> Identity?,
        label: (Identity) -> String, key: (Identity) -> String, unique: String,
        _ body: (inout DocumentDecoder, _ fields: DocumentFields, _ identity: Identity, _ object: String) -> Spec?
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
            var declared: Identity?
            if let entry = entries.first(where: { $0.key == identityKey }) {
                declared = identity(&self, entry.value, provisional)
                if let declared { object = "\(kind)[\(label(declared))]" }
            } else {
                report(.missingField, line: element.line, column: element.column, object: provisional, field: identityKey, "is required")
            }
            guard let fields = read(element, object: object, field: nil, table: table) else { continue }
            remember(element, object: object, field: nil)
            guard let declared else { continue }
            if let earlier = seen[key(declared)] {
                let place = earlier.flatMap { $0 }.map { " (first declared at line \($0))" } ?? ""
                report(.duplicateName, at: fields[identityKey] ?? element, object: object, field: identityKey,
                       "'\(label(declared))' is declared twice\(unique)\(place)")
                continue
            }
            seen[key(declared)] = .some(element.line)
            if let spec = body(&self, fields, declared, object) { specs.append(spec) }
        }
        return specs
    }

    mutating func decodeSkills(_ node: SourceNode) -> [SkillSpec] {
        decodeNamed(node, kind: "skills", table: DocumentSchema.skill) { _, fields, name, _ in
            SkillSpec(name: name, division: fields.text("division"))
        }
    }

    mutating func decodeLanguages(_ node: SourceNode) -> [LanguageSpec] {
        decodeNamed(node, kind: "languages", table: DocumentSchema.language) { _, _, name, _ in LanguageSpec(name: name) }
    }

    mutating func decodeWrapupCodes(_ node: SourceNode) -> [WrapupCodeSpec] {
        decodeNamed(node, kind: "wrapupCodes", table: DocumentSchema.wrapupCode) { _, fields, name, _ in
            WrapupCodeSpec(name: name, division: fields.text("division"))
        }
    }

    /// The previous names as written (an error is reported for the object's own name; any error rejects the
    /// file, so the list is never used with it).
    mutating func previousNames(_ fields: DocumentFields, name: String, object: String) -> [String] {
        guard let names = fields.names("previousNames") else { return [] }
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
}
