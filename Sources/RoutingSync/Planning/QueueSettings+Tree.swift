import RoutingModels

/// Queue settings as a ``ConfigValue`` tree in the file's vocabulary (what ``DesiredStateWriter`` writes),
/// with every set sorted, so two trees compare equal exactly when the settings mean the same.
extension QueueSettings {
    /// The tree of every setting that is set, in the model's order; sets sorted and without repeats.
    var tree: ConfigValue { .object(DesiredStateWriter.queueSettingsMembers(canonical)) }

    /// These settings with every set (skill groups, groups, teams, skills to remove, library ids) sorted.
    var canonical: QueueSettings {
        func set(_ names: [String]?) -> [String]? { names.map { Set($0).sorted(by: NameOrder.precedes) } }
        var settings = self
        settings.groups = set(groups)
        settings.teams = set(teams)
        settings.cannedResponseLibraries?.libraryIds = set(cannedResponseLibraries?.libraryIds)
        settings.bullseye?.rings = (bullseye?.rings ?? []).map { ring in
            var ring = ring
            ring.skillGroups = set(ring.skillGroups)
            ring.groups = set(ring.groups)
            ring.teams = set(ring.teams)
            ring.skillsToRemove = set(ring.skillsToRemove)
            return ring
        }
        settings.conditionalGroupRouting?.rules = (conditionalGroupRouting?.rules ?? []).map { rule in
            var rule = rule
            rule.skillGroups = set(rule.skillGroups)
            rule.groups = set(rule.groups)
            rule.teams = set(rule.teams)
            return rule
        }
        settings.conditionalGroupActivation?.rules = conditionalGroupActivation?.rules?.map { rule in
            var rule = rule
            rule.skillGroups = set(rule.skillGroups)
            rule.groups = set(rule.groups)
            rule.teams = set(rule.teams)
            return rule
        }
        return settings
    }
}
