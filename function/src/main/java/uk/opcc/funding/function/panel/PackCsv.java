package uk.opcc.funding.function.panel;

import java.util.List;

/**
 * RFC 4180 CSV, written by hand: a few lines instead of a library in the Lambda jar. Rows end in
 * CRLF; every cell is quoted, quotes doubled, so no separator in an answer ({@code ,} or the
 * {@code ;} some locales use) can split it. A cell a spreadsheet could run as a formula gets a
 * leading single quote, so an applicant's answer can never run as one on a staff member's
 * computer: one starting with =, +, -, @, tab or CR, or with their fullwidth and small forms
 * (＝ ＋ － ＠ ﹦ ﹢ ﹣), which spreadsheets also take as signs, even after leading spaces of any
 * kind (no-break and ideographic spaces included), which spreadsheets skip.
 */
final class PackCsv {
    /** Excel needs it to read UTF-8 (a £ sign otherwise shows as Â£); other readers skip it. */
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private PackCsv() {
    }

    static String write(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(quoted(neutralised(row.get(i) == null ? "" : row.get(i))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static final String FORMULA_SIGNS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63";

    static String neutralised(String cell) {
        int i = 0;
        while (i < cell.length() && "\t\r".indexOf(cell.charAt(i)) < 0
                && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i)) || cell.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i < cell.length() && FORMULA_SIGNS.indexOf(cell.charAt(i)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quoted(String cell) {
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
