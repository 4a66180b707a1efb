import Foundation
import RoutingModels
import Testing

/// One enum under test: its type-erased checks and the wire values the API reference lists.
struct EnumUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let specRawValues: [String]
    let knownRawValues: @Sendable () -> [String]
    /// Decodes a JSON string value; returns (decoded is the unknown case, raw value, re-encoded JSON).
    let decode: @Sendable (String) throws -> (isUnknownCase: Bool, rawValue: String, reencoded: String)
    /// `init(rawValue:)` then reports whether the unknown case was chosen.
    let initIsUnknown: @Sendable (String) -> Bool

    var testDescription: String { name }

    init<E: GenesysEnum>(_ type: E.Type, _ specRawValues: [String]) {
        name = String(describing: type)
        self.specRawValues = specRawValues
        knownRawValues = { E.knownCases.map(\.rawValue) }
        decode = { raw in
            let json = try String(decoding: JSONEncoder().encode(raw), as: UTF8.self)
            let value = try JSONDecoder().decode(E.self, from: Data(json.utf8))
            let reencoded = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
            return (isUnknownCase(value), value.rawValue, reencoded)
        }
        initIsUnknown = { isUnknownCase(E(rawValue: $0)) }
    }
}

/// Whether an enum value is its `unknown(String)` case (the only case with a payload).
private func isUnknownCase(_ value: some GenesysEnum) -> Bool {
    Mirror(reflecting: value).children.first?.label == "unknown"
}

