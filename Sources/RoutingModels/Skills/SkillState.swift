/// The state of a skill, language, user skill/language assignment or user: `active`, `inactive`
/// or `deleted`.
///
/// A deleted skill may still be returned with `deleted` instead of 404 (soft delete,
/// as the official Terraform provider observes); filter it out of listings.
public enum SkillState: GenesysEnum {
    /// `active`.
    case active
    /// `inactive`.
    case inactive
    /// `deleted`.
    case deleted
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `active`, `inactive`, `deleted`.
    public static let knownCases: [Self] = [.active, .inactive, .deleted]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .active: "active"
        case .inactive: "inactive"
        case .deleted: "deleted"
        case .unknown(let value): value
        }
    }
}
