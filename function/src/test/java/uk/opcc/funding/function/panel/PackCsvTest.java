package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PackCsvTest {

    static List<List<String>> parse(String csv) throws IOException {
        assertThat(csv).startsWith(PackCsv.BYTE_ORDER_MARK);
        return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords().stream().map(CSVRecord::toList).toList();
    }

    @Test
    void cellsAFormulaCouldStartWithAreNeutralisedWithALeadingQuote() {
        for (String dangerous : List.of("=HYPERLINK(\"http://evil\",\"x\")", "+44 1632 960001", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertThat(PackCsv.neutralised(dangerous)).isEqualTo("'" + dangerous);
        }
        for (String safe : List.of("", "Moorside Lanes", "1250.50", "a=b", "'quoted already", "  text after spaces", "£1,250")) {
            assertThat(PackCsv.neutralised(safe)).isEqualTo(safe);
        }
    }

    /** Spreadsheets skip leading spaces of every kind and read fullwidth and small signs as signs. */
    @Test
    void aFormulaBehindLeadingSpacesOrInFullwidthSignsIsNeutralisedToo() {
        for (String dangerous : List.of(" =1+1", "   @SUM(A1)", "\u00A0=HYPERLINK(\"http://evil\")", "\u3000+1", "\u2007\u202F-1", "\uFEFF=1",
                "\uFF1DHYPERLINK(\"http://evil\")", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "\uFE661", " \uFF1D1", " \t=1")) {
            assertThat(PackCsv.neutralised(dangerous)).as(dangerous).isEqualTo("'" + dangerous);
        }
    }

    @Test
    void everyCellIsQuotedSoNoSeparatorInAnAnswerCanSplitIt() throws IOException {
        String csv = PackCsv.write(List.of(List.of("a;b", "plain", "1250.50")));

        assertThat(csv).isEqualTo(PackCsv.BYTE_ORDER_MARK + "\"a;b\",\"plain\",\"1250.50\"\r\n");
        assertThat(parse(csv).get(0)).containsExactly("a;b", "plain", "1250.50");
    }

    @Test
    void rowsRoundTripThroughApacheCommonsCsvWithQuotesCommasLineBreaksAndUnicode() throws IOException {
        List<List<String>> rows = List.of(
                List.of("Reference", "Organisation", "Notes"),
                List.of("KX7P-M2RD", "Smith, Jones & \"Partners\"", "line one\r\nline two\nline three"),
                List.of("PN4W-8HTC", "Café £ ✓ 😀", ""));

        String csv = PackCsv.write(rows);

        assertThat(parse(csv)).isEqualTo(rows);
        assertThat(csv).endsWith("\r\n").contains("\"Smith, Jones & \"\"Partners\"\"\"");
    }

    @Test
    void aFormulaSurvivesTheRoundTripOnlyAsText() throws IOException {
        String csv = PackCsv.write(List.of(List.of("=1+1", "@cmd", "-1", "+1", "\t=1", "\r=1", "fine")));

        assertThat(parse(csv).get(0)).containsExactly("'=1+1", "'@cmd", "'-1", "'+1", "'\t=1", "'\r=1", "fine")
                .allSatisfy(cell -> assertThat(cell.charAt(0)).isNotIn('=', '+', '-', '@', '\t', '\r'));
    }
}
