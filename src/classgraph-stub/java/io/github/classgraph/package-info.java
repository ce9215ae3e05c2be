/**
 * A stand-in for the three ClassGraph types Tablesaw's {@code Table} class calls when it is first used, in place of
 * the ClassGraph library (excluded from the build in {@code pom.xml}).
 *
 * <p>Why: Tablesaw's {@code Table} scans the whole class path for its own file readers and writers when the class
 * is initialised. In kpi's single jar (about 37,000 entries) that scan cost about 0.3 s of CPU and 0.5 s of wall
 * time on every run, on the core the import needs (measured with async-profiler on scripts/bench.sh; README ›
 * Performance). kpi never uses Tablesaw's readers or writers: it has its own importers and renderers. This stand-in
 * answers that there are none, so nothing is scanned. {@code TablesawStartupTest} checks that Tablesaw still starts
 * and that the scan is not done.
 */
package io.github.classgraph;
