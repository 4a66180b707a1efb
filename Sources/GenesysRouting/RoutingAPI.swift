public import GenesysCore

/// The Genesys Cloud routing API: skills, languages, wrap-up codes, skill groups, queues and their
/// members, agents' routing profiles, utilization, skill expressions, divisions and user look-ups.
///
/// A thin `Sendable` value over a shared `GenesysClient`: every call goes through the
/// client's pipeline (rate limit → token → transport → 401 replay → retry policy) and throws
/// `GenesysError` (or `CancellationError`). Copies are cheap and share the client's state.
///
/// ```swift
/// let routing = try RoutingAPI(region: .euWest1, credentials: credentials)
/// for try await skill in routing.listSkills().items { print(skill.name ?? "?") }
/// ```
///
/// Every operation takes `logger: Logger? = nil` last; `nil` means the client's logger. Operation names
/// used in logs, errors, metrics and spans are `routing.<method base name>`, derived from the method itself:
/// `routing.listSkills`, `routing.findSkills`. Method names follow one verb table (`list`, `find`, `get`,
/// `create`, `update`, `move`, `delete`, `add`/`remove`, `addOrUpdate`, `replace`, `set`/`reset`, `waitFor`);
/// see the "API conventions" guide in the repository's `Documentation/APIConventions.md`.
///
/// Paging, bulk limits and eventual consistency are handled here, so callers do not have to know them:
/// - List calls return a lazy `PageSequence`; use `.items` or `.collectItems()`.
/// - Bulk calls take any number of elements and split them into the chunks the API accepts (100 for
///   queue members and queue wrap-up codes, 50 for users' skills and languages).
/// - Arguments the API would reject (a proficiency outside 0.0–5.0, a ring outside 1–6, an empty id) are
///   refused before anything is sent, with `GenesysError.Code.invalidRequest`.
/// - Writes that Genesys applies in the background say so in their documentation; use
///   ``waitForValue(timeout:initialDelay:maxDelay:_:logger:)`` or
///   ``waitForSkillGroupMembership(skillGroupID:timeout:logger:)`` to wait for them.
public struct RoutingAPI: Sendable {
    /// The client every request goes through.
    public let client: GenesysClient

    /// Creates the routing API over `client`.
    public init(client: GenesysClient) {
        self.client = client
    }
}
