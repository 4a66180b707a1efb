/// The top level: `version`, `policy`, `defaults`, and the sections, each read by its own decoder.
extension DocumentDecoder {
    /// The keys allowed at the top level, in the format's order.
    static var topLevelKeys: [String] { DocumentSchema.document.names }

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
        if let node = fields["defaults"], let defaults = read(node, object: "defaults", field: nil, table: DocumentSchema.defaults) {
            state.defaults.division = defaults.text("division")
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
        guard let fields = read(node, object: "policy", field: nil, table: DocumentSchema.policy) else { return policy }
        if let value = fields.bool("prune") { policy.prune = value }
        if let value = fields.text("agentSkills").flatMap(SyncPolicy.Mode.init(rawValue:)) { policy.agentSkills = value }
        if let value = fields.text("agentLanguages").flatMap(SyncPolicy.Mode.init(rawValue:)) { policy.agentLanguages = value }
        if let value = fields.text("queueMembers").flatMap(SyncPolicy.Mode.init(rawValue:)) { policy.queueMembers = value }
        return policy
    }
}
