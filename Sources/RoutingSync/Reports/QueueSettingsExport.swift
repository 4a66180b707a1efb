import RoutingModels

/// Turns a queue as the API returns it into its ``QueueSettings`` for export: every setting the org has,
/// with queues, skill groups and skills by name and everything else by id.
///
/// The conversion is the planner's own (`QueueSettings(queue:table:)`), so an export re-plans empty. On top
/// of it, export writes a file people read and keep in git: set-like lists (skill groups, groups, teams,
/// skills to remove, library ids) are sorted, and empty lists and objects are left out (not managed).
///
/// A setting that refers to a queue, skill group or skill the snapshot doesn't hold (deleted since, or
/// outside what the credentials can see) can't be written by name: the planner shows such a reference as
/// `id:<id>`, which no file can resolve, and leaving only the reference out would change the setting's
/// meaning (a conditional-group-routing rule without a queue evaluates its own queue). So that **whole
/// setting is left out** (not managed: applying the export keeps it as the org has it) and a warning names
/// the queue, the field and the id.
struct QueueSettingsExport {
    /// Queues, skill groups and skills by id.
    let table: QueueReferenceTable
    /// The settings left out, one warning each.
    private(set) var warnings: [ValidationProblem] = []

    init(snapshot: OrgSnapshot) {
        var table = QueueReferenceTable()
        table.record(snapshot)
        self.table = table
    }

    /// The settings of `queue` (exported under `name`).
    mutating func settings(of queue: RoutingQueue, name: String) -> QueueSettings {
        var settings = QueueSettings(queue: queue, table: table)
        // Settings holding a reference the table could not name (shown as `id:<id>`) are left out.
        var leftOut = Set<String>()
        for reference in settings.references where reference.name.hasPrefix("id:")
            && table.name(reference.kind, String(reference.name.dropFirst(3))) == reference.name {
            let setting = String(reference.field.prefix { $0 != "." && $0 != "[" })
            guard leftOut.insert(setting).inserted else { continue }
            warnings.append(ValidationProblem(
                code: .unresolvedReference, severity: .warning, file: "", object: "queues[\(name)]", field: reference.field,
                message: "refers to the \(reference.kind.rawValue) \(reference.name.dropFirst(3)), which is not in the org; "
                    + "\(setting) is left out of the export (not managed)"
            ))
        }
        if leftOut.contains("bullseye") { settings.bullseye = nil }
        if leftOut.contains("conditionalGroupRouting") { settings.conditionalGroupRouting = nil }
        if leftOut.contains("conditionalGroupActivation") { settings.conditionalGroupActivation = nil }
        if leftOut.contains("directRouting") { settings.directRouting = nil }
        return Self.tidy(settings)
    }

    /// Set-like lists sorted; empty lists and objects left out.
    static func tidy(_ settings: QueueSettings) -> QueueSettings {
        var settings = settings
        settings.groups = sortedSet(settings.groups)
        settings.teams = sortedSet(settings.teams)
        if let bullseye = settings.bullseye {
            settings.bullseye = BullseyeSettings(rings: bullseye.rings.map { ring in
                var ring = sortedLists(ring)
                ring.skillsToRemove = sortedSet(ring.skillsToRemove)
                return ring
            })
        }
        if let routing = settings.conditionalGroupRouting {
            settings.conditionalGroupRouting = ConditionalGroupRoutingSettings(rules: routing.rules.map(sortedLists))
        }
        if var activation = settings.conditionalGroupActivation {
            activation.rules = activation.rules?.map(sortedLists)
            settings.conditionalGroupActivation = activation == ConditionalGroupActivationSettings() ? nil : activation
        }
        if settings.directRouting == DirectRoutingSettings() { settings.directRouting = nil }
        if settings.agentOwnedRouting == AgentOwnedRouting() { settings.agentOwnedRouting = nil }
        if settings.defaultScripts?.isEmpty == true { settings.defaultScripts = nil }
        if var libraries = settings.cannedResponseLibraries {
            libraries.libraryIds = libraries.libraryIds.map { $0.sorted(by: NameOrder.precedes) }
            settings.cannedResponseLibraries = libraries == CannedResponseLibraries() ? nil : libraries
        }
        if settings.outboundMessagingAddresses == OutboundMessagingAddressSettings() { settings.outboundMessagingAddresses = nil }
        if settings.outboundEmailAddress == OutboundEmailAddressSettings() { settings.outboundEmailAddress = nil }
        return settings
    }

    /// A ring's or rule's skill groups, groups and teams sorted (`nil` for none).
    private static func sortedLists<Item: QueueMemberGroupLists>(_ item: Item) -> Item {
        var item = item
        item.skillGroups = sortedSet(item.skillGroups)
        item.groups = sortedSet(item.groups)
        item.teams = sortedSet(item.teams)
        return item
    }

    /// The names sorted, or `nil` for none.
    private static func sortedSet(_ names: [String]?) -> [String]? {
        guard let names, !names.isEmpty else { return nil }
        return names.sorted(by: NameOrder.precedes)
    }
}

/// A bullseye ring or a conditional group routing or activation rule: the member groups it adds, by kind.
protocol QueueMemberGroupLists {
    /// `SKILLGROUP` groups, by name.
    var skillGroups: [String]? { get set }
    /// `GROUP` groups, by id.
    var groups: [String]? { get set }
    /// `TEAM` groups, by id.
    var teams: [String]? { get set }
}

extension BullseyeSettings.Ring: QueueMemberGroupLists {}
extension ConditionalGroupRoutingSettings.Rule: QueueMemberGroupLists {}
extension ConditionalGroupActivationSettings.Rule: QueueMemberGroupLists {}

extension QueueSettings {
    /// Every ring and rule that adds member groups: bullseye rings, then conditional group routing rules,
    /// then conditional group activation rules.
    var memberGroupLists: [any QueueMemberGroupLists] {
        (bullseye?.rings ?? []) as [any QueueMemberGroupLists]
            + (conditionalGroupRouting?.rules ?? []) as [any QueueMemberGroupLists]
            + (conditionalGroupActivation?.rules ?? []) as [any QueueMemberGroupLists]
    }
}
