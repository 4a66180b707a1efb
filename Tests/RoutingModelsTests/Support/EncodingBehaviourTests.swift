import Foundation
import RoutingModels
import Testing

/// An empty value of a model and how to encode it.
struct EmptyModel: Sendable, CustomTestStringConvertible {
    let name: String
    let encode: @Sendable () throws -> String

    init<T: Encodable & SendableMetatype>(_ make: @escaping @Sendable () -> T) {
        name = String(describing: T.self)
        encode = { try encodeToString(make()) }
    }

    var testDescription: String { name }
}

@Suite("Encoding behaviour")
struct EncodingBehaviourTests {
    static let emptyModels: [EmptyModel] = [
        EmptyModel { RoutingSkill() }, EmptyModel { CreateRoutingSkill() }, EmptyModel { UpdateSkillDivisionRequest() },
        EmptyModel { Language() }, EmptyModel { WrapupCode() }, EmptyModel { WrapupCodeRequest() },
        EmptyModel { WrapUpCodeReference() }, EmptyModel { SkillGroup() }, EmptyModel { SkillGroupWithMemberDivisions() },
        EmptyModel { SkillGroupDefinition() }, EmptyModel { SkillGroupCondition() }, EmptyModel { SkillGroupRoutingCondition() },
        EmptyModel { SkillGroupLanguageCondition() }, EmptyModel { SkillGroupMemberDivisions() },
        EmptyModel { SkillGroupMemberDivisionList() }, EmptyModel { UserReferenceWithName() }, EmptyModel { RoutingQueue() },
        EmptyModel { QueueRequest() }, EmptyModel { CreateQueueRequest() }, EmptyModel { QueueMediaSettings() },
        EmptyModel { MediaSettings() }, EmptyModel { CallbackMediaSettings() }, EmptyModel { EmailMediaSettings() },
        EmptyModel { MessageMediaSettings() }, EmptyModel { MessageSubtypeSettings() }, EmptyModel { InactivityTimeoutSettings() },
        EmptyModel { ServiceLevel() }, EmptyModel { AcwSettings() }, EmptyModel { Bullseye() }, EmptyModel { Ring() },
        EmptyModel { ExpansionCriterium() }, EmptyModel { Actions() }, EmptyModel { SkillsToRemove() },
        EmptyModel { RoutingRule() }, EmptyModel { MemberGroup() }, EmptyModel { ConditionalGroupRouting() },
        EmptyModel { ConditionalGroupRoutingRule() }, EmptyModel { ConditionalGroupActivation() },
        EmptyModel { ConditionalGroupActivationPilotRule() }, EmptyModel { ConditionalGroupActivationRule() },
        EmptyModel { ConditionalGroupActivationCondition() }, EmptyModel { ConditionalGroupActivationSimpleMetric() },
        EmptyModel { AgentOwnedRouting() }, EmptyModel { DirectRouting() }, EmptyModel { DirectRoutingMediaSettings() },
        EmptyModel { CannedResponseLibraries() }, EmptyModel { QueueMessagingAddresses() }, EmptyModel { QueueEmailAddress() },
        EmptyModel { InboundRoute() }, EmptyModel { EmailAddress() }, EmptyModel { Signature() }, EmptyModel { Script() },
        EmptyModel { QueueMember() }, EmptyModel { RoutingStatus() }, EmptyModel { WritableEntity() },
        EmptyModel { DomainEntityRef() }, EmptyModel { UserRoutingSkill() }, EmptyModel { UserRoutingSkillPost() },
        EmptyModel { UserRoutingLanguage() }, EmptyModel { UserRoutingLanguagePost() }, EmptyModel { User() },
        EmptyModel { Chat() }, EmptyModel { UserSearchRequest() }, EmptyModel { UserSearchCriteria() },
        EmptyModel { SearchSort() }, EmptyModel { UsersSearchResponse() }, EmptyModel { Division() },
        EmptyModel { AuthzDivision() }, EmptyModel { UtilizationRequest() }, EmptyModel { UtilizationResponse() },
        EmptyModel { AgentMaxUtilizationResponse() }, EmptyModel { MediaUtilization() }, EmptyModel { LabelUtilizationRequest() },
        EmptyModel { LabelUtilizationResponse() }, EmptyModel { SkillExpression() }, EmptyModel { SkillExpressionData() },
        EmptyModel { SkillExpressionValidationResult() }, EmptyModel { SkillReference() },
        EmptyModel { SkillExpressionValidationError() }, EmptyModel { ErrorBody() }, EmptyModel { ErrorDetail() },
        EmptyModel { ErrorLimit() }, EmptyModel { AccessTokenResponse() }, EmptyModel { EntityListing<RoutingSkill>() },
        EmptyModel { QueueMemberEntityListing() }, EmptyModel { CursorListing<SkillGroup>() },
    ]

