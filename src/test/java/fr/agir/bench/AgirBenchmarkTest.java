package fr.agir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark: in the normal build at a tiny size, only to prove that it still works (its
 * figures are printed, never asserted); with {@code -Pbench} (bench/run) at the sizes given by the
 * {@code agir.bench.*} properties.
 */
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
