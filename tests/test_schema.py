"""The published JSON Schemas validate real output (issue 16: a schema for the report and the edits)."""

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from restore.cli import cli

TEXT = "坚持以*建引领，截至年9月底，记者刘**报道。\n"


def schema(name):
    return json.loads(resources.files("restore").joinpath("schema", name).read_text(encoding="utf-8"))


def validator(name):
    registry = Registry().with_resources(
        (f"https://github.com/OWNER/restore/schema/{n}", Resource.from_contents(schema(n)))
        for n in ("edit.schema.json", "report.schema.json", "jsonl-record.schema.json")
    )
    jsonschema.Draft202012Validator.check_schema(schema(name))
    return jsonschema.Draft202012Validator(schema(name), registry=registry)


def run(*args, input=None):
    result = CliRunner().invoke(cli, ["--no-config", *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_json_report_validates():
    report = json.loads(run("--format", "json", input=TEXT))
    kinds = {e["kind"] for e in report["edits"]}
    assert kinds == {"mask", "gap"} and any(e["replacement"] is None for e in report["edits"])
    validator("report.schema.json").validate(report)


def test_jsonl_records_validate():
    records = [{"id": 1, "text": TEXT, "url": "http://x"}, {"id": 2, "text": "今天天气很好"}]
    out = run("--jsonl", input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    check = validator("jsonl-record.schema.json")
    for line in out.splitlines():
        check.validate(json.loads(line))


def test_the_schema_rejects_what_is_not_a_report():
    report = json.loads(run("--format", "json", input=TEXT))
    report["edits"][0]["kind"] = "typo"
    with pytest.raises(jsonschema.ValidationError):
        validator("report.schema.json").validate(report)
