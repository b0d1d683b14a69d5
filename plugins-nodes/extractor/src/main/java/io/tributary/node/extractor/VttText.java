package io.tributary.node.extractor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT subtitles as Dify renders them: the cue texts, consecutive cues of one speaker ({@code <v Name>})
 * merged, one {@code Speaker "text"} line per turn (just {@code "text"} without a speaker).
 */
final class VttText {
    private static final Pattern TIMING = Pattern.compile("^\\S*\\d+:\\d{2}\\.\\d{3}\\s+-->\\s+");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]*)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private record Cue(String speaker, String text) {
    }

    private VttText() {
    }

    static String of(byte[] bytes) {
        List<Cue> cues = cues(PlainText.decode(bytes));
        List<Cue> merged = new ArrayList<>();
        for (Cue c : cues) {
            Cue last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && c.speaker() != null && c.speaker().equals(last.speaker())) {
                merged.set(merged.size() - 1, new Cue(last.speaker(), last.text() + " " + c.text()));
            } else {
                merged.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Cue c : merged) {
            sb.append(sb.isEmpty() ? "" : "\n").append(c.speaker() == null ? "" : c.speaker() + " ")
                    .append('"').append(c.text()).append('"');
        }
        return sb.toString();
    }

    /** Cues in order: the lines after a timing line up to the next blank line. */
    private static List<Cue> cues(String text) {
        List<Cue> cues = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!TIMING.matcher(lines[i].strip()).find()) {
                continue;
            }
            StringBuilder payload = new StringBuilder();
            for (i++; i < lines.length && !lines[i].isBlank(); i++) {
                payload.append(payload.isEmpty() ? "" : "\n").append(lines[i].strip());
            }
            String raw = payload.toString();
            Matcher voice = VOICE.matcher(raw);
            String speaker = voice.find() ? voice.group(1).strip() : null;
            String body = TAG.matcher(raw).replaceAll("").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&nbsp;", " ").replace("&amp;", "&").strip();
            if (!body.isEmpty()) {
                cues.add(new Cue(speaker, body));
            }
        }
        return cues;
    }
}
