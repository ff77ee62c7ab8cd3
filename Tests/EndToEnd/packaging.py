#!/usr/bin/env python3
"""End to end: how cfc is installed, released and run in CI pipelines.

Run by .ci/run from the repository root, after the tests. Each step says what it proves:

 1. `make install PREFIX=…` installs the binary, completions and man page; the binary prints
    its version with the commit it was built from, compiles an example, and has no libyaml
    dependency: `ldd` names none, and it runs with libyaml's shared library out of reach (covered
    by /dev/null in a mount namespace of its own), where the debug build, linked to libyaml,
    fails to start;
 2. the bash completion loads and completes subcommands; the man page renders with `man -l`;
 3. `make uninstall` removes every file install wrote;
 4. `make release` twice gives the same tarball, byte for byte, with a .sha256 that checks,
    laid out like PREFIX with LICENSE, README, CHANGELOG and the third-party notices;
 5. the GitHub Action's scripts (action.yml runs them): install.sh installs that tarball and
    refuses a tampered one or a wrong pinned checksum; check.sh annotates a bad config (exit 1)
    and writes a SARIF log; plan-comment.sh posts the plan as a pull-request comment, then
    edits that comment instead of adding another (gh is a fake that records its calls);
 6. the pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit tool on a
    temporary repository: a bad config fails the commit with its diagnostic, cfc-fmt rewrites
    an unformatted one (the commit stops, then passes once added), a good config and YAML that
    is not a cfc config pass, and without cfc on PATH the hook says how to install it.

    packaging.py [--skip-build] [--keep]
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(REPO, "examples", "custom-domain-acm.yaml")

BAD_CONFIG = """\
version: 1
distributions:
  www:
    origins:
      app:
        domain-name: app.example.com
        custom-origin-config: {origin-protocol-policy: https-only}
    cache-behaviors:
      - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingDisabled}
      - {path-pattern: /api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingDisabled}
    default-cache-behavior:
      target-origin-id: app
      viewer-protocol-policy: redirect-to-https
      cache-policy: CachingOptimized
