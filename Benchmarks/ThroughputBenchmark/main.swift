// Throughput benchmark for issue #10: the reference org's first apply against the fake org with the
// rate limit on, for 1 and 10 tokens, a limit counted per client, and the plan computation at 10×.
// Run in release mode (see Benchmarks/README.md):
//
//     swift run -c release throughput-benchmark [--scale 10] [--only apply|perclient|plan]
import Foundation
import GenesysCore
import GenesysTesting
import RoutingModels
import RoutingSync

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let timeScale = option("--scale").flatMap(Double.init) ?? 10
let only = option("--only")
/// `--trace`: every 10 virtual seconds, one line on stderr with the pool's state.
let tracing = arguments.contains("--trace")
let limit = RateLimit.genesysDefault

func minutes(_ duration: Duration) -> String { String(format: "%.2f min", duration / .seconds(60)) }
func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

/// One first apply of the reference org against a fresh fake org; returns the line to print.
func firstApply(tokens: Int, scope: FakeGenesysOrg.RateLimitScope) async throws -> String {
    let clock = ScaledClock(scale: timeScale)
    var configuration = FakeGenesysOrg.Configuration(rateLimit: limit, latency: .milliseconds(80))
    configuration.latencyJitter = .milliseconds(80)
    configuration.rateLimitScope = scope
    let org = FakeGenesysOrg(configuration: configuration, clock: clock)
    let reference = ReferenceOrg(scale: 1)
    for index in 0..<reference.agents {
        _ = try org.addUser(name: "Agent \(index)", email: ReferenceOrg.email(index))
    }
    let client = try org.makePooledClient(tokens: tokens, rateLimit: limit, retryPolicy: StandardRetryPolicy())
    let sync = RoutingSync(client: client, configuration: RoutingSync.Configuration(concurrency: 64))
    let start = clock.now
    let tracer = tracing ? Task { try await trace(client, clock: clock) } : nil
    let report = try await sync.apply(reference.desiredState())
    let wall = start.duration(to: clock.now)
    tracer?.cancel()
    let counts = await client.counters.snapshot()
    let pool = await client.tokenPool?.snapshot()
    let periods = wall / limit.period
    let failed = report.failed.count
    switch scope {
    case .perToken:
        let utilisation = Double(counts.total) / (Double(tokens * limit.requests) * periods)
        return "\(tokens) token\(tokens == 1 ? " " : "s")  wall \(minutes(wall))  requests \(counts.total)  429s \(counts.throttled)  utilisation \(percent(utilisation))  failed \(failed)"
    case .perClient:
        let ofRealLimit = Double(counts.total - counts.throttled) / (Double(limit.requests) * periods)
        return "per-client limit, \(tokens) tokens  wall \(minutes(wall))  requests \(counts.total)  429s \(counts.throttled) (per token \(pool?.throttled ?? []))  accepted/limit \(percent(ofRealLimit))  shared-limit detections \(pool?.sharedLimitEvents ?? 0)  failed \(failed)"
    }
}

/// Prints the pool's state every 10 virtual seconds until cancelled.
func trace(_ client: GenesysClient, clock: ScaledClock) async throws {
    guard let pool = client.tokenPool else { return }
    var last = 0
    while true {
        try await clock.sleep(for: .seconds(10))
        let counts = await client.counters.snapshot()
        let snapshot = await pool.snapshot()
        let rate = snapshot.factors.reduce(0, +) * Double(limit.requests - limit.burst)
        let line = String(
            format: "t=%6.1fs  sent %4d (+%3d)  429s %2d  rate %6.1f/min  latency %3.0f ms  in flight ≤ %2d  shared %d\n",
            clock.now.offset / .seconds(1), counts.total, counts.total - last, counts.throttled, rate,
            (snapshot.latency ?? .zero) / .milliseconds(1), await pool.suggestedConcurrency(cap: 64), snapshot.sharedLimitEvents
        )
        FileHandle.standardError.write(Data(line.utf8))
        last = counts.total
    }
}

