import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenesysCore
@testable import GenesysURLSession
import Testing
#if AsyncHTTPClientSupport
import AsyncHTTPClient
@testable import GenesysAsyncHTTPClient
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#endif

/// An expected mapping: what the library reported → the transport error kind and whether the request
/// may have been processed.
struct Mapping: Sendable, CustomTestStringConvertible {
    let name: String
    let error: any Error & Sendable
    let kind: TransportError.Kind
    let mayHaveBeenProcessed: Bool
    var testDescription: String { name }
}

@Suite("Transport error mapping")
struct ErrorMappingTests {
    static let urlErrors: [Mapping] = [
        .init(name: "cannotConnectToHost", error: URLError(.cannotConnectToHost), kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "cannotFindHost", error: URLError(.cannotFindHost), kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "dnsLookupFailed", error: URLError(.dnsLookupFailed), kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "networkConnectionLost", error: URLError(.networkConnectionLost), kind: .connectionLost, mayHaveBeenProcessed: true),
        .init(name: "timedOut", error: URLError(.timedOut), kind: .timedOut, mayHaveBeenProcessed: true),
        .init(name: "badServerResponse", error: URLError(.badServerResponse), kind: .other, mayHaveBeenProcessed: true),
    ]

    @Test("URLSession errors map to transport error kinds", arguments: urlErrors)
    func urlSession(mapping: Mapping) throws {
        let mapped = try #require(TaskRegistry.map(mapping.error) as? TransportError)
        #expect(mapped.kind == mapping.kind)
        #expect(mapped.requestMayHaveBeenProcessed == mapping.mayHaveBeenProcessed)
    }

    @Test("a cancelled URLSession task is a CancellationError")
    func urlSessionCancelled() {
        #expect(TaskRegistry.map(URLError(.cancelled)) is CancellationError)
    }

    #if AsyncHTTPClientSupport
    static let clientErrors: [Mapping] = [
        .init(name: "connectTimeout", error: HTTPClientError.connectTimeout, kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "tlsHandshakeTimeout", error: HTTPClientError.tlsHandshakeTimeout, kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "deadlineExceeded", error: HTTPClientError.deadlineExceeded, kind: .timedOut, mayHaveBeenProcessed: true),
        .init(name: "readTimeout", error: HTTPClientError.readTimeout, kind: .timedOut, mayHaveBeenProcessed: true),
        .init(name: "remoteConnectionClosed", error: HTTPClientError.remoteConnectionClosed, kind: .connectionLost, mayHaveBeenProcessed: true),
        .init(name: "ECONNREFUSED", error: IOError(errnoCode: ECONNREFUSED, reason: "connect"), kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "ECONNRESET", error: IOError(errnoCode: ECONNRESET, reason: "read"), kind: .connectionLost, mayHaveBeenProcessed: true),
        .init(name: "ChannelError.connectTimeout", error: ChannelError.connectTimeout(.seconds(1)), kind: .connectFailed, mayHaveBeenProcessed: false),
        .init(name: "ChannelError.eof", error: ChannelError.eof, kind: .connectionLost, mayHaveBeenProcessed: true),
        .init(name: "NIOTooManyBytesError", error: NIOTooManyBytesError(maxBytes: 10), kind: .responseTooLarge, mayHaveBeenProcessed: true),
        .init(name: "invalidURL", error: HTTPClientError.invalidURL, kind: .other, mayHaveBeenProcessed: false),
    ]

    @Test("AsyncHTTPClient and SwiftNIO errors map to transport error kinds", arguments: clientErrors)
    func asyncHTTPClient(mapping: Mapping) throws {
        let mapped = try #require(AsyncHTTPClientTransport.map(mapping.error) as? TransportError)
        #expect(mapped.kind == mapping.kind)
        #expect(mapped.requestMayHaveBeenProcessed == mapping.mayHaveBeenProcessed)
    }
    #endif
}
