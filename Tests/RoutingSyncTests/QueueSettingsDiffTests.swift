import RoutingModels
@testable import RoutingSync
import Testing

/// The pure parts of planning queue settings: merge, compare, wire (no org).
@Suite("Queue settings: diff")
struct QueueSettingsDiffTests {
    static var table: QueueReferenceTable {
        var table = QueueReferenceTable()
        table.record(.queue, name: "Overflow", id: "q-overflow")
        table.record(.skillGroup, name: "Experts", id: "g-experts")
        table.record(.skillGroup, name: "Juniors", id: "g-juniors")
        table.record(.skill, name: "Billing", id: "s-billing")
        return table
    }

    static let every = QueueSettingsSamples.every(queue: "Overflow", skillGroups: ["Experts", "Juniors"], skill: "Billing")

    /// The org's copy of a queue with these settings.
    static func queue(_ settings: QueueSettings) throws -> RoutingQueue {
        var request = QueueRequest(name: "Q")
        try settings.write(into: &request) { kind, name in
            try #require(table.id(kind, name))
        }
        var queue = RoutingQueue(id: "q-1", name: "Q")
        queue.merge(request)
        return queue
    }

    @Test("every setting survives settings → wire → settings")
    func roundTrip() throws {
        let queue = try Self.queue(Self.every)
        #expect(queue.directRouting?.backupQueueId == "q-overflow")
        #expect(queue.bullseye?.rings?[0].actions?.skillsToRemove == [SkillsToRemove(id: "s-billing")])
        #expect(queue.defaultScripts?["CALL"] == Script(id: "script-1"))
        #expect(queue.outboundEmailAddress?.route == InboundRoute(id: "route-1"))
        let read = QueueSettings(queue: queue, table: Self.table)
        #expect(QueueSettingsDiff.plan(desired: Self.every, current: read).fields == [])
        #expect(Self.every.tree.compactText.contains("\"queueFlow\":\"id:flow-1\""))
    }

    @Test("a file that writes one setting manages only that one; the rest is kept as the org has it")
    func onlyWhatIsWritten() throws {
        let current = QueueSettings(queue: try Self.queue(Self.every), table: Self.table)
        let result = QueueSettingsDiff.plan(desired: QueueSettings(scoringMethod: .timestampAndPriority), current: current)
        #expect(result.fields.map(\.description) == ["scoringMethod: \"PriorityOnly\" → \"TimestampAndPriority\""])
        var expected = current
        expected.scoringMethod = .timestampAndPriority
        #expect(result.merged == expected)
        #expect(QueueSettingsDiff.plan(desired: QueueSettings(), current: current).fields == [])
    }

