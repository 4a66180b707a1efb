#!/usr/bin/env python3
"""Drive `genesys-routing fake-server` with Genesys' official Python client and check it is faithful.

The official client (PureCloudPlatformClientV2, generated from Genesys' own API spec) is the reference
for paths, query parameters, field names and types. Every check calls the fake over HTTP through the
client's API classes and asserts that

* the call succeeds (or fails) with the status Genesys would answer,
* the response deserialises into the official model with the expected values, and
* the raw JSON is *strictly* what the official model describes: no field the model does not know (a
  misspelt field would otherwise be dropped silently by the client), every value of the declared JSON
  type, and no enum value the client does not know (it would turn into `outdated_sdk_version`).

Usage:
    check_official_client.py BASE_URL [--rate-limit N] [--client-id ID --client-secret SECRET]

BASE_URL is the fake's first stdout line (`http://127.0.0.1:PORT`). The fake must run with
`--manual-clock` (the checks move its clock through `POST /__fake/advance`) and the seed next to this
file. Prints `PASS name` / `FAIL name: reason` per check, then `N passed, M failed`; exits 1 when any
check failed.
"""

import argparse
import base64
import json
import os
import re
import sys
import traceback
import urllib.error
import urllib.request
from datetime import datetime

import urllib3

import PureCloudPlatformClientV2 as pc
from PureCloudPlatformClientV2 import models
from PureCloudPlatformClientV2.rest import ApiException

SEED_DIVISIONS = ["Home", "Sales"]
SEED_USERS = {
    "jane.doe@example.com": "Jane Doe",
    "john.smith@example.com": "John Smith",
    "ana.lima@example.com": "Ana Lima",
}
# How far the checks move the clock after writes, so search-index lag and skill-group membership
# computation (both simulated on the org clock) have settled.
SETTLE_SECONDS = 30


class CheckFailed(Exception):
    """A check's expectation did not hold."""


def build(cls, **attributes):
    """An official model with `attributes` set through its setters (the models take no constructor
    arguments; the setters apply the client's own enum handling)."""
    instance = cls()
    for name, value in attributes.items():
        if name not in instance.swagger_types:
            raise TypeError(f"{cls.__name__} has no attribute {name}")
        setattr(instance, name, value)
    return instance


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {actual!r}")


# --------------------------------------------------------------------------------------------------
# Strict comparison of raw JSON with the official models


def _model_class(type_name):
    return getattr(models, type_name, None)


def strict_problems(value, type_name, path="$"):
    """Problems of raw JSON `value` against the official client's type `type_name`."""
    problems = []
    if value is None:
        return problems
    if type_name.startswith("list["):
        inner = type_name[5:-1]
        if not isinstance(value, list):
            return [f"{path}: expected an array, got {type(value).__name__}"]
        for index, item in enumerate(value):
            problems += strict_problems(item, inner, f"{path}[{index}]")
        return problems
    if type_name.startswith("dict("):
        inner = re.match(r"dict\(([^,]*), (.*)\)", type_name).group(2)
        if not isinstance(value, dict):
            return [f"{path}: expected an object (map), got {type(value).__name__}"]
        for key, item in value.items():
            problems += strict_problems(item, inner, f"{path}.{key}")
        return problems
    if type_name == "str":
        return [] if isinstance(value, str) else [f"{path}: expected a string, got {value!r}"]
    if type_name == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected an integer, got {value!r}"]
    if type_name == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected a number, got {value!r}"]
    if type_name == "bool":
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean, got {value!r}"]
    if type_name in ("datetime", "date", "LocalDateTime"):
        if not isinstance(value, str):
            return [f"{path}: expected an ISO-8601 string, got {value!r}"]
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return [f"{path}: not an ISO-8601 date-time: {value!r}"]
        return []
    if type_name == "object":
        return []
    cls = _model_class(type_name)
    if cls is None:
        return [f"{path}: unknown official type {type_name}"]
    if not isinstance(value, dict):
        return [f"{path}: expected a {type_name} object, got {type(value).__name__}"]
    instance = cls()
    json_to_attr = {json_name: attr for attr, json_name in instance.attribute_map.items()}
    for key, item in value.items():
        attr = json_to_attr.get(key)
        if attr is None:
            problems.append(f"{path}.{key}: not a field of the official {type_name}")
            continue
        problems += strict_problems(item, instance.swagger_types[attr], f"{path}.{key}")
    return problems


