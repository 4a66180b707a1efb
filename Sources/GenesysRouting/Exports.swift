// `import GenesysRouting` is all an application needs: the client, its defaults (the platform's transport,
// `GenesysClient(region:credentials:)`), auth and wire types come with it.
@_exported public import GenesysAuth
@_exported public import GenesysClientDefaults
@_exported public import GenesysCore
@_exported public import RoutingModels