"""


class Failure(Exception):
    pass


def run(args, check=True, env=None, cwd=None, input=None):
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, input=input)
    if check and result.returncode != 0:
        raise Failure(f"{' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def expect(condition, message):
    if not condition:
        raise Failure(message)


def step(title):
    print(f"--- {title}", flush=True)


def version():
    source = open(os.path.join(REPO, "Sources/CFCCompiler/Support/Version.swift"), encoding="utf-8").read()
    return re.search(r'^ *public static let number = "(.*)"$', source, re.M).group(1)


def commit():
    """The commit make names: HEAD, marked -dirty when tracked files differ from it."""
    result = run(["git", "-C", REPO, "rev-parse", "HEAD"], check=False)
    if result.returncode != 0:
        return None
    dirty = run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
    return result.stdout.strip() + ("-dirty" if dirty else "")


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def without_libyaml(command):
    """`command` run where libyaml's shared library cannot be loaded: in a mount namespace of
    its own (unshare), each libyaml shared object is covered by /dev/null. None when this
    machine cannot make one."""
    cache = run(["ldconfig", "-p"], check=False).stdout if shutil.which("ldconfig") else ""
    found = re.findall(r"=> (\S*libyaml\S*\.so\S*)$", cache, re.M)
    found += glob.glob("/usr/lib/*/libyaml*.so*") + glob.glob("/usr/lib/libyaml*.so*") + glob.glob("/usr/local/lib/libyaml*.so*")
    libraries = sorted({os.path.realpath(p) for p in found})
    if not libraries or not shutil.which("unshare"):
        return None
    covers = " && ".join(f"mount --bind /dev/null {shlex.quote(p)}" for p in libraries)
    flags = "-m" if os.geteuid() == 0 else "-rm"
    probe = run(["unshare", flags, "true"], check=False)
    if probe.returncode != 0:
        return None
    return ["unshare", flags, "sh", "-c", covers + ' && exec "$@"', "sh"] + command


def install(work, skip_build):
    step("1. make install: binary, version, self-contained")
    prefix = os.path.join(work, "prefix")
    if not skip_build:
        run(["make", "-C", REPO, "install", f"PREFIX={prefix}"])
    else:
        run(["make", "-C", REPO, "install-files", f"PREFIX={prefix}"])
    cfc = os.path.join(prefix, "bin", "cfc")
    shown = run([cfc, "--version"]).stdout.strip()
    expected = f"cfc {version()}" + (f" ({commit()})" if commit() else "")
    expect(shown == expected, f"cfc --version printed {shown!r}, not {expected!r}")
    info = json.loads(run([cfc, "version", "--format", "json"]).stdout)
    expect(info["version"] == version() and info["commit"] == commit(), f"cfc version --format json: {info}")
    compiled = json.loads(run([cfc, "compile", EXAMPLE]).stdout)
    expect("Origins" in compiled, "the installed cfc did not compile the example")
    ldd = run(["ldd", cfc]).stdout
    expect("libyaml" not in ldd, f"the installed binary still needs libyaml:\n{ldd}")
    expect(run(["file", cfc], check=False).stdout.find("not stripped") < 0, "the installed binary is not stripped")
    if without_libyaml(["true"]):
        debug = os.path.join(REPO, ".build", "debug", "cfc")
        if os.path.exists(debug) and "libyaml" in run(["ldd", debug]).stdout:
            control = run(without_libyaml([debug, "--version"]), check=False)
            expect(control.returncode != 0 and "libyaml" in control.stderr,
                   f"libyaml was not out of reach for the control run: {control.stderr}")
        hidden = run(without_libyaml([cfc, "compile", EXAMPLE]), check=False)
        expect(hidden.returncode == 0, f"the installed cfc needs libyaml's shared library: {hidden.stderr}")
    elif os.environ.get("CFC_REQUIRE_PRE_COMMIT"):
        raise Failure("this machine cannot hide libyaml (unshare -m) to prove the binary does without it")
    else:
        print("    unshare is not allowed here: the run without libyaml was skipped (ldd names none)")
    size = os.path.getsize(cfc)
    print(f"    {shown}; {size / 1e6:.1f} MB stripped; ldd: {len(ldd.splitlines())} libraries, none of them libyaml")
    return prefix


def completions_and_manual(prefix):
    step("2. completions load in bash; the man page renders")
    completion = os.path.join(prefix, "share", "bash-completion", "completions", "cfc")
    script = f"""
        source {completion}
        complete -p cfc
        COMP_WORDS=(cfc com); COMP_CWORD=1; COMP_LINE='cfc com'; COMP_POINT=7
        $(complete -p cfc | sed -E 's/.*-F ([^ ]+).*/\\1/') cfc com cfc
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    result = run(["bash", "-c", script])
    expect("compile" in result.stdout.split(), f"bash completion of 'cfc com' gave {result.stdout!r}")
    for name in [("zsh", "zsh/site-functions/_cfc"), ("fish", "fish/vendor_completions.d/cfc.fish")]:
        path = os.path.join(prefix, "share", name[1])
        expect(os.path.getsize(path) > 0, f"{path} is empty")
        if shutil.which(name[0]):
            run([name[0], "-n", path] if name[0] == "zsh" else [name[0], "--no-execute", path])
    manual = os.path.join(prefix, "share", "man", "man1", "cfc.1")
    if shutil.which("man"):
        page = run(["man", "-l", manual], env={**os.environ, "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"}).stdout
        for text in ["NAME", "cfc", "COMMANDS", "compile", "--max-input-bytes"]:
            expect(text in page, f"the man page has no {text!r}")
        warnings = run(["groff", "-mandoc", "-ww", "-z", manual], check=False).stderr if shutil.which("groff") else ""
        expect(warnings == "", f"groff warns about the man page:\n{warnings}")
    else:
        print("    man is not installed: the page was not rendered")


