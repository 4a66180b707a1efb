extension DesiredState {
    /// Checks the state exactly as ``DesiredStateLoader`` checks a file: names trimmed, non-empty and unique
    /// per kind ignoring case, ranges (agent proficiencies 0.0–5.0, condition proficiencies integers 0–5,
    /// integers within their wire type), enumerations, `previousNames`, `mediaSettings`, lists without an
    /// entry twice.
    ///
    /// ``RoutingSync`` runs this before any request in `plan`, `apply` and `detectDrift`, so a state built
    /// in code gets the same protection as a file. Problems name the object and field; they carry a line
    /// only when the state was loaded from a file (``source``).
    ///
    /// - Returns: Every problem found (errors and warnings), ordered by line, then by path; empty when the
    ///   state is valid.
    public func validate() -> [ValidationProblem] {
        let (errors, warnings) = validationProblems()
        return errors + warnings
    }

    /// One validation path with the loader: the state is written as the document tree a file would give
    /// and run through the same decoder.
    func validationProblems() -> (errors: [ValidationProblem], warnings: [ValidationProblem]) {
        var decoder = DocumentDecoder(file: source?.fileName ?? "")
        _ = decoder.decodeDocument(SourceNode(DesiredStateWriter.configValue(of: self)))
        let (errors, warnings) = decoder.sortedProblems
        guard let source else { return (errors, warnings) }
        func located(_ problem: ValidationProblem) -> ValidationProblem {
            var problem = problem
            problem.line = problem.field.flatMap { source.fieldLines["\(problem.object).\($0)"] } ?? source.lines[problem.object]
            return problem
        }
        return (errors.map(located), warnings.map(located))
    }

    /// Throws ``SyncError`` (``SyncError/Code/invalidDesiredState``) when ``validate()`` finds an error.
    /// A state the loader validated and nobody changed since (same fingerprint) is not checked again.
    func requireValid() throws(SyncError) {
        if validated.matches(self) { return }
        let errors = validationProblems().errors
        guard errors.isEmpty else { throw SyncError(code: .invalidDesiredState, problems: errors) }
    }
}

extension SourceNode {
    /// The tree a file holding `value` would parse to (without lines): strings quoted, everything else plain.
    init(_ value: ConfigValue) {
        switch value {
        case .null: self.init(value: .scalar("null", plain: true))
        case .bool(let flag): self.init(value: .scalar(flag ? "true" : "false", plain: true))
        case .number(let number): self.init(value: .scalar(number.isFinite ? JSONText.numberText(number) : "\(number)", plain: true))
        case .string(let text): self.init(value: .scalar(text, plain: false))
        case .array(let values): self.init(value: .sequence(values.map(SourceNode.init)))
        case .object(let members):
            self.init(value: .mapping(members.map { Entry(key: $0.key, value: SourceNode($0.value)) }))
        }
    }
}

/// The fingerprint of a ``DesiredState`` that passed validation: Swift's seeded hash (SipHash) of everything
/// the rules look at (version, policy, defaults and every object), not of ``DesiredState/source`` or
/// ``DesiredState/warnings``, which only place messages. It takes no part in the state's equality or hash,
/// so a loaded state still equals the same state built in code.
struct ValidatedFingerprint: Sendable, Hashable {
    private var value: Int?

    /// No fingerprint: the state is validated when used.
    init() {}

    /// The fingerprint of `state` as it is now.
    init(of state: DesiredState) {
        value = Self.hash(of: state)
    }

    /// Whether `state` is, field for field, the state this fingerprint was taken of (up to a hash collision).
    func matches(_ state: DesiredState) -> Bool {
        value.map { $0 == Self.hash(of: state) } ?? false
    }

    private static func hash(of state: DesiredState) -> Int {
        var hasher = Hasher()
        hasher.combine(state.version)
        hasher.combine(state.policy)
        hasher.combine(state.defaults)
        hasher.combine(state.skills)
        hasher.combine(state.languages)
        hasher.combine(state.wrapupCodes)
        hasher.combine(state.skillGroups)
        hasher.combine(state.queues)
        hasher.combine(state.agents)
        return hasher.finalize()
    }

    static func == (lhs: Self, rhs: Self) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
