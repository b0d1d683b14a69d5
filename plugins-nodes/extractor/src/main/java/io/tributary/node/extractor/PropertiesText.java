package io.tributary.node.extractor;

import java.util.StringJoiner;

/**
 * Java {@code .properties} files as Dify renders them: every entry as {@code key: value}, comments
 * ({@code #}, {@code !}) and blank lines kept.
 */
final class PropertiesText {
    private PropertiesText() {
    }

    static String of(byte[] bytes) {
        StringJoiner out = new StringJoiner("\n");
        for (String raw : PlainText.decode(bytes).split("\\R", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                out.add(line);
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int at = eq >= 0 ? eq : colon;
            String key = at >= 0 ? line.substring(0, at) : line;
            String value = at >= 0 ? line.substring(at + 1) : "";
            out.add(key.strip() + ": " + value.strip());
        }
        return out.toString();
    }
}