def uninstall(prefix):
    step("3. make uninstall removes what install wrote")
    run(["make", "-C", REPO, "uninstall", f"PREFIX={prefix}"])
    left = [os.path.join(root, name) for root, _, names in os.walk(prefix) for name in names]
    expect(left == [], f"make uninstall left {left}")


def release():
    step("4. make release twice: the same bytes")
    digests = []
    for _ in range(2):
        shutil.rmtree(os.path.join(REPO, "dist"), ignore_errors=True)
        run(["make", "-C", REPO, "release"])
        tarballs = [name for name in os.listdir(os.path.join(REPO, "dist")) if name.endswith(".tar.gz")]
        expect(len(tarballs) == 1, f"dist/ holds {tarballs}")
        digests.append(sha256(os.path.join(REPO, "dist", tarballs[0])))
    expect(digests[0] == digests[1], f"two releases of one commit differ: {digests}")
    tarball = os.path.join(REPO, "dist", tarballs[0])
    run(["sha256sum", "--check", "--strict", tarballs[0] + ".sha256"], cwd=os.path.join(REPO, "dist"))
    root = tarballs[0][: -len(".tar.gz")]
    expect(root.startswith(f"cfc-{version()}-linux-"), f"the tarball is named {root}")
    with tarfile.open(tarball) as archive:
        members = {m.name: m for m in archive.getmembers()}
    for name in ["bin/cfc", "share/man/man1/cfc.1", "share/bash-completion/completions/cfc", "share/zsh/site-functions/_cfc",
                 "share/fish/vendor_completions.d/cfc.fish", "LICENSE", "README.md", "CHANGELOG.md", "THIRD-PARTY-NOTICES"]:
        expect(f"{root}/{name}" in members, f"the tarball has no {name}")
    expect(all(m.uid == 0 and m.gid == 0 and m.uname == "" for m in members.values()), "tar entries carry a user")
    expect(len({m.mtime for m in members.values()}) == 1, "tar entries carry different times")
    expect(members[f"{root}/bin/cfc"].mode & 0o111, "bin/cfc is not executable in the tarball")
    print(f"    {tarballs[0]}: {os.path.getsize(tarball) / 1e6:.1f} MB, sha256 {digests[0]}")
    return tarball


