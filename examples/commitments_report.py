#!/usr/bin/env python3
"""Commitments per cluster per neighbourhood, as CSV — a plain GraphQL client.

Pages through every commitment the token may see and writes one row per cluster and
neighbourhood: how many commitments, how many in each status, and the committed money and
hours (accepted, accepted with a reservation, delivered). Only the standard library.

    WIJKGRAPH_TOKEN=$(wijkgraph token --role controller) \
    python3 examples/commitments_report.py --url http://127.0.0.1:8080/graphql --out report.csv
"""

import argparse
import csv
import json
import os
import sys
import urllib.request
from decimal import Decimal

QUERY = """
query($first: Int, $after: String) {
  commitments(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      status amount hours
      cluster { code }
      action { priority { plan { neighbourhood { code name } } } }
    }
  }
}
"""

STATUSES = ["REQUESTED", "ACCEPTED", "ACCEPTED_WITH_RESERVATION", "REJECTED", "DELIVERED", "WITHDRAWN"]
DRAWING = {"ACCEPTED", "ACCEPTED_WITH_RESERVATION", "DELIVERED"}


def post(url, token, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit("GraphQL errors: " + json.dumps(answer["errors"]))
    return answer["data"]


def commitments(url, token, page_size):
    # The server tells each caller its largest page (larger for admin and controller).
    largest = post(url, token, "{ me { maxPageSize } }", {})["me"]["maxPageSize"]
    first = min(page_size, largest)
    after = None
    while True:
        page = post(url, token, QUERY, {"first": first, "after": after})["commitments"]
        yield from page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return
        after = page["pageInfo"]["endCursor"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080/graphql")
    parser.add_argument("--out", default="-", help="CSV file, or - for standard output")
    parser.add_argument("--page-size", type=int, default=1000, help="rows per request, at most what the server allows the token")
    args = parser.parse_args()
    token = os.environ.get("WIJKGRAPH_TOKEN")

    rows = {}
    for commitment in commitments(args.url, token, args.page_size):
        plan = ((commitment.get("action") or {}).get("priority") or {}).get("plan") or {}
        hood = plan.get("neighbourhood") or {"code": "", "name": "(none)"}
        key = (commitment["cluster"]["code"], hood["code"], hood["name"])
        row = rows.setdefault(key, {"count": 0, "amount": Decimal("0"), "hours": Decimal("0"), **{s: 0 for s in STATUSES}})
        row["count"] += 1
        row[commitment["status"]] += 1
        if commitment["status"] in DRAWING:
            row["amount"] += Decimal(commitment["amount"] or "0")
            row["hours"] += Decimal(commitment["hours"] or "0")

    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    writer = csv.writer(out)
    writer.writerow(["cluster", "neighbourhood_code", "neighbourhood", "commitments", *[s.lower() for s in STATUSES], "committed_amount", "committed_hours"])
    for (cluster, code, name), row in sorted(rows.items()):
        writer.writerow([cluster, code, name, row["count"], *[row[s] for s in STATUSES], f"{row['amount']:.2f}", f"{row['hours']:.2f}"])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
