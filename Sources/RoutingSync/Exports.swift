// `import RoutingSync` brings the typed API, the client and the wire types along.
@_exported public import GenesysRouting
