/// The part every rule example shares, so that each example shows only what it is about.
///
/// A rule's examples are multi-line literals of a distribution's body, as a user would write
/// it; `↓` marks where a failing example must be flagged (the rule tests strip the markers and
/// require a finding of the rule at each one, and none elsewhere). Most examples are written
/// with `with(_:)`, which adds one HTTPS origin `app` and a default behavior that redirects to
/// HTTPS:
///
/// ```swift
/// failingExamples: [
///     RuleExample.with("""
///         cache-behaviors:
///           - path-pattern: ↓images/*
///             …
///         """),
/// ]
/// ```
enum RuleExample {
    /// One HTTPS custom origin called `app`.
    static let origin = """
        origins:
          app:
            domain-name: app.example.com
            custom-origin-config: {origin-protocol-policy: https-only}
        """

    /// A default behavior that redirects to HTTPS.
    static let defaultBehavior = """
        default-cache-behavior:
          target-origin-id: app
          viewer-protocol-policy: redirect-to-https
          cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
        """

    /// A distribution body with `origin`, then `rest` (which brings its own default behavior).
    static func withOrigin(_ rest: String) -> String {
        origin + "\n" + rest
    }

    /// A complete distribution body: `origin`, `defaultBehavior`, then `rest`.
    static func with(_ rest: String) -> String {
        origin + "\n" + defaultBehavior + "\n" + rest
    }
}
