/// Lists of named objects (`skills`, `languages`, `wrapupCodes`, and the identity of skill groups and
/// queues): labels, unique names, `previousNames`.
extension DocumentDecoder {
    /// Decodes a list of named objects: works out each object's label (`kind[Name]`, or `kind[index]` when the
    /// name is missing), checks names are unique after case folding, reads the mapping against `table` and
    /// hands it to `body`.
    mutating func decodeNamed<Spec>(
        _ node: SourceNode, kind: String, table: DocumentSchema.Table,
        _ body: (inout DocumentDecoder, _ fields: DocumentFields, _ name: String, _ object: String) -> Spec?
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
            guard let fields = read(element, object: object, field: nil, table: table) else { continue }
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
