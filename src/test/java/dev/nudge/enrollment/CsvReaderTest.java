package dev.nudge.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(String text) throws Exception {
        CsvReader csv = CsvReader.open(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void quoted_fields_keep_separators_doubled_quotes_and_line_breaks() throws Exception {
        List<CsvReader.Row> rows = rows("email,company,note\r\n"
                + "a@x.test,\"Engines, Ltd\",\"She said \"\"hi\"\"\"\r\n"
                + "b@x.test,Plain,\"two\r\nlines\"\r\n"
                + "c@x.test,,last\r\n");

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).fields()).containsExactly("a@x.test", "Engines, Ltd", "She said \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("b@x.test", "Plain", "two\r\nlines");
        assertThat(rows.get(3).fields()).containsExactly("c@x.test", "", "last");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 5L);
        assertThat(rows).extracting(CsvReader.Row::problem).containsOnlyNulls();
    }

    @Test
    void line_numbers_count_lf_crlf_and_skipped_blank_lines() throws Exception {
        List<CsvReader.Row> rows = rows("email\n\na@x.test\r\n\r\n\"b\n@x.test\"\nc@x.test");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 3L, 5L, 7L);
        assertThat(rows.get(3).fields()).containsExactly("c@x.test");
    }

    @Test
    void a_byte_order_mark_is_dropped_and_semicolons_are_detected_from_the_header() throws Exception {
        CsvReader csv = CsvReader.open(new StringReader("\uFEFFE-Mail;Vorname;Firma\r\na@x.test;Ada;\"Engines; Ltd, Inc\"\r\n"));

        assertThat(csv.delimiter()).isEqualTo(';');
        assertThat(csv.next().fields()).containsExactly("E-Mail", "Vorname", "Firma");
        assertThat(csv.next().fields()).containsExactly("a@x.test", "Ada", "Engines; Ltd, Inc");
    }

    @Test
    void commas_win_when_the_header_has_more_of_them_and_tabs_are_detected_too() throws Exception {
        assertThat(CsvReader.open(new StringReader("email,\"a;b;c\",x\n")).delimiter()).isEqualTo(',');
        assertThat(CsvReader.open(new StringReader("email\tfirst_name\n")).delimiter()).isEqualTo('\t');
        assertThat(CsvReader.open(new StringReader("email\n")).delimiter()).isEqualTo(',');
    }

    @Test
    void broken_quoting_is_reported_on_the_row_it_starts() throws Exception {
        List<CsvReader.Row> rows = rows("email,name\na@x.test,\"Ada\" Lovelace\nb@x.test,\"never closed\nc@x.test,C\n");

        assertThat(rows.get(1).problem()).contains("after the closing quote");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).problem()).contains("opened on line 3 is never closed");
        assertThat(rows).hasSize(3);
    }
}
