/**
 * A stand-in for the three ClassGraph types Tablesaw's {@code Table} class calls when it is first
 * used, in place of the ClassGraph library (excluded from the build in {@code pom.xml}).
 *
 * <p>Why: Tablesaw's {@code Table} scans the whole class path for its own file readers and writers
 * when the class is initialised ({@code new
 * ClassGraph().enableAllInfo().whitelistPackages("tech.tablesaw.io").scan()} in its static
 * initialiser, in 0.44.4 and still on Tablesaw's main branch). kpi never uses Tablesaw's readers or
 * writers: it has its own importers and renderers. This stand-in answers that there are none, so
 * nothing is scanned and none of them is loaded, which is also why ICU4J and univocity, which only
 * they use, can be left out of the jar. {@code TablesawStartupTest} checks that Tablesaw still
 * starts and that the scan is not done.
 *
 * <p>No cleaner way was found (issue 15): neither Tablesaw nor ClassGraph 4.8.168 reads a property
 * or offers an API that skips the scan, and it runs before any kpi code could configure it.
 *
 * <p>Measured: first with async-profiler on scripts/bench.sh (0.3 s of CPU, 0.5 s of wall time per
 * run). Again for issue 15 on the hotel example, {@code scripts/kpi report -c
 * kpi-definitions/hotel-housekeeping.yaml --period 2026-10}, 15 alternating runs each on a loaded
 * 2-core machine: with this stand-in 0.93 s wall and 0.81 s CPU (medians), with the ClassGraph
 * library (and ICU4J and univocity, which its scan then loads) 1.27 s and 1.16 s.
 *
 * <p>It lives in its own source root, src/classgraph-stub/java (added by build-helper-maven-plugin
 * in pom.xml), so that src/main/java holds kpi's own code only; it is compiled into the same jar.
 */
package io.github.classgraph;
