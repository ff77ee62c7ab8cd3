#!/usr/bin/env python3
"""Validates SARIF logs against a Draft-07 JSON Schema (the SARIF 2.1.0 subset beside this file)
with Python's jsonschema, checking the uri and uri-reference formats as RFC 3986 defines them.

  validate_sarif.py SCHEMA FILE...   each FILE holds one SARIF log

Prints one line per problem, then a summary line. Exit status: 0 all valid, 1 a log is invalid,
3 jsonschema is not installed.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("jsonschema is not installed: run 'python3 -m pip install jsonschema'\n")
    sys.exit(3)

# jsonschema checks uri formats only with optional packages; SARIF requires artifactLocation.uri
# to be a URI reference (§3.4.3) and informationUri an absolute URI, so check them here: only
# RFC 3986 characters, every % followed by two hex digits, and a scheme for an absolute URI.
URI_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri-reference")
def is_uri_reference(value):
    return not isinstance(value, str) or (URI_CHARACTERS.match(value) is not None and BAD_PERCENT.search(value) is None)


@FORMATS.checks("uri")
def is_uri(value):
    return not isinstance(value, str) or (is_uri_reference(value) and SCHEME.match(value) is not None)


def main(argv):
    with open(argv[1]) as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    if validator_class is not jsonschema.Draft7Validator:
        print(f"{argv[1]}: expected a Draft-07 schema, found {validator_class.__name__}")
        return 1
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=FORMATS)
    problems = 0
    for path in argv[2:]:
        with open(path) as handle:
            document = json.load(handle)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
            problems += 1
            print(f"{path}: /{'/'.join(str(p) for p in error.absolute_path)}: {error.message}")
    print(f"validated {len(argv) - 2} logs, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
