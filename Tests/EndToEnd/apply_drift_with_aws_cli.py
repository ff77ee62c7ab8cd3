#!/usr/bin/env python3
"""End to end: `cfc apply`, the state file and `cfc drift`, with the real aws CLI against moto.

Run by .ci/run after apply_with_aws_cli.py, whose moto server, isolated aws CLI environment and
helpers it reuses. cfc runs the aws CLI itself, found through --aws, with AWS_ENDPOINT_URL
pointing at moto. On examples/legacy-forwarded-values.yaml (a config moto keeps as sent):

 1. `cfc apply` without --yes and without a terminal refuses (exit 1), changing nothing;
 2. `cfc apply --yes` creates the distribution and records it in cfc-state.json;
 3. applied again: nothing to do (exit 0);
 4. the origin's domain name changes: an update with --if-match, waited for, then an
    invalidation (created after the deployment, seen with list-invalidations);
 5. `cfc drift`: no drift (exit 0); then a reviewed plan: `cfc plan --refresh --output plan`
    (exit 2), `cfc apply plan --yes` sends its documents as written, and drift is 0 again;
    applied a second time, the plan is refused as stale (apply.plan_stale);
 6. the live comment is changed behind cfc's back with the aws CLI: `cfc drift` exits 2 and
    names it, and `cfc apply` refuses (exit 1, apply.drift) until --overwrite-drift;
 7. the state file is lost after the create (as when a run is killed between the create and
    the state write): `cfc apply` finds the distribution by its caller reference and records it
    again instead of creating a second one;
 8. the distribution is dropped from the config (renamed): only reported, then with
    --allow-delete disabled, waited for, and deleted;
 9. a state that names a distribution moto does not have: `cfc drift` exits 1;
10. companions (in a directory of their own, with its own state file): an origin names its
    origin access control by name; `cfc apply` creates the control first, records its id, and
    `cfc compile` fills that id in through the state file; a changed control is updated in
    place; one an interrupted run created but did not record is found by its name instead of
    made twice; and once no config declares it, it is deleted after the distribution.

moto keeps one ETag across updates and ignores If-Match, so PreconditionFailed is tested with a
fake aws in the Swift tests, not here. moto has no cache, origin request or response headers
policies, and drops an origin's OriginAccessControlId (so the distribution is updated on every
apply in step 10); those are tested with the fake aws too.

    apply_drift_with_aws_cli.py [CFC] [--timeout SECONDS]
"""
import argparse
import json
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apply_with_aws_cli import REPO, Aws, Deadline, Failure, MotoServer, run  # noqa: E402


COMPANION_SITE = """\
version: 1
distributions:
  api:
    comment: an API behind a Lambda function URL
    origins:
      function:
        domain-name: abcdefghijklmnop.lambda-url.us-east-1.on.aws
        custom-origin-config: {origin-protocol-policy: https-only}
        origin-access-control: function-oac
    default-cache-behavior:
      target-origin-id: function
      viewer-protocol-policy: https-only
      forwarded-values: {query-string: true, cookies: {forward: none}}
      min-ttl: 0
      default-ttl: 0
      max-ttl: 0
origin-access-controls:
  function-oac: {signing-behavior: always, signing-protocol: sigv4, origin-access-control-origin-type: lambda}
"""


