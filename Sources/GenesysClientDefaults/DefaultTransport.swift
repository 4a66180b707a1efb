public import GenesysCore
#if canImport(Darwin)
import GenesysURLSession
#elseif AsyncHTTPClientSupport
import GenesysAsyncHTTPClient
#else
import GenesysURLSession
#endif

/// Picks the platform's default `HTTPTransport`. Only this module (`GenesysClientDefaults`) knows the
/// concrete transports; the API areas (`GenesysRouting`, a future `GenesysUsers`) see the protocol.
///
/// | platform | default |
/// |---|---|
/// | Apple platforms | `URLSessionTransport` (GenesysURLSession) |
/// | Linux with the `AsyncHTTPClientSupport` trait (on by default) | `AsyncHTTPClientTransport` over `HTTPClient.shared` (GenesysAsyncHTTPClient): nothing to shut down |
/// | Linux with the trait disabled | `URLSessionTransport`, with swift-corelibs-foundation's limits (see its documentation) |
///
/// To use your own AsyncHTTPClient `HTTPClient`, pass `AsyncHTTPClientTransport(client:)` as `transport:`
/// instead; you then own that client and shut it down.
public enum DefaultTransport {
    /// A new instance of the platform's default transport.
    public static func make() -> any HTTPTransport {
        #if canImport(Darwin)
        URLSessionTransport()
        #elseif AsyncHTTPClientSupport
        AsyncHTTPClientTransport()
        #else
        URLSessionTransport()
        #endif
    }
}
