package io.tributary.node.chunkers.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Q&amp;A pairs of a CSV table: the first row is the header (as pandas reads it in Dify's tool); a column is
 * chosen by its 0-based index or by its header name. Rows whose question is blank are skipped; a short row has an
 * empty answer.
 */
public final class QaTable {
    private QaTable() {
    }

    /**
     * @param question a column index ({@link Number} or digits) or a header name
     * @throws IllegalArgumentException when the table is empty or a column does not exist, saying which
     */
    public static List<Map<String, Object>> pairs(List<List<String>> rows, Object question, Object answer) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV file is empty");
        }
        List<String> header = rows.get(0);
        int q = column("question_column", question, header);
        int a = column("answer_column", answer, header);
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String qs = q < row.size() ? row.get(q).strip() : "";
            if (qs.isEmpty()) {
                continue;
            }
            String as = a < row.size() ? row.get(a).strip() : "";
            out.add(Map.of("question", qs, "answer", as));
        }
        return out;
    }

    static int column(String name, Object spec, List<String> header) {
        Integer index = null;
        if (spec instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            index = n.intValue();
        } else if (spec instanceof String s && s.strip().matches("-?\\d+")) {
            index = Integer.parseInt(s.strip());
        }
        if (index != null) {
            if (index < 0 || index >= header.size()) {
                throw new IllegalArgumentException(name + " " + index + " does not exist: the CSV has "
                        + header.size() + " column" + (header.size() == 1 ? "" : "s") + " (0-based)");
            }
            return index;
        }
        if (spec instanceof String s && !s.isBlank()) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equals(s.strip())) {
                    return i;
                }
            }
            throw new IllegalArgumentException(name + " '" + s + "' is not a column of the CSV; its header is "
                    + header);
        }
        throw new IllegalArgumentException(name + " must be a column index or a header name, got " + spec);
    }
}
