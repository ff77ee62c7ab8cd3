#!/usr/bin/env python3
"""List DistributionConfig-reachable members whose botocore doc strings restrict
them by distribution kind (standard vs multi-tenant, i.e. ConnectionMode
direct vs tenant-only).

Reads the installed botocore model cloudfront/2020-05-31/service-2.json(.gz).
Walks every shape reachable from DistributionConfig and reports, for each
member, the restriction found either in the member's own documentation or in
the documentation of the shape the member points to (ForwardedValues and
TenantConfig carry the note on the shape, not only on the member).

Output: one line per member, sorted:
    <Shape>.<Member>\t<kind>\t<verbatim phrase>\t[via shape <S>]
kinds:
    standard-only   "This field only supports standard distributions. You can't
                     specify this field for multi-tenant distributions."
    tenant-only     "This field only supports multi-tenant distributions. You
                     can't specify this field for standard distributions."
    use-connection-group  "To use this field for a multi-tenant distribution,
                     use a connection group instead."
    tenant-value-restricted  "Multi-tenant distributions only support WAF V2 web ACLs."
Other mentions of 'standard/multi-tenant distribution' that match none of the
phrases are printed as '# descriptive mention' lines for review.
"""
import gzip
import json
import os
import re
import sys

import botocore

PHRASES = [
    ("standard-only",
     "This field only supports standard distributions. You can't specify this field for multi-tenant distributions."),
    ("tenant-only",
     "This field only supports multi-tenant distributions. You can't specify this field for standard distributions."),
    ("use-connection-group",
     "To use this field for a multi-tenant distribution, use a connection group instead."),
    ("tenant-value-restricted",
     "Multi-tenant distributions only support WAF V2 web ACLs."),
]
# Anything that smells like a kind restriction; used to detect new wording.
PROBE = re.compile(r"(multi-tenant distributions?|standard distributions?)", re.I)


def load_model():
    base = os.path.join(os.path.dirname(botocore.__file__), "data", "cloudfront", "2020-05-31")
    for name in ("service-2.json", "service-2.json.gz"):
        p = os.path.join(base, name)
        if os.path.exists(p):
            opener = gzip.open if p.endswith(".gz") else open
            with opener(p, "rt", encoding="utf-8") as f:
                return json.load(f)
    sys.exit("cloudfront 2020-05-31 model not found under " + base)


def text(html):
    t = re.sub(r"<[^>]+>", "", html or "")
    t = t.replace("&apos;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return re.sub(r"\s+", " ", t).strip()


def reachable(shapes, root):
    seen, stack = [], [root]
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.append(n)
        s = shapes[n]
        for m in s.get("members", {}).values():
            stack.append(m["shape"])
        if "member" in s:
            stack.append(s["member"]["shape"])
    return seen


def classify(doc):
    hits = [(k, p) for k, p in PHRASES if p in doc]
    return hits


def main():
    model = load_model()
    shapes = model["shapes"]
    rows, unclassified = [], []
    for sname in reachable(shapes, "DistributionConfig"):
        for mname, mem in shapes[sname].get("members", {}).items():
            sources = [(text(mem.get("documentation")), None),
                       (text(shapes[mem["shape"]].get("documentation")), mem["shape"])]
            for doc, via in sources:
                hits = classify(doc)
                for kind, phrase in hits:
                    rows.append((f"{sname}.{mname}", kind, phrase, via))
                if not hits and PROBE.search(doc):
                    # e.g. "...required in the multi-tenant distribution." (ParameterDefinition)
                    # is descriptive, not a restriction; report for review.
                    unclassified.append((f"{sname}.{mname}", via, PROBE.search(doc).group(0)))
    seen = set()
    for r in sorted(rows, key=lambda r: (r[0], r[1], r[3] or "")):
        key = (r[0], r[1])
        if key in seen:   # same phrase on member and on its shape
            continue
        seen.add(key)
        line = f"{r[0]}\t{r[1]}\t{r[2]}"
        if r[3]:
            line += f"\t[via shape {r[3]}]"
        print(line)
    for u in sorted(set(unclassified), key=lambda u: (u[0], u[1] or "")):
        print(f"# descriptive mention (not a restriction): {u[0]}"
              + (f" [via shape {u[1]}]" if u[1] else "") + f": '{u[2]}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
