#!/usr/bin/env python3
"""Checks cfc's output against AWS's own service model, as botocore ships it.

Run by CFCConformanceTests (and usable by hand):

  botocore_conformance.py validate FILE...   each .json must be a valid DistributionConfig (or
                                             InvalidationBatch) input, members in model order;
                                             each .xml must parse with botocore's REST-XML parser
                                             into a valid one, use only the model's element
                                             names, and equal botocore's own serialization of
                                             the .json beside it (when there is one)
  botocore_conformance.py leaves [--root R]  every leaf member path of DistributionConfig (or R)
  botocore_conformance.py coverage [--root R] FILE...
                                             the leaf paths of the model no FILE reaches
                                             ("missing"), the leaf paths every FILE that
                                             reaches them gives one same value ("constant"),
                                             and the optional members no FILE leaves out
                                             where their structure is present ("never_absent")
  botocore_conformance.py enums [ROOT...]    every enum shape under DistributionConfig (or the
                                             ROOTs), as JSON

Output files name what they hold: NAME.distribution.json is a DistributionConfig,
NAME.cache-policy.json a CachePolicyConfig, and so on (FILE_ROOTS).

Exit status: 0 all good, 1 a document is invalid, 3 botocore is not installed.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

try:
    import botocore.session
    from botocore.exceptions import ParamValidationError
    from botocore.validate import ParamValidator
    from botocore import parsers, serialize
except ImportError:  # pragma: no cover
    sys.stderr.write("botocore is not installed: run 'python3 -m pip install botocore'\n")
    sys.exit(3)

NS = "{http://cloudfront.amazonaws.com/doc/2020-05-31/}"
MODEL = botocore.session.get_session().get_service_model("cloudfront", "2020-05-31")
ROOTS = {
    "DistributionConfig": "CreateDistribution",
    "InvalidationBatch": "CreateInvalidation",
    "CachePolicyConfig": "CreateCachePolicy",
    "OriginRequestPolicyConfig": "CreateOriginRequestPolicy",
    "ResponseHeadersPolicyConfig": "CreateResponseHeadersPolicy",
    "OriginAccessControlConfig": "CreateOriginAccessControl",
    "FunctionConfig": "CreateFunction",
    "CreateKeyValueStoreRequest": "CreateKeyValueStore",
    "PublicKeyConfig": "CreatePublicKey",
    "KeyGroupConfig": "CreateKeyGroup",
    "ContinuousDeploymentPolicyConfig": "CreateContinuousDeploymentPolicy",
}
# What each kind of output file holds, by the word before its extension (NAME.WORD.json).
FILE_ROOTS = {
    "distribution": "DistributionConfig",
    "invalidation": "InvalidationBatch",
    "cache-policy": "CachePolicyConfig",
    "origin-request-policy": "OriginRequestPolicyConfig",
    "response-headers-policy": "ResponseHeadersPolicyConfig",
    "origin-access-control": "OriginAccessControlConfig",
    "function": "FunctionConfig",
    "key-value-store": "CreateKeyValueStoreRequest",
    "public-key": "PublicKeyConfig",
    "key-group": "KeyGroupConfig",
    "continuous-deployment-policy": "ContinuousDeploymentPolicyConfig",
}


def root_of(path, data):
    word = os.path.basename(path).rsplit(".", 2)[-2] if os.path.basename(path).count(".") >= 2 else ""
    if word in FILE_ROOTS:
        return FILE_ROOTS[word]
    return "InvalidationBatch" if "Paths" in data else "DistributionConfig"


def fail(errors, path, message):
    errors.append(f"{path}: {message}")


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise ValueError(f"duplicate keys {sorted(dupes)}")
    return dict(pairs)


def check_order(value, shape, path, errors):
    """Members must appear in the model's order, and only members the model has."""
    if shape.type_name == "structure":
        if not isinstance(value, dict):
            return
        names = list(shape.members)
        positions = []
        for key in value:
            if key not in shape.members:
                fail(errors, path, f"unknown member {key}")
                continue
            positions.append(names.index(key))
            check_order(value[key], shape.members[key], f"{path}.{key}", errors)
        if positions != sorted(positions):
            fail(errors, path, f"members out of model order: {list(value)}")
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            check_order(item, shape.member, f"{path}[{index}]", errors)


