#!/usr/bin/env python3
"""A fake `aws` CLI for cfc's apply tests: the few CloudFront calls cfc makes, kept in a JSON
file, with faults to inject. Not a CloudFront emulator: it answers as CloudFront does where
cfc's behaviour depends on it (ETags change on update, If-Match is enforced, a caller reference
is idempotent, a new distribution is InProgress for a few polls). Companion resources (cache,
origin request and response headers policies, origin access controls) are kept the same way:
names unique per kind, ETags enforced, a policy in use by a distribution cannot be deleted;
CloudFront Functions are known by name and published from DEVELOPMENT to LIVE; key value
stores are known by name and provision before they are READY.

Environment:
  FAKE_AWS_DIR          where db.json and calls.log live (required)
  FAKE_AWS_POLLS        get-distribution polls before Deployed (default 1)
  FAKE_AWS_FAIL         OPERATION=ERROR: that call fails with the error code, e.g.
                        update-distribution=PreconditionFailed, get-distribution-config=Throttling
  FAKE_AWS_HANG         OPERATION: that call sleeps for a minute
  FAKE_AWS_DIE_AFTER    OPERATION: the call takes effect, then the CLI fails without answering
  FAKE_AWS_KILL         OPERATION#N@before or OPERATION#N@after: at the Nth call of OPERATION
                        (counted in kill-count.json, which the tests remove to start again), the
                        fake sends SIGKILL to its parent, cfc, before the call takes effect or
                        after it took effect and before answering: kill -9 at that step. It
                        fires once (kill-fired marks it).
"""
import json
import os
import random
import signal
import string
import sys
import time

DIR = os.environ["FAKE_AWS_DIR"]
DB = os.path.join(DIR, "db.json")


