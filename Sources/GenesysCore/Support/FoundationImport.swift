// GenesysCore prefers FoundationEssentials where the platform has it (Linux, recent Apple SDKs).
#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