    @Test("an empty model encodes to {}: nil is omitted, never null", arguments: emptyModels)
    func emptyEncodesToEmptyObject(_ model: EmptyModel) throws {
        #expect(try model.encode() == "{}")
    }

    @Test("a mostly-empty queue encodes only the fields that are set")
    func mostlyEmpty() throws {
        let queue = RoutingQueue(
            name: "Billing",
            mediaSettings: QueueMediaSettings(call: MediaSettings(serviceLevel: ServiceLevel(percentage: 0.8))),
            bullseye: Bullseye(rings: [Ring(expansionCriteria: [ExpansionCriterium(threshold: 10)])]),
            skillEvaluationMethod: SkillEvaluationMethod.none
        )
        let json = try encodeToString(queue)
        #expect(!json.contains("null"))
        #expect(
            json
                == #"{"bullseye":{"rings":[{"expansionCriteria":[{"threshold":10}]}]},"#
                + #""mediaSettings":{"call":{"serviceLevel":{"percentage":0.8}}},"name":"Billing","skillEvaluationMethod":"NONE"}"#
        )
        #expect(try JSONValue(GenesysJSON.makeEncoder().encode(queue)).containsNull == false)
    }

    @Test("empty arrays and maps are kept, distinct from absent ones")
    func emptyCollectionsKept() throws {
        let condition = SkillGroupCondition(routingSkillConditions: [], languageSkillConditions: nil, operation: .or)
        #expect(try encodeToString(condition) == #"{"operation":"Or","routingSkillConditions":[]}"#)
        #expect(try encodeToString(ErrorBody(messageParams: [:])) == #"{"messageParams":{}}"#)
    }

    @Test("unknown JSON fields are ignored at every level")
    func unknownFieldsIgnored() throws {
        let json = """
            {
              "name": "Billing", "brandNewField": {"deep": [1, 2, 3]}, "anotherOne": null,
              "acwSettings": {"wrapupPrompt": "OPTIONAL", "futureKnob": true},
              "memberGroups": [{"id": "g", "type": "TEAM", "colour": "blue"}],
              "division": {"id": "d", "homeDivision": true}
            }
            """
        let queue = try decode(json, as: RoutingQueue.self)
        #expect(queue.name == "Billing")
        #expect(queue.acwSettings == AcwSettings(wrapupPrompt: .optional))
        #expect(queue.memberGroups == [MemberGroup(id: "g", type: .team)])
        #expect(queue.division == Division(id: "d"))
        #expect(
            try encodeToString(queue)
                == #"{"acwSettings":{"wrapupPrompt":"OPTIONAL"},"division":{"id":"d"},"#
                + #""memberGroups":[{"id":"g","type":"TEAM"}],"name":"Billing"}"#
        )
    }

    @Test("explicit nulls in responses decode as nil")
    func nullsDecodeAsNil() throws {
        let rule = try decode(#"{"operator":"ANY","threshold":null,"waitSeconds":null}"#, as: RoutingRule.self)
        #expect(rule == RoutingRule(operator: .any))
    }

    @Test("a wrongly typed field is a decoding error, not a silent nil")
    func wrongTypeFails() {
        #expect(throws: DecodingError.self) { try decode(#"{"proficiency":"high"}"#, as: UserRoutingSkill.self) }
        #expect(throws: DecodingError.self) { try decode(#"{"state":5}"#, as: RoutingSkill.self) }
    }

    @Test("models are Sendable values usable across tasks")
    func sendableAcrossTasks() async throws {
        let queue = try decodeFixture("queue-full", as: RoutingQueue.self)
        let name = await Task.detached { queue.name }.value
        #expect(name == "Billing Support")
    }
}