def github_action(work, tarball):
    step("5. the GitHub Action's scripts")
    scripts = os.path.join(REPO, "scripts", "github-action")
    dist = os.path.dirname(tarball)
    digest = sha256(tarball)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CFC_"))}

    def install_env(directory, **extra):
        return {**base_env, "CFC_VERSION": "v" + version(), "CFC_RELEASE_URL": "file://" + dist,
                "CFC_INSTALL_DIR": directory, "GITHUB_PATH": os.path.join(work, "github-path"), **extra}

    installed = os.path.join(work, "action-cfc")
    result = run([os.path.join(scripts, "install.sh")], env=install_env(installed, CFC_SHA256=digest))
    expect(result.stdout.startswith(f"cfc {version()}"), f"install.sh: {result.stdout}")
    expect(open(os.path.join(work, "github-path")).read().strip() == os.path.join(installed, "bin"), "install.sh did not extend the PATH")
    pinned = run([os.path.join(scripts, "install.sh")], check=False, env=install_env(os.path.join(work, "pinned"), CFC_SHA256="0" * 64))
    expect(pinned.returncode != 0 and "not the pinned" in pinned.stderr, f"a wrong pin was accepted: {pinned.stderr}")
    expect(not os.path.exists(os.path.join(work, "pinned", "bin")), "a wrong pin still unpacked the tarball")
    tampered_dist = os.path.join(work, "tampered")
    shutil.copytree(dist, tampered_dist)
    with open(os.path.join(tampered_dist, os.path.basename(tarball)), "ab") as handle:
        handle.write(b"\0")
    tampered = run([os.path.join(scripts, "install.sh")], check=False,
                   env={**install_env(os.path.join(work, "tampered-cfc")), "CFC_RELEASE_URL": "file://" + tampered_dist})
    expect(tampered.returncode != 0 and not os.path.exists(os.path.join(work, "tampered-cfc", "bin")),
           "a tarball that does not match its .sha256 was unpacked")
    branch = run([os.path.join(scripts, "install.sh")], check=False, env=install_env(os.path.join(work, "x"), CFC_VERSION="main"))
    expect(branch.returncode == 1 and "not a cfc release" in branch.stderr, f"install.sh took 'main' as a version: {branch.stderr}")

    path_env = {**base_env, "PATH": os.path.join(installed, "bin") + os.pathsep + os.environ["PATH"]}
    project = os.path.join(work, "project")
    os.makedirs(os.path.join(project, "cloudfront"))
    with open(os.path.join(project, "cloudfront", "bad.yaml"), "w") as handle:
        handle.write(BAD_CONFIG)
    shutil.copy(EXAMPLE, os.path.join(project, "cloudfront", "good.yaml"))
    output_file = os.path.join(work, "github-output")
    check = run([os.path.join(scripts, "check.sh")], check=False, cwd=project,
                env={**path_env, "CFC_FILES": "cloudfront/**/*.yaml", "CFC_SARIF_FILE": "cfc.sarif", "GITHUB_OUTPUT": output_file})
    expect(check.returncode == 1, f"check.sh exited {check.returncode} on a bad config")
    expect(re.search(r"^::error file=cloudfront/bad\.yaml,line=10,col=\d+.*title=ordering\.unreachable_behavior::", check.stdout, re.M),
           f"check.sh did not annotate the shadowed behavior:\n{check.stdout}")
    sarif = json.load(open(os.path.join(project, "cfc.sarif")))
    expect(sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["version"] == version(), "the SARIF log's tool version")
    expect(any(r["ruleId"] == "ordering.unreachable_behavior" for r in sarif["runs"][0]["results"]), "the SARIF log lacks the finding")
    expect("sarif-file=cfc.sarif" in open(output_file).read(), "check.sh did not set the sarif-file output")
    clean = run([os.path.join(scripts, "check.sh")], check=False, cwd=project, env={**path_env, "CFC_FILES": "cloudfront/good.yaml"})
    expect(clean.returncode == 0, f"check.sh failed a good config:\n{clean.stdout}{clean.stderr}")
    missing = run([os.path.join(scripts, "check.sh")], check=False, cwd=project, env={**path_env, "CFC_FILES": "nothing/*.yaml"})
    expect(missing.returncode == 1 and "no file matches" in missing.stdout, "check.sh passed a glob that matches nothing")

    # plan-comment.sh against a fake gh that answers the comment listing and records every call.
    fake_bin = os.path.join(work, "fake-gh")
    os.makedirs(fake_bin)
    calls = os.path.join(work, "gh-calls.jsonl")
    comments = os.path.join(work, "gh-comments.json")
    with open(comments, "w") as handle:
        json.dump([{"id": 7, "body": "an unrelated comment"}], handle)
    with open(os.path.join(fake_bin, "gh"), "w") as handle:
        handle.write(f"""#!/usr/bin/env python3
import json, sys
args = sys.argv[1:]
record = {{"args": args}}
for i, arg in enumerate(args):
    if arg == "-F" and args[i + 1].startswith("body=@"):
        record["body"] = open(args[i + 1][len("body=@"):]).read()
open({calls!r}, "a").write(json.dumps(record) + "\\n")
comments = json.load(open({comments!r}))
if "--method" not in args:
    jq = args[args.index("--jq") + 1]
    marker = jq.split('startswith("')[1].split('")')[0]
    print("\\n".join(str(c["id"]) for c in comments if c["body"].startswith(marker)))
elif args[args.index("--method") + 1] == "POST":
    comments.append({{"id": 42, "body": record["body"]}})
    json.dump(comments, open({comments!r}, "w"))
""")
    os.chmod(os.path.join(fake_bin, "gh"), 0o755)
    event = os.path.join(work, "event.json")
    with open(event, "w") as handle:
        json.dump({"pull_request": {"number": 5}}, handle)
    summary = os.path.join(work, "step-summary.md")
    plan_env = {**path_env, "PATH": fake_bin + os.pathsep + path_env["PATH"], "CFC_FILES": "cloudfront/good.yaml",
                "GITHUB_REPOSITORY": "example/site", "GITHUB_EVENT_PATH": event, "GITHUB_STEP_SUMMARY": summary}
    first = run([os.path.join(scripts, "plan-comment.sh")], cwd=project, env=plan_env)
    second = run([os.path.join(scripts, "plan-comment.sh")], cwd=project, env=plan_env)
    recorded = [json.loads(line) for line in open(calls)]
    writes = [r for r in recorded if "--method" in r["args"]]
    expect([w["args"][2] for w in writes] == ["POST", "PATCH"], f"plan-comment.sh calls: {writes}")
    expect(writes[0]["args"][3] == "repos/example/site/issues/5/comments", f"posted to {writes[0]['args'][3]}")
    expect(writes[1]["args"][3] == "repos/example/site/issues/comments/42", f"edited {writes[1]['args'][3]}")
    body = writes[0]["body"]
    expect(body.startswith("<!-- cfc plan -->") and "| www | create |" in body, f"the comment:\n{body}")
    expect("added" in first.stdout and "updated" in second.stdout, "plan-comment.sh did not say what it did")
    expect("| www | create |" in open(summary).read(), "the plan is not in the job summary")
    failing = run([os.path.join(scripts, "plan-comment.sh")], check=False, cwd=project, env={**plan_env, "CFC_FILES": "cloudfront/bad.yaml"})
    expect(failing.returncode == 1, "plan-comment.sh passed a config that does not compile")
    expect("cfc plan failed" in json.loads(open(calls).readlines()[-1])["body"], "the failed plan is not in the comment")
    print("    install.sh, check.sh and plan-comment.sh behave as action.yml expects")
    return os.path.join(installed, "bin")


