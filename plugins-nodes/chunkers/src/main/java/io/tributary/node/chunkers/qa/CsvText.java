package io.tributary.node.chunkers.qa;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV bytes as Dify's Q&amp;A chunker does: decoded as UTF-8, else GBK, else Latin-1 (which always
 * succeeds); a UTF-8 byte-order mark is dropped. Parsed as the Excel dialect of Python's {@code csv} module:
 * comma separated, fields in double quotes may hold commas, newlines and doubled quotes.
 */
public final class CsvText {
    private CsvText() {
    }

    /** The text of {@code bytes} in the first of UTF-8, GBK, Latin-1 that decodes them without error. */
    public static String decode(byte[] bytes) {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            try {
                String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The rows of {@code text}; a blank line is an empty row. */
    public static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
