#!/usr/bin/env bash
# Regenerates examples/ from scripts/GenerateExamples.java with fixed seeds (same bytes on every run, except the
# .xlsx, whose zip entries carry POI's timestamps).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/kpi" --version >/dev/null   # builds target/kpi.jar if needed
cd "$root"
java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -cp target/kpi.jar scripts/GenerateExamples.java examples/hotel
echo "examples regenerated under examples/hotel" >&2
java -cp target/kpi.jar scripts/GenerateServiceExamples.java examples/customer-service
echo "examples regenerated under examples/customer-service" >&2
java -cp target/kpi.jar scripts/GenerateRetentionExamples.java examples/retention
echo "examples regenerated under examples/retention" >&2
java -cp target/kpi.jar scripts/GenerateFunnelExamples.java examples
echo "examples regenerated under examples/sales-journey, examples/lead-stages and examples/incident-process" >&2
java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -cp target/kpi.jar scripts/GenerateB2bExamples.java examples/b2b-sales
echo "examples regenerated under examples/b2b-sales" >&2
java scripts/GenerateAbTestExamples.java examples/ab-test
echo "examples regenerated under examples/ab-test" >&2