/// Peak resident memory of this process (Linux `VmHWM`), if known.
func peakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "n/a" }
    return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
}

/// Median of three runs of `work`, in milliseconds, and what the last run returned.
func median<T>(_ work: () throws -> T) rethrows -> (ms: Double, result: T) {
    let clock = ContinuousClock()
    var times: [Duration] = []
    var results: [T] = []
    for _ in 0..<3 {
        let start = clock.now
        results.append(try work())
        times.append(clock.now - start)
    }
    times.sort()
    return (times[1] / .milliseconds(1), results[2])
}

/// The pure plan computation (`RoutingSync.plan(desired:current:)`, validation included) at 10× the
/// reference org: all creates (every object missing, agents present without skills) for the state built in
/// code and for the same state loaded from its JSON file, then the no-op plan (the org already matches,
/// read back from a fake org the state was applied to).
func planAtTenTimes() async throws -> [String] {
    let reference = ReferenceOrg(scale: 10)
    let state = reference.desiredState()
    let what = "\(reference.skills) skills, \(reference.groups) groups, \(reference.queues) queues, \(reference.agents) agents"
    let agents = (0..<reference.agents).map { AgentSnapshot(userID: "user-\($0)", email: ReferenceOrg.email($0), name: "Agent \($0)") }
    let empty = OrgSnapshot(skills: [], skillGroups: [], queues: [], agents: agents)
    var lines: [String] = []
    let built = try median { try RoutingSync.plan(desired: state, current: empty).changes.count }
    lines.append("plan at 10× (\(what); \(built.result) changes), state built in code: median \(String(format: "%.0f", built.ms)) ms of 3, peak RSS \(peakMemory())")
    let loaded = try DesiredStateLoader.load(string: DesiredStateWriter.string(state, format: .json), format: .json, fileName: "routing.json")
    let fromFile = try median { try RoutingSync.plan(desired: loaded, current: empty).changes.count }
    lines.append("plan at 10× (\(fromFile.result) changes), state loaded from a file: median \(String(format: "%.0f", fromFile.ms)) ms of 3, peak RSS \(peakMemory())")

    let org = FakeGenesysOrg(configuration: FakeGenesysOrg.Configuration(rateLimit: nil))
    for index in 0..<reference.agents {
        _ = try org.addUser(name: "Agent \(index)", email: ReferenceOrg.email(index))
    }
    let sync = RoutingSync(client: org.makeClient(rateLimit: nil), configuration: RoutingSync.Configuration(concurrency: 4))
    let report = try await sync.apply(state)
    guard report.succeeded else { return lines + ["no-op plan at 10×: the first apply failed: \(report.failed.prefix(3))"] }
    let current = try await sync.readOrg(for: state)
    let noop = try median { try RoutingSync.plan(desired: loaded, current: current).changes.count }
    lines.append("no-op plan at 10× (\(noop.result) changes), state loaded from a file: median \(String(format: "%.0f", noop.ms)) ms of 3, peak RSS \(peakMemory())")
    let noopBuilt = try median { try RoutingSync.plan(desired: state, current: current).changes.count }
    lines.append("no-op plan at 10× (\(noopBuilt.result) changes), state built in code: median \(String(format: "%.0f", noopBuilt.ms)) ms of 3")
    return lines
}

print("time scale: 1 virtual minute = \(String(format: "%.1f", 60 / timeScale)) s real; limit \(limit.requests)/min per token; latency 80–160 ms")
if only == nil || only == "plan" { for line in try await planAtTenTimes() { print(line) } }
if only == nil || only == "apply" {
    print(try await firstApply(tokens: 1, scope: .perToken))
    print(try await firstApply(tokens: 10, scope: .perToken))
}
if only == nil || only == "perclient" { print(try await firstApply(tokens: 10, scope: .perClient)) }
