#!/bin/sh
# Renders the Alertmanager template (alertmanager.yml) from the environment, which Alertmanager
# itself never reads: every '${NAME}' becomes the value of NAME, escaped for the single-quoted
# YAML string it stands in; '${NAME:-}' may be empty, '${NAME}' may not. An unset or empty
# required variable, or a value with a line break, stops it with the variable's name (never its
# value) and nothing written. Comment lines are copied as they are. POSIX sh and awk: runs in the prom/alertmanager image (busybox).
#
#   render.sh TEMPLATE OUTPUT
set -eu
[ $# -eq 2 ] || { echo "usage: render.sh TEMPLATE OUTPUT" >&2; exit 2; }
if ! awk -v q="'" '
/^[ \t]*#/ { print; next }
{
  line = $0; out = ""
  while (match(line, /\$\{[A-Z][A-Z0-9_]*(:-)?\}/)) {
    token = substr(line, RSTART, RLENGTH)
    optional = (token ~ /:-\}$/)
    name = token; sub(/^\$\{/, "", name); sub(/(:-)?\}$/, "", name)
    value = ENVIRON[name]
    if (value == "" && !optional) {
      printf "alertmanager: %s is not set (see .env.example)\n", name > "/dev/stderr"; exit 1
    }
    if (value ~ /\n/) {
      printf "alertmanager: %s holds a line break\n", name > "/dev/stderr"; exit 1
    }
    gsub(q, q q, value)
    out = out substr(line, 1, RSTART - 1) value
    line = substr(line, RSTART + RLENGTH)
  }
  print out line
}' "$1" > "$2.tmp"; then
  rm -f "$2.tmp"
  exit 1
fi
mv "$2.tmp" "$2"
