package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void aCellStartingLikeAFormulaIsNeutralised() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\";\"clic\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\";\"\"clic\"\")\"");
        assertThat(Csv.cell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void ordinaryCellsAreKeptAndQuotedOnlyWhenNeeded() {
        assertThat(Csv.cell("Les Amis du quartier")).isEqualTo("Les Amis du quartier");
        assertThat(Csv.cell("1234,50")).isEqualTo("1234,50");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("a;b")).isEqualTo("\"a;b\"");
        StringBuilder out = new StringBuilder();
        Csv.line(out, List.of("a", "=1", "b\"c"));
        assertThat(out).hasToString("a;'=1;\"b\"\"c\"\r\n");
    }
}
