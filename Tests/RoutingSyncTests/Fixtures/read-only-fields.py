#!/usr/bin/env python3
"""Regenerates read-only-fields.json from Genesys Cloud's OpenAPI document.

Usage: python3 read-only-fields.py path/to/openapi.json > read-only-fields.json

For every operation with a JSON request body, lists the body's paths the spec marks `readOnly`,
following `$ref`s: `a.b` is a nested field, `[]` each array item, `{}` each map value. The test
`WritableBodyTests` checks every body the sync sends against this list.
"""
import json
import sys

spec = json.load(open(sys.argv[1]))
schemas = spec["components"]["schemas"]


def name(ref):
    return ref.split("/")[-1]


def walk(schema, path, seen, out):
    if "$ref" in schema:
        ref = name(schema["$ref"])
        if ref in seen:
            return
        walk(schemas[ref], path, seen | {ref}, out)
        return
    if schema.get("type") == "array":
        walk(schema.get("items", {}), path + "[]", seen, out)
        return
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        walk(extra, path + "{}", seen, out)
    for key, value in (schema.get("properties") or {}).items():
        child = f"{path}.{key}" if path and not path.endswith(".") else key
        if path and path.endswith(("[]", "{}")):
            child = f"{path}.{key}"
        if value.get("readOnly"):
            out.add(child)
            continue
        walk(value, child, seen, out)


operations = {}
for template, methods in spec["paths"].items():
    for method, operation in methods.items():
        if not isinstance(operation, dict) or "requestBody" not in operation:
            continue
        content = operation["requestBody"].get("content", {})
        body = content.get("application/json", {}).get("schema")
        if body is None:
            continue
        out = set()
        walk(body, "", set(), out)
        operations[operation["operationId"]] = {
            "method": method.upper(),
            "path": template,
            "readOnly": sorted(p.lstrip(".") for p in out),
        }

print(json.dumps({
    "source": "Genesys Cloud Platform API OpenAPI document: every request-body property marked readOnly, "
              "following $ref; `[]` = each array item, `{}` = each map value. Regenerate with read-only-fields.py.",
    "referenceIDs": {
        "why": "The spec reuses the full Script and InboundRoute entity schemas for a queue's references to them, "
               "so their id is marked readOnly; the id is the only way to point at the script or route "
               "(a queue's defaultScripts and outboundEmailAddress), so these paths may carry exactly {id}.",
        "paths": [
            "defaultScripts{}.id",
            "outboundEmailAddress.route.id",
            "mediaSettings.email.allOutboundEmailAddresses[].route.id",
        ],
    },
    "operations": dict(sorted(operations.items())),
}, indent=1))
