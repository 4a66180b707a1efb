#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import GenesysCore

/// A Genesys Cloud region (environment): the API base URL and the OAuth login URL that belong together.
///
/// The 18 public regions are static members (``usEast1``, ``euWest1``, …, listed in ``all``) and can be
/// looked up by SDK region id (``init(id:)``), by domain (``init(domain:)``) or by either (``parse(_:)``).
/// A gateway or test server is a ``custom(apiURL:loginURL:)`` region.
///
/// ```swift
/// let region = try GenesysRegion.parse("eu_west_1")           // or "mypurecloud.ie"
/// let proxy = try GenesysRegion.custom(apiURL: URL(string: "https://api.gateway.example/genesys")!)
/// ```
public struct GenesysRegion: Sendable, Hashable, CustomStringConvertible {
    /// The SDK region id, such as `eu_west_1`; `nil` for a custom region.
    public let id: String?
    /// The region's domain, such as `mypurecloud.ie`; `nil` for a custom region.
    public let domain: String?
    /// The API base URL, such as `https://api.mypurecloud.ie`.
    public let apiURL: URL
    /// The OAuth login base URL, such as `https://login.mypurecloud.ie` (the token endpoint is
    /// `<loginURL>/oauth/token`).
    public let loginURL: URL
    /// The token endpoint, parsed once when the region is made (so a token provider can't fail on it later).
    let loginEndpoint: LoginEndpoint

    private init(id: String, domain: String) {
        self.id = id
        self.domain = domain
        self.apiURL = Self.tableURL(host: "api.\(domain)")
        self.loginURL = Self.tableURL(host: "login.\(domain)")
        self.loginEndpoint = LoginEndpoint(scheme: "https", authority: "login.\(domain)", tokenPath: "/oauth/token")
    }

    /// An `https` URL for a host of the fixed region table below. The table holds plain host names, so this
    /// never falls back (the region tests check every region's URLs); the fallback only keeps a trap out of
    /// the library.
    private static func tableURL(host: String) -> URL {
        var components = URLComponents()
        components.scheme = "https"
        components.host = host
        return components.url ?? URL(fileURLWithPath: "/")
    }

    private init(customAPI apiURL: URL, login loginURL: URL, endpoint: LoginEndpoint) {
        self.id = nil
        self.domain = nil
        self.apiURL = apiURL
        self.loginURL = loginURL
        self.loginEndpoint = endpoint
    }

    // MARK: - The public regions (Genesys Cloud regions and URLs, developer center)

    /// `us_east_1`: `api.mypurecloud.com` / `login.mypurecloud.com`. The SDK default.
    public static let usEast1 = GenesysRegion(id: "us_east_1", domain: "mypurecloud.com")
    /// `eu_west_1`: `api.mypurecloud.ie` / `login.mypurecloud.ie`.
    public static let euWest1 = GenesysRegion(id: "eu_west_1", domain: "mypurecloud.ie")
    /// `ap_southeast_2`: `api.mypurecloud.com.au` / `login.mypurecloud.com.au`.
    public static let apSoutheast2 = GenesysRegion(id: "ap_southeast_2", domain: "mypurecloud.com.au")
    /// `ap_northeast_1`: `api.mypurecloud.jp` / `login.mypurecloud.jp`.
    public static let apNortheast1 = GenesysRegion(id: "ap_northeast_1", domain: "mypurecloud.jp")
    /// `eu_central_1`: `api.mypurecloud.de` / `login.mypurecloud.de`.
    public static let euCentral1 = GenesysRegion(id: "eu_central_1", domain: "mypurecloud.de")
    /// `us_west_2`: `api.usw2.pure.cloud` / `login.usw2.pure.cloud`.
    public static let usWest2 = GenesysRegion(id: "us_west_2", domain: "usw2.pure.cloud")
    /// `ca_central_1`: `api.cac1.pure.cloud` / `login.cac1.pure.cloud`.
    public static let caCentral1 = GenesysRegion(id: "ca_central_1", domain: "cac1.pure.cloud")
    /// `ap_northeast_2`: `api.apne2.pure.cloud` / `login.apne2.pure.cloud`.
    public static let apNortheast2 = GenesysRegion(id: "ap_northeast_2", domain: "apne2.pure.cloud")
    /// `eu_west_2`: `api.euw2.pure.cloud` / `login.euw2.pure.cloud`.
    public static let euWest2 = GenesysRegion(id: "eu_west_2", domain: "euw2.pure.cloud")
    /// `ap_south_1`: `api.aps1.pure.cloud` / `login.aps1.pure.cloud`.
    public static let apSouth1 = GenesysRegion(id: "ap_south_1", domain: "aps1.pure.cloud")
    /// `us_east_2`: `api.use2.us-gov-pure.cloud` / `login.use2.us-gov-pure.cloud`.
    public static let usEast2 = GenesysRegion(id: "us_east_2", domain: "use2.us-gov-pure.cloud")
    /// `sa_east_1`: `api.sae1.pure.cloud` / `login.sae1.pure.cloud`.
    public static let saEast1 = GenesysRegion(id: "sa_east_1", domain: "sae1.pure.cloud")
    /// `me_central_1`: `api.mec1.pure.cloud` / `login.mec1.pure.cloud`.
    public static let meCentral1 = GenesysRegion(id: "me_central_1", domain: "mec1.pure.cloud")
    /// `ap_northeast_3`: `api.apne3.pure.cloud` / `login.apne3.pure.cloud`.
    public static let apNortheast3 = GenesysRegion(id: "ap_northeast_3", domain: "apne3.pure.cloud")
    /// `eu_central_2`: `api.euc2.pure.cloud` / `login.euc2.pure.cloud`.
    public static let euCentral2 = GenesysRegion(id: "eu_central_2", domain: "euc2.pure.cloud")
    /// `mx_central_1`: `api.mxc1.pure.cloud` / `login.mxc1.pure.cloud`.
    public static let mxCentral1 = GenesysRegion(id: "mx_central_1", domain: "mxc1.pure.cloud")
    /// `ap_southeast_1`: `api.apse1.pure.cloud` / `login.apse1.pure.cloud`.
    public static let apSoutheast1 = GenesysRegion(id: "ap_southeast_1", domain: "apse1.pure.cloud")
    /// `eusc_de_east_1`: `api.edee1.eusc-pure.cloud` / `login.edee1.eusc-pure.cloud`.
    public static let euscDeEast1 = GenesysRegion(id: "eusc_de_east_1", domain: "edee1.eusc-pure.cloud")