def pre_commit_hooks(work, cfc_bin):
    step("6. the pre-commit hooks, with the real pre-commit")
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None:
        if os.environ.get("CFC_REQUIRE_PRE_COMMIT"):
            raise Failure("pre-commit is not installed (pip install pre-commit)")
        print("    pre-commit is not installed: skipped (CI installs it)")
        return
    # The hooks as they are in this working tree, in a repository of their own, so that the test
    # needs no commit of cfc itself.
    hooks = os.path.join(work, "hooks-repo")
    os.makedirs(os.path.join(hooks, "scripts", "pre-commit"))
    shutil.copy(os.path.join(REPO, ".pre-commit-hooks.yaml"), hooks)
    shutil.copy(os.path.join(REPO, "scripts", "pre-commit", "cfc-hook.sh"), os.path.join(hooks, "scripts", "pre-commit"))
    git_env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.com", "PRE_COMMIT_HOME": os.path.join(work, "pre-commit-home"),
               "PATH": cfc_bin + os.pathsep + os.environ["PATH"]}
    for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"]:
        git_env.pop(key, None)
    run(["git", "init", "-q", hooks], env=git_env)
    run(["git", "-C", hooks, "add", "-A"], env=git_env)
    run(["git", "-C", hooks, "commit", "-q", "-m", "hooks"], env=git_env)
    revision = run(["git", "-C", hooks, "rev-parse", "HEAD"], env=git_env).stdout.strip()

    site = os.path.join(work, "site-repo")
    os.makedirs(os.path.join(site, "cloudfront"))
    run(["git", "init", "-q", site], env=git_env)
    with open(os.path.join(site, ".pre-commit-config.yaml"), "w") as handle:
        handle.write(f"repos:\n  - repo: {hooks}\n    rev: {revision}\n    hooks:\n      - id: cfc-fmt\n      - id: cfc-check\n")
    run(["git", "-C", site, "add", ".pre-commit-config.yaml"], env=git_env)
    run(["git", "-C", site, "commit", "-q", "--no-verify", "-m", "config"], env=git_env)
    run([pre_commit, "install"], cwd=site, env=git_env)

    def commit(path, text, message):
        full = os.path.join(site, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
        run(["git", "add", path], cwd=site, env=git_env)
        return run(["git", "commit", "-q", "-m", message], check=False, cwd=site, env=git_env)

    # In canonical form, so that cfc-fmt leaves it alone and the diagnostic's line is known.
    bad_text = run([os.path.join(cfc_bin, "cfc"), "fmt", "-"], input=BAD_CONFIG).stdout
    line = next(n for n, text in enumerate(bad_text.splitlines(), 1) if "/api/v2/*" in text)
    bad = commit("cloudfront/site.yaml", bad_text, "bad")
    output = bad.stdout + bad.stderr
    expect(bad.returncode != 0, "a config with a shadowed behavior was committed")
    expect(re.search(rf"cloudfront/site\.yaml:{line}:\d+: error: .*\[ordering\.unreachable_behavior\]", output),
           f"the failed commit does not show the diagnostic:\n{output}")
    expect("files were modified" not in output, f"cfc-fmt changed a file in canonical form:\n{output}")

    good_text = run([os.path.join(cfc_bin, "cfc"), "fmt", "-"], input=open(EXAMPLE).read()).stdout
    good = commit("cloudfront/site.yaml", good_text, "good")
    expect(good.returncode == 0, f"a good, formatted config was refused:\n{good.stdout}{good.stderr}")

    unformatted = good_text.replace("\nversion: 1\n", "\nversion:    1\n", 1) + "# reviewed\n"
    expect("\nversion:    1\n" in unformatted, "the example has no 'version: 1' line to disturb")
    canonical = run([os.path.join(cfc_bin, "cfc"), "fmt", "-"], input=unformatted).stdout
    stopped = commit("cloudfront/site.yaml", unformatted, "unformatted")
    expect(stopped.returncode != 0 and "files were modified by this hook" in stopped.stdout + stopped.stderr,
           f"cfc-fmt did not stop an unformatted config:\n{stopped.stdout}{stopped.stderr}")
    expect(open(os.path.join(site, "cloudfront", "site.yaml")).read() == canonical != unformatted, "cfc-fmt did not rewrite the file")
    run(["git", "add", "cloudfront/site.yaml"], cwd=site, env=git_env)
    formatted = run(["git", "commit", "-q", "-m", "formatted"], check=False, cwd=site, env=git_env)
    expect(formatted.returncode == 0, f"the formatted config was refused:\n{formatted.stdout}{formatted.stderr}")

    other = commit(".github/workflows/ci.yml", "on: push\njobs: {}\n", "not a cfc config")
    expect(other.returncode == 0, f"a workflow file was checked as a cfc config:\n{other.stdout}{other.stderr}")

    no_cfc_env = {**git_env, "PATH": os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                                     if not os.path.exists(os.path.join(p, "cfc")))}
    with open(os.path.join(site, "cloudfront", "site.yaml"), "a") as handle:
        handle.write("# a comment\n")
    run(["git", "add", "cloudfront/site.yaml"], cwd=site, env=git_env)
    missing = run(["git", "commit", "-q", "-m", "no cfc"], check=False, cwd=site, env=no_cfc_env)
    expect(missing.returncode != 0 and "make install" in missing.stdout + missing.stderr,
           f"without cfc on PATH the hook did not say how to install it:\n{missing.stdout}{missing.stderr}")
    print("    bad config refused with its diagnostic; fmt rewrites; good and foreign YAML pass")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="reuse what make staged in .build-release")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="cfc-packaging-")
    try:
        prefix = install(work, args.skip_build)
        completions_and_manual(prefix)
        uninstall(prefix)
        tarball = release()
        cfc_bin = github_action(work, tarball)
        pre_commit_hooks(work, cfc_bin)
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("packaging: all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
