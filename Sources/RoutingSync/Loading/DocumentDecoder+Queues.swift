import RoutingModels

/// `queues`: identity, skill evaluation, after-call work, media settings, membership, and every other
/// setting (`DocumentDecoder+QueueSettings.swift`).
extension DocumentDecoder {
    mutating func decodeQueues(_ node: SourceNode) -> [QueueSpec] {
        let queues: [QueueSpec] = decodeNamed(node, kind: "queues", table: DocumentSchema.queue) { decoder, fields, name, object in
            var spec = QueueSpec(name: name)
            spec.previousNames = decoder.previousNames(fields, name: name, object: object)
            spec.description = fields.text("description")
            spec.division = fields.text("division")
            spec.skillEvaluationMethod = fields.choice("skillEvaluationMethod")
            if let acw = fields.section("acwSettings") {
                spec.acwSettings = AcwSettings(wrapupPrompt: acw.choice("wrapupPrompt"), timeoutMs: acw.integer("timeoutMs"))
            }
            if let node = fields["mediaSettings"] { spec.mediaSettings = decoder.decodeMediaSettings(node, object: object) }
            spec.skillGroups = fields.names("skillGroups")
            spec.wrapupCodes = fields.names("wrapupCodes")
            spec.members = fields.users("members")
            spec.settings = Self.queueSettings(fields)
            return spec
        }
        checkPreviousNames(kind: "queues", queues.map { ($0.name, $0.previousNames) })
        return queues
    }
}