def outdated_enum_paths(obj, path="$"):
    """Paths where the client replaced an enum value it does not know with `outdated_sdk_version`."""
    found = []
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            found += outdated_enum_paths(item, f"{path}[{index}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            found += outdated_enum_paths(item, f"{path}.{key}")
    elif hasattr(obj, "swagger_types"):
        for attr in obj.swagger_types:
            found += outdated_enum_paths(getattr(obj, attr), f"{path}.{obj.attribute_map[attr]}")
    elif obj == "outdated_sdk_version":
        found.append(path)
    return found


def subset_problems(expected, actual, path="$"):
    """Where `actual` differs from `expected` on the keys `expected` has (JSON-like values)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing (expected {value!r})")
            else:
                problems += subset_problems(value, actual[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        problems = []
        for index, (want, got) in enumerate(zip(expected, actual)):
            problems += subset_problems(want, got, f"{path}[{index}]")
        return problems
    if isinstance(expected, float) or isinstance(actual, float):
        ok = isinstance(actual, (int, float)) and not isinstance(actual, bool) and abs(actual - expected) < 1e-9
        return [] if ok else [f"{path}: expected {expected!r}, got {actual!r}"]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


# --------------------------------------------------------------------------------------------------
# The harness


class Fake:
    """The fake server, its official API client and what the checks created."""

    def __init__(self, base_url, client_id, client_secret, rate_limit):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.rate_limit = rate_limit
        self.created = {}
        pc.configuration.host = self.base_url
        self.client = self.new_client()
        self.routing = pc.RoutingApi(self.client)
        self.users = pc.UsersApi(self.client)
        self.authorization = pc.AuthorizationApi(self.client)

    def new_client(self):
        """An ApiClient on the fake with the SDK's automatic retries off, so 429s reach the checks."""
        client = pc.ApiClient()
        client.get_http_client().rest_client.pool_manager = urllib3.PoolManager(
            num_pools=4,
            maxsize=4,
            retries=urllib3.util.Retry(total=0, redirect=0, respect_retry_after_header=False, raise_on_status=False),
        )
        return client

    def authenticate(self, client=None):
        client = client or self.client
        client.get_client_credentials_token(self.client_id, self.client_secret)
        return client

    def call(self, method, response_type, *args, **kwargs):
        """Calls an official API method and checks the raw response strictly against `response_type`."""
        result = method(*args, **kwargs)
        client = method.__self__.api_client
        if response_type is not None:
            raw = json.loads(client.last_response.data)
            problems = strict_problems(raw, response_type)
            expect(not problems, f"{method.__name__} → {response_type}: " + "; ".join(problems[:6]))
            outdated = outdated_enum_paths(result)
            expect(not outdated, f"{method.__name__}: enum values unknown to the official client at {outdated[:6]}")
        return result

    def call_error(self, method, *args, **kwargs):
        """Calls an official API method that must fail; returns (status, ErrorBody dict, headers)."""
        try:
            method(*args, **kwargs)
        except ApiException as error:
            body = json.loads(error.body) if error.body else {}
            problems = strict_problems(body, "ErrorBody")
            expect(not problems, f"{method.__name__} error body → ErrorBody: " + "; ".join(problems[:6]))
            return error.status, body, error.headers
        raise CheckFailed(f"{method.__name__} succeeded but should have failed")

    def sanitize(self, value):
        return self.client.sanitize_for_serialization(value)

    # Control endpoints of fake-server (plain HTTP, not part of the Genesys API).

    def control(self, method, path):
        request = urllib.request.Request(self.base_url + path, method=method, data=b"" if method == "POST" else None)
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
            return json.loads(data) if data else None

    def advance(self, seconds):
        self.control("POST", f"/__fake/advance?seconds={seconds}")

    def settle(self):
        self.advance(SETTLE_SECONDS)

    def token_request(self, client_id, client_secret):
        """POST /oauth/token by hand, to see the raw token response."""
        credentials = base64.b64encode(f"{client_id}:{client_secret}".encode("ascii")).decode("ascii")
        request = urllib.request.Request(
            self.base_url + "/oauth/token",
            data=b"grant_type=client_credentials",
            method="POST",
            headers={"Authorization": "Basic " + credentials, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            data = error.read()
            return error.code, (json.loads(data) if data else {})


CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


# --------------------------------------------------------------------------------------------------
# The checks, in order (later ones use what earlier ones created)


@check
def token(fake):
    status, body = fake.token_request(fake.client_id, fake.client_secret)
    expect_equal(status, 200, "token status")
    expect(isinstance(body.get("access_token"), str) and body["access_token"], "access_token missing")
    expect_equal(body.get("token_type", "").lower(), "bearer", "token_type")
    expect(isinstance(body.get("expires_in"), int) and body["expires_in"] > 0, f"expires_in: {body.get('expires_in')!r}")
    fake.created["expires_in"] = body["expires_in"]
    fake.authenticate()
    expect(fake.client.access_token, "the official client did not store a token")


@check
def token_rejects_wrong_secret(fake):
    client = fake.new_client()
    try:
        client.get_client_credentials_token(fake.client_id, fake.client_secret + "-wrong")
    except ApiException as error:
        expect_equal(error.status, 401, "status for a wrong secret")
        return
    raise CheckFailed("a wrong client secret was accepted")


@check
def divisions_list(fake):
    listing = fake.call(fake.authorization.get_authorization_divisions, "AuthzDivisionEntityListing", page_size=100)
    names = [division.name for division in listing.entities]
    expect_equal(sorted(names), sorted(SEED_DIVISIONS), "division names")
    homes = [division for division in listing.entities if division.home_division]
    expect(len(homes) == 1 and homes[0].name == "Home", f"exactly one home division named Home, got {[d.name for d in homes]}")
    expect_equal(listing.total, len(SEED_DIVISIONS), "total")
    fake.created["divisions"] = {division.name: division.id for division in listing.entities}


@check
def divisions_home(fake):
    home = fake.call(fake.authorization.get_authorization_divisions_home, "AuthzDivision")
    expect_equal(home.name, "Home", "home division name")
    expect_equal(home.home_division, True, "homeDivision")
    expect_equal(home.id, fake.created["divisions"]["Home"], "home division id")


@check
def skills_create_get(fake):
    sales = fake.created["divisions"]["Sales"]
    skill = fake.call(
        fake.routing.post_routing_skills, "RoutingSkill", build(models.CreateRoutingSkill, name="Billing", division_id=sales)
    )
    expect_equal(skill.name, "Billing", "name")
    expect_equal(skill.state, "active", "state")
    expect(skill.id, "id missing")
    expect(skill.division is not None and skill.division.id == sales, f"division: {skill.division}")
    expect_equal(skill.self_uri, f"/api/v2/routing/skills/{skill.id}", "selfUri")
    again = fake.call(fake.routing.get_routing_skill, "RoutingSkill", skill.id)
    expect_equal((again.id, again.name, again.state), (skill.id, "Billing", "active"), "GET of the new skill")
    expect_equal(again.division.id, sales, "division after GET")
    second = fake.call(fake.routing.post_routing_skills, "RoutingSkill", build(models.CreateRoutingSkill, name="Billing Escalations"))
    third = fake.call(fake.routing.post_routing_skills, "RoutingSkill", build(models.CreateRoutingSkill, name="Technical"))
    expect_equal(second.division.id, fake.created["divisions"]["Home"], "default division of a skill")
    fake.created["skills"] = {"Billing": skill.id, "Billing Escalations": second.id, "Technical": third.id}


@check
def skills_list_name_filter(fake):
    fake.settle()
    listing = fake.call(fake.routing.get_routing_skills, "SkillEntityListing", name="Bill", page_size=25)
    names = sorted(skill.name for skill in listing.entities)
    expect_equal(names, ["Billing", "Billing Escalations"], "skills whose name starts with Bill")
    expect_equal(listing.total, 2, "total")
    narrow = fake.call(fake.routing.get_routing_skills, "SkillEntityListing", name="Billing E")
    expect_equal([skill.name for skill in narrow.entities], ["Billing Escalations"], "name=Billing E")
    page = fake.call(fake.routing.get_routing_skills, "SkillEntityListing", page_size=1, page_number=2)
    expect_equal((page.page_size, page.page_number, page.total, page.page_count), (1, 2, 3, 3), "paging fields")
    expect_equal(len(page.entities), 1, "entities on page 2")
    expect(page.next_uri and "pageNumber=3" in page.next_uri, f"nextUri: {page.next_uri!r}")
    by_id = fake.call(fake.routing.get_routing_skills, "SkillEntityListing", id=[fake.created["skills"]["Technical"]])
    expect_equal([skill.name for skill in by_id.entities], ["Technical"], "id filter")


@check
def skills_division_update(fake):
    home = fake.created["divisions"]["Home"]
    skill_id = fake.created["skills"]["Billing"]
    moved = fake.call(
        fake.routing.patch_routing_skill, "RoutingSkill", skill_id, build(models.UpdateSkillDivisionRequest, division_id=home)
    )
    expect_equal(moved.division.id, home, "division after PATCH")
    expect_equal(fake.call(fake.routing.get_routing_skill, "RoutingSkill", skill_id).division.id, home, "division after GET")


@check
def languages(fake):
    french = fake.call(fake.routing.post_routing_languages, "Language", build(models.Language, name="French"))
    expect_equal((french.name, french.state), ("French", "active"), "created language")
    spanish = fake.call(fake.routing.post_routing_languages, "Language", build(models.Language, name="Spanish"))
    fake.settle()
    listing = fake.call(fake.routing.get_routing_languages, "LanguageEntityListing", name="Fre")
    expect_equal([language.name for language in listing.entities], ["French"], "languages named Fre…")
    got = fake.call(fake.routing.get_routing_language, "Language", french.id)
    expect_equal((got.id, got.name), (french.id, "French"), "GET language")
    fake.created["languages"] = {"French": french.id, "Spanish": spanish.id}


@check
def wrapup_codes(fake):
    sales = fake.created["divisions"]["Sales"]
    code = fake.call(
        fake.routing.post_routing_wrapupcodes,
        "WrapupCode",
        build(models.WrapupCodeRequest, 
            name="Resolved", description="Customer issue resolved", division=build(models.WritableStarrableDivision, id=sales)
        ),
    )
    expect_equal((code.name, code.description), ("Resolved", "Customer issue resolved"), "created wrap-up code")
    expect(code.division is not None and code.division.id == sales, f"division: {code.division}")
    got = fake.call(fake.routing.get_routing_wrapupcode, "WrapupCode", code.id)
    expect_equal((got.name, got.division.id), ("Resolved", sales), "GET wrap-up code")
    fake.settle()
    listing = fake.call(fake.routing.get_routing_wrapupcodes, "WrapupCodeEntityListing", name="Resolved")
    expect_equal([c.name for c in listing.entities], ["Resolved"], "wrap-up codes named Resolved")
    fake.created["wrapup_codes"] = {"Resolved": code.id}


def billing_conditions():
    """A nested condition tree: (Billing ≥ 3 and (French ≥ 2 or Technical = 5)) or Spanish > 1."""
    return [
        build(models.SkillGroupCondition, 
            operation="And",
            routing_skill_conditions=[
                build(models.SkillGroupRoutingCondition, 
                    routing_skill="Billing",
                    comparator="GreaterThanOrEqualTo",
                    proficiency=3,
                    child_conditions=[
                        build(models.SkillGroupCondition, 
                            operation="Or",
                            language_skill_conditions=[
                                build(models.SkillGroupLanguageCondition, 
                                    language_skill="French", comparator="GreaterThanOrEqualTo", proficiency=2, child_conditions=[]
                                )
                            ],
                            routing_skill_conditions=[
                                build(models.SkillGroupRoutingCondition, 
                                    routing_skill="Technical", comparator="EqualTo", proficiency=5, child_conditions=[]
                                )
                            ],
                        )
                    ],
                )
            ],
            language_skill_conditions=[],
        ),
        build(models.SkillGroupCondition, 
            operation="Or",
            language_skill_conditions=[
                build(models.SkillGroupLanguageCondition, 
                    language_skill="Spanish", comparator="GreaterThan", proficiency=1, child_conditions=[]
                )
            ],
            routing_skill_conditions=[],
        ),
    ]


@check
def skill_groups_nested_conditions(fake):
    sales = fake.created["divisions"]["Sales"]
    sent = billing_conditions()
    created = fake.call(
        fake.routing.post_routing_skillgroups,
        "SkillGroupWithMemberDivisions",
        build(models.SkillGroupWithMemberDivisions, 
            name="Billing Experts",
            description="Billing with French or Technical",
            division=build(models.WritableDivision, id=sales),
            skill_conditions=sent,
        ),
    )
    expect_equal(created.name, "Billing Experts", "created name")
    expect(created.id, "id missing")
    got = fake.call(fake.routing.get_routing_skillgroup, "SkillGroup", created.id)
    expect_equal(got.name, "Billing Experts", "name")
    expect_equal(got.description, "Billing with French or Technical", "description")
    expect_equal(got.division.id if got.division else None, sales, "division")
    sent_tree = fake.sanitize(sent)
    got_tree = fake.sanitize(got.skill_conditions)
    expect(sent_tree == got_tree, f"condition tree changed: sent {json.dumps(sent_tree)} got {json.dumps(got_tree)}")
    fake.created["skill_groups"] = {"Billing Experts": created.id}


@check
def skill_groups_list(fake):
    fake.settle()
    listing = fake.call(fake.routing.get_routing_skillgroups, "SkillGroupEntityListing", name="billing")
    names = [group.name for group in listing.entities]
    expect_equal(names, ["Billing Experts"], "skill groups named billing… (case-insensitive)")
    group = fake.call(fake.routing.get_routing_skillgroup, "SkillGroup", fake.created["skill_groups"]["Billing Experts"])
    expect_equal(group.status, "Complete", "status after the membership computation settled")


@check
def queues_member_groups_acw_media(fake):
    sales = fake.created["divisions"]["Sales"]
    group_id = fake.created["skill_groups"]["Billing Experts"]
    request = build(models.CreateQueueRequest, 
        name="Billing Support",
        description="Invoices and refunds",
        division=build(models.WritableDivision, id=sales),
        skill_evaluation_method="BEST",
        acw_settings=build(models.AcwSettings, wrapup_prompt="MANDATORY_TIMEOUT", timeout_ms=30000),
        media_settings=build(models.QueueMediaSettings, 
            call=build(models.MediaSettings, 
                alerting_timeout_seconds=20,
                enable_auto_answer=False,
                service_level=build(models.ServiceLevel, percentage=0.8, duration_ms=20000),
            ),
            chat=build(models.MediaSettings, 
                alerting_timeout_seconds=30,
                enable_auto_answer=True,
                service_level=build(models.ServiceLevel, percentage=0.9, duration_ms=30000),
            ),
        ),
        member_groups=[build(models.MemberGroup, id=group_id, type="SKILLGROUP")],
    )
    created = fake.call(fake.routing.post_routing_queues, "Queue", request)
    expect_equal(created.name, "Billing Support", "name")
    got = fake.call(fake.routing.get_routing_queue, "Queue", created.id)
    expect_equal((got.name, got.description), ("Billing Support", "Invoices and refunds"), "name and description")
    expect_equal(got.division.id if got.division else None, sales, "division")
    expect_equal(got.skill_evaluation_method, "BEST", "skillEvaluationMethod")
    expect_equal(fake.sanitize(got.acw_settings), {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 30000}, "acwSettings")
    media = subset_problems(fake.sanitize(request.media_settings), fake.sanitize(got.media_settings), "$.mediaSettings")
    expect(not media, "; ".join(media))
    groups = [(group.id, group.type) for group in (got.member_groups or [])]
    expect_equal(groups, [(group_id, "SKILLGROUP")], "memberGroups")
    fake.created["queues"] = {"Billing Support": created.id}


@check
def queue_every_setting(fake):
    """Issue #14: a queue using every writable setting, read back by the official client: the fake answers
    each setting as sent, and the rings' and rules' member groups read as MemberGroup."""
    queue_id = fake.created["queues"]["Billing Support"]
    group_id = fake.created["skill_groups"]["Billing Experts"]
    skill_id = fake.created["skills"]["Billing"]
    ref = lambda id: build(models.DomainEntityRef, id=id)
    skill_group = lambda: build(models.MemberGroup, id=group_id, type="SKILLGROUP")
    request = build(models.CreateQueueRequest,
        name="Billing Every Setting",
        scoring_method="PriorityOnly",
        last_agent_routing_mode="QueueMembersOnly",
        routing_rules=[build(models.RoutingRule, operator="MEETS_THRESHOLD", threshold=3, wait_seconds=10.0)],
        bullseye=build(models.Bullseye, rings=[
            build(models.Ring,
                expansion_criteria=[build(models.ExpansionCriterium, type="TIMEOUT_SECONDS", threshold=15.0)],
                actions=build(models.Actions, skills_to_remove=[build(models.SkillsToRemove, id=skill_id)]),
                member_groups=[skill_group(), build(models.MemberGroup, id="team-1", type="TEAM")]),
        ]),
        conditional_group_routing=build(models.ConditionalGroupRouting, rules=[
            build(models.ConditionalGroupRoutingRule, metric="EstimatedWaitTime", operator="GreaterThan",
                  condition_value=30.0, wait_seconds=20, groups=[skill_group()]),
            build(models.ConditionalGroupRoutingRule, queue=ref(queue_id), metric="ServiceLevel", operator="LessThan",
                  condition_value=0.8, groups=[build(models.MemberGroup, id="group-1", type="GROUP")]),
        ]),
        conditional_group_activation=build(models.ConditionalGroupActivation,
            pilot_rule=build(models.ConditionalGroupActivationPilotRule, condition_expression="C1", conditions=[
                build(models.ConditionalGroupActivationCondition, operator="LessThan", value=1.0,
                      simple_metric=build(models.ConditionalGroupActivationSimpleMetric, metric="IdleAgentCount", queue=ref(queue_id))),
            ]),
            rules=[build(models.ConditionalGroupActivationRule, condition_expression="C1", groups=[skill_group()], conditions=[
                build(models.ConditionalGroupActivationCondition, operator="GreaterThan", value=60.0,
                      simple_metric=build(models.ConditionalGroupActivationSimpleMetric, metric="EstimatedWaitTime")),
            ])]),
        direct_routing=build(models.DirectRouting, backup_queue_id=queue_id, wait_for_agent=True, agent_wait_seconds=90,
                             call_media_settings=build(models.DirectRoutingMediaSettings, use_agent_address_outbound=True)),
        agent_owned_routing=build(models.AgentOwnedRouting, enable_agent_owned_callbacks=True, max_owned_callback_hours=24,
                                  max_owned_callback_delay_hours=2),
        member_groups=[skill_group(), build(models.MemberGroup, id="group-2", type="GROUP")],
        queue_flow=ref("flow-1"), email_in_queue_flow=ref("flow-2"), message_in_queue_flow=ref("flow-3"),
        whisper_prompt=ref("prompt-1"), on_hold_prompt=ref("prompt-2"),
        default_media_language="en-US", auto_answer_only=False,
        canned_response_libraries=build(models.CannedResponseLibraries, mode="SelectedOnly", library_ids=["lib-1"]),
        enable_transcription=True, enable_audio_monitoring=False, enable_manual_assignment=True,
        calling_party_name="Acme Billing", calling_party_number="+15555550100",
        default_scripts={"CALL": build(models.Script, id="script-1")},
        outbound_messaging_addresses=build(models.QueueMessagingAddresses, sms_address=ref("sms-1")),
        outbound_email_address=build(models.QueueEmailAddress, domain=ref("domain-1"), route=build(models.InboundRoute, id="route-1")),
        peer_id="peer-1",
        suppress_in_queue_call_recording=True,
    )
    created = fake.call(fake.routing.post_routing_queues, "Queue", request)
    got = fake.call(fake.routing.get_routing_queue, "Queue", created.id)
    problems = subset_problems(fake.sanitize(request), fake.sanitize(got), "$")
    expect(not problems, "; ".join(problems[:6]))
    ring_group = got.bullseye.rings[0].member_groups[0]
    expect_equal((ring_group.id, ring_group.name), (group_id, "Billing Experts"), "the ring's skill group, with its name")
    rule_group = got.conditional_group_routing.rules[0].groups[0]
    expect_equal((rule_group.id, rule_group.name), (group_id, "Billing Experts"), "the rule's skill group, with its name")
    status, body, _ = fake.call_error(fake.routing.put_routing_queue, created.id, build(models.QueueRequest,
        name="Billing Every Setting", direct_routing=build(models.DirectRouting, backup_queue_id="no-such-queue")))
    expect_equal(status, 400, "an unknown backup queue")
    expect_equal([detail.get("fieldName") for detail in body.get("details", [])], ["directRouting.backupQueueId"], "the field named")


def seed_user_ids(fake):
    if "users" not in fake.created:
        listing = fake.call(fake.users.get_users, "UserEntityListing", page_size=100)
        fake.created["users"] = {user.email: user.id for user in listing.entities}
    return fake.created["users"]


@check
def queue_members(fake):
    queue_id = fake.created["queues"]["Billing Support"]
    users = seed_user_ids(fake)
    jane, john = users["jane.doe@example.com"], users["john.smith@example.com"]
    fake.call(fake.routing.post_routing_queue_members, None, queue_id, [build(models.WritableEntity, id=jane), build(models.WritableEntity, id=john)])
    fake.settle()
    listing = fake.call(fake.routing.get_routing_queue_members, "QueueMemberEntityListing", queue_id, page_size=100, member_by="user")
    members = {member.id: member for member in listing.entities}
    expect_equal(set(members), {jane, john}, "queue member ids")
    expect_equal(members[jane].name, "Jane Doe", "member name")
    expect_equal(members[jane].member_by, "user", "memberBy")
    expect(members[jane].ring_number in (1, None), f"ringNumber: {members[jane].ring_number!r}")


@check
def user_routing_skills_bulk(fake):
    users = seed_user_ids(fake)
    skills = fake.created["skills"]
    jane = users["jane.doe@example.com"]
    replaced = fake.call(
        fake.users.put_user_routingskills_bulk,
        "UserSkillEntityListing",
        jane,
        [build(models.UserRoutingSkillPost, id=skills["Billing"], proficiency=3.5)],
    )
    expect_equal(
        [(s.id, s.name, s.proficiency, s.state) for s in replaced.entities],
        [(skills["Billing"], "Billing", 3.5, "active")],
        "after PUT bulk",
    )
    added = fake.call(
        fake.users.patch_user_routingskills_bulk,
        "UserSkillEntityListing",
        jane,
        [build(models.UserRoutingSkillPost, id=skills["Technical"], proficiency=5.0)],
    )
    expect_equal(sorted(s.name for s in added.entities), ["Billing", "Technical"], "after PATCH bulk")
    listing = fake.call(fake.users.get_user_routingskills, "UserSkillEntityListing", jane, page_size=100)
    got = sorted((s.name, s.proficiency, s.state) for s in listing.entities)
    expect_equal(got, [("Billing", 3.5, "active"), ("Technical", 5.0, "active")], "GET routing skills")
    skill = next(s for s in listing.entities if s.name == "Technical")
    expect_equal(skill.skill_uri, f"/api/v2/routing/skills/{skills['Technical']}", "skillUri")
    again = fake.call(
        fake.users.put_user_routingskills_bulk,
        "UserSkillEntityListing",
        jane,
        [build(models.UserRoutingSkillPost, id=skills["Technical"], proficiency=4.0)],
    )
    expect_equal([(s.name, s.proficiency) for s in again.entities], [("Technical", 4.0)], "PUT bulk replaces the whole set")


@check
def skill_group_membership(fake):
    # Ana (Home, not a direct queue member) gets what "Billing Experts" asks for: Billing 4 ≥ 3 and
    # French 3 ≥ 2, and Spanish 2 > 1.
    users = seed_user_ids(fake)
    ana = users["ana.lima@example.com"]
    skills, languages = fake.created["skills"], fake.created["languages"]
    group_id = fake.created["skill_groups"]["Billing Experts"]
    queue_id = fake.created["queues"]["Billing Support"]
    langs = fake.call(
        fake.users.patch_user_routinglanguages_bulk,
        "UserLanguageEntityListing",
        ana,
        [
            build(models.UserRoutingLanguagePost, id=languages["French"], proficiency=3.0),
            build(models.UserRoutingLanguagePost, id=languages["Spanish"], proficiency=2.0),
        ],
    )
    expect_equal(sorted((l.name, l.proficiency) for l in langs.entities), [("French", 3.0), ("Spanish", 2.0)], "languages")
    fake.call(
        fake.users.put_user_routingskills_bulk,
        "UserSkillEntityListing",
        ana,
        [build(models.UserRoutingSkillPost, id=skills["Billing"], proficiency=4.0)],
    )
    # The group (in Sales) takes members from its own division only, until Home is added.
    fake.settle()
    before = fake.call(fake.routing.get_routing_skillgroup_members, "SkillGroupMemberEntityListing", group_id, page_size=100)
    expect_equal(before.entities or [], [], "members before Home is a member division")
    home = fake.created["divisions"]["Home"]
    fake.call(
        fake.routing.post_routing_skillgroup_members_divisions,
        None,
        group_id,
        body=build(models.SkillGroupMemberDivisions, add_division_ids=[home]),
    )
    divisions = fake.call(fake.routing.get_routing_skillgroup_members_divisions, "SkillGroupMemberDivisionList", group_id)
    expect_equal(sorted(d.id for d in divisions.entities), sorted([home, fake.created["divisions"]["Sales"]]), "member divisions")
    fake.settle()
    members = fake.call(fake.routing.get_routing_skillgroup_members, "SkillGroupMemberEntityListing", group_id, page_size=100)
    expect_equal([member.id for member in members.entities], [ana], "skill group members")
    groups = fake.call(fake.users.get_user_skillgroups, "UserSkillGroupEntityListing", ana, page_size=100)
    expect_equal([group.id for group in groups.entities], [group_id], "the user's skill groups")
    by_group = fake.call(
        fake.routing.get_routing_queue_members, "QueueMemberEntityListing", queue_id, page_size=100, member_by="group"
    )
    expect_equal([member.id for member in by_group.entities], [ana], "queue members through the SKILLGROUP member group")


@check
def queue_list_and_wrapup_codes(fake):
    sales = fake.created["divisions"]["Sales"]
    queue_id = fake.created["queues"]["Billing Support"]
    code_id = fake.created["wrapup_codes"]["Resolved"]
    listing = fake.call(fake.routing.get_routing_queues, "QueueEntityListing", name="billing*", division_id=[sales])
    expect_equal([queue.id for queue in listing.entities], [queue_id], "queues named billing* in Sales")
    attached = fake.call(
        fake.routing.post_routing_queue_wrapupcodes, "list[WrapupCode]", queue_id, [build(models.WrapUpCodeReference, id=code_id)]
    )
    expect_equal([(code.id, code.name) for code in attached], [(code_id, "Resolved")], "attached wrap-up codes (plain array)")
    codes = fake.call(fake.routing.get_routing_queue_wrapupcodes, "WrapupCodeEntityListing", queue_id)
    expect_equal([code.name for code in codes.entities], ["Resolved"], "the queue's wrap-up codes")


@check
def users_search_by_email(fake):
    request = build(models.UserSearchRequest, 
        query=[build(models.UserSearchCriteria, type="EXACT", fields=["email"], value="jane.doe@example.com")],
        page_size=25,
        page_number=1,
    )
    fake.settle()
    result = fake.call(fake.users.post_users_search, "UsersSearchResponse", request)
    expect_equal(result.total, 1, "total")
    expect_equal([(user.name, user.email) for user in result.results], [("Jane Doe", "jane.doe@example.com")], "results")
    expect_equal((result.page_number, result.page_size), (1, 25), "page fields")
    expect(result.types is not None, "types missing (required in UsersSearchResponse)")


@check
def not_found_error_body(fake):
    status, body, headers = fake.call_error(fake.routing.get_routing_skill, "00000000-0000-4000-8000-000000000000")
    expect_equal(status, 404, "status")
    expect_equal(body.get("code"), "not.found", "code")
    expect_equal(body.get("status"), 404, "body status")
    expect(body.get("contextId") and body["contextId"] == headers.get("ININ-Correlation-Id"),
           f"contextId {body.get('contextId')!r} vs ININ-Correlation-Id {headers.get('ININ-Correlation-Id')!r}")


@check
def rate_limit_429(fake):
    client = fake.authenticate(fake.new_client())  # a fresh token has a fresh per-token budget
    routing = pc.RoutingApi(client)
    limit = fake.rate_limit
    succeeded = 0
    for _ in range(limit + 5):
        try:
            routing.get_routing_skills(page_size=1)
            succeeded += 1
        except ApiException as error:
            expect_equal(error.status, 429, f"status after {succeeded} requests")
            body = json.loads(error.body)
            problems = strict_problems(body, "ErrorBody")
            expect(not problems, "429 body → ErrorBody: " + "; ".join(problems))
            expect_equal(body.get("code"), "too.many.requests.retry.after", "429 code")
            expect_equal(body.get("status"), 429, "429 body status")
            retry_after = error.headers.get("Retry-After")
            expect(retry_after is not None and retry_after.isdigit() and 1 <= int(retry_after) <= 60,
                   f"Retry-After: {retry_after!r}")
            expect(f"[{retry_after}]" in body.get("message", "") or retry_after in body.get("message", ""),
                   f"message does not name the wait: {body.get('message')!r}")
            expect(body.get("contextId") == error.headers.get("ININ-Correlation-Id"), "contextId differs from ININ-Correlation-Id")
            expect_equal(succeeded, limit, "requests allowed before the 429")
            fake.created["retry_after"] = int(retry_after)
            fake.created["throttled"] = routing
            return
    raise CheckFailed(f"no 429 after {succeeded} requests with a limit of {limit}/min")


@check
def rate_limit_recovers(fake):
    routing = fake.created["throttled"]
    fake.advance(fake.created["retry_after"])
    listing = fake.call(routing.get_routing_skills, "SkillEntityListing", page_size=1)
    expect_equal(listing.page_size, 1, "pageSize after waiting Retry-After")


@check
def token_expiry_401(fake):
    fake.advance(fake.created["expires_in"] + 1)
    status, body, _ = fake.call_error(fake.routing.get_routing_skills)
    expect_equal(status, 401, "status with an expired token")
    expect(body.get("code") in ("authentication.required", "bad.credentials"), f"code: {body.get('code')!r}")
    fake.authenticate()
    listing = fake.call(fake.routing.get_routing_skills, "SkillEntityListing", page_size=1)
    expect_equal(listing.total, 3, "skills after re-authenticating")


# --------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the fake's base URL (first stdout line of fake-server)")
    parser.add_argument("--rate-limit", type=int, default=60, help="the fake's --rate-limit (requests per minute)")
    parser.add_argument("--client-id", default=os.environ.get("GENESYS_CLIENT_ID", "fake-client"))
    parser.add_argument("--client-secret", default=os.environ.get("GENESYS_CLIENT_SECRET", "fake-secret"))
    parser.add_argument("--verbose", action="store_true", help="print a traceback for each failure")
    options = parser.parse_args()

    fake = Fake(options.base_url, options.client_id, options.client_secret, options.rate_limit)
    passed = failed = 0
    for function in CHECKS:
        name = function.__name__
        try:
            function(fake)
        except CheckFailed as error:
            failed += 1
            print(f"FAIL {name}: {error}", flush=True)
        except ApiException as error:
            failed += 1
            body = (error.body or "").replace("\n", " ")[:300]
            print(f"FAIL {name}: HTTP {error.status} {body}", flush=True)
        except KeyError as error:
            failed += 1
            print(f"FAIL {name}: not run: needs {error} from an earlier check that failed", flush=True)
        except Exception as error:  # a broken check is a failed check, never a crash
            failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            if options.verbose:
                traceback.print_exc()
        else:
            passed += 1
            print(f"PASS {name}", flush=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
