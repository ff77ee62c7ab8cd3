#!/usr/bin/env python3
"""End to end: apply every example with the real aws CLI, against moto's CloudFront.

Run by .ci/run after `swift test` (it is a separate script so that `swift test` needs no Python):

    swift build
    python3 Tests/EndToEnd/apply_with_aws_cli.py [.build/debug/cfc] [--timeout 300] [--keep]

Needs `aws` (awscli) and `moto_server` (python3 -m pip install 'moto[server]') on PATH, and botocore
importable by this interpreter. Works in a temporary directory; never writes into the repository.

What it does
------------
1. Starts `moto_server -H 127.0.0.1 -p PORT` on a free port (found by binding to port 0), waits until
   it answers, and always stops it by its pid (in a `finally`), also on failure, on SIGTERM and on
   timeout. The whole run has a deadline (--timeout, default 300 s), and every subprocess a timeout.
2. The aws CLI runs with dummy credentials (AWS_ACCESS_KEY_ID=testing, ...), empty config and
   credentials files, AWS_EC2_METADATA_DISABLED=true, every other AWS_* variable removed, always
   with --endpoint-url http://127.0.0.1:PORT, and with HTTP(S)_PROXY pointing at a closed local
   port (NO_PROXY=127.0.0.1): a request that would go anywhere but moto fails.
3. CLI phase, for every distribution of every examples/*.yaml:
   `cfc compile --format both`; `aws cloudfront create-distribution --distribution-config
   file://NAME.distribution.json`; `aws cloudfront get-distribution-config --id ID`; what came back
   must equal what was sent, member by member, up to MOTO_DOES_NOT_KEEP below. Then a second version
   of the example (SECOND_VERSIONS: every comment gets " (v2)", some examples change more), planned
   twice: against the JSON sent (the plan must list exactly the intended changes) and, as an apply
   would, with `cfc plan --previous GET-CONFIG-OUTPUT.json NEW.yaml --distribution-id ID --output DIR`
   (the plan must carry the ETag, list the intended changes plus only the phantom changes that
   MOTO_DOES_NOT_KEEP explains, plan the expected invalidation, write the same documents, and print
   exactly the aws commands below). The plan's commands are then run from another directory:
   `update-distribution --id ID --if-match ETAG --distribution-config file://DIR/NAME.distribution.json`
   (checked with get-distribution-config), and where the plan wrote NAME.invalidation.json, `wait
   distribution-deployed` and `create-invalidation --invalidation-batch file://DIR/NAME.invalidation.json`
   (checked with get-invalidation).
4. REST phase (after resetting moto, as the CallerReferences are the same): the raw XML of
   `cfc compile` is POSTed to http://127.0.0.1:PORT/2020-05-31/distribution (Content-Type
   text/xml, SigV4-signed with the dummy credentials: moto_server routes an unsigned request by
   path and hands this one to its S3 backend, which answers 500), must get 201, and the
   distribution must read back (aws get-distribution-config) as the XML said. Its config is then
   fetched as XML (GET .../config), planned from that XML, the planned XML PUT back with If-Match,
   read back, and the planned InvalidationBatch XML POSTed to .../invalidation.

What moto (5.2.1) does not keep
-------------------------------
MOTO_DOES_NOT_KEEP lists, by member path ("[]" = every item of that list), each member moto drops,
empties or fills in, and why; the test asserts that everything else comes back equal, and that
these members come back exactly as the table says (so a change in moto fails loudly). They are
moto's, not cfc's: moto's CloudFront model (moto/cloudfront/models.py) has no attribute for the
dropped members (Origin keeps no OriginAccessControlId, and reads S3OriginConfig into an attribute
its serializer never returns), hard-codes `{"Quantity": 0}` for the function associations, and
fills in defaults of its own (ViewerCertificate's CertificateSource is always "cloudfront", even
with an ACM certificate, which CloudFront itself never says). A representation detail is
normalized on both sides: `"Items": []` beside `"Quantity": 0` is the same as no Items. Lists are
compared in order: moto 5.2.1 reorders none, and order is meaningful to CloudFront (behaviors are
matched first to last). The plan against moto's config shows phantom changes for these members
only (MOTO_PLAN_ARTIFACTS); any other change fails the test.

Other moto behaviour this test works around (MOTO_WORKAROUNDS): moto rejects a DefaultCacheBehavior
whose TargetOriginId names an origin group (NoSuchOrigin; it looks only at Origins). For such a
distribution the test first sends cfc's document unchanged and asserts exactly that rejection, then
sends it with the target replaced by the group's first member, compares with that, and gives cfc
plan the config read back with the group restored (what CloudFront would have returned). moto also
ignores If-Match and keeps the same ETag across updates, and completes invalidations at once.

Exit status: 0 all good; 1 a mismatch or a failed step (the message says which); 2 bad invocation
or missing cfc; 3 moto_server, aws or botocore missing.
"""
import argparse
import copy
import glob
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

try:
    import botocore.session
    from botocore import parsers
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:  # pragma: no cover
    sys.stderr.write("botocore is not installed: run 'python3 -m pip install botocore'\n")
    sys.exit(3)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/"
API = "2020-05-31"
MODEL = botocore.session.get_session().get_service_model("cloudfront", API)
MOTO_VERSION_DOCUMENTED = "5.2.1"
DUMMY_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                     "AWS_SESSION_TOKEN": "testing"}
REGION = "us-east-1"

BEHAVIORS = ("DefaultCacheBehavior", "CacheBehaviors.Items[]")


def _each_behavior(member, kind, value, why):
    return {f"{behavior}.{member}": (kind, value, why) for behavior in BEHAVIORS}


