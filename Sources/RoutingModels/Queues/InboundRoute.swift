/// An inbound email route (`InboundRoute`), as embedded in a ``QueueEmailAddress``.
///
/// ``pattern`` and ``fromName`` are required on write. Routes are managed outside this SDK's
/// scope; the type exists so queue email settings round-trip.
public struct InboundRoute: Codable, Sendable, Hashable {
    /// The route id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The route name.
    public var name: String?
    /// The pattern the mailbox name must match. Required on write.
    public var pattern: String?
    /// The queue the route delivers to.
    public var queue: DomainEntityRef?
    /// The routing priority.
    public var priority: Int?
    /// The skills used for routing.
    public var skills: [DomainEntityRef]?
    /// The language used for routing.
    public var language: DomainEntityRef?
    /// The sender name for outgoing replies. Required on write.
    public var fromName: String?
    /// The sender email for outgoing replies.
    public var fromEmail: String?
    /// The flow that handles the email.
    public var flow: DomainEntityRef?
    /// The address used for replies.
    public var replyEmailAddress: QueueEmailAddress? {
        get { replyEmailAddressStorage?.value }
        set { replyEmailAddressStorage = newValue.map(Indirect.value) }
    }
    /// Recipients blind-copied automatically on outbound emails of this route.
    public var autoBcc: [EmailAddress]?
    /// The flow that handles spam.
    public var spamFlow: DomainEntityRef?
    /// The email signature settings.
    public var signature: Signature?
    /// How the conversation history is included in a draft.
    public var historyInclusion: InboundRouteHistoryInclusion?
    /// Whether several actions are allowed on the route; when true the disconnect is manual,
    /// when false the system disconnects after every action.
    public var allowMultipleActions: Bool?
    /// The integration folders routed to this route.
    public var mailboxFolders: [String]?
    /// The status of the route. Read-only: set by the server.
    public var status: InboundRouteStatus?
    /// The route's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Boxed because a reply address contains a route again.
    private var replyEmailAddressStorage: Indirect<QueueEmailAddress>?

    /// Creates an inbound route; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        pattern: String? = nil,
        queue: DomainEntityRef? = nil,
        priority: Int? = nil,
        skills: [DomainEntityRef]? = nil,
        language: DomainEntityRef? = nil,
        fromName: String? = nil,
        fromEmail: String? = nil,
        flow: DomainEntityRef? = nil,
        replyEmailAddress: QueueEmailAddress? = nil,
        autoBcc: [EmailAddress]? = nil,
        spamFlow: DomainEntityRef? = nil,
        signature: Signature? = nil,
        historyInclusion: InboundRouteHistoryInclusion? = nil,
        allowMultipleActions: Bool? = nil,
        mailboxFolders: [String]? = nil,
        status: InboundRouteStatus? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.pattern = pattern
        self.queue = queue
        self.priority = priority
        self.skills = skills
        self.language = language
        self.fromName = fromName
        self.fromEmail = fromEmail
        self.flow = flow
        self.replyEmailAddressStorage = replyEmailAddress.map(Indirect.value)
        self.autoBcc = autoBcc
        self.spamFlow = spamFlow
        self.signature = signature
        self.historyInclusion = historyInclusion
        self.allowMultipleActions = allowMultipleActions
        self.mailboxFolders = mailboxFolders
        self.status = status
        self.selfUri = selfUri
    }

    enum CodingKeys: String, CodingKey {
        case id, name, pattern, queue, priority, skills, language, fromName, fromEmail, flow
        case replyEmailAddressStorage = "replyEmailAddress"
        case autoBcc, spamFlow, signature, historyInclusion, allowMultipleActions, mailboxFolders, status, selfUri
    }
}

/// An email address with an optional display name (`EmailAddress`).
public struct EmailAddress: Codable, Sendable, Hashable {
    /// The email address.
    public var email: String?
    /// The display name.
    public var name: String?

    /// Creates an email address; every field is optional.
    public init(email: String? = nil, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// The email signature settings of an inbound route (`Signature`).
public struct Signature: Codable, Sendable, Hashable {
    /// Whether the signature is enabled on send.
    public var enabled: Bool?
    /// The id of the canned response used as signature.
    public var cannedResponseId: String?
    /// Whether the signature is always included, or only on the first email of a chain.
    public var alwaysIncluded: Bool?
    /// When the signature is included.
    public var inclusionType: SignatureInclusionType?

    /// Creates signature settings; every field is optional.
    public init(
        enabled: Bool? = nil,
        cannedResponseId: String? = nil,
        alwaysIncluded: Bool? = nil,
        inclusionType: SignatureInclusionType? = nil
    ) {
        self.enabled = enabled
        self.cannedResponseId = cannedResponseId
        self.alwaysIncluded = alwaysIncluded
        self.inclusionType = inclusionType
    }
}

/// When an email signature is included (``Signature/inclusionType``).
public enum SignatureInclusionType: GenesysEnum {
    /// `Draft`.
    case draft
    /// `Send`.
    case send
    /// `SendOnce`.
    case sendOnce
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Draft`, `Send`, `SendOnce`.
    public static let knownCases: [Self] = [.draft, .send, .sendOnce]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .draft: "Draft"
        case .send: "Send"
        case .sendOnce: "SendOnce"
        case .unknown(let value): value
        }
    }
}

/// How an inbound route includes the conversation history in a draft.
public enum InboundRouteHistoryInclusion: GenesysEnum {
    /// `Include`.
    case include
    /// `Exclude`.
    case exclude
    /// `Optional`.
    case optional
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Include`, `Exclude`, `Optional`.
    public static let knownCases: [Self] = [.include, .exclude, .optional]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .include: "Include"
        case .exclude: "Exclude"
        case .optional: "Optional"
        case .unknown(let value): value
        }
    }
}

/// The status of an inbound route.
public enum InboundRouteStatus: GenesysEnum {
    /// `Pending`.
    case pending
    /// `Active`.
    case active
    /// `Removing`.
    case removing
    /// `Error`.
    case error
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Pending`, `Active`, `Removing`, `Error`.
    public static let knownCases: [Self] = [.pending, .active, .removing, .error]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .pending: "Pending"
        case .active: "Active"
        case .removing: "Removing"
        case .error: "Error"
        case .unknown(let value): value
        }
    }
}