def load():
    try:
        with open(DB, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {"distributions": {}, "invalidations": []}


# Each companion kind: the CLI's resource word, the API's structure name, the config member
# that holds its name, and how a distribution names one (where its id would be found).
COMPANIONS = {
    "cache-policy": ("CachePolicy", "CachePolicyConfig", "CachePolicyId"),
    "origin-request-policy": ("OriginRequestPolicy", "OriginRequestPolicyConfig", "OriginRequestPolicyId"),
    "response-headers-policy": ("ResponseHeadersPolicy", "ResponseHeadersPolicyConfig", "ResponseHeadersPolicyId"),
    "origin-access-control": ("OriginAccessControl", "OriginAccessControlConfig", "OriginAccessControlId"),
    "public-key": ("PublicKey", "PublicKeyConfig", None),
    "key-group": ("KeyGroup", "KeyGroupConfig", "TrustedKeyGroups"),
    "continuous-deployment-policy": ("ContinuousDeploymentPolicy", "ContinuousDeploymentPolicyConfig", "ContinuousDeploymentPolicyId"),
}
NO_SUCH = {"key-group": "NoSuchResource"}


def companion_operation(db, operation, args):
    """The answer to a companion call, or None when `operation` is not one."""
    for word, (structure, config_name, reference) in COMPANIONS.items():
        if operation.endswith("-" + word) or operation == f"get-{word}-config":
            break
        if operation == f"list-{word.replace('policy', 'policies').replace('control', 'controls').replace('-key', '-keys').replace('group', 'groups')}":
            break
    else:
        return None
    store = db.setdefault(word, {})
    if operation == f"create-{word}":
        config = document(args, f"--{word}-config")
        # A continuous deployment policy has no name; CloudFront refuses a second one for a
        # staging distribution instead.
        key = "Name" if "Name" in config else "StagingDistributionDnsNames"
        if any(item["config"].get(key) == config[key] for item in store.values()):
            fail(f"{structure}AlreadyExists", f"A {word} with this name already exists.")
        new_id = ("".join(random.choice("0123456789abcdef") for _ in range(32)) if word not in ("origin-access-control", "public-key")
                  else ("E" if word == "origin-access-control" else "K") + token(13))
        if word not in ("origin-access-control", "public-key"):
            new_id = f"{new_id[:8]}-{new_id[8:12]}-{new_id[12:16]}-{new_id[16:20]}-{new_id[20:]}"
        store[new_id] = {"config": config, "etag": "E" + token(13)}
        return {"ETag": store[new_id]["etag"], structure: companion_view(word, new_id, store[new_id])}
    if operation.startswith("list-"):
        items = [companion_view(word, key, item) for key, item in store.items()]
        if word in ("origin-access-control", "public-key"):
            items = [{"Id": item["Id"], **item[config_name]} for item in items]
            return {f"{structure}List": {"Quantity": len(items), "Items": items}}
        if word == "key-group":
            return {"KeyGroupList": {"Quantity": len(items), "Items": [{"KeyGroup": item} for item in items]}}
        return {f"{structure}List": {"Quantity": len(items), "Items": [{"Type": "custom", structure: item} for item in items]}}
    item_id = option(args, "--id")
    item = store.get(item_id)
    if item is None:
        fail(NO_SUCH.get(word, f"NoSuch{structure}"), f"The specified {word} does not exist.")
    if operation == f"get-{word}-config":
        return {"ETag": item["etag"], config_name: item["config"]}
    if operation == f"get-{word}":
        return {"ETag": item["etag"], structure: companion_view(word, item_id, item)}
    if option(args, "--if-match") != item["etag"]:
        fail("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")
    if operation == f"update-{word}":
        new_config = document(args, f"--{word}-config")
        if word == "public-key" and new_config["EncodedKey"] != item["config"]["EncodedKey"]:
            fail("CannotChangeImmutablePublicKeyFields", "You can't change the value of a public key.")
        item["config"] = new_config
        item["etag"] = "E" + token(13)
        return {"ETag": item["etag"], structure: companion_view(word, item_id, item)}
    if operation == f"delete-{word}":
        users = [distribution["config"] for distribution in db["distributions"].values()]
        users += [group["config"] for group in db.get("key-group", {}).values()]
        if item_id in json.dumps(users):
            fail(f"{structure}InUse", f"Cannot delete {word} because it is attached to one or more distributions.")
        del store[item_id]
        return {}
    fail("InvalidArgument", f"the fake does not know {operation}")


def function_operation(db, operation, args):
    """CloudFront Functions, known by name: created and updated in DEVELOPMENT, published to
    LIVE (which is what a distribution runs), deleted only when no distribution names them."""
    if operation not in ("create-function", "update-function", "publish-function", "describe-function", "delete-function"):
        return None
    store = db.setdefault("function", {})
    name = option(args, "--name")
    arn = f"arn:aws:cloudfront::123456789012:function/{name}"

    def summary(item, stage="DEVELOPMENT"):
        return {"Name": name, "Status": "UNPUBLISHED" if item["live"] is None else "UNASSOCIATED",
                "FunctionConfig": item["config"],
                "FunctionMetadata": {"FunctionARN": arn, "Stage": stage, "LastModifiedTime": "2026-12-04T00:00:00Z"}}

    def code():
        with open(option(args, "--function-code")[len("fileb://"):], "rb") as handle:
            return handle.read().decode("utf-8")
    if operation == "create-function":
        if name in store:
            fail("FunctionAlreadyExists", f"A function with the name {name} already exists.")
        store[name] = {"config": document(args, "--function-config"), "code": code(), "etag": "E" + token(13), "live": None}
        return {"ETag": store[name]["etag"], "FunctionSummary": summary(store[name])}
    item = store.get(name)
    if item is None:
        fail("NoSuchFunctionExists", f"The function {name} does not exist.")
    if operation == "describe-function":
        return {"ETag": item["etag"], "FunctionSummary": summary(item)}
    if option(args, "--if-match") != item["etag"]:
        fail("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")
    if operation == "update-function":
        item.update(config=document(args, "--function-config"), code=code(), etag="E" + token(13))
        return {"ETag": item["etag"], "FunctionSummary": summary(item)}
    if operation == "publish-function":
        item["live"] = {"config": item["config"], "code": item["code"]}
        return {"FunctionSummary": summary(item, "LIVE")}
    if arn in json.dumps([distribution["config"] for distribution in db["distributions"].values()]):
        fail("FunctionInUse", "Cannot delete the function because it is associated with one or more cache behaviors.")
    del store[name]
    return {}


def key_value_store_operation(db, operation, args):
    """Key value stores, known by name: PROVISIONING for one describe after the create, then
    READY; only the comment can change; one a function is associated with cannot be deleted."""
    if operation not in ("create-key-value-store", "update-key-value-store", "describe-key-value-store", "delete-key-value-store"):
        return None
    store = db.setdefault("key-value-store", {})
    if operation == "create-key-value-store":
        request = document(args, "--cli-input-json")
        name = request["Name"]
        if name in store:
            fail("EntityAlreadyExists", f"A key value store with the name {name} already exists.")
        key = "".join(random.choice("0123456789abcdef") for _ in range(32))
        store[name] = {"request": request, "comment": request.get("Comment", ""), "etag": "E" + token(13), "polls": 1,
                       "arn": f"arn:aws:cloudfront::123456789012:key-value-store/{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}"}
        return {"ETag": store[name]["etag"], "KeyValueStore": kvs_view(name, store[name], "PROVISIONING")}
    name = option(args, "--name")
    item = store.get(name)
    if item is None:
        fail("EntityNotFound", f"The key value store {name} does not exist.")
    if operation == "describe-key-value-store":
        status = "PROVISIONING" if item["polls"] > 0 else "READY"
        item["polls"] = max(0, item["polls"] - 1)
        return {"ETag": item["etag"], "KeyValueStore": kvs_view(name, item, status)}
    if option(args, "--if-match") != item["etag"]:
        fail("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")
    if operation == "update-key-value-store":
        item.update(comment=option(args, "--comment"), etag="E" + token(13))
        return {"ETag": item["etag"], "KeyValueStore": kvs_view(name, item, "READY")}
    if item["arn"] in json.dumps(db.get("function", {})):
        fail("CannotDeleteEntityWhileInUse", "The key value store is associated with a function.")
    del store[name]
    return {}


def kvs_view(name, item, status):
    return {"Name": name, "Id": item["arn"].rsplit("/", 1)[1], "Comment": item["comment"], "ARN": item["arn"],
            "Status": status, "LastModifiedTime": "2026-12-04T00:00:00Z"}


def companion_view(word, item_id, item):
    structure, config_name, _ = COMPANIONS[word]
    return {"Id": item_id, config_name: item["config"]}


def save(db):
    with open(DB, "w", encoding="utf-8") as handle:
        json.dump(db, handle)


def fail(code, message):
    sys.stderr.write(f"\nAn error occurred ({code}) when calling the operation: {message}\n")
    sys.exit(254)


def token(length):
    return "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(length))


def option(args, name):
    return args[args.index(name) + 1] if name in args else None


def document(args, name):
    with open(option(args, name)[len("file://"):], encoding="utf-8") as handle:
        return json.load(handle)


def main(args):
    with open(os.path.join(DIR, "calls.log"), "a", encoding="utf-8") as log:
        log.write(" ".join(args) + "\n")
    if args[:1] != ["cloudfront"] or len(args) < 2:
        fail("InvalidArgument", f"unexpected call: {args}")
    operation = args[1]
    failing = dict(item.split("=", 1) for item in os.environ.get("FAKE_AWS_FAIL", "").split(",") if "=" in item)
    if operation in failing:
        fail(failing[operation], "injected")
    if os.environ.get("FAKE_AWS_HANG") == operation:
        time.sleep(60)
    kill = kill_point(operation)
    if kill == "before":
        os.kill(os.getppid(), signal.SIGKILL)
    db = load()
    answer = None
    if operation == "create-distribution":
        config = document(args, "--distribution-config")
        for distribution_id, distribution in db["distributions"].items():
            if distribution["config"]["CallerReference"] == config["CallerReference"]:
                if distribution["config"] != config:
                    fail("DistributionAlreadyExists", "The caller reference that you are using to create a distribution is "
                         f"associated with another distribution. Already exists: {distribution_id}")
                answer = {"ETag": distribution["etag"], "Distribution": view(distribution_id, distribution)}
                break
        else:
            distribution_id = "E" + token(13)
            distribution = {"config": config, "etag": "E" + token(13), "polls": int(os.environ.get("FAKE_AWS_POLLS", "1"))}
            db["distributions"][distribution_id] = distribution
            answer = {"Location": f"https://cloudfront.amazonaws.com/2020-05-31/distribution/{distribution_id}",
                      "ETag": distribution["etag"], "Distribution": view(distribution_id, distribution)}
    elif operation in ("get-distribution-config", "get-distribution", "update-distribution"):
        distribution_id = option(args, "--id")
        distribution = db["distributions"].get(distribution_id)
        if distribution is None:
            fail("NoSuchDistribution", "The specified distribution does not exist.")
        if operation == "get-distribution-config":
            answer = {"ETag": distribution["etag"], "DistributionConfig": distribution["config"]}
        elif operation == "get-distribution":
            distribution["polls"] = max(0, distribution["polls"] - 1)
            answer = {"ETag": distribution["etag"], "Distribution": view(distribution_id, distribution)}
        else:
            if option(args, "--if-match") != distribution["etag"]:
                fail("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")
            distribution["config"] = document(args, "--distribution-config")
            distribution["etag"] = "E" + token(13)
            distribution["polls"] = int(os.environ.get("FAKE_AWS_POLLS", "1"))
            answer = {"ETag": distribution["etag"], "Distribution": view(distribution_id, distribution)}
    elif operation == "delete-distribution":
        distribution_id = option(args, "--id")
        distribution = db["distributions"].get(distribution_id)
        if distribution is None:
            fail("NoSuchDistribution", "The specified distribution does not exist.")
        if option(args, "--if-match") != distribution["etag"]:
            fail("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")
        if distribution["config"].get("Enabled", True) or distribution["polls"] > 0:
            fail("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.")
        del db["distributions"][distribution_id]
        answer = {}
    elif operation == "create-invalidation":
        distribution_id = option(args, "--distribution-id")
        distribution = db["distributions"].get(distribution_id)
        if distribution is None:
            fail("NoSuchDistribution", "The specified distribution does not exist.")
        if distribution["polls"] > 0:
            fail("InvalidArgument", "cfc invalidated before the distribution was deployed")
        batch = document(args, "--invalidation-batch")
        # As CloudFront: the same caller reference with the same batch is the same invalidation;
        # with another batch, an error.
        for invalidation in db["invalidations"]:
            if invalidation["distribution"] == distribution_id and invalidation["batch"]["CallerReference"] == batch["CallerReference"]:
                if invalidation["batch"] != batch:
                    fail("InvalidationBatchAlreadyExists", "The caller reference is associated with another invalidation batch.")
                answer = {"Invalidation": {"Id": invalidation["id"], "Status": "InProgress", "InvalidationBatch": batch}}
                break
        else:
            invalidation = {"distribution": distribution_id, "batch": batch, "id": "I" + token(13),
                            "polls": int(os.environ.get("FAKE_AWS_POLLS", "1"))}
            db["invalidations"].append(invalidation)
            answer = {"Invalidation": {"Id": invalidation["id"], "Status": "InProgress", "InvalidationBatch": batch}}
    elif operation == "get-invalidation":
        matches = [item for item in db["invalidations"]
                   if item["distribution"] == option(args, "--distribution-id") and item["id"] == option(args, "--id")]
        if not matches:
            fail("NoSuchInvalidation", "The specified invalidation does not exist.")
        matches[0]["polls"] = max(0, matches[0]["polls"] - 1)
        status = "InProgress" if matches[0]["polls"] > 0 else "Completed"
        answer = {"Invalidation": {"Id": matches[0]["id"], "Status": status, "InvalidationBatch": matches[0]["batch"]}}
    else:
        answer = function_operation(db, operation, args)
        if answer is None:
            answer = key_value_store_operation(db, operation, args)
        if answer is None:
            answer = companion_operation(db, operation, args)
        if answer is None:
            fail("InvalidArgument", f"the fake does not know {operation}")
    save(db)
    if kill == "after":
        os.kill(os.getppid(), signal.SIGKILL)
        sys.exit(255)
    if os.environ.get("FAKE_AWS_DIE_AFTER") == operation:
        sys.exit(255)
    print(json.dumps(answer))


def kill_point(operation):
    """"before" or "after" when this call is the one FAKE_AWS_KILL names, else None."""
    spec = os.environ.get("FAKE_AWS_KILL", "")
    if not spec or os.path.exists(os.path.join(DIR, "kill-fired")):
        return None
    target, when = spec.rsplit("@", 1)
    name, nth = target.split("#")
    if name != operation:
        return None
    counter = os.path.join(DIR, "kill-count.json")
    count = json.load(open(counter, encoding="utf-8")) + 1 if os.path.exists(counter) else 1
    with open(counter, "w", encoding="utf-8") as handle:
        json.dump(count, handle)
    if count != int(nth):
        return None
    open(os.path.join(DIR, "kill-fired"), "w").close()
    return when


def view(distribution_id, distribution):
    return {"Id": distribution_id, "ARN": f"arn:aws:cloudfront::111122223333:distribution/{distribution_id}",
            "Status": "InProgress" if distribution["polls"] > 0 else "Deployed",
            "DomainName": f"d{distribution_id.lower()}.cloudfront.net", "DistributionConfig": distribution["config"]}


if __name__ == "__main__":
    # cfc adds "--output json"; the fake always answers JSON.
    arguments = sys.argv[1:]
    if arguments[-2:] == ["--output", "json"]:
        arguments = arguments[:-2]
    main(arguments)