# Member path -> (what moto does, the value it returns, why). Kinds:
#   dropped  the member is sent and does not come back;
#   emptied  the member comes back as the value given, whatever was sent;
#   added    the member is not sent (cfc leaves it out) and comes back with the value given.
MOTO_DOES_NOT_KEEP = {
    "Origins.Items[].OriginAccessControlId": (
        "dropped", None, "moto's Origin model has no attribute for it"),
    "Origins.Items[].S3OriginConfig": (
        "dropped", None, "moto reads S3OriginConfig.OriginAccessIdentity into "
        "Origin.s3_access_identity, which its serializer never returns"),
    **_each_behavior("LambdaFunctionAssociations", "emptied", {"Quantity": 0},
                     "moto hard-codes {Quantity: 0} and ignores what was sent"),
    **_each_behavior("FunctionAssociations", "emptied", {"Quantity": 0},
                     "moto hard-codes {Quantity: 0} and ignores what was sent"),
    "ViewerCertificate.Certificate": ("added", "", "moto's default"),
    "ViewerCertificate.CertificateSource": (
        "added", "cloudfront", "moto always says 'cloudfront', even with an ACM certificate"),
    "ViewerCertificate.IAMCertificateId": ("added", "", "moto's default"),
    "ViewerCertificate.ACMCertificateArn": ("added", "", "moto's default (default certificate)"),
    "ViewerCertificate.SSLSupportMethod": (
        "added", "sni-only", "moto's default, even beside CloudFrontDefaultCertificate"),
    "ViewerCertificate.MinimumProtocolVersion": (
        "added", "TLSv1", "moto's default when none is sent (cfc sends none beside the CloudFront "
        "certificate, whose policy CloudFront sets to TLSv1 itself)"),
    **_each_behavior("RealtimeLogConfigArn", "added", "", "moto's default"),
    **_each_behavior("CachePolicyId", "added", "", "moto's default (legacy cache settings)"),
    "CacheBehaviors.Items[].OriginRequestPolicyId": ("added", "", "moto's default"),
    **_each_behavior("ForwardedValues", "added", {"QueryString": False, "Cookies": {"Forward": "none"}},
                     "moto fills in legacy cache settings beside a cache policy"),
    **_each_behavior("MinTTL", "added", 0, "moto fills in legacy TTLs beside a cache policy"),
    **_each_behavior("DefaultTTL", "added", 0, "moto fills in legacy TTLs beside a cache policy"),
    **_each_behavior("MaxTTL", "added", 0, "moto fills in legacy TTLs beside a cache policy"),
}

# The phantom changes `cfc plan --previous <what moto returned>` shows because of the members above:
# (plan path regex, kind, the old value as the plan prints it, the MOTO_DOES_NOT_KEEP member behind it).
_BEHAVIOR_PATH = r"(default-cache-behavior|cache-behaviors\[[^\]]+\])"
MOTO_PLAN_ARTIFACTS = [
    (r"origins\.[^.]+\.origin-access-control-id", "modified", '""',
     "Origins.Items[].OriginAccessControlId"),
    (_BEHAVIOR_PATH + r"\.lambda-function-associations", "modified", "[]",
     "<behavior>.LambdaFunctionAssociations"),
    (_BEHAVIOR_PATH + r"\.function-associations", "modified", "[]", "<behavior>.FunctionAssociations"),
    (_BEHAVIOR_PATH + r"\.forwarded-values", "removed", "{query-string: false}",
     "<behavior>.ForwardedValues"),
    (_BEHAVIOR_PATH + r"\.(min|default|max)-ttl", "removed", "0", "<behavior>.MinTTL/DefaultTTL/MaxTTL"),
    (r"viewer-certificate\.certificate", "removed", '""', "ViewerCertificate.Certificate"),
    (r"viewer-certificate\.certificate-source", "removed", "cloudfront",
     "ViewerCertificate.CertificateSource"),
    (r"viewer-certificate\.iam-certificate-id", "removed", '""', "ViewerCertificate.IAMCertificateId"),
    (r"viewer-certificate\.acm-certificate-arn", "removed", '""', "ViewerCertificate.ACMCertificateArn"),
    (r"viewer-certificate\.ssl-support-method", "removed", "sni-only",
     "ViewerCertificate.SSLSupportMethod"),
]

MOTO_WORKAROUNDS = {
    "DefaultCacheBehavior.TargetOriginId naming an origin group":
        "moto answers NoSuchOrigin (it checks Origins only); asserted, then sent with the group's "
        "first member as target, and read back with the group restored",
    "If-Match / ETag": "moto accepts any If-Match and keeps the ETag across updates: not asserted",
    "SigV4": "moto_server routes unsigned REST requests to its S3 backend: REST calls are signed",
}

# The second version of each example: text edits of the YAML (old, new, occurrences), the plan
# changes they must produce per distribution (path, kind, old, new), the invalidation paths per
# distribution, and object paths for --changed-paths. Every distribution's comment also gets " (v2)".
SECOND_VERSIONS = {
    "legacy-forwarded-values.yaml": {
        "edits": [("origin-protocol-policy: http-only", "origin-protocol-policy: https-only", 1)],
        "changes": {"legacy": [("origins.blog.custom-origin-config.origin-protocol-policy", "modified",
                                "http-only", "https-only")]},
        "invalidation": {"legacy": ["/*"]},
    },
    "s3-oac-and-api.yaml": {
        "edits": [("origin-path: /v2", "origin-path: /v3", 1)],
        "changes": {"app": [("origins.api.origin-path", "modified", "/v2", "/v3")]},
        "invalidation": {"app": ["/api/*"]},
    },
    "mixed-viewer-policies.yaml": {
        "edits": [("viewer-protocol-policy: allow-all", "viewer-protocol-policy: redirect-to-https", 1)],
        "changes": {"shop": [("cache-behaviors[/images/*].viewer-protocol-policy", "modified",
                              "allow-all", "redirect-to-https")]},
        "invalidation": {"shop": ["/images/*"]},
    },
    "default-domain.yaml": {
        "changed-paths": ["/index.html", "/guide/getting started.html", "/assets/*"],
        "invalidation": {"docs": ["/assets/*", "/guide/getting%20started.html", "/index.html"]},
    },
}


class Failure(Exception):
    """A step failed or something came back different: the message says what."""


class Deadline:
    def __init__(self, seconds):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def timeout(self, cap):
        left = self.end - time.monotonic()
        if left <= 0:
            raise Failure(f"the run took longer than its deadline of {self.seconds} s")
        return min(cap, left)


