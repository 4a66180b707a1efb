import Yams

/// Parses YAML with Yams into a ``SourceNode``, keeping Yams' marks (1-based line and column).
enum YAMLSourceParser {
    struct Failure: Error {
        var message: String
        var line: Int?
        var column: Int?
    }

    static func parse(_ text: String) throws(Failure) -> SourceNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(from: error)
        } catch {
            throw Failure(message: "not valid YAML", line: nil, column: nil)
        }
        guard let root else { return nil }
        return try convert(root, depth: 0)
    }

    private static func convert(_ node: Node, depth: Int) throws(Failure) -> SourceNode {
        let mark = node.mark
        guard depth < 512 else { throw Failure(message: "nesting too deep", line: mark?.line, column: mark?.column) }
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return SourceNode(value: .scalar(scalar.string, plain: plain), line: mark?.line, column: mark?.column)
        case .sequence(let sequence):
            var values: [SourceNode] = []
            for child in sequence { values.append(try convert(child, depth: depth + 1)) }
            return SourceNode(value: .sequence(values), line: mark?.line, column: mark?.column)
        case .mapping(let mapping):
            var entries: [SourceNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Failure(message: "mapping keys must be plain text", line: key.mark?.line, column: key.mark?.column)
                }
                entries.append(SourceNode.Entry(
                    key: keyScalar.string, keyLine: key.mark?.line, keyColumn: key.mark?.column,
                    value: try convert(value, depth: depth + 1)
                ))
            }
            return SourceNode(value: .mapping(entries), line: mark?.line, column: mark?.column)
        case .alias:
            throw Failure(message: "YAML aliases are not supported in desired-state files", line: mark?.line, column: mark?.column)
        }
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = problem
            if let context, !context.text.isEmpty { message = "\(problem) (\(context.text) at line \(context.mark.line))" }
            return Failure(message: message, line: mark.line, column: mark.column)
        case let .reader(problem, _, _, _):
            return Failure(message: problem, line: nil, column: nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Failure(message: "duplicate key \(names) in a mapping", line: context.mark.line, column: context.mark.column)
        case .dataCouldNotBeDecoded:
            return Failure(message: "the file is not UTF-8 text", line: nil, column: nil)
        default:
            return Failure(message: "not valid YAML", line: nil, column: nil)
        }
    }
}
