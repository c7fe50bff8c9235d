package fr.agir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs the benchmark: in the normal build at a tiny size, only to prove that it still works (its
 * figures are printed, never asserted); with {@code -Pbench} (bench/run) at the sizes given by the
 * {@code agir.bench.*} properties. In the normal build it runs beside the other classes (its own Agir on its own
 * database, see junit-platform.properties): its figures then say nothing, which the smoke run does not need.
 */
@Execution(ExecutionMode.CONCURRENT)
class AgirBenchmarkTest {

    @Test
    void theBenchmarkRunsAndWritesItsReport() throws Exception {
        boolean full = Boolean.getBoolean("agir.bench.full");
        AgirBenchmark.Settings settings = AgirBenchmark.Settings.fromSystemProperties(!full);
        Path report = new AgirBenchmark(settings).run();

        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("| " + settings.scales().get(0) + "× |", "## HTTP", "receipts/s");
    }
}