def run(argv, deadline, *, cwd, env=None, cap=60, ok=(0,)):
    """Runs argv with a timeout; returns the CompletedProcess, raises Failure on another status."""
    timeout = deadline.timeout(cap)
    try:
        result = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        limit = f"its {cap} s" if timeout == cap else f"the run's deadline of {deadline.seconds} s"
        raise Failure(f"timed out ({limit}): {' '.join(argv)}") from None
    if result.returncode not in ok:
        raise Failure(f"exit status {result.returncode} (expected {'/'.join(map(str, ok))}) from\n"
                      f"  (cd {cwd} && {' '.join(argv)})\nstdout:\n{result.stdout[-3000:]}\n"
                      f"stderr:\n{result.stderr[-3000:]}")
    return result


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def write_bytes(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=2)
        handle.write("\n")


# ---------------------------------------------------------------------------------------------
# Comparing what was sent with what came back


def _members(doc, segments):
    """(parent, key) of every member a path names, one per item of the lists marked '[]'."""
    if not isinstance(doc, dict):
        return
    head, rest = segments[0], segments[1:]
    if head.endswith("[]"):
        for item in doc.get(head[:-2]) or []:
            yield from _members(item, rest)
    elif not rest:
        yield doc, head
    elif head in doc:
        yield from _members(doc[head], rest)


def without_empty_items(value):
    """`"Items": []` beside `"Quantity": 0` says what no Items says."""
    if isinstance(value, dict):
        value = {key: without_empty_items(item) for key, item in value.items()}
        if value.get("Quantity") == 0 and value.get("Items") in ([], None) and "Items" in value:
            del value["Items"]
        return value
    if isinstance(value, list):
        return [without_empty_items(item) for item in value]
    return value


def as_moto_returns(sent):
    """What moto returns for a config it was sent, by MOTO_DOES_NOT_KEEP; and the rules applied."""
    expected = copy.deepcopy(sent)
    applied = set()
    for path, (kind, value, _) in MOTO_DOES_NOT_KEEP.items():
        for parent, key in list(_members(expected, path.split("."))):
            if kind == "dropped" and key in parent:
                del parent[key]
                applied.add(path)
            elif kind == "emptied" and key in parent and parent[key] != value:
                parent[key] = copy.deepcopy(value)
                applied.add(path)
            elif kind == "added" and key not in parent:
                parent[key] = copy.deepcopy(value)
                applied.add(path)
    return without_empty_items(expected), applied


