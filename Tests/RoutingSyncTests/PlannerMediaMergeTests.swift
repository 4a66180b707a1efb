import Foundation
import RoutingModels
@testable import RoutingSync
import Testing

/// "Only what is written is managed" for media settings: a queue's PUT carries its current settings with
/// the file's keys written over them. When that merge cannot be made, planning reports it instead of
/// sending only the file's keys (which would overwrite every setting the file does not manage).
@Suite("Planning: media settings that cannot be merged")
struct PlannerMediaMergeTests {
    static let file = """
    version: 1
    queues:
      - name: Q
        mediaSettings:
          chat: { alertingTimeoutSeconds: 30 }
    """

    static func problem(in org: OrgBuilder) throws -> ValidationProblem? {
        let state = try DesiredState.yaml(Self.file, file: "queues.yaml")
        do {
            let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
            let request = plan.change(.queue, "Q").flatMap { change -> QueueRequest? in
                if case .updateQueue(_, let write)? = change.operation { return write.request }
                return nil
            }
            Issue.record("planned a PUT instead of reporting: mediaSettings \(String(describing: request?.mediaSettings))")
            return nil
        } catch {
            #expect(error.problems.count == 1)
            return error.problems.first
        }
    }

    @Test("current settings that do not merge with the file's are a plan-time error naming the queue and field")
    func unmergeable() throws {
        var org = OrgBuilder()
        // A number the JSON tree holds only as a double: merged back, it no longer reads as an Int.
        org.queue("Q", configure: { queue in
            queue.mediaSettings = QueueMediaSettings(call: MediaSettings(alertingTimeoutSeconds: Int.max, serviceLevel: ServiceLevel(percentage: 0.8)))
        })
        let problem = try #require(try Self.problem(in: org))
        #expect(problem.object == "queues[Q]")
        #expect(problem.field == "mediaSettings")
        #expect(problem.file == "queues.yaml")
        #expect(problem.line != nil)
        #expect(problem.message.contains("overwrite settings the file does not manage"))
        #expect(!problem.description.contains("\n"))
    }

    @Test("current settings that cannot be read as a tree are a plan-time error, not an empty tree")
    func unreadable() throws {
        var org = OrgBuilder()
        org.queue("Q", configure: { queue in
            queue.mediaSettings = QueueMediaSettings(call: MediaSettings(alertingTimeoutSeconds: 10, autoAnswerAlertToneSeconds: .nan))
        })
        let problem = try #require(try Self.problem(in: org))
        #expect(problem.object == "queues[Q]")
        #expect(problem.field == "mediaSettings")
        #expect(problem.message.contains("overwriting settings the file does not manage"))
    }

    @Test("settings that merge keep what the file does not write")
    func merges() throws {
        var org = OrgBuilder()
        org.queue("Q", configure: { queue in
            queue.mediaSettings = QueueMediaSettings(call: MediaSettings(alertingTimeoutSeconds: 10))
        })
        let state = try DesiredState.yaml(Self.file)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        let change = try #require(plan.change(.queue, "Q"))
        guard case .updateQueue(_, let write)? = change.operation, let media = write.request?.mediaSettings else {
            Issue.record("no PUT"); return
        }
        #expect(media.call?.alertingTimeoutSeconds == 10)
        #expect(media.chat?.alertingTimeoutSeconds == 30)
    }
}