def check_xml_names(element, shape, path, errors):
    """Every element must be a member of its shape (list items under the model's item name)."""
    if shape.type_name == "structure":
        for child in element:
            name = child.tag.replace(NS, "")
            member = None
            for member_name, member_shape in shape.members.items():
                if member_shape.serialization.get("name", member_name) == name:
                    member = member_shape
            if member is None:
                fail(errors, path, f"unknown element <{name}>")
                continue
            check_xml_names(child, member, f"{path}.{name}", errors)
    elif shape.type_name == "list":
        item_name = shape.member.serialization.get("name", "member")
        for index, child in enumerate(element):
            name = child.tag.replace(NS, "")
            if name != item_name:
                fail(errors, path, f"list item <{name}>, the model names items <{item_name}>")
            check_xml_names(child, shape.member, f"{path}[{index}]", errors)


def canonical(element):
    """An element tree as nested tuples, whitespace-only text ignored."""
    text = (element.text or "").strip() if len(element) == 0 else ""
    return (element.tag.replace(NS, ""), text, tuple(canonical(child) for child in element))


def validate_json(path, errors):
    with open(path, "rb") as handle:
        data = json.loads(handle.read().decode("utf-8"), object_pairs_hook=no_duplicates)
    root = root_of(path, data)
    shape = MODEL.shape_for(root)
    report = ParamValidator().validate(data, shape)
    if report.has_errors():
        fail(errors, path, report.generate_report())
    check_order(data, shape, root, errors)
    return root, data


def validate_xml(path, errors, json_twin):
    with open(path, "rb") as handle:
        body = handle.read()
    if not body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'):
        fail(errors, path, "missing XML declaration")
    tree = ET.fromstring(body)
    root = tree.tag.replace(NS, "")
    if not tree.tag.startswith(NS):
        fail(errors, path, "root element is not in CloudFront's 2020-05-31 namespace")
    if root not in ROOTS:
        fail(errors, path, f"unexpected root <{root}>")
        return
    shape = MODEL.shape_for(root)
    check_xml_names(tree, shape, root, errors)
    parsed = parsers.RestXMLParser()._parse_shape(shape, tree)
    report = ParamValidator().validate(parsed, shape)
    if report.has_errors():
        fail(errors, path, report.generate_report())
    if json_twin is not None:
        twin_root, twin = json_twin
        if twin != parsed:
            fail(errors, path, "the XML does not say what the JSON beside it says")
        operation = MODEL.operation_model(ROOTS[root])
        # A key value store's document is the create request itself: its members are the params.
        params = dict(twin) if root == operation.input_shape.name else {root: twin}
        if root == "InvalidationBatch":
            params["DistributionId"] = "EDFDVBD6EXAMPLE"
        if root == "FunctionConfig":
            # A function's REST body is CreateFunctionRequest (name, config and base64 code);
            # cfc's NAME.function.xml is its FunctionConfig element, compared with that one.
            params.update(Name="example", FunctionCode=b"function handler(event) { return event.request; }")
        try:
            request = serialize.create_serializer("rest-xml").serialize_to_request(params, operation)
        except ParamValidationError:
            return  # the JSON beside it is invalid, and validate_json has said so
        expected = ET.fromstring(request["body"])
        if root == "FunctionConfig":
            expected = expected.find(NS + "FunctionConfig")
        if canonical(expected) != canonical(tree):
            fail(errors, path, "the XML differs from botocore's serialization of the same config")