    /// Every public region, in the order of the Genesys SDK's region table.
    public static let all: [GenesysRegion] = [
        .usEast1, .euWest1, .apSoutheast2, .apNortheast1, .euCentral1, .usWest2, .caCentral1, .apNortheast2,
        .euWest2, .apSouth1, .usEast2, .saEast1, .meCentral1, .apNortheast3, .euCentral2, .mxCentral1,
        .apSoutheast1, .euscDeEast1,
    ]

    // MARK: - Look-up

    /// Looks a public region up by SDK region id, such as `eu_west_1` (case-insensitive; `eu-west-1` is
    /// accepted too).
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` if the id is unknown.
    public init(id: String) throws {
        guard let region = Self.lookUp(id: id) else {
            throw Self.configurationError(
                "unknown Genesys region id \"\(Self.printable(id))\": expected one of \(Self.all.compactMap(\.id).joined(separator: ", "))"
            )
        }
        self = region
    }

    /// Looks a public region up by domain. Accepts the bare domain (`mypurecloud.ie`), the API or login
    /// host (`api.mypurecloud.ie`, `login.mypurecloud.ie`) and an `https://` URL of either
    /// (`https://api.mypurecloud.ie`).
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` if the domain is not
    ///   one of the public regions' (use ``custom(apiURL:loginURL:)`` for other hosts).
    public init(domain: String) throws {
        guard let region = Self.lookUp(domain: domain) else {
            throw Self.configurationError(
                "unknown Genesys region domain \"\(Self.printable(domain))\": expected a public region's domain such as mypurecloud.ie or usw2.pure.cloud (optionally as api.<domain> or https://api.<domain>); for any other host, configure custom API and login URLs"
            )
        }
        self = region
    }

    /// Looks a public region up by SDK region id (`eu_west_1`) or by domain (`mypurecloud.ie`,
    /// `api.mypurecloud.ie`, `https://api.mypurecloud.ie`).
    ///
    /// Hosts outside the region table are refused rather than guessed: give them with
    /// ``custom(apiURL:loginURL:)``.
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` naming the value.
    public static func parse(_ value: String) throws -> GenesysRegion {
        if let region = lookUp(id: value) ?? lookUp(domain: value) { return region }
        throw configurationError(
            "unknown Genesys region \"\(printable(value))\": expected a region id (\(all.compactMap(\.id).joined(separator: ", "))) or one of their domains such as mypurecloud.ie; for any other host, configure custom API and login URLs"
        )
    }

    /// A region for a gateway, proxy or test server.
    ///
    /// - Parameters:
    ///   - apiURL: The API base URL; a path prefix is kept (`https://gateway.example/genesys`).
    ///   - loginURL: The OAuth login base URL. By default the API URL with a leading `api.` in the host
    ///     replaced by `login.` (`https://api.example.test/p` → `https://login.example.test/p`), or the
    ///     API URL itself when the host does not start with `api.` (a gateway that proxies both).
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` if a URL is not an
    ///   absolute `https://` URL with a host, or has a user name or password (`https://user:pass@host`;
    ///   the message never repeats them). Plain `http://` is accepted only for loopback hosts
    ///   (`localhost`, `127.0.0.0/8`, `[::1]`).
    public static func custom(apiURL: URL, loginURL: URL? = nil) throws -> GenesysRegion {
        try validate(apiURL, role: "API")
        let login = loginURL ?? derivedLoginURL(from: apiURL)
        let endpoint = try LoginEndpoint(login)
        return GenesysRegion(customAPI: apiURL, login: login, endpoint: endpoint)
    }

