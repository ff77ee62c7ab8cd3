#!/usr/bin/env python3
"""End to end: the state file and `cfc drift`, with the real aws CLI against moto on loopback.

Run by .ci/run after apply_with_aws_cli.py, whose moto server, aws CLI environment and helpers it
reuses:

1. compile examples/legacy-forwarded-values.yaml (a config moto keeps as sent: custom origin,
   legacy cache settings) and create the distribution with `aws cloudfront create-distribution`;
2. `cfc import` the document sent, with `--id`, which writes cfc-state.json beside the config;
3. `cfc drift` (the aws CLI found through --aws, AWS_ENDPOINT_URL pointing at moto): exit 0, no
   drift;
4. change the live comment behind cfc's back with `aws cloudfront update-distribution`;
5. `cfc drift`: exit 2, naming the comment; and in JSON, "drifted": true;
6. point the state at a distribution moto does not have: exit 1, aws.no_such_distribution.

    drift_with_aws_cli.py [CFC] [--timeout SECONDS]
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


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cfc", nargs="?", default=os.path.join(REPO, ".build", "debug", "cfc"))
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args(argv)
    cfc = os.path.abspath(args.cfc)
    moto, aws_cli = shutil.which("moto_server"), shutil.which("aws")
    if moto is None or aws_cli is None:
        sys.stderr.write("needs moto_server and the aws CLI: python3 -m pip install 'moto[server]' awscli\n")
        return 3
    deadline = Deadline(args.timeout)
    signal.alarm(int(args.timeout) + 30)
    workdir = tempfile.mkdtemp(prefix="cfc-drift-")
    server = MotoServer(moto, workdir, deadline)
    try:
        server.start()
        aws = Aws(aws_cli, server.endpoint, workdir, deadline)
        # cfc runs the aws CLI itself, with the environment it was given: the same isolated
        # configuration as the helper's calls, and the endpoint through AWS_ENDPOINT_URL.
        env = dict(aws.env, AWS_ENDPOINT_URL=server.endpoint)
        shutil.copy(os.path.join(REPO, "examples", "legacy-forwarded-values.yaml"), os.path.join(workdir, "site.yaml"))
        run([cfc, "compile", "site.yaml", "--output", "out"], deadline, cwd=workdir)
        names = [name[: -len(".distribution.json")] for name in os.listdir(os.path.join(workdir, "out"))]
        if len(names) != 1:
            raise Failure(f"expected one distribution in the example, found {names}")
        name = names[0]
        document = f"out/{name}.distribution.json"
        created = aws("create-distribution", "--distribution-config", f"file://{document}", cwd=workdir)
        distribution_id = created["Distribution"]["Id"]

        run([cfc, "import", document, "--name", name, "--id", distribution_id, "--output", "imported.yaml"],
            deadline, cwd=workdir)
        with open(os.path.join(workdir, "cfc-state.json"), encoding="utf-8") as handle:
            state = json.load(handle)
        if state["distributions"][name]["id"] != distribution_id:
            raise Failure(f"the state file does not record {distribution_id}: {state}")

        drift = [cfc, "drift", "site.yaml", "--aws", aws_cli]
        result = run(drift, deadline, cwd=workdir, env=env)
        if result.stdout != f"distribution {name} ({distribution_id}): no drift\n":
            raise Failure(f"expected no drift, got:\n{result.stdout}{result.stderr}")

        live = aws("get-distribution-config", "--id", distribution_id, cwd=workdir)
        config = live["DistributionConfig"]
        config["Comment"] = "changed behind cfc's back"
        with open(os.path.join(workdir, "changed.json"), "w", encoding="utf-8") as handle:
            json.dump(config, handle)
        aws("update-distribution", "--id", distribution_id, "--if-match", live["ETag"],
            "--distribution-config", "file://changed.json", cwd=workdir)
        result = run(drift, deadline, cwd=workdir, env=env, ok=(2,))
        if "comment: changed behind cfc's back → " not in result.stdout:
            raise Failure(f"expected the comment's drift, got:\n{result.stdout}")
        report = json.loads(run(drift + ["--format", "json"], deadline, cwd=workdir, env=env, ok=(2,)).stdout)
        if report["drifted"] is not True or report["distributions"][0]["status"] != "drifted":
            raise Failure(f"unexpected JSON report: {report}")

        state["distributions"][name]["id"] = "E0000000000000"
        with open(os.path.join(workdir, "cfc-state.json"), "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        result = run(drift, deadline, cwd=workdir, env=env, ok=(1,))
        if "[aws.no_such_distribution]" not in result.stderr:
            raise Failure(f"expected a stale-state error, got:\n{result.stderr}")
        print(f"cfc drift with the aws CLI against moto_server: OK ({distribution_id})")
        return 0
    except Failure as failure:
        sys.stderr.write(f"\nFAIL: {failure}\nwork directory kept: {workdir}\n")
        return 1
    finally:
        signal.alarm(0)
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