def companions(cfc, aws, aws_cli, workdir, env, deadline):
    """Step 10: an origin access control declared beside the distribution that names it."""
    base = os.path.join(workdir, "companions")
    os.makedirs(base)
    site = os.path.join(base, "site.yaml")
    state_path = os.path.join(base, "cfc-state.json")
    apply = [cfc, "apply", "site.yaml", "--yes", "--aws", aws_cli, "--poll-interval", "1", "--wait-timeout", "120"]

    def write(text):
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text)

    def controls():
        # moto's list has Items but no Quantity.
        return [item for item in aws("list-origin-access-controls", cwd=base)
                .get("OriginAccessControlList", {}).get("Items", []) if item["Name"] == "function-oac"]

    def recorded():
        with open(state_path, encoding="utf-8") as handle:
            return json.load(handle).get("origin-access-controls", {}).get("function-oac", {}).get("id")

    # Created first, recorded, and its id is what the distribution's document names.
    write(COMPANION_SITE)
    created = run(apply, deadline, cwd=base, env=env)
    lines = created.stdout.splitlines()
    made = [index for index, line in enumerate(lines) if line.startswith("origin access control function-oac: created ")]
    sent = [index for index, line in enumerate(lines) if line.startswith("api: created ")]
    if len(made) != 1 or len(sent) != 1 or made[0] > sent[0]:
        raise Failure(f"the origin access control must be created before the distribution:\n{created.stdout}")
    control_id = recorded()
    listed = controls()
    if len(listed) != 1 or listed[0]["Id"] != control_id or listed[0]["OriginAccessControlOriginType"] != "lambda":
        raise Failure(f"expected one origin access control {control_id} in moto, found {listed}")
    run([cfc, "compile", "site.yaml", "--output", "out"], deadline, cwd=base, env=env)
    with open(os.path.join(base, "out", "api.distribution.json"), encoding="utf-8") as handle:
        origin = json.load(handle)["Origins"]["Items"][0]
    if origin.get("OriginAccessControlId") != control_id:
        raise Failure(f"cfc compile did not fill in {control_id} from the state file: {origin}")

    # Changed: updated in place, same id.
    write(COMPANION_SITE.replace("signing-behavior: always", "signing-behavior: no-override"))
    updated = run(apply, deadline, cwd=base, env=env)
    if f"origin access control function-oac: updated {control_id}" not in updated.stdout:
        raise Failure(f"expected an update of {control_id}:\n{updated.stdout}")
    live = aws("get-origin-access-control", "--id", control_id, cwd=base)["OriginAccessControl"]
    if live["OriginAccessControlConfig"]["SigningBehavior"] != "no-override":
        raise Failure(f"the update did not reach moto: {live}")

    # Made but not recorded (a run killed between the create and the state write): found by name.
    with open(state_path, encoding="utf-8") as handle:
        state = json.load(handle)
    del state["origin-access-controls"]
    with open(state_path, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    found = run(apply, deadline, cwd=base, env=env)
    if f"origin access control function-oac: found {control_id}" not in found.stdout or recorded() != control_id:
        raise Failure(f"apply should find the origin access control by its name:\n{found.stdout}")
    if len(controls()) != 1:
        raise Failure(f"a second origin access control was made: {controls()}")

    # No longer declared: kept, then with --allow-delete deleted after the distribution stops naming it.
    write(COMPANION_SITE.replace("        origin-access-control: function-oac\n", "")
          .split("origin-access-controls:")[0])
    kept = run(apply, deadline, cwd=base, env=env)
    if "not deleted (--allow-delete deletes it)" not in kept.stdout or len(controls()) != 1:
        raise Failure(f"without --allow-delete the origin access control must be kept:\n{kept.stdout}")
    deleted = run(apply + ["--allow-delete"], deadline, cwd=base, env=env)
    lines = deleted.stdout.splitlines()
    gone = [index for index, line in enumerate(lines) if line.startswith(f"origin access control function-oac: deleted {control_id}")]
    sent = [index for index, line in enumerate(lines) if line.startswith("api: updated ")]
    # moto already dropped the id, so the distribution may be unchanged; if it is updated, first.
    if len(gone) != 1 or any(index > gone[0] for index in sent):
        raise Failure(f"the origin access control must be deleted after the distribution's update:\n{deleted.stdout}")
    if controls() or recorded() is not None:
        raise Failure(f"the origin access control is still there: {controls()}")
    return control_id


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cfc", nargs="?", default=os.path.join(REPO, ".build", "debug", "cfc"))
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args(argv)
    cfc = os.path.abspath(args.cfc)
    moto, aws_cli = shutil.which("moto_server"), shutil.which("aws")
    if moto is None or aws_cli is None:
        sys.stderr.write("needs moto_server and the aws CLI: python3 -m pip install 'moto[server]' awscli\n")
        return 3
    deadline = Deadline(args.timeout)
    signal.alarm(int(args.timeout) + 30)
    workdir = tempfile.mkdtemp(prefix="cfc-apply-")
    server = MotoServer(moto, workdir, deadline)
    try:
        server.start()
        aws = Aws(aws_cli, server.endpoint, workdir, deadline)
        env = dict(aws.env, AWS_ENDPOINT_URL=server.endpoint)
        site = os.path.join(workdir, "site.yaml")
        shutil.copy(os.path.join(REPO, "examples", "legacy-forwarded-values.yaml"), site)
        state_path = os.path.join(workdir, "cfc-state.json")
        apply = [cfc, "apply", "site.yaml", "--aws", aws_cli, "--poll-interval", "1", "--wait-timeout", "120"]
        drift = [cfc, "drift", "site.yaml", "--aws", aws_cli]

        def state():
            with open(state_path, encoding="utf-8") as handle:
                return json.load(handle)

        # 1. No consent, no terminal: refused, nothing created.
        refused = run(apply, deadline, cwd=workdir, env=env, ok=(1,))
        if "[apply.needs_confirmation]" not in refused.stderr or os.path.exists(state_path):
            raise Failure(f"apply without --yes should refuse and change nothing:\n{refused.stdout}{refused.stderr}")
        if aws("list-distributions", cwd=workdir).get("DistributionList", {}).get("Items"):
            raise Failure("apply without --yes created a distribution")

        # 2. Create.
        created = run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        distribution_id = state()["distributions"]["legacy"]["id"]
        if f"legacy: created {distribution_id}" not in created.stdout or "legacy: deployed" not in created.stdout:
            raise Failure(f"unexpected create output:\n{created.stdout}")

        # 3. Again: nothing to do.
        again = run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        if "nothing to do" not in again.stdout:
            raise Failure(f"a second apply should have nothing to do:\n{again.stdout}")

        # 4. An origin change: update, wait, then invalidate.
        with open(site, encoding="utf-8") as handle:
            text = handle.read()
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text.replace("blog-origin.example.com", "blog-origin-2.example.com"))
        updated = run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        lines = updated.stdout.splitlines()
        steps = [line for line in lines if line.startswith("legacy: ")]
        expected_order = ["legacy: updating…", f"legacy: updated {distribution_id}", "legacy: deployed", "legacy: invalidating",
                          "legacy: invalidation"]
        position = 0
        for step in steps:
            if position < len(expected_order) and step.startswith(expected_order[position]):
                position += 1
        if position != len(expected_order):
            raise Failure(f"expected update, deploy, then invalidation, in that order:\n{updated.stdout}")
        invalidations = aws("list-invalidations", "--distribution-id", distribution_id, cwd=workdir)
        # moto's InvalidationList has Items but no Quantity.
        if len(invalidations.get("InvalidationList", {}).get("Items", [])) < 1:
            raise Failure(f"no invalidation was created: {invalidations}")

        # 5. In sync.
        result = run(drift, deadline, cwd=workdir, env=env)
        if "no drift" not in result.stdout:
            raise Failure(f"expected no drift after apply:\n{result.stdout}")

        # 5b. A reviewed plan, applied as written; once applied, it is stale.
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text.replace("blog-origin.example.com", "blog-origin-2.example.com")
                         .replace("(legacy cache settings)", "(reviewed)"))
        plan = run([cfc, "plan", "site.yaml", "--refresh", "--aws", aws_cli, "--output", "plan"], deadline, cwd=workdir, env=env, ok=(2,))
        if "comment: blog.example.com (legacy cache settings) → blog.example.com (reviewed)" not in plan.stdout:
            raise Failure(f"unexpected plan:\n{plan.stdout}")
        applied = run([cfc, "apply", os.path.join(workdir, "plan"), "--yes", "--aws", aws_cli, "--poll-interval", "1"],
                      deadline, cwd="/", env=env)
        if f"legacy: updated {distribution_id}" not in applied.stdout:
            raise Failure(f"the saved plan was not applied:\n{applied.stdout}")
        sent = aws("get-distribution-config", "--id", distribution_id, cwd=workdir)["DistributionConfig"]
        with open(os.path.join(workdir, "plan", "legacy.distribution.json"), encoding="utf-8") as handle:
            if sent["Comment"] != json.load(handle)["Comment"]:
                raise Failure("the live config is not the plan's document")
        run(drift, deadline, cwd=workdir, env=env)
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text.replace("blog-origin.example.com", "blog-origin-2.example.com")
                         .replace("(legacy cache settings)", "(reviewed again)"))
        run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        stale = run([cfc, "apply", "plan", "--yes", "--aws", aws_cli], deadline, cwd=workdir, env=env, ok=(1,))
        if "[apply.plan_stale]" not in stale.stderr:
            raise Failure(f"a plan whose live config moved must be refused:\n{stale.stderr}")

        # 6. Changed behind cfc's back.
        live = aws("get-distribution-config", "--id", distribution_id, cwd=workdir)
        config = live["DistributionConfig"]
        config["Comment"] = "changed behind cfc's back"
        with open(os.path.join(workdir, "changed.json"), "w", encoding="utf-8") as handle:
            json.dump(config, handle)
        aws("update-distribution", "--id", distribution_id, "--if-match", live["ETag"],
            "--distribution-config", "file://changed.json", cwd=workdir)
        result = run(drift, deadline, cwd=workdir, env=env, ok=(2,))
        if "comment: changed behind cfc's back → " not in result.stdout:
            raise Failure(f"expected the comment's drift:\n{result.stdout}")
        report = json.loads(run(drift + ["--format", "json"], deadline, cwd=workdir, env=env, ok=(2,)).stdout)
        if report["drifted"] is not True:
            raise Failure(f"unexpected JSON report: {report}")
        refused = run(apply + ["--yes"], deadline, cwd=workdir, env=env, ok=(1,))
        if "[apply.drift]" not in refused.stderr:
            raise Failure(f"apply should refuse a distribution changed outside cfc:\n{refused.stderr}")
        run(apply + ["--yes", "--overwrite-drift"], deadline, cwd=workdir, env=env)
        run(drift, deadline, cwd=workdir, env=env)

        # 7. The state lost after the create: found again, not created twice.
        os.remove(state_path)
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text.replace("blog.example.com (legacy cache settings)", "blog.example.com (recovered)"))
        recovered = run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        if f"found {distribution_id}" not in recovered.stdout or state()["distributions"]["legacy"]["id"] != distribution_id:
            raise Failure(f"apply should find the distribution an earlier run created:\n{recovered.stdout}")
        listing = aws("list-distributions", cwd=workdir).get("DistributionList", {})
        count = len(listing.get("Items", []))
        if count != 1:
            raise Failure(f"expected one distribution, found {count}")
        run(drift, deadline, cwd=workdir, env=env)

        # 8. Dropped from the config: kept without --allow-delete, then disabled and deleted.
        with open(site, "w", encoding="utf-8") as handle:
            handle.write(text.replace("\n  legacy:\n", "\n  blog:\n"))
        kept = run(apply + ["--yes"], deadline, cwd=workdir, env=env)
        if "not deleted (--allow-delete deletes it)" not in kept.stdout:
            raise Failure(f"a distribution dropped from the config must only be reported:\n{kept.stdout}")
        deleted = run(apply + ["--yes", "--allow-delete"], deadline, cwd=workdir, env=env)
        if "legacy: deleted" not in deleted.stdout or "legacy" in state()["distributions"]:
            raise Failure(f"--allow-delete should disable and delete it:\n{deleted.stdout}")
        ids = [item["Id"] for item in aws("list-distributions", cwd=workdir).get("DistributionList", {}).get("Items", [])]
        if distribution_id in ids:
            raise Failure(f"{distribution_id} still exists after --allow-delete: {ids}")

        # 9. A stale state.
        stale = state()
        stale["distributions"]["blog"]["id"] = "E0000000000000"
        with open(state_path, "w", encoding="utf-8") as handle:
            json.dump(stale, handle)
        result = run(drift, deadline, cwd=workdir, env=env, ok=(1,))
        if "[aws.no_such_distribution]" not in result.stderr:
            raise Failure(f"expected a stale-state error:\n{result.stderr}")
        control_id = companions(cfc, aws, aws_cli, workdir, env, deadline)
        print(f"cfc apply and drift with the aws CLI against moto_server: OK ({distribution_id}; "
              f"origin access control {control_id})")
        return 0
    except Failure as failure:
        sys.stderr.write(f"\nFAIL: {failure}\nwork directory kept: {workdir}\n")
        return 1
    finally:
        signal.alarm(0)
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
