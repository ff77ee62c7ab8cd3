import DistributionIR
import Testing

@testable import Planning

/// Lists whose order CloudFront does not use compare as sets (APINormalization says which, and
/// why); lists whose order it uses still show a reordering.
@Suite struct SetValuedListTests {
    static var base: DistributionConfig {
        var config = DistributionConfig()
        config.aliases = ["a.example.com", "b.example.com"]
        config.defaultCacheBehavior.allowedMethods = [.get, .head, .options]
        config.defaultCacheBehavior.cachedMethods = [.get, .head]
        var forwarded = ForwardedValues()
        forwarded.sentHeaders = ["Accept", "Origin"]
        forwarded.sentQueryStringCacheKeys = ["page", "q"]
        forwarded.cookies.forward = .whitelist
        forwarded.cookies.sentWhitelistedNames = ["session", "theme"]
        config.defaultCacheBehavior.forwardedValues = forwarded
        var first = CacheBehavior()
        first.pathPattern = "/a/*"
        var second = CacheBehavior()
        second.pathPattern = "/b/*"
        config.cacheBehaviors = [first, second]
        var group = OriginGroup()
        group.id = "failover"
        group.members = ["primary", "secondary"]
        group.failoverCriteria.statusCodes = [500, 502, 503]
        config.originGroups = [group]
        var notFound = CustomErrorResponse()
        notFound.errorCode = 404
        var forbidden = CustomErrorResponse()
        forbidden.errorCode = 403
        config.customErrorResponses = [notFound, forbidden]
        config.restrictions.geoRestriction.restrictionType = .blacklist
        config.restrictions.geoRestriction.locations = ["KP", "IR"]
        return config
    }

    static let reorderings: [(String, @Sendable (inout DistributionConfig) -> Void)] = [
        ("aliases", { $0.aliases.reverse() }),
        ("allowed methods", { $0.defaultCacheBehavior.allowedMethods.reverse() }),
        ("cached methods", { $0.defaultCacheBehavior.cachedMethods.reverse() }),
        ("headers", { $0.defaultCacheBehavior.forwardedValues?.sentHeaders?.reverse() }),
        ("query string cache keys", { $0.defaultCacheBehavior.forwardedValues?.sentQueryStringCacheKeys?.reverse() }),
        ("cookie names", { $0.defaultCacheBehavior.forwardedValues?.cookies.sentWhitelistedNames?.reverse() }),
        ("status codes", { $0.originGroups[0].failoverCriteria.statusCodes.reverse() }),
        ("custom error responses", { $0.customErrorResponses.reverse() }),
        ("geo locations", { $0.restrictions.geoRestriction.locations.reverse() }),
    ]

    @Test(arguments: reorderings.indices)
    func reorderingASetIsNoChange(_ index: Int) {
        var reordered = Self.base
        Self.reorderings[index].1(&reordered)
        #expect(reordered != Self.base, "the reordering did nothing: \(Self.reorderings[index].0)")
        #expect(SemanticDiff.compare(old: Self.base, new: reordered).isEmpty, "\(Self.reorderings[index].0)")
    }

    @Test func reorderingAnOrderedListIsAChange() {
        var behaviors = Self.base
        behaviors.cacheBehaviors.reverse()
        #expect(!SemanticDiff.compare(old: Self.base, new: behaviors).isEmpty, "cache behaviors are matched in order")
        var members = Self.base
        members.originGroups[0].members.reverse()
        #expect(!SemanticDiff.compare(old: Self.base, new: members).isEmpty, "the first member is the primary")
    }
}
