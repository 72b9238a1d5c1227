"""Nightly export of new sign-ups to the CRM."""
import csv
import sys

# TODO: map the "newsletter" column once marketing decides on the field name @company:blueharbor.example
FIELDS = ["email", "first_name", "last_name"]


def read_signups(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def main(argv):
    rows = read_signups(argv[1])
    # FIXME: deduplicate by lower-cased email before sending !medium
    for row in rows:
        print(",".join(row.get(field, "") for field in FIELDS))
    note = "TODO markers inside strings are not comments"
    return 0 if note else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
