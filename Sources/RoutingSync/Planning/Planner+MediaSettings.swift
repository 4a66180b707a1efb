import RoutingModels

extension Planner {
    // MARK: - Media settings

    /// Compares the media settings the file writes with the queue's, key by key; the body gets the queue's
    /// current settings with the file's keys written over them, so settings the file does not write are
    /// kept as the org has them.
    ///
    /// When the two do not combine into valid `QueueMediaSettings`, or the queue's current settings cannot
    /// be read as a tree, the queue cannot be planned without overwriting settings the file does not
    /// manage: that is reported (naming the queue and `mediaSettings`) instead.
    /// - Returns: `false` when reported.
    mutating func compareMediaSettings(
        _ media: ConfigValue, current settings: QueueMediaSettings?, object: String, into diff: inout FieldDiff<QueueRequest>
    ) -> Bool {
        if diff.creating {
            var fields: [FieldChange] = []
            Self.diffTree(desired: media, current: nil, path: "mediaSettings", into: &fields)
            diff.record(fields, changesBody: true)
            diff.body.mediaSettings = try? media.decoded(as: QueueMediaSettings.self)
            return true
        }
        let currentTree: ConfigValue
        if let settings {
            guard let tree = ConfigValue(encoding: settings) else {
                report(.invalidValue, object: object, field: "mediaSettings",
                       "the queue's current media settings cannot be read, so the file's could not be merged into them without overwriting settings the file does not manage")
                return false
            }
            currentTree = tree
        } else {
            currentTree = .object([])
        }
        var fields: [FieldChange] = []
        Self.diffTree(desired: media, current: currentTree, path: "mediaSettings", into: &fields)
        guard !fields.isEmpty else { return true }
        let merged: QueueMediaSettings
        do {
            merged = try Self.merge(media, into: currentTree).decoded(as: QueueMediaSettings.self)
        } catch {
            report(.invalidValue, object: object, field: "mediaSettings",
                   "merged into the queue's current media settings, the file's do not form valid QueueMediaSettings (\(Self.reason(error))); "
                   + "sending only the file's keys would overwrite settings the file does not manage, so the queue is not changed")
            return false
        }
        diff.record(fields, changesBody: true)
        diff.body.mediaSettings = merged
        return true
    }

    /// A decoding failure in one line: where and why.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let context: DecodingError.Context? = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            context
        @unknown default:
            nil
        }
        guard let context else { return "\(error)" }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let description = context.debugDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return path.isEmpty ? description : "mediaSettings\(path): \(description)"
    }

    /// Queue media settings as a JSON-like tree (what the API would send).
    static func tree(of settings: QueueMediaSettings?) -> ConfigValue {
        settings.flatMap { ConfigValue(encoding: $0) } ?? .object([])
    }

    /// Field changes for every leaf the file gives that differs from the current tree (key by key).
    static func diffTree(desired: ConfigValue, current: ConfigValue?, path: String, into fields: inout [FieldChange]) {
        if case .object(let members) = desired {
            let currentObject: ConfigValue? = if case .object = current { current } else { nil }
            if currentObject == nil, let current, current != .null {
                fields.append(FieldChange(field: path, from: current, to: desired))
                return
            }
            for member in members {
                diffTree(desired: member.value, current: currentObject?[member.key], path: "\(path).\(member.key)", into: &fields)
            }
            return
        }
        guard let current, current != .null else {
            fields.append(FieldChange(field: path, from: nil, to: desired))
            return
        }
        if !desired.isEquivalent(to: current) {
            fields.append(FieldChange(field: path, from: current, to: desired))
        }
    }

    /// `current` with the file's keys written over it (objects merged key by key, other values replaced).
    static func merge(_ desired: ConfigValue, into current: ConfigValue?) -> ConfigValue {
        guard case .object(let wanted) = desired, case .object(var members)? = current else { return desired }
        for member in wanted {
            if let index = members.firstIndex(where: { $0.key == member.key }) {
                members[index].value = merge(member.value, into: members[index].value)
            } else {
                members.append(member)
            }
        }
        return .object(members)
    }
}