def differences(expected, actual, path=""):
    """Every member where actual differs from expected, as readable lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines = []
        for key in list(expected) + [key for key in actual if key not in expected]:
            where = f"{path}.{key}" if path else key
            if key not in actual:
                lines.append(f"{where}: sent {json.dumps(expected[key])[:200]}, missing in what came back")
            elif key not in expected:
                lines.append(f"{where}: not sent, came back as {json.dumps(actual[key])[:200]}")
            else:
                lines += differences(expected[key], actual[key], where)
        return lines
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: sent {len(expected)} items {json.dumps(expected)[:200]}, "
                    f"{len(actual)} came back {json.dumps(actual)[:200]}"]
        lines = []
        for index, (left, right) in enumerate(zip(expected, actual)):
            lines += differences(left, right, f"{path}[{index}]")
        return lines
    if expected != actual or type(expected) is not type(actual):
        return [f"{path}: sent {json.dumps(expected)}, came back {json.dumps(actual)}"]
    return []


class Report:
    def __init__(self):
        self.moto_rules = {}          # MOTO_DOES_NOT_KEEP path -> distributions it applied to
        self.counts = {"examples": 0, "distributions": 0, "cli creates": 0, "cli updates": 0,
                       "cli invalidations": 0, "xml creates": 0, "xml updates": 0,
                       "xml invalidations": 0, "moto rejections asserted": 0}
        self.invalidations = []
        self.last_id = None

    def count(self, what, by=1):
        self.counts[what] += by


def assert_kept(report, name, step, sent, came_back):
    """Asserts moto returned `sent`, up to MOTO_DOES_NOT_KEEP."""
    expected, applied = as_moto_returns(sent)
    lines = differences(expected, without_empty_items(came_back))
    if lines:
        raise Failure(f"{name}: {step}: what came back differs from what was sent "
                      f"(beyond MOTO_DOES_NOT_KEEP, written for moto {MOTO_VERSION_DOCUMENTED}):\n  "
                      + "\n  ".join(lines[:40]))
    for rule in applied:
        report.moto_rules.setdefault(rule, set()).add(name)


# ---------------------------------------------------------------------------------------------
# moto's workaround for a default behavior that targets an origin group


def group_target(config):
    """(group id, first member) when the default behavior targets an origin group, else None."""
    target = config["DefaultCacheBehavior"]["TargetOriginId"]
    for group in (config.get("OriginGroups") or {}).get("Items") or []:
        if group["Id"] == target:
            return target, group["Members"]["Items"][0]["OriginId"]
    return None


def retargeted(config, target):
    config = copy.deepcopy(config)
    config["DefaultCacheBehavior"]["TargetOriginId"] = target
    return config


_DEFAULT_TARGET = re.compile(rb"(<DefaultCacheBehavior>\s*<TargetOriginId>)([^<]*)(</TargetOriginId>)")


def retargeted_xml(body, old, new):
    match = _DEFAULT_TARGET.search(body)
    if not match or match.group(2) != old.encode():
        raise Failure(f"no <DefaultCacheBehavior><TargetOriginId>{old}</TargetOriginId> in the XML")
    return body[:match.start(2)] + new.encode() + body[match.end(2):]


def _behaviors(config):
    """The default behavior and the cache behaviors of an API config, in order."""
    return [config["DefaultCacheBehavior"]] + config.get("CacheBehaviors", {}).get("Items", [])


def with_lambda_associations(config, sent):
    """`config` (what moto returned) with each behavior's LambdaFunctionAssociations as sent,
    and the other members moto drops or adds restored as CloudFront returns them.

    moto empties them (MOTO_DOES_NOT_KEEP); CloudFront keeps them. Planning against moto's
    config as is would see origin-facing functions appear and rightly plan an invalidation for
    them, which CloudFront's config would not cause, so the plan is made against what
    CloudFront would have returned, as for the origin-group target above."""
    config = copy.deepcopy(config)
    for behavior, sent_behavior in zip(_behaviors(config), _behaviors(sent)):
        if "LambdaFunctionAssociations" in sent_behavior:
            behavior["LambdaFunctionAssociations"] = copy.deepcopy(sent_behavior["LambdaFunctionAssociations"])
        # moto fills in ForwardedValues (and legacy TTLs) beside a cache policy
        # (MOTO_DOES_NOT_KEEP); CloudFront never returns both, and cfc refuses such input
        # (api.cache_settings).
        if behavior.get("CachePolicyId") and "ForwardedValues" not in sent_behavior:
            for member in LEGACY_CACHE_MEMBERS:
                if member not in sent_behavior:
                    behavior.pop(member, None)
    # moto also drops S3OriginConfig (MOTO_DOES_NOT_KEEP), leaving origins with no origin config,
    # which CloudFront never returns and cfc refuses as input (api.origin_type).
    sent_origins = {origin["Id"]: origin for origin in sent.get("Origins", {}).get("Items", [])}
    for origin in config.get("Origins", {}).get("Items", []):
        kept = sent_origins.get(origin["Id"], {}).get("S3OriginConfig")
        if kept is not None and not any(key in origin for key in ORIGIN_CONFIGS):
            origin["S3OriginConfig"] = copy.deepcopy(kept)
    return config


ORIGIN_CONFIGS = ("S3OriginConfig", "CustomOriginConfig", "VpcOriginConfig")
LEGACY_CACHE_MEMBERS = ("ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL")


def with_lambda_associations_xml(body, sent_body):
    """The XML form of `with_lambda_associations`, element by element."""
    ET.register_namespace("", NS)
    tree = ET.fromstring(body)
    sent = ET.fromstring(sent_body)

    def behaviors(root):
        found = [root.find(f"{{{NS}}}DefaultCacheBehavior")]
        items = root.find(f"{{{NS}}}CacheBehaviors/{{{NS}}}Items")
        return found + (list(items) if items is not None else [])

    changed = False
    # The S3OriginConfig moto drops, put back where an origin has no origin config left.
    sent_origins = {origin.findtext(f"{{{NS}}}Id"): origin for origin in sent.iter(f"{{{NS}}}Origin")}
    for origin in tree.iter(f"{{{NS}}}Origin"):
        kept = sent_origins.get(origin.findtext(f"{{{NS}}}Id"))
        kept = kept.find(f"{{{NS}}}S3OriginConfig") if kept is not None else None
        if kept is not None and all(origin.find(f"{{{NS}}}{name}") is None for name in ORIGIN_CONFIGS):
            # After DomainName, OriginPath and CustomHeaders, as the model orders Origin's members.
            anchor = next((index for index, child in enumerate(origin) if child.tag.split("}")[-1]
                           not in ("Id", "DomainName", "OriginPath", "CustomHeaders")), len(origin))
            origin.insert(anchor, copy.deepcopy(kept))
            changed = True
    for behavior, sent_behavior in zip(behaviors(tree), behaviors(sent)):
        # The legacy cache settings moto adds beside a cache policy (see with_lambda_associations).
        if (behavior.findtext(f"{{{NS}}}CachePolicyId") or "") and sent_behavior.find(f"{{{NS}}}ForwardedValues") is None:
            for member in LEGACY_CACHE_MEMBERS:
                added = behavior.find(f"{{{NS}}}{member}")
                if added is not None and sent_behavior.find(f"{{{NS}}}{member}") is None:
                    behavior.remove(added)
                    changed = True
        kept = sent_behavior.find(f"{{{NS}}}LambdaFunctionAssociations")
        dropped = behavior.find(f"{{{NS}}}LambdaFunctionAssociations")
        if kept is None or dropped is None or ET.tostring(kept) == ET.tostring(dropped):
            continue
        position = list(behavior).index(dropped)
        behavior.remove(dropped)
        behavior.insert(position, copy.deepcopy(kept))
        changed = True
    if not changed:
        return body
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree)


def parse_xml(body, shape):
    tree = ET.fromstring(body)
    if tree.tag != f"{{{NS}}}{shape}":
        raise Failure(f"expected <{shape} xmlns=\"{NS}\">, got <{tree.tag}>")
    return parsers.RestXMLParser()._parse_shape(MODEL.shape_for(shape), tree)


# ---------------------------------------------------------------------------------------------
# moto_server, the aws CLI and the REST endpoint


class MotoServer:
    def __init__(self, executable, workdir, deadline):
        self.executable = executable
        self.workdir = workdir
        self.deadline = deadline
        self.process = None
        self.port = None
        self.log_path = os.path.join(workdir, "moto_server.log")

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        for _ in range(3):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
            log = open(self.log_path, "ab")
            try:
                # Its own session, so that a stray signal to ours does not reach it half-way;
                # it is stopped by its pid in stop().
                self.process = subprocess.Popen(
                    [self.executable, "-H", "127.0.0.1", "-p", str(self.port)], cwd=self.workdir,
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            finally:
                log.close()
            if self._wait_until_ready():
                return
            self.stop()
        raise Failure(f"moto_server did not start; its log:\n{self.log_tail()}")

    def _wait_until_ready(self):
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        limit = time.monotonic() + self.deadline.timeout(30)
        while time.monotonic() < limit:
            if self.process.poll() is not None:
                return False
            try:
                with opener.open(f"{self.endpoint}/moto-api/", timeout=2) as response:
                    if response.status == 200:
                        return True
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        return False

    def stop(self):
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own group: only what we started
            process.wait(timeout=10)

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        except OSError:
            return "(no log)"


class Aws:
    def __init__(self, executable, endpoint, workdir, deadline):
        self.executable = executable
        self.endpoint = endpoint
        self.deadline = deadline
        config = os.path.join(workdir, "aws-config")
        credentials = os.path.join(workdir, "aws-credentials")
        for path in (config, credentials):
            open(path, "w").close()
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("AWS_") and key.lower() not in ("http_proxy", "https_proxy", "no_proxy",
                                                                       "all_proxy")}
        dead_proxy = "http://127.0.0.1:9"  # discard port: anything not bound for moto fails to connect
        env.update(DUMMY_CREDENTIALS)
        env.update({"AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": config,
                    "AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_EC2_METADATA_DISABLED": "true",
                    "AWS_MAX_ATTEMPTS": "2", "AWS_RETRY_MODE": "standard", "AWS_PAGER": "",
                    "HTTP_PROXY": dead_proxy, "HTTPS_PROXY": dead_proxy, "http_proxy": dead_proxy,
                    "https_proxy": dead_proxy, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
        self.env = env

    def argv(self, args):
        return [self.executable, "--endpoint-url", self.endpoint, "--region", REGION, "--output", "json",
                "--cli-connect-timeout", "5", "--cli-read-timeout", "30", "cloudfront", *args]

    def __call__(self, *args, cwd):
        result = run(self.argv(args), self.deadline, cwd=cwd, env=self.env, cap=60)
        return json.loads(result.stdout) if result.stdout.strip() else {}

    def rejects(self, code, *args, cwd):
        """Asserts the call fails with this error code."""
        result = run(self.argv(args), self.deadline, cwd=cwd, env=self.env, cap=60, ok=(252, 253, 254, 255))
        if f"({code})" not in result.stderr:
            raise Failure(f"expected the error {code} from aws cloudfront {' '.join(args)}, got:\n"
                          f"{result.stderr[-2000:]}")


class Rest:
    """Signed requests to moto's CloudFront REST endpoint (no proxies, timeouts on every call)."""

    def __init__(self, endpoint, deadline):
        self.endpoint = endpoint
        self.deadline = deadline
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.signer = SigV4Auth(Credentials(DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
                                            DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                                            DUMMY_CREDENTIALS["AWS_SESSION_TOKEN"]), "cloudfront", REGION)

    def __call__(self, method, path, body=None, headers=None):
        url = f"{self.endpoint}/{API}/{path}"
        request = AWSRequest(method=method, url=url, data=body, headers=dict(headers or {}))
        self.signer.add_auth(request)
        prepared = urllib.request.Request(url, data=body, method=method, headers=dict(request.headers.items()))
        try:
            with self.opener.open(prepared, timeout=self.deadline.timeout(30)) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def reset_moto(self):
        request = urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST", data=b"")
        with self.opener.open(request, timeout=self.deadline.timeout(30)) as response:
            if response.status != 200:
                raise Failure(f"POST /moto-api/reset answered {response.status}")


