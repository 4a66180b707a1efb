// The Swift code of Documentation/DesiredStateFormat.md, Migration.md and RetriesAndRateLimits.md, compiled.
// `ArticleSnippetsTests` checks that every ```swift block of them appears here (declarations excepted).
// Nothing here runs: the functions only have to compile.
import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import Logging
import RoutingSync

enum DesiredStateFormatSnippets {
    static func duplicateNames() {
        let state = DesiredState(skills: [SkillSpec(name: "Billing"), SkillSpec(name: "Billing ")])
        print(state.validate().map(\.description))
        // ["skills[Billing].name: 'Billing' is declared twice (names must be unique ignoring case and surrounding spaces)"]
    }

    static func loading() {
        do {
            let state = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "routing.yaml"))
            for warning in state.warnings { print(warning) }
        } catch {
            for problem in error.problems { print(problem) }   // `error` is a DesiredStateError (typed throws)
        }
    }
}

enum MigrationSnippets {
    func assignBilling(to agentIDs: [String], credentials: ClientCredentials) async throws {
        let routing = try RoutingAPI(region: try GenesysRegion.parse("mypurecloud.ie"), credentials: credentials)

        // Paging, tokens, pacing and retries are handled by the client.
        let skills = try await routing.listSkills().collectItems()
        print("\(skills.count) skills")

        guard let billing = try await routing.findSkill(named: "Billing"), let billingID = billing.id else {
            print("no skill named Billing")
            return
        }
        for agentID in agentIDs {
            do {
                _ = try await routing.addUserRoutingSkill(userID: agentID, skillID: billingID, proficiency: 4)
            } catch let error as GenesysError where error.code == .notFound {
                print("no user \(agentID) (correlation \(error.correlationID ?? "-"))")
            }
        }
    }

    func applySkillList(_ routing: RoutingAPI) async throws {
        let desired = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "skills.json"))
        for warning in desired.warnings { print(warning) }      // the ignored descriptions
        let report = try await RoutingSync(routing: routing).apply(desired)
        print(report.succeeded ? "done" : "failed: \(report.failed)")
    }

    func provision(_ sync: RoutingSync, agents: [String]) async throws {
        let billing = try await sync.upsertSkill(SkillSpec(name: "Billing"))
        print(billing.id, billing.outcome)              // created the first time, unchanged afterwards

        // One plan for every agent; agents whose profile already matches cost no request.
        let results = try await sync.upsertRoutingProfiles(
            agents.map { AgentSpec(user: .email($0), skills: ["Billing": 4]) }, mode: .additive)
        print(results.filter { $0.outcome == .updated }.count, "profiles changed")
    }
}

enum RetriesAndRateLimitsSnippets {
    static func policies() {
        let patient = StandardRetryPolicy(maxRetries: 5, maxElapsed: .seconds(300), maxRetryAfter: .seconds(120))
        let deterministic = StandardRetryPolicy(jitter: .none)   // always the ceiling: for tests
        let none = NoRetryPolicy()                               // fail on the first error
        _ = (patient, deterministic, none)
    }

    static func rateLimit(credentials: ClientCredentials) throws {
        let client = try GenesysClient(
            region: .euWest1, credentials: credentials,
            rateLimit: RateLimit(requests: 600, per: .seconds(60), burst: 20)
        )
        _ = client
    }

    static func sharedLimiter(credentials: ClientCredentials) throws {
        let region = GenesysRegion.euWest1
        let transport = DefaultTransport.make()
        let tokens = ClientCredentialsTokenProvider(credentials: credentials, region: region, transport: transport)
        let limiter = RateLimiter(.genesysDefault)

        // A patient client for the nightly sync and a fail-fast one for interactive look-ups, on one budget.
        let batch = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: region.apiURL),
            transport: transport, tokenProvider: tokens,
            retryPolicy: StandardRetryPolicy(maxRetries: 5, maxElapsed: .seconds(300)),
            sharing: limiter
        )
        let interactive = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: region.apiURL, timeout: .seconds(10)),
            transport: transport, tokenProvider: tokens,
            retryPolicy: NoRetryPolicy(),
            sharing: limiter
        )
        _ = (batch, interactive)
    }

    static func tokenPool(credentials: ClientCredentials) throws {
        let client = try GenesysClient(region: .euWest1, credentials: credentials, tokens: 10)
        _ = client
    }

    static func customPolicy(credentials: ClientCredentials) throws {
        /// The standard rules, plus: retry 409s of idempotent requests twice (another system edits the same
        /// objects), and never retry queue deletions.
        struct MyRetryPolicy: RetryPolicy {
            var standard = StandardRetryPolicy()

            func decide(_ attempt: RetryAttempt) -> RetryDecision {
                if case .status(409, _) = attempt.outcome, attempt.isIdempotent, attempt.retryNumber < 2 {
                    return .retry(after: .milliseconds(250 * (attempt.retryNumber + 1)))
                }
                if attempt.operation == "routing.deleteQueue" {
                    return .stop   // surface every failure of a delete to a human
                }
                return standard.decide(attempt)
            }
        }

        let client = try GenesysClient(region: .euWest1, credentials: credentials, retryPolicy: MyRetryPolicy())
        _ = client
    }

    static func inconsistentListing(_ routing: RoutingAPI) async throws {
        do {
            let skills = try await routing.listSkills().collectItems()
            print(skills.count)
        } catch let error as GenesysError where error.code == .inconsistentListing {
            print(error.localizedMessage)   // "routing.listSkills returned an inconsistent listing: page 2 repeats …"
        }
    }

    static func cancellation(_ routing: RoutingAPI) async throws {
        let listing = Task { try await routing.listSkills().collectItems() }
        listing.cancel()
        do { _ = try await listing.value } catch is CancellationError { /* stopped, nothing retried */ }
    }

    static func logging(credentials: ClientCredentials, routing: RoutingAPI, queueID: String) async throws {
        var logger = Logger(label: "routing-sync") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .debug
        let client = try GenesysClient(region: .euWest1, credentials: credentials, logger: logger)
        // or per call: try await routing.getQueue(id: queueID, logger: logger)
        _ = client
    }

    static func counters(_ client: GenesysClient, routing: RoutingAPI) async throws {
        let before = await client.counters.snapshot()
        _ = try await routing.listSkills().collectItems()
        let cost = await client.counters.snapshot().since(before)
        print(cost)   // total 2, writes 0, retries 1, throttled 1
    }
}