def command_validate(paths):
    errors = []
    twins = {}
    for path in sorted(paths):
        if path.endswith(".json"):
            try:
                twins[path[:-5]] = validate_json(path, errors)
            except (ValueError, UnicodeDecodeError) as error:
                fail(errors, path, f"not valid JSON: {error}")
    for path in sorted(paths):
        if path.endswith(".xml"):
            try:
                validate_xml(path, errors, twins.get(path[:-4]))
            except ET.ParseError as error:
                fail(errors, path, f"not well-formed XML: {error}")
    for error in errors:
        print(error)
    print(f"checked {len(paths)} documents, {len(errors)} problems")
    return 1 if errors else 0


def leaf_paths(shape, path):
    if shape.type_name == "structure":
        for name, member in shape.members.items():
            yield from leaf_paths(member, f"{path}.{name}" if path else name)
    elif shape.type_name == "list":
        yield from leaf_paths(shape.member, f"{path}[]")
    else:
        yield path


def value_paths(value, path):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from value_paths(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from value_paths(item, f"{path}[]")
    else:
        yield path


def leaf_values(value, path, into):
    if isinstance(value, dict):
        for key, item in value.items():
            leaf_values(item, f"{path}.{key}" if path else key, into)
    elif isinstance(value, list):
        for item in value:
            leaf_values(item, f"{path}[]", into)
    else:
        into.setdefault(path, set()).add(json.dumps(value))


def optional_presence(value, shape, path, present, absent):
    """For each optional member of each structure present in `value`: whether it was there."""
    if shape.type_name == "structure" and isinstance(value, dict):
        required = set(shape.required_members)
        for name, member in shape.members.items():
            member_path = f"{path}.{name}" if path else name
            if name not in required:
                (present if name in value else absent).add(member_path)
            if name in value:
                optional_presence(value[name], member, member_path, present, absent)
    elif shape.type_name == "list" and isinstance(value, list):
        for item in value:
            optional_presence(item, shape.member, f"{path}[]", present, absent)


def command_coverage(root, paths, excluded=()):
    values = {}
    present, absent = set(), set()
    shape = MODEL.shape_for(root)
    for path in paths:
        with open(path, "rb") as handle:
            document = json.load(handle)
        leaf_values(document, "", values)
        optional_presence(document, shape, "", present, absent)
    model = [leaf for leaf in leaf_paths(shape, "") if leaf.split(".")[0].rstrip("[]") not in excluded]
    missing = [leaf for leaf in model if leaf not in values]
    constant = [leaf for leaf in model if len(values.get(leaf, ())) == 1]
    never_absent = sorted(present - absent)
    print(json.dumps({"leaves": len(model), "reached": len(model) - len(missing), "missing": missing,
                      "constant": constant, "never_absent": never_absent}, indent=2))
    return 0


def command_enums(roots):
    enums = {}

    def walk(shape, seen):
        if shape.name in seen:
            return
        seen.add(shape.name)
        if shape.type_name == "structure":
            for member in shape.members.values():
                walk(member, seen)
        elif shape.type_name == "list":
            walk(shape.member, seen)
        elif shape.type_name == "string" and shape.enum:
            enums[shape.name] = list(shape.enum)

    for root in roots:
        walk(MODEL.shape_for(root), set())
    print(json.dumps(enums, indent=2, sort_keys=True))
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command = argv[1]
    if command == "validate":
        return command_validate(argv[2:])
    # --root NAME picks another API structure than DistributionConfig.
    arguments = argv[2:]
    root = "DistributionConfig"
    if arguments[:1] == ["--root"] and len(arguments) >= 2:
        root, arguments = arguments[1], arguments[2:]
    # --exclude MEMBER leaves a top-level member out of the coverage (said where it is used).
    excluded = []
    while arguments[:1] == ["--exclude"] and len(arguments) >= 2:
        excluded.append(arguments[1])
        arguments = arguments[2:]
    if command == "leaves":
        for leaf in leaf_paths(MODEL.shape_for(root), ""):
            print(leaf)
        return 0
    if command == "coverage":
        return command_coverage(root, arguments, excluded)
    if command == "enums":
        return command_enums(arguments or ["DistributionConfig"])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