@Suite("Genesys enums")
struct GenesysEnumTests {
    static let enums: [EnumUnderTest] = [
        EnumUnderTest(SkillState.self, ["active", "inactive", "deleted"]),
        EnumUnderTest(SkillGroupStatus.self, ["InProgress", "Complete"]),
        EnumUnderTest(ConditionOperation.self, ["And", "Not", "Or"]),
        EnumUnderTest(
            ProficiencyComparator.self,
            ["EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]
        ),
        EnumUnderTest(MemberGroupType.self, ["TEAM", "GROUP", "SKILLGROUP"]),
        EnumUnderTest(RoutingRuleOperator.self, ["MEETS_THRESHOLD", "ANY"]),
        EnumUnderTest(ExpansionCriteriumType.self, ["TIMEOUT_SECONDS"]),
        EnumUnderTest(
            WrapupPrompt.self,
            ["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"]
        ),
        EnumUnderTest(SkillEvaluationMethod.self, ["NONE", "BEST", "ALL"]),
        EnumUnderTest(ScoringMethod.self, ["TimestampAndPriority", "PriorityOnly"]),
        EnumUnderTest(LastAgentRoutingMode.self, ["Disabled", "QueueMembersOnly", "AnyAgent"]),
        EnumUnderTest(CallbackMode.self, ["AgentFirst", "CustomerFirst"]),
        EnumUnderTest(ReactionType.self, ["HangUp", "TransferToQueue", "TransferToFlow"]),
        EnumUnderTest(InactivityTimeoutAction.self, ["DISCONNECT", "SEND_TO_ARCHITECT_FLOW"]),
        EnumUnderTest(ConditionalGroupRoutingMetric.self, ["EstimatedWaitTime", "ServiceLevel"]),
        EnumUnderTest(
            ConditionalGroupRoutingOperator.self,
            ["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"]
        ),
        EnumUnderTest(ConditionalGroupActivationMetric.self, ["EstimatedWaitTime", "IdleAgentCount", "ServiceLevel"]),
        EnumUnderTest(
            ConditionalGroupActivationOperator.self,
            ["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "EqualTo", "NotEqualTo"]
        ),
        EnumUnderTest(CannedResponseLibrariesMode.self, ["All", "SelectedOnly", "None"]),
        EnumUnderTest(SignatureInclusionType.self, ["Draft", "Send", "SendOnce"]),
        EnumUnderTest(InboundRouteHistoryInclusion.self, ["Include", "Exclude", "Optional"]),
        EnumUnderTest(InboundRouteStatus.self, ["Pending", "Active", "Removing", "Error"]),
        EnumUnderTest(QueueMemberBy.self, ["user", "group"]),
        EnumUnderTest(
            RoutingStatusValue.self,
            ["OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING", "COMMUNICATING"]
        ),
        EnumUnderTest(SearchSortOrder.self, ["ASC", "DESC", "SCORE"]),
        EnumUnderTest(IntegrationPresenceSource.self, ["MicrosoftTeams", "ZoomPhone", "EightByEight", "RingCentral"]),
        EnumUnderTest(
            UserSearchType.self,
            [
                "EXACT", "STARTS_WITH", "CONTAINS", "REGEX", "TERM", "TERMS", "REQUIRED_FIELDS", "MATCH_ALL",
                "QUERY_STRING", "RANGE", "LESS_THAN", "LESS_THAN_EQUAL_TO", "GREATER_THAN", "GREATER_THAN_EQUAL_TO",
            ]
        ),
        EnumUnderTest(UserSearchOperator.self, ["AND", "OR", "NOT"]),
        EnumUnderTest(UtilizationLevel.self, ["Agent", "Organization"]),
        EnumUnderTest(
            DivisionObjectType.self,
            [
                "QUEUE", "CAMPAIGN", "CONTACTLIST", "DNCLIST", "EMAILCAMPAIGN", "MESSAGINGCAMPAIGN", "MANAGEMENTUNIT",
                "BUSINESSUNIT", "FLOW", "FLOWMILESTONE", "FLOWOUTCOME", "USER", "CALLROUTE", "EMERGENCYGROUPS",
                "ROUTINGSCHEDULES", "ROUTINGSCHEDULEGROUPS", "DATATABLES", "TEAM", "WORKBIN", "WORKTYPE",
                "EXTENSIONPOOL", "SKILLGROUP", "SCRIPT", "LIBRARY",
            ]
        ),
    ]

    @Test("known cases are exactly the values the API reference lists", arguments: enums)
    func knownCasesMatchTheSpec(_ subject: EnumUnderTest) {
        #expect(subject.knownRawValues() == subject.specRawValues)
    }

    @Test("every known wire value decodes to its own case and re-encodes unchanged", arguments: enums)
    func knownValuesRoundTrip(_ subject: EnumUnderTest) throws {
        for raw in subject.specRawValues {
            let decoded = try subject.decode(raw)
            #expect(!decoded.isUnknownCase, "\(raw) decoded to .unknown")
            #expect(decoded.rawValue == raw)
            #expect(decoded.reencoded == "\"\(raw)\"")
            #expect(!subject.initIsUnknown(raw))
        }
    }

    @Test("an unknown wire value decodes to .unknown and re-encodes unchanged", arguments: enums)
    func unknownValueIsKept(_ subject: EnumUnderTest) throws {
        let decoded = try subject.decode("SOMETHING_NEW")
        #expect(decoded.isUnknownCase)
        #expect(decoded.rawValue == "SOMETHING_NEW")
        #expect(decoded.reencoded == "\"SOMETHING_NEW\"")
    }

    @Test("wire values are case-sensitive", arguments: enums)
    func caseSensitive(_ subject: EnumUnderTest) {
        for raw in subject.specRawValues {
            for variant in [raw.lowercased(), raw.uppercased()] where variant != raw {
                if !subject.specRawValues.contains(variant) {
                    #expect(subject.initIsUnknown(variant), "\(variant) should not match \(raw)")
                }
            }
        }
    }

    @Test("cases match by pattern, and unknown values compare by raw value")
    func patternsAndEquality() {
        guard case .best = SkillEvaluationMethod(rawValue: "BEST") else {
            Issue.record("BEST did not map to .best")
            return
        }
        guard case .unknown(let value) = SkillEvaluationMethod(rawValue: "BEST_EFFORT") else {
            Issue.record("BEST_EFFORT did not map to .unknown")
            return
        }
        #expect(value == "BEST_EFFORT")
        #expect(SkillEvaluationMethod.unknown("BEST") == .best)
        #expect(SkillEvaluationMethod.unknown("BEST").hashValue == SkillEvaluationMethod.best.hashValue)
        #expect(SkillEvaluationMethod.unknown("X") != .unknown("Y"))
        #expect(SkillEvaluationMethod.best.isKnown)
        #expect(!SkillEvaluationMethod.unknown("X").isKnown)
        #expect(ConditionOperation.and.description == "And")
        #expect(MemberGroupType(rawValue: "SKILLGROUP") == .skillGroup)
        #expect(ProficiencyComparator(rawValue: "GreaterThan") == .greaterThan)
        #expect(ExpansionCriteriumType(rawValue: "TIMEOUT_SECONDS") == .timeoutSeconds)
        #expect(SkillGroupStatus(rawValue: "InProgress") == .inProgress)
        #expect(SkillState(rawValue: "active") == .active)
    }

    @Test("an unknown value inside a model survives a round trip")
    func unknownInsideModel() throws {
        let queue = try decode(#"{"skillEvaluationMethod":"FUTURE_METHOD","memberGroups":[{"type":"DEPARTMENT"}]}"#, as: RoutingQueue.self)
        #expect(queue.skillEvaluationMethod == .unknown("FUTURE_METHOD"))
        #expect(queue.memberGroups?.first?.type == .unknown("DEPARTMENT"))
        #expect(
            try encodeToString(queue)
                == #"{"memberGroups":[{"type":"DEPARTMENT"}],"skillEvaluationMethod":"FUTURE_METHOD"}"#
        )
    }
}
