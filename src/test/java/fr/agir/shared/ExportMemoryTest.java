package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 20,000-row export in a JVM capped at 256 MB (issue 20): {@link ExportMemoryRunner} in a separate
 * {@code java -Xmx256m} process, once per format. The rows' text (320 MB as Java strings) cannot fit in that
 * heap: the process ends well only if {@link TabularExport} streams. No timing is asserted (the run takes
 * about 15-40 s per format on the shared build machine). The two formats' JVMs run at the same time, beside the
 * other classes (see junit-platform.properties).
 */
@Execution(ExecutionMode.CONCURRENT)
class ExportMemoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void twentyThousandRowsInA256MbHeap(String format) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ExportMemoryRunner.class.getName(), "20000", format))
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("chars=160000000").contains("maxHeapMB=");
        if (format.equals("csv")) {
            assertThat(output).as("the header and 20,000 rows").contains("lines=20001 ");
        }
        System.out.println("ExportMemoryTest " + format + ": " + output.strip());
    }
}