    /// A custom region for a fixed API URL known to be a valid `https://` URL (the test fake's), built
    /// without validation so it cannot fail; the login URL is derived as in ``custom(apiURL:loginURL:)``.
    package init(trustedAPI apiURL: URL) {
        let login = Self.derivedLoginURL(from: apiURL)
        let base = Endpoint(trusted: login)
        self.init(
            customAPI: apiURL, login: login,
            endpoint: LoginEndpoint(scheme: base.scheme, authority: base.authority, tokenPath: base.basePath + "/oauth/token")
        )
    }

    /// `eu_west_1 (https://api.mypurecloud.ie)`, or `custom (<api URL>, login <login URL>)`.
    public var description: String {
        if let id { return "\(id) (\(apiURL.absoluteString))" }
        return "custom (\(apiURL.absoluteString), login \(loginURL.absoluteString))"
    }

    // MARK: - Internals

    static func lookUp(id: String) -> GenesysRegion? {
        let key = trimmed(id).lowercased().replacing("-", with: "_")
        guard !key.isEmpty else { return nil }
        return all.first { $0.id == key }
    }

    static func lookUp(domain: String) -> GenesysRegion? {
        var text = trimmed(domain).lowercased()
        if text.hasPrefix("https://") { text.removeFirst("https://".count) }
        while text.hasSuffix("/") { text.removeLast() }
        while text.hasSuffix(".") { text.removeLast() }
        for prefix in ["api.", "login."] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        guard !text.isEmpty else { return nil }
        return all.first { $0.domain == text }
    }

    static func derivedLoginURL(from apiURL: URL) -> URL {
        guard var components = URLComponents(url: apiURL, resolvingAgainstBaseURL: false),
              let host = components.host, host.lowercased().hasPrefix("api.") else { return apiURL }
        components.host = "login." + host.dropFirst("api.".count)
        return components.url ?? apiURL
    }

    static func validate(_ url: URL, role: String) throws {
        let shown = printable(withoutUserInfo(url))
        // Credentials in the URL would end up in descriptions, error messages and logs; the SDK
        // authenticates with OAuth client credentials only.
        if hasUserInfo(url) {
            throw configurationError(
                "invalid \(role) URL \"\(shown)\": a user name or password in the URL is not allowed; remove the user info (the part before @)"
            )
        }
        let scheme = url.scheme?.lowercased()
        guard let scheme, scheme == "https" || scheme == "http",
              let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw configurationError(
                "invalid \(role) URL \"\(shown)\": expected an absolute https:// URL with a host"
            )
        }
        if scheme == "http", !GenesysClient.isLoopbackHost(host) {
            throw configurationError(
                "invalid \(role) URL \"\(shown)\": plain http:// is allowed only for loopback hosts (localhost, 127.0.0.0/8, [::1]); use https://"
            )
        }
    }

    /// Whether `url` has a user name or password (`https://user:pass@host`, also `https://user@host`
    /// and `https://:pass@host`).
    static func hasUserInfo(_ url: URL) -> Bool {
        if url.user != nil || url.password != nil { return true }
        if let components = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            return components.percentEncodedUser != nil || components.percentEncodedPassword != nil
        }
        return authority(of: url.absoluteString)?.contains("@") ?? false
    }

    /// `url` as text with any user info removed, so error messages never echo a password.
    static func withoutUserInfo(_ url: URL) -> String {
        let text = url.absoluteString
        guard let authority = authority(of: text), let at = authority.lastIndex(of: "@") else { return text }
        // A substring shares its base's indices: keep what precedes the authority and what follows the `@`.
        return String(text[..<authority.startIndex]) + String(text[text.index(after: at)...])
    }

    /// The authority part of a URL string (between `//` and the next `/`, `?` or `#`), if any.
    private static func authority(of text: String) -> Substring? {
        guard let slashes = text.firstRange(of: "//") else { return nil }
        return text[slashes.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The value as one short line, for error messages.
    static func printable(_ value: String) -> String {
        let line = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 120 ? String(line.prefix(120)) + "…" : line
    }

    static func configurationError(_ message: String) -> GenesysError {
        GenesysError(code: .invalidConfiguration, operation: "auth.region", message: message)
    }
}