# ---------------------------------------------------------------------------------------------
# The example, its second version, and the plans


class Example:
    def __init__(self, source, workdir):
        self.file = os.path.basename(source)
        self.stem = self.file[:-len(".yaml")]
        self.dir = os.path.join(workdir, self.stem)
        self.v1_yaml = os.path.join(self.dir, "v1", self.file)
        self.v2_yaml = os.path.join(self.dir, "v2", self.file)
        self.v1_out = os.path.join(self.dir, "v1-out")
        self.v2_out = os.path.join(self.dir, "v2-out")
        for path in (os.path.dirname(self.v1_yaml), os.path.dirname(self.v2_yaml), self.v1_out, self.v2_out):
            os.makedirs(path)
        shutil.copyfile(source, self.v1_yaml)
        self.spec = SECOND_VERSIONS.get(self.file, {})
        self.changed_paths = None
        self.names = []

    def compile(self, cfc, deadline):
        run([cfc, "compile", "--format", "both", "--color", "never", "--output", self.v1_out, self.v1_yaml],
            deadline, cwd=self.dir)
        self.names = sorted(os.path.basename(path)[:-len(".distribution.json")]
                            for path in glob.glob(os.path.join(self.v1_out, "*.distribution.json")))
        if not self.names:
            raise Failure(f"{self.file}: cfc compile wrote no distribution")
        with open(self.v1_yaml, encoding="utf-8") as handle:
            text = handle.read()
        for old, new, occurrences in self.spec.get("edits", []):
            if text.count(old) != occurrences:
                raise Failure(f"{self.file}: SECOND_VERSIONS expects '{old}' {occurrences} time(s), "
                              f"found {text.count(old)}: update SECOND_VERSIONS")
            text = text.replace(old, new)
        for name in self.names:
            comment = self.v1_config(name)["Comment"]
            forms = [(f"comment: {comment}\n", f"comment: {comment} (v2)\n"),
                     (f'comment: "{comment}"', f'comment: "{comment} (v2)"'),
                     (f"comment: '{comment}'", f"comment: '{comment} (v2)'")]
            found = [(old, new) for old, new in forms if comment and text.count(old) == 1]
            if len(found) != 1:
                raise Failure(f"{self.file}: cannot find distribution {name}'s comment to edit; give the "
                              f"example an entry in SECOND_VERSIONS")
            text = text.replace(*found[0])
        with open(self.v2_yaml, "w", encoding="utf-8") as handle:
            handle.write(text)
        if "changed-paths" in self.spec:
            self.changed_paths = os.path.join(self.dir, "changed-paths.txt")
            with open(self.changed_paths, "w", encoding="utf-8") as handle:
                handle.write("".join(path + "\n" for path in self.spec["changed-paths"]))
        run([cfc, "compile", "--format", "both", "--color", "never", "--output", self.v2_out, self.v2_yaml],
            deadline, cwd=self.dir)

    def v1_config(self, name):
        return load_json(os.path.join(self.v1_out, f"{name}.distribution.json"))

    def v2_config(self, name):
        return load_json(os.path.join(self.v2_out, f"{name}.distribution.json"))

    def expected_changes(self, name):
        comment = self.v1_config(name)["Comment"]
        changes = [("comment", "modified", comment, comment + " (v2)")]
        return sorted(changes + list(self.spec.get("changes", {}).get(name, [])))

    def expected_invalidation(self, name):
        return list(self.spec.get("invalidation", {}).get(name, []))

    def plan(self, cfc, deadline, name, previous, output, distribution_id=None):
        argv = [cfc, "plan", "--previous", previous, self.v2_yaml, "--distribution", name, "--output", output,
                "--format", "json", "--color", "never"]
        if distribution_id:
            argv += ["--distribution-id", distribution_id]
        if self.changed_paths:
            argv += ["--changed-paths", self.changed_paths]
        result = run(argv, deadline, cwd=self.dir, ok=(2,))
        plan = load_json(os.path.join(output, "plan.json"))
        if json.loads(result.stdout) != plan:
            raise Failure(f"{name}: cfc plan printed another plan than the plan.json it wrote ({output})")
        entries = [entry for entry in plan["distributions"] if entry["name"] == name]
        if len(plan["distributions"]) != 1 or len(entries) != 1 or entries[0]["action"] != "update":
            raise Failure(f"{name}: expected one 'update' of {name} in {output}/plan.json, got "
                          f"{json.dumps(plan)[:1000]}")
        return entries[0]


