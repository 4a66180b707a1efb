import CYaml
import Yams

/// Parses YAML with Yams into a ``SourceNode``, keeping Yams' marks (1-based line and column).
///
/// Before Yams builds its tree, one pass over libyaml's events rejects anchors and aliases (the format needs
/// none, and expanding them is how a few hundred bytes become gigabytes) and nesting deeper than the limit,
/// so nothing is expanded and nothing recurses without bound.
enum YAMLSourceParser {
    struct Failure: Error {
        var message: String
        var line: Int?
        var column: Int?
    }

    static func parse(_ text: String, maxDepth: Int = DesiredStateLoader.Limits().maxDepth) throws(Failure) -> SourceNode? {
        try checkEvents(text, maxDepth: maxDepth)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(from: error)
        } catch {
            throw Failure(message: "not valid YAML", line: nil, column: nil)
        }
        guard let root else { return nil }
        return try convert(root, depth: 0, maxDepth: maxDepth)
    }

    /// Walks libyaml's event stream once (linear, constant memory) and throws at the first anchor, alias or
    /// level of nesting beyond `maxDepth`. Syntax errors are left to Yams, which reports them.
    static func checkEvents(_ text: String, maxDepth: Int) throws(Failure) {
        let bytes = Array(text.utf8)
        let failure: Failure? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return Failure(message: "YAML aliases (*name) are not supported in desired-state files", line: line, column: column)
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    depth += 1
                    if depth > maxDepth {
                        return Failure(message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if anchor != nil {
                    return Failure(message: "YAML anchors (&name) are not supported in desired-state files", line: line, column: column)
                }
            }
        }
        if let failure { throw failure }
    }

    private static func convert(_ node: Node, depth: Int, maxDepth: Int) throws(Failure) -> SourceNode {
        let mark = node.mark
        guard depth < maxDepth else {
            throw Failure(message: "nesting is deeper than \(maxDepth) levels", line: mark?.line, column: mark?.column)
        }
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return SourceNode(value: .scalar(scalar.string, plain: plain), line: mark?.line, column: mark?.column)
        case .sequence(let sequence):
            var values: [SourceNode] = []
            for child in sequence { values.append(try convert(child, depth: depth + 1, maxDepth: maxDepth)) }
            return SourceNode(value: .sequence(values), line: mark?.line, column: mark?.column)
        case .mapping(let mapping):
            var entries: [SourceNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Failure(message: "mapping keys must be plain text", line: key.mark?.line, column: key.mark?.column)
                }
                entries.append(SourceNode.Entry(
                    key: keyScalar.string, keyLine: key.mark?.line, keyColumn: key.mark?.column,
                    value: try convert(value, depth: depth + 1, maxDepth: maxDepth)
                ))
            }
            return SourceNode(value: .mapping(entries), line: mark?.line, column: mark?.column)
        case .alias:
            throw Failure(message: "YAML aliases (*name) are not supported in desired-state files", line: mark?.line, column: mark?.column)
        }
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // libyaml's own cap (it scans ahead, so it can trip before the event check above).
            if problem.hasPrefix("Maximum nesting level") {
                return Failure(message: "nesting is too deep", line: mark.line, column: mark.column)
            }
            var message = problem
            if let context, !context.text.isEmpty { message = "\(problem) (\(context.text) at line \(context.mark.line))" }
            return Failure(message: message, line: mark.line, column: mark.column)
        case let .reader(problem, offset, _, yaml):
            let (line, column) = position(ofByte: offset, in: yaml)
            return Failure(message: problem, line: line, column: column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Failure(message: "duplicate key \(names) in a mapping", line: context.mark.line, column: context.mark.column)
        case .dataCouldNotBeDecoded:
            return Failure(message: "the file is not UTF-8 text", line: 1, column: 1)
        default:
            return Failure(message: "not valid YAML", line: 1, column: 1)
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    static func position(ofByte offset: Int?, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(max(offset ?? 0, 0)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