    @Test("sets compare as sets, ordered lists in order, and nested changes name their path")
    func setsListsAndPaths() throws {
        let current = QueueSettings(queue: try Self.queue(Self.every), table: Self.table)
        var reordered = Self.every
        reordered.bullseye?.rings[0].skillGroups = ["Juniors", "Experts"]
        reordered.groups = ["group-8", "group-9"]
        reordered.cannedResponseLibraries?.libraryIds = ["lib-2", "lib-1"]
        #expect(QueueSettingsDiff.plan(desired: reordered, current: current).fields == [])

        var changed = Self.every
        changed.bullseye?.rings[1].skillGroups = ["Experts", "Juniors"]
        changed.routingRules?.reverse()
        changed.directRouting = DirectRoutingSettings(backupQueue: "Q2")
        let fields = QueueSettingsDiff.plan(desired: changed, current: current).fields.map(\.description)
        #expect(fields == [
            "routingRules[0].operator: \"MEETS_THRESHOLD\" → \"ANY\"",
            "routingRules[0].waitSeconds: 10 → 5",
            "routingRules[1].operator: \"ANY\" → \"MEETS_THRESHOLD\"",
            "routingRules[1].threshold: (none) → 3",
            "routingRules[1].waitSeconds: 5 → 10",
            "bullseye.rings[1].skillGroups: [\"Experts\"] → [\"Experts\",\"Juniors\"]",
            "directRouting.backupQueue: \"Overflow\" → \"Q2\"",
        ])
    }

    @Test("a list element keeps the fields the file leaves out; a longer or shorter list adds or removes elements")
    func listElements() throws {
        let current = QueueSettings(queue: try Self.queue(Self.every), table: Self.table)
        let fewer = QueueSettings(bullseye: BullseyeSettings(rings: [BullseyeSettings.Ring(skillGroups: ["Experts"])]))
        let result = QueueSettingsDiff.plan(desired: fewer, current: current)
        #expect(result.fields.map(\.field) == ["bullseye.rings[0].skillGroups", "bullseye.rings[1]"])
        #expect(result.fields.last?.to == nil)
        #expect(result.merged.bullseye?.rings.first?.teams == ["team-1"])
        #expect(result.merged.bullseye?.rings.first?.expansionCriteria == [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)])
    }

    @Test("a new queue: every setting is a change from nothing")
    func create() {
        let fields = QueueSettingsDiff.plan(desired: Self.every, current: QueueSettings()).fields
        #expect(fields.allSatisfy { $0.from == nil })
        #expect(fields.map(\.field).first == "scoringMethod")
        #expect(fields.contains { $0.field == "bullseye" })
    }

    @Test("references name their field; leaving out the queues created later drops what refers to them")
    func references() {
        let references = Self.every.references
        #expect(references.contains(QueueSettingsReference(kind: .queue, name: "Overflow", field: "directRouting.backupQueue")))
        #expect(references.contains(QueueSettingsReference(kind: .skillGroup, name: "Juniors", field: "bullseye.rings[0].skillGroups[1]")))
        #expect(references.contains(QueueSettingsReference(kind: .skill, name: "Billing", field: "bullseye.rings[0].skillsToRemove[0]")))
        #expect(references.contains(QueueSettingsReference(kind: .queue, name: "Overflow", field: "conditionalGroupActivation.pilotRule.conditions[0].queue")))
        #expect(Set(references.filter { $0.kind == .queue }.map(\.name)) == Self.every.referencedQueueNames)
        let early = Self.every.withoutReferences(toQueues: ["Overflow"])
        #expect(!early.refersToQueues(in: ["Overflow"]))
        #expect(early.conditionalGroupRouting == nil && early.conditionalGroupActivation == nil)
        #expect(early.directRouting?.backupQueue == nil && early.directRouting?.agentWaitSeconds == 90)
        #expect(early.bullseye == Self.every.bullseye)
    }

    @Test("an id the table does not know reads as id:<id> and writes back as the id")
    func unknownIDs() throws {
        var queue = RoutingQueue(id: "q-1", name: "Q")
        queue.bullseye = Bullseye(rings: [Ring(memberGroups: [MemberGroup(id: "g-gone", type: .skillGroup)])])
        let read = QueueSettings(queue: queue, table: Self.table)
        #expect(read.bullseye?.rings.first?.skillGroups == ["id:g-gone"])
        var request = QueueRequest(name: "Q")
        try read.write(into: &request) { kind, name in try #require(Self.table.id(kind, name)) }
        #expect(request.bullseye?.rings?.first?.memberGroups == [MemberGroup(id: "g-gone", type: .skillGroup)])
    }
}

extension RoutingQueue {
    /// The queue with every field a body sets (the org's view after a `PUT` of it, without defaults).
    mutating func merge(_ request: QueueRequest) {
        scoringMethod = request.scoringMethod ?? scoringMethod
        lastAgentRoutingMode = request.lastAgentRoutingMode
        enableTranscription = request.enableTranscription
        enableAudioMonitoring = request.enableAudioMonitoring
        enableManualAssignment = request.enableManualAssignment
        suppressInQueueCallRecording = request.suppressInQueueCallRecording
        autoAnswerOnly = request.autoAnswerOnly
        callingPartyName = request.callingPartyName
        callingPartyNumber = request.callingPartyNumber
        defaultMediaLanguage = request.defaultMediaLanguage
        peerId = request.peerId
        routingRules = request.routingRules
        bullseye = request.bullseye
        conditionalGroupRouting = request.conditionalGroupRouting
        conditionalGroupActivation = request.conditionalGroupActivation
        directRouting = request.directRouting
        agentOwnedRouting = request.agentOwnedRouting
        memberGroups = request.memberGroups
        queueFlow = request.queueFlow
        emailInQueueFlow = request.emailInQueueFlow
        messageInQueueFlow = request.messageInQueueFlow
        whisperPrompt = request.whisperPrompt
        onHoldPrompt = request.onHoldPrompt
        defaultScripts = request.defaultScripts
        cannedResponseLibraries = request.cannedResponseLibraries
        outboundMessagingAddresses = request.outboundMessagingAddresses
        outboundEmailAddress = request.outboundEmailAddress
    }
}
