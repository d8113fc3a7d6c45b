"""Validates files against the module's JSON Schemas with Python's jsonschema
(Draft202012Validator, formats asserted, plus the documented custom format
"siren"). Reads on stdin a JSON list of {"schema": ..., "file": ...} and
writes on stdout {"results": {file: {"valid": bool, "errors": [...]}}}.
Run by conformance_test.go."""

import json
import os
import sys

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker


def siren(value):
    """Nine digits whose Luhn sum is a multiple of 10 (written apart from the Go code)."""
    if not isinstance(value, str):
        return True
    if len(value) != 9 or not all("0" <= c <= "9" for c in value):
        return False
    total = 0
    for i, c in enumerate(value):
        d = ord(c) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def main():
    schema_dir = sys.argv[1]
    checker = FormatChecker()
    checker.checks("siren")(siren)
    validators = {}
    results = {}
    for job in json.load(sys.stdin):
        name, path = job["schema"], job["file"]
        if name not in validators:
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schema = json.load(f)
            Draft202012Validator.check_schema(schema)
            validators[name] = Draft202012Validator(schema, format_checker=checker)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (ValueError, UnicodeDecodeError) as e:
            results[path] = {"valid": False, "errors": ["JSON: " + str(e)]}
            continue
        errors = [f"{e.json_path} {e.message[:200]}" for e in validators[name].iter_errors(data)]
        results[path] = {"valid": not errors, "errors": errors[:5]}
    json.dump({"results": results, "version": jsonschema.__name__}, sys.stdout)


if __name__ == "__main__":
    main()
