/// The `objectType` path segment of `POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}`,
/// which moves objects of one type into a division (`postAuthorizationDivisionObject`). Skills are not in this list.
public enum DivisionObjectType: GenesysEnum {
    /// `QUEUE`: routing queues.
    case queue
    /// `CAMPAIGN`: outbound campaigns.
    case campaign
    /// `CONTACTLIST`: outbound contact lists.
    case contactList
    /// `DNCLIST`: do-not-contact lists.
    case dncList
    /// `EMAILCAMPAIGN`: email campaigns.
    case emailCampaign
    /// `MESSAGINGCAMPAIGN`: messaging campaigns.
    case messagingCampaign
    /// `MANAGEMENTUNIT`: workforce management units.
    case managementUnit
    /// `BUSINESSUNIT`: workforce business units.
    case businessUnit
    /// `FLOW`: Architect flows.
    case flow
    /// `FLOWMILESTONE`: flow milestones.
    case flowMilestone
    /// `FLOWOUTCOME`: flow outcomes.
    case flowOutcome
    /// `USER`: users.
    case user
    /// `CALLROUTE`: call routes.
    case callRoute
    /// `EMERGENCYGROUPS`: emergency groups.
    case emergencyGroups
    /// `ROUTINGSCHEDULES`: routing schedules.
    case routingSchedules
    /// `ROUTINGSCHEDULEGROUPS`: routing schedule groups.
    case routingScheduleGroups
    /// `DATATABLES`: data tables.
    case dataTables
    /// `TEAM`: teams.
    case team
    /// `WORKBIN`: workbins.
    case workbin
    /// `WORKTYPE`: work types.
    case worktype
    /// `EXTENSIONPOOL`: extension pools.
    case extensionPool
    /// `SKILLGROUP`: skill (expression) groups.
    case skillGroup
    /// `SCRIPT`: scripts.
    case script
    /// `LIBRARY`: libraries.
    case library
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The object types listed by the API reference.
    public static let knownCases: [Self] = [
        .queue, .campaign, .contactList, .dncList, .emailCampaign, .messagingCampaign, .managementUnit,
        .businessUnit, .flow, .flowMilestone, .flowOutcome, .user, .callRoute, .emergencyGroups,
        .routingSchedules, .routingScheduleGroups, .dataTables, .team, .workbin, .worktype, .extensionPool,
        .skillGroup, .script, .library,
    ]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .queue: "QUEUE"
        case .campaign: "CAMPAIGN"
        case .contactList: "CONTACTLIST"
        case .dncList: "DNCLIST"
        case .emailCampaign: "EMAILCAMPAIGN"
        case .messagingCampaign: "MESSAGINGCAMPAIGN"
        case .managementUnit: "MANAGEMENTUNIT"
        case .businessUnit: "BUSINESSUNIT"
        case .flow: "FLOW"
        case .flowMilestone: "FLOWMILESTONE"
        case .flowOutcome: "FLOWOUTCOME"
        case .user: "USER"
        case .callRoute: "CALLROUTE"
        case .emergencyGroups: "EMERGENCYGROUPS"
        case .routingSchedules: "ROUTINGSCHEDULES"
        case .routingScheduleGroups: "ROUTINGSCHEDULEGROUPS"
        case .dataTables: "DATATABLES"
        case .team: "TEAM"
        case .workbin: "WORKBIN"
        case .worktype: "WORKTYPE"
        case .extensionPool: "EXTENSIONPOOL"
        case .skillGroup: "SKILLGROUP"
        case .script: "SCRIPT"
        case .library: "LIBRARY"
        case .unknown(let value): value
        }
    }
}
