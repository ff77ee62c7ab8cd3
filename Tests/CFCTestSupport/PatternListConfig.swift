/// A distribution with `patterns` as its cache behaviors and the default behavior after them,
/// for the ordering tests: behavior `n` (from 0) is on line `7 + n`, its pattern value starts
/// at column 24, and every behavior is `https-only` on origin `app` with `cachePolicy`.
/// `extra` is appended as more keys of the distribution.
public func patternListConfig(_ patterns: [String], cachePolicy: String = "658327ea-f89d-4fab-a63d-7e88639e58f6", extra: String = "")
    -> String
{
    let tail = "target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: \(cachePolicy)}"
    var text = """
        version: 1
        distributions:
          site:
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            cache-behaviors:

        """
    for pattern in patterns { text += "      - {path-pattern: \"\(pattern)\", \(tail)\n" }
    text += "    default-cache-behavior: {\(tail)\n" + extra
    return text
}
