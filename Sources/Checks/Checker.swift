import CFCDiagnostics
import CFCSupport
import DistributionIR
import Routing

/// Runs every rule of the registry over every distribution of a model.
public enum Checker {
    /// Checks `model`, reporting findings into `sink`. Suppressed findings are reported too,
    /// marked as such.
    ///
    /// - Parameters:
    ///   - model: the lowered config.
    ///   - locator: maps config paths to source ranges (nil for configs without a source).
    ///   - rules: the rules to run (all of them by default).
    ///   - sink: receives the findings.
    public static func check(
        _ model: ConfigModel, locator: (any SourceLocator)?, rules: [any Rule] = RuleRegistry.rules,
        includeNotes: Bool = true, baselinesAPIRejections: Bool = false, sink: any DiagnosticSink
    ) {
        // Distributions are independent: checked on all cores, reported in file order.
        let findings = Parallel.map(model.distributions) {
            check($0, locator: locator, rules: rules, includeNotes: includeNotes, baselinesAPIRejections: baselinesAPIRejections)
        }
        for diagnostic in findings.joined() { sink.emit(diagnostic) }
    }

    /// The findings for one distribution, in rule order. Without `includeNotes`, rules whose
    /// findings are all notes do not run (for callers that show no notes, such as `compile`:
    /// a rule that only informs is work whose result would be dropped). With
    /// `baselinesAPIRejections` (for `check`), `ignore:` silences findings of rules the API
    /// enforces too; without it (wherever a document is written) it does not.
    public static func check(
        _ distribution: Distribution, locator: (any SourceLocator)?, rules: [any Rule] = RuleRegistry.rules,
        includeNotes: Bool = true, baselinesAPIRejections: Bool = false
    ) -> [Diagnostic] {
        let routing = RoutingTable(distribution)
        var diagnostics: [Diagnostic] = []
        var gaveUp: [String] = []
        let context = CheckContext(
            distribution: distribution, routing: routing, locator: locator,
            rule: PatternSearchBudgetRule.description, baselinesAPIRejections: baselinesAPIRejections)
        for rule in rules where includeNotes || type(of: rule).description.severity != .note {
            context.start(type(of: rule).description)
            rule.check(context)
            diagnostics += context.diagnostics
            if context.ranOutOfSearchBudget { gaveUp.append(context.rule.id.rawValue) }
        }
        if rules.contains(where: { $0 is PatternSearchBudgetRule }) {
            context.start(PatternSearchBudgetRule.description)
            PatternSearchBudgetRule.report(gaveUp: gaveUp, undecided: routing.undecided.map { routing.behaviors[$0] }, in: context)
            diagnostics += context.diagnostics
        }
        return diagnostics
    }
}

/// Every rule, in documentation order. A test fails if a rule type exists that is not listed.
public enum RuleRegistry {
    /// All rules.
    public static let rules: [any Rule] = [
        // Ordering and path patterns
        InvalidPathPatternRule(),
        DuplicatePathPatternRule(),
        CatchAllBehaviorRule(),
        UnreachableBehaviorRule(),
        ShadowedBehaviorRule(),
        DirectoryPatternRule(),
        PatternSearchBudgetRule(),
        // HTTPS
        RequireHTTPSRule(),
        AllowAllWithoutPolicyRule(),
        HSTSOverPlainHTTPRule(),
        RedirectWithBodyMethodsRule(),
        RedirectBillingRule(),
        OriginNotHTTPSRule(),
        OriginHTTPOnlyRule(),
        // Certificates and aliases
        AliasesNeedCertificateRule(),
        ConflictingCertificatesRule(),
        ACMRegionRule(),
        MissingSSLSupportMethodRule(),
        SNIWithSSLv3Rule(),
        WeakMinimumProtocolRule(),
        DefaultCertificateProtocolRule(),
        DefaultCertificateSSLSupportMethodRule(),
        CertificateWithoutAliasRule(),
        DuplicateAliasRule(),
        SharedCertificateHTTPVersionsRule(),
        StaticIPRule(),
        VIPCostRule(),
        VIPProtocolRule(),
        IAMCertificateIDRule(),
        AliasSyntaxRule(),
        // Origins
        OriginDomainNameRule(),
        OriginIPAddressRule(),
        S3WebsiteEndpointRule(),
        OriginPortRule(),
        OriginPathRule(),
        OriginTimeoutQuotaRule(),
        OriginCustomHeaderRule(),
        OriginShieldRegionRule(),
        OriginGroupMembersRule(),
        OriginGroupStatusCodesRule(),
        OriginGroupMethodsRule(),
        UnusedOriginRule(),
        // Cache behavior settings
        AllowedMethodsRule(),
        CachedMethodsRule(),
        CacheSettingsRule(),
        TTLOrderRule(),
        LegacyTTLWithCachePolicyRule(),
        ForwardAllHeadersMinTTLRule(),
        OriginRequestPolicyNeedsCachePolicyRule(),
        PolicyIDFormRule(),
        HostHeaderToAWSOriginRule(),
        FieldLevelEncryptionRule(),
        GRPCRequirementsRule(),
        // Edge functions
        LambdaARNRule(),
        OneFunctionPerEventRule(),
        CloudFrontFunctionEventRule(),
        MixedViewerFunctionsRule(),
        IncludeBodyEventRule(),
        // Distribution settings and quotas
        CommentLengthRule(),
        DefaultRootObjectRule(),
        LoggingBucketRule(),
        ContinuousDeploymentHTTP3Rule(),
        TenantOnlyMembersRule(),
        QuotaRule(),
        UnknownRuleIDRule(),
    ]

    /// The description of the rule with id `id` (or a deprecated alias of it).
    public static func description(of id: String) -> RuleDescription? {
        rules.lazy.map { type(of: $0).description }.first { $0.id.rawValue == id }
    }

    /// Every rule id, for `ignore:` validation and suggestions.
    public static let ids: [String] = rules.map { type(of: $0).description.id.rawValue }
    /// The same, as a set.
    public static let idSet = Set(ids)
}
