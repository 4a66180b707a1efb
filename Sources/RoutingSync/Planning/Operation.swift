import RoutingModels

/// The id of an object a write refers to: known now, or created earlier in the same apply.
enum ObjectID: Sendable, Hashable {
    case existing(String)
    case created(ObjectRef)

    var createdRef: ObjectRef? {
        if case .created(let ref) = self { return ref }
        return nil
    }

    /// The id when the object exists already.
    var existingID: String? {
        if case .existing(let id) = self { return id }
        return nil
    }
}

/// A skill or language assignment of an agent.
struct Assignment: Sendable, Hashable {
    var target: ObjectID
    var proficiency: Double
}

/// What apply does for one ``PlannedChange``. Built by the planner from the snapshot, so apply needs no
/// extra reads (except a skill group's conditions when the file changes a group without declaring them).
///
/// The cases with large payloads are `indirect`, so a change stays small to copy (a plan holds thousands).
enum Operation: Sendable, Hashable {
    case createSkill(name: String, divisionID: String?)
    case moveSkill(id: String, divisionID: String)
    case deleteSkill(id: String)
    case createLanguage(name: String)
    case deleteLanguage(id: String)
    case createWrapupCode(name: String, divisionID: String?)
    indirect case updateWrapupCode(id: String, WrapupCodeRequest)
    case deleteWrapupCode(id: String)
    indirect case createSkillGroup(SkillGroupWrite)
    indirect case updateSkillGroup(id: String, SkillGroupWrite)
    case deleteSkillGroup(id: String)
    indirect case createQueue(QueueWrite)
    indirect case updateQueue(id: String, QueueWrite)
    case deleteQueue(id: String)
    /// A queue created in this run gets its references to queues created in the same run (read, then `PUT`).
    indirect case writeQueueReferences(ObjectRef, QueueSettingsWrite)
    indirect case updateAgent(AgentWrite)
}

struct SkillGroupWrite: Sendable, Hashable {
    /// The definition to send (create: everything; update: the full definition, current fields kept).
    var group: SkillGroup
    /// Whether the PATCH is needed (name, description, division or conditions change).
    var patch: Bool
    /// Update without declared conditions: the snapshot did not read them; fetch before the PATCH.
    var needsCurrentConditions: Bool
    /// Member divisions for a create.
    var memberDivisionIDs: [String]?
    var addMemberDivisions: [String]
    var removeMemberDivisions: [String]
    /// Skills and languages created in this apply that the conditions name (a 400 naming one is retried).
    var newSkillNames: [String]
}

struct QueueWrite: Sendable, Hashable {
    /// The body: for a create, the new queue; for an update, the current queue with the managed fields
    /// changed. `nil` when no PUT is needed.
    var request: QueueRequest?
    /// Skill groups to set as the `SKILLGROUP` member groups (other member groups are kept); `nil` keeps them.
    var skillGroups: [ObjectID]?
    var addMembers: [String]
    var removeMembers: [String]
    var addWrapupCodes: [ObjectID]
    var removeWrapupCodes: [String]
    /// The queue settings to write (every other writable `QueueRequest` field); `nil` keeps the body's.
    var settings: QueueSettingsWrite? = nil
}

struct AgentWrite: Sendable, Hashable {
    var userID: String
    /// The complete set of skills (authoritative with removals: one `PUT …/routingskills/bulk`).
    var replaceSkills: [Assignment]?
    /// Skills to add or update (`PATCH …/routingskills/bulk`).
    var upsertSkills: [Assignment]
    var upsertLanguages: [Assignment]
    var removeLanguages: [String]
}