def plan_value(text):
    """A value as cfc plan prints it, unquoted ('"a, b"' -> 'a, b')."""
    if text is not None and len(text) >= 2 and text[0] == text[-1] == '"':
        return json.loads(text)
    return text


def check_plan(example, name, entry, where, *, live):
    """The plan lists the intended changes (plus, against moto's config, only its phantoms) and the
    expected invalidation."""
    expected = example.expected_changes(name)
    got = []
    phantoms = []
    for change in entry["changes"]:
        key = (change["path"], change["kind"], plan_value(change.get("old")), plan_value(change.get("new")))
        artifact = next((rule for rule in MOTO_PLAN_ARTIFACTS if re.fullmatch(rule[0], change["path"])
                         and change["kind"] == rule[1] and change.get("old") == rule[2]), None)
        if live and key not in expected and artifact:
            phantoms.append(change)
        else:
            got.append(key)
    if sorted(got) != expected:
        raise Failure(f"{name}: {where}: the plan's changes are not the intended ones\n  expected: {expected}\n"
                      f"  planned:  {sorted(got)}\n  (moto phantoms set aside: {phantoms})")
    paths = [item["path"] for item in entry["invalidation"]["paths"]] if entry.get("invalidation") else []
    if paths != example.expected_invalidation(name):
        raise Failure(f"{name}: {where}: planned invalidation {paths}, expected "
                      f"{example.expected_invalidation(name)}")
    return paths


def expected_commands(name, distribution_id, etag, invalidates, plan_dir):
    """The plan's commands name its documents by absolute path, so they work from anywhere."""
    document = shlex.quote(f"file://{plan_dir}/{name}.distribution.json")
    commands = [f"aws cloudfront update-distribution --id {distribution_id} --if-match {etag} "
                f"--distribution-config {document}"]
    if invalidates:
        batch = shlex.quote(f"file://{plan_dir}/{name}.invalidation.json")
        commands += [f"aws cloudfront wait distribution-deployed --id {distribution_id}",
                     f"aws cloudfront create-invalidation --distribution-id {distribution_id} "
                     f"--invalidation-batch {batch}"]
    return commands


def same_documents(name, plan_dir, reference_dir, v2_config):
    """The plan from moto's config writes what the plan from the sent config writes, and the
    distribution document is the compiled second version."""
    for suffix in ("distribution.json", "distribution.xml", "invalidation.json", "invalidation.xml"):
        mine, theirs = os.path.join(plan_dir, f"{name}.{suffix}"), os.path.join(reference_dir, f"{name}.{suffix}")
        if os.path.exists(mine) != os.path.exists(theirs):
            raise Failure(f"{name}: {plan_dir} and {reference_dir} differ in having {name}.{suffix}")
        if suffix.startswith("distribution") and os.path.exists(mine):
            with open(mine, "rb") as left, open(theirs, "rb") as right:
                if left.read() != right.read():
                    raise Failure(f"{name}: {mine} differs from {theirs}")
    if load_json(os.path.join(plan_dir, f"{name}.distribution.json")) != v2_config:
        raise Failure(f"{name}: the planned {name}.distribution.json is not the compiled second version")


# ---------------------------------------------------------------------------------------------
# The two phases


def apply_with_cli(example, name, cfc, aws, report, deadline):
    base = os.path.join(example.dir, f"cli-{name}")
    os.makedirs(base)
    v1_json = os.path.join(example.v1_out, f"{name}.distribution.json")
    sent = example.v1_config(name)
    group = group_target(sent)
    if group:
        aws.rejects("NoSuchOrigin", "create-distribution", "--distribution-config", f"file://{v1_json}", cwd=base)
        report.count("moto rejections asserted")
        sent = retargeted(sent, group[1])
        v1_json = os.path.join(base, f"{name}.moto.json")
        write_json(v1_json, sent)
    created = aws("create-distribution", "--distribution-config", f"file://{v1_json}", cwd=base)
    distribution_id = created["Distribution"]["Id"]
    if not created.get("ETag") or not created.get("Location", "").endswith(f"/distribution/{distribution_id}"):
        raise Failure(f"{name}: create-distribution answered without ETag or Location: {json.dumps(created)[:500]}")
    assert_kept(report, name, "create-distribution's answer", sent, created["Distribution"]["DistributionConfig"])
    report.count("cli creates")
    report.last_id = distribution_id

    got = aws("get-distribution-config", "--id", distribution_id, cwd=base)
    get_output = os.path.join(base, "get-config-output.json")
    write_json(get_output, got)
    assert_kept(report, name, "get-distribution-config after create", sent, got["DistributionConfig"])
    etag = got["ETag"]
    if group:  # what CloudFront would have returned: the group as the target again
        got = {"ETag": etag, "DistributionConfig": retargeted(got["DistributionConfig"], group[0])}
        get_output = os.path.join(base, "get-config-output.cloudfront.json")
        write_json(get_output, got)
    restored = with_lambda_associations(got["DistributionConfig"], sent)
    if restored != got["DistributionConfig"]:  # what CloudFront would have returned: the functions kept
        got = {"ETag": etag, "DistributionConfig": restored}
        get_output = os.path.join(base, "get-config-output.cloudfront.json")
        write_json(get_output, got)

    reference = os.path.join(base, "plan-from-sent")
    check_plan(example, name, example.plan(cfc, deadline, name,
                                           os.path.join(example.v1_out, f"{name}.distribution.json"), reference),
               "plan --previous <the JSON sent>", live=False)
    plan_dir = os.path.join(base, "plan")
    entry = example.plan(cfc, deadline, name, get_output, plan_dir, distribution_id)
    if entry["etag"] != etag:
        raise Failure(f"{name}: the plan's etag is {entry['etag']!r}, get-distribution-config said {etag!r}")
    paths = check_plan(example, name, entry, "plan --previous <get-distribution-config output>", live=True)
    same_documents(name, plan_dir, reference, example.v2_config(name))
    commands = expected_commands(name, distribution_id, etag, bool(paths), plan_dir)
    if entry["commands"] != commands:
        raise Failure(f"{name}: the plan's commands are\n  " + "\n  ".join(entry["commands"])
                      + "\nexpected\n  " + "\n  ".join(commands))
    # The argument lists are what a shell makes of the printed lines (POSIX word splitting).
    if entry.get("command-arguments") != [shlex.split(command) for command in commands]:
        raise Failure(f"{name}: the plan's command-arguments {entry.get('command-arguments')!r} are not its commands split as a shell would")

    # Run the plan's commands from another directory than the plan's (they name its files by
    # absolute path).
    update = example.v2_config(name)
    update_file = f"file://{plan_dir}/{name}.distribution.json"
    if group:
        aws.rejects("NoSuchOrigin", "update-distribution", "--id", distribution_id, "--if-match", etag,
                    "--distribution-config", update_file, cwd=plan_dir)
        report.count("moto rejections asserted")
        update = retargeted(update, group[1])
        write_json(os.path.join(plan_dir, f"{name}.moto.json"), update)
        update_file = f"file://{plan_dir}/{name}.moto.json"
    updated = aws("update-distribution", "--id", distribution_id, "--if-match", etag,
                  "--distribution-config", update_file, cwd=base)
    assert_kept(report, name, "update-distribution's answer", update, updated["Distribution"]["DistributionConfig"])
    again = aws("get-distribution-config", "--id", distribution_id, cwd=plan_dir)
    assert_kept(report, name, "get-distribution-config after update", update, again["DistributionConfig"])
    report.count("cli updates")
    if paths:
        aws("wait", "distribution-deployed", "--id", distribution_id, cwd=plan_dir)
        batch = load_json(os.path.join(plan_dir, f"{name}.invalidation.json"))
        created = aws("create-invalidation", "--distribution-id", distribution_id, "--invalidation-batch",
                      f"file://{plan_dir}/{name}.invalidation.json", cwd=base)["Invalidation"]
        fetched = aws("get-invalidation", "--distribution-id", distribution_id, "--id", created["Id"],
                      cwd=plan_dir)["Invalidation"]
        for step, answer in (("create-invalidation", created), ("get-invalidation", fetched)):
            lines = differences(batch, answer["InvalidationBatch"])
            if lines:
                raise Failure(f"{name}: {step}: the InvalidationBatch came back different:\n  " + "\n  ".join(lines))
        report.count("cli invalidations")
        report.invalidations.append(f"{name} ({example.file}): {', '.join(paths)}")


