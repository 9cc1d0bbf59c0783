package uk.opcc.funding.function.panel;

import java.util.List;

/**
 * RFC 4180 CSV, written by hand: a few lines instead of a library in the Lambda jar. Rows end in
 * CRLF; a cell with a comma, quote or line break is quoted, quotes doubled. A cell a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading single quote, so
 * an applicant's answer can never run as one on a staff member's computer.
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

    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quoted(String cell) {
        if (cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
