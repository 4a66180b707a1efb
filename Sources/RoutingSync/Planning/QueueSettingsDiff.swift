/// The pure comparison of a queue's desired settings with the org's (no I/O).
enum QueueSettingsDiff {
    /// What to write for one queue's settings, and the `field: from → to` lines that say why.
    struct Result: Sendable, Hashable {
        /// The complete settings to write: the file's over the org's.
        var merged: QueueSettings
        /// The changes, nested paths such as `bullseye.rings[1].skillGroups`; empty when nothing changes.
        var fields: [FieldChange]
    }

    /// Compares the file's settings with the queue's current ones (`QueueSettings()` for a queue that does
    /// not exist yet). Only what the file writes can change: see ``QueueSettings/merged(over:)``.
    static func plan(desired: QueueSettings, current: QueueSettings) -> Result {
        let merged = desired.merged(over: current)
        return Result(merged: merged, fields: changes(from: current.tree, to: merged.tree))
    }

    /// Field changes from one tree to another: objects key by key, lists of objects element by element
    /// (`rings[1]`), anything else (values, sets) whole.
    static func changes(from current: ConfigValue?, to desired: ConfigValue?, path: String = "") -> [FieldChange] {
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch (current, desired) {
        case (.object(let old)?, .object(let new)?):
            var keys = new.map(\.key)
            keys += old.map(\.key).filter { !keys.contains($0) }
            return keys.flatMap { changes(from: current?[$0], to: desired?[$0], path: child($0)) }
        case (.array(let old)?, .array(let new)?) where Self.isList(old) && Self.isList(new) && !(old.isEmpty && new.isEmpty):
            return (0..<max(old.count, new.count)).flatMap { index in
                changes(from: index < old.count ? old[index] : nil, to: index < new.count ? new[index] : nil, path: "\(path)[\(index)]")
            }
        case (nil, nil):
            return []
        default:
            if let current, let desired, current.isEquivalent(to: desired) { return [] }
            return [FieldChange(field: path, from: current, to: desired)]
        }
    }

    /// Whether an array is an ordered list of objects (compared element by element) rather than a set or
    /// a list of values (compared whole).
    private static func isList(_ values: [ConfigValue]) -> Bool {
        values.allSatisfy { if case .object = $0 { true } else { false } }
    }
}
