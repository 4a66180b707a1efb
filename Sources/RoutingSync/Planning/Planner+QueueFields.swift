import RoutingModels

extension Planner {
    // MARK: - A queue's managed fields

    /// Compares the queue fields the `PUT` (or the create) carries, one managed field at a time: each one
    /// the file writes that differs from `current` is recorded in `diff` and written into its body; a field
    /// the file does not write keeps the org's value. For a queue being created `current` is `nil`.
    ///
    /// This is the one place where a queue setting of the desired state meets the queue: a new setting is
    /// one more comparison here (plus its loader and writer). The name, member groups, members and
    /// wrap-up codes are compared by the caller.
    /// - Returns: `false` when a field cannot be planned (reported); the queue is then left out.
    mutating func compareQueueFields(
        _ spec: QueueSpec, current queue: RoutingQueue?, object: String, division: ManagedDivision?,
        into diff: inout FieldDiff<QueueRequest>
    ) -> Bool {
        diff.compare("description", \.description, current: queue?.description, desired: spec.description, absent: "",
                     shown: ConfigValue.shown)
        diff.compare("division", current: queue?.division?.id, desired: division?.id, shown: shownDivision) {
            $0.division = Division(id: $1)
        }
        diff.compare("skillEvaluationMethod", \.skillEvaluationMethod, current: queue?.skillEvaluationMethod,
                     desired: spec.skillEvaluationMethod, shown: ConfigValue.shown)
        if let acw = spec.acwSettings {
            // The settings the file does not write are kept (a queue without any gets the API's defaults).
            if diff.body.acwSettings == nil { diff.body.acwSettings = AcwSettings() }
            diff.compare("acwSettings.wrapupPrompt", current: queue?.acwSettings?.wrapupPrompt, desired: acw.wrapupPrompt,
                         shown: ConfigValue.shown) { $0.acwSettings?.wrapupPrompt = $1 }
            diff.compare("acwSettings.timeoutMs", current: queue?.acwSettings?.timeoutMs, desired: acw.timeoutMs,
                         shown: ConfigValue.shown) { $0.acwSettings?.timeoutMs = $1 }
        }
        if let media = spec.mediaSettings {
            guard compareMediaSettings(media, current: queue?.mediaSettings, object: object, into: &diff) else { return false }
        }
        return true
    }
}
