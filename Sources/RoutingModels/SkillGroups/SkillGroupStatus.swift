/// A skill group's membership-filling status: `InProgress` while Genesys computes the members in
/// the background, then `Complete` (`getRoutingSkillgroup`).
public enum SkillGroupStatus: GenesysEnum {
    /// `InProgress`.
    case inProgress
    /// `Complete`.
    case complete
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `InProgress`, `Complete`.
    public static let knownCases: [Self] = [.inProgress, .complete]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .inProgress: "InProgress"
        case .complete: "Complete"
        case .unknown(let value): value
        }
    }
}