def apply_with_rest(example, name, cfc, aws, rest, report, deadline):
    base = os.path.join(example.dir, f"rest-{name}")
    os.makedirs(base)
    with open(os.path.join(example.v1_out, f"{name}.distribution.xml"), "rb") as handle:
        body = handle.read()
    group = group_target(parse_xml(body, "DistributionConfig"))

    def send(method, path, body, headers, success, step):
        status, answer_headers, answer = rest(method, path, body, {"Content-Type": "text/xml", **headers})
        if group and method in ("POST", "PUT") and path.endswith(("distribution", "/config")):
            code = re.search(rb"<Code>([^<]*)</Code>", answer)
            if not (400 <= status < 500 and code and code.group(1) == b"NoSuchOrigin"):
                raise Failure(f"{name}: {step}: expected moto's NoSuchOrigin for a default behavior that "
                              f"targets an origin group, got {status}: {answer[:500]!r}")
            report.count("moto rejections asserted")
            body = retargeted_xml(body, group[0], group[1])
            write_bytes(os.path.join(base, f"{step}.moto.xml"), body)
            status, answer_headers, answer = rest(method, path, body, {"Content-Type": "text/xml", **headers})
        if status != success:
            raise Failure(f"{name}: {step}: {method} /{API}/{path} answered {status} (expected {success}):\n"
                          f"{answer[:2000].decode('utf-8', 'replace')}")
        return body, answer_headers, answer

    sent_body, headers, answer = send("POST", "distribution", body, {}, 201, "create")
    created = parse_xml(answer, "Distribution")
    distribution_id = created["Id"]
    if not headers.get("ETag") or not (headers.get("Location") or "").endswith(f"/distribution/{distribution_id}"):
        raise Failure(f"{name}: POST /distribution answered without ETag or Location: {dict(headers)}")
    sent = parse_xml(sent_body, "DistributionConfig")
    assert_kept(report, name, "the answer to POST /distribution", sent, created["DistributionConfig"])
    got = aws("get-distribution-config", "--id", distribution_id, cwd=base)
    assert_kept(report, name, "get-distribution-config after POST /distribution", sent, got["DistributionConfig"])
    report.count("xml creates")

    status, headers, config_xml = rest("GET", f"distribution/{distribution_id}/config")
    if status != 200 or headers.get("ETag") != got["ETag"]:
        raise Failure(f"{name}: GET /distribution/{distribution_id}/config answered {status}, ETag "
                      f"{headers.get('ETag')!r} (the CLI said {got['ETag']!r})")
    assert_kept(report, name, "GET .../config (XML)", sent, parse_xml(config_xml, "DistributionConfig"))
    if group:
        config_xml = retargeted_xml(config_xml, group[1], group[0])
    config_xml = with_lambda_associations_xml(config_xml, sent_body)
    previous = os.path.join(base, "get-config.xml")
    write_bytes(previous, config_xml)
    plan_dir = os.path.join(base, "plan")
    entry = example.plan(cfc, deadline, name, previous, plan_dir, distribution_id)
    if entry["etag"] is not None:
        raise Failure(f"{name}: a plan from an XML config has no ETag to know, yet says {entry['etag']!r}")
    paths = check_plan(example, name, entry, "plan --previous <GET .../config XML>", live=True)
    same_documents(name, plan_dir, os.path.join(example.dir, f"cli-{name}", "plan-from-sent"), example.v2_config(name))

    with open(os.path.join(plan_dir, f"{name}.distribution.xml"), "rb") as handle:
        update_body = handle.read()
    update_body, _, answer = send("PUT", f"distribution/{distribution_id}/config", update_body,
                                  {"If-Match": headers["ETag"]}, 200, "update")
    update = parse_xml(update_body, "DistributionConfig")
    assert_kept(report, name, "the answer to PUT .../config", update, parse_xml(answer, "Distribution")["DistributionConfig"])
    again = aws("get-distribution-config", "--id", distribution_id, cwd=base)
    assert_kept(report, name, "get-distribution-config after PUT .../config", update, again["DistributionConfig"])
    report.count("xml updates")
    if paths:
        with open(os.path.join(plan_dir, f"{name}.invalidation.xml"), "rb") as handle:
            batch_body = handle.read()
        _, _, answer = send("POST", f"distribution/{distribution_id}/invalidation", batch_body, {}, 201, "invalidate")
        batch = parse_xml(batch_body, "InvalidationBatch")
        invalidation = parse_xml(answer, "Invalidation")
        fetched = aws("get-invalidation", "--distribution-id", distribution_id, "--id", invalidation["Id"],
                      cwd=base)["Invalidation"]
        for step, answer in (("POST .../invalidation", invalidation), ("get-invalidation", fetched)):
            lines = differences(batch, answer["InvalidationBatch"])
            if lines:
                raise Failure(f"{name}: {step}: the InvalidationBatch came back different:\n  " + "\n  ".join(lines))
        report.count("xml invalidations")


