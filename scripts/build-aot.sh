#!/usr/bin/env bash
# Build the four services' shaded jars with Micronaut AOT (root pom, profile "aot"; options in aot.properties).
#
#   scripts/build-aot.sh [extra maven arguments, e.g. -o or -Pimages]
#
# One module at a time, each with `clean`: in a single reactor build the AOT step of the second module
# fails ("Could not find logback.xml on application classpath") and the first module's shaded jar comes out
# without its dependencies (micronaut-maven-plugin 4.11.6, AOT 2.8.0; docs/decisions.md), and the optimiser
# removes application.yml and logback.xml from target/classes, so a second AOT run over the same classes
# without `clean` has nothing to convert. The jars land where the ordinary build puts them
# (<module>/target/<module>-0.1.0-SNAPSHOT.jar), so scripts/run-local.sh and scripts/bench/startup-bench.sh
# use them as they are (run-local rebuilds without AOT only if a source is newer than a jar).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for m in indicators-service audits-service actions-service gateway; do
  echo "[build-aot] $m"
  ./mvnw -B -ntp -q -Paot -DskipTests "$@" -pl "$m" -am clean package
  jar="$m/target/$m-0.1.0-SNAPSHOT.jar"
  # (the listing is read whole: `grep -q` closing the pipe early would fail the pipeline under pipefail)
  listing="$(unzip -Z1 "$jar")"
  grep -q "/aot/AOTApplicationContextConfigurer.class" <<< "$listing" \
    || { echo "[build-aot] ERROR: $jar has no AOT classes" >&2; exit 1; }
done
echo "[build-aot] done: four AOT-optimised jars"
