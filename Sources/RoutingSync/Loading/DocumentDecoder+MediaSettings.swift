import RoutingModels

/// A queue's `mediaSettings`: checked against the shape of the API's `QueueMediaSettings` model
/// (``CodableSchema``) — keys, types, and the `int32` ranges of the API's schema — and kept as written.
extension DocumentDecoder {
    /// The shape of `QueueMediaSettings` and of every type it holds, learned from the model once.
    static let mediaSettingsSchema = CodableSchema.of(QueueMediaSettings.self)

    /// The `QueueMediaSettings` integers the API declares `int32` (`MediaSettings`, `CallbackMediaSettings`,
    /// `EmailMediaSettings`, `MessageMediaSettings`, `InactivityTimeoutSettings`); the models hold them as
    /// `Int`, so a larger value would decode and fail only at the API.
    static let int32MediaKeys: Set<String> = [
        "alertingTimeoutSeconds", "autoDialDelaySeconds", "autoEndDelaySeconds", "maxRetryCount", "retryDelaySeconds",
        "timeoutSeconds",
    ]

    /// The settings as the API model (the planner merges and compares through it).
    static func decodeMedia(_ value: ConfigValue) throws -> QueueMediaSettings {
        try value.decoded(as: QueueMediaSettings.self)
    }

    /// Checks `mediaSettings`: first values without meaning (nulls) and `int32` ranges, then, when those are
    /// fine, every key and type against ``mediaSettingsSchema``. Returns the settings as written, or `nil`.
    mutating func decodeMediaSettings(_ node: SourceNode, object: String) -> ConfigValue? {
        guard case .mapping = node.value else {
            report(.invalidType, at: node, object: object, field: "mediaSettings", "expected a mapping, found \(node.typeDescription)")
            return nil
        }
        guard checkMediaValues(node, object: object, path: "mediaSettings"),
              checkMediaShape(node, Self.mediaSettingsSchema.root, object: object, path: "mediaSettings") else { return nil }
        return node.configValue
    }

    /// Reports nulls ("only keys given are managed": a null has no meaning) and `int32` values out of range.
    private mutating func checkMediaValues(_ node: SourceNode, object: String, path: String) -> Bool {
        switch node.value {
        case .scalar(let text, let plain):
            guard plain, case .null = SourceNode.resolvePlain(text) else { return true }
            report(.missingField, at: node, object: object, field: path, "has no value")
            return false
        case .sequence(let nodes):
            var valid = true
            for (index, child) in nodes.enumerated() where !checkMediaValues(child, object: object, path: "\(path)[\(index)]") {
                valid = false
            }
            return valid
        case .mapping(let entries):
            var valid = true
            for entry in entries {
                let entryPath = "\(path).\(entry.key)"
                if Self.int32MediaKeys.contains(entry.key), case .scalar(let text, true) = entry.value.value,
                   case .number(let number) = SourceNode.resolvePlain(text), number.rounded() == number,
                   number < Double(Int32.min) || number > Double(Int32.max) {
                    report(.outOfRange, at: entry.value, object: object, field: entryPath,
                           "\(text) is out of range (a 32-bit integer, \(Int32.min)–\(Int32.max))")
                    valid = false
                    continue
                }
                if !checkMediaValues(entry.value, object: object, path: entryPath) { valid = false }
            }
            return valid
        }
    }

    /// Reports keys the model does not have and values of the wrong type, each at the value's line.
    private mutating func checkMediaShape(_ node: SourceNode, _ declared: CodableShape, object: String, path: String) -> Bool {
        let shape = Self.mediaSettingsSchema.resolved(declared)
        let value = node.configValue
        func mismatch(_ expected: String, _ decoder: inout DocumentDecoder) -> Bool {
            let found = value.isScalar ? ", found \(value.compactText)" : ""
            decoder.report(.invalidType, line: node.line, object: object, field: path, "expected \(expected)\(found)")
            return false
        }
        switch (shape, value) {
        case (.any, _), (.type, _), (.bool, .bool), (.text, .string):  // `.type` never comes out of `resolved`
            return true
        case (.number, .number(let number)):
            return number.isFinite || mismatch("a number", &self)
        case (.integer, .number(let number)):
            return number.rounded() == number && abs(number) < 9.2e18 || mismatch("an integer", &self)
        case (.bool, _): return mismatch("true or false", &self)
        case (.text, _): return mismatch("text", &self)
        case (.number, _): return mismatch("a number", &self)
        case (.integer, _): return mismatch("an integer", &self)
        case (.list(let element), .array):
            guard case .sequence(let nodes) = node.value else { return true }
            var valid = true
            for (index, child) in nodes.enumerated() where !checkMediaShape(child, element, object: object, path: "\(path)[\(index)]") {
                valid = false
            }
            return valid
        case (.list, _):
            return mismatch("a list", &self)
        case (.object, .object), (.dictionary, .object):
            guard case .mapping(let entries) = node.value else { return true }
            var valid = true
            for entry in entries {
                let entryPath = "\(path).\(entry.key)"
                let child: CodableShape
                switch shape {
                case .dictionary(let values):
                    child = values
                case .object(let members):
                    guard let member = members.first(where: { $0.key == entry.key }) else {
                        report(.unknownKey, line: entry.value.line, object: object, field: entryPath,
                               "unknown key (not a QueueMediaSettings field)")
                        valid = false
                        continue
                    }
                    child = member.shape
                default:
                    child = .any
                }
                if !checkMediaShape(entry.value, child, object: object, path: entryPath) { valid = false }
            }
            return valid
        case (.object, _), (.dictionary, _):
            return mismatch("a mapping", &self)
        }
    }
}
