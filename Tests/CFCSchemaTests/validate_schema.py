#!/usr/bin/env python3
"""Validates JSON documents against cfc's JSON Schema (draft 2020-12) with Python's jsonschema.

  validate_schema.py SCHEMA FILE...   each FILE holds one JSON document (a cfc file converted
                                      from YAML with core-schema typing)

Exit status: 0 all valid, 1 a document is invalid, 3 jsonschema is not installed.
"""
import json
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("jsonschema is not installed: run 'python3 -m pip install jsonschema'\n")
    sys.exit(3)


def main(argv):
    with open(argv[1]) as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for path in argv[2:]:
        with open(path) as handle:
            document = json.load(handle)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            problems += 1
            print(f"{path}: {'/'.join(str(p) for p in error.absolute_path)}: {error.message}")
            # A typed value may also be a ${name}: under anyOf, the reason the value is not of
            # its type is in the error's context.
            for cause in error.context or []:
                if cause.validator != "pattern" and cause.validator != "$ref":
                    print(f"  because: {cause.message}")
    print(f"validated {len(argv) - 2} documents, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
