/// Pieces that rule examples share, so each example shows only what it is about.
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

    /// A complete distribution body with `rest` added.
    static func with(_ rest: String) -> String {
        origin + "\n" + defaultBehavior + "\n" + rest
    }

    /// A cache behavior with a pattern and policy.
    static func behavior(_ pattern: String, _ policy: String = "https-only", marker: String = "") -> String {
        """
          - path-pattern: \(marker)\(pattern)
            target-origin-id: app
            viewer-protocol-policy: \(policy)
            cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
        """
    }
}

extension RuleExample {
    /// An ACM certificate in us-east-1 served with SNI.
    static let acmCertificate = """
        viewer-certificate:
          acm-certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/0e6f7a6b-aaaa-bbbb-cccc-1234567890ab
          ssl-support-method: sni-only
        """
}
