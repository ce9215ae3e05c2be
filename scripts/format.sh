#!/usr/bin/env bash
# Formats the Java sources in google-java-format's layout (mvn spotless:apply; pom.xml › spotless-maven-plugin says
# which files). `mvn verify` checks the same layout unless -Dformat.check.skip=true. Extra arguments go to Maven,
# e.g. scripts/format.sh -o to work offline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q spotless:apply "$@"
