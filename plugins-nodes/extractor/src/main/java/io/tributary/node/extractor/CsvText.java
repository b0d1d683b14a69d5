package io.tributary.node.extractor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files as a Markdown table, as Dify renders them: the first row is the header, then a {@code ---} row, then
 * every other row. Cell text is kept on one line and pipes are escaped so the table stays a table.
 */
final class CsvText {
    private CsvText() {
    }

    static String of(byte[] bytes) throws ExtractionException {
        return table(bytes, CSVFormat.RFC4180, "CSV");
    }

    /** Tab-separated values, rendered as CSV is. */
    static String tsv(byte[] bytes) throws ExtractionException {
        return table(bytes, CSVFormat.TDF, "TSV");
    }

    private static String table(byte[] bytes, CSVFormat format, String name) throws ExtractionException {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord r : format.builder().setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(PlainText.decode(bytes)))) {
                rows.add(r.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ExtractionException("Failed to parse " + name + " file: " + e.getMessage(), e);
        }
        return markdown(rows);
    }

    /** A Markdown table of {@code rows}; the first row is the header. Empty input gives "". */
    static String markdown(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        row(sb, rows.get(0));
        sb.append('|');
        for (int i = 0; i < Math.max(1, rows.get(0).size()); i++) {
            sb.append(" --- |");
        }
        sb.append('\n');
        for (List<String> r : rows.subList(1, rows.size())) {
            row(sb, r);
        }
        return sb.toString().strip();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.strip().replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ")).append(" |");
        }
        if (cells.isEmpty()) {
            sb.append("  |");
        }
        sb.append('\n');
    }
}