def moto_version():
    try:
        from importlib.metadata import version
        return version("moto")
    except Exception:  # noqa: BLE001 - only for the summary
        return "unknown"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cfc", nargs="?", default=os.path.join(REPO, ".build", "debug", "cfc"),
                        help="the cfc binary (default: .build/debug/cfc in the repository)")
    parser.add_argument("--examples", default=os.path.join(REPO, "examples"), help="the examples directory")
    parser.add_argument("--timeout", type=float, default=300, help="deadline for the whole run, in seconds")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args(argv)

    cfc = os.path.abspath(args.cfc)
    if not (os.path.isfile(cfc) and os.access(cfc, os.X_OK)):
        sys.stderr.write(f"no cfc binary at {cfc}: build it with 'swift build', or pass its path\n")
        return 2
    moto = shutil.which("moto_server")
    if moto is None:
        sys.stderr.write("moto_server is not installed: run python3 -m pip install 'moto[server]'\n")
        return 3
    aws_cli = shutil.which("aws")
    if aws_cli is None:
        sys.stderr.write("the aws CLI is not installed: run python3 -m pip install awscli\n")
        return 3
    sources = sorted(glob.glob(os.path.join(args.examples, "*.yaml")))
    if not sources:
        sys.stderr.write(f"no examples in {args.examples}\n")
        return 2

    started = time.monotonic()
    deadline = Deadline(args.timeout)

    def on_signal(signum, _frame):
        raise Failure(f"stopped by signal {signum}" if signum != signal.SIGALRM else
                      f"the run took longer than its deadline of {args.timeout} s")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_signal)
    signal.alarm(int(args.timeout) + 30)  # a backstop: every step already has its own timeout

    workdir = tempfile.mkdtemp(prefix="cfc-e2e-")
    server = MotoServer(moto, workdir, deadline)
    report = Report()
    failed = True
    try:
        server.start()
        aws = Aws(aws_cli, server.endpoint, workdir, deadline)
        rest = Rest(server.endpoint, deadline)
        examples = [Example(source, workdir) for source in sources]
        for example in examples:
            example.compile(cfc, deadline)
            report.count("examples")
            report.count("distributions", len(example.names))
        phase = time.monotonic()
        for example in examples:
            for name in example.names:
                apply_with_cli(example, name, cfc, aws, report, deadline)
        cli_seconds = time.monotonic() - phase
        rest.reset_moto()  # the REST phase sends the same CallerReferences again
        aws.rejects("NoSuchDistribution", "get-distribution-config", "--id", report.last_id, cwd=workdir)
        phase = time.monotonic()
        for example in examples:
            for name in example.names:
                apply_with_rest(example, name, cfc, aws, rest, report, deadline)
        rest_seconds = time.monotonic() - phase
        if report.counts["cli invalidations"] == 0:
            raise Failure("no second version planned an invalidation: SECOND_VERSIONS must make one")
        failed = False
    except Failure as failure:
        sys.stderr.write(f"\nFAIL: {failure}\n")
        if server.process is not None and server.process.poll() is not None:
            sys.stderr.write(f"moto_server exited; its log:\n{server.log_tail()}\n")
    except Exception:
        import traceback
        traceback.print_exc()
        sys.stderr.write(f"moto_server log:\n{server.log_tail()}\n")
    finally:
        signal.alarm(0)
        server.stop()
        if failed or args.keep:
            sys.stderr.write(f"work directory kept: {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if failed:
        return 1

    counts = report.counts
    print(f"cfc end to end with the aws CLI ({subprocess.run([aws_cli, '--version'], capture_output=True, text=True, timeout=30).stdout.strip() or 'aws'})"
          f" against moto_server {moto_version()}: OK in {time.monotonic() - started:.1f} s "
          f"(CLI phase {cli_seconds:.1f} s, REST phase {rest_seconds:.1f} s)")
    print(f"  examples applied: {counts['examples']} files, {counts['distributions']} distributions; "
          f"created, read back, planned and updated with the CLI ({counts['cli creates']}/{counts['cli updates']}) "
          f"and as raw XML over REST ({counts['xml creates']}/{counts['xml updates']})")
    print(f"  invalidations created: {counts['cli invalidations']} with the CLI, {counts['xml invalidations']} as XML:")
    for line in report.invalidations:
        print(f"    {line}")
    print(f"  moto rejections asserted (origin-group target, worked around): {counts['moto rejections asserted']}")
    print("  moto behaviour worked around:")
    for what, how in MOTO_WORKAROUNDS.items():
        print(f"    {what}: {how}")
    print("  members moto does not keep (asserted to come back as listed; all else must be equal):")
    for path, (kind, value, why) in MOTO_DOES_NOT_KEEP.items():
        seen = report.moto_rules.get(path)
        if seen:
            shown = "" if kind == "dropped" else f" {json.dumps(value)}"
            print(f"    {path}: {kind}{shown} ({why}) - in {', '.join(sorted(seen))}")
    unused = [path for path in MOTO_DOES_NOT_KEEP if path not in report.moto_rules]
    if unused:
        print(f"  (rules no example needed: {', '.join(unused)})")
    if moto_version() not in ("unknown", MOTO_VERSION_DOCUMENTED):
        print(f"  note: MOTO_DOES_NOT_KEEP was written for moto {MOTO_VERSION_DOCUMENTED}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
